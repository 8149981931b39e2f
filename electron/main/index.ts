/**
 * The desktop app's entry point: wiring only. The work happens in `electron/core` (through the wizard
 * service); this file connects it to a locked-down window, the IPC handlers and Electron's capabilities.
 *
 * Electron fuses are not set here: they are flipped in the packaged binary by `electronFuses` in
 * electron-builder.yml (each one explained there; test/packaging/asar.test.ts reads them back): RunAsNode off,
 * EnableNodeOptionsEnvironmentVariable off, EnableNodeCliInspectArguments off, OnlyLoadAppFromAsar on,
 * EnableEmbeddedAsarIntegrityValidation on, EnableCookieEncryption on; GrantFileProtocolExtraPrivileges stays on
 * while the renderer loads from `file:`. https://www.electronjs.org/docs/latest/tutorial/fuses
 */
import { app, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { createWizardService } from '../app/index.js';
import { createElectronNetworkClient } from './electron-network.js';
import { createEventSender, registerIpc } from './ipc.js';
import { createElectronPlatform } from './platform.js';
import { createSettingsStore } from './settings.js';
import { appPageOf, createMainWindow, focusWindow, hardenSession, hardenWebContents } from './window.js';

/** Built files, relative to this one once compiled (`dist/electron/main/index.js`), inside or outside asar. */
const RENDERER_INDEX = fileURLToPath(new URL('../../renderer/index.html', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../../preload/index.cjs', import.meta.url));

/** How long quitting waits for a running acquisition to release its port. */
const DISPOSE_TIMEOUT_MS = 5_000;

// The CLI's secret variable, if the app was started from a shell that had it: the app never reads it, and every
// program it starts (the browser through shell.openExternal) would inherit it (issue #15, item 10).
delete process.env.RTW_CLIENT_SECRET;

// Every renderer sandboxed, whatever a future window's preferences say.
// https://www.electronjs.org/docs/latest/tutorial/sandbox#enabling-the-sandbox-globally
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it gets `second-instance` and comes to the front. Two would fight over port 8001.
  app.quit();
} else {
  start().catch((error: unknown) => {
    // Wiring failed before the window exists: nothing to show it in, so say it on stderr and leave.
    console.error('Refresh Token Wizard failed to start', error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const page = appPageOf(RENDERER_INDEX);
  hardenSession(session.defaultSession, page);
  // Any web contents created later (a devtools host, a future dialog) gets the same guards.
  // https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, page));

  let window: BrowserWindow | undefined;
  const service = createWizardService({
    platform: createElectronPlatform({
      window: () => window,
      settings: createSettingsStore(app.getPath('userData')),
    }),
    createNetworkClient: () => createElectronNetworkClient(),
    emit: createEventSender(() => window?.webContents),
  });
  registerIpc({
    dispatch: (name, input) => service.dispatch(name, input),
    isAppUrl: page.isAppUrl,
  });

  window = createMainWindow({ page, preload: PRELOAD, devTools: !app.isPackaged });
  window.on('closed', () => {
    window = undefined;
    // Cancels a running acquisition: the redirect port is released at once, not at process exit.
    void service.dispose();
  });
  app.on('second-instance', () => focusWindow(window));
  // One window: closing it ends the app on every platform, macOS included (nothing to keep running).
  app.on('window-all-closed', () => app.quit());

  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS).unref());
    void Promise.race([service.dispose(), timeout]).finally(() => {
      disposed = true;
      app.quit();
    });
  });
}
