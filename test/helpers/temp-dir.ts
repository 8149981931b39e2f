/**
 * Temporary folders for tests, each removed when its test (or file) ends, pass or fail. Every folder is named
 * `rtw-test-<name>-XXXXXX` in the OS temp directory, so that a leak is recognisable; the run's guard
 * (test/setup/temp-dir-guard.ts) fails the run if anything is left there.
 */
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, onTestFinished } from 'vitest';

/** The prefix of every temporary folder the tests make. */
export const TEMP_PREFIX = 'rtw-test-';

function template(name: string): string {
  return path.join(tmpdir(), `${TEMP_PREFIX}${name}-`);
}

/** Removes a folder and everything in it; a folder already gone is fine. */
export function removeTempDir(dir: string): Promise<void> {
  // Retries: on Windows a file a just-ended child process held can stay locked for a moment.
  return rm(dir, { recursive: true, force: true, maxRetries: 5 });
}

/** A new folder and its removal, for code that manages the lifetime itself (a bench, a `finally`). */
export async function tempDir(name = 'dir'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(template(name));
  return { dir, cleanup: () => removeTempDir(dir) };
}

/**
 * A folder made before each test (`'each'`, the default) or once for the file (`'all'`), and removed after
 * it whatever the outcome. Read `.path` inside hooks and tests.
 */
export function useTempDir(name: string, scope: 'each' | 'all' = 'each'): { readonly path: string } {
  let current: string | undefined;
  const before = scope === 'each' ? beforeEach : beforeAll;
  const after = scope === 'each' ? afterEach : afterAll;
  before(async () => {
    current = await mkdtemp(template(name));
  });
  after(async () => {
    if (current !== undefined) await removeTempDir(current);
    current = undefined;
  });
  return {
    get path(): string {
      if (current === undefined) throw new Error(`useTempDir('${name}'): read .path inside a hook or a test`);
      return current;
    },
  };
}

/**
 * A folder for the running test, made synchronously (for code that cannot wait, such as a platform's
 * `userDataDir()`), removed when that test ends. Only inside a test: vitest refuses `onTestFinished` elsewhere.
 */
export function testTempDirSync(name: string): string {
  const made: string[] = [];
  // Registered first: outside a test this throws before anything is made.
  onTestFinished(async () => {
    for (const dir of made) await removeTempDir(dir);
  });
  const dir = mkdtempSync(template(name));
  made.push(dir);
  return dir;
}
