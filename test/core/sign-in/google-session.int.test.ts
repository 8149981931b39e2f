/**
 * A Google sign-in's session against the sandbox's Google, for what goes wrong: a declined consent comes back to
 * the listener and is explained with Google's causes (in the browser too); an error Google shows on its own page
 * (a Web client's redirect_uri_mismatch) never comes back, and the timeout lists those page errors; a consent
 * Google did not show again brings no refresh token, explained the Google way.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { followStartLink, playBrowser } from '../../fixtures/browser.js';
import { routeToSandbox } from '../../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../fixtures/sandbox/idp.js';
import { acquire, googleProfile, tempDir } from '../../helpers/acquisition.js';

let idp: SandboxIdp;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp();
});
afterAll(async () => {
  await idp.close();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  idp.google.resetInteractive();
});
afterEach(async () => {
  await cleanup();
});

describe('a Google sign-in that does not end with a token', () => {
  it('a declined consent: access_denied, explained with Google’s causes, in the browser too', async () => {
    idp.google.declineConsent(true);
    const run = await acquire(idp, googleProfile(idp, path.join(dir, 'declined.ini')));
    expect(run.result.ok).toBe(false);
    if (run.result.ok) return;
    expect(run.result.code).toBe('authorization-denied');
    expect(run.result.explanation.id).toBe('google-access_denied');
    const browser = run.browser;
    expect(browser !== undefined && 'html' in browser && browser.html).toContain(
      run.result.explanation.title.en,
    );
  });

  it('a Web application client: Google shows redirect_uri_mismatch on its page, and the timeout says so', async () => {
    const web = idp.google.clients.web;
    const profile = {
      ...googleProfile(idp, path.join(dir, 'web.ini'), {
        clientId: web.clientId,
        clientSecret: web.secrets[0] ?? '',
      }),
      // The shortest wait the session allows for a test: the real page never calls back.
      timeoutSeconds: 1,
    };
    const run = await acquire(idp, profile);
    expect(run.browser).toMatchObject({
      status: 400,
      idpErrorPage: expect.stringContaining('redirect_uri_mismatch') as unknown,
    });
    expect(run.result.ok).toBe(false);
    if (run.result.ok) return;
    expect(run.result.code).toBe('timeout');
    expect(run.result.explanation.id).toBe('google-sign-in-timeout');
    expect(run.result.explanation.steps[0]?.en).toContain('Error 400: redirect_uri_mismatch');
  });

  it('a repeat consent Google did not show again brings no refresh token, explained the Google way', async () => {
    const dispatcher = routeToSandbox(idp);
    const first = await acquire(idp, googleProfile(idp, path.join(dir, 'first.ini')), { dispatcher });
    expect(first.result.ok).toBe(true);
    // A browser that drops prompt=consent: what a client without it gets from Google on a second consent.
    const run = await acquire(idp, googleProfile(idp, path.join(dir, 'again.ini')), {
      dispatcher,
      browser: async (url) => {
        const started = await followStartLink(url);
        if (!('authorizeUrl' in started)) throw new Error(`start link refused: ${started.status}`);
        const withoutPrompt = started.authorizeUrl;
        withoutPrompt.searchParams.delete('prompt');
        return playBrowser(withoutPrompt.href, { dispatcher });
      },
    });
    expect(run.result.ok).toBe(false);
    if (run.result.ok) return;
    expect(run.result.code).toBe('no-refresh-token');
    expect(run.result.explanation.id).toBe('google-no-refresh-token');
    expect(run.result.explanation.steps[0]?.en).toContain('https://myaccount.google.com/permissions');
  });
});
