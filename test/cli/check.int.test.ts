/**
 * `rtw check` in process: a token file acquired through the CLI against the sandbox IdP, checked against
 * the sandbox mail servers, with JSON and human output, exit codes, and no secret anywhere in the output.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { xoauth2String } from '../../electron/core/mail-check/index.js';
import { playBrowser } from '../fixtures/browser.js';
import { startSandboxMail } from '../fixtures/mail/index.js';
import type { SandboxMail } from '../fixtures/mail/index.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { tempDir } from '../helpers/acquisition.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import type { CliRun } from '../helpers/cli.js';

let idp: SandboxIdp;
let mail: SandboxMail;
let trust: Agent;
let dir: string;
let cleanup: () => Promise<void>;
let file: string;

beforeAll(async () => {
  idp = await createSandboxIdp();
  mail = await startSandboxMail({ idp });
  trust = new Agent({ connect: { ca: idp.caPem } });
  ({ dir, cleanup } = await tempDir());
  file = path.join(dir, 'smail_refresh_token.ini');
  let started = false;
  const run = await runCliInProcess(
    [
      'acquire',
      '--authority',
      idp.authority('common'),
      '--client-id',
      idp.apps.confidential.clientId,
      '--user',
      idp.users.admin.upn,
      '--protocols',
      'smtp,imap,pop',
      '--out',
      file,
      '--port',
      '0',
      '--no-browser',
      '--json',
    ],
    {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: idp.defaults.secrets.valid.value },
      onEvent: (event) => {
        if (event.event !== 'waiting' || started) return;
        started = true;
        void playBrowser(String(event.authorizeUrl), { dispatcher: trust });
      },
    },
  );
  expect(run.code, run.stderr).toBe(0);
});
afterAll(async () => {
  await mail.close();
  await idp.close();
  await trust.close();
  await cleanup();
});
beforeEach(() => mail.reset());

function check(extra: string[] = []): Promise<CliRun> {
  return runCliInProcess(
    [
      'check',
      file,
      '--smtp-host',
      `${mail.smtp.host}:${mail.smtp.port}`,
      '--imap-host',
      `${mail.imap.host}:${mail.imap.port}`,
      '--pop-host',
      `${mail.pop.host}:${mail.pop.port}`,
      '--timeout',
      '5',
      ...extra,
    ],
    { env: { NODE_EXTRA_CA_CERTS: idp.caFile } },
  );
}

/** Searches all output for the refresh token, the secret, every access token and every XOAUTH2 string. */
async function expectNoSecret(run: CliRun): Promise<void> {
  const bytes = await readFile(file);
  const refreshToken = getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken') ?? '';
  const tokens = [...mail.directory.seenTokens];
  expect(tokens.length).toBeGreaterThan(0);
  const secrets = [
    refreshToken,
    idp.defaults.secrets.valid.value,
    ...tokens,
    ...tokens.map((t) => xoauth2String(idp.users.admin.upn, t)),
  ];
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(20);
    expect(run.stdout.includes(secret) || run.stderr.includes(secret), `leaked ${secret.slice(0, 6)}…`).toBe(
      false,
    );
  }
}

