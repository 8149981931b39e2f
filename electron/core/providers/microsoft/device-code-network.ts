/**
 * The network client the device code flow runs MSAL through, between MSAL and the real client.
 *
 * Why it exists (msal-node 7, `DeviceCodeClient`): MSAL's polling loop knows only `authorization_pending`. Any
 * other answer becomes a bare `post_request_failed` that has lost Entra's AADSTS code and description, and
 * `slow_down` (RFC 8628 §3.5) ends the flow instead of slowing it. MSAL also reads the device code endpoint's
 * answer without looking for an error, and would go on polling with an undefined code. So here:
 * - an error from the device code endpoint becomes our RtwError (unknown app, wrong tenant…);
 * - `slow_down` lengthens this and every later poll by a step (RFC 8628: 5 seconds) and reaches MSAL as
 *   `authorization_pending`, so its loop waits and polls again;
 * - any other error answer of a poll becomes our RtwError (expired, declined, not a public client…).
 * MSAL replaces errors thrown by a network client with a bare `network_error`; `takeFailure` hands ours back.
 */
import type { NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { asEntraAnswer, errorOfEntraAnswer, oauthErrorOf } from './entra-answer.js';
import type { EntraAnswer } from './entra-answer.js';
import { RtwError } from '../../errors.js';
import type { IdpNetworkClient } from '../../transport/index.js';

/**
 * Grant types of device code polls: RFC 8628's URN, and the short form MSAL sends (msal-common
 * `GrantType.DEVICE_CODE_GRANT`), which Entra accepts too.
 */
export const DEVICE_CODE_GRANTS: readonly string[] = [
  'urn:ietf:params:oauth:grant-type:device_code',
  'device_code',
];

/** RFC 8628 §3.5: after `slow_down` the interval grows by 5 seconds for this and every later request. */
export const SLOW_DOWN_STEP_MS = 5000;

/** What Entra's device code endpoint answers (RFC 8628 §3.2 plus Entra's `message`). */
export interface DeviceCodeGrant {
  userCode: string;
  verificationUri: string;
  expiresIn: number;
  interval: number;
  message: string;
}

/** The wrapped client, with what it learned along the way. */
export interface DeviceCodeNetwork extends IdpNetworkClient {
  /** The device code endpoint's answer, once it came (without the device code itself, a secret). */
  readonly grant: DeviceCodeGrant | undefined;
  /** Extra wait before each poll, grown by every `slow_down`. */
  readonly extraDelayMs: number;
}

/** Our error for an Entra error answer of the device code flow. */
export function deviceCodeError(body: EntraAnswer, grant: DeviceCodeGrant | undefined): RtwError {
  const error = oauthErrorOf(body);
  // Decided by the OAuth `error` first: RFC 8628 names these, while Entra documents no AADSTS number for a decline.
  if (error === 'expired_token')
    return new RtwError('device-code-expired', { seconds: grant?.expiresIn ?? 900 });
  if (error === 'authorization_declined') return new RtwError('device-code-declined', {});
  const general = errorOfEntraAnswer(body);
  // Entra's answer when "Allow public client flows" is off: the app is confidential, so it wants a secret.
  if (RtwError.is(general, 'aadsts') && general.params.aadsts === 7000218) {
    const { aadsts, traceId, correlationId } = general.params;
    return new RtwError('device-code-not-public', {
      aadsts,
      ...(traceId === undefined ? {} : { traceId }),
      ...(correlationId === undefined ? {} : { correlationId }),
    });
  }
  return general;
}

function grantOf(body: EntraAnswer, host: string, status: number): DeviceCodeGrant {
  const { user_code, verification_uri, expires_in, interval, message, device_code } = body;
  if (
    typeof user_code !== 'string' ||
    typeof device_code !== 'string' ||
    typeof verification_uri !== 'string' ||
    typeof expires_in !== 'number' ||
    typeof interval !== 'number'
  )
    throw new RtwError('idp-bad-response', { host, status });
  return {
    userCode: user_code,
    verificationUri: verification_uri,
    expiresIn: expires_in,
    interval,
    message: typeof message === 'string' ? message : '',
  };
}

function isPoll(body: string | undefined): boolean {
  return body !== undefined && DEVICE_CODE_GRANTS.includes(new URLSearchParams(body).get('grant_type') ?? '');
}

/** Wraps `inner` for one device code sign-in; `signal` stops it (every later request fails as cancelled). */
export function createDeviceCodeNetwork(
  inner: IdpNetworkClient,
  options: { signal: AbortSignal; slowDownStepMs?: number },
): DeviceCodeNetwork {
  const step = options.slowDownStepMs ?? SLOW_DOWN_STEP_MS;
  let failure: RtwError | undefined;
  let grant: DeviceCodeGrant | undefined;
  let extraDelayMs = 0;

  const fail = (error: RtwError): never => {
    failure = error;
    throw error;
  };
  const checkCancelled = (): void => {
    if (options.signal.aborted) fail(new RtwError('cancelled', {}));
  };

  return {
    async sendGetRequestAsync<T>(url: string, request?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      failure = undefined;
      checkCancelled();
      return inner.sendGetRequestAsync(url, request);
    },
    async sendPostRequestAsync<T>(url: string, request?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      failure = undefined;
      checkCancelled();
      const host = new URL(url).host;
      if (new URL(url).pathname.endsWith('/devicecode')) {
        const response = await inner.sendPostRequestAsync<unknown>(url, request);
        const body = asEntraAnswer(response.body);
        if ('error' in body) fail(deviceCodeError(body, undefined));
        grant = grantOf(body, host, response.status);
        return response as NetworkResponse<T>;
      }
      if (!isPoll(request?.body)) return inner.sendPostRequestAsync<T>(url, request);
      if (extraDelayMs > 0) {
        try {
          await sleep(extraDelayMs, undefined, { signal: options.signal });
        } catch {
          fail(new RtwError('cancelled', {}));
        }
      }
      const response = await inner.sendPostRequestAsync<unknown>(url, request);
      const body = asEntraAnswer(response.body);
      const error = oauthErrorOf(body);
      if (error === 'slow_down') {
        extraDelayMs += step;
        return { ...response, body: { ...body, error: 'authorization_pending' } as T };
      }
      if (error !== '' && error !== 'authorization_pending') fail(deviceCodeError(body, grant));
      return response as NetworkResponse<T>;
    },
    takeFailure() {
      const mine = failure;
      failure = undefined;
      return mine ?? inner.takeFailure();
    },
    get requestCount() {
      return inner.requestCount;
    },
    get grant() {
      return grant;
    },
    get extraDelayMs() {
      return extraDelayMs;
    },
  };
}
