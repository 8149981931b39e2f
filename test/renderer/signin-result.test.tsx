// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainError } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import { DEFAULT_PATH, VALID, currentHeading, mailboxPath, renderApp, tx, walkTo } from './helpers.js';

afterEach(cleanup);

const AUTHORIZE_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&state=y';

async function startSignIn() {
  const app = await renderApp();
  await walkTo(app.user, 'signin');
  expect(currentHeading()).toBe(tx('en', 'step.signin.title'));
  await app.user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
  return app;
}

describe('sign-in step', () => {
  it('starts the acquisition with the profile, never with a secret for a public client', async () => {
    const { fake } = await startSignIn();
    expect(fake.api.startAcquisition).toHaveBeenCalledWith({
      tenant: 'common',
      cloud: 'global',
      clientId: VALID.clientId,
      clientSecret: VALID.secret,
      publicClient: false,
      userId: VALID.userId,
      protocols: ['smtp'],
      // A file per mailbox: never the first mailbox's file for a second one.
      outFile: mailboxPath(VALID.userId),
      redirectPort: 8001,
    });
  });

  it('shows the port, the countdown, what happens now; the URL when the browser did not open; cancel', async () => {
    const { fake, user } = await startSignIn();
    fake.session({
      type: 'listening',
      port: 8001,
      addresses: ['127.0.0.1', '::1'],
      redirectUri: 'http://localhost:8001/myapp/',
    });
    expect(
      screen.getByText(tx('en', 'signin.listening', { port: 8001, uri: 'http://localhost:8001/myapp/' })),
    ).toBeTruthy();
    // Navigation is locked while it runs.
    expect(screen.queryByRole('button', { name: tx('en', 'nav.back') })).toBeNull();

    fake.session({ type: 'waiting', authorizeUrl: AUTHORIZE_URL, secondsLeft: 299, browserOpened: false });
    expect(screen.getByRole('timer').textContent).toBe(tx('en', 'signin.countdown', { time: '4:59' }));
    expect(
      screen.getByText(tx('en', 'signin.now.waiting', { mailbox: VALID.userId })).closest('[role="status"]'),
    ).toBeTruthy();
    expect(screen.getByText(tx('en', 'signin.noBrowser.title'))).toBeTruthy();
    expect(screen.getByText(AUTHORIZE_URL)).toBeTruthy();
    await user.click(
      screen.getByRole('button', { name: tx('en', 'copy.label', { what: tx('en', 'signin.url.what') }) }),
    );
    expect(fake.api.copyText).toHaveBeenCalledWith({ text: AUTHORIZE_URL });

    // The live region speaks once a minute, not every second.
    const live = document.querySelector('[aria-live="polite"][aria-atomic="true"]');
    expect(live?.textContent).toBe(tx('en', 'signin.announce.minutes', { minutes: 5 }));
    fake.session({ type: 'waiting', authorizeUrl: AUTHORIZE_URL, secondsLeft: 241, browserOpened: false });
    expect(screen.getByRole('timer').textContent).toBe(tx('en', 'signin.countdown', { time: '4:01' }));
    expect(live?.textContent).toBe(tx('en', 'signin.announce.minutes', { minutes: 5 }));
    fake.session({ type: 'waiting', authorizeUrl: AUTHORIZE_URL, secondsLeft: 59, browserOpened: false });
    expect(live?.textContent).toBe(tx('en', 'signin.announce.lastMinute'));

    fake.session({ type: 'exchanging' });
    expect(screen.getByText(tx('en', 'signin.now.exchanging'))).toBeTruthy();
    expect(screen.queryByRole('timer')).toBeNull();

    await user.click(screen.getByRole('button', { name: tx('en', 'signin.cancel') }));
    expect(fake.api.cancelAcquisition).toHaveBeenCalled();
    fake.session({ type: 'cancelled' });
    expect(await screen.findByText(tx('en', 'signin.cancelled'))).toBeTruthy();
    expect(screen.getByRole('button', { name: tx('en', 'signin.start') })).toBeTruthy();
  });

  it('keeps the URL behind a disclosure when the browser opened', async () => {
    const { fake } = await startSignIn();
    fake.session({ type: 'waiting', authorizeUrl: AUTHORIZE_URL, secondsLeft: 300, browserOpened: true });
    expect(screen.queryByText(tx('en', 'signin.noBrowser.title'))).toBeNull();
    expect(screen.getByText(tx('en', 'signin.url.summary'))).toBeTruthy();
  });

  it('goes to the result with the written file', async () => {
    const { fake, user } = await startSignIn();
    fake.session({ type: 'exchanging' });
    fake.session({
      type: 'written',
      file: DEFAULT_PATH,
      backupFile: `${DEFAULT_PATH}.bak`,
      created: false,
      userId: VALID.userId,
      signedInAs: 'admin@contoso.com',
      refreshTokenMasked: 'M.C5…(1432)',
      warnings: [],
    });
    expect(currentHeading()).toBe(tx('en', 'step.result.title'));
    expect(screen.getByText(tx('en', 'result.success.updated'))).toBeTruthy();
    expect(screen.getByText('M.C5…(1432)')).toBeTruthy();
    expect(screen.getByText(`${DEFAULT_PATH}.bak`)).toBeTruthy();
    expect(
      screen.getByText(
        tx('en', 'result.otherAccount', { signedInAs: 'admin@contoso.com', userId: VALID.userId }),
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: tx('en', 'result.showInFolder') }));
    expect(fake.api.showInFolder).toHaveBeenCalledWith({ path: DEFAULT_PATH });
    await user.click(
      screen.getByRole('button', { name: tx('en', 'copy.label', { what: tx('en', 'result.fileWhat') }) }),
    );
    expect(fake.api.copyText).toHaveBeenCalledWith({ text: DEFAULT_PATH });
    // Another mailbox of the same app: the app's values kept, the mailbox and its file cleared.
    await user.click(screen.getByRole('button', { name: tx('en', 'result.anotherMailbox') }));
    expect(currentHeading()).toBe(tx('en', 'step.mailbox.title'));
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'mailbox.userId.label')).value).toBe('');
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.back') }));
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.clientId.label')).value).toBe(
      VALID.clientId,
    );
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.secret.label')).value).toBe(VALID.secret);
  });

  it('a busy port offers another one and retries on it with one click', async () => {
    const { fake, user } = await startSignIn();
    fake.api.suggestPort.mockResolvedValue(8002);
    const explanation = explainError(new RtwError('port-busy', { port: 8001 }));
    fake.session({ type: 'failed', code: 'port-busy', explanation });
    expect(screen.getByRole('alert').textContent).toContain(explanation.title.en);
    const retry = await screen.findByRole('button', {
      name: tx('en', 'signin.portBusy.retry', { port: 8002 }),
    });
    expect(fake.api.suggestPort).toHaveBeenCalledWith({ from: 8002 });
    expect(
      screen.getByText(
        tx('en', 'signin.portBusy.offer', {
          registered: 'http://localhost:8001/myapp/',
          used: 'http://localhost:8002/myapp/',
        }),
      ),
    ).toBeTruthy();
    await user.click(retry);
    expect(fake.api.startAcquisition).toHaveBeenCalledTimes(2);
    expect(fake.api.startAcquisition.mock.lastCall?.[0]).toMatchObject({ redirectPort: 8002 });
    expect(screen.getByText(tx('en', 'signin.now.starting'))).toBeTruthy();
  });

  it('says when no free port was found', async () => {
    const { fake } = await startSignIn();
    fake.api.suggestPort.mockResolvedValue(undefined);
    fake.session({
      type: 'failed',
      code: 'port-busy',
      explanation: explainError(new RtwError('port-busy', { port: 8001 })),
    });
    expect(await screen.findByText(tx('en', 'signin.portBusy.none', { port: 8001 }))).toBeTruthy();
  });
});

