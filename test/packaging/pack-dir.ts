/**
 * Runs `electron-builder --linux dir` on the built app with a placeholder Electron, offline: no download, no
 * signing, no native rebuild, no publishing. Returns where the unpacked app landed.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { ROOT } from './builder-config.js';
import { writePlaceholderElectron } from './placeholder-electron.js';

const run = promisify(execFile);

/** The result of one packing. */
export interface PackedApp {
  /** `<out>/linux-unpacked`. */
  readonly appDir: string;
  /** Files electron-builder left in its cache folder: none means it downloaded nothing. */
  readonly cacheEntries: string[];
  readonly log: string;
}

/** Packs into `work` (a fresh temporary folder); rejects after `timeoutMs`. */
export async function packDir(work: string, timeoutMs: number): Promise<PackedApp> {
  const electronDist = join(work, 'electron-dist');
  const out = join(work, 'out');
  const cache = join(work, 'cache');
  await writePlaceholderElectron(electronDist);
  await mkdir(cache);
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const { stdout, stderr } = await run(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${out}`,
    ],
    {
      cwd: ROOT,
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 16 * 1024 * 1024,
      env: {
        ...process.env,
        // Anything electron-builder would fetch (Electron, app-builder tools) lands here: the test checks it
        // stays empty.
        ELECTRON_BUILDER_CACHE: cache,
        ELECTRON_CACHE: cache,
        // No signing identity lookup (macOS keychain, Windows certificate store).
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      },
    },
  );
  return { appDir: join(out, 'linux-unpacked'), cacheEntries: await readdir(cache), log: stdout + stderr };
}
