/**
 * Every Entra error of issue #16 through the desktop app's service, over the real core and the app's own network
 * client: the sandbox answers each code where Entra delivers it, and refreshFiles, checkTokenFile and the sign-in
 * explain it from the catalogue in both languages. Codes Entra keeps on its own page never reach the app: what
 * the browser shows goes into explainText, as the result page's box sends it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { entryForAadsts, renderEntry } from '../../electron/core/diagnose/index.js';
import type { Explanation } from '../../electron/core/diagnose/index.js';
import type { WizardEvent } from '../../electron/shared/contract.js';
import { playBrowser, visibleText } from '../fixtures/browser.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { codesAt } from '../fixtures/sandbox/entra-errors.js';
import type { AadstsCode } from '../fixtures/sandbox/errors.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { tempDir } from '../helpers/acquisition.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { sandboxService } from '../helpers/sandbox-service.js';

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

let idp: SandboxIdp;
let route: SandboxRoute;
let dir: string;
let cleanup: () => Promise<void>;
let h: ReturnType<typeof sandboxService>;
/** A token file the app issued; Entra's error answers leave it as it is. */
let file: string;

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
  ({ dir, cleanup } = await tempDir());
  h = sandboxService(idp, route, { userData: path.join(dir, 'userdata') });
  file = path.join(dir, 'smail_refresh_token.ini');
  const failed = await signIn(file);
  expect(failed, JSON.stringify(failed)).toBeUndefined();
});
afterAll(async () => {
  await h.service.dispose();
  await route.close();
  await idp.close();
  await cleanup();
});

/** Starts a sign-in through the service and waits for its end; the failure's explanation, if it failed. */
async function signIn(outFile: string): Promise<Explanation | undefined> {
  const from = h.events.length;
  const started = await h.service.dispatch('startAcquisition', {
    clientId: idp.apps.confidential.clientId,
    clientSecret: idp.defaults.secrets.valid.value,
    userId: idp.users.admin.upn,
    protocols: ['smtp'],
    redirectPort: 0,
    outFile,
  });
  expect(started).toEqual({ ok: true, value: { started: true } });
  const end = (): WizardEvent | undefined =>
    h.events
      .slice(from)
      .find(
        (e) =>
          e.channel === 'session' &&
          (e.event.type === 'failed' || e.event.type === 'written' || e.event.type === 'cancelled'),
      );
  await vi.waitFor(() => expect(end()).toBeDefined(), { timeout: 20_000, interval: 20 });
  const event = end();
  return event?.channel === 'session' && event.event.type === 'failed' ? event.event.explanation : undefined;
}

/** The explanation is the code's entry, in both languages, with Entra's trace ID. */
function expectExplained(e: Explanation | undefined, code: AadstsCode): void {
  const entry = entryForAadsts(code);
  if (entry === undefined) throw new Error(`no entry for AADSTS${code}`);
  expect(e?.id).toBe(`AADSTS${code}`);
  expect(e?.title).toEqual(renderEntry(entry).title);
  expect(e?.why.ja).toMatch(JAPANESE);
  expect(e?.why.en).not.toMatch(JAPANESE);
  expect(e?.raw?.aadsts).toBe(code);
  expect(e?.raw?.traceId).toMatch(/^[0-9a-f-]{36}$/);
}

describe.each(codesAt('token'))('AADSTS%i at the token endpoint', (code) => {
  it('refreshFiles explains it and leaves the file’s token alone', async () => {
    idp.answerWithEntraError({ code, at: 'token', times: 1 });
    const result = await h.service.dispatch('refreshFiles', { paths: [file] });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [outcome] = result.value;
    expect(outcome?.status).not.toBe('refreshed');
    expectExplained(outcome?.status === 'refreshed' ? undefined : outcome?.explanation, code);
  });

  it('checkTokenFile explains it, with the sender’s failed redemption in both languages', async () => {
    idp.answerWithEntraError({ code, at: 'token', times: 1 });
    const result = await h.service.dispatch('checkTokenFile', { file });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const report = result.value;
    expect(report.ok).toBe(false);
    expectExplained(report.failure?.explanation, code);
    expect(report.tokenEndpoint).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token');
    expect(report.senderView?.ja).toContain(report.failure?.explanation.title.ja);
    expect(report.senderView?.en).toContain(report.failure?.explanation.title.en);
  });

  it('the sign-in explains it when the code is redeemed', async () => {
    idp.answerWithEntraError({ code, at: 'token', times: 1 });
    expectExplained(await signIn(path.join(dir, `signin-${code}.ini`)), code);
  });
});

describe.each(codesAt('redirect'))('AADSTS%i on the redirect back to the app', (code) => {
  it('the sign-in explains it', async () => {
    idp.answerWithEntraError({ code, at: 'redirect', times: 1 });
    expectExplained(await signIn(path.join(dir, `redirect-${code}.ini`)), code);
  });
});

describe.each(codesAt('page'))('AADSTS%i on Entra’s own page', (code) => {
  it('never reaches the app; explainText reads what the browser shows', async () => {
    idp.answerWithEntraError({ code, at: 'page', times: 1 });
    // The admin looks at the browser, then stops the waiting sign-in.
    let page: Promise<string> | undefined;
    h.platform.openBrowser.mockImplementationOnce((url: string) => {
      page = playBrowser(url, { dispatcher: routeToSandbox(idp) }).then((shown) => {
        if (!('idpErrorPage' in shown)) throw new Error('the browser reached the app');
        return visibleText(shown.idpErrorPage);
      });
      void page.then(() => h.service.dispatch('cancelAcquisition', undefined)).catch(() => undefined);
      return Promise.resolve();
    });
    expect(await signIn(path.join(dir, `page-${code}.ini`))).toBeUndefined();
    expect(h.events.at(-1)).toMatchObject({ channel: 'session', event: { type: 'cancelled' } });
    const text = await page;
    expect(text).toContain(`Message: AADSTS${code}: `);
    const explained = await h.service.dispatch('explainText', { text });
    expectExplained('id' in explained ? explained : undefined, code);
    expect('raw' in explained && explained.raw?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
