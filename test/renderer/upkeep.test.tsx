// @vitest-environment jsdom
/**
 * The token-upkeep views against the fake `window.wizard`: the Check step after an acquisition, an INI file
 * opened (button and drag and drop) with its health, refresh, re-issue and schedule, and the mailboxes list.
 * Keyboard-only where it matters, axe on every new view.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserEvent } from '@testing-library/user-event';
import type { Protocol } from '../../electron/core/providers/types.js';
import type { CheckReport } from '../../electron/core/mail-check/index.js';
import { VALIDATION_MESSAGES } from '../../electron/core/sign-in/validation-messages.js';
import { checkReducer, INITIAL_CHECK } from '../../renderer/check-state.js';
import { INITIAL_FORM, initialState, profileInputOf, reducer } from '../../renderer/state.js';
import { formatDate } from '../../renderer/views/format.js';
import {
  DEFAULT_PATH,
  SAMPLE_HEALTH,
  SAMPLE_NOTE,
  SAMPLE_REPORT,
  VALID,
  WRITTEN,
  clickNext,
  currentHeading,
  renderApp,
  tx,
  walkTo,
} from './helpers.js';
import { violations } from './screen-checks.js';
import { formatDateTime } from '../../renderer/views/format.js';
import type { FakeWizard } from './helpers.js';

afterEach(cleanup);
HTMLCanvasElement.prototype.getContext = () => null;

/**
 * Opens the sample file, whose recorded settings are `recorded` (an authority the form may not express), chooses
 * Re-issue and goes back from the Registration step to the Account step.
 */
async function reissueToAccountStep(
  r: { fake: FakeWizard; user: UserEvent },
  recorded: { authority: string; protocols?: Protocol[] },
): Promise<void> {
  r.fake.api.readReissueFile.mockImplementationOnce(({ path }) =>
    Promise.resolve({
      ok: true as const,
      value: {
        input: {
          outFile: path,
          clientId: SAMPLE_HEALTH.clientId,
          userId: SAMPLE_HEALTH.mailbox,
          ...recorded,
        },
        secretInFile: true,
        secretExpiresAt: undefined,
        missing: [],
      },
    }),
  );
  await r.user.click(screen.getByRole('button', { name: tx('en', 'nav.openFile') }));
  await screen.findByText(SAMPLE_HEALTH.refreshTokenMasked);
  await r.user.click(screen.getByRole('button', { name: tx('en', 'file.action.reissue') }));
  await screen.findByRole('heading', { level: 2, name: tx('en', 'step.registration.title') });
  await r.user.click(screen.getByRole('button', { name: tx('en', 'nav.back') }));
}

