/**
 * The one window, locked down: isolated, sandboxed, no Node, no navigation away from the app's page, no
 * pop-ups, no permissions, and a Content-Security-Policy header on the page.
 *
 * Each decision follows Electron's security checklist: https://www.electronjs.org/docs/latest/tutorial/security
 *
 * The renderer is loaded with `loadFile` from `dist/renderer/index.html` rather than from a custom `app://`
 * protocol: it needs no protocol handler (with its own path-traversal and MIME pitfalls) and the same built
 * files run in the end-to-end tests. Every `file:` URL shares one opaque origin, so "our page" is checked as
 * the exact file (`appPageOf`), never as an origin. Moving to `app://` (checklist item 18) is a packaging-issue
 * follow-up: it goes with turning the `GrantFileProtocolExtraPrivileges` fuse off.
 */
import { BrowserWindow } from 'electron';
import type { Session, WebContents, WebPreferences } from 'electron';
import { pathToFileURL } from 'node:url';

/** The page the window shows, and the test for "is this URL that page". */
export interface AppPage {
  /** The `file:` URL of the page. */
  readonly url: string;
  /** The file on disk, for `BrowserWindow.loadFile`. */
  readonly file: string;
  /** True when `candidate` is the app's page (any query or fragment). */
  readonly isAppUrl: (candidate: string) => boolean;
}

/** Describes the app page at `file`; `caseInsensitive` for Windows, whose paths ignore case. */
export function appPageOf(file: string, caseInsensitive = process.platform === 'win32'): AppPage {
  const norm = (pathname: string): string => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      // A malformed escape is not our page; keep it marked so it cannot compare equal by accident.
      decoded = `\u0000${pathname}`;
    }
    return caseInsensitive ? decoded.toLowerCase() : decoded;
  };
  const expected = pathToFileURL(file);
  const expectedPath = norm(expected.pathname);
  return {
    url: expected.href,
    file,
    isAppUrl: (candidate) => {
      let url: URL;
      try {
        url = new URL(candidate);
      } catch {
        return false;
      }
      return url.protocol === 'file:' && url.host === '' && norm(url.pathname) === expectedPath;
    },
  };
}

/**
 * The renderer's web preferences. Never turned off, not even for development.
 * - contextIsolation: the preload's world is separate from the page's (checklist 3).
 * - sandbox: the renderer is an OS-sandboxed Chromium process; the preload gets no Node (checklist 4).
 * - nodeIntegration (and in workers and subframes) off: the page never reaches Node (checklist 2).
 * - webSecurity on: same-origin policy and CORS apply (checklist 5); no insecure content (checklist 8).
 * - webviewTag off: no `<webview>`, which could load anything with its own preferences (checklist 12).
 * - experimentalFeatures off (checklist 9); navigateOnDragDrop off: a dropped file must not replace the app.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

/**
 * The Content-Security-Policy of the app page, sent as a header in addition to the page's `<meta>` (the two
 * combine; the stricter wins). The page needs its own scripts, styles, images and fonts, and nothing else:
 * every network call goes through IPC, so `connect-src` is closed.
 * https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const hardened = new WeakSet<WebContents>();

/**
 * Guards one web contents: navigation and redirects only to the app's page, no new windows, no webviews.
 * Idempotent; `app.on('web-contents-created')` applies it to every contents, present and future.
 */
export function hardenWebContents(contents: WebContents, page: AppPage): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  // https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
  const onlyAppPage = (event: { url: string; preventDefault(): void }): void => {
    if (!page.isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', onlyAppPage);
  contents.on('will-frame-navigate', onlyAppPage);
  contents.on('will-redirect', onlyAppPage);
  // https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
  // External pages open through the `openExternal` operation, never through `window.open` or a link.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // https://www.electronjs.org/docs/latest/tutorial/security#12-verify-webview-options-before-creation
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Guards the session: every permission refused (the wizard needs none: no camera, notifications, clipboard
 * reads…), and the CSP header on the app page.
 * https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
 */
export function hardenSession(session: Session, page: AppPage): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Only the app page gets the header: the same session carries the IdP requests of `net.fetch`.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!page.isAppUrl(details.url)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [APP_CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/** What the main window needs. */
export interface MainWindowOptions {
  page: AppPage;
  /** The bundled preload (`dist/preload/index.cjs`). */
  preload: string;
  /** DevTools on for development builds only. */
  devTools: boolean;
}

/** Creates the main window with the secure preferences and loads the app page; shown once painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 760,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'Refresh Token Wizard',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preload, devTools: options.devTools },
  });
  hardenWebContents(window.webContents, options.page);
  window.once('ready-to-show', () => window.show());
  window.loadFile(options.page.file).catch((error: unknown) => {
    // A missing build (`dist/renderer`) is a packaging bug: say so where a developer looks.
    console.error('Refresh Token Wizard: cannot load the app page', options.page.file, error);
  });
  return window;
}

/** Brings the window to the front (a second launch of the app lands here). */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
