/**
 * Issue #15, item 5: a backup that cannot be written must not cost the token. On a full disk with room for the new
 * file but not for `<file>.bak`, the rotated token (which the identity provider has already issued) goes into the
 * file and the failed backup is a warning. ENOSPC through the atomic write's fs injection, and a backup made
 * impossible for real (a folder where `<file>.bak` would go) through the CLI, against the sandbox IdP.
 */
import * as fsp from 'node:fs/promises';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AtomicFs } from '../../electron/core/token-file/atomic-write.js';
import { readTokenFile, writeTokenFile } from '../../electron/core/token-file/token-file.js';
import { refreshTokenFile } from '../../electron/core/upkeep/refresh.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { writeFleet } from '../helpers/fleet.js';
import { issueTokenFile, sandboxNetwork, tokenIn, worksAtSandbox } from '../helpers/token-files.js';

const sandbox = sandboxPerFile();

/** An fs whose writes to the backup's temp file fail as on a full disk; everything else is the real one. */
function diskFullForBackup(): AtomicFs {
  return {
    ...fsp,
    open: async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      if (!path.basename(String(args[0])).includes('.bak.')) return handle;
      return new Proxy(handle, {
        get(target, name, receiver) {
          if (name === 'writeFile' || name === 'write')
            return () =>
              Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
          const value: unknown = Reflect.get(target, name, receiver);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

describe('a backup that cannot be written', () => {
  it('writeTokenFile: ENOSPC on the .bak is a warning; the new bytes are in the file, no temp file left', async () => {
    const file = path.join(sandbox.dir, 't.ini');
    await writeFile(file, '[OAUTH2]\r\nRefreshToken=OLD\r\n');
    const result = await writeTokenFile(
      file,
      { oauth2: { RefreshToken: 'NEW' } },
      { fs: diskFullForBackup() },
    );
    expect(result).toMatchObject({
      written: true,
      created: false,
      backupFailed: { file: `${file}.bak`, reason: 'ENOSPC' },
    });
    expect(result.backupPath).toBeUndefined();
    expect(await readFile(file, 'latin1')).toBe('[OAUTH2]\r\nRefreshToken=NEW\r\n');
    expect(await readdir(sandbox.dir)).toEqual(['t.ini']);
  });

  it('an older backup is left as it was when the new one fails', async () => {
    const file = path.join(sandbox.dir, 't.ini');
    await writeFile(file, '[OAUTH2]\r\nRefreshToken=OLD\r\n');
    await writeFile(`${file}.bak`, '[OAUTH2]\r\nRefreshToken=OLDER\r\n');
    await writeTokenFile(file, { oauth2: { RefreshToken: 'NEW' } }, { fs: diskFullForBackup() });
    expect(await readFile(`${file}.bak`, 'latin1')).toBe('[OAUTH2]\r\nRefreshToken=OLDER\r\n');
    expect((await readdir(sandbox.dir)).sort()).toEqual(['t.ini', 't.ini.bak']);
  });

  it('refresh: the rotated token is kept (and works) though the backup hit ENOSPC', async () => {
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    const issued = await issueTokenFile(sandbox.idp, file);
    const outcome = await refreshTokenFile(file, {
      createNetworkClient: () => sandboxNetwork(sandbox.idp),
      tokenFileFs: diskFullForBackup(),
    });
    expect(outcome).toMatchObject({ status: 'refreshed', backupFailed: { reason: 'ENOSPC' } });
    const now = await tokenIn(file);
    expect(now).not.toBe(issued);
    expect(await worksAtSandbox(sandbox.idp, now)).toBe(true);
  });

  it('rtw refresh with no room for the backup (a folder in its place): exit 0, the warning in both languages', async () => {
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    const issued = await issueTokenFile(sandbox.idp, file);
    await mkdir(`${file}.bak`);
    const env = { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile };
    const en = await runCliInProcess(['refresh', file, '--lang', 'en'], { env });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain(`OK        ${file}`);
    expect(en.stderr).toContain(`${file}.bak`);
    expect(en.stderr).toContain('could not be saved');
    const afterEn = await tokenIn(file);
    expect(afterEn).not.toBe(issued);
    const ja = await runCliInProcess(['refresh', file, '--lang', 'ja', '--json'], { env });
    expect(ja.code, ja.stderr).toBe(0);
    expect(ja.events[0]).toMatchObject({
      status: 'refreshed',
      backupFailed: { file: `${file}.bak`, reason: expect.any(String) as unknown },
    });
    expect(await worksAtSandbox(sandbox.idp, await tokenIn(file))).toBe(true);
    expect((await readdir(`${file}.bak`)).length).toBe(0);
  });

  it('rtw rotate-secret with no room for the backup: the new secret and token kept, the warning in both languages', async () => {
    const app = sandbox.idp.registry.addApp({
      displayName: 'Printer relay',
      tenantId: 'personal+multi',
      redirectUris: [{ uri: 'http://localhost:8001/myapp/', type: 'web' }],
    });
    const old = sandbox.idp.registry.addSecret(app.clientId, new Date(Date.now() + 86_400_000));
    const added = sandbox.idp.registry.addSecret(app.clientId, new Date(Date.now() + 730 * 86_400_000));
    const [one] = await writeFleet(sandbox.idp, sandbox.dir, [
      { name: 'a1.ini', clientId: app.clientId, secret: old.value },
    ]);
    const file = one?.file ?? '';
    await mkdir(`${file}.bak`);
    const env = { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile, RTW_CLIENT_SECRET: added.value };
    const en = await runCliInProcess(['rotate-secret', '--client-id', app.clientId, file, '--lang', 'en'], {
      env,
    });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain(`${file}.bak`);
    expect(en.stderr).toContain('could not be saved');
    const ja = await runCliInProcess(['rotate-secret', '--client-id', app.clientId, file, '--lang', 'ja'], {
      env,
    });
    expect(ja.code, ja.stderr).toBe(0);
    expect(ja.stderr).toContain(`${file}.bak`);
    expect(ja.stderr).toContain('保存できませんでした');
    // The file holds the new secret and a token that works with it alone.
    const content = await readTokenFile(file);
    expect(content.exists && content.oauth2.ClientSecret).toBe(added.value);
    expect(
      await worksAtSandbox(sandbox.idp, await tokenIn(file), {
        clientId: app.clientId,
        clientSecret: added.value,
      }),
    ).toBe(true);
  });
});
