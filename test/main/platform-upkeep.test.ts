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

const { createElectronPlatform, rtwCommandOf } = await import('../../electron/main/platform.js');
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

  it('runs rtw with Node from a checkout, by name once packaged', () => {
    expect(rtwCommandOf('/opt/rtw', false)).toEqual(['node', join('/opt/rtw', 'dist', 'cli', 'rtw.cjs')]);
    expect(rtwCommandOf('/opt/rtw/resources/app.asar', true)).toEqual(['rtw']);
  });
});
