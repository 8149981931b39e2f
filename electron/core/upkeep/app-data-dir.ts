/**
 * The folder the product keeps its own files in (the mailbox registry, alert settings, schedules): the desktop
 * app's `userData`, found without Electron so the CLI and a scheduled run use the very same files.
 *
 * Electron's `userData` is `appData` + the app's name, and the name is package.json's `productName`
 * ("Refresh Token Wizard"); `appData` is %APPDATA% on Windows, ~/Library/Application Support on macOS and
 * $XDG_CONFIG_HOME or ~/.config on Linux (https://www.electronjs.org/docs/latest/api/app#appgetpathname).
 * `RTW_CONFIG_DIR` overrides it: for tests, and for an admin who keeps one set of settings for several accounts.
 */
import path from 'node:path';

/** The app's name, as Electron names its `userData` folder. */
export const APP_DIR_NAME = 'Refresh Token Wizard';

/** Where the product keeps its files for this account. */
export function appDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home = env.HOME ?? env.USERPROFILE ?? '',
): string {
  const override = env.RTW_CONFIG_DIR;
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  if (platform === 'win32')
    return path.win32.join(
      env.APPDATA ?? path.win32.join(env.USERPROFILE ?? home, 'AppData', 'Roaming'),
      APP_DIR_NAME,
    );
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  // Linux and the other Unixes: the XDG base directories (a relative XDG_CONFIG_HOME is invalid and ignored).
  const config = env.XDG_CONFIG_HOME;
  const base =
    config !== undefined && path.posix.isAbsolute(config) ? config : path.posix.join(home, '.config');
  return path.posix.join(base, APP_DIR_NAME);
}
