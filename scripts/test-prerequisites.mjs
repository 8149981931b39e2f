/**
 * The first step of `npm test`: provides what npm cannot install — a Chromium-family browser for the
 * end-to-end tests and python3 for the INI reader comparison — or stops at once with one line saying what to
 * install and how. On Debian/Ubuntu as root (a fresh CI machine) it installs Debian's packages itself, so that
 * `npm install && npm test` is all a clean machine needs. Never a silent skip: a test run without a browser
 * would hide the end-to-end suite.
 *
 * Usage: `node scripts/test-prerequisites.mjs [browser] [python3] [ja-font]` — browser and python3 when none
 * is named (`npm test`); `test:e2e` needs only the browser, `test:integration` only python3, and `npm run
 * screenshots` the browser and a Japanese font (the pictures it keeps show the Japanese wizard; the tests
 * themselves read text from the page, not from pixels).
 */
import { spawnSync } from 'node:child_process';
import {
  browserInstallHint,
  findBrowser,
  findOnPath,
  hasJapaneseFont,
  japaneseFontHint,
  pythonInstallHint,
} from './find-browser.mjs';

const PREFIX = 'test prerequisites:';
const named = process.argv.slice(2);
for (const name of named) {
  if (name !== 'browser' && name !== 'python3' && name !== 'ja-font') {
    process.stderr.write(`${PREFIX} unknown prerequisite ${name} (browser, python3, ja-font)\n`);
    process.exit(2);
  }
}
const wanted = {
  browser: named.length === 0 || named.includes('browser'),
  python3: named.length === 0 || named.includes('python3'),
  jaFont: named.includes('ja-font'),
};

/** What is missing now: Debian package name and the one-line hint for each. */
function missing() {
  const list = [];
  if (wanted.browser && findBrowser() === undefined) {
    list.push({ pkg: 'chromium', hint: browserInstallHint() });
  }
  if (wanted.python3 && findOnPath('python3') === undefined) {
    list.push({ pkg: 'python3', hint: pythonInstallHint() });
  }
  if (wanted.jaFont && !hasJapaneseFont()) list.push({ pkg: 'fonts-noto-cjk', hint: japaneseFontHint() });
  return list;
}

/** Runs a command quietly; on failure prints what it said (apt's own reason is the useful part). */
function run(command, args) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status === 0) return true;
  process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}\n`);
  return false;
}

function stop(items) {
  for (const { hint } of items) process.stderr.write(`${PREFIX} ${hint}\n`);
  process.exit(1);
}

let needed = missing();
// A CHROMIUM_PATH naming nothing is the developer's choice to fix, not a reason to install another browser.
const chosenBrowser = process.env.CHROMIUM_PATH;
const canInstall =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  findOnPath('apt-get') !== undefined &&
  !(chosenBrowser !== undefined && chosenBrowser !== '' && needed.some((m) => m.pkg === 'chromium'));

if (needed.length > 0) {
  if (!canInstall) stop(needed);
  const packages = needed.map((m) => m.pkg);
  process.stdout.write(
    `${PREFIX} installing ${packages.join(' and ')} with apt-get (Debian/Ubuntu, running as root)\n`,
  );
  if (!run('apt-get', ['update', '-qq']) || !run('apt-get', ['install', '-y', '-qq', ...packages])) {
    stop(needed);
  }
  needed = missing();
  if (needed.length > 0) stop(needed);
}
const found = [
  ...(wanted.browser ? [`browser ${findBrowser()}`] : []),
  ...(wanted.python3 ? [`python3 ${findOnPath('python3')}`] : []),
  ...(wanted.jaFont ? ['a Japanese font'] : []),
];
process.stdout.write(`${PREFIX} ${found.join(', ')}\n`);
