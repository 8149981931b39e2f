/**
 * Every Entra error of issue #16 through the CLI's real paths, in both languages: the sandbox answers each code
 * where Entra delivers it (test/fixtures/sandbox/entra-errors.ts), and `rtw refresh`, `rtw check` and
 * `rtw acquire` explain it from the catalogue. Codes Entra shows only on its own page never reach the CLI: the
 * admin copies what the browser shows into `rtw explain`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryForAadsts, renderEntry } from '../../electron/core/diagnose/index.js';
import type { Lang } from '../../electron/core/i18n.js';
import { playBrowser, visibleText } from '../fixtures/browser.js';
import type { BrowserOutcome } from '../helpers/acquisition.js';
import { codesAt } from '../fixtures/sandbox/entra-errors.js';
import type { AadstsCode } from '../fixtures/sandbox/errors.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import type { CliRun } from '../helpers/cli.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { tempDir } from '../helpers/temp-dir.js';
import { issueTokenFile } from '../helpers/token-files.js';

const sandbox = sandboxPerFile();

/**
 * One token file for every refresh and check: an Entra error answer changes nothing (the refresh writes nothing,
 * the check never writes), so the file stays valid from one test to the next.
 */
let tokenFile: string;
let removeTokenFile: () => Promise<void>;
beforeAll(async () => {
  const made = await tempDir();
  removeTokenFile = made.cleanup;
  tokenFile = path.join(made.dir, 'smail_refresh_token.ini');
  await issueTokenFile(sandbox.idp, tokenFile);
});
afterAll(() => removeTokenFile());
const LANGS_BOTH: readonly Lang[] = ['ja', 'en'];
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/;

const env = (): NodeJS.ProcessEnv => ({
  NODE_EXTRA_CA_CERTS: sandbox.idp.caFile,
  RTW_CLIENT_SECRET: sandbox.idp.defaults.secrets.valid.value,
});

/** The catalogue's title for a code, in one language (these titles name no placeholder). */
function titleOf(code: AadstsCode, lang: Lang): string {
  const entry = entryForAadsts(code);
  if (entry === undefined) throw new Error(`no entry for AADSTS${code}`);
  return renderEntry(entry).title[lang];
}

/** An explanation in `--json` form is the code's entry, in that language, with Entra's IDs. */
function expectExplained(json: unknown, code: AadstsCode, lang: Lang): void {
  expect(json).toMatchObject({ id: `AADSTS${code}`, title: titleOf(code, lang) });
  const e = json as { why: string; steps: string[]; raw?: { aadsts?: number; traceId?: string } };
  expect(e.raw?.aadsts).toBe(code);
  expect(e.raw?.traceId).toMatch(GUID);
  for (const text of [e.why, ...e.steps]) {
    if (lang === 'ja') expect(text).toMatch(JAPANESE);
    else expect(text).not.toMatch(JAPANESE);
  }
}

/** `rtw acquire` against the sandbox, the "browser" following the sign-in URL; resolves with what it saw. */
async function acquire(
  file: string,
  lang: Lang,
  extra: string[] = [],
  onPage?: (run: { kill(): unknown }) => void,
): Promise<{ run: CliRun; browser: BrowserOutcome | undefined }> {
  let browser: Promise<BrowserOutcome> | undefined;
  const run = await runCliInProcess(
    [
      'acquire',
      '--authority',
      sandbox.idp.authority('common'),
      '--client-id',
      sandbox.idp.apps.confidential.clientId,
      '--user',
      sandbox.idp.users.admin.upn,
      '--out',
      file,
      '--port',
      '0',
      '--no-browser',
      '--json',
      '--lang',
      lang,
      ...extra,
    ],
    {
      env: env(),
      onEvent: (event, running) => {
        if (event.event !== 'waiting' || browser !== undefined) return;
        browser = playBrowser(String(event.authorizeUrl), { dispatcher: sandbox.trust });
        if (onPage !== undefined) void browser.then(() => onPage(running)).catch(() => undefined);
      },
    },
  );
  return { run, browser: browser === undefined ? undefined : await browser };
}

describe.each(codesAt('token'))('AADSTS%i at the token endpoint', (code) => {
  it.each(LANGS_BOTH)('rtw refresh explains it (%s) and leaves the file as it was', async (lang) => {
    const before = await readFile(tokenFile);
    sandbox.idp.answerWithEntraError({ code, at: 'token', times: 1 });
    const run = await runCliInProcess(['refresh', tokenFile, '--json', '--lang', lang], { env: env() });
    expect((await readFile(tokenFile)).equals(before)).toBe(true);
    expect(run.code).not.toBe(0);
    const outcome = run.events.find((e) => e.event === 'file');
    expect(outcome?.status).not.toBe('refreshed');
    expectExplained(outcome?.explanation, code, lang);
  });

  it.each(LANGS_BOTH)('rtw check explains it (%s), with the sender’s failed redemption', async (lang) => {
    sandbox.idp.answerWithEntraError({ code, at: 'token', times: 1 });
    const run = await runCliInProcess(['check', tokenFile, '--json', '--lang', lang], { env: env() });
    expect(run.code).not.toBe(0);
    const summary = run.events.at(-1) as { failure?: unknown; senderView?: string[]; tokenEndpoint?: string };
    expectExplained(summary.failure, code, lang);
    expect(summary.tokenEndpoint).toBe(`${sandbox.idp.authority('common')}/oauth2/v2.0/token`);
    expect(summary.senderView).toEqual([expect.stringContaining(titleOf(code, lang))]);
    expect(summary.senderView?.[0]).toContain(summary.tokenEndpoint);
  });

  it.each(LANGS_BOTH)('rtw acquire explains it when the code is redeemed (%s)', async (lang) => {
    sandbox.idp.answerWithEntraError({ code, at: 'token', times: 1 });
    const { run } = await acquire(path.join(sandbox.dir, 'acquire.ini'), lang);
    expect(run.code).not.toBe(0);
    expectExplained(run.events.at(-1), code, lang);
  });
});

