/**
 * Issue #15, item 2: a refresh or re-issue of an existing token file keeps its owner, group and mode, so the sender's
 * service account can still read it after root's scheduled refresh; a read-only file is refused with an explanation
 * and nothing is written. The real CLI (in process) against the sandbox IdP, on the real file system (Linux; what
 * Windows keeps is stated in docs/data-and-secrets.*.md). Changing a file's owner needs root: those cases run as
 * root (as `npm test` does on the CI), the others as anyone.
 */
import { execFileSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { chmod, chown, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AtomicFs } from '../../electron/core/token-file/atomic-write.js';
import { RtwError } from '../../electron/core/errors.js';
import { writeTokenFile } from '../../electron/core/token-file/token-file.js';
import { browseOnWaiting, sandboxAcquireArgs, sandboxEnv } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { issueTokenFile, tokenIn, worksAtSandbox } from '../helpers/token-files.js';

const sandbox = sandboxPerFile();
const POSIX = process.platform !== 'win32';
const ROOT = process.getuid?.() === 0;
const nobody = (): { uid: number; gid: number } => ({
  uid: Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim()),
  gid: Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim()),
});
const env = (): NodeJS.ProcessEnv => ({ NODE_EXTRA_CA_CERTS: sandbox.idp.caFile });

async function ownerOf(file: string): Promise<{ uid: number; gid: number; mode: number }> {
  const s = await stat(file);
  return { uid: s.uid, gid: s.gid, mode: s.mode & 0o7777 };
}