describe('rtw check against the sandbox', () => {
  it('checks the protocols recorded in the file: one JSON result each, then a summary; exit 0', async () => {
    const before = await readFile(file);
    const run = await check(['--json']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(
      run.events
        .filter((e) => e.event === 'result')
        .map((e) => [e.protocol, e.ok])
        .sort(),
    ).toEqual([
      ['imap', true],
      ['pop', true],
      ['smtp', true],
    ]);
    const summary = run.events.at(-1);
    expect(summary).toMatchObject({ event: 'summary', ok: true, userId: idp.users.admin.upn, findings: [] });
    expect(summary?.token).toMatchObject({
      rotated: true,
      claims: { audience: 'https://outlook.office.com' },
    });
    const pop = run.events.find((e) => e.protocol === 'pop');
    expect(pop?.transcript).toContain('S: +OK User successfully authenticated.');
    expect(run.stderr).toBe('');
    await expectNoSecret(run);
    // The check never writes the file.
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('a failed login: exit 10, the catalogue entry in JSON, the transcript masked', async () => {
    mail.directory.setMailbox(idp.users.admin.upn, { smtpAuthDisabled: true });
    const run = await check(['--json', '--smtp', '--send-to', 'someone@example.com']);
    expect(run.code).toBe(10);
    const smtp = run.events.find((e) => e.event === 'result');
    expect(smtp).toMatchObject({
      protocol: 'smtp',
      ok: false,
      explanation: { id: 'smtp-535-5.7.139-smtp-auth-disabled' },
    });
    expect(run.events.at(-1)).toMatchObject({
      event: 'summary',
      ok: false,
      results: [{ protocol: 'smtp', ok: false }],
    });
    await expectNoSecret(run);
  });

  it('human output in Japanese: the result, the explanation and the masked transcript', async () => {
    mail.directory.setMailbox(idp.users.admin.upn, { popDisabled: true });
    const run = await check(['--lang', 'ja']);
    expect(run.code).toBe(10);
    expect(run.stdout).toContain('SMTP 127.0.0.1:');
    expect(run.stdout).toMatch(/POP 127\.0\.0\.1:\d+: 失敗/);
    expect(run.stdout).toContain('POP の認証に失敗しました');
    expect(run.stdout).toContain('S: -ERR Authentication failure: unknown user name or bad password.');
    expect(run.stdout).toMatch(
      /確認中に Entra ID が新しいリフレッシュ トークン \(1\.AX…\(\d+\)\) を発行しました/,
    );
    await expectNoSecret(run);
  });

  it('usage errors exit 2; a missing file exits 5', async () => {
    expect((await runCliInProcess(['check'])).code).toBe(2);
    expect((await runCliInProcess(['check', file, '--smtp-host', 'a:b:c'])).code).toBe(2);
    const missing = await runCliInProcess(['check', path.join(dir, 'nope.ini'), '--json']);
    expect(missing.code).toBe(5);
    expect(missing.events.at(-1)).toMatchObject({ event: 'summary', failure: { code: 'file-unreadable' } });
  });

  it('names the sender’s view: where SMAIL redeems and logs in, and that it worked (ja, en, JSON)', async () => {
    const tokenUri = `${idp.authority('common')}/oauth2/v2.0/token`;
    const json = await check(['--json', '--smtp', '--lang', 'en']);
    expect(json.code).toBe(0);
    expect(json.events.at(-1)).toMatchObject({
      tokenEndpoint: tokenUri,
      senderView: [
        `SMAIL will redeem the refresh token at ${tokenUri} (TokenURI) as app ${idp.apps.confidential.clientId} — this worked.`,
        `SMAIL will log in as ${idp.users.admin.upn} with XOAUTH2 at ${mail.smtp.host}:${mail.smtp.port} (SMTP) — this worked.`,
      ],
    });
    expect(json.events.find((e) => e.event === 'result')?.senderView).toBe(
      `SMAIL will log in as ${idp.users.admin.upn} with XOAUTH2 at ${mail.smtp.host}:${mail.smtp.port} (SMTP) — this worked.`,
    );
    mail.directory.setMailbox(idp.users.admin.upn, { popDisabled: true });
    const ja = await check(['--pop', '--lang', 'ja']);
    expect(ja.code).toBe(10);
    expect(ja.stdout).toContain('送信プログラムから見た結果 (問い合わせにそのまま貼り付けられます):');
    expect(ja.stdout).toContain(
      `SMAIL は ${mail.pop.host}:${mail.pop.port} (POP) に ${idp.users.admin.upn} として XOAUTH2 でログインします — この確認では失敗しました: POP の認証に失敗しました (-ERR Authentication failure)`,
    );
    await expectNoSecret(ja);
  });

  it('redeems at TokenURI as the sender does, and says when the recorded Authority disagrees', async () => {
    const edited = path.join(dir, 'edited.ini');
    const other = idp.authority('contoso.onmicrosoft.com');
    // Someone edited our section (or another tool re-issued the file): TokenURI still names /common.
    const text = (await readFile(file, 'latin1')).replace(/^Authority=.*$/m, `Authority=${other}`);
    expect(text).toContain(`Authority=${other}`);
    await writeFile(edited, text, 'latin1');
    idp.clearRequests();
    const run = await runCliInProcess(
      [
        'check',
        edited,
        '--smtp',
        '--smtp-host',
        `${mail.smtp.host}:${mail.smtp.port}`,
        '--json',
        '--lang',
        'ja',
      ],
      { env: { NODE_EXTRA_CA_CERTS: idp.caFile } },
    );
    // A warning: the logins worked, as the sender's will.
    expect(run.code).toBe(0);
    const redeemed = idp.requests().filter((r) => r.grantType === 'refresh_token');
    expect(redeemed.map((r) => r.tenant)).toEqual(['common']);
    const summary = run.events.at(-1) as { findings: Array<Record<string, unknown>> };
    expect(summary.findings).toEqual([
      expect.objectContaining({
        id: 'token-uri-authority-mismatch',
        severity: 'warning',
        explanation: expect.objectContaining({
          title: 'INI の TokenURI と、このツールが記録した Authority が一致しません',
          why: expect.stringContaining(other) as unknown,
        }) as unknown,
      }),
    ]);
    const en = await runCliInProcess(
      ['check', edited, '--smtp', '--smtp-host', `${mail.smtp.host}:${mail.smtp.port}`, '--lang', 'en'],
      {
        env: { NODE_EXTRA_CA_CERTS: idp.caFile },
      },
    );
    expect(en.stdout).toContain('The INI’s TokenURI and the Authority this tool recorded disagree');
    expect(en.stdout).toContain(`${idp.authority('common')}/oauth2/v2.0/token`);
  });

  it('is listed in rtw help', async () => {
    const run = await runCliInProcess(['help', '--lang', 'en']);
    expect(run.stdout).toContain('rtw check FILE');
  });
});
