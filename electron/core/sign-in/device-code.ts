/**
 * One acquisition through the device code flow (RFC 8628), for machines with no browser or where the redirect
 * port cannot be opened: Entra gives a short user code, the admin enters it at https://microsoft.com/devicelogin
 * on any device (a phone will do) and signs in there, while this side polls Entra until it is done. No listener,
 * no port, no browser here.
 *
 * It is a public-client flow: the registration must have "Allow public client flows" turned on (else Entra
 * answers AADSTS7000218), no secret is sent, and the INI gets an empty ClientSecret — a sender that sends a
 * secret with this token fails refreshing with AADSTS700025. The token is then written exactly as the
 * authorization-code session writes it (acquisition-output.ts).
 */
import { AuthError, PublicClientApplication } from '@azure/msal-node';
import type { AuthenticationResult, DeviceCodeRequest } from '@azure/msal-node';
import { failureEvent, failureOf, writeAcquiredToken } from '../token-file/index.js';
import { msalConfiguration, requestedScopes, tokensOf } from '../providers/microsoft/index.js';
import { CLOUDS, mailScopes } from '../providers/microsoft/index.js';
import { createDeviceCodeNetwork } from '../providers/microsoft/index.js';
import type { DeviceCodeGrant } from '../providers/microsoft/index.js';
import { RtwError } from '../errors.js';
import { fromMsalError } from '../providers/microsoft/index.js';
import type { IdpNetworkClient } from '../transport/index.js';
import type { Profile } from './profile.js';
import type { SessionEvent, SessionResult } from './session.js';
import { planTokenFileWrite } from '../token-file/index.js';

/**
 * Progress of a device code acquisition. It ends with the same `written` / `failed` / `cancelled` events as the
 * authorization-code session; `listening`, `waiting` and `exchanging` have no counterpart here.
 */
export type DeviceCodeEvent =
  | {
      type: 'device-code';
      /** What to type at the verification URI. */
      userCode: string;
      /** `https://microsoft.com/devicelogin` (Entra's, whatever cloud). */
      verificationUri: string;
      /** Seconds the code lives (Entra: 900). */
      expiresIn: number;
      /** When the code expires, ISO 8601. */
      expiresAt: string;
      /** Seconds between polls, as Entra asked. */
      interval: number;
      /** Entra's own sentence for the user, in the language Entra chose. */
      message: string;
    }
  | { type: 'polling'; secondsLeft: number }
  | Extract<SessionEvent, { type: 'written' | 'failed' | 'cancelled' }>;

/** What a device code acquisition needs from the outside world. */
export interface DeviceCodeDeps {
  network: IdpNetworkClient;
  onEvent: (event: DeviceCodeEvent) => void;
  signal?: AbortSignal;
  now?: () => Date;
  /** Interval of `polling` events (default 1 s). */
  tickMs?: number;
  /** Growth of the poll interval per `slow_down` (default 5 s, as RFC 8628 says; tests shorten it). */
  slowDownStepMs?: number;
}

/** MSAL's own client errors that mean "expired" or "stopped", mapped to ours. */
function fromMsalPollingError(error: unknown, grant: DeviceCodeGrant | undefined): unknown {
  if (error instanceof AuthError) {
    if (error.errorCode === 'device_code_expired')
      return new RtwError('device-code-expired', { seconds: grant?.expiresIn ?? 900 }, { cause: error });
    if (error.errorCode === 'device_code_polling_cancelled')
      return new RtwError('cancelled', {}, { cause: error });
  }
  return error;
}

