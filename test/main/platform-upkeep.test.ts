/**
 * The Electron platform's token-upkeep capabilities: the open dialog, the user-data folder, safeStorage as the
 * registry's encryptor (refused on Linux's obfuscating 'basic_text' backend), the `rtw` command for schedules,
 * and the sign-in host policy learning a re-issue's authority from the file it re-issues.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
const storage = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
}));
const openDialog = vi.hoisted(() => ({
  result: { canceled: false, filePaths: ['/srv/smail/a.ini'] },
  calls: [] as unknown[][],
}));
vi.mock('electron', () => ({
  ...stub,
  dialog: {
    ...stub.dialog,
    showOpenDialog: (...args: unknown[]) => {
      openDialog.calls.push(args);
      return Promise.resolve(openDialog.result);
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => storage.available,
    getSelectedStorageBackend: () => storage.backend,
    encryptString: (text: string) => Buffer.from(`sealed:${text}`),
    decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
  },
}));

const { createElectronPlatform, findOnPath, scheduleLauncherOf } =
  await import('../../electron/main/platform.js');
const { createSettingsStore } = await import('../../electron/main/settings.js');

let dir: string;
beforeEach(async () => {
  stub.resetElectronStub();
  dir = await mkdtemp(join(tmpdir(), 'rtw-platform-upkeep-'));
  stub.app.paths.userData = dir;
  stub.app.paths.documents = dir;
  openDialog.calls.length = 0;
  storage.available = true;
  storage.backend = 'gnome_libsecret';
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const platform = () =>
  createElectronPlatform({
    window: () => undefined,
    settings: createSettingsStore(dir),
  });

describe('token upkeep on Electron', () => {
  it('opens an existing INI file through the open dialog; cancelling gives undefined', async () => {
    await expect(platform().chooseTokenFile?.()).resolves.toBe('/srv/smail/a.ini');
    expect(openDialog.calls[0]?.[0]).toMatchObject({
      properties: ['openFile'],
      filters: [{ name: 'INI', extensions: ['ini'] }],
    });
    openDialog.result = { canceled: true, filePaths: [] };
    await expect(platform().chooseTokenFile?.()).resolves.toBeUndefined();
    openDialog.result = { canceled: false, filePaths: ['/srv/smail/a.ini'] };
  });

  it('keeps the mailbox list in the user-data folder', () => {
    expect(platform().userDataDir?.()).toBe(dir);
  });

  it('encrypts with safeStorage, and refuses where it would only obfuscate', () => {
    const encryptor = platform().encryptor?.();
    expect(encryptor?.isEncryptionAvailable()).toBe(true);
    const sealed = encryptor?.encryptString('se4Q~value') ?? Buffer.alloc(0);
    expect(encryptor?.decryptString(sealed)).toBe('se4Q~value');
    storage.backend = 'basic_text';
    expect(encryptor?.isEncryptionAvailable()).toBe(process.platform !== 'linux');
    storage.available = false;
    expect(encryptor?.isEncryptionAvailable()).toBe(false);
  });

  it('schedules the installed app itself (headless), or from a checkout the built CLI with the Node on the PATH', () => {
    const packaged = (platform: NodeJS.Platform, execPath: string, env: NodeJS.ProcessEnv = {}) =>
      scheduleLauncherOf({ packaged: true, execPath, appPath: '/x/resources/app.asar', env, platform });
    expect(packaged('win32', 'C:\\Program Files\\RTW\\Refresh Token Wizard.exe').command).toEqual([
      'C:\\Program Files\\RTW\\Refresh Token Wizard.exe',
    ]);
    // The portable exe unpacks itself to a temporary folder: the schedule names the exe the admin keeps.
    expect(
      packaged('win32', 'C:\\Temp\\2abc\\RTW.exe', {
        PORTABLE_EXECUTABLE_FILE: 'D:\\Tools\\RTW-portable.exe',
      }).command,
    ).toEqual(['D:\\Tools\\RTW-portable.exe']);
    // An AppImage runs from a mount that is gone after it exits; Linux needs Chromium's headless switches.
    expect(
      packaged('linux', '/tmp/.mount_RTWx1/refresh-token-wizard', { APPIMAGE: '/home/u/RTW.AppImage' })
        .command,
    ).toEqual(['/home/u/RTW.AppImage', '--ozone-platform=headless', '--disable-gpu']);
    const fromDmg = packaged(
      'darwin',
      '/Volumes/Refresh Token Wizard/Refresh Token Wizard.app/Contents/MacOS/Refresh Token Wizard',
    );
    expect(fromDmg.notes[0]?.en).toMatch(/temporary location/);

    const node = findOnPath('node', process.env);
    expect(node).toBeDefined();
    expect(
      scheduleLauncherOf({
        packaged: false,
        execPath: '/x/electron',
        appPath: '/opt/rtw',
        env: process.env,
        platform: process.platform,
      }).command,
    ).toEqual([node, join('/opt/rtw', 'dist', 'cli', 'rtw.cjs')]);
    expect(findOnPath('no-such-program-here', process.env)).toBeUndefined();
  });

  it('gives Keep alive the real OS tools, this account and the launcher', () => {
    const host = platform().keepAliveHost?.();
    expect(host?.platform).toBe(process.platform);
    expect(host?.launcher().command.at(-1)).toBe(join('/opt/refresh-token-wizard', 'dist', 'cli', 'rtw.cjs'));
  });
});