describe.skipIf(!POSIX)('owner, group and mode of an existing token file', () => {
  it.runIf(ROOT)(
    'root’s rtw refresh keeps nobody:nogroup 0640; the backup stays root’s, owner-only',
    async () => {
      const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
      const issued = await issueTokenFile(sandbox.idp, file);
      const { uid, gid } = nobody();
      await chown(file, uid, gid);
      await chmod(file, 0o640);
      const run = await runCliInProcess(['refresh', file, '--json'], { env: env() });
      expect(run.code, run.stderr).toBe(0);
      expect(run.events[0]).toMatchObject({ status: 'refreshed' });
      const now = await tokenIn(file);
      expect(now).not.toBe(issued);
      expect(await worksAtSandbox(sandbox.idp, now)).toBe(true);
      expect(await ownerOf(file)).toEqual({ uid, gid, mode: 0o640 });
      expect(await ownerOf(`${file}.bak`)).toEqual({ uid: 0, gid: 0, mode: 0o600 });
    },
  );

  it.runIf(ROOT)('root’s rtw acquire over an existing file keeps its owner, group and mode', async () => {
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    await writeFile(file, '[Mail]\r\nServer=smtp.office365.com\r\n');
    const { uid, gid } = nobody();
    await chown(file, uid, gid);
    await chmod(file, 0o660);
    const run = await runCliInProcess(sandboxAcquireArgs(sandbox.idp, file, { extra: ['--json'] }), {
      env: sandboxEnv(sandbox.idp),
      onEvent: browseOnWaiting(sandbox.trust),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(await tokenIn(file)).not.toBe('');
    expect(await ownerOf(file)).toEqual({ uid, gid, mode: 0o660 });
  });

  it.runIf(ROOT)(
    'refuses another user’s file in a folder others can write: keeping its owner would hand them the token',
    async () => {
      const shared = path.join(sandbox.dir, 'shared');
      await mkdir(shared);
      await chmod(shared, 0o777);
      const file = path.join(shared, 'smail_refresh_token.ini');
      const planted = '[Mail]\r\nServer=smtp.office365.com\r\n';
      await writeFile(file, planted, { mode: 0o644 });
      await chown(file, nobody().uid, nobody().gid);
      const run = await runCliInProcess(sandboxAcquireArgs(sandbox.idp, file, { extra: ['--json'] }), {
        env: sandboxEnv(sandbox.idp),
        onEvent: browseOnWaiting(sandbox.trust),
      });
      expect(run.code, run.stderr).toBe(5);
      expect(run.events).toEqual([
        expect.objectContaining({ event: 'failed', code: 'file-unsafe', id: 'file-foreign-owner' }),
      ]);
      expect(await readFile(file, 'utf8')).toBe(planted);
      expect(await readdir(shared)).toEqual(['smail_refresh_token.ini']);
    },
  );

  it('keeps the mode of the writer’s own file (0640 stays 0640, not 0600)', async () => {
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    await issueTokenFile(sandbox.idp, file);
    await chmod(file, 0o640);
    const before = await ownerOf(file);
    const run = await runCliInProcess(['refresh', file, '--json'], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(await ownerOf(file)).toEqual(before);
  });

  it.runIf(ROOT)(
    'stops, writing nothing, when the owner cannot be kept (fchown refused: a non-root writer)',
    async () => {
      const file = path.join(sandbox.dir, 't.ini');
      const before = '[OAUTH2]\r\nRefreshToken=KEEP\r\n';
      await writeFile(file, before, { mode: 0o640 });
      // The one refusal a root test run cannot meet for real: fchown to another user as an unprivileged writer.
      const refusingChown: AtomicFs = {
        ...fsp,
        open: async (...args: Parameters<typeof fsp.open>) => {
          const handle = await fsp.open(...args);
          return new Proxy(handle, {
            get(target, name, receiver) {
              if (name === 'chown')
                return () => Promise.reject(Object.assign(new Error('not permitted'), { code: 'EPERM' }));
              const value: unknown = Reflect.get(target, name, receiver);
              return typeof value === 'function'
                ? (value as (...a: unknown[]) => unknown).bind(target)
                : value;
            },
          });
        },
      };
      // Another owner than the writer, so the temp file must be given away.
      await chown(file, nobody().uid, nobody().gid);
      const error = await writeTokenFile(
        file,
        { oauth2: { RefreshToken: 'NEW' } },
        { fs: refusingChown },
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(RtwError.is(error, 'file-owner')).toBe(true);
      expect(await readFile(file, 'utf8')).toBe(before);
      expect(await readdir(sandbox.dir)).toEqual(['t.ini']);
    },
  );
});

describe.skipIf(!POSIX)('a read-only token file', () => {
  it('rtw refresh refuses a 0444 file with an explanation; nothing is written, no backup made', async () => {
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    await issueTokenFile(sandbox.idp, file);
    await chmod(file, 0o444);
    const before = await readFile(file);
    sandbox.idp.clearRequests();
    const run = await runCliInProcess(['refresh', file, '--json', '--lang', 'en'], { env: env() });
    expect(run.code, run.stderr).toBe(5);
    expect(run.events[0]).toMatchObject({ status: 'failed', code: 'file-read-only' });
    expect(JSON.stringify(run.events[0])).toContain('read-only');
    expect((await readFile(file)).equals(before)).toBe(true);
    expect((await ownerOf(file)).mode).toBe(0o444);
    expect(await readdir(sandbox.dir)).toEqual(['smail_refresh_token.ini']);
    // Refused before the token was redeemed: nothing at the identity provider either.
    expect(sandbox.idp.requests().filter((r) => r.path.endsWith('/token'))).toEqual([]);
  });

  it('rtw acquire refuses it before the sign-in', async () => {
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    await writeFile(file, '[OAUTH2]\r\nUserID=printer@contoso.com\r\n', { mode: 0o444 });
    await chmod(file, 0o444);
    const run = await runCliInProcess(
      sandboxAcquireArgs(sandbox.idp, file, { extra: ['--json', '--lang', 'ja'] }),
      { env: sandboxEnv(sandbox.idp), onEvent: browseOnWaiting(sandbox.trust) },
    );
    expect(run.code, run.stderr).toBe(5);
    expect(run.events).toHaveLength(1);
    expect(run.events[0]).toMatchObject({ event: 'failed', code: 'file-read-only', id: 'file-read-only' });
    expect(await readFile(file, 'utf8')).toBe('[OAUTH2]\r\nUserID=printer@contoso.com\r\n');
    expect(await readdir(sandbox.dir)).toEqual(['smail_refresh_token.ini']);
  });
});
