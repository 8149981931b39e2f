/**
 * The desktop app's entry point: wiring only. The work happens in `electron/core` (through the wizard
 * service); this file connects it to a locked-down window, the IPC handlers and Electron's capabilities.
 *
 * Electron fuses are not set here: they are flipped in the packaged binary by `electronFuses` in
 * electron-builder.yml (each one explained there; test/packaging/asar.test.ts reads them back): RunAsNode off,
 * EnableNodeOptionsEnvironmentVariable off, EnableNodeCliInspectArguments off, OnlyLoadAppFromAsar on,
 * EnableEmbeddedAsarIntegrityValidation on, EnableCookieEncryption on; GrantFileProtocolExtraPrivileges stays on
 * while the renderer loads from `file:`. https://www.electronjs.org/docs/latest/tutorial/fuses
 *
 * Started with a command (`refresh FILE…`), the app runs it headless instead (headless.ts) and never gets to the
 * window, the sandbox switch or the single-instance lock.
 */
import { app, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWizardService } from '../app/index.js';
import { createElectronNetworkClient } from './electron-network.js';
import { headlessArgsOf, runHeadless } from './headless.js';
import { createEventSender, registerIpc } from './ipc.js';
import { detachSecretVariable } from '../cli/shared/secret.js';
import { createElectronPlatform, scheduleLauncherOf } from './platform.js';
import { createSettingsStore } from './settings.js';
import { appPageOf, createMainWindow, focusWindow, hardenSession, hardenWebContents } from './window.js';

/** Built files, relative to this one once compiled (`dist/electron/main/index.js`), inside or outside asar. */
const RENDERER_INDEX = fileURLToPath(new URL('../../renderer/index.html', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../../preload/index.cjs', import.meta.url));

/** How long quitting waits for a running acquisition to release its port. */
const DISPOSE_TIMEOUT_MS = 5_000;

// The CLI's secret variables (RTW_CLIENT_SECRET, RTW_WEBHOOK_URL), if the app was started from a shell that had
// them: out of the environment every program the app starts inherits (the browser through shell.openExternal;
// issue #15, item 10). A headless command reads them from its own copy.
const ownEnv = detachSecretVariable(process.env);

// A command on the command line (`refresh FILE…`): the CLI's own code, headless, before anything else here. It
// takes no single-instance lock (a scheduled refresh runs while the window is open) and opens no window.
const headlessArgs = headlessArgsOf(process.argv, process.defaultApp === true);

if (headlessArgs !== undefined) {
  // macOS would show the app in the Dock while it runs.
  app.dock?.hide();
  const dataDir = app.getPath('userData');
  void runHeadless(headlessArgs, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    // The CLI's code finds the app's data folder (alerts, schedules) the way Electron does; this makes it the very
    // folder the window uses, whatever the name resolution.
    env: { ...ownEnv, RTW_CONFIG_DIR: ownEnv.RTW_CONFIG_DIR ?? dataDir },
    cwd: process.cwd(),
    logFile: join(dataDir, 'logs', 'headless.log'),
    selfCommand: scheduleLauncherOf({
      packaged: app.isPackaged,
      execPath: process.execPath,
      appPath: app.getAppPath(),
      env: process.env,
      platform: process.platform,
    }).command,
    now: () => new Date(),
  }).then(
    (code) => app.exit(code),
    () => app.exit(1),
  );
} else {
  startWithWindow();
}

/** The desktop app: one sandboxed window, one instance. */
function startWithWindow(): void {
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
