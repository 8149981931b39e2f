/**
 * Finds what the tests need from outside npm — a Chromium-based browser for the end-to-end tests and python3
 * (one of the INI readers the tests compare against) — and says in one line how to install what is missing.
 *
 * Plain JavaScript so that `scripts/test-prerequisites.mjs` runs it before anything is built; the e2e harness
 * imports the same module (types in find-browser.d.mts), so the browser the prerequisite step found is the one
 * the tests launch. Every function takes the platform, the environment and an existence check, so the choice
 * logic is unit-tested without installing anything.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** The names Chromium-family browsers are installed under on Linux, best first. */
const LINUX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
];

/** True when `file` is a regular file this process may execute (on Windows, any existing file). */
export function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The defaults: this process's platform and environment, the real file system. */
function withDefaults(options = {}) {
  return {
    platform: options.platform ?? process.platform,
    env: options.env ?? process.env,
    exists: options.exists ?? isExecutableFile,
  };
}

/**
 * Where a Chromium-family browser may be installed on `platform`, in order of preference. Chrome before Edge
 * on macOS and Windows (Chromium itself is rarely installed there); Debian's `chromium` first on Linux, as the
 * CI machine has it.
 */
export function browserCandidates(options = {}) {
  const { platform, env } = withDefaults(options);
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const roots = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => path.posix.join(root, app)));
  }
  if (platform === 'win32') {
    const programFiles = env.ProgramFiles ?? 'C:\\Program Files';
    const programFilesX86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)';
    const roots = [programFiles, programFilesX86, ...(env.LOCALAPPDATA ? [env.LOCALAPPDATA] : [])];
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    // Chrome wherever it is, then Edge: Edge ships with Windows, Chrome is the developer's own choice.
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  // Linux and the other Unixes: the usual absolute paths, then the same names anywhere on PATH.
  const onPath = LINUX_NAMES.flatMap((name) =>
    pathDirs({ platform, env }).map((dir) => path.posix.join(dir, name)),
  );
  return [...new Set([...LINUX_NAMES.map((name) => `/usr/bin/${name}`), ...onPath])];
}

/** The directories of PATH (`Path` on Windows, where the name's case varies). */
function pathDirs({ platform, env }) {
  const key = Object.keys(env).find((k) =>
    platform === 'win32' ? k.toUpperCase() === 'PATH' : k === 'PATH',
  );
  const value = key === undefined ? '' : (env[key] ?? '');
  return value.split(platform === 'win32' ? ';' : ':').filter((dir) => dir !== '');
}

/**
 * The browser the tests use: `CHROMIUM_PATH` when set (and then only it: a developer who named a browser
 * never silently gets another one), otherwise the first candidate that exists. Undefined when none does.
 */
export function findBrowser(options = {}) {
  const resolved = withDefaults(options);
  const chosen = resolved.env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') return resolved.exists(chosen) ? chosen : undefined;
  return browserCandidates(resolved).find((candidate) => resolved.exists(candidate));
}

/** `command` as the shell would find it on PATH (with PATHEXT on Windows), or undefined. */
export function findOnPath(command, options = {}) {
  const resolved = withDefaults(options);
  const win = resolved.platform === 'win32';
  const exts = win
    ? (resolved.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '')
    : [''];
  const join = win ? path.win32.join : path.posix.join;
  for (const dir of pathDirs(resolved)) {
    for (const ext of exts) {
      const file = join(dir, command + ext);
      if (resolved.exists(file)) return file;
    }
  }
  return undefined;
}

/** The families fontconfig knows for Japanese (`fc-list :lang=ja family`), one a line; '' when none or no fc-list. */
function fontconfigJapanese() {
  const result = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : '';
}

/**
 * Whether the browser can draw Japanese: the Japanese screenshots show boxes instead of text without a font
 * for it. macOS and Windows ship one; on Linux it is a package of its own (Debian's chromium pulls none).
 * `listJapaneseFonts` stands in for fontconfig in tests.
 */
export function hasJapaneseFont(options = {}) {
  const { platform } = withDefaults(options);
  if (platform === 'darwin' || platform === 'win32') return true;
  return (options.listJapaneseFonts ?? fontconfigJapanese)().trim() !== '';
}

/** One line: the screenshots need a Japanese font, and how to get one on Linux. */
export function japaneseFontHint() {
  return 'The Japanese screenshots need a Japanese font (without one the browser draws boxes): install one (Debian/Ubuntu: `sudo apt-get install -y fonts-noto-cjk`; Fedora: `sudo dnf install google-noto-sans-cjk-fonts`).';
}

/** One line: what the e2e tests need and how to get it on `platform`. */
export function browserInstallHint(options = {}) {
  const { platform, env } = withDefaults(options);
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    return `CHROMIUM_PATH is set to ${chosen}, which is not an executable file: point it at Chrome, Chromium or Edge, or unset it to use an installed one.`;
  }
  const override = 'or set CHROMIUM_PATH to a Chrome, Chromium or Edge executable.';
  switch (platform) {
    case 'darwin':
      return `The end-to-end tests need Google Chrome, Chromium or Microsoft Edge in /Applications: install Chrome (https://www.google.com/chrome/, or \`brew install --cask google-chrome\`), ${override}`;
    case 'win32':
      return `The end-to-end tests need Google Chrome or Microsoft Edge: install Chrome (\`winget install Google.Chrome\`) or Edge (\`winget install Microsoft.Edge\`), ${override}`;
    default:
      return `The end-to-end tests need Chromium or Chrome: install it (Debian: \`sudo apt-get install -y chromium\`; Fedora: \`sudo dnf install chromium\`; Ubuntu and others: Google Chrome from https://www.google.com/chrome/), ${override}`;
  }
}

/** One line: the tests run `python3`, and how to get it on `platform`. */
export function pythonInstallHint(options = {}) {
  const { platform } = withDefaults(options);
  const why = 'The tests run `python3` (its configparser is one of the INI readers they compare against)';
  switch (platform) {
    case 'darwin':
      return `${why}: install it with \`xcode-select --install\` or \`brew install python\`.`;
    case 'win32':
      return `${why}: install Python 3 from the Microsoft Store (it provides python3.exe) and make sure \`python3\` runs in a new terminal.`;
    default:
      return `${why}: install it (Debian/Ubuntu: \`sudo apt-get install -y python3\`; Fedora: \`sudo dnf install python3\`).`;
  }
}
