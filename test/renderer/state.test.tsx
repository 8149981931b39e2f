import { describe, expect, it } from 'vitest';
import { explainError } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import { fixStepOf } from '../../renderer/fix-step.js';
import {
  announcedMinutes,
  formIssues,
  formatCountdown,
  initialState,
  profileInputOf,
  reducer,
  visibleIssues,
} from '../../renderer/state.js';
import type { Action, WizardState } from '../../renderer/state.js';

const VALID_FORM = {
  clientId: '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
  clientSecret: 'se4Q~abcdefghijklmnopqrstuvwxyz0123456789',
  userId: 'printer@contoso.com',
  outFile: 'C:\\smail\\smail_refresh_token.ini',
};

const run = (state: WizardState, ...actions: Action[]): WizardState => actions.reduce(reducer, state);

describe('wizard reducer', () => {
  it('starts on the account step with the defaults validateProfile expects', () => {
    const s = initialState();
    expect(s.step).toBe('account');
    expect(profileInputOf(s.form)).toMatchObject({
      tenant: 'common',
      cloud: 'global',
      protocols: ['smtp'],
      redirectPort: 8001,
    });
  });

  it('personal accounts use the consumers tenant in the global cloud, whatever the form holds', () => {
    const s = run(
      initialState(),
      { type: 'set', field: 'cloud', value: 'china' },
      { type: 'set', field: 'accountType', value: 'personal' },
    );
    expect(profileInputOf(s.form)).toMatchObject({ tenant: 'consumers', cloud: 'global' });
  });

  it('a public client never sends the secret typed before', () => {
    const s = run(initialState(VALID_FORM), { type: 'set', field: 'publicClient', value: true });
    expect(s.form.clientSecret).toBe(VALID_FORM.clientSecret);
    expect(profileInputOf(s.form).clientSecret).toBe('');
    expect(formIssues(s.form)).toEqual([]);
  });

  it('does not leave a step with problems, and shows them', () => {
    const s = run(initialState(), { type: 'next' }, { type: 'next' });
    expect(s.step).toBe('registration');
    expect(s.touched.clientId).toBe(true);
    expect(visibleIssues(s, formIssues(s.form)).map((i) => i.key)).toEqual([
      'clientIdRequired',
      'secretRequired',
    ]);
  });

  it('shows a field problem only once the field was touched', () => {
    const s = run(initialState(), { type: 'next' });
    expect(visibleIssues(s, formIssues(s.form))).toEqual([]);
    const typed = reducer(s, { type: 'set', field: 'clientId', value: 'abc' });
    expect(visibleIssues(typed, formIssues(typed.form)).map((i) => i.key)).toEqual(['clientIdInvalid']);
  });

  it('walks to sign-in with valid input and remembers how far it got', () => {
    const s = run(
      initialState(VALID_FORM),
      { type: 'next' },
      { type: 'next' },
      { type: 'next' },
      { type: 'next' },
    );
    expect(s.step).toBe('signin');
    expect(s.reached).toBe(4);
    const back = run(s, { type: 'go', step: 'account' });
    expect(back.step).toBe('account');
    expect(back.reached).toBe(4);
  });

  it('blocks the output step while the plan of this path failed', () => {
    const explanation = explainError(
      new RtwError('file-format', { path: VALID_FORM.outFile, reason: 'utf-16' }),
    );
    const s = run(
      initialState(VALID_FORM),
      { type: 'next' },
      { type: 'next' },
      { type: 'next' },
      {
        type: 'plan-loaded',
        path: VALID_FORM.outFile,
        result: { ok: false, error: { code: 'file-format', explanation } },
      },
      { type: 'next' },
    );
    expect(s.step).toBe('output');
    expect(s.plan.status).toBe('error');
    const changed = run(s, { type: 'set', field: 'outFile', value: 'C:\\other.ini' }, { type: 'next' });
    expect(changed.plan.status).toBe('none');
    expect(changed.step).toBe('signin');
  });

  it('ignores a plan answer for a path the admin has changed since', () => {
    const s = run(initialState(VALID_FORM), {
      type: 'plan-loaded',
      path: 'C:\\old.ini',
      result: {
        ok: true,
        value: { exists: true, changedKeys: [], addedKeys: [], duplicatesRemoved: [], warnings: [] },
      },
    });
    expect(s.plan.status).toBe('none');
  });

  it('the default output file never overrides a typed path', () => {
    expect(reducer(initialState(), { type: 'set-default-out-file', path: 'D:\\a.ini' }).form.outFile).toBe(
      'D:\\a.ini',
    );
    const typed = { ...VALID_FORM, outFileAuto: false };
    expect(
      reducer(initialState(typed), { type: 'set-default-out-file', path: 'D:\\a.ini' }).form.outFile,
    ).toBe(VALID_FORM.outFile);
  });

  it('follows session events: listening, waiting, exchanging, written', () => {
    let s = run(initialState(VALID_FORM), { type: 'go', step: 'signin' }, { type: 'acquisition-starting' });
    expect(s.signIn.status).toBe('starting');
    s = reducer(s, {
      type: 'session',
      event: {
        type: 'listening',
        port: 8001,
        addresses: ['127.0.0.1'],
        redirectUri: 'http://localhost:8001/myapp/',
      },
    });
    expect(s.signIn).toMatchObject({ status: 'listening', port: 8001 });
    s = reducer(s, {
      type: 'session',
      event: { type: 'waiting', authorizeUrl: 'https://login/x', secondsLeft: 299, browserOpened: true },
    });
    expect(s.signIn).toMatchObject({ status: 'waiting', secondsLeft: 299, browserOpened: true });
    s = reducer(s, { type: 'session', event: { type: 'exchanging' } });
    expect(s.signIn.status).toBe('exchanging');
    s = reducer(s, {
      type: 'session',
      event: {
        type: 'written',
        file: 'C:\\a.ini',
        created: true,
        userId: 'a@b.com',
        signedInAs: 'a@b.com',
        refreshTokenMasked: 'M.R3…(900)',
        warnings: [],
      },
    });
    expect(s.step).toBe('result');
    expect(s.signIn.status).toBe('idle');
    expect(s.outcome).toMatchObject({ kind: 'success', refreshTokenMasked: 'M.R3…(900)' });
    // A late tick of the ended session changes nothing.
    expect(reducer(s, { type: 'session', event: { type: 'exchanging' } })).toBe(s);
  });

  it('locks navigation while acquiring', () => {
    const s = run(initialState(VALID_FORM), { type: 'go', step: 'signin' }, { type: 'acquisition-starting' });
    expect(reducer(s, { type: 'go', step: 'account' })).toBe(s);
    expect(reducer(s, { type: 'back' })).toBe(s);
  });

  it('a busy port stays on sign-in, asks for another port, and retries on it', () => {
    const explanation = explainError(new RtwError('port-busy', { port: 8001 }));
    let s = run(
      initialState(VALID_FORM),
      { type: 'go', step: 'signin' },
      { type: 'acquisition-starting' },
      { type: 'session', event: { type: 'failed', code: 'port-busy', explanation } },
    );
    expect(s.step).toBe('signin');
    expect(s.signIn.portBusy).toMatchObject({ port: 8001, suggestion: 'searching' });
    s = reducer(s, { type: 'port-suggested', port: 8002 });
    expect(s.signIn.portBusy?.suggestion).toBe(8002);
    s = reducer(s, { type: 'use-port', port: 8002 });
    expect(s.form.redirectPort).toBe(8002);
    expect(s.signIn.portBusy).toBeUndefined();
  });

  it('other failures go to the result; cancel returns to sign-in', () => {
    const explanation = explainError(new RtwError('timeout', { seconds: 300 }));
    const failed = run(
      initialState(VALID_FORM),
      { type: 'go', step: 'signin' },
      { type: 'acquisition-starting' },
      { type: 'session', event: { type: 'failed', code: 'timeout', explanation } },
    );
    expect(failed.step).toBe('result');
    expect(failed.outcome).toMatchObject({ kind: 'failure', code: 'timeout' });

    const cancelled = run(
      initialState(VALID_FORM),
      { type: 'go', step: 'signin' },
      { type: 'acquisition-starting' },
      { type: 'cancel-requested' },
      { type: 'session', event: { type: 'cancelled' } },
    );
    expect(cancelled.signIn).toEqual({ status: 'idle', cancelled: true });
    expect(cancelled.step).toBe('signin');
  });

  it('start again keeps what was typed and returns to the first step', () => {
    const s = run(initialState(VALID_FORM), { type: 'go', step: 'signin' }, { type: 'restart' });
    expect(s.step).toBe('account');
    expect(s.form.clientId).toBe(VALID_FORM.clientId);
    expect(s.outcome).toBeUndefined();
  });
});

