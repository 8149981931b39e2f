/**
 * Test helpers for the renderer: a fake `window.wizard` built from the contract types (every operation a
 * `vi.fn` with a sensible answer, events pushed on demand), rendering, and a walk through the steps.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import { explainCheck, explainText } from '../../electron/core/diagnose/index.js';
import type { Lang } from '../../electron/core/i18n.js';
import { explainMailFailure } from '../../electron/core/mail-check/index.js';
import type { CheckReport } from '../../electron/core/mail-check/index.js';
import type { TokenHealth } from '../../electron/core/upkeep/token-health.js';
import type { AlertSettingsView } from '../../electron/core/alerts/alert-settings.js';
import type {
  AcquisitionEvent,
  KnownApp,
  AlertSettingsInput,
  KeepAliveView,
  LanguageState,
  OperationInput,
  OperationName,
  OperationOutput,
  WizardApi,
  WizardEvent,
} from '../../electron/shared/contract.js';
import { App } from '../../renderer/App.js';
import { translate } from '../../renderer/i18n/context.js';
import type { MessageKey } from '../../renderer/i18n/catalogue.js';

type Operations = { [K in OperationName]: Mock<(input: OperationInput<K>) => Promise<OperationOutput<K>>> };

export interface FakeWizard {
  api: WizardApi & Operations & { pathForFile: Mock<(file: File) => string> };
  /** Pushes an event to every subscriber, inside act(). */
  emit(event: WizardEvent): void;
  session(event: AcquisitionEvent): void;
  listenerCount(): number;
}

export const DEFAULT_PATH = 'C:\\Users\\admin\\Documents\\smail_refresh_token.ini';

export const SHARED_MAILBOX = 'shared@contoso.com';

/** The file a mailbox gets by default: a folder named after it beside the default file. */
export const mailboxPath = (mailbox: string): string =>
  `C:\\Users\\admin\\Documents\\${mailbox}\\smail_refresh_token.ini`;
/** A note the main process adds to a schedule it made (Windows, signed in only). */
export const SAMPLE_NOTE = {
  ja: 'Windows にサインインしている間だけ実行されます。',
  en: 'Runs only while you are signed in to Windows.',
};

/** A file's health as the main process reports it: masked values only. */
export const SAMPLE_HEALTH: TokenHealth = {
  file: DEFAULT_PATH,
  provider: 'microsoft',
  providerValue: '1',
  mailbox: 'printer@contoso.com',
  tenant: 'contoso.onmicrosoft.com',
  cloud: 'global',
  authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
  clientId: '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
  protocols: ['smtp', 'imap'],
  signedInAs: 'admin@contoso.com',
  refreshTokenMasked: 'M.C5…(1432)',
  clientSecretMasked: 'se4Q…(40)',
  issuedAt: '2025-01-10T09:30:00.000Z',
  lastRefreshedAt: '2025-03-01T03:17:00.000Z',
  deadlineReason: 'inactivity',
  inactivityDeadline: '2025-05-30T03:17:00.000Z',
  daysLeft: 12,
  token: 'warning',
  secretExpiresAt: '2025-04-30',
  secretDaysLeft: 42,
  secret: 'ok',
  warnings: [
    {
      ja: 'リフレッシュ トークンは 12 日後に期限切れになります。',
      en: 'The refresh token expires in 12 days.',
    },
  ],
};

/** A check where SMTP logged in and IMAP was refused, with the shared-mailbox note. */
export const SAMPLE_REPORT: CheckReport = {
  ok: false,
  file: DEFAULT_PATH,
  userId: 'printer@contoso.com',
  protocols: ['smtp', 'imap'],
  token: {
    claims: {
      readable: true,
      audience: 'https://outlook.office.com',
      scopes: ['SMTP.Send', 'IMAP.AccessAsUser.All'],
      user: 'admin@contoso.com',
    },
    grantedScopes: ['https://outlook.office.com/SMTP.Send'],
    rotated: true,
    rotatedMasked: 'M.C6…(1432)',
  },
  findings: [
    {
      id: 'token-other-user',
      severity: 'info',
      explanation: explainCheck('token-other-user', {
        user: 'admin@contoso.com',
        mailbox: 'printer@contoso.com',
      }),
    },
  ],
  results: [
    {
      protocol: 'smtp',
      ok: true,
      host: 'smtp.office365.com',
      port: 587,
      transcript: ['S: 220 ready', 'C: AUTH XOAUTH2 dXNl…(120)', 'S: 235 2.7.0 Authentication successful'],
      messageSent: true,
      elapsedMs: 420,
    },
    {
      protocol: 'imap',
      ok: false,
      host: 'outlook.office365.com',
      port: 993,
      explanation: explainMailFailure(
        'imap',
        { host: 'outlook.office365.com', port: 993 },
        { kind: 'reply', step: 'auth', reply: 'A1 NO AUTHENTICATE failed.' },
        { mailbox: 'printer@contoso.com' },
      ),
      transcript: ['S: * OK ready', 'C: A1 AUTHENTICATE XOAUTH2 dXNl…(120)', 'S: A1 NO AUTHENTICATE failed.'],
      elapsedMs: 380,
    },
  ],
};

