/**
 * Issue #15, item 1: a local adversary and the token file's symlinks. Another user who can write the token file's
 * folder plants `smail_refresh_token.ini -> /some/root-owned/file`, leaves a dangling link, or, while `rtw refresh`
 * waits for the identity provider, renames the file away and puts a link (or a file of their own) in its place.
 * Whatever they do, nothing is written where their link points, nothing of the token reaches their file, and the
 * CLI says why it stopped. The real CLI (in process) against the sandbox IdP, on the real file system (POSIX: the
 * link rules are about owners and folder modes; Windows' rule is in test/core/token-file/write-target.test.ts).
 *
 * The moment "while the identity provider answers" is the sandbox holding the token request until the test has
 * acted (`holdNextTokenRequest`), not a delay.
 */
import { execFileSync } from 'node:child_process';
import {
  chmod,
  lchown,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  rename,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browseOnWaiting, sandboxAcquireArgs, sandboxEnv } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { issueTokenFile, tokenIn, worksAtSandbox } from '../helpers/token-files.js';

const sandbox = sandboxPerFile();
const POSIX = process.platform !== 'win32';
const ROOT = process.getuid?.() === 0;
/** The other local user: Debian's nobody:nogroup. */
const nobody = (): { uid: number; gid: number } => ({
  uid: Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim()),
  gid: Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim()),
});

const VICTIM_BYTES = 'root-only settings\nsecret=do-not-touch\n';

/** A folder anyone can write (no sticky bit: others may rename what is in it), and a private one with a victim. */
async function stage(): Promise<{ shared: string; victim: string; victimDir: string }> {
  const shared = path.join(sandbox.dir, 'shared');
  const victimDir = path.join(sandbox.dir, 'private');
  await mkdir(shared);
  await chmod(shared, 0o777);
  await mkdir(victimDir, { mode: 0o700 });
  const victim = path.join(victimDir, 'root.conf');
  await writeFile(victim, VICTIM_BYTES, { mode: 0o600 });
  return { shared, victim, victimDir };
}

/** The victim is exactly as it was: bytes, mode, owner, and nothing new beside it. */
async function expectUntouched(victim: string, victimDir: string): Promise<void> {
  expect(await readFile(victim, 'utf8')).toBe(VICTIM_BYTES);
  const s = await stat(victim);
  expect(s.mode & 0o7777).toBe(0o600);
  expect(s.uid).toBe(process.getuid?.());
  expect(await readdir(victimDir)).toEqual([path.basename(victim)]);
}

function tokenRequests(): number {
  return sandbox.idp.requests().filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;
}

describe.skipIf(!POSIX)('symlinks planted by another local user', () => {
  it('rtw acquire refuses a link in a folder others can write, before the sign-in, and writes nothing', async () => {
    const { shared, victim, victimDir } = await stage();
    const link = path.join(shared, 'smail_refresh_token.ini');
    await symlink(victim, link);
    const run = await runCliInProcess(
      sandboxAcquireArgs(sandbox.idp, link, { extra: ['--json', '--lang', 'en'] }),
      {
        env: sandboxEnv(sandbox.idp),
        onEvent: browseOnWaiting(sandbox.trust),
      },
    );
    expect(run.code, run.stderr).toBe(5);
    expect(run.events).toHaveLength(1);
    expect(run.events[0]).toMatchObject({ event: 'failed', code: 'file-unsafe', id: 'file-unsafe-link' });
    expect(JSON.stringify(run.events[0])).toContain(link);
    expect(tokenRequests()).toBe(0);
    await expectUntouched(victim, victimDir);
    expect(await readlink(link)).toBe(victim);
    expect(await readdir(shared)).toEqual(['smail_refresh_token.ini']);
  });

  it.runIf(ROOT)('refuses a link another user owns even in a private folder (root writing)', async () => {
    const { victim, victimDir } = await stage();
    const mine = path.join(sandbox.dir, 'mine');
    await mkdir(mine, { mode: 0o755 });
    const link = path.join(mine, 'smail_refresh_token.ini');
    await symlink(victim, link);
    const { uid, gid } = nobody();
    await lchown(link, uid, gid);
    const run = await runCliInProcess(
      sandboxAcquireArgs(sandbox.idp, link, { extra: ['--json', '--lang', 'ja'] }),
      { env: sandboxEnv(sandbox.idp), onEvent: browseOnWaiting(sandbox.trust) },
    );
    expect(run.code, run.stderr).toBe(5);
    expect(run.events[0]).toMatchObject({ event: 'failed', code: 'file-unsafe', id: 'file-unsafe-link' });
    expect(tokenRequests()).toBe(0);
    await expectUntouched(victim, victimDir);
  });

  it('a dangling link creates no file where it points (acquire and refresh)', async () => {
    const { victimDir } = await stage();
    const mine = path.join(sandbox.dir, 'mine');
    await mkdir(mine, { mode: 0o700 });
    const link = path.join(mine, 'smail_refresh_token.ini');
    const pointsTo = path.join(victimDir, 'created-by-link.conf');
    await symlink(pointsTo, link);
    const run = await runCliInProcess(
      sandboxAcquireArgs(sandbox.idp, link, { extra: ['--json', '--lang', 'en'] }),
      {
        env: sandboxEnv(sandbox.idp),
        onEvent: browseOnWaiting(sandbox.trust),
      },
    );
    expect(run.code, run.stderr).toBe(5);
    expect(run.events[0]).toMatchObject({ event: 'failed', code: 'file-unsafe', id: 'file-dangling-link' });
    expect(JSON.stringify(run.events[0])).toContain(pointsTo);
    expect(await readdir(victimDir)).toEqual(['root.conf']);
    expect(await readdir(mine)).toEqual(['smail_refresh_token.ini']);
    expect(tokenRequests()).toBe(0);
    const refresh = await runCliInProcess(['refresh', link, '--json', '--lang', 'en'], {
      env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile },
    });
    expect(refresh.code, refresh.stderr).toBe(5);
    expect(refresh.events[0]).toMatchObject({ status: 'failed', code: 'file-unsafe' });
    expect(await readdir(victimDir)).toEqual(['root.conf']);
    expect(await readdir(mine)).toEqual(['smail_refresh_token.ini']);
  });
});