describe('countdown', () => {
  it('formats m:ss', () => {
    expect(formatCountdown(300)).toBe('5:00');
    expect(formatCountdown(299)).toBe('4:59');
    expect(formatCountdown(61)).toBe('1:01');
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(-3)).toBe('0:00');
  });

  it('announces a new value at most once a minute', () => {
    const values = Array.from({ length: 301 }, (_, i) => announcedMinutes(300 - i));
    const changes = values.filter((v, i) => i > 0 && v !== values[i - 1]).length;
    expect(changes).toBeLessThanOrEqual(5);
  });
});

describe('fixStepOf', () => {
  const aadsts = (code: number) =>
    explainError(
      new RtwError('aadsts', { aadsts: code, error: 'invalid_client', description: `AADSTS${code}: test` }),
    );

  it.each([
    [7000215, 'registration'],
    [7000222, 'registration'],
    [7000218, 'registration'],
    [700025, 'registration'],
    [700016, 'registration'],
    [50011, 'registration'],
    [50194, 'account'],
    [90002, 'account'],
  ] as const)('AADSTS%i → %s', (code, step) => {
    expect(fixStepOf({ code: 'aadsts', explanation: aadsts(code) })).toBe(step);
  });

  it('maps local failures', () => {
    expect(
      fixStepOf({ code: 'port-busy', explanation: explainError(new RtwError('port-busy', { port: 8001 })) }),
    ).toBe('signin');
    const file = explainError(new RtwError('file-unwritable', { path: 'x', reason: 'EACCES' }));
    expect(fixStepOf({ code: 'file-unwritable', explanation: file })).toBe('output');
    const input = explainError(new RtwError('invalid-input', { fields: 'userId' }));
    const issue = formIssues(initialState().form).find((i) => i.field === 'userId');
    expect(issue).toBeDefined();
    expect(
      fixStepOf({ code: 'invalid-input', explanation: input, issues: issue === undefined ? [] : [issue] }),
    ).toBe('mailbox');
    expect(
      fixStepOf({
        code: 'idp-unreachable',
        explanation: explainError(new RtwError('idp-unreachable', { host: 'h', reason: 'r' })),
      }),
    ).toBeUndefined();
  });
});