/** Runs the wizard to a written file and shows the result step. */
async function toResult(fake: FakeWizard, user: UserEvent): Promise<void> {
  await walkTo(user, 'signin');
  await user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
  fake.session(WRITTEN);
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the Check step', () => {
  it('is offered on the result, runs the check with the chosen protocols, shows progress and the report', async () => {
    const { fake, user } = await renderApp('en');
    await toResult(fake, user);
    fake.emit({
      channel: 'mailboxes',
      event: { type: 'registered', path: DEFAULT_PATH, secret: 'not-requested' },
    });
    expect(screen.getByText(tx('en', 'result.registered'))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: tx('en', 'result.checkNow') }));
    expect(currentHeading()).toBe(tx('en', 'step.check.title'));
    expect(document.activeElement?.id).toBe('step-heading');

    const answer = deferred<{ ok: true; value: CheckReport }>();
    fake.api.checkTokenFile.mockReturnValueOnce(answer.promise);
    await user.click(screen.getByLabelText(tx('en', 'mailbox.protocol.imap')));
    await user.type(screen.getByLabelText(tx('en', 'check.sendTo.label')), 'someone@contoso.com');
    await user.click(screen.getByRole('button', { name: tx('en', 'check.run') }));
    expect(fake.api.checkTokenFile).toHaveBeenCalledWith({
      file: DEFAULT_PATH,
      protocols: ['smtp', 'imap'],
      sendTo: 'someone@contoso.com',
    });
    expect(screen.getByText(tx('en', 'check.progress.redeeming'))).toBeTruthy();
    fake.emit({
      channel: 'check',
      file: DEFAULT_PATH,
      event: { type: 'connecting', protocol: 'smtp', host: 'smtp.office365.com', port: 587 },
    });
    expect(
      screen.getByText(
        tx('en', 'check.progress.connecting', { protocol: 'SMTP', server: 'smtp.office365.com:587' }),
      ),
    ).toBeTruthy();
    // Events about another file are not this check's.
    fake.emit({ channel: 'check', file: '/other.ini', event: { type: 'redeeming', scopes: [] } });
    expect(screen.queryByText(tx('en', 'check.progress.redeeming'))).toBeNull();
    expect(screen.getByRole('button', { name: tx('en', 'check.runAgain') })).toHaveProperty('disabled', true);

    await act(async () => {
      answer.resolve({ ok: true, value: SAMPLE_REPORT });
      await answer.promise;
    });
    expect(screen.getByText(tx('en', 'check.summary.failed'), { selector: '.banner p' })).toBeTruthy();
    expect(
      screen.getByText(tx('en', 'check.result.ok', { protocol: 'SMTP', server: 'smtp.office365.com:587' })),
    ).toBeTruthy();
    expect(
      screen.getByText(
        tx('en', 'check.result.failed', { protocol: 'IMAP', server: 'outlook.office365.com:993' }),
      ),
    ).toBeTruthy();
    expect(screen.getByText(tx('en', 'check.result.messageSent'))).toBeTruthy();
    expect(screen.getByText(tx('en', 'check.token.rotated'))).toBeTruthy();
    const imapExplanation = SAMPLE_REPORT.results[1]?.explanation;
    expect(screen.getByText(imapExplanation?.title.en ?? 'missing')).toBeTruthy();
    const finding = SAMPLE_REPORT.findings[0]?.explanation;
    expect(screen.getByText(finding?.title.en ?? 'missing')).toBeTruthy();
    // The transcript is behind a disclosure.
    const summary = screen.getByText(tx('en', 'check.transcript', { protocol: 'IMAP', lines: 3 }));
    const details = summary.closest('details');
    expect(details?.open).toBe(false);
    await user.click(summary);
    expect(details?.open).toBe(true);
    expect(within(details as HTMLElement).getByRole('region').textContent).toContain(
      'NO AUTHENTICATE failed.',
    );
    expect(await violations()).toEqual([]);
  });

  it('explains a check the main process could not run', async () => {
    const { fake, user } = await renderApp('en');
    await toResult(fake, user);
    await user.click(screen.getByRole('button', { name: tx('en', 'result.checkNow') }));
    fake.api.checkTokenFile.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'file-unreadable',
        explanation: {
          id: 'file-unreadable',
          title: { ja: '読めません', en: 'The file cannot be read' },
          why: { ja: 'なし', en: 'It is gone.' },
          steps: [],
        },
      },
    });
    await user.click(screen.getByRole('button', { name: tx('en', 'check.run') }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('The file cannot be read')).toBeTruthy();
  });

  it('cannot be reached without a written file', () => {
    const state = reducer(initialState(), { type: 'go', step: 'check' });
    expect(state.step).toBe('account');
  });
});

