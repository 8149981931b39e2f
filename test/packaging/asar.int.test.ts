/**
 * Packs the built app with electron-builder itself (`--linux dir`, placeholder Electron, offline) and checks
 * what ships: app.asar holds the compiled main process, core, IPC contract, the CLI's commands (the app runs them
 * headless), bundled preload, built renderer and the production dependencies, and nothing else (no CLI entry or
 * bundle, tests, sources, maps, declarations, dev dependencies); the executable's fuses are flipped as
 * configured; unused Chromium locales are gone.
 * Runs after `npm run build` (as `npm test` does).
 */
import * as asar from '@electron/asar';
import { execFile } from 'node:child_process';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderRequire, ROOT } from './builder-config.js';
import { packDir } from './pack-dir.js';
import type { PackedApp } from './pack-dir.js';
import { FUSE_OFF, FUSE_ON, readFuseWire } from './placeholder-electron.js';

/** electron-builder takes ~5 s here; a hang (a download attempt, a prompt) fails the test instead of CI. */
const PACK_TIMEOUT_MS = 120_000;

const BUILT = ['dist/electron/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html'];

let work: string;
let packed: PackedApp;
let entries: string[];

beforeAll(async () => {
  for (const file of BUILT) {
    await access(join(ROOT, file)).catch(() => {
      throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
    });
  }
  work = await mkdtemp(join(tmpdir(), 'rtw-pack-'));
  packed = await packDir(work, PACK_TIMEOUT_MS);
  const archive = join(packed.appDir, 'resources', 'app.asar');
  entries = asar
    .listPackage(archive, { isPack: false })
    .map((entry) => entry.split(sep).join('/').replace(/^\//, ''));
}, PACK_TIMEOUT_MS + 30_000);

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

/** Files under `dir` (relative to the repository root) on disk, with forward slashes. */
async function filesOnDisk(dir: string): Promise<string[]> {
  const names = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true });
  return names
    .filter((d) => d.isFile())
    .map((d) =>
      join(d.parentPath, d.name)
        .slice(ROOT.length + 1)
        .split(sep)
        .join('/'),
    );
}

