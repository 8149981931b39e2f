/**
 * A whole sign-in against the sandbox IdP as another local user, or a rewritten answer, would attack it (issue #15,
 * items 9, 12 and 13): what reaches the browser's command line, what stays in the browser's history, and what the
 * token answer must be before the file trusts it.
 */
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { playBrowser } from '../fixtures/browser.js';
import type { BrowserCallback } from '../fixtures/browser.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { acquire, bytesOf, sandboxProfile } from '../helpers/acquisition.js';
import { useTempDir } from '../helpers/temp-dir.js';

let idp: SandboxIdp;
const temp = useTempDir('sign-in-hardening');

beforeAll(async () => {
  idp = await createSandboxIdp();
});
afterAll(async () => {
  await idp.close();
});
beforeEach(() => {
  idp.setFault(null);
  idp.signInAs(null);
});

const out = (): string => path.join(temp.path, 'smail_refresh_token.ini');

describe('item 9: the browser is given a one-time start link, not the authorize URL', () => {
  it('opens a URL that carries neither state, code challenge nor client ID, and the sign-in still completes', async () => {
    const opened: string[] = [];
    const run = await acquire(idp, sandboxProfile(idp, out()), {
      browser: (url) => {
        opened.push(url);
        return playBrowser(url, { dispatcher: routeToSandbox(idp) });
      },
    });
    expect(run.result.ok, JSON.stringify(run.result)).toBe(true);
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0] ?? '');
    // This is what `open`/xdg-open/PowerShell and the browser get as their argument, which `ps` shows to anyone.
    expect(url.origin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(url.search).toBe('');
    expect(url.pathname).toMatch(/^\/start\/[A-Za-z0-9_-]{43}$/);
    for (const secret of ['state', 'code_challenge', idp.apps.confidential.clientId, 'login_hint'])
      expect(opened[0]).not.toContain(secret);
  });
});

describe('item 12: the code and state stay out of the browser history (form_post, Microsoft)', () => {
  it('asks Entra for form_post and takes the code from the POST, so no URL the browser visited holds it', async () => {
    const run = await acquire(idp, sandboxProfile(idp, out()));
    expect(run.result.ok, JSON.stringify(run.result)).toBe(true);
    const browser = run.browser as BrowserCallback;
    expect(browser.method).toBe('POST');
    const authorize = browser.visited.find((u) => u.includes('/oauth2/v2.0/authorize'));
    expect(new URL(authorize ?? 'http://x/').searchParams.get('response_mode')).toBe('form_post');
    const code = new URL(browser.callbackUrl).searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    const loopbackVisits = browser.visited.filter((u) => u.startsWith('http://localhost'));
    for (const visited of loopbackVisits) {
      expect(visited).not.toContain(code);
      expect(new URL(visited).searchParams.has('code')).toBe(false);
      expect(new URL(visited).searchParams.has('state')).toBe(false);
    }
    expect(await bytesOf(out())).toBeDefined();
  });
});
