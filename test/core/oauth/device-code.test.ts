/**
 * The device authorization grant's poll loop on a fake clock and a scripted token endpoint: when it polls, how
 * `slow_down` lengthens the wait, when it gives up on an expired code, how a stop ends it, and what an error answer
 * becomes. No time passes for real.
 */
import { describe, expect, it } from 'vitest';
import { RtwError } from '../../../electron/core/errors.js';
import { DEVICE_CODE_GRANT_TYPE, pollDeviceToken } from '../../../electron/core/oauth/device-code.js';
import type { DeviceAuthorization } from '../../../electron/core/oauth/device-code.js';
import { createNetworkClient } from '../../../electron/core/transport/network-client.js';
import type { RawResponse } from '../../../electron/core/transport/network-client.js';
import { fakeClock } from '../../helpers/fake-clock.js';

const GRANT: DeviceAuthorization = {
  deviceCode: 'device-secret',
  userCode: 'ABCD1234E',
  verificationUri: 'https://microsoft.com/devicelogin',
  expiresIn: 60,
  interval: 5,
  message: '',
};
const URL_ = 'https://login.microsoftonline.com/common/oauth2/v2.0/token';
const TOKENS = { access_token: 'AT', refresh_token: 'RT', token_type: 'Bearer', expires_in: 3600 };

/** A token endpoint answering from a script, one answer per poll, recording when each came (by the fake clock). */
function endpoint(clock: { now(): number }, answers: Array<Record<string, unknown>>) {
  const polls: Array<{ at: number; form: URLSearchParams }> = [];
  const network = createNetworkClient(
    (_url, init): Promise<RawResponse> => {
      polls.push({ at: clock.now(), form: new URLSearchParams(init.body) });
      const answer = answers.shift() ?? { error: 'authorization_pending' };
      const status = 'error' in answer ? 400 : 200;
      return Promise.resolve({ status, headers: {}, text: JSON.stringify(answer) });
    },
    {
      timeoutMs: 5000,
      classify: (error, host) => new RtwError('idp-unreachable', { host, reason: String(error) }),
    },
  );
  return { network, polls };
}

const errorOf = (answer: Record<string, unknown>): RtwError =>
  answer.error === 'expired_token'
    ? new RtwError('device-code-expired', { seconds: 60 })
    : new RtwError('oauth-error', { error: String(answer.error), description: '' });

describe('pollDeviceToken (fake clock)', () => {
  it('polls at once, then once per interval, until the tokens come', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const { network, polls } = endpoint(clock, [
      { error: 'authorization_pending' },
      { error: 'authorization_pending' },
      TOKENS,
    ]);
    const done = pollDeviceToken(network, URL_, GRANT, { client_id: 'c', scope: 'a b' }, errorOf, { clock });
    await clock.advance(4_999);
    expect(polls.map((p) => p.at - t0)).toEqual([0]);
    await clock.advance(1);
    expect(polls.map((p) => p.at - t0)).toEqual([0, 5_000]);
    await clock.advance(5_000);
    await expect(done).resolves.toMatchObject({ accessToken: 'AT', refreshToken: 'RT', scopes: ['a', 'b'] });
    expect(polls.map((p) => p.at - t0)).toEqual([0, 5_000, 10_000]);
    expect(polls[0]?.form.get('grant_type')).toBe(DEVICE_CODE_GRANT_TYPE);
    expect(polls[0]?.form.get('device_code')).toBe('device-secret');
  });

  it('slow_down lengthens this and every later wait by the step (RFC 8628 §3.5)', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const { network, polls } = endpoint(clock, [
      { error: 'slow_down' },
      { error: 'authorization_pending' },
      TOKENS,
    ]);
    const done = pollDeviceToken(network, URL_, GRANT, {}, errorOf, { clock });
    await clock.advance(30_000);
    await done;
    expect(polls.map((p) => p.at - t0)).toEqual([0, 10_000, 20_000]);
  });

  it('gives up once the code has expired by its own clock, without another poll', async () => {
    const clock = fakeClock();
    const { network, polls } = endpoint(clock, []);
    const done = pollDeviceToken(network, URL_, { ...GRANT, expiresIn: 12 }, {}, errorOf, { clock });
    const outcome = expect(done).rejects.toMatchObject({
      code: 'device-code-expired',
      params: { seconds: 12 },
    });
    await clock.advance(60_000);
    await outcome;
    // At 0, 5 and 10 s; at 15 s the code is past its 12 s.
    expect(polls).toHaveLength(3);
  });

  it('a stop ends the wait at once with its reason, and nothing is polled after it', async () => {
    const clock = fakeClock();
    const { network, polls } = endpoint(clock, []);
    const stop = new AbortController();
    const done = pollDeviceToken(network, URL_, GRANT, {}, errorOf, { clock, signal: stop.signal });
    await clock.waitForSleepers();
    stop.abort(new RtwError('cancelled', {}));
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    await clock.advance(60_000);
    expect(polls).toHaveLength(1);
  });

  it('any other error answer ends it, as the provider explains it', async () => {
    const clock = fakeClock();
    const { network } = endpoint(clock, [
      { error: 'authorization_pending' },
      { error: 'authorization_declined' },
    ]);
    const done = pollDeviceToken(network, URL_, GRANT, {}, errorOf, { clock });
    const outcome = expect(done).rejects.toMatchObject({
      code: 'oauth-error',
      params: { error: 'authorization_declined' },
    });
    await clock.advance(5_000);
    await outcome;
  });

  it('an answer without an access token is a broken answer, not tokens', async () => {
    const clock = fakeClock();
    const { network } = endpoint(clock, [{ token_type: 'Bearer', refresh_token: 'RT' }]);
    await expect(pollDeviceToken(network, URL_, GRANT, {}, errorOf, { clock })).rejects.toMatchObject({
      code: 'idp-bad-response',
    });
  });
});
