/**
 * The Google path through the real CLI (`runCli`, in process), against the sandbox's Google at Google's production
 * hostnames (reached through a routing proxy in HTTPS_PROXY, its CA in NODE_EXTRA_CA_CERTS) and Gmail-shaped mail
 * servers: acquire on a free port of 127.0.0.1, the INI read back by the three readers, show, refresh without
 * rotation, re-issue with --from, a dead grant needing re-issue with Google's explanation, a Testing consent
 * screen's seven days on the sandbox clock, check, and the device code Google does not have.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Agent } from 'undici';
import { iniPackageValue, pythonValue, readWithPython } from '../fixtures/ini-readers.js';
import { startSandboxGmail } from '../fixtures/mail/index.js';
import type { SandboxGmail } from '../fixtures/mail/index.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import type { GoogleClient } from '../fixtures/sandbox/google/index.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { bytesOf, tempDir } from '../helpers/acquisition.js';
import { browseOnWaiting } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { tokenIn } from '../helpers/token-files.js';

const DAY = 86_400_000;
const KEYS = [
  'UserID',
  'ClientID',
  'ClientSecret',
  'RefreshToken',
  'TokenURI',
  'OuthURI',
  'OAUTH2_TIME_OUT',
  'Provider',
] as const;

let idp: SandboxIdp;
let route: SandboxRoute;
let routed: Agent;
let gmail: SandboxGmail;
/** The sandbox's clock runs this far ahead of the real one. */
let aheadMs = 0;
let dir: string;
let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  idp = await createSandboxIdp({ now: () => new Date(Date.now() + aheadMs) });
  route = await startSandboxRoute(idp);
  routed = routeToSandbox(idp);
  gmail = await startSandboxGmail({ idp });
});
afterAll(async () => {
  await gmail.close();
  await routed.close();
  await route.close();
  await idp.close();
});
beforeEach(async () => {
  aheadMs = 0;
  idp.clearRequests();
  idp.google.resetInteractive();
  gmail.reset();
  await cleanup?.();
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  await cleanup?.();
});

/** The environment of a run: the routing proxy, the sandbox CA, the client's secret. */
function env(client: GoogleClient = idp.google.clients.desktop): NodeJS.ProcessEnv {
  return { ...route.env, NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: client.secrets[0] ?? '' };
}

function acquireArgs(
  out: string,
  client: GoogleClient = idp.google.clients.desktop,
  extra: string[] = [],
): string[] {
  return [
    'acquire',
    '--provider',
    'google',
    '--client-id',
    client.clientId,
    '--user',
    idp.google.accounts.admin.email,
    '--out',
    out,
    '--no-browser',
    ...extra,
  ];
}

/** Acquires a Google file with the scripted browser; returns the run. */
async function acquire(out: string, client?: GoogleClient, extra: string[] = []) {
  const run = await runCliInProcess(acquireArgs(out, client, ['--json', ...extra]), {
    env: env(client),
    onEvent: browseOnWaiting(routed),
  });
  expect(run.code, run.stderr + run.stdout).toBe(0);
  return run;
}