describe('packing with electron-builder --dir (offline, placeholder Electron)', () => {
  it('reads app.asar with the @electron/asar electron-builder writes it with', () => {
    expect(createRequire(import.meta.url).resolve('@electron/asar')).toBe(
      builderRequire.resolve('@electron/asar'),
    );
  });

  it('downloads nothing', () => {
    expect(packed.cacheEntries).toEqual([]);
  });

  it('ships every compiled main, app service, CLI command, core and contract module, the bundled preload and the built renderer', async () => {
    const app = [
      ...(await filesOnDisk('dist/electron/main')),
      ...(await filesOnDisk('dist/electron/app')),
      ...(await filesOnDisk('dist/electron/cli')),
      ...(await filesOnDisk('dist/electron/core')),
      ...(await filesOnDisk('dist/electron/shared')),
    ].filter((f) => f.endsWith('.js') && f !== 'dist/electron/cli/main.js');
    // The headless app's CLI: the dispatcher, every command's folder, and the package.json it reads its version from.
    expect(app).toEqual(
      expect.arrayContaining(['dist/electron/cli/run.js', 'dist/electron/cli/refresh/index.js']),
    );
    expect(entries).toContain('dist/package.json');
    const renderer = (await filesOnDisk('dist/renderer')).filter((f) => !f.endsWith('.map'));
    expect(app).toContain('dist/electron/main/index.js');
    expect(renderer).toContain('dist/renderer/index.html');
    expect(renderer.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(entries).toEqual(
      expect.arrayContaining(['package.json', 'dist/preload/index.cjs', ...app, ...renderer]),
    );
  });

  it('ships nothing of ours beyond those', () => {
    const ours = entries.filter((e) => !e.startsWith('node_modules/') && e !== 'node_modules');
    const allowed =
      /^(package\.json|dist|dist\/package\.json|dist\/electron|dist\/electron\/(main|app|cli|core|shared)(\/.*\.js|\/[^.]+)?|dist\/preload(\/index\.cjs)?|dist\/renderer(\/.*)?)$/;
    expect(ours.filter((e) => !allowed.test(e))).toEqual([]);
    // Named, so a failure says what leaked.
    const leaks = [
      /^dist\/electron\/cli\/main\.js$/, // the CLI's entry runs the process that loads it
      /^dist\/cli\//, // the CLI's bundle ships through npm (a second copy of every dependency)
      /^dist\/electron\/preload\//, // the unbundled preload (the sandbox cannot load it)
      /^dist\/test\//, // compiled tests and fixtures (sandbox IdP, fake mail servers)
      /^(electron|renderer|test|scripts|bench|docs|assets)\//, // sources and the rest of the repository
      /\.map$/,
      /\.d\.ts$/,
      /tsbuildinfo/,
      /\.tsx?$/,
    ];
    for (const leak of leaks) expect(ours.filter((e) => leak.test(e))).toEqual([]);
  });

  it('ships the production dependencies and no development ones', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const has = (name: string): boolean => entries.includes(`node_modules/${name}/package.json`);
    for (const name of Object.keys(pkg.dependencies)) expect(has(name), name).toBe(true);
    for (const name of Object.keys(pkg.devDependencies)) {
      // A dev dependency may still ship as some production dependency's own dependency; none of ours is.
      expect(has(name), name).toBe(false);
    }
  });

  it('its package.json starts the compiled main process', () => {
    const manifest = JSON.parse(
      asar.extractFile(join(packed.appDir, 'resources', 'app.asar'), 'package.json').toString('utf8'),
    ) as { main: string; type: string };
    expect(manifest.type).toBe('module');
    expect(entries).toContain(manifest.main);
  });

  it('runs headless from what it ships: the CLI’s command loads from app.asar’s files and dependencies alone', async () => {
    // Unpacked (Node cannot read asar), and started as the app is, with the stand-in electron: `refresh --help`
    // loads the refresh command and everything it imports, from the packed files and node_modules only.
    const unpacked = join(work, 'unpacked');
    asar.extractAll(join(packed.appDir, 'resources', 'app.asar'), unpacked);
    const register = join(ROOT, 'test/fixtures/electron-stub-register.mjs');
    const run = (args: string[]) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--import', register, join(unpacked, 'dist/electron/main/index.js'), ...args],
        { cwd: ROOT, env: { PATH: process.env.PATH, RTW_STUB_USER_DATA: join(work, 'user-data') } },
      );
    const help = await run(['refresh', '--help', '--lang', 'en']);
    const cli = await promisify(execFile)(process.execPath, [
      join(ROOT, 'dist/cli/rtw.cjs'),
      'refresh',
      '--help',
      '--lang',
      'en',
    ]);
    expect(help.stdout).toBe(cli.stdout);
  });

  it('flips the fuses in the executable', async () => {
    const wire = readFuseWire(await readFile(join(packed.appDir, 'refresh-token-wizard')));
    expect(wire).toEqual([
      FUSE_OFF, // RunAsNode
      FUSE_ON, // EnableCookieEncryption
      FUSE_OFF, // EnableNodeOptionsEnvironmentVariable
      FUSE_OFF, // EnableNodeCliInspectArguments
      FUSE_ON, // EnableEmbeddedAsarIntegrityValidation
      FUSE_ON, // OnlyLoadAppFromAsar
      FUSE_OFF, // LoadBrowserProcessSpecificV8Snapshot
      FUSE_ON, // GrantFileProtocolExtraPrivileges: the window loads from file:// (electron-builder.yml)
    ]);
  });

  it('keeps only the Japanese and English Chromium locales', async () => {
    expect((await readdir(join(packed.appDir, 'locales'))).sort()).toEqual(['en-US.pak', 'ja.pak']);
  });
});