describe.skipIf(!POSIX)('the file swapped while rtw refresh waits for the identity provider', () => {
  const env = (): NodeJS.ProcessEnv => ({ NODE_EXTRA_CA_CERTS: sandbox.idp.caFile });

  /** Runs `rtw refresh FILE --json`, doing `swap` while the sandbox holds the token request. */
  async function refreshWithSwap(
    file: string,
    swap: () => Promise<void>,
  ): Promise<Awaited<ReturnType<typeof runCliInProcess>>> {
    const hold = sandbox.idp.holdNextTokenRequest();
    const running = runCliInProcess(['refresh', file, '--json', '--lang', 'en'], { env: env() });
    await hold.arrived;
    await swap();
    hold.release();
    return running;
  }

  it('renamed away and replaced by a link: nothing is written to the link’s target, and it says so', async () => {
    const { shared, victim, victimDir } = await stage();
    const file = path.join(shared, 'smail_refresh_token.ini');
    const issued = await issueTokenFile(sandbox.idp, file);
    const original = await readFile(file);
    const moved = path.join(shared, 'moved.ini');
    const run = await refreshWithSwap(file, async () => {
      await rename(file, moved);
      await symlink(victim, file);
      if (ROOT) await lchown(file, nobody().uid, nobody().gid);
    });
    expect(run.code, run.stderr).toBe(5);
    expect(run.events[0]).toMatchObject({ event: 'file', status: 'failed', code: 'file-changed' });
    expect(JSON.stringify(run.events[0])).toContain(file);
    await expectUntouched(victim, victimDir);
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect(await readlink(file)).toBe(victim);
    // The file that was read is not written either: it was moved, and the run stopped.
    expect((await readFile(moved)).equals(original)).toBe(true);
    expect((await readdir(shared)).sort()).toEqual(['moved.ini', 'smail_refresh_token.ini']);
    // The token in the moved file still works (Entra does not revoke a redeemed refresh token): nothing is lost.
    expect(await tokenIn(moved)).toBe(issued);
    expect(await worksAtSandbox(sandbox.idp, issued)).toBe(true);
  });

  it('renamed away and replaced by another user’s own file: their file gets no token and no owner change', async () => {
    const { shared } = await stage();
    const file = path.join(shared, 'smail_refresh_token.ini');
    await issueTokenFile(sandbox.idp, file);
    const theirs = '[OAUTH2]\r\nRefreshToken=theirs\r\n';
    const run = await refreshWithSwap(file, async () => {
      await rename(file, path.join(shared, 'moved.ini'));
      await writeFile(file, theirs, { mode: 0o644 });
      if (ROOT) await lchown(file, nobody().uid, nobody().gid);
    });
    expect(run.code, run.stderr).toBe(5);
    expect(run.events[0]).toMatchObject({ event: 'file', status: 'failed', code: 'file-changed' });
    expect(await readFile(file, 'utf8')).toBe(theirs);
    const s = await stat(file);
    expect(s.mode & 0o777).toBe(0o644);
    if (ROOT) expect(s.uid).toBe(nobody().uid);
    expect((await readdir(shared)).sort()).toEqual(['moved.ini', 'smail_refresh_token.ini']);
  });

  it('left alone, the same file in the same folder is refreshed as before (the hold itself changes nothing)', async () => {
    const { shared } = await stage();
    const file = path.join(shared, 'smail_refresh_token.ini');
    const issued = await issueTokenFile(sandbox.idp, file);
    const run = await refreshWithSwap(file, () => Promise.resolve());
    expect(run.code, run.stderr).toBe(0);
    expect(run.events[0]).toMatchObject({ event: 'file', status: 'refreshed' });
    expect(await tokenIn(file)).not.toBe(issued);
  });
});
