/**
 * Temporary folders go away when their test ends (test/helpers/temp-dir.ts), and the run's guard
 * (test/setup/temp-dir-guard.ts) fails the run when something is left in the temp directory.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testTempDirSync, useTempDir } from '../helpers/temp-dir.js';
import { guardTempDir } from './temp-dir-guard.js';

describe('useTempDir', () => {
  const folder = useTempDir('helper');
  const seen: string[] = [];
  afterAll(() => {
    // After the last test's afterEach: every folder the tests saw is gone.
    expect(seen.filter((dir) => existsSync(dir))).toEqual([]);
  });

  it('gives each test a fresh folder with the recognisable prefix', () => {
    expect(path.basename(folder.path)).toMatch(/^rtw-test-helper-/);
    expect(existsSync(folder.path)).toBe(true);
    writeFileSync(path.join(folder.path, 'left.txt'), 'x');
    seen.push(folder.path);
  });

  it('removed the previous test’s folder and everything in it', () => {
    expect(seen).toHaveLength(1);
    expect(existsSync(seen[0] ?? '')).toBe(false);
    expect(folder.path).not.toBe(seen[0]);
    seen.push(folder.path);
  });
});

describe('testTempDirSync', () => {
  let made = '';
  it('makes a folder at once', () => {
    made = testTempDirSync('sync');
    expect(existsSync(made)).toBe(true);
  });
  it('and removes it when that test ends', () => {
    expect(made).not.toBe('');
    expect(existsSync(made)).toBe(false);
  });
});

describe('the temp directory guard', () => {
  it('fails with the list of what the tests left, and still removes it', () => {
    const outer = { tmp: tmpdir(), owner: process.env.RTW_TEST_RUN_TMPDIR, exitCode: process.exitCode };
    const teardown = guardTempDir(outer.tmp);
    const runDir = tmpdir();
    writeFileSync(path.join(runDir, 'rtw-test-left-behind.ini'), '');
    try {
      expect(path.dirname(runDir)).toBe(outer.tmp);
      expect(teardown).toThrow(/left 1 entries in the temp directory: rtw-test-left-behind\.ini\./);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = outer.exitCode;
    }
    expect(existsSync(runDir)).toBe(false);
    expect(tmpdir()).toBe(outer.tmp);
    expect(process.env.RTW_TEST_RUN_TMPDIR).toBe(outer.owner);
  });

  it('passes when the tests took everything away, leaving only the caches tools keep there', () => {
    const teardown = guardTempDir(tmpdir());
    const runDir = tmpdir();
    mkdirSync(path.join(runDir, 'tsx-0'));
    mkdirSync(path.join(runDir, 'jiti'));
    expect(teardown).not.toThrow();
    expect(existsSync(runDir)).toBe(false);
  });
});
