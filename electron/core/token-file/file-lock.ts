/**
 * One run at a time per token file, across processes.
 *
 * Entra rotates the refresh token on every redemption, so a scheduled refresh overlapping a manual one (or the
 * wizard) could each redeem the same token and the slower writer would replace the newer token with an older
 * chain's. Both tokens would work today, but the file would no longer hold the newest one: the lock makes
 * read–redeem–write one step, and the second run reads the file only after it holds the lock.
 *
 * proper-lockfile does the locking: the lock is the directory `<file>.lock` (mkdir is atomic on every file system,
 * network shares included), its holder keeps the directory's mtime fresh, a lock left by a killed process goes stale
 * and is taken over, and locks still held are removed when the process exits. Every build of this product has used
 * that protocol with these options (some with a copy of it written here), so all of them exclude each other.
 *
 * Added here, each for a defect of the library's defaults that test/core/token-file/file-lock.int.test.ts shows:
 * - its default `onCompromised` throws from a timer, an uncaught exception that kills the process (the CLI in the
 *   middle of a refresh, the desktop app's main process): here a lost lock is recorded, and `assertHeld` refuses
 *   to go on to the write;
 * - it finds out that it lost the lock only at its next renewal, and until then its release and its exit clean-up
 *   remove the lock directory, which is the new holder's by then (a third run could then start beside it): here a
 *   hold not renewed for longer than `stale` counts as lost at once (a blocked event loop, a machine that slept),
 *   and a lost lock's directory is left alone, through the `fs` option that its release and exit clean-up use;
 * - waiting is bounded in time and announced (`onWait`), where the library retries a number of times.
 * Left as it is: on a file system that keeps mtimes in 2-second steps (FAT32), the library compares the mtime it set
 * with the one stored and takes its own lock for lost at the second renewal, so a hold longer than `stale` (10 s)
 * ends in `file-busy` there (reproduced with a rounding `fs`; NTFS, ext4 and APFS store finer times).
 *
 * Loading the library (with graceful-fs, signal-exit and retry) costs ~5 ms of a ~75 ms `rtw refresh`
 * (docs/benchmarks.md, figure 3). A copy of its protocol written here saved that; owning ~270 lines of locking for
 * it was not worth it.
 */
import * as nodeFs from 'node:fs';
import lockfile from 'proper-lockfile';
import { RtwError } from '../errors.js';
import { lockTargetOf } from './write-target.js';

/** The file system calls proper-lockfile makes with our options (node:fs style; tests inject failures). */
export type LockFs = Pick<typeof nodeFs, 'mkdir' | 'rmdir' | 'rmdirSync' | 'stat' | 'utimes'>;

/** How long to wait for the lock, and when a forgotten lock counts as abandoned. */
export interface FileLockOptions {
  /** Give up (`file-busy`) after waiting this long; 0 tries once. Default 30 s. */
  waitMs?: number;
  /** A lock whose holder stopped refreshing it this long ago is abandoned (default 10 s; minimum 2 s). */
  staleMs?: number;
  /** Called once when the lock is found taken and the wait begins (to tell the user why nothing happens). */
  onWait?: () => void;
  /** Default `node:fs`. */
  fs?: LockFs;
}

/** What the locked function is told. */
export interface HeldLock {
  /** Milliseconds spent waiting for the lock. */
  waitedMs: number;
  /** Throws `file-busy` if the lock was lost (the process stalled past `staleMs` and another run took it). */
  assertHeld(): void;
}

export const DEFAULT_LOCK_WAIT_MS = 30_000;
export const DEFAULT_LOCK_STALE_MS = 10_000;
/** proper-lockfile's own floor for `stale`. */
export const MIN_LOCK_STALE_MS = 2000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function codeOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** One hold of a lock: when it was last stamped, and whether (and why) it is no longer ours. */
class Hold {
  private acquired = false;
  private stampedAt = 0;
  private lost: Error | undefined;

  constructor(
    private readonly lockPath: string,
    private readonly stale: number,
  ) {}

  stamped(at: number): void {
    this.stampedAt = at;
  }

  /** The library holds the lock now; `triedAt` is when that attempt began (no later than the lock's first stamp). */
  acquire(triedAt: number): void {
    this.acquired = true;
    if (this.stampedAt < triedAt) this.stampedAt = triedAt;
  }