describe('result failure', () => {
  it('explains the failure and the fix button goes to the step that fixes it', async () => {
    const { fake, user } = await startSignIn();
    const explanation = explainError(
      new RtwError('aadsts', {
        aadsts: 7000215,
        error: 'invalid_client',
        description: 'AADSTS7000215: Invalid client secret provided.',
        traceId: '0f1e2d3c-0000-4000-8000-000000000001',
        correlationId: '0f1e2d3c-0000-4000-8000-000000000002',
      }),
    );
    fake.session({ type: 'failed', code: 'aadsts', explanation });
    expect(currentHeading()).toBe(tx('en', 'step.result.title'));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(explanation.title.en)).toBeTruthy();
    expect(within(alert).getByText(explanation.why.en)).toBeTruthy();
    const steps = within(alert).getAllByRole('listitem');
    expect(steps.map((li) => li.textContent)).toEqual(explanation.steps.map((s) => s.en));
    expect(within(alert).getByText('0f1e2d3c-0000-4000-8000-000000000001')).toBeTruthy();
    expect(within(alert).getByText('AADSTS7000215')).toBeTruthy();
    await user.click(
      screen.getByRole('button', {
        name: tx('en', 'result.fix', { step: tx('en', 'step.registration.title') }),
      }),
    );
    expect(currentHeading()).toBe(tx('en', 'step.registration.title'));
  });

  it('a command in the explanation has a copy button', async () => {
    const { fake, user } = await startSignIn();
    const explanation = {
      ...explainError(
        new RtwError('idp-unreachable', { host: 'login.microsoftonline.com', reason: 'ENOTFOUND' }),
      ),
      command: 'Test-NetConnection login.microsoftonline.com -Port 443',
    };
    fake.session({ type: 'failed', code: 'idp-unreachable', explanation });
    await user.click(
      screen.getByRole('button', {
        name: tx('en', 'copy.label', { what: tx('en', 'explanation.commandWhat') }),
      }),
    );
    expect(fake.api.copyText).toHaveBeenCalledWith({ text: explanation.command });
    // No input of the wizard fixes a network failure: no "fix" button, "try again" leads.
    expect(screen.queryByRole('button', { name: /Fix it in/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: tx('en', 'result.retry') }));
    expect(currentHeading()).toBe(tx('en', 'step.signin.title'));
  });

  it.each([
    [
      'file-unwritable',
      new RtwError('file-unwritable', { path: DEFAULT_PATH, reason: 'EACCES' }),
      'step.output.title',
    ],
    [
      'aadsts',
      new RtwError('aadsts', { aadsts: 50194, error: 'invalid_request', description: 'AADSTS50194: x' }),
      'step.account.title',
    ],
  ] as const)('%s → its step', async (code, error, title) => {
    const { fake, user } = await startSignIn();
    fake.session({ type: 'failed', code, explanation: explainError(error) });
    await user.click(screen.getByRole('button', { name: tx('en', 'result.fix', { step: tx('en', title) }) }));
    expect(currentHeading()).toBe(tx('en', title));
  });

  it('an input rejected by the main process lists the issues and leads to their step', async () => {
    const { fake, user } = await renderApp();
    await walkTo(user, 'signin');
    fake.api.startAcquisition.mockResolvedValue({
      ok: false,
      error: {
        code: 'invalid-input',
        explanation: explainError(new RtwError('invalid-input', { fields: 'userId' })),
        issues: [
          {
            field: 'userId',
            key: 'mailboxInvalid',
            message: { ja: '「x」は…', en: '"x" is not a mail address.' },
          },
        ],
      },
    });
    await user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
    await waitFor(() => expect(currentHeading()).toBe(tx('en', 'step.result.title')));
    expect(screen.getByText('"x" is not a mail address.')).toBeTruthy();
    await user.click(
      screen.getByRole('button', { name: tx('en', 'result.fix', { step: tx('en', 'step.mailbox.title') }) }),
    );
    expect(currentHeading()).toBe(tx('en', 'step.mailbox.title'));
  });

  it('unsubscribes from events when unmounted', async () => {
    const { fake } = await renderApp();
    expect(fake.listenerCount()).toBe(1);
    act(() => cleanup());
    expect(fake.listenerCount()).toBe(0);
  });
});
