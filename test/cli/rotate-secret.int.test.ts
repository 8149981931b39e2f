/**
 * `rtw rotate-secret` in process against the sandbox: a fleet of files of two apps, one with a dead token, one
 * unreadable. A wrong or expired secret stops at the first file with nothing changed; the right one rotates every
 * file of its app with no sign-in (the tokens then work with the new secret alone, the old one deleted), gives the
 * dead file the new secret and the command that re-issues it, and skips the other app's files, saying so.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppRegistration, AppSecret } from '../fixtures/sandbox/idp.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { writeFleet } from '../helpers/fleet.js';
import type { FleetFile } from '../helpers/fleet.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { tokenIn, worksAtSandbox } from '../helpers/token-files.js';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';

const sandbox = sandboxPerFile();
const DAY = 86_400_000;

/** An app with the secret its files hold (expiring in 3 days) and the new one the admin just added. */
function rotatingApp(name = 'Printer relay'): { app: AppRegistration; old: AppSecret; added: AppSecret } {
  const app = sandbox.idp.registry.addApp({
    displayName: name,
    tenantId: 'personal+multi',
    redirectUris: [{ uri: 'http://localhost:8001/myapp/', type: 'web' }],
  });
  const old = sandbox.idp.registry.addSecret(app.clientId, new Date(Date.now() + 3 * DAY));
  const added = sandbox.idp.registry.addSecret(app.clientId, new Date(Date.now() + 730 * DAY));
  return { app, old, added };
}

interface Fleet {
  app: AppRegistration;
  old: AppSecret;
  added: AppSecret;
  other: { app: AppRegistration; secret: AppSecret };
  /** In the folder's order: a1, a2 (dead token), a3, b1 (the other app), c-broken (unreadable). */
  a1: FleetFile;
  a2: FleetFile;
  a3: FleetFile;
  b1: FleetFile;
  broken: string;
}

