/** Types of find-browser.mjs (plain JavaScript, so that it runs before the build). */

/** What the finder looks at; each defaults to this process's (`exists`: an executable regular file). */
export interface FinderOptions {
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  exists?: (file: string) => boolean;
  /** What `fc-list :lang=ja family` prints (Linux). */
  listJapaneseFonts?: () => string;
}

/** True when `file` is a regular file this process may execute. */
export function isExecutableFile(file: string): boolean;
/** Where a Chromium-family browser may be installed, in order of preference. */
export function browserCandidates(options?: FinderOptions): string[];
/** `CHROMIUM_PATH` if set (and only it), else the first existing candidate; undefined when there is none. */
export function findBrowser(options?: FinderOptions): string | undefined;
/** `command` found on PATH (with PATHEXT on Windows), or undefined. */
export function findOnPath(command: string, options?: FinderOptions): string | undefined;
/** One line saying which browser to install and how, on the platform. */
export function browserInstallHint(options?: FinderOptions): string;
/** One line saying how to install python3, on the platform. */
export function pythonInstallHint(options?: FinderOptions): string;
/** Whether a font for Japanese is installed (always on macOS and Windows; fontconfig on Linux). */
export function hasJapaneseFont(options?: FinderOptions): boolean;
/** One line saying how to install a Japanese font. */
export function japaneseFontHint(): string;
