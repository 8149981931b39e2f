/**
 * The finder `npm test`'s prerequisite step and the e2e harness share (scripts/find-browser.mjs): which
 * browser it picks on each OS, and what it tells a developer who has none. The file system is a set of paths.
 */
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  browserCandidates,
  browserInstallHint,
  findBrowser,
  findOnPath,
  hasJapaneseFont,
  isExecutableFile,
  pythonInstallHint,
} from '../../scripts/find-browser.mjs';
import type { FinderOptions } from '../../scripts/find-browser.mjs';

/** A machine with exactly these executables. */
function machine(
  platform: NodeJS.Platform,
  files: string[],
  env: Record<string, string | undefined> = {},
): FinderOptions {
  const present = new Set(files);
  return { platform, env, exists: (file) => present.has(file) };
}

const CHROME_MAC = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const EDGE_MAC = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
const CHROME_WIN = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
const CHROME_WIN_X86 = 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe';
const EDGE_WIN_X86 = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
const WIN_ENV = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\admin\\AppData\\Local',
};

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, over an installed browser', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome' };
    expect(findBrowser(machine('linux', ['/usr/bin/chromium', '/opt/chrome/chrome'], env))).toBe(
      '/opt/chrome/chrome',
    );
  });

  it('never falls back to another browser when CHROMIUM_PATH names nothing, and says so', () => {
    const options = machine('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/gone/chrome' });
    expect(findBrowser(options)).toBeUndefined();
    expect(browserInstallHint(options)).toMatch(/^CHROMIUM_PATH is set to \/opt\/gone\/chrome, which is not/);
  });

  it("on Linux prefers Debian's chromium, then the other names, then PATH", () => {
    const all = [
      '/usr/bin/microsoft-edge',
      '/usr/bin/google-chrome',
      '/usr/bin/chromium-browser',
      '/usr/bin/chromium',
    ];
    expect(findBrowser(machine('linux', all))).toBe('/usr/bin/chromium');
    expect(findBrowser(machine('linux', ['/usr/bin/microsoft-edge', '/usr/bin/google-chrome-stable']))).toBe(
      '/usr/bin/google-chrome-stable',
    );
    const env = { PATH: '/home/dev/bin:/opt/chromium/bin' };
    expect(findBrowser(machine('linux', ['/opt/chromium/bin/chromium'], env))).toBe(
      '/opt/chromium/bin/chromium',
    );
  });

  it('on macOS finds Chrome, else Chromium or Edge, in /Applications or ~/Applications', () => {
    expect(findBrowser(machine('darwin', [EDGE_MAC, CHROME_MAC]))).toBe(CHROME_MAC);
    expect(findBrowser(machine('darwin', [EDGE_MAC]))).toBe(EDGE_MAC);
    const own = '/Users/dev/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser(machine('darwin', [own], { HOME: '/Users/dev' }))).toBe(own);
  });

  it('on Windows finds Chrome in either Program Files or the user profile, else Edge', () => {
    expect(findBrowser(machine('win32', [EDGE_WIN_X86, CHROME_WIN_X86], WIN_ENV))).toBe(CHROME_WIN_X86);
    expect(findBrowser(machine('win32', [EDGE_WIN_X86], WIN_ENV))).toBe(EDGE_WIN_X86);
    const perUser = 'C:\\Users\\admin\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(machine('win32', [perUser], WIN_ENV))).toBe(perUser);
    // Without the variables (an odd shell), the standard folders still.
    expect(findBrowser(machine('win32', [CHROME_WIN], {}))).toBe(CHROME_WIN);
  });

  it('finds nothing on a machine without a browser, whatever else it has', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        findBrowser(machine(platform, ['/usr/bin/python3', 'C:\\Windows\\notepad.exe'])),
      ).toBeUndefined();
    }
  });

  it('lists no candidate twice when PATH repeats /usr/bin', () => {
    const candidates = browserCandidates({ platform: 'linux', env: { PATH: '/usr/bin:/bin:/usr/bin' } });
    expect(new Set(candidates).size).toBe(candidates.length);
    expect(candidates[0]).toBe('/usr/bin/chromium');
  });
});

describe('findOnPath', () => {
  it('searches PATH in order on Unix', () => {
    const options = machine('linux', ['/usr/bin/python3', '/usr/local/bin/python3'], {
      PATH: '/usr/local/bin:/usr/bin',
    });
    expect(findOnPath('python3', options)).toBe('/usr/local/bin/python3');
    expect(findOnPath('python4', options)).toBeUndefined();
  });

  it("on Windows reads 'Path' in any case and tries PATHEXT's extensions", () => {
    const options = machine('win32', ['C:\\Python\\python3.EXE'], {
      Path: 'C:\\Windows;C:\\Python',
      PATHEXT: '.COM;.EXE',
    });
    expect(findOnPath('python3', options)).toBe('C:\\Python\\python3.EXE');
  });
});

describe('hasJapaneseFont', () => {
  it('asks fontconfig on Linux, and trusts macOS and Windows to ship one', () => {
    const none = (): string => '';
    expect(hasJapaneseFont({ platform: 'linux', listJapaneseFonts: none })).toBe(false);
    expect(hasJapaneseFont({ platform: 'linux', listJapaneseFonts: () => 'Noto Sans CJK JP\n' })).toBe(true);
    expect(hasJapaneseFont({ platform: 'darwin', listJapaneseFonts: none })).toBe(true);
    expect(hasJapaneseFont({ platform: 'win32', listJapaneseFonts: none })).toBe(true);
  });
});

describe('install hints', () => {
  it('name the command for each OS, in one line', () => {
    const hints = {
      linux: [browserInstallHint({ platform: 'linux', env: {} }), pythonInstallHint({ platform: 'linux' })],
      darwin: [
        browserInstallHint({ platform: 'darwin', env: {} }),
        pythonInstallHint({ platform: 'darwin' }),
      ],
      win32: [browserInstallHint({ platform: 'win32', env: {} }), pythonInstallHint({ platform: 'win32' })],
    };
    expect(hints.linux[0]).toContain('apt-get install -y chromium');
    expect(hints.linux[1]).toContain('apt-get install -y python3');
    expect(hints.darwin[0]).toContain('brew install --cask google-chrome');
    expect(hints.darwin[1]).toContain('brew install python');
    expect(hints.win32[0]).toContain('winget install Google.Chrome');
    expect(hints.win32[1]).toContain('python3.exe');
    for (const hint of Object.values(hints).flat()) expect(hint).not.toContain('\n');
  });
});

describe('isExecutableFile', () => {
  it('is true for this Node binary and false for a folder or a missing file', () => {
    expect(isExecutableFile(process.execPath)).toBe(true);
    expect(isExecutableFile(tmpdir())).toBe(false);
    expect(isExecutableFile('/no/such/browser')).toBe(false);
  });
});
