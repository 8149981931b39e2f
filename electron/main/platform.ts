/**
 * The host capabilities the wizard service needs (`Platform`), on Electron: the save dialog, the file
 * manager, the clipboard, the system browser, the OS language and the saved language choice.
 *
 * Everything that leaves the app through `shell.openExternal` is checked here, because the OS runs whatever
 * program owns a URL's scheme: an unchecked URL from a compromised renderer is code execution.
 * https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 * - `openExternal` takes a page *name*; only the fixed URLs of `EXTERNAL_PAGES` can be opened.
 * - `openBrowser` opens only the running sign-in's one-time start link: `http://localhost:<its listener's
 *   port>/start/<token>` (the listener redirects it to the authorize URL). No authorize URL, of any host, is
 *   opened directly: the renderer's input (an authority it names) can no longer widen what reaches the browser.
 * - `openDeviceLogin` (the verification URI Entra sent the running device code session; the service passes it,
 *   the renderer only names the page `device-login`) must be https on one of `DEVICE_LOGIN_HOSTS`: Entra's
 *   clouds' device login pages, and nothing else — not even the sandbox's authority.
 */
import { app, clipboard, dialog, safeStorage, shell } from 'electron';
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { existsSync } from 'node:fs';
import { homedir, hostname, userInfo } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { appLauncher, cliLauncher } from '../core/schedule/index.js';
import type { Launcher } from '../core/schedule/index.js';
import type { Encryptor } from '../core/upkeep/index.js';
import { langFromLocale } from '../core/i18n.js';
import type { Lang } from '../core/i18n.js';
import { DEFAULT_OUT_FILE } from '../core/sign-in/index.js';
import type { KeepAliveHost, Platform } from '../app/index.js';
import { runCommand } from '../core/command-runner.js';
import { createElectronTransport } from './electron-network.js';
import type { ExternalPage } from '../shared/contract.js';
import type { LanguageChoiceStore } from './settings.js';

/** Where the user guide lives. A placeholder until the docs are published. */
export const DOCS_BASE_URL = 'https://github.com/refresh-token-wizard/refresh-token-wizard/blob/main/docs';

/** Every page `openExternal` may open, by name: the renderer never sends a URL. */
export const EXTERNAL_PAGES: Readonly<Record<ExternalPage, string>> = {
  'entra-app-registrations':
    'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
  'entra-new-registration':
    'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/CreateApplicationBlade',
  'docs-registration': `${DOCS_BASE_URL}/app-registration.md`,
  'docs-troubleshooting': `${DOCS_BASE_URL}/troubleshooting.md`,
  'device-login': 'https://microsoft.com/devicelogin',
  'azure-cloud-shell': 'https://shell.azure.com/bash',
  'google-credentials': 'https://console.cloud.google.com/apis/credentials',
  'google-audience': 'https://console.cloud.google.com/auth/audience',
  'google-data-access': 'https://console.cloud.google.com/auth/scopes',
  'gmail-pop-imap': 'https://mail.google.com/mail/u/0/#settings/fwdandpop',
};

/** Hosts of the pages above, checked again when opening so a bad edit of the table cannot slip through. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'entra.microsoft.com',
  'github.com',
  'microsoft.com',
  'shell.azure.com',
  'console.cloud.google.com',
  'mail.google.com',
];

/**
 * Hosts a device code's verification URI may be on: https://microsoft.com/devicelogin (global),
 * https://microsoft.com/deviceloginus (US Government), https://login.chinacloudapi.cn/common/oauth2/deviceauth
 * (operated by 21Vianet), and the sign-in hosts Entra also names in some answers. No port, no other host.
 */
export const DEVICE_LOGIN_HOSTS: readonly string[] = [
  'microsoft.com',
  'www.microsoft.com',
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
];

/** True when a device code's verification URI may be opened in the system browser. */
export function isDeviceLoginUrl(candidate: string): boolean {
  return isHttpsUrlOn(candidate, DEVICE_LOGIN_HOSTS);
}

/** True for an `https:` URL on one of `hosts` (host with port, as `URL.host`) without user info. */
export function isHttpsUrlOn(candidate: string, hosts: Iterable<string>): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  // User info is how `https://login.microsoftonline.com@evil.example/` fools a reader; no sign-in URL has any.
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  for (const host of hosts) if (url.host === host.toLowerCase()) return true;
  return false;
}

/** The path of the listener's one-time start links (sign-in/loopback.ts: `/start/` + 32 random bytes, base64url). */
const START_PATH = /^\/start\/[A-Za-z0-9_-]{43}$/;

/**
 * True for the one-time start link of the sign-in listening on `port`: plain http on a loopback name (the
 * listener's own port, so nothing else on the machine), no user info, query or fragment.
 */
export function isStartLinkOf(candidate: string, port: number): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    (url.hostname === 'localhost' || url.hostname === '127.0.0.1') &&
    url.port === String(port) &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    START_PATH.test(url.pathname) &&
    // The URL parser resolves `..`: what is opened must be exactly what was checked.
    url.href === candidate
  );
}

