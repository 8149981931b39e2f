/**
 * The device authorization grant (RFC 8628), provider-neutral: ask the device authorization endpoint for a user
 * code, then poll the token endpoint at the interval it gave until the person has signed in elsewhere, declined,
 * or the code expired. `slow_down` lengthens this and every later poll by a step (RFC 8628 §3.5: 5 seconds).
 *
 * Why not MSAL's `acquireTokenByDeviceCode`: its polling loop knows only `authorization_pending`. Any other answer
 * became a bare `post_request_failed` that lost Entra's AADSTS code, and `slow_down` ended the flow instead of
 * slowing it; we ran it through a shim that rewrote Entra's answers, which depended on MSAL's internals. The grant
 * is two form POSTs: here it is ours, with time from an injected clock.
 */
import { RtwError } from '../errors.js';
import type { TokenAnswer } from '../providers/index.js';
import type { IdpNetworkClient } from '../transport/index.js';
import { SYSTEM_CLOCK } from './clock.js';
import type { Clock } from './clock.js';
import { oauthErrorOf, postForm, readTokenAnswer } from './token-client.js';

/** RFC 8628 §3.4's grant type. */
export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 §3.5: after `slow_down` the interval grows by 5 seconds for this and every later request. */
export const SLOW_DOWN_STEP_MS = 5000;

/** What the device authorization endpoint answered (RFC 8628 §3.2, plus Entra's `message`), without the device code. */
export interface DeviceCodeGrant {
  userCode: string;
  verificationUri: string;
  expiresIn: number;
  interval: number;
  /** The provider's own sentence for the user, in the language it chose ('' when it sent none). */
  message: string;
}

/** A grant with its device code: the secret half, which never leaves this module's callers. */
export interface DeviceAuthorization extends DeviceCodeGrant {
  deviceCode: string;
}

/** Our error for a device flow's error answer (the provider knows its codes); the grant once there is one. */
export type DeviceErrorOf = (answer: Record<string, unknown>, grant: DeviceCodeGrant | undefined) => RtwError;

/** Asks for a device code; the provider's error answer (unknown app, wrong tenant…) becomes its error. */
export async function requestDeviceAuthorization(
  network: IdpNetworkClient,
  url: string,
  form: Record<string, string>,
  deviceError: DeviceErrorOf,
): Promise<DeviceAuthorization> {
  const { status, answer: body } = await postForm(network, url, form);
  const response = { status };
  if (oauthErrorOf(body) !== '') throw deviceError(body, undefined);
  const { user_code, verification_uri, expires_in, interval, message, device_code } = body;
  if (
    typeof user_code !== 'string' ||
    typeof device_code !== 'string' ||
    typeof verification_uri !== 'string' ||
    typeof expires_in !== 'number' ||
    (interval !== undefined && typeof interval !== 'number')
  )
    throw new RtwError('idp-bad-response', { host: new URL(url).host, status: response.status });
  return {
    deviceCode: device_code,
    userCode: user_code,
    verificationUri: verification_uri,
    expiresIn: expires_in,
    // RFC 8628 §3.2: 5 seconds when the server names none.
    interval: typeof interval === 'number' ? interval : 5,
    message: typeof message === 'string' ? message : '',
  };
}

/** How to poll. */
export interface PollOptions {
  clock?: Clock;
  signal?: AbortSignal;
  /** Growth of the interval per `slow_down` (default 5 s, as RFC 8628 says). */
  slowDownStepMs?: number;
}

/**
 * Polls the token endpoint until tokens come: the first poll at once (as MSAL does: a misconfigured app fails
 * before the person has even read the code), then one per interval (RFC 8628 §3.5: the client "MUST wait at least
 * the number of seconds specified by the interval" between requests). Stops when `signal` aborts (with its reason)
 * or when the code has expired by our own clock (the server would say `expired_token` at the next poll).
 */
export async function pollDeviceToken(
  network: IdpNetworkClient,
  url: string,
  grant: DeviceAuthorization,
  form: Record<string, string>,
  deviceError: DeviceErrorOf,
  options: PollOptions = {},
): Promise<TokenAnswer> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const step = options.slowDownStepMs ?? SLOW_DOWN_STEP_MS;
  const expiresAt = clock.now() + grant.expiresIn * 1000;
  let intervalMs = grant.interval * 1000;
  const body = { ...form, grant_type: DEVICE_CODE_GRANT_TYPE, device_code: grant.deviceCode };
  const scopes = (form.scope ?? '').split(/\s+/).filter((s) => s !== '');
  for (let first = true; ; first = false) {
    if (!first) await clock.sleep(intervalMs, options.signal);
    else if (options.signal?.aborted === true) throw options.signal.reason;
    if (clock.now() >= expiresAt) throw new RtwError('device-code-expired', { seconds: grant.expiresIn });
    const result = await postForm(network, url, body);
    const code = oauthErrorOf(result.answer);
    if (code === '') return readTokenAnswer(result, url, scopes);
    if (code === 'authorization_pending') continue;
    if (code === 'slow_down') intervalMs += step;
    else throw deviceError(result.answer, grant);
  }
}