/** Runs one device code acquisition; never throws for expected failures (they come back as `{ok: false}`). */
export async function runDeviceCodeAcquisition(
  profile: Profile,
  deps: DeviceCodeDeps,
): Promise<SessionResult> {
  const now = deps.now ?? (() => new Date());
  const scopes = requestedScopes(mailScopes(CLOUDS[profile.cloud], profile.protocols));
  const context = {
    mailbox: profile.userId,
    tenant: profile.tenant,
    clientId: profile.clientId,
    authorityHost: new URL(profile.authority).host,
  };
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(new RtwError('cancelled', {}));
  deps.signal?.addEventListener('abort', onAbort, { once: true });
  let ticker: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;

  try {
    if (deps.signal?.aborted === true) throw new RtwError('cancelled', {});
    // A secret would be sent by no one and written nowhere: say so rather than drop what the admin typed.
    if (profile.clientSecret !== undefined) throw new RtwError('invalid-input', { fields: 'clientSecret' });
    // Before the code is shown: a file we could not write would waste the sign-in.
    await planTokenFileWrite(profile.outFile, { oauth2: {} });

    const network = createDeviceCodeNetwork(deps.network, {
      signal: stop.signal,
      ...(deps.slowDownStepMs === undefined ? {} : { slowDownStepMs: deps.slowDownStepMs }),
    });
    const app = new PublicClientApplication(
      msalConfiguration(
        { clientId: profile.clientId, clientSecret: undefined, authority: profile.authority },
        network,
      ),
    );
    // Every reason given to `stop` is an RtwError (cancelled, timeout, expired); the fallback only satisfies types.
    const reasonOf = (signal: AbortSignal): Error =>
      signal.reason instanceof Error ? signal.reason : new RtwError('cancelled', {});
    const stopped = new Promise<never>((_resolve, reject) => {
      if (stop.signal.aborted) reject(reasonOf(stop.signal));
      else stop.signal.addEventListener('abort', () => reject(reasonOf(stop.signal)), { once: true });
    });

    const request: DeviceCodeRequest = {
      scopes,
      cancel: stop.signal.aborted,
      deviceCodeCallback: (response) => {
        const expiresAt = new Date(now().getTime() + response.expiresIn * 1000);
        deps.onEvent({
          type: 'device-code',
          userCode: response.userCode,
          verificationUri: response.verificationUri,
          expiresIn: response.expiresIn,
          expiresAt: expiresAt.toISOString(),
          interval: response.interval,
          message: response.message,
        });
        const ownLimit = profile.timeoutSeconds < response.expiresIn;
        const limitMs = Math.min(profile.timeoutSeconds, response.expiresIn) * 1000;
        const deadline = Date.now() + limitMs;
        ticker = setInterval(
          () =>
            deps.onEvent({
              type: 'polling',
              secondsLeft: Math.max(0, Math.ceil((deadline - Date.now()) / 1000)),
            }),
          deps.tickMs ?? 1000,
        );
        // At the code's own expiry Entra (or MSAL's clock) says so at the next poll; the timer is only a backstop
        // for a poll that never comes back. A shorter --timeout is ours to enforce.
        const backstopMs = ownLimit ? 0 : response.interval * 1000 + 5000;
        timer = setTimeout(() => {
          stop.abort(
            ownLimit
              ? new RtwError('timeout', { seconds: profile.timeoutSeconds })
              : new RtwError('device-code-expired', { seconds: response.expiresIn }),
          );
        }, limitMs + backstopMs);
      },
    };
    // MSAL checks `cancel` before each poll; the race returns at once instead of after the current interval.
    stop.signal.addEventListener('abort', () => (request.cancel = true), { once: true });

    let result: AuthenticationResult | null;
    try {
      result = await Promise.race([app.acquireTokenByDeviceCode(request), stopped]);
    } catch (error) {
      if (stop.signal.aborted) throw reasonOf(stop.signal);
      throw fromMsalError(fromMsalPollingError(error, network.grant), network);
    } finally {
      clearInterval(ticker);
      clearTimeout(timer);
    }
    if (result === null) throw new RtwError('no-refresh-token', {});
    const tokens = tokensOf(app, result, profile.clientId);

    const { success, created } = await writeAcquiredToken(profile, tokens, scopes, now);
    deps.onEvent({ type: 'written', created, ...success });
    return success;
  } catch (error) {
    const failure = failureOf(error, context);
    deps.onEvent(failureEvent(failure));
    return failure;
  } finally {
    clearInterval(ticker);
    clearTimeout(timer);
    // Whatever ended it, MSAL's loop must not poll on in the background.
    if (!stop.signal.aborted) stop.abort(new RtwError('cancelled', {}));
    deps.signal?.removeEventListener('abort', onAbort);
  }
}