describe.each(codesAt('redirect'))('AADSTS%i on the redirect back to the app', (code) => {
  it.each(LANGS_BOTH)('rtw acquire explains it (%s)', async (lang) => {
    sandbox.idp.answerWithEntraError({ code, at: 'redirect', times: 1 });
    const { run, browser } = await acquire(path.join(sandbox.dir, 'acquire.ini'), lang);
    expect(browser !== undefined && 'callbackUrl' in browser && browser.callbackUrl).toContain(
      'error_description=AADSTS',
    );
    expect(run.code).toBe(3);
    expectExplained(run.events.at(-1), code, lang);
  });
});

/** Signs in until Entra shows its page, then stops as the admin would (Ctrl+C); returns what the page said. */
async function pageShown(code: AadstsCode, lang: Lang): Promise<string> {
  sandbox.idp.answerWithEntraError({ code, at: 'page', times: 1 });
  const { run, browser } = await acquire(path.join(sandbox.dir, 'page.ini'), lang, [], (running) =>
    running.kill(),
  );
  expect(run.code).toBe(130);
  if (browser === undefined || !('idpErrorPage' in browser)) throw new Error('no Entra page');
  return visibleText(browser.idpErrorPage);
}

describe.each(codesAt('page'))('AADSTS%i on Entra’s own page', (code) => {
  it.each(LANGS_BOTH)(
    'never reaches rtw acquire; rtw explain reads what the page shows (%s)',
    async (lang) => {
      const page = await pageShown(code, lang);
      expect(page).toContain('Sorry, but we');
      expect(page).toMatch(new RegExp(`Message: AADSTS${code}: `));
      const run = await runCliInProcess(['explain', '-', '--json', '--lang', lang], { stdin: page });
      expect(run.code).toBe(0);
      expectExplained(run.events[0], code, lang);
      expect(run.events[0]).toMatchObject({ raw: { correlationId: expect.stringMatching(GUID) as unknown } });
    },
  );
});

describe('an Entra page the sign-in waits out', () => {
  it('times out (exit 6), says to paste what the browser showed, and rtw explain reads it', async () => {
    sandbox.idp.answerWithEntraError({ code: 500113, at: 'page', times: 1 });
    const { run, browser } = await acquire(path.join(sandbox.dir, 'wait.ini'), 'en', ['--timeout', '10']);
    expect(run.code).toBe(6);
    const failed = run.events.at(-1) as { id?: string; steps?: string[] };
    expect(failed.id).toBe('timeout');
    expect(failed.steps?.at(-1)).toContain('rtw explain');
    if (browser === undefined || !('idpErrorPage' in browser)) throw new Error('no Entra page');
    const explained = await runCliInProcess(['explain', visibleText(browser.idpErrorPage), '--lang', 'ja']);
    expect(explained.stdout).toContain(titleOf(500113, 'ja'));
    expect(explained.stdout).toContain('診断 ID: AADSTS500113');
  });
});

describe('a code the catalogue does not know yet', () => {
  it.each(LANGS_BOTH)('shows Entra’s own description, the IDs and the look-up link (%s)', async (lang) => {
    sandbox.idp.answerWithEntraError({ code: 50180, at: 'token', times: 2 });
    const refresh = await runCliInProcess(['refresh', tokenFile, '--lang', lang], { env: env() });
    expect(refresh.stderr).toContain(
      'AADSTS50180: Integrated Windows authentication is needed. Enable the tenant for Seamless SSO.',
    );
    expect(refresh.stderr).toMatch(/Trace ID: [0-9a-f-]{36}/);
    expect(refresh.stderr).toMatch(/Correlation ID: [0-9a-f-]{36}/);
    expect(refresh.stderr).toMatch(/Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/);
    expect(refresh.stderr).toContain('https://login.microsoftonline.com/error?code=50180');
    const check = await runCliInProcess(['check', tokenFile, '--json', '--lang', lang], { env: env() });
    expect(check.events.at(-1)).toMatchObject({
      failure: {
        id: 'unknown-aadsts',
        docsUrl: 'https://login.microsoftonline.com/error?code=50180',
        raw: {
          aadsts: 50180,
          message: 'Integrated Windows authentication is needed. Enable the tenant for Seamless SSO.',
          traceId: expect.stringMatching(GUID) as unknown,
          correlationId: expect.stringMatching(GUID) as unknown,
        },
      },
    });
    const why = (check.events.at(-1) as { failure: { why: string } }).failure.why;
    expect(why).toContain('Integrated Windows authentication is needed.');
  });
});
