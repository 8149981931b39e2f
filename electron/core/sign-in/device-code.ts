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
import { failureEvent, failureOf, writeAcquiredToken } from '../token-file/index.js';
import { RtwError } from '../errors.js';
import {
  SYSTEM_CLOCK,
  every,
  pollDeviceToken,
  requestDeviceAuthorization,
  checkedUsername,
} from '../oauth/index.js';
import type { Clock } from '../oauth/index.js';
import { providerOf, recognizeUri } from '../providers/index.js';
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
  /** Time for polling, the countdown and the time-out (default: the real clock; tests use a fake one). */
  clock?: Clock;
  /** Interval of `polling` events (default 1 s). */
  tickMs?: number;
  /** Growth of the poll interval per `slow_down` (default 5 s, as RFC 8628 says; tests shorten it). */
  slowDownStepMs?: number;
}

/** The token endpoint of a profile's authority, as a refresh would find it in the file. */
function tokenEndpointOf(profile: Profile): string {
  const recorded = recognizeUri(profile.authority);
  if (recorded === undefined) throw new RtwError('invalid-input', { fields: 'authority' });
  return providerOf(recorded.provider).tokenEndpoint(recorded);
}

/** Runs one device code acquisition; never throws for expected failures (they come back as `{ok: false}`). */
export async function runDeviceCodeAcquisition(
  profile: Profile,
  deps: DeviceCodeDeps,
): Promise<SessionResult> {
  const clock = deps.clock ?? SYSTEM_CLOCK;
  // One time for the whole flow: the ID token's exp and iat are checked against the clock that runs the polling.
  const now = deps.now ?? (() => new Date(clock.now()));
  const provider = providerOf(profile.provider);
  const mail = provider.mailScopes(profile, profile.protocols);
  // What MSAL sent for this flow: the mail scopes and the OIDC ones; `offline_access` brings the refresh token.
  const requested = [...mail, ...provider.extraScopes.filter((s) => !mail.includes(s))];
  const scopes = provider.signInScopes(mail);
  const context = {
    provider: profile.provider,
    mailbox: profile.userId,
    tenant: profile.tenant,
    clientId: profile.clientId,
    authorityHost: new URL(profile.authority).host,
  };
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(new RtwError('cancelled', {}));
  deps.signal?.addEventListener('abort', onAbort, { once: true });
  // Ends the countdown's ticks, however the flow ends.
  const ticks = new AbortController();

  try {
    if (deps.signal?.aborted === true) throw new RtwError('cancelled', {});
    const support = provider.deviceCode;
    // The UI and the CLI offer no device code for such a provider; an API caller gets the same answer.
    if (support === undefined) throw new RtwError('device-code-unsupported', { provider: provider.id });
    // A secret would be sent by no one and written nowhere: say so rather than drop what the admin typed.
    if (profile.clientSecret !== undefined) throw new RtwError('invalid-input', { fields: 'clientSecret' });
    // Before the code is shown: a file we could not write would waste the sign-in.
    await planTokenFileWrite(profile.outFile, { oauth2: {} });

    // Every reason given to `stop` is an RtwError (cancelled, timeout, expired); the fallback only satisfies types.
    const reasonOf = (signal: AbortSignal): Error =>
      signal.reason instanceof Error ? signal.reason : new RtwError('cancelled', {});
    const stopped = new Promise<never>((_resolve, reject) => {
      if (stop.signal.aborted) reject(reasonOf(stop.signal));
      else stop.signal.addEventListener('abort', () => reject(reasonOf(stop.signal)), { once: true });
    });
    // Not an unhandled rejection when the flow ends some other way.
    stopped.catch(() => undefined);

    const form = { client_id: profile.clientId, scope: requested.join(' ') };
    const grant = await Promise.race([
      requestDeviceAuthorization(
        deps.network,
        support.authorizationEndpoint(profile.authority),
        form,
        support.errorOf,
      ),
      stopped,
    ]);
    const expiresAt = new Date(now().getTime() + grant.expiresIn * 1000);
    deps.onEvent({
      type: 'device-code',
      userCode: grant.userCode,
      verificationUri: grant.verificationUri,
      expiresIn: grant.expiresIn,
      expiresAt: expiresAt.toISOString(),
      interval: grant.interval,
      message: grant.message,
    });
    const ownLimit = profile.timeoutSeconds < grant.expiresIn;
    const limitMs = Math.min(profile.timeoutSeconds, grant.expiresIn) * 1000;
    const deadline = clock.now() + limitMs;
    every(clock, deps.tickMs ?? 1000, ticks.signal, () =>
      deps.onEvent({
        type: 'polling',
        secondsLeft: Math.max(0, Math.ceil((deadline - clock.now()) / 1000)),
      }),
    );
    // The poll loop notices the code's own expiry; a shorter --timeout is ours to enforce.
    if (ownLimit)
      clock.sleep(limitMs, stop.signal).then(
        () => stop.abort(new RtwError('timeout', { seconds: profile.timeoutSeconds })),
        () => undefined,
      );

    const answer = await Promise.race([
      pollDeviceToken(deps.network, tokenEndpointOf(profile), grant, form, support.errorOf, {
        clock,
        signal: stop.signal,
        ...(deps.slowDownStepMs === undefined ? {} : { slowDownStepMs: deps.slowDownStepMs }),
      }),
      stopped,
    ]);
    ticks.abort();
    if (answer.refreshToken === undefined) throw new RtwError('no-refresh-token', {});
    const tokenUri = tokenEndpointOf(profile);
    const username =
      answer.idToken === undefined
        ? undefined
        : checkedUsername(answer.idToken, {
            provider: profile.provider,
            clientId: profile.clientId,
            host: new URL(tokenUri).host,
            tenant: recognizeUri(profile.authority)?.tenant ?? profile.tenant,
            now: now(),
          });
    const tokens = { refreshToken: answer.refreshToken, username: username ?? '' };

    const { success, created } = await writeAcquiredToken(profile, tokens, scopes, now);
    deps.onEvent({ type: 'written', created, ...success });
    return success;
  } catch (error) {
    const failure = failureOf(error, context);
    deps.onEvent(failureEvent(failure));
    return failure;
  } finally {
    ticks.abort();
    // Whatever ended it, the poll loop must not go on in the background.
    if (!stop.signal.aborted) stop.abort(new RtwError('cancelled', {}));
    deps.signal?.removeEventListener('abort', onAbort);
  }
}