async function fleet(): Promise<Fleet> {
  const { app, old, added } = rotatingApp();
  const otherApp = rotatingApp('Scanner relay');
  const files = await writeFleet(sandbox.idp, sandbox.dir, [
    { name: 'a1.ini', clientId: app.clientId, secret: old.value, secretExpiresAt: '2026-01-31' },
    { name: 'a2.ini', clientId: app.clientId, secret: old.value, upn: sandbox.idp.users.admin.upn },
    { name: 'a3.ini', clientId: app.clientId, secret: old.value },
    { name: 'b1.ini', clientId: otherApp.app.clientId, secret: otherApp.old.value },
  ]);
  const [a1, a2, a3, b1] = files as [FleetFile, FleetFile, FleetFile, FleetFile];
  // Unused for 90 days: only a sign-in brings it back.
  sandbox.idp.expireRefreshToken(a2.token);
  const broken = path.join(sandbox.dir, 'c-broken.ini');
  // Not an INI file any reader would take (UTF-16 without a BOM… of nothing): it is reported, not rotated.
  await writeFile(broken, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
  return { app, old, added, other: { app: otherApp.app, secret: otherApp.old }, a1, a2, a3, b1, broken };
}

const env = (secret: string): NodeJS.ProcessEnv => ({
  NODE_EXTRA_CA_CERTS: sandbox.idp.caFile,
  RTW_CLIENT_SECRET: secret,
});

async function snapshot(files: string[]): Promise<Buffer[]> {
  return Promise.all(files.map((f) => readFile(f)));
}

function tokenRequests(): number {
  return sandbox.idp.requests().filter((r) => r.grantType === 'refresh_token').length;
}

describe('rtw rotate-secret against the sandbox', () => {
  it.each([
    ['another app’s secret (AADSTS7000215)', 'wrong', 'AADSTS7000215'],
    ['an expired secret (AADSTS7000222)', 'expired', 'AADSTS7000222'],
  ] as const)('%s stops at the first file: exit 3, explained, no file changed', async (_, kind, code) => {
    const f = await fleet();
    const secret =
      kind === 'wrong'
        ? f.other.secret.value
        : sandbox.idp.registry.addSecret(f.app.clientId, new Date(Date.now() - DAY)).value;
    const all = [f.a1.file, f.a2.file, f.a3.file, f.b1.file, f.broken];
    const before = await snapshot(all);
    const run = await runCliInProcess(
      ['rotate-secret', '--client-id', f.app.clientId, sandbox.dir, '--lang', 'en'],
      { env: env(secret) },
    );
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain(
      `The new secret was refused when refreshing ${f.a1.file}. No file was changed.`,
    );
    expect(run.stderr).toContain(code);
    expect(run.stdout).toBe('');
    expect(tokenRequests()).toBe(1);
    expect(await snapshot(all)).toEqual(before);
    expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('rotates every file of the app with no sign-in; the dead one gets the secret and its re-issue command', async () => {
    const f = await fleet();
    const otherBefore = await readFile(f.b1.file);
    const run = await runCliInProcess(
      [
        'rotate-secret',
        '--client-id',
        f.app.clientId.toUpperCase(),
        sandbox.dir,
        '--secret-expires',
        '2028-02-29',
        '--json',
      ],
      { env: env(f.added.value) },
    );
    // The unreadable file is a failure of its own (exit 5 wins over the sign-in the dead file needs).
    expect(run.code, run.stderr).toBe(5);
    expect(run.events.map((e) => [e.event, e.status, path.basename(String(e.file))])).toEqual([
      ['file', 'rotated', 'a1.ini'],
      ['file', 'needs-sign-in', 'a2.ini'],
      ['file', 'rotated', 'a3.ini'],
      ['file', 'skipped', 'b1.ini'],
      ['file', 'failed', 'c-broken.ini'],
      ['summary', undefined, 'undefined'],
    ]);
    expect(run.events[1]).toMatchObject({
      code: 'aadsts',
      secretRecorded: true,
      reissueCommand: `rtw acquire --from "${f.a2.file}"`,
      explanation: { command: `rtw acquire --from "${f.a2.file}"` },
    });
    expect(run.events[3]).toMatchObject({ reason: 'other-app', clientId: f.other.app.clientId });
    expect(run.events[4]).toMatchObject({ code: 'file-format' });
    expect(run.events[5]).toMatchObject({
      total: 5,
      rotated: 2,
      needsSignIn: 1,
      failed: 1,
      skipped: 1,
      verified: true,
      exitCode: 5,
    });
    // One refresh per file of the app, none for the other app's.
    expect(tokenRequests()).toBe(3);
    // Each file's own ClientID is sent (the option only picks the files, in any case).
    expect(sandbox.idp.requests().map((r) => r.clientId)).toEqual([
      f.app.clientId,
      f.app.clientId,
      f.app.clientId,
    ]);

    // The old secret is deleted: the rotated files' tokens work with the new one alone.
    sandbox.idp.registry.removeSecret(f.app.clientId, f.old.id);
    for (const { file, token } of [f.a1, f.a3]) {
      const content = await readTokenFile(file);
      if (!content.exists) throw new Error('gone');
      expect(content.oauth2.ClientSecret).toBe(f.added.value);
      expect(content.meta.ClientSecretExpiresAt).toBe('2028-02-29');
      expect(content.meta.LastRefreshedAt).toBeDefined();
      const now = content.oauth2.RefreshToken ?? '';
      expect(now).not.toBe(token);
      expect(
        await worksAtSandbox(sandbox.idp, now, { clientId: f.app.clientId, clientSecret: f.added.value }),
      ).toBe(true);
      expect((await readTokenFile(`${file}.bak`)).exists).toBe(true);
    }
    const dead = await readTokenFile(f.a2.file);
    if (!dead.exists) throw new Error('gone');
    expect(dead.oauth2).toMatchObject({ ClientSecret: f.added.value, RefreshToken: f.a2.token });
    expect(await readFile(f.b1.file)).toEqual(otherBefore);
    // And `rtw refresh` goes on with the new secret, the old one gone.
    const refresh = await runCliInProcess(['refresh', f.a1.file, f.a3.file, '--json'], {
      env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile },
    });
    expect(refresh.code, refresh.stderr).toBe(0);
    // Nothing printed held the secret, old or new, or a token.
    for (const needle of [f.added.value, f.old.value, f.a1.token, f.a3.token, await tokenIn(f.a1.file)])
      expect(run.stdout + run.stderr).not.toContain(needle);
  });

  it('speaks Japanese and English for people: skipped, sign-in, summary (exit 8 without the broken file)', async () => {
    const f = await fleet();
    const files = [f.a1.file, f.a2.file, f.b1.file];
    const ja = await runCliInProcess(
      ['rotate-secret', '--client-id', f.app.clientId, ...files, '--lang', 'ja'],
      { env: env(f.added.value) },
    );
    expect(ja.code, ja.stderr).toBe(8);
    expect(ja.stdout).toContain(`更新済み  ${f.a1.file}:`);
    expect(ja.stdout).toContain(`要サインイン ${f.a2.file}:`);
    expect(ja.stdout).toContain(
      `対象外    ${f.b1.file}: ほかのアプリのファイルです (クライアント ID ${f.other.app.clientId})。`,
    );
    expect(ja.stdout).toContain('更新 1 件、要サインイン 1 件、失敗 0 件、対象外 1 件。');
    expect(ja.stderr).toContain('新しいシークレットはこのファイルに書き込み済みです');
    const en = await runCliInProcess(
      ['rotate-secret', '--client-id', f.app.clientId, ...files, '--lang', 'en', '--parallel', '2'],
      { env: env(f.added.value) },
    );
    expect(en.code, en.stderr).toBe(8);
    expect(en.stdout).toContain(`ROTATED   ${f.a1.file}:`);
    expect(en.stdout).toContain(`SIGN-IN   ${f.a2.file}: `);
    expect(en.stdout).toContain(`rtw acquire --from "${f.a2.file}"`);
    expect(en.stdout).toContain(`SKIPPED   ${f.b1.file}: another app (client ID ${f.other.app.clientId}).`);
    expect(en.stdout).toContain('1 rotated, 1 need a sign-in, 0 failed, 1 skipped.');
    expect(en.stderr).toContain('The new secret is already in this file');
  });

  it('checks the shape first (the secret ID, a bad date): exit 2, nothing sent', async () => {
    const f = await fleet();
    const before = await snapshot([f.a1.file]);
    const run = await runCliInProcess(
      [
        'rotate-secret',
        '--client-id',
        f.app.clientId,
        f.a1.file,
        '--secret-expires',
        '2027-13-01',
        '--lang',
        'en',
      ],
      { env: env(f.added.id) },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The new secret cannot be right. No file was changed:');
    expect(run.stderr).toMatch(/secret's ID|Secret ID|secret ID/i);
    expect(run.stderr).toContain('2027-13-01');
    expect(tokenRequests()).toBe(0);
    expect(await snapshot([f.a1.file])).toEqual(before);
  });

  it('takes the secret from standard input; without --client-id, a secret or a file of the app it exits 2', async () => {
    const f = await fleet();
    const stdin = await runCliInProcess(
      ['rotate-secret', '--client-id', f.app.clientId, f.a1.file, '--secret-stdin', '--json'],
      { env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile }, stdin: `${f.added.value}\n` },
    );
    expect(stdin.code, stdin.stderr).toBe(0);
    expect(stdin.events[0]).toMatchObject({ status: 'rotated' });

    const noId = await runCliInProcess(['rotate-secret', f.a1.file, '--lang', 'en'], {
      env: env(f.added.value),
    });
    expect([noId.code, noId.stderr]).toEqual([
      2,
      '--client-id is required: the Application (client) ID of the app whose secret changed. Run rtw rotate-secret --help.\n',
    ]);
    const noSecret = await runCliInProcess(
      ['rotate-secret', '--client-id', f.app.clientId, f.a3.file, '--lang', 'en'],
      { env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile } },
    );
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('No secret given');
    const noneOfApp = await runCliInProcess(
      ['rotate-secret', '--client-id', f.app.clientId, f.b1.file, '--lang', 'en'],
      { env: env(f.added.value) },
    );
    expect(noneOfApp.code).toBe(2);
    expect(noneOfApp.stdout).toContain(`SKIPPED   ${f.b1.file}`);
    expect(noneOfApp.stderr).toContain(`None of these files belongs to the app ${f.app.clientId}.`);
    expect(tokenRequests()).toBe(1);
  });
});
