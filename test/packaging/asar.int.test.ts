/**
 * Packs the built app with electron-builder itself (`--linux dir`, placeholder Electron, offline) and checks
 * what ships: app.asar holds the compiled main process, core, IPC contract, bundled preload, built renderer and
 * the production dependencies, and nothing else (no CLI, tests, sources, maps, declarations, dev
 * dependencies); the executable's fuses are flipped as configured; unused Chromium locales are gone.
 * Runs after `npm run build` (as `npm test` does).
 */
import * as asar from '@electron/asar';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
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

  it('ships every compiled main, app service, core and contract module, the bundled preload and the built renderer', async () => {
    const app = [
      ...(await filesOnDisk('dist/electron/main')),
      ...(await filesOnDisk('dist/electron/app')),
      ...(await filesOnDisk('dist/electron/core')),
      ...(await filesOnDisk('dist/electron/shared')),
    ].filter((f) => f.endsWith('.js'));
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
      /^(package\.json|dist|dist\/electron|dist\/electron\/(main|app|core|shared)(\/.*\.js|\/[^.]+)?|dist\/preload(\/index\.cjs)?|dist\/renderer(\/.*)?)$/;
    expect(ours.filter((e) => !allowed.test(e))).toEqual([]);
    // Named, so a failure says what leaked.
    const leaks = [
      /^dist\/electron\/cli\//, // the CLI ships through npm
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
