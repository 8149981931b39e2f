// @vitest-environment jsdom
/**
 * The device code sign-in in the window: the reducer's transitions (pure), then the Sign-in step offering it,
 * starting it without a secret, showing the code, the page, Entra's message and the countdown, Cancel, the
 * offers on the port-busy note and after a timeout, and the checklist's public client flows. Every text is
 * catalogue text or data (both languages) and axe finds nothing.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainError } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import type { AcquisitionEvent } from '../../electron/shared/contract.js';
import { fixStepOf } from '../../renderer/fix-step.js';
import { initialState, reducer } from '../../renderer/state.js';
import type { Action, WizardState } from '../../renderer/state.js';
import { DEFAULT_PATH, VALID, WRITTEN, clickNext, mailboxPath, renderApp, tx, walkTo } from './helpers.js';
import { escapeRegExp, strayTexts, violations } from './screen-checks.js';

afterEach(cleanup);
HTMLCanvasElement.prototype.getContext = () => null;

const CODE: Extract<AcquisitionEvent, { type: 'device-code' }> = {
  type: 'device-code',
  userCode: 'ABCD1234',
  verificationUri: 'https://microsoft.com/devicelogin',
  expiresIn: 900,
  expiresAt: '2025-03-08T03:32:00.000Z',
  interval: 5,
  message:
    'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD1234 to authenticate.',
};

const run = (state: WizardState, ...actions: Action[]): WizardState => actions.reduce(reducer, state);

describe('reducer', () => {
  it('a device code attempt: starting, the code, the countdown, written', () => {
    let s = run(initialState(), { type: 'choose-sign-in', method: 'device-code' });
    expect(s.step).toBe('signin');
    expect(s.signInMethod).toBe('device-code');
    s = reducer(s, { type: 'acquisition-starting', flow: 'device-code' });
    expect(s.signIn).toEqual({ status: 'starting', flow: 'device-code' });
    // Navigation is locked while it runs, and the method cannot be switched.
    expect(run(s, { type: 'go', step: 'account' }).step).toBe('signin');
    expect(run(s, { type: 'choose-sign-in', method: 'browser' })).toBe(s);
    s = reducer(s, { type: 'session', event: CODE });
    expect(s.signIn).toMatchObject({
      status: 'waiting',
      flow: 'device-code',
      secondsLeft: 900,
      deviceCode: { userCode: 'ABCD1234', verificationUri: CODE.verificationUri, message: CODE.message },
    });
    s = reducer(s, { type: 'session', event: { type: 'polling', secondsLeft: 899 } });
    expect(s.signIn.secondsLeft).toBe(899);
    expect(s.signIn.deviceCode?.userCode).toBe('ABCD1234');
    s = reducer(s, {
      type: 'session',
      event: WRITTEN,
    });
    expect(s.step).toBe('result');
    expect(s.signIn).toEqual({ status: 'idle' });
    expect(s.outcome).toMatchObject({ kind: 'success', file: DEFAULT_PATH });
    // A late tick changes nothing.
    expect(reducer(s, { type: 'session', event: { type: 'polling', secondsLeft: 1 } })).toBe(s);
  });

  it('cancelling keeps the code shown until the cancelled event; a decline is a failure to retry', () => {
    let s = run(
      initialState(),
      { type: 'choose-sign-in', method: 'device-code' },
      { type: 'acquisition-starting', flow: 'device-code' },
      { type: 'session', event: CODE },
      { type: 'cancel-requested' },
      { type: 'session', event: { type: 'polling', secondsLeft: 800 } },
    );
    expect(s.signIn).toMatchObject({ status: 'cancelling', secondsLeft: 800 });
    s = reducer(s, { type: 'session', event: { type: 'cancelled' } });
    expect(s.signIn).toEqual({ status: 'idle', cancelled: true });
    expect(s.signInMethod).toBe('device-code');

    const explanation = explainError(new RtwError('device-code-declined', {}));
    s = run(
      s,
      { type: 'acquisition-starting', flow: 'device-code' },
      { type: 'session', event: CODE },
      { type: 'session', event: { type: 'failed', code: 'device-code-declined', explanation } },
    );
    expect(s.step).toBe('result');
    expect(s.outcome).toMatchObject({ kind: 'failure', code: 'device-code-declined' });
    expect(fixStepOf({ code: 'device-code-declined', explanation })).toBe('signin');
    expect(
      fixStepOf({
        code: 'device-code-not-public',
        explanation: explainError(new RtwError('device-code-not-public', { aadsts: 7000218 })),
      }),
    ).toBe('registration');
    // Retrying keeps the device code offer; a fresh start too (it is how this machine signs in).
    expect(run(s, { type: 'go', step: 'signin' }).signInMethod).toBe('device-code');
    expect(run(s, { type: 'restart' }).signInMethod).toBe('device-code');
  });

  it('choosing the device code from the port-busy note clears it', () => {
    const busy = explainError(new RtwError('port-busy', { port: 8001 }));
    const s = run(
      { ...initialState(), step: 'signin' },
      { type: 'acquisition-starting' },
      { type: 'session', event: { type: 'failed', code: 'port-busy', explanation: busy } },
      { type: 'choose-sign-in', method: 'device-code' },
    );
    expect(s.signIn).toEqual({ status: 'idle' });
    expect(s.signInMethod).toBe('device-code');
  });
});

describe.each(['en', 'ja'] as const)('the Sign-in step (%s)', (lang) => {
  const data = [
    'common',
    VALID.userId,
    DEFAULT_PATH,
    mailboxPath(VALID.userId),
    CODE.userCode,
    CODE.verificationUri,
    CODE.message,
  ];

  it('offers the device code, starts it without a secret, shows the code, the page, the countdown; cancel', async () => {
    const { fake, user } = await renderApp(lang);
    await walkTo(user, 'signin', lang);
    expect(screen.getByText(tx(lang, 'signin.deviceCode.offerHint'))).toBeTruthy();
    expect(screen.getByText(tx(lang, 'step.signin.description'))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.deviceCode.offer') }));
    expect(screen.getByRole('heading', { level: 3, name: tx(lang, 'signin.deviceCode.title') })).toBeTruthy();
    // The step's description follows the method: no "your browser" for a machine without one.
    expect(screen.getByText(tx(lang, 'step.signin.deviceCode.description'))).toBeTruthy();
    expect(screen.queryByText(tx(lang, 'step.signin.description'))).toBeNull();
    expect(screen.getByText(tx(lang, 'signin.deviceCode.needsPublic'))).toBeTruthy();
    expect(screen.getByText(tx(lang, 'signin.deviceCode.emptySecret'))).toBeTruthy();
    expect(strayTexts(lang, data)).toEqual([]);
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.deviceCode.start') }));
    expect(fake.api.startDeviceCode).toHaveBeenCalledOnce();
    const input = fake.api.startDeviceCode.mock.calls[0]?.[0];
    expect(input).toMatchObject({ clientId: VALID.clientId, userId: VALID.userId, publicClient: true });
    // The secret typed on the registration step never leaves the window for a device code.
    expect(JSON.stringify(input)).not.toContain(VALID.secret);
    expect(fake.api.startAcquisition).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe(tx(lang, 'signin.deviceCode.now.starting'));

    fake.session(CODE);
    fake.session({ type: 'polling', secondsLeft: 299 });
    expect(screen.getByTestId('device-code').textContent).toBe('ABCD1234');
    expect(screen.getByText(CODE.verificationUri)).toBeTruthy();
    expect(screen.getByText(CODE.message)).toBeTruthy();
    expect(
      screen.getByRole('timer', { name: tx(lang, 'signin.deviceCode.countdownLabel') }).textContent,
    ).toBe(tx(lang, 'signin.deviceCode.countdown', { time: '4:59' }));
    expect(strayTexts(lang, data)).toEqual([]);
    expect(await violations()).toEqual([]);

    await user.click(
      screen.getByRole('button', {
        name: tx(lang, 'copy.label', { what: tx(lang, 'signin.deviceCode.codeWhat') }),
      }),
    );
    expect(fake.api.copyText).toHaveBeenCalledWith({ text: 'ABCD1234' });
    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.deviceCode.open') }));
    expect(fake.api.openExternal).toHaveBeenCalledWith({ page: 'device-login' });

    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.cancel') }));
    expect(fake.api.cancelAcquisition).toHaveBeenCalledOnce();
    fake.session({ type: 'cancelled' });
    expect(await screen.findByText(tx(lang, 'signin.deviceCode.cancelled'))).toBeTruthy();

    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.deviceCode.useBrowser') }));
    expect(screen.getByRole('button', { name: tx(lang, 'signin.start') })).toBeTruthy();
  });

  it('is offered on the port-busy note and after a timeout; the checklist asks for public client flows', async () => {
    const { fake, user } = await renderApp(lang);
    await walkTo(user, 'signin', lang);
    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.start') }));
    fake.session({
      type: 'failed',
      code: 'port-busy',
      explanation: explainError(new RtwError('port-busy', { port: 8001 })),
    });
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: tx(lang, 'signin.deviceCode.offer') }));
    expect(screen.getByRole('button', { name: tx(lang, 'signin.deviceCode.start') })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.deviceCode.useBrowser') }));

    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.start') }));
    fake.session({
      type: 'failed',
      code: 'timeout',
      explanation: explainError(new RtwError('timeout', { seconds: 300 })),
    });
    await user.click(await screen.findByRole('button', { name: tx(lang, 'signin.deviceCode.offer') }));
    expect(screen.getByRole('button', { name: tx(lang, 'signin.deviceCode.start') })).toBeTruthy();

    // The registration step: with the device code chosen, public client flows must be Yes.
    await user.click(
      screen.getByRole('button', { name: new RegExp(escapeRegExp(tx(lang, 'step.registration.title'))) }),
    );
    expect(screen.getByText(tx(lang, 'reg.check.publicFlowsYes'))).toBeTruthy();
    expect(screen.queryByText(tx(lang, 'reg.check.publicFlowsDeviceCode'))).toBeNull();
  });

  it('the checklist tells the browser sign-in that a device code needs public client flows', async () => {
    const { user } = await renderApp(lang);
    await clickNext(user, lang);
    expect(screen.getByText(tx(lang, 'reg.check.publicFlowsNo'))).toBeTruthy();
    expect(screen.getByText(tx(lang, 'reg.check.publicFlowsDeviceCode'))).toBeTruthy();
  });
});
