/**
 * vitest globalSetup: proves that the tests remove every temporary folder and file they make, pass or fail.
 *
 * The run gets a temp directory of its own (`rtw-test-run-XXXXXX` in the OS one) and every test worker, and
 * every process a test starts (the CLI, Chromium, Playwright's artifacts folder), inherits it as TMPDIR/TMP/
 * TEMP. At the end, whatever is still in it is a leak: the run fails with the list. A directory of its own
 * rather than a before/after listing of the shared one, because other runs on the same machine (other
 * checkouts, other engineers) create and remove `rtw-*` entries there at the same time.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Set while a guard owns the run: with vitest projects, every project runs this setup, and one guard is enough. */
const OWNER = 'RTW_TEST_RUN_TMPDIR';
/**
 * Caches tools keep in the temp directory across runs, by design: not a test's temporary folder. They go with
 * the run's directory all the same.
 */
const TOOL_CACHES = [
  // tsx's compile cache (`tsx-<uid>`), made by the tests that start the sandbox or a lock holder with tsx.
  /^tsx-\d+$/,
  // jiti's transpile cache, made when electron-builder loads its configuration (the packaging tests).
  /^jiti$/,
];

/** Node's os.tmpdir() reads TMPDIR on Unix, TEMP/TMP on Windows; OWNER is restored with them. */
const VARIABLES = ['TMPDIR', 'TMP', 'TEMP', OWNER] as const;

export default function setup(): (() => void) | undefined {
  if (process.env[OWNER] !== undefined) return undefined;
  // `npm run screenshots` only: the pictures show the e2e's file paths, which inside the run's own directory
  // would read /tmp/rtw-test-run-…/rtw-e2e-…/ and wrap. Every `npm test` still guards the e2e.
  if (process.env.RTW_TEMP_GUARD === 'off') return undefined;
  return guardTempDir();
}

/**
 * Points this process's temp directory (and its future children's) at a new folder in `parent`; the returned
 * teardown restores the variables, removes the folder, and throws (exit code 1) if anything was left in it.
 */
export function guardTempDir(parent: string = tmpdir()): () => void {
  const runDir = mkdtempSync(path.join(parent, 'rtw-test-run-'));
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of VARIABLES) process.env[name] = runDir;

  return () => {
    const left = readdirSync(runDir)
      .filter((entry) => !TOOL_CACHES.some((cache) => cache.test(entry)))
      .sort();
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    // Removed either way: a failing run must not leave its leaks behind as well.
    rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
    if (left.length > 0) {
      // vitest reports a teardown error but keeps exit code 0: fail the run explicitly.
      process.exitCode = 1;
      throw new Error(
        `The tests left ${left.length} entries in the temp directory: ${left.join(', ')}. ` +
          'Remove each temporary folder in afterEach/afterAll or finally (test/helpers/temp-dir.ts), and close ' +
          'every browser context.',
      );
    }
  };
}