describe('an INI file opened', () => {
  async function openFile(lang: 'en' | 'ja' = 'en') {
    const r = await renderApp(lang);
    await r.user.click(screen.getByRole('button', { name: tx(lang, 'nav.openFile') }));
    await screen.findByText(SAMPLE_HEALTH.refreshTokenMasked);
    return r;
  }

  it('shows the health: mailbox, tenant, protocols, masked token, days left, secret expiry, warnings', async () => {
    const { fake } = await openFile();
    expect(fake.api.chooseTokenFile).toHaveBeenCalled();
    expect(fake.api.tokenHealth).toHaveBeenCalledWith({ path: DEFAULT_PATH });
    expect(fake.api.addMailbox).toHaveBeenCalledWith({ path: DEFAULT_PATH });
    expect(currentHeading()).toBe(tx('en', 'file.title'));
    expect(document.activeElement?.id).toBe('step-heading');
    expect(screen.getAllByText(SAMPLE_HEALTH.mailbox).length).toBeGreaterThan(0);
    expect(screen.getByText('contoso.onmicrosoft.com')).toBeTruthy();
    expect(screen.getByText('SMTP, IMAP')).toBeTruthy();
    expect(screen.getByText(tx('en', 'file.daysLeft', { days: 12 }))).toBeTruthy();
    expect(screen.getByText(tx('en', 'file.state.warning'))).toBeTruthy();
    expect(screen.getByText(SAMPLE_HEALTH.warnings[0]?.en ?? '')).toBeTruthy();
    expect(screen.getByText(/Apr 30, 2025/)).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('refreshes it now and shows the new token masked', async () => {
    const { fake, user } = await openFile();
    await user.click(screen.getByRole('button', { name: tx('en', 'file.action.refresh') }));
    expect(fake.api.refreshFiles).toHaveBeenCalledWith({ paths: [DEFAULT_PATH] });
    expect(await screen.findByText(tx('en', 'file.refresh.done', { token: 'M.C7…(1432)' }))).toBeTruthy();
    expect(fake.api.tokenHealth).toHaveBeenCalledTimes(2);
  });

  it('offers the re-issue when the token can no longer be refreshed', async () => {
    const { fake, user } = await openFile();
    fake.api.refreshFiles.mockResolvedValueOnce({
      ok: true,
      value: [
        {
          status: 'needs-reissue',
          file: DEFAULT_PATH,
          code: 'aadsts',
          reissueCommand: `rtw acquire --from "${DEFAULT_PATH}"`,
          explanation: {
            id: 'AADSTS700082',
            title: { ja: '期限切れ', en: 'The refresh token expired' },
            why: { ja: '90 日', en: '90 days unused.' },
            steps: [],
          },
        },
      ],
    });
    await user.click(screen.getByRole('button', { name: tx('en', 'file.action.refresh') }));
    expect(await screen.findByText('The refresh token expired')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: tx('en', 'file.action.reissue') })).toHaveLength(2);
  });

  it('checks it in place', async () => {
    const { fake, user } = await openFile();
    const check = screen.getByRole('button', { name: tx('en', 'file.action.check') });
    expect(check.getAttribute('aria-expanded')).toBe('false');
    await user.click(check);
    expect(check.getAttribute('aria-expanded')).toBe('true');
    // The file's protocols are ticked.
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'mailbox.protocol.imap')).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: tx('en', 'check.run') }));
    expect(fake.api.checkTokenFile).toHaveBeenCalledWith({ file: DEFAULT_PATH, protocols: ['smtp', 'imap'] });
    expect(await screen.findByText(tx('en', 'check.results.title'))).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('keeps the file alive with this OS’s scheduler only: on, its status, updated, off', async () => {
    const { fake, user } = await openFile();
    await user.click(screen.getByText(tx('en', 'keepAlive.title'), { selector: 'summary' }));
    const backend = tx('en', 'keepAlive.backend.windows-task');
    await screen.findByText(tx('en', 'keepAlive.intro', { backend }));
    expect(fake.api.keepAliveStatus).toHaveBeenCalledWith({ paths: [DEFAULT_PATH] });
    expect(screen.getByText(tx('en', 'keepAlive.state.off'))).toBeTruthy();
    // Only this OS: no other scheduler is named.
    expect(screen.queryByText(/systemd|LaunchAgent|crontab/)).toBeNull();
    expect(screen.getByText(tx('en', 'keepAlive.loggedOut.hint.windows-task'))).toBeTruthy();

    await user.selectOptions(screen.getByLabelText(tx('en', 'keepAlive.every')), '14');
    const at = screen.getByLabelText(tx('en', 'keepAlive.at'));
    await user.clear(at);
    await user.type(at, '9');
    expect(at.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: tx('en', 'keepAlive.add') }).disabled).toBe(
      true,
    );
    await user.type(at, '{Backspace}04:05');
    await user.click(screen.getByLabelText(tx('en', 'keepAlive.loggedOut')));
    await user.click(screen.getByRole('button', { name: tx('en', 'keepAlive.add') }));
    expect(fake.api.keepAliveAdd).toHaveBeenCalledWith({
      paths: [DEFAULT_PATH],
      everyDays: 14,
      at: '04:05',
      loggedOut: true,
    });
    await screen.findByText(tx('en', 'keepAlive.state.on', { every: 14, at: '04:05', backend }));
    expect(
      screen.getByText(
        `${formatDateTime('2025-03-03T03:21:00.000Z', 'en')} — ${tx('en', 'keepAlive.result.ok')}`,
      ),
    ).toBeTruthy();
    expect(screen.getByText(SAMPLE_NOTE.en)).toBeTruthy();
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: tx('en', 'keepAlive.remove') }));
    expect(fake.api.keepAliveRemove).toHaveBeenCalledWith({ paths: [DEFAULT_PATH] });
    await screen.findByText(tx('en', 'keepAlive.state.off'));
  });

  it('configures alerts: the webhook URL typed like a password and never shown back, a refused one explained, a test', async () => {
    const { fake, user } = await openFile();
    await user.click(screen.getByText(tx('en', 'keepAlive.title'), { selector: 'summary' }));
    const url = await screen.findByLabelText<HTMLInputElement>(tx('en', 'alerts.webhookUrl'));
    expect(url.type).toBe('password');
    await user.type(url, 'http://hooks.example/x?sig=SECRET');
    await user.click(screen.getByRole('button', { name: tx('en', 'alerts.save') }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'The webhook URL is refused');
    await user.clear(url);
    await user.type(url, 'https://prod-01.japaneast.logic.azure.com/workflows/1?sig=SECRET');
    await user.type(screen.getByLabelText(tx('en', 'alerts.email')), 'it-admin@contoso.com');
    await user.click(screen.getByLabelText(tx('en', 'alerts.viaThisFile')));
    await user.click(screen.getByRole('button', { name: tx('en', 'alerts.save') }));
    expect(fake.api.setAlertSettings).toHaveBeenLastCalledWith({
      webhookUrl: 'https://prod-01.japaneast.logic.azure.com/workflows/1?sig=SECRET',
      webhookFormat: 'auto',
      email: { to: 'it-admin@contoso.com', via: DEFAULT_PATH },
    });
    await screen.findByText('https://prod-01.japaneast.logic.azure.com/… (Teams (Adaptive Card))');
    expect(url.value).toBe('');
    expect(document.body.textContent).not.toContain('SECRET');
    await user.click(screen.getByLabelText(tx('en', 'alerts.osLog')));
    expect(fake.api.setAlertSettings).toHaveBeenLastCalledWith({ osLog: true });
    await user.click(screen.getByRole('button', { name: tx('en', 'alerts.test') }));
    expect(fake.api.testAlerts).toHaveBeenCalledWith({ paths: [DEFAULT_PATH] });
    await screen.findByText(
      tx('en', 'alerts.test.sent', {
        channel: tx('en', 'alerts.channel.webhook'),
        detail: 'https://prod-01.japaneast.logic.azure.com/… (teams): HTTP 202',
      }),
    );
    expect(await violations()).toEqual([]);
  });

  it('opens a dropped .ini file, and says so when something else is dropped', async () => {
    const { fake } = await renderApp('en');
    const app = document.querySelector('.app') as HTMLElement;
    const ini = new File(['[OAUTH2]'], 'printer.ini');
    fireEvent.drop(app, { dataTransfer: { files: [ini], types: ['Files'] } });
    expect(fake.api.pathForFile.mock.calls).toEqual([[ini]]);
    expect(await screen.findByText(SAMPLE_HEALTH.refreshTokenMasked)).toBeTruthy();
    expect(fake.api.tokenHealth).toHaveBeenCalledWith({ path: '/dropped/printer.ini' });
    fireEvent.drop(app, { dataTransfer: { files: [new File(['x'], 'photo.png')], types: ['Files'] } });
    expect(screen.getByRole('alert').textContent).toBe(tx('en', 'drop.notIni'));
  });

  it('does not switch views for a dropped file while a re-issue of all runs, and says why', async () => {
    const { fake, user } = await renderApp('en');
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.mailboxes') }));
    await screen.findByRole('table');
    await user.click(
      screen.getByRole('button', {
        name: tx('en', 'reissueAll.actionLabel', { clientId: SAMPLE_HEALTH.clientId }),
      }),
    );
    const app = document.querySelector('.app') as HTMLElement;
    fireEvent.drop(app, { dataTransfer: { files: [new File(['[OAUTH2]'], 'other.ini')], types: ['Files'] } });
    expect(screen.getByRole('alert').textContent).toBe(tx('en', 'drop.busy'));
    expect(fake.api.tokenHealth).not.toHaveBeenCalled();
    expect(currentHeading()).toBe(tx('en', 'mailboxes.title'));
  });
});

