/**
 * The rules of write-target.ts for following a link or writing a file, on every platform, from stats alone (the
 * real file system, the CLI and the races are in test/resilience/token-file-links.int.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { fileRefusal, linkRefusal } from '../../../electron/core/token-file/write-target.js';
import type { Writer } from '../../../electron/core/token-file/write-target.js';

const ALICE: Writer = { uid: 1000, platform: 'linux' };
const ROOT: Writer = { uid: 0, platform: 'linux' };
const WINDOWS: Writer = { uid: undefined, platform: 'win32' };
const own = (uid: number, mode = 0o755): { uid: number; mode: number } => ({ uid, mode: 0o40000 | mode });

describe('following a symlink', () => {
  it('follows the writer’s own link in the writer’s own folder that no one else can write', () => {
    expect(linkRefusal(own(1000), own(1000, 0o755), ALICE)).toBeUndefined();
    expect(linkRefusal(own(1000), own(1000, 0o700), ALICE)).toBeUndefined();
    // Root's links and folders are trusted by everyone (root could rewrite the file anyway).
    expect(linkRefusal(own(0), own(0, 0o755), ALICE)).toBeUndefined();
    expect(linkRefusal(own(0), own(0, 0o755), ROOT)).toBeUndefined();
  });

  it('refuses a link another user made, wherever it is', () => {
    expect(linkRefusal(own(1001), own(1000, 0o700), ALICE)).toBe('link-not-owned');
    expect(linkRefusal(own(1000), own(0, 0o755), ROOT)).toBe('link-not-owned');
    expect(linkRefusal(own(65534), own(0, 0o1777), ROOT)).toBe('link-not-owned');
  });

  it('refuses the writer’s own link in a folder others can write or own (they could swap it)', () => {
    for (const mode of [0o775, 0o757, 0o777, 0o1777, 0o2775])
      expect(linkRefusal(own(1000), own(1000, mode), ALICE), mode.toString(8)).toBe('link-shared-folder');
    expect(linkRefusal(own(0), own(65534, 0o755), ROOT)).toBe('link-shared-folder');
  });

  it('refuses every link on Windows, where Node cannot tell who made it', () => {
    expect(linkRefusal(own(0), own(0, 0o666), WINDOWS)).toBe('link-windows');
  });
});

describe('writing a regular file', () => {
  it('writes the writer’s and root’s files anywhere, and another user’s in a folder only its owner writes', () => {
    expect(fileRefusal(own(1000, 0o600), own(1000, 0o777), ALICE)).toBeUndefined();
    expect(fileRefusal(own(0, 0o600), own(0, 0o1777), ALICE)).toBeUndefined();
    // The sender's service account's file, in a folder root keeps: its owner is kept (item 2).
    expect(fileRefusal(own(65534, 0o640), own(0, 0o755), ROOT)).toBeUndefined();
    expect(fileRefusal(own(65534, 0o640), own(65534, 0o700), ROOT)).toBeUndefined();
  });

  it('refuses another user’s file in a folder group or others can write (it may have been planted)', () => {
    for (const mode of [0o775, 0o757, 0o777, 0o1777, 0o2775])
      expect(fileRefusal(own(65534, 0o640), own(0, mode), ROOT), mode.toString(8)).toBe('foreign-file');
  });

  it('writes any plain file on Windows (no owner to keep or check there)', () => {
    expect(fileRefusal(own(0, 0o666), own(0, 0o777), WINDOWS)).toBeUndefined();
  });
});
