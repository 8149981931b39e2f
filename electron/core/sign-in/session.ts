/**
 * One acquisition, start to end: validate the output file, listen, open the browser, wait for the callback,
 * redeem the code, write the INI file, and tell the browser. It owns the listener, the PKCE verifier and
 * state, the timeout and the cancel signal, and releases the port however it ends.
 *
 * Side effects are injected (browser, network, clock, events) so the same code runs in the desktop app, the
 * CLI and the tests against real sockets and files.
 */
import { failureEvent, failureOf, writeAcquiredToken } from '../token-file/index.js';
import type { AcquisitionFailure, AcquisitionSuccess } from '../token-file/index.js';
import { providerOf } from '../providers/index.js';
import { loadCodeFlow } from '../providers/flows.js';
import type { Explanation } from '../diagnose/index.js';
import { RtwError } from '../errors.js';
import { SYSTEM_CLOCK, every, newAuthorizationRequest } from '../oauth/index.js';
import type { Clock } from '../oauth/index.js';
import type { ErrorCode } from '../errors.js';
import type { Lang } from '../i18n.js';
import { startRedirectListener } from './loopback.js';
import type { AuthorizationCallback, RedirectListener } from './loopback.js';
import type { IdpNetworkClient } from '../transport/index.js';
import { redirectUriOf } from './profile.js';
import type { Profile } from './profile.js';
import { planTokenFileWrite } from '../token-file/index.js';
import type { PortabilityWarning } from '../token-file/index.js';

/** Progress of an acquisition, for the wizard's sign-in step and the CLI's output. */
export type SessionEvent =
  | { type: 'listening'; port: number; addresses: readonly string[]; redirectUri: string }
  | { type: 'waiting'; authorizeUrl: string; secondsLeft: number; browserOpened: boolean }
  | { type: 'exchanging' }
  | {
      type: 'written';
      file: string;
      backupFile?: string;
      /** The backup that could not be written, and why; the token is in the file all the same. */
      backupFailed?: { file: string; reason: string };
      created: boolean;
      userId: string;
      signedInAs: string;
      refreshTokenMasked: string;
      warnings: PortabilityWarning[];
    }
  | { type: 'failed'; code: ErrorCode | 'unexpected'; explanation: Explanation }
  | { type: 'cancelled' };

/** How an acquisition ended. */
export type SessionResult = AcquisitionSuccess | AcquisitionFailure;

/** What a session needs from the outside world. */
export interface SessionDeps {
  network: IdpNetworkClient;
  /**
   * Opens the sign-in in the system browser: it is given the listener's one-time start link (http on loopback),
   * which redirects to the authorize URL. A failure is reported and the authorize URL stays available to copy.
   */
  openBrowser: ((url: string) => Promise<void>) | undefined;
  onEvent: (event: SessionEvent) => void;
  lang: Lang;
  signal?: AbortSignal;
  now?: () => Date;
  /** Time for the sign-in's time-out and its countdown (default the real clock; tests drive a fake one). */
  clock?: Clock;
  /** Interval of `waiting` events. */
  tickMs?: number;
}

/** Runs one acquisition; never throws for expected failures (they come back as `{ok: false}`). */
export async function runAcquisition(profile: Profile, deps: SessionDeps): Promise<SessionResult> {
  const now = deps.now ?? (() => new Date());
  const provider = providerOf(profile.provider);
  const scopes = provider.signInScopes(provider.mailScopes(profile, profile.protocols));
  const context = {
    provider: profile.provider,
    mailbox: profile.userId,
    tenant: profile.tenant,
    clientId: profile.clientId,
    port: profile.redirectPort,
  };

  let listener: RedirectListener | undefined;
  let callback: AuthorizationCallback | undefined;
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const waitAbort = new AbortController();
  let timedOut = false;
  const onAbort = (): void => waitAbort.abort();
  deps.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    if (deps.signal?.aborted === true) throw new RtwError('cancelled', {});
    // Before the browser opens: a file we could not write would waste the sign-in.
    await planTokenFileWrite(profile.outFile, { oauth2: {} });

    const request = newAuthorizationRequest();
    listener = await startRedirectListener({
      port: profile.redirectPort,
      path: profile.redirectPath,
      expectedState: request.state,
      lang: deps.lang,
      responseMode: provider.redirect.responseMode,
      startHost: provider.redirect.host,
    });
    const redirectUri = redirectUriOf({
      provider: profile.provider,
      redirectPort: listener.port,
      redirectPath: profile.redirectPath,
    });
    Object.assign(context, { redirectUri, port: listener.port });
    deps.onEvent({ type: 'listening', port: listener.port, addresses: listener.addresses, redirectUri });

    const flow = await loadCodeFlow(provider.id);
    const attempt = await flow.begin({
      clientId: profile.clientId,
      clientSecret: profile.clientSecret,
      authority: profile.authority,
      scopes,
      redirectUri,
      loginHint: profile.userId,
      request,
      responseMode: provider.redirect.responseMode,
      network: deps.network,
      now,
    });
    const url = attempt.url;
    // The browser (and whatever launches it: xdg-open, PowerShell) gets a one-time link on the listener, never the
    // authorize URL: a command line is readable by every local user (`ps`), and that URL carries the state and the
    // PKCE challenge another user could sign in against with their own account (issue #15, item 9).
    const startUrl = listener.offerStart(url);

    let browserOpened = false;
    if (deps.openBrowser !== undefined) {
      try {
        await deps.openBrowser(startUrl);
        browserOpened = true;
      } catch {
        // No browser here (a server, a locked-down desktop): the URL is in the event for the admin to open.
      }
    }
    const deadline = clock.now() + profile.timeoutSeconds * 1000;
    const emitWaiting = (): void =>
      deps.onEvent({
        type: 'waiting',
        authorizeUrl: url,
        secondsLeft: Math.max(0, Math.ceil((deadline - clock.now()) / 1000)),
        browserOpened,
      });
    emitWaiting();
    every(clock, deps.tickMs ?? 1000, waitAbort.signal, emitWaiting);
    // The time-out ends with the wait (a callback, a cancel): the sleep is aborted with it.
    clock.sleep(profile.timeoutSeconds * 1000, waitAbort.signal).then(
      () => {
        timedOut = true;
        waitAbort.abort();
      },
      () => undefined,
    );

    try {
      callback = await listener.waitForCallback(waitAbort.signal);
    } catch (error) {
      if (timedOut) throw new RtwError('timeout', { seconds: profile.timeoutSeconds }, { cause: error });
      throw error;
    } finally {
      if (!waitAbort.signal.aborted) waitAbort.abort();
    }
    if (!callback.ok) throw callback.error;

    deps.onEvent({ type: 'exchanging' });
    const tokens = await attempt.redeem(callback.code);

    const { success: result, created } = await writeAcquiredToken(profile, tokens, scopes, now);
    deps.onEvent({ type: 'written', created, ...result });
    await callback.respond({ kind: 'done', mailbox: profile.userId, file: result.file });
    return result;
  } catch (error) {
    const failure = failureOf(error, context);
    if (callback !== undefined) await callback.respond({ kind: 'failed', explanation: failure.explanation });
    deps.onEvent(failureEvent(failure));
    return failure;
  } finally {
    if (!waitAbort.signal.aborted) waitAbort.abort();
    deps.signal?.removeEventListener('abort', onAbort);
    await listener?.close();
  }
}