describe('re-issue from a file', () => {
  async function reissue() {
    const r = await renderApp('en');
    await r.user.click(screen.getByRole('button', { name: tx('en', 'nav.openFile') }));
    await screen.findByText(SAMPLE_HEALTH.refreshTokenMasked);
    await r.user.click(screen.getByRole('button', { name: tx('en', 'file.action.reissue') }));
    await screen.findByRole('heading', { level: 2, name: tx('en', 'step.registration.title') });
    return r;
  }

  it('fills the wizard from the file, keeps the file’s secret by default, and re-issues into the file', async () => {
    const { fake, user } = await reissue();
    expect(fake.api.readReissueFile).toHaveBeenCalledWith({ path: DEFAULT_PATH });
    expect(screen.getByText(tx('en', 'reissue.note', { file: DEFAULT_PATH }))).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.clientId.label')).value).toBe(
      SAMPLE_HEALTH.clientId,
    );
    const keep = screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.keepSecret.label'));
    expect(keep.checked).toBe(true);
    expect(screen.getByText(tx('en', 'reg.keepSecret.hintExpires', { date: '2025-04-30' }))).toBeTruthy();
    expect(screen.queryByLabelText(tx('en', 'reg.secret.label'))).toBeNull();
    expect(await violations()).toEqual([]);
    await clickNext(user);
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'mailbox.userId.label')).value).toBe(
      SAMPLE_HEALTH.mailbox,
    );
    await clickNext(user);
    await clickNext(user);
    await user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
    expect(fake.api.startAcquisition).not.toHaveBeenCalled();
    expect(fake.api.startReissue).toHaveBeenCalledWith({
      path: DEFAULT_PATH,
      keepFileSecret: true,
      changes: expect.objectContaining({
        clientId: SAMPLE_HEALTH.clientId,
        clientSecret: '',
        userId: SAMPLE_HEALTH.mailbox,
        protocols: ['smtp', 'imap'],
        outFile: DEFAULT_PATH,
      }) as unknown,
    });
    const changes = fake.api.startReissue.mock.calls[0]?.[0].changes;
    expect(changes !== undefined && 'clientSecretExpiresAt' in changes).toBe(false);
  });

  it('keeps a private or test authority the form cannot express, and says so instead of showing a tenant', async () => {
    const authority = 'https://login.sandbox.contoso.test/contoso.onmicrosoft.com';
    const r = await renderApp('en');
    await reissueToAccountStep(r, { authority, protocols: ['smtp'] });
    expect(currentHeading()).toBe(tx('en', 'step.account.title'));
    expect(screen.getByText(tx('en', 'account.customAuthority', { authority }))).toBeTruthy();
    expect(screen.queryByLabelText(tx('en', 'account.tenant.label'))).toBeNull();
    expect(await violations()).toEqual([]);
    for (let i = 0; i < 4; i++) await clickNext(r.user);
    await r.user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
    expect(r.fake.api.startReissue).toHaveBeenCalledWith(
      expect.objectContaining({ changes: expect.objectContaining({ authority }) as unknown }),
    );
  });

  it('a recorded authority MSAL would refuse is explained on the Account step, not a silent dead end', async () => {
    const authority = 'https://login.sandbox.contoso.test/tfp/contoso';
    const r = await renderApp('en');
    await reissueToAccountStep(r, { authority });
    await clickNext(r.user);
    // Still on the Account step, with the validation message for the authority in view.
    expect(currentHeading()).toBe(tx('en', 'step.account.title'));
    expect(screen.getByText(VALIDATION_MESSAGES.authorityInvalid.en)).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('takes a new secret and its expiry when the admin unticks “keep”', async () => {
    const { fake, user } = await reissue();
    await user.click(screen.getByLabelText(tx('en', 'reg.keepSecret.label')));
    await clickNext(user);
    expect(currentHeading()).toBe(tx('en', 'step.registration.title'));
    await user.click(screen.getByLabelText(tx('en', 'reg.secret.label')));
    await user.paste(VALID.secret);
    await user.type(screen.getByLabelText(tx('en', 'reg.secretExpires.label')), '2027-01-31');
    await clickNext(user);
    await clickNext(user);
    await clickNext(user);
    await user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
    expect(fake.api.startReissue).toHaveBeenCalledWith(
      expect.objectContaining({
        keepFileSecret: false,
        changes: expect.objectContaining({
          clientSecret: VALID.secret,
          clientSecretExpiresAt: '2027-01-31',
        }) as unknown,
      }) as unknown,
    );
  });
});