describe('rtw acquire --provider google', () => {
  it('signs in on a free port of 127.0.0.1 and writes Google’s INI, read the same by every reader', async () => {
    const out = path.join(dir, 'gmail.ini');
    const run = await acquire(out, undefined, ['--protocols', 'smtp,imap,pop']);
    expect(run.events.map((e) => e.event)).toEqual(['listening', 'waiting', 'exchanging', 'written']);
    const listening = run.events[0] ?? {};
    expect(String(listening.redirectUri)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(listening.port).not.toBe(8001);
    const authorize = new URL(String(run.events[1]?.authorizeUrl));
    expect(authorize.origin + authorize.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      scope: 'https://mail.google.com/ openid email',
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
      login_hint: idp.google.accounts.admin.email,
      redirect_uri: listening.redirectUri,
    });
    expect(run.events[3]).toMatchObject({
      event: 'written',
      note: expect.stringContaining('Provider=0') as unknown,
    });
    expect(idp.requests().map((e) => [e.host, e.path, e.grantType])).toEqual([
      ['accounts.google.com', '/o/oauth2/v2/auth', undefined],
      ['oauth2.googleapis.com', '/token', 'authorization_code'],
    ]);

    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    const [python] = await readWithPython([bytes]);
    for (const key of KEYS) {
      const windows = getPrivateProfileString(bytes, 'OAUTH2', key);
      expect(windows, key).toBeDefined();
      expect(iniPackageValue(bytes, 'OAUTH2', key), key).toBe(windows);
      expect(pythonValue(python, 'OAUTH2', key), key).toBe(windows);
    }
    const value = (key: string): string | undefined => getPrivateProfileString(bytes, 'OAUTH2', key);
    expect(value('TokenURI')).toBe('https://oauth2.googleapis.com/token');
    expect(value('OuthURI')).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(value('Provider')).toBe('0');
    expect(value('ClientSecret')).toBe(idp.google.clients.desktop.secrets[0]);
    expect(value('RefreshToken')).toMatch(/^1\/\/0/);
    expect(getPrivateProfileString(bytes, 'RefreshTokenWizard', 'SignedInAs')).toBe(
      idp.google.accounts.admin.email,
    );
    expect(getPrivateProfileString(bytes, 'RefreshTokenWizard', 'Tenant')).toBeUndefined();
    expect(run.stdout).not.toContain(value('RefreshToken'));
    expect(run.stdout).not.toContain(idp.google.clients.desktop.secrets[0]);
  });

  it('a person is told the Provider= value is unconfirmed; --provider-value and --app-audience are written', async () => {
    const out = path.join(dir, 'gmail.ini');
    const run = await runCliInProcess(
      acquireArgs(out, undefined, ['--provider-value', '7', '--app-audience', 'production', '--lang', 'en']),
      {
        env: env(),
        onStderr: (line) => {
          const url = /^\s+(https:\/\/accounts\.google\.com\S+)$/.exec(line)?.[1];
          if (url !== undefined) browseOnWaiting(routed)({ event: 'waiting', authorizeUrl: url });
        },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Listening for the sign-in response at http:\/\/127\.0\.0\.1:\d+\/ /m);
    // The admin chose the value: no note about the default one.
    expect(run.stderr).not.toContain('not confirmed');
    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'Provider')).toBe('7');
    expect(getPrivateProfileString(bytes, 'RefreshTokenWizard', 'AppAudience')).toBe('production');

    const plain = await runCliInProcess(
      acquireArgs(path.join(dir, 'plain.ini'), undefined, ['--lang', 'ja']),
      {
        env: env(),
        onStderr: (line) => {
          const url = /^\s+(https:\/\/accounts\.google\.com\S+)$/.exec(line)?.[1];
          if (url !== undefined) browseOnWaiting(routed)({ event: 'waiting', authorizeUrl: url });
        },
      },
    );
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('Provider=0 は、このツールが Google 用に書く値です');
  });

  it('--device-code with Google is a usage error that says why (exit 2), before any secret is asked', async () => {
    const run = await runCliInProcess(acquireArgs(path.join(dir, 'x.ini'), undefined, ['--device-code']), {
      env: { ...env(), RTW_CLIENT_SECRET: '' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Google’s device code sign-in does not allow the Gmail scope');
    expect(idp.requests()).toEqual([]);
  });

  it('refuses what a Google client is not: a GUID client ID, a tenant, a public client (exit 2)', async () => {
    const run = await runCliInProcess(
      [
        'acquire',
        '--provider',
        'google',
        '--client-id',
        '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
        '--user',
        idp.google.accounts.admin.email,
        '--tenant',
        'contoso.com',
        '--out',
        path.join(dir, 'x.ini'),
      ],
      { env: env() },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--client-id: This is a GUID');
    expect(run.stderr).toContain('--tenant: Google has no tenants');
  });
});

describe('a Google file in rtw show, refresh, acquire --from and check', () => {
  it('show names the provider, the unconfirmed Provider=, the consent screen and six months', async () => {
    const out = path.join(dir, 'gmail.ini');
    await acquire(out, undefined, ['--app-audience', 'internal']);
    const run = await runCliInProcess(['show', out, '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    // One column for the values, whatever the labels.
    expect(run.stdout).toContain('Provider:        Google (Gmail / Google Workspace)\n');
    expect(run.stdout).toContain(
      'Provider= (INI): 0 (this tool’s value for Google; not confirmed for SMAIL)\n',
    );
    expect(run.stdout).toContain('Consent screen:  Internal\n');
    expect(run.stdout).toMatch(/^Days left: +18[23] \(until \S+: six months unused\)$/m);
    expect(run.stdout).not.toContain('Tenant:');
    expect(run.stdout).not.toContain('To do:');
    const json = await runCliInProcess(['show', out, '--json']);
    expect(json.events[0]).toMatchObject({ provider: 'google', providerValue: '0', appAudience: 'internal' });
  });

  it('refresh keeps the token Google does not rotate and records the refresh; no scope is asked for', async () => {
    const out = path.join(dir, 'gmail.ini');
    await acquire(out);
    const token = await tokenIn(out);
    idp.clearRequests();
    const run = await runCliInProcess(['refresh', out, '--json'], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.events[0]).toMatchObject({
      status: 'refreshed',
      previousFingerprint: run.events[0]?.fingerprint,
    });
    expect(await tokenIn(out)).toBe(token);
    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    expect(getPrivateProfileString(bytes, 'RefreshTokenWizard', 'LastRefreshedAt')).toBeDefined();
    expect(idp.requests()).toEqual([
      expect.objectContaining({
        host: 'oauth2.googleapis.com',
        path: '/token',
        grantType: 'refresh_token',
        status: 200,
      }),
    ]);
    expect(idp.requests()[0]?.scope).toBe(
      'https://mail.google.com/ openid https://www.googleapis.com/auth/userinfo.email',
    );
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('a revoked grant needs re-issuing (exit 8) with Google’s causes; acquire --from re-issues it in place', async () => {
    const out = path.join(dir, 'gmail.ini');
    await acquire(out);
    const old = await tokenIn(out);
    idp.google.revokeConsent(idp.google.clients.desktop, idp.google.accounts.admin);
    const before = await readFile(out);
    const refresh = await runCliInProcess(['refresh', out, '--lang', 'en'], { env: env() });
    expect(refresh.code).toBe(8);
    expect(refresh.stdout).toContain(`RE-ISSUE  ${out}`);
    expect(refresh.stdout).toContain(`rtw acquire --from "${out}"`);
    expect(refresh.stderr).toContain('Token has been expired or revoked.');
    expect(refresh.stderr).toContain('myaccount.google.com/permissions');
    expect(refresh.stderr).toContain('Diagnostic ID: google-invalid_grant-expired-or-revoked');
    expect(await readFile(out)).toEqual(before);

    // The file's settings fill the form: Google, the client, the mailbox and its secret; the port is a free one.
    const reissue = await runCliInProcess(['acquire', '--from', out, '--no-browser', '--json'], {
      env: { ...route.env, NODE_EXTRA_CA_CERTS: idp.caFile },
      onEvent: browseOnWaiting(routed),
    });
    expect(reissue.code, reissue.stderr).toBe(0);
    expect(String(reissue.events[0]?.redirectUri)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(reissue.events.at(-1)).toMatchObject({ event: 'written', file: out, backupFile: `${out}.bak` });
    const renewed = await tokenIn(out);
    expect(renewed).not.toBe(old);
    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'TokenURI')).toBe('https://oauth2.googleapis.com/token');
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'Provider')).toBe('0');
    expect((await runCliInProcess(['refresh', out], { env: env() })).code).toBe(0);
  });

  it('a consent screen in Testing: show counts seven days, and on the eighth Google refuses (exit 8)', async () => {
    const client = idp.google.clients.testing;
    const out = path.join(dir, 'testing.ini');
    await acquire(out, client, ['--app-audience', 'testing']);
    const show = await runCliInProcess(['show', out, '--lang', 'en']);
    expect(show.stdout).toMatch(/^Days left: +[67] \(until \S+: Testing: 7 days after consent\)$/m);
    expect(show.stdout).toContain('The OAuth consent screen is in Testing');
    aheadMs = 6 * DAY;
    expect((await runCliInProcess(['refresh', out], { env: env(client) })).code).toBe(0);
    aheadMs = 7 * DAY + 60_000;
    const dead = await runCliInProcess(['refresh', out, '--lang', 'ja'], { env: env(client) });
    expect(dead.code).toBe(8);
    expect(dead.stderr).toContain('テスト中');
    expect(dead.stderr).toContain('7 日');
  });

  it('check logs in to Gmail-shaped servers with XOAUTH2 and says so', async () => {
    const out = path.join(dir, 'gmail.ini');
    await acquire(out, undefined, ['--protocols', 'smtp,imap,pop']);
    const hosts = [
      '--smtp-host',
      `${gmail.smtp.host}:${gmail.smtp.port}`,
      '--imap-host',
      `${gmail.imap.host}:${gmail.imap.port}`,
      '--pop-host',
      `${gmail.pop.host}:${gmail.pop.port}`,
    ];
    const run = await runCliInProcess(['check', out, ...hosts, '--json'], { env: env() });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // Results stream as each protocol finishes.
    const results = run.events
      .filter((e) => e.event === 'result')
      .map((e) => `${String(e.protocol)}:${String(e.ok)}`);
    expect(results.sort()).toEqual(['imap:true', 'pop:true', 'smtp:true']);
    expect(gmail.directory.logins.every((l) => l.mechanism === 'XOAUTH2')).toBe(true);

    const other = path.join(dir, 'other.ini');
    const text = (await readFile(out, 'utf8')).replace(
      `UserID=${idp.google.accounts.admin.email}`,
      `UserID=${idp.google.accounts.personal.email}`,
    );
    await import('node:fs/promises').then((fs) => fs.writeFile(other, text));
    const refused = await runCliInProcess(['check', other, ...hosts, '--lang', 'en'], { env: env() });
    expect(refused.code).toBe(10);
    expect(refused.stdout).toContain('535-5.7.8');
    expect(refused.stdout).toContain('Diagnostic ID: gmail-smtp-535-5.7.8');
    expect(refused.stdout).toContain(`The token is ${idp.google.accounts.admin.email}’s`);
  });
});