  compromised(error: Error): void {
    this.lost ??= error;
  }

  /** Why the lock is no longer ours, if it is not. */
  lostBecause(): Error | undefined {
    // Stamps stopped for longer than `stale`: another run may have taken it over even if no renewal has seen it yet.
    if (this.lost === undefined && this.acquired && Date.now() - this.stampedAt > this.stale)
      this.lost = new Error(`The lock ${this.lockPath} was not renewed for over ${this.stale} ms`);
    return this.lost;
  }

  /**
   * `fs` as the library sees it for this hold: it learns when a stamp was set, and cannot remove the lock
   * directory once the lock is lost (from the release and the exit clean-up alike).
   */
  fs(base: LockFs): LockFs {
    const ours = (path: nodeFs.PathLike): boolean =>
      !this.acquired || String(path) !== this.lockPath || this.lostBecause() === undefined;
    const fs: LockFs = {
      mkdir: base.mkdir,
      stat: base.stat,
      utimes: ((path, atime, mtime, callback) => {
        const at = Date.now();
        base.utimes(path, atime, mtime, (error) => {
          if (error === null) this.stamped(at);
          callback(error);
        });
      }) as LockFs['utimes'],
      rmdir: ((path: nodeFs.PathLike, callback: nodeFs.NoParamCallback) => {
        if (ours(path)) base.rmdir(path, callback);
        else callback(null);
      }) as LockFs['rmdir'],
      rmdirSync: (path) => {
        if (ours(path)) base.rmdirSync(path);
      },
    };
    return fs;
  }
}

/** Runs `fn` while holding the lock of `path`; waits (bounded) for another holder, else throws `file-busy`. */
export async function withFileLock<T>(
  path: string,
  fn: (lock: HeldLock) => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const stale = Math.max(MIN_LOCK_STALE_MS, options.staleMs ?? DEFAULT_LOCK_STALE_MS);
  const started = Date.now();
  // Everyone locks the real file behind the owner's own symlink, and a file not created yet by its own path, so a
  // refresh and an acquisition writing a new file agree on the lock's name; behind a link the write would refuse,
  // the link itself (no lock directory is made where someone else's link points).
  const target = await lockTargetOf(path);
  const lockPath = `${target}.lock`;
  const hold = new Hold(lockPath, stale);
  const fs = hold.fs(options.fs ?? nodeFs);
  let release: () => Promise<void>;
  // Our own polling rather than the library's retries: the wait is bounded in time, not in attempts.
  let triedAt: number;
  for (let attempt = 0; ; attempt++) {
    triedAt = Date.now();
    try {
      release = await lockfile.lock(target, {
        stale,
        realpath: false,
        lockfilePath: lockPath,
        retries: 0,
        fs,
        onCompromised: (error) => hold.compromised(error),
      });
      break;
    } catch (error) {
      if (codeOf(error) !== 'ELOCKED')
        throw new RtwError(
          'file-unwritable',
          { path, reason: codeOf(error) ?? (error as Error).message },
          { cause: error },
        );
      if (attempt === 0) options.onWait?.();
      const waited = Date.now() - started;
      if (waited >= waitMs)
        throw new RtwError('file-busy', { path, seconds: Math.round(waitMs / 1000) }, { cause: error });
      // Short first polls (a quick holder), then calmer ones; jitter keeps two waiters from polling in step.
      await sleep(Math.min(waitMs - waited, Math.min(50 * 2 ** attempt, 500) + Math.random() * 50));
    }
  }
  hold.acquire(triedAt);
  const held: HeldLock = {
    waitedMs: Date.now() - started,
    assertHeld() {
      const lost = hold.lostBecause();
      if (lost !== undefined)
        throw new RtwError('file-busy', { path, seconds: Math.round(stale / 1000) }, { cause: lost });
    },
  };
  try {
    return await fn(held);
  } finally {
    // Rejects only for a lock already judged compromised (left alone: it is someone else's) or one that could not
    // be removed: one more try then, as a lock left behind would hold the next run up until it is stale.
    await release().catch((error: unknown) => {
      if (codeOf(error) === 'ERELEASED') return undefined;
      return new Promise<void>((done) => fs.rmdir(lockPath, () => done()));
    });
  }
}