/** The first `name` (with `.exe` on Windows) on the PATH of `env`, absolute; undefined when none. */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const separator = platform === 'win32' ? ';' : ':';
  const file = platform === 'win32' ? `${name}.exe` : name;
  for (const dir of (env.PATH ?? env.Path ?? '').split(separator)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    const candidate = join(dir, file);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * How a schedule starts this program. Installed (packaged): the app itself, which runs headless when given a
 * command (core/schedule/launcher.ts picks the AppImage or portable exe over a temporary copy). From a checkout
 * (`npm start`): the CLI the build made, with the Node on the PATH, both absolute (a scheduler's PATH is short).
 */
export function scheduleLauncherOf(options: {
  packaged: boolean;
  execPath: string;
  appPath: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}): Launcher {
  if (options.packaged)
    return appLauncher({ execPath: options.execPath, env: options.env, platform: options.platform });
  const node = findOnPath('node', options.env, options.platform) ?? 'node';
  return cliLauncher(node, join(options.appPath, 'dist', 'cli', 'rtw.cjs'));
}

/** The OS language: the first preferred system language, else Chromium's locale. */
export function osLangOf(preferred: readonly string[], locale: string): Lang {
  return langFromLocale(preferred[0] ?? locale);
}

/** What the Electron platform needs besides Electron itself. */
export interface ElectronPlatformDeps {
  /** The window dialogs belong to, when there is one. */
  window(): BrowserWindow | undefined;
  settings: LanguageChoiceStore;
}

/** The `Platform` of the desktop app. */
export function createElectronPlatform(deps: ElectronPlatformDeps): Platform {
  const defaultOutputFile = (): string => {
    let folder: string;
    try {
      folder = app.getPath('documents');
    } catch {
      // Some Linux desktops have no Documents folder (no XDG user dirs): the home folder will do.
      folder = app.getPath('home');
    }
    return join(folder, DEFAULT_OUT_FILE);
  };

  return {
    async chooseOutputFile(suggestedPath) {
      const options: SaveDialogOptions = {
        defaultPath: suggestedPath.trim() === '' ? defaultOutputFile() : suggestedPath,
        filters: [{ name: 'INI', extensions: ['ini'] }],
        properties: ['createDirectory'],
      };
      const window = deps.window();
      const result =
        window === undefined
          ? await dialog.showSaveDialog(options)
          : await dialog.showSaveDialog(window, options);
      return result.canceled || result.filePath === '' ? undefined : result.filePath;
    },
    defaultOutputFile: () => Promise.resolve(defaultOutputFile()),
    showInFolder(path) {
      // A relative path would be resolved against the app's working directory: not what the admin means.
      if (!isAbsolute(path)) return Promise.reject(new Error('showInFolder needs an absolute path'));
      shell.showItemInFolder(path);
      return Promise.resolve();
    },
    copyText: (text) => clipboard.writeText(text),
    async openExternal(page) {
      const url = Object.hasOwn(EXTERNAL_PAGES, page) ? EXTERNAL_PAGES[page] : undefined;
      if (url === undefined || !isHttpsUrlOn(url, EXTERNAL_HOSTS))
        throw new Error(`openExternal refused: unknown page ${String(page)}`);
      await shell.openExternal(url);
    },
    async openDeviceLogin(verificationUri) {
      // The renderer shows the URI to copy as well: a refused one is still reachable by hand.
      if (!isDeviceLoginUrl(verificationUri))
        throw new Error(
          `openDeviceLogin refused: ${hostForMessage(verificationUri)} is not a device login host`,
        );
      await shell.openExternal(verificationUri);
    },
    async openBrowser(url, listener) {
      // The session reports a refusal as "browser not opened" and shows the URL to copy: nothing is lost.
      if (!isStartLinkOf(url, listener.port))
        throw new Error(
          `openBrowser refused: ${hostForMessage(url)} is not the running sign-in's start link`,
        );
      await shell.openExternal(url);
    },
    osLang: () => osLangOf(app.getPreferredSystemLanguages(), app.getLocale()),
    loadLangChoice: () => deps.settings.load(),
    saveLangChoice: (lang) => deps.settings.save(lang),
    async chooseTokenFile() {
      const options: OpenDialogOptions = {
        defaultPath: defaultOutputFile(),
        filters: [{ name: 'INI', extensions: ['ini'] }],
        properties: ['openFile'],
      };
      const window = deps.window();
      const result =
        window === undefined
          ? await dialog.showOpenDialog(options)
          : await dialog.showOpenDialog(window, options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    userDataDir: () => app.getPath('userData'),
    // safeStorage: DPAPI on Windows, the Keychain on macOS, libsecret/kwallet on Linux. On Linux without a
    // keyring it reports the 'basic_text' backend, which only obfuscates: treated as unavailable, so the
    // secret is refused rather than stored with a hard-coded key.
    // https://www.electronjs.org/docs/latest/api/safe-storage
    encryptor: (): Encryptor => ({
      isEncryptionAvailable: () =>
        safeStorage.isEncryptionAvailable() &&
        (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
      encryptString: (text) => safeStorage.encryptString(text),
      decryptString: (data) => safeStorage.decryptString(data),
    }),
    keepAliveHost: (): KeepAliveHost => ({
      run: runCommand,
      env: process.env,
      platform: process.platform,
      home: homedir(),
      user: userInfo().username,
      uid: process.getuid?.() ?? 0,
      hostname: hostname(),
      transport: createElectronTransport(),
      launcher: () =>
        scheduleLauncherOf({
          packaged: app.isPackaged,
          execPath: process.execPath,
          appPath: app.getAppPath(),
          env: process.env,
          platform: process.platform,
        }),
    }),
  };
}

function hostForMessage(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an invalid URL';
  }
}
