/** The Electron platform: dialogs, shell, clipboard, language, and what may reach `shell.openExternal`. */
import type { BrowserWindow } from 'electron';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExternalPage } from '../../electron/shared/contract.js';

const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

const { DEVICE_LOGIN_HOSTS, EXTERNAL_PAGES, createElectronPlatform, isHttpsUrlOn, osLangOf } =
  await import('../../electron/main/platform.js');
const { createSettingsStore, SETTINGS_FILE } = await import('../../electron/main/settings.js');

const SANDBOX = 'https://127.0.0.1:49152/common';

let userData: string;
let window: BrowserWindow | undefined;
const platform = () =>
  createElectronPlatform({
    window: () => window,
    settings: createSettingsStore(userData),
  });

beforeEach(async () => {
  stub.resetElectronStub();
  userData = await mkdtemp(join(tmpdir(), 'rtw-shell-'));
  window = undefined;
});
afterEach(() => rm(userData, { recursive: true, force: true }));

describe('openBrowser: only the running sign-in’s one-time start link (issue #15, item 8)', () => {
  const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';
  it('opens the start link on the running listener’s port, and nothing else', async () => {
    const p = platform();
    await p.openBrowser(`http://localhost:8001/start/${TOKEN}`, { port: 8001 });
    await p.openBrowser(`http://127.0.0.1:49152/start/${TOKEN}`, { port: 49152 });
    expect(stub.callsOf('shell.openExternal').map(([url]) => url)).toEqual([
      `http://localhost:8001/start/${TOKEN}`,
      `http://127.0.0.1:49152/start/${TOKEN}`,
    ]);
  });

  it('refuses any authorize URL, whatever its host (the browser only ever needs the start link)', async () => {
    const p = platform();
    const refused = [
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&state=y',
      'https://attacker.example/common/oauth2/v2.0/authorize?client_id=x',
      `http://localhost:8002/start/${TOKEN}`,
      `http://localhost:8001/start/${TOKEN}?x=1`,
      `http://localhost:8001/start/${TOKEN}#x`,
      `http://user@localhost:8001/start/${TOKEN}`,
      `http://evil.example:8001/start/${TOKEN}`,
      `https://localhost:8001/start/${TOKEN}`,
      `http://localhost:8001/start/short`,
      `http://localhost:8001/myapp/?code=x`,
      `http://localhost:8001/start/${TOKEN}/..`,
      'file:///C:/Windows/System32/calc.exe',
      'not a url',
    ];
    for (const url of refused)
      await expect(p.openBrowser(url, { port: 8001 }), url).rejects.toThrow(/refused/);
    expect(stub.callsOf('shell.openExternal')).toEqual([]);
  });
});

describe('isHttpsUrlOn', () => {
  it('checks hosts exactly, port included', () => {
    expect(isHttpsUrlOn('https://LOGIN.microsoftonline.com/x', ['login.microsoftonline.com'])).toBe(true);
    expect(isHttpsUrlOn('https://login.microsoftonline.com:443/x', ['login.microsoftonline.com'])).toBe(true);
    expect(isHttpsUrlOn('https://127.0.0.1:8443/x', ['127.0.0.1'])).toBe(false);
    expect(isHttpsUrlOn('https://127.0.0.1:8443/x', ['127.0.0.1:8443'])).toBe(true);
  });
});

