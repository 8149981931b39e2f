/**
 * What a schedule starts: this same program, by a path that still exists when the schedule fires.
 *
 * - The installed app: its executable, which runs headless when given a command (electron/main/headless.ts).
 *   An AppImage runs from a temporary mount that is gone after it exits: the AppImage file itself (`APPIMAGE`).
 *   Windows' portable build unpacks itself into a temporary folder: the portable exe
 *   (`PORTABLE_EXECUTABLE_FILE`, set by electron-builder's portable launcher). On Linux the switches that let
 *   Chromium start without a display come first (no X server or Wayland in a timer's session).
 * - The CLI (npm, a checkout): Node and the CLI's script, both absolute (a scheduler's PATH is minimal).
 */
import { formatLocalized } from '../i18n.js';
import type { Localized } from '../i18n.js';
import { LAUNCHER_NOTES } from './messages.js';

/**
 * Chromium switches the Linux app needs to start with no display: Ozone's headless platform instead of X11 or
 * Wayland (without it Electron aborts with "Missing X server or $DISPLAY" before any of our code runs), and no
 * GPU process. The headless entry point removes them from the command before the CLI's parser sees it.
 */
export const LINUX_HEADLESS_SWITCHES: readonly string[] = ['--ozone-platform=headless', '--disable-gpu'];

/** A program and its fixed arguments, and what the admin should know about it. */
export interface Launcher {
  command: string[];
  notes: Localized[];
}

/** The installed app, started from `execPath`. */
export function appLauncher(options: {
  execPath: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}): Launcher {
  const { env, platform } = options;
  const appImage = platform === 'linux' ? env.APPIMAGE : undefined;
  const portable = platform === 'win32' ? env.PORTABLE_EXECUTABLE_FILE : undefined;
  const program = appImage ?? portable ?? options.execPath;
  const notes: Localized[] = [];
  // A disk image on macOS, or a path inside an AppImage's mount (should APPIMAGE be missing): gone tomorrow.
  if (/^\/Volumes\//.test(program) || /\/\.mount_[^/]+\//.test(program))
    notes.push(formatLocalized(LAUNCHER_NOTES.transientApp, { path: program }));
  return { command: [program, ...(platform === 'linux' ? LINUX_HEADLESS_SWITCHES : [])], notes };
}

/** The CLI: `node` and its script. */
export function cliLauncher(nodePath: string, script: string): Launcher {
  return { command: [nodePath, script], notes: [] };
}
