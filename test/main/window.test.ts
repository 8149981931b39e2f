/** The window and session guards: secure preferences, navigation, pop-ups, permissions, CSP. */
import type { BrowserWindow, Session, WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

const {
  APP_CONTENT_SECURITY_POLICY,
  SECURE_WEB_PREFERENCES,
  appPageOf,
  createMainWindow,
  focusWindow,
  hardenSession,
  hardenWebContents,
} = await import('../../electron/main/window.js');

const INDEX = join('/opt/rtw/resources/app.asar/dist/renderer', 'index.html');
const page = appPageOf(INDEX, false);

function openWindow(): InstanceType<typeof stub.BrowserWindow> {
  createMainWindow({ page, preload: '/opt/rtw/preload/index.cjs', devTools: false });
  const window = stub.BrowserWindow.instances.at(-1);
  if (window === undefined) throw new Error('no window created');
  return window;
}

beforeEach(() => stub.resetElectronStub());

describe('main window', () => {
  it('has exactly the required secure preferences', () => {
    const prefs = openWindow().options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/rtw/preload/index.cjs',
      devTools: false,
    });
    // Nothing else slipped in (e.g. `enableRemoteModule`, `nodeIntegration: true` via a spread).
    expect(Object.keys(prefs ?? {}).sort()).toEqual(
      [...Object.keys(SECURE_WEB_PREFERENCES), 'preload', 'devTools'].sort(),
    );
  });

  it('loads the app page from the file, shown once painted', () => {
    const window = openWindow();
    expect(window.loadedFile).toBe(INDEX);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('prevents navigation and redirects to anything but the app page', () => {
    const contents = openWindow().webContents;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of [
        'https://evil.example/',
        'https://login.microsoftonline.com/common',
        'file:///etc/passwd',
        'file:///opt/rtw/other.html',
        'about:blank',
        'javascript:alert(1)',
      ]) {
        const event = stub.stubEvent({ url });
        contents.emit(name, event);
        expect(event.defaultPrevented, `${name} ${url}`).toBe(true);
      }
      for (const url of [page.url, `${page.url}#/step/2`, `${page.url}?lang=ja`]) {
        const event = stub.stubEvent({ url });
        contents.emit(name, event);
        expect(event.defaultPrevented, `${name} ${url}`).toBe(false);
      }
    }
  });

  it('denies window.open and webviews', () => {
    const contents = openWindow().webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: page.url })).toEqual({ action: 'deny' });
    const attach = stub.stubEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });

  it('guards each web contents once, however many times it is handed over', () => {
    const contents = new stub.StubWebContents();
    hardenWebContents(contents as unknown as WebContents, page);
    hardenWebContents(contents as unknown as WebContents, page);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('focuses and restores the window on a second launch', () => {
    const window = openWindow();
    window.minimized = true;
    focusWindow(window as unknown as BrowserWindow);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    focusWindow(undefined); // no window yet: nothing to do, no throw
  });
});

describe('the app page', () => {
  it('is the exact file, any query or fragment', () => {
    expect(page.url).toBe(pathToFileURL(INDEX).href);
    expect(page.isAppUrl(`${page.url}#x`)).toBe(true);
    expect(page.isAppUrl(page.url.replace('index.html', 'index.htm'))).toBe(false);
    expect(page.isAppUrl(page.url.replace('file:///', 'file://remote-host/'))).toBe(false);
    expect(page.isAppUrl(`${page.url}/..`)).toBe(false);
    expect(page.isAppUrl('not a url')).toBe(false);
    expect(page.isAppUrl(page.url.replace('index', '%E0%A4%A'))).toBe(false);
  });

  it('ignores case only where paths do (Windows)', () => {
    const windowsPage = appPageOf(INDEX, true);
    expect(windowsPage.isAppUrl(page.url.toUpperCase().replace('FILE:', 'file:'))).toBe(true);
    expect(page.isAppUrl(page.url.replace('index', 'INDEX'))).toBe(false);
  });
});

describe('session', () => {
  beforeEach(() => hardenSession(stub.session.defaultSession as unknown as Session, page));

  it('denies every permission request and check', () => {
    const ses = stub.session.defaultSession;
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'geolocation',
      'fullscreen',
    ]) {
      const granted = vi.fn();
      ses.permissionRequestHandler?.({}, permission, granted);
      expect(granted).toHaveBeenCalledExactlyOnceWith(false);
      expect(ses.permissionCheckHandler?.({}, permission, 'file://', {})).toBe(false);
    }
    expect(ses.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('sets the CSP header on the app page only', () => {
    const ses = stub.session.defaultSession;
    const onPage = ses.receiveHeaders({
      url: page.url,
      resourceType: 'mainFrame',
      responseHeaders: { 'X-Kept': ['1'] },
    });
    expect(onPage?.responseHeaders).toEqual({
      'X-Kept': ['1'],
      'Content-Security-Policy': [APP_CONTENT_SECURITY_POLICY],
    });
    // IdP responses to `net.fetch` share the session: untouched.
    expect(
      ses.receiveHeaders({
        url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
        resourceType: 'other',
      }),
    ).toEqual({});
  });

  it('has a CSP that allows no remote code, network, frames or plugins', () => {
    expect(APP_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(APP_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(APP_CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(APP_CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|\*/);
  });
});