describe('openExternal', () => {
  it('opens each named page at its fixed https URL', async () => {
    const p = platform();
    for (const page of Object.keys(EXTERNAL_PAGES) as ExternalPage[]) await p.openExternal(page);
    const opened = stub.callsOf('shell.openExternal').map(([url]) => url);
    expect(opened).toEqual(Object.values(EXTERNAL_PAGES));
    for (const url of opened) expect(String(url)).toMatch(/^https:\/\//);
    expect(EXTERNAL_PAGES['google-credentials']).toBe('https://console.cloud.google.com/apis/credentials');
    expect(EXTERNAL_PAGES['gmail-pop-imap']).toBe('https://mail.google.com/mail/u/0/#settings/fwdandpop');
    expect(EXTERNAL_PAGES['entra-app-registrations']).toBe(
      'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
    );
    expect(EXTERNAL_PAGES['entra-new-registration']).toBe(
      'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/CreateApplicationBlade',
    );
  });

  it('refuses anything that is not a known page name', async () => {
    const p = platform();
    for (const page of [
      'https://evil.example/',
      'file:///etc/passwd',
      'toString',
      '__proto__',
      'constructor',
      '',
    ]) {
      await expect(p.openExternal(page as ExternalPage), page).rejects.toThrow(/refused/);
    }
    expect(stub.callsOf('shell.openExternal')).toEqual([]);
  });
});

describe('openDeviceLogin', () => {
  it('opens the verification URI of every Microsoft cloud, exactly as given', async () => {
    const p = platform();
    const uris = [
      'https://microsoft.com/devicelogin',
      'https://microsoft.com/deviceloginus',
      'https://login.microsoftonline.com/common/oauth2/deviceauth',
      'https://login.microsoftonline.us/common/oauth2/deviceauth',
      'https://login.chinacloudapi.cn/common/oauth2/deviceauth',
    ];
    for (const uri of uris) await p.openDeviceLogin?.(uri);
    expect(stub.callsOf('shell.openExternal').map(([url]) => url)).toEqual(uris);
    expect(EXTERNAL_PAGES['device-login']).toBe('https://microsoft.com/devicelogin');
    expect(DEVICE_LOGIN_HOSTS).not.toContain('127.0.0.1');
  });

  it('refuses anything else, the sandbox and the running authority included, and opens nothing', async () => {
    const p = platform();
    for (const uri of [
      'http://microsoft.com/devicelogin',
      'https://microsoft.com.evil.example/devicelogin',
      'https://microsoft.com@evil.example/devicelogin',
      'https://user:pass@microsoft.com/devicelogin',
      'https://microsoft.com:8443/devicelogin',
      'https://evil.example/devicelogin',
      'https://entra.microsoft.com/',
      `${SANDBOX}/devicelogin`,
      'file:///C:/Windows/System32/calc.exe',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      '',
    ])
      await expect(p.openDeviceLogin?.(uri), uri).rejects.toThrow(/refused/);
    expect(stub.callsOf('shell.openExternal')).toEqual([]);
  });
});

describe('files, clipboard', () => {
  it('defaults the output file to Documents/smail_refresh_token.ini, or the home folder without Documents', async () => {
    await expect(platform().defaultOutputFile()).resolves.toBe(
      join('/home/admin/Documents', 'smail_refresh_token.ini'),
    );
    delete stub.app.paths.documents;
    await expect(platform().defaultOutputFile()).resolves.toBe(
      join('/home/admin', 'smail_refresh_token.ini'),
    );
  });

  it('asks for the output file with an *.ini filter, attached to the window', async () => {
    window = new stub.BrowserWindow({}) as unknown as BrowserWindow;
    stub.dialog.saveDialogResult = { canceled: false, filePath: '/srv/smail/token.ini' };
    await expect(platform().chooseOutputFile('')).resolves.toBe('/srv/smail/token.ini');
    const [parent, options] = stub.callsOf('dialog.showSaveDialog')[0] ?? [];
    expect(parent).toBe(window);
    expect(options).toMatchObject({
      defaultPath: join('/home/admin/Documents', 'smail_refresh_token.ini'),
      filters: [{ name: 'INI', extensions: ['ini'] }],
    });
  });

  it('keeps a suggested path, and answers undefined when the dialog is cancelled', async () => {
    stub.dialog.saveDialogResult = { canceled: true, filePath: '' };
    await expect(platform().chooseOutputFile('/srv/smail/old.ini')).resolves.toBeUndefined();
    const [options] = stub.callsOf('dialog.showSaveDialog')[0] ?? [];
    expect(options).toMatchObject({ defaultPath: '/srv/smail/old.ini' });
  });

  it('shows absolute paths in the file manager, refuses relative ones', async () => {
    await platform().showInFolder('/srv/smail/token.ini');
    await expect(platform().showInFolder('token.ini')).rejects.toThrow(/absolute/);
    expect(stub.callsOf('shell.showItemInFolder')).toEqual([['/srv/smail/token.ini']]);
  });

  it('copies text to the clipboard', async () => {
    await platform().copyText('http://localhost:8001/myapp/');
    expect(stub.callsOf('clipboard.writeText')).toEqual([['http://localhost:8001/myapp/']]);
  });
});

describe('language', () => {
  it('follows the first preferred OS language, else the locale', () => {
    expect(osLangOf(['ja-JP', 'en-US'], 'en-US')).toBe('ja');
    expect(osLangOf(['en-GB', 'ja-JP'], 'ja')).toBe('en');
    expect(osLangOf([], 'ja')).toBe('ja');
    stub.app.preferredSystemLanguages = ['ja-JP'];
    expect(platform().osLang()).toBe('ja');
  });

  it('persists the choice as JSON in userData, keeping other settings', async () => {
    const p = platform();
    await expect(p.loadLangChoice()).resolves.toBeUndefined();
    await writeFile(join(userData, SETTINGS_FILE), JSON.stringify({ windowBounds: [1, 2] }));
    await p.saveLangChoice('ja');
    await expect(platform().loadLangChoice()).resolves.toBe('ja');
    expect(JSON.parse(await readFile(join(userData, SETTINGS_FILE), 'utf8'))).toEqual({
      windowBounds: [1, 2],
      lang: 'ja',
    });
    await p.saveLangChoice(undefined);
    await expect(p.loadLangChoice()).resolves.toBeUndefined();
    expect(JSON.parse(await readFile(join(userData, SETTINGS_FILE), 'utf8'))).toEqual({
      windowBounds: [1, 2],
    });
  });

  it('treats a damaged or foreign settings file as no choice', async () => {
    for (const content of ['{not json', '[]', 'null', '{"lang":"fr"}', '{"lang":1}']) {
      await writeFile(join(userData, SETTINGS_FILE), content);
      await expect(platform().loadLangChoice(), content).resolves.toBeUndefined();
    }
  });

  it('creates the userData folder on first save', async () => {
    const store = createSettingsStore(join(userData, 'nested', 'dir'));
    await store.save('en');
    await expect(store.load()).resolves.toBe('en');
  });
});
