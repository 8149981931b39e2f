/**
 * Test helpers for the renderer: a fake `window.wizard` built from the contract types (every operation a
 * `vi.fn` with a sensible answer, events pushed on demand), rendering, and a walk through the steps.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import type { Lang } from '../../electron/core/i18n.js';
import type { SessionEvent } from '../../electron/core/session.js';
import type {
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
  api: WizardApi & Operations;
  /** Pushes an event to every subscriber, inside act(). */
  emit(event: WizardEvent): void;
  session(event: SessionEvent): void;
  listenerCount(): number;
}

export const DEFAULT_PATH = 'C:\\Users\\admin\\Documents\\smail_refresh_token.ini';

export function createFakeWizard(lang: Lang = 'en'): FakeWizard {
  const listeners = new Set<(event: WizardEvent) => void>();
  let language: LanguageState = { lang, source: 'os' };
  const emit = (event: WizardEvent): void => {
    act(() => {
      for (const listener of listeners) listener(event);
    });
  };
  const operations: Operations = {
    startAcquisition: vi.fn(() => Promise.resolve({ ok: true as const, value: { started: true as const } })),
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
  };
  const api = {
    ...operations,
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

/** Installs the fake as `window.wizard` (as the preload would) and renders the app. */
export async function renderApp(lang: Lang = 'en'): Promise<{ fake: FakeWizard; user: UserEvent }> {
  const fake = createFakeWizard(lang);
  Object.defineProperty(window, 'wizard', { value: fake.api, configurable: true });
  const user = userEvent.setup();
  render(<App />);
  // Let getLanguage/defaultOutputFile settle.
  await act(async () => {
    await Promise.resolve();
  });
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