describe('remembering the secret', () => {
  it('is offered where the OS can encrypt, and asked of the main process with the acquisition', async () => {
    const { fake, user } = await renderApp('en');
    await walkTo(user, 'registration');
    await user.click(screen.getByLabelText(tx('en', 'reg.clientId.label')));
    await user.paste(VALID.clientId);
    await user.click(screen.getByLabelText(tx('en', 'reg.secret.label')));
    await user.paste(VALID.secret);
    expect(fake.api.hasSecret).toHaveBeenCalledWith({ clientId: VALID.clientId });
    await user.click(await screen.findByLabelText(tx('en', 'reg.remember.label')));
    await clickNext(user);
    await user.click(screen.getByLabelText(tx('en', 'mailbox.userId.label')));
    await user.paste(VALID.userId);
    await clickNext(user);
    await clickNext(user);
    await user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
    expect(fake.api.startAcquisition).toHaveBeenCalledWith(expect.objectContaining({ rememberSecret: true }));
  });

  it('is not offered where nothing can encrypt it', async () => {
    const { fake, user } = await renderApp('en');
    fake.api.hasSecret.mockResolvedValue({ remembered: false, encryptionAvailable: false });
    await walkTo(user, 'registration');
    await user.click(screen.getByLabelText(tx('en', 'reg.clientId.label')));
    await user.paste(VALID.clientId);
    expect(screen.queryByLabelText(tx('en', 'reg.remember.label'))).toBeNull();
  });
});

