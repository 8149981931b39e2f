/**
 * Runs real acquisitions against the sandbox IdP for integration tests: the real session, listener, MSAL,
 * network client and INI writer, with production authorities routed to the sandbox and a scripted browser.
 */
import type { Clock } from '../../electron/core/oauth/index.js';
import { readFile } from 'node:fs/promises';
import type { Dispatcher } from 'undici';
import { sandboxNetworkClient, startSandboxRoute } from './sandbox-network.js';
import type { SandboxRoute } from './sandbox-network.js';
import type { IdpNetworkClient } from '../../electron/core/transport/network-client.js';
import { validateProfile } from '../../electron/core/sign-in/profile.js';
import type { Profile, ProfileInput } from '../../electron/core/sign-in/profile.js';
import { runAcquisition } from '../../electron/core/sign-in/session.js';
import type { SessionEvent, SessionResult } from '../../electron/core/sign-in/session.js';
import { playBrowser } from '../fixtures/browser.js';
import type { BrowserCallback, BrowserIdpError } from '../fixtures/browser.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';

/** A temporary folder removed by `cleanup` (kept here for the tests and benches that import it from here). */
export { tempDir } from './temp-dir.js';

/** A valid profile for the sandbox's confidential app, production authority, random redirect port. */
export function sandboxProfile(idp: SandboxIdp, outFile: string, overrides: ProfileInput = {}): Profile {
  const result = validateProfile({
    clientId: idp.apps.confidential.clientId,
    clientSecret: idp.defaults.secrets.valid.value,
    userId: idp.users.admin.upn,
    redirectPort: 0,
    outFile,
    ...overrides,
  });
  if (!result.ok) throw new Error(`test profile invalid: ${JSON.stringify(result.issues.map((i) => i.key))}`);
  return result.profile;
}

/**
 * A valid Google profile for the sandbox's Desktop app client (External, In production) and its Workspace
 * account, on a free port of 127.0.0.1 as Google's default.
 */
export function googleProfile(idp: SandboxIdp, outFile: string, overrides: ProfileInput = {}): Profile {
  const client = idp.google.clients.desktop;
  const result = validateProfile({
    provider: 'google',
    clientId: client.clientId,
    clientSecret: client.secrets[0] ?? '',
    userId: idp.google.accounts.admin.email,
    outFile,
    ...overrides,
  });
  if (!result.ok) throw new Error(`test profile invalid: ${JSON.stringify(result.issues.map((i) => i.key))}`);
  return result.profile;
}

export type BrowserOutcome = BrowserCallback | BrowserIdpError;

/** What an acquisition did, for assertions. */
export interface AcquisitionRun {
  result: SessionResult;
  events: SessionEvent[];
  browser: BrowserOutcome | undefined;
  network: IdpNetworkClient;
}

/** Runs one acquisition; the "browser" follows the authorize URL as soon as it is announced, unless told otherwise. */
export async function acquire(
  idp: SandboxIdp,
  profile: Profile,
  options: {
    dispatcher?: Dispatcher;
    network?: IdpNetworkClient;
    /** What the browser does with the authorize URL; default: follow it. */
    browser?: (url: string) => Promise<BrowserOutcome | undefined>;
    signal?: AbortSignal;
    onEvent?: (event: SessionEvent) => void;
    /** The session's time (a fake clock drives its time-out). */
    clock?: Clock;
    /** The session's date, for a sandbox whose clock is not the computer's (the ID token's exp and nbf). */
    now?: () => Date;
  } = {},
): Promise<AcquisitionRun> {
  const dispatcher = options.dispatcher ?? routeToSandbox(idp);
  // The CLI's own transport, through a proxy that routes the production login hosts to the sandbox.
  const route = options.network === undefined ? await startSandboxRoute(idp) : undefined;
  const network = options.network ?? sandboxNetworkClient(route as SandboxRoute);
  const events: SessionEvent[] = [];
  let browser: Promise<BrowserOutcome | undefined> | undefined;
  let browserError: unknown;
  // A browser that fails (a test fixture bug, a TLS mistake) cancels the session instead of waiting 5 minutes.
  const controller = new AbortController();
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  try {
    const result = await runAcquisition(profile, {
      network,
      openBrowser: (url) => {
        browser = (options.browser ?? ((u) => playBrowser(u, { dispatcher })))(url);
        browser.catch((error: unknown) => {
          browserError = error;
          controller.abort();
        });
        return Promise.resolve();
      },
      onEvent: (event) => {
        events.push(event);
        options.onEvent?.(event);
      },
      lang: 'en',
      tickMs: 50,
      signal: controller.signal,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    if (browserError !== undefined) throw new Error('the scripted browser failed', { cause: browserError });
    return { result, events, browser: await browser, network };
  } finally {
    await route?.close();
  }
}

/** The file's bytes, or undefined when it does not exist. */
export async function bytesOf(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}