export function createFakeWizard(lang: Lang = 'en'): FakeWizard {
  const listeners = new Set<(event: WizardEvent) => void>();
  let language: LanguageState = { lang, source: 'os' };
  // Keep alive as the main process would answer on Windows: off, then what the admin chose.
  const keepAlive = {
    installed: undefined as { everyDays: number; at: string; loggedOut: boolean } | undefined,
    view(paths: string[]): KeepAliveView {
      const base = { id: 'rtw-0123456789', backend: 'windows-task' as const, notes: [] };
      if (keepAlive.installed === undefined) return { ...base, installed: false };
      return {
        ...base,
        ...keepAlive.installed,
        installed: true,
        command: `"C:\\Program Files\\Refresh Token Wizard\\Refresh Token Wizard.exe" refresh --scheduled -- ${paths.join(' ')}`,
        nextRun: '2025-03-10T03:17:00.000Z',
        lastRun: { at: '2025-03-03T03:21:00.000Z', exitCode: 0 },
        lastRecorded: {
          at: '2025-03-03T03:21:05.000Z',
          exitCode: 0,
          total: 1,
          refreshed: 1,
          needsReissue: 0,
          failed: 0,
        },
        notes: [SAMPLE_NOTE],
      };
    },
  };
  const alerts = { settings: { osLog: false } as AlertSettingsView };
  const emit = (event: WizardEvent): void => {
    act(() => {
      for (const listener of listeners) listener(event);
    });
  };
  const operations: Operations = {
    startAcquisition: vi.fn(() => Promise.resolve({ ok: true as const, value: { started: true as const } })),
    startDeviceCode: vi.fn(() => Promise.resolve({ ok: true as const, value: { started: true as const } })),
    cancelAcquisition: vi.fn(() => Promise.resolve()),
    planOutputFile: vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: { exists: false, changedKeys: [], addedKeys: [], duplicatesRemoved: [], warnings: [] },
      }),
    ),
    chooseOutputFile: vi.fn(() => Promise.resolve<string | undefined>('D:\\smail\\smail_refresh_token.ini')),
    defaultOutputFile: vi.fn(() => Promise.resolve(DEFAULT_PATH)),
    showInFolder: vi.fn(() => Promise.resolve()),
    copyText: vi.fn(() => Promise.resolve()),
    getLanguage: vi.fn(() => Promise.resolve(language)),
    setLanguage: vi.fn(({ lang: choice }) => {
      language = choice === 'os' ? { lang, source: 'os' } : { lang: choice, source: 'user' };
      return Promise.resolve(language);
    }),
    openExternal: vi.fn(() => Promise.resolve()),
    suggestPort: vi.fn(({ from }) => Promise.resolve<number | undefined>(from)),
    chooseTokenFile: vi.fn(() => Promise.resolve<string | undefined>(DEFAULT_PATH)),
    tokenHealth: vi.fn(({ path }) =>
      Promise.resolve({ ok: true as const, value: { ...SAMPLE_HEALTH, file: path } }),
    ),
    checkTokenFile: vi.fn(({ file }) =>
      Promise.resolve({ ok: true as const, value: { ...SAMPLE_REPORT, file } }),
    ),
    refreshFiles: vi.fn(({ paths }) =>
      Promise.resolve({
        ok: true as const,
        value: paths.map((file) => ({
          status: 'refreshed' as const,
          file,
          mailbox: SAMPLE_HEALTH.mailbox,
          refreshedAt: '2025-03-08T03:17:00.000Z',
          backupFile: `${file}.bak`,
          refreshTokenMasked: 'M.C7…(1432)',
          previousFingerprint: 'aaaaaaaaaaaa',
          fingerprint: 'bbbbbbbbbbbb',
          waitedMs: 0,
        })),
      }),
    ),
    readReissueFile: vi.fn(({ path }) =>
      Promise.resolve({
        ok: true as const,
        value: {
          input: {
            outFile: path,
            tenant: SAMPLE_HEALTH.tenant ?? 'common',
            cloud: 'global',
            clientId: SAMPLE_HEALTH.clientId,
            userId: SAMPLE_HEALTH.mailbox,
            protocols: ['smtp', 'imap'],
          },
          secretInFile: true,
          secretExpiresAt: '2025-04-30',
          missing: [],
        },
      }),
    ),
    startReissue: vi.fn(() => Promise.resolve({ ok: true as const, value: { started: true as const } })),
    startReissueAll: vi.fn(() => Promise.resolve({ ok: true as const, value: { total: 2 } })),
    rotateSecret: vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: {
          status: 'done' as const,
          verified: true,
          outcomes: [
            {
              status: 'rotated' as const,
              file: DEFAULT_PATH,
              mailbox: SAMPLE_HEALTH.mailbox,
              refreshedAt: '2025-03-08T03:17:00.000Z',
              backupFile: `${DEFAULT_PATH}.bak`,
              refreshTokenMasked: 'M.C7…(1432)',
              previousFingerprint: 'aaaaaaaaaaaa',
              fingerprint: 'bbbbbbbbbbbb',
              waitedMs: 0,
            },
          ],
          summary: { total: 1, rotated: 1, needsSignIn: 0, failed: 0, skipped: 0 },
          rememberedSecret: 'unchanged' as const,
        },
      }),
    ),
    skipReissueAllStep: vi.fn(() => Promise.resolve()),
    cancelReissueAll: vi.fn(() => Promise.resolve()),
    keepAliveStatus: vi.fn(({ paths }) =>
      Promise.resolve({ ok: true as const, value: keepAlive.view(paths) }),
    ),
    keepAliveAdd: vi.fn(({ paths, everyDays, at, loggedOut }) => {
      keepAlive.installed = { everyDays, at, loggedOut };
      return Promise.resolve({ ok: true as const, value: keepAlive.view(paths) });
    }),
    keepAliveRemove: vi.fn(({ paths }) => {
      keepAlive.installed = undefined;
      return Promise.resolve({ ok: true as const, value: keepAlive.view(paths) });
    }),
    alertSettings: vi.fn(() => Promise.resolve({ ok: true as const, value: { settings: alerts.settings } })),
    setAlertSettings: vi.fn((input: AlertSettingsInput) => {
      if (input.webhookUrl?.startsWith('http:') === true)
        return Promise.resolve({
          ok: true as const,
          value: {
            settings: alerts.settings,
            problem: { ja: 'この Webhook の URL は使えません', en: 'The webhook URL is refused' },
          },
        });
      if (input.webhookUrl !== undefined)
        alerts.settings = {
          ...alerts.settings,
          webhook: { url: `${new URL(input.webhookUrl).origin}/…`, format: 'teams' },
        };
      if (input.email !== undefined) alerts.settings = { ...alerts.settings, email: input.email };
      if (input.osLog !== undefined) alerts.settings = { ...alerts.settings, osLog: input.osLog };
      return Promise.resolve({ ok: true as const, value: { settings: alerts.settings } });
    }),
    testAlerts: vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: {
          channels: [
            {
              channel: 'webhook' as const,
              ok: true,
              detail: {
                ja: 'https://prod-01.japaneast.logic.azure.com/… (teams): HTTP 202',
                en: 'https://prod-01.japaneast.logic.azure.com/… (teams): HTTP 202',
              },
            },
          ],
        },
      }),
    ),
    listMailboxes: vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: {
          encryptionAvailable: true,
          mailboxes: [
            {
              entry: {
                path: DEFAULT_PATH,
                mailbox: SAMPLE_HEALTH.mailbox,
                tenant: 'contoso.onmicrosoft.com',
                clientId: SAMPLE_HEALTH.clientId,
                addedAt: '2025-01-10T09:30:00.000Z',
              },
              health: SAMPLE_HEALTH,
              secretRemembered: true,
            },
          ],
        },
      }),
    ),
    addMailbox: vi.fn(({ path }) =>
      Promise.resolve({
        ok: true as const,
        value: {
          path,
          mailbox: SAMPLE_HEALTH.mailbox,
          tenant: 'contoso.onmicrosoft.com',
          clientId: SAMPLE_HEALTH.clientId,
          addedAt: '2025-01-10T09:30:00.000Z',
        },
      }),
    ),
    removeMailbox: vi.fn(() => Promise.resolve({ ok: true as const, value: { removed: true } })),
    hasSecret: vi.fn(() => Promise.resolve({ remembered: false, encryptionAvailable: true })),
    forgetSecret: vi.fn(() => Promise.resolve({ ok: true as const, value: { forgotten: true as const } })),
    explainText: vi.fn(({ text }: { text: string }) => Promise.resolve(explainText(text))),
    listKnownApps: vi.fn(() => Promise.resolve({ ok: true as const, value: [] as KnownApp[] })),
    setSecretExpiry: vi.fn(({ expiresAt }) => Promise.resolve({ ok: true as const, value: { expiresAt } })),
  };
  const api = {
    ...operations,
    pathForFile: vi.fn((file: File) => `/dropped/${file.name}`),
    onEvent: (listener: (event: WizardEvent) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return {
    api,
    emit,
    session: (event) => emit({ channel: 'session', event }),
    listenerCount: () => listeners.size,
  };
}

/**
 * Installs the fake as `window.wizard` (as the preload would) and renders the app. The app starts in quick mode;
 * most tests walk the guided wizard, so by default this opens it ("Guided setup"), as an admin would with one
 * click. `mode: 'quick'` leaves the app where it starts.
 */
export async function renderApp(
  lang: Lang = 'en',
  options: { mode?: 'quick' | 'guided'; fake?: FakeWizard } = {},
): Promise<{ fake: FakeWizard; user: UserEvent }> {
  const fake = options.fake ?? createFakeWizard(lang);
  Object.defineProperty(window, 'wizard', { value: fake.api, configurable: true });
  const user = userEvent.setup();
  render(<App />);
  // Let getLanguage/defaultOutputFile/listKnownApps settle.
  await act(async () => {
    await Promise.resolve();
  });
  if ((options.mode ?? 'guided') === 'guided')
    await user.click(screen.getByRole('button', { name: translate(lang, 'mode.toGuided') }));
  return { fake, user };
}

/** A catalogue text, for queries. */
export const tx = (lang: Lang, key: MessageKey, params?: Record<string, string | number>): string =>
  translate(lang, key, params);

export const VALID = {
  clientId: '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
  secret: 'se4Q~abcdefghijklmnopqrstuvwxyz0123456789',
  userId: 'printer@contoso.com',
};

/** The session event of a new INI file written for VALID's mailbox, with the sample masked token. */
export const WRITTEN: Extract<AcquisitionEvent, { type: 'written' }> = {
  type: 'written',
  file: DEFAULT_PATH,
  created: true,
  userId: VALID.userId,
  signedInAs: VALID.userId,
  refreshTokenMasked: 'M.C5…(1432)',
  warnings: [],
};

export async function clickNext(user: UserEvent, lang: Lang = 'en'): Promise<void> {
  await user.click(screen.getByRole('button', { name: tx(lang, 'nav.next') }));
}

/** Fills each step validly and moves on until `until` is the current step. */
export async function walkTo(
  user: UserEvent,
  until: 'registration' | 'mailbox' | 'output' | 'signin',
  lang: Lang = 'en',
): Promise<void> {
  await clickNext(user, lang); // account: the defaults (work, common) are valid
  if (until === 'registration') return;
  await user.click(screen.getByLabelText(tx(lang, 'reg.clientId.label')));
  await user.paste(VALID.clientId);
  await user.click(screen.getByLabelText(tx(lang, 'reg.secret.label')));
  await user.paste(VALID.secret);
  await clickNext(user, lang);
  if (until === 'mailbox') return;
  await user.click(screen.getByLabelText(tx(lang, 'mailbox.userId.label')));
  await user.paste(VALID.userId);
  await clickNext(user, lang);
  if (until === 'output') return;
  await clickNext(user, lang);
}

/** The current step's heading text. */
export function currentHeading(): string {
  return screen.getByRole('heading', { level: 2 }).textContent ?? '';
}