describe('the mailboxes view', () => {
  it('lists the managed files with their health; refresh, remove, open, forget a secret', async () => {
    const { fake, user } = await renderApp('en');
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.mailboxes') }));
    const app = tx('en', 'mailboxes.appName.microsoft', { tenant: SAMPLE_HEALTH.tenant ?? '' });
    const table = await screen.findByRole('table', { name: tx('en', 'mailboxes.caption', { app }) });
    expect(currentHeading()).toBe(tx('en', 'mailboxes.title'));
    // The app named once, above its mailboxes, not on each row.
    expect(screen.getByRole('heading', { level: 3, name: app })).toBeTruthy();
    const row = within(table).getByRole('row', { name: new RegExp(SAMPLE_HEALTH.mailbox) });
    expect(within(row).queryByText(SAMPLE_HEALTH.clientId)).toBeNull();
    // The file as its name and its folder, the whole path in the tooltip.
    expect(within(row).getByText('smail_refresh_token.ini').closest('[title]')?.getAttribute('title')).toBe(
      DEFAULT_PATH,
    );
    expect(within(row).getByText(tx('en', 'file.daysLeft', { days: 12 }))).toBeTruthy();
    // The secret's expiry has a column.
    expect(within(row).getByText(formatDate('2025-04-30', 'en'))).toBeTruthy();
    // The row's actions stay on one line (the style keeps them there).
    expect(within(row).getAllByRole('button')[0]?.parentElement?.className).toBe('row-actions');
    expect(await violations()).toEqual([]);

    await user.click(
      within(row).getByRole('button', {
        name: tx('en', 'mailboxes.refreshLabel', { mailbox: SAMPLE_HEALTH.mailbox }),
      }),
    );
    expect(fake.api.refreshFiles).toHaveBeenCalledWith({ paths: [DEFAULT_PATH] });
    expect(await screen.findByText(tx('en', 'mailboxes.row.refreshed'))).toBeTruthy();
    // The view's own announcement (the alert settings below have a status of their own).
    expect(
      screen.getByText(tx('en', 'mailboxes.refreshed', { refreshed: 1, total: 1 })).getAttribute('role'),
    ).toBe('status');

    await user.click(
      screen.getByRole('button', {
        name: tx('en', 'mailboxes.forgetLabel', { clientId: SAMPLE_HEALTH.clientId }),
      }),
    );
    expect(fake.api.forgetSecret).toHaveBeenCalledWith({ clientId: SAMPLE_HEALTH.clientId });

    await user.click(
      within(row).getByRole('button', {
        name: tx('en', 'mailboxes.removeLabel', { mailbox: SAMPLE_HEALTH.mailbox }),
      }),
    );
    expect(fake.api.removeMailbox).toHaveBeenCalledWith({ path: DEFAULT_PATH });

    await user.click(
      within(row).getByRole('button', {
        name: tx('en', 'mailboxes.openLabel', { mailbox: SAMPLE_HEALTH.mailbox }),
      }),
    );
    expect(currentHeading()).toBe(tx('en', 'file.title'));
    // Back to the wizard, where it was.
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.wizard') }));
    expect(currentHeading()).toBe(tx('en', 'step.account.title'));
  });

  it('says when there is nothing yet, and adds a file through the open dialog', async () => {
    const { fake, user } = await renderApp('en');
    fake.api.listMailboxes.mockResolvedValue({
      ok: true,
      value: { mailboxes: [], encryptionAvailable: false },
    });
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.mailboxes') }));
    expect(await screen.findByText(tx('en', 'mailboxes.empty'))).toBeTruthy();
    expect(screen.getByText(tx('en', 'mailboxes.secrets.unavailable'))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: tx('en', 'mailboxes.add') }));
    expect(fake.api.addMailbox).toHaveBeenCalledWith({ path: DEFAULT_PATH });
    expect(await violations()).toEqual([]);
  });
});

