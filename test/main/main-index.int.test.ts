/** The entry point's wiring: single instance, guards, IPC, events to the window, dispose on close and quit. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, OPERATION_NAMES, channelOf } from '../../electron/shared/contract.js';

const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

let userData: string;
beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'rtw-main-'));
});
afterAll(() => rm(userData, { recursive: true, force: true }));

function onlyWindow(): InstanceType<typeof stub.BrowserWindow> {
  const [window, ...others] = stub.BrowserWindow.instances;
  if (window === undefined || others.length > 0)
    throw new Error(`expected one window, got ${stub.BrowserWindow.instances.length}`);
  return window;
}

describe('a second instance', () => {
  it('quits at once without a window when another instance holds the lock', async () => {
    stub.resetElectronStub();
    stub.app.singleInstanceLock = false;
    vi.resetModules();
    await import('../../electron/main/index.js');
    stub.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stub.callsOf('app.quit')).toHaveLength(1);
    expect(stub.BrowserWindow.instances).toEqual([]);
    expect(stub.ipcMain.handlers.size).toBe(0);
  });
});

describe('the first instance', () => {
  beforeAll(async () => {
    stub.resetElectronStub();
    stub.app.paths.userData = userData;
    // Started from a shell that had it set (for the CLI): the app never reads it, and no child may inherit it.
    process.env.RTW_CLIENT_SECRET = 'LEAK8Q~inherited-by-the-desktop-app';
    vi.resetModules();
    await import('../../electron/main/index.js');
  });

  it('takes RTW_CLIENT_SECRET out of its environment before anything runs, so no child inherits it (#15, item 10)', () => {
    expect(process.env.RTW_CLIENT_SECRET).toBeUndefined();
    expect(Object.keys(process.env)).not.toContain('RTW_CLIENT_SECRET');
  });

  it('sandboxes every renderer and takes the single-instance lock before anything else', () => {
    expect(stub.calls.slice(0, 2).map((c) => c.name)).toEqual([
      'app.enableSandbox',
      'app.requestSingleInstanceLock',
    ]);
    expect(stub.BrowserWindow.instances).toEqual([]); // nothing before ready
  });

  it('once ready: guards the session, registers one handler per operation, opens the window', async () => {
    stub.app.becomeReady();
    await vi.waitFor(() => expect(stub.BrowserWindow.instances).toHaveLength(1));
    const ses = stub.session.defaultSession;
    expect(ses.permissionRequestHandler).toBeDefined();
    expect(ses.permissionCheckHandler).toBeDefined();
    expect(ses.headersReceived).toBeDefined();
    expect([...stub.ipcMain.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelOf).sort());
    const window = onlyWindow();
    expect(window.loadedFile).toMatch(/renderer[/\\]index\.html$/);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(String(window.options.webPreferences?.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(window.options.webPreferences?.devTools).toBe(true); // not packaged
  });

  it('guards web contents created later', () => {
    const later = new stub.StubWebContents();
    stub.app.emit('web-contents-created', stub.stubEvent(), later);
    const event = stub.stubEvent({ url: 'https://evil.example/' });
    later.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(later.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('answers the app page, refuses other frames', async () => {
    const window = onlyWindow();
    const fromApp = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await expect(stub.ipcMain.invoke(channelOf('getLanguage'), fromApp)).resolves.toEqual({
      lang: 'en',
      source: 'os',
    });
    const foreign = {
      sender: window.webContents,
      senderFrame: { url: 'https://evil.example/', parent: null },
    };
    await expect(stub.ipcMain.invoke(channelOf('getLanguage'), foreign)).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
  });

  it('saves the language choice in userData and pushes the change to the window', async () => {
    const window = onlyWindow();
    const fromApp = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await stub.ipcMain.invoke(channelOf('setLanguage'), fromApp, { lang: 'ja' });
    expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))).toEqual({ lang: 'ja' });
    expect(window.webContents.sent).toContainEqual({
      channel: EVENT_CHANNEL,
      args: [{ channel: 'language', state: { lang: 'ja', source: 'user' } }],
    });
  });

  it('runs an acquisition: listener, browser opened on its one-time start link, progress pushed to the window', async () => {
    const window = onlyWindow();
    const fromApp = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const input = {
      clientId: '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
      publicClient: true,
      userId: 'printer@contoso.com',
      redirectPort: 0, // any free port: the integration tests own 8001
      outFile: join(userData, 'smail_refresh_token.ini'),
      timeoutSeconds: 60,
    };
    await expect(stub.ipcMain.invoke(channelOf('startAcquisition'), fromApp, input)).resolves.toEqual({
      ok: true,
      value: { started: true },
    });
    await vi.waitFor(() => expect(stub.callsOf('shell.openExternal')).toHaveLength(1), { timeout: 10_000 });
    // The browser gets the listener's start link (no state or challenge on its command line), which leads on to
    // the authorize URL on the sign-in host.
    const opened = new URL(String(stub.callsOf('shell.openExternal')[0]?.[0]));
    expect(opened.origin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(opened.pathname).toMatch(/^\/start\/[A-Za-z0-9_-]{43}$/);
    const next = await fetch(opened, { redirect: 'manual' });
    expect(next.status).toBe(302);
    expect(next.headers.get('location')).toMatch(
      /^https:\/\/login\.microsoftonline\.com\/common\/oauth2\/v2\.0\/authorize\?/,
    );
    await vi.waitFor(() => {
      const types = window.webContents.sent.map(
        (s) => (s.args[0] as { event?: { type: string } }).event?.type,
      );
      expect(types).toContain('listening');
      expect(types).toContain('waiting');
    });
  });

  it('focuses the window on a second launch', () => {
    const window = onlyWindow();
    window.minimized = true;
    stub.app.emit('second-instance', stub.stubEvent(), ['rtw'], '/');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('closing the window cancels the acquisition (port released) and quits after disposing', async () => {
    const window = onlyWindow();
    const listening = window.webContents.sent
      .map((s) => (s.args[0] as { event?: { type: string; port?: number } }).event)
      .find((e) => e?.type === 'listening');
    const port = listening?.port;
    expect(port).toBeGreaterThan(0);

    const bind = (): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        const server = createServer().once('error', reject);
        server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
      });
    await expect(bind()).rejects.toThrow(/EADDRINUSE/); // held by the running acquisition

    const sentBefore = window.webContents.sent.length;
    window.close();
    await vi.waitFor(bind); // released
    expect(window.webContents.sent).toHaveLength(sentBefore); // nothing sent to a destroyed window

    stub.app.emit('window-all-closed');
    expect(stub.callsOf('app.quit')).toHaveLength(1);
    const willQuit = stub.stubEvent();
    stub.app.emit('will-quit', willQuit);
    expect(willQuit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(stub.callsOf('app.quit')).toHaveLength(2));
    const again = stub.stubEvent();
    stub.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false); // disposed once; the second quit goes through
  });
});