describe('pure state', () => {
  it('reissue-loaded fills the form and keeps the secret out of the input', () => {
    const state = reducer(initialState(), {
      type: 'reissue-loaded',
      view: {
        input: {
          outFile: '/srv/a.ini',
          tenant: 'consumers',
          clientId: 'c',
          userId: 'u@outlook.com',
          protocols: ['pop'],
        },
        secretInFile: true,
        secretExpiresAt: undefined,
        missing: [],
      },
    });
    expect(state.step).toBe('registration');
    expect(state.form).toMatchObject({ accountType: 'personal', keepFileSecret: true, protocols: ['pop'] });
    expect(profileInputOf(state.form, state.reissue)).toMatchObject({
      clientSecret: '',
      outFile: '/srv/a.ini',
    });
    // Another output file is a new acquisition: the file's secret no longer applies.
    const moved = reducer(state, { type: 'set', field: 'outFile', value: '/srv/b.ini' });
    expect(profileInputOf({ ...moved.form, clientSecret: 'typed' }, moved.reissue).clientSecret).toBe(
      'typed',
    );
    expect(reducer(state, { type: 'restart' }).reissue).toBeUndefined();
  });

  it('a new token never sends an empty secret expiry', () => {
    expect('clientSecretExpiresAt' in profileInputOf(INITIAL_FORM)).toBe(false);
  });

  it('the check follows its own file only', () => {
    let check = checkReducer(INITIAL_CHECK, { type: 'check-started', file: 'a', protocols: ['smtp'] });
    check = checkReducer(check, {
      type: 'check-finished',
      file: 'b',
      result: { ok: true, value: SAMPLE_REPORT },
    });
    expect(check.status).toBe('running');
    check = checkReducer(check, {
      type: 'check-finished',
      file: 'a',
      result: { ok: true, value: SAMPLE_REPORT },
    });
    expect(check.status).toBe('done');
  });
});
