/**
 * One run at a time per token file, across processes.
 *
 * Entra rotates the refresh token on every redemption, so a scheduled refresh overlapping a manual one (or the
 * wizard) could each redeem the same token and the slower writer would replace the newer token with an older
 * chain's. Both tokens would work today, but the file would no longer hold the newest one: the lock makes
 * read–redeem–write one step, and the second run reads the file only after it holds the lock.
 *
 * The lock is the directory `<file>.lock`: mkdir is atomic on every file system, network shares included. Its
 * holder keeps the directory's mtime fresh, so a lock left by a killed process goes stale and is taken over instead
 * of blocking every later run. This is proper-lockfile's protocol, which earlier builds used, so they and this one
 * exclude each other (the test holds a lock with proper-lockfile itself).
 *
 * Written here rather than with proper-lockfile: a scheduled `rtw refresh` is mostly start-up, and loading
 * proper-lockfile (graceful-fs patches a copy of `fs`, signal-exit hooks every signal) cost ~5 ms of a ~90 ms run
 * (docs/benchmarks.md, figure 3). The protocol is small, and the behaviour this needs is tested here
 * (test/integration/file-lock.test.ts), not inherited.
 */
import { rmdirSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { resolve } from 'node:path';
import { RtwError } from '../errors.js';

/** The file system calls the lock makes (tests inject failures). */
export type LockFs = Pick<typeof fsp, 'mkdir' | 'rmdir' | 'stat' | 'utimes' | 'realpath'>;

/** How long to wait for the lock, and when a forgotten lock counts as abandoned. */
export interface FileLockOptions {
  /** Give up (`file-busy`) after waiting this long; 0 tries once. Default 30 s. */
  waitMs?: number;
  /** A lock whose holder stopped refreshing it this long ago is abandoned (default 10 s; minimum 2 s). */
  staleMs?: number;
  /** Called once when the lock is found taken and the wait begins (to tell the user why nothing happens). */
  onWait?: () => void;
  /** Default `node:fs/promises`. */
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
export const MIN_LOCK_STALE_MS = 2000;

/** After a failed renewal (a network share's hiccup), the next try comes this soon, not a whole `stale / 2` later. */
const RENEW_RETRY_MS = 1000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function codeOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Creates the lock directory; false if it exists (held by someone, or abandoned). */
async function makeLock(fs: LockFs, lockPath: string): Promise<boolean> {
  try {
    await fs.mkdir(lockPath);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the lock if it is free or abandoned; false if someone holds it. An abandoned lock is removed and made
 * again once: two runs finding it abandoned at the same moment both remove one, and the slower could remove the
 * faster's new lock. proper-lockfile has the same window; it needs a holder dead for `stale` and two waiters in
 * the same few milliseconds, and then the stamps (below) tell the two apart at the first renewal.
 */
async function tryLock(fs: LockFs, lockPath: string, stale: number): Promise<boolean> {
  if (await makeLock(fs, lockPath)) return true;
  const stat = await fs.stat(lockPath).catch((error: unknown) => {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  });
  // Released between our mkdir and stat: free again.
  if (stat === undefined) return makeLock(fs, lockPath);
  if (stat.mtimeMs >= Date.now() - stale) return false;
  await fs.rmdir(lockPath).catch((error: unknown) => {
    if (codeOf(error) !== 'ENOENT') throw error;
  });
  return makeLock(fs, lockPath);
}

/**
 * Sets the lock's mtime to now (our clock, as proper-lockfile does: on a network share the server's clock may
 * differ from those of the machines judging staleness) and returns the mtime the file system stored (it may round).
 * A random part below a second makes two holders' stamps differ, so a holder that finds any other mtime than its own
 * knows the lock was taken from it.
 */
async function stampLock(fs: LockFs, lockPath: string): Promise<number> {
  const at = (Date.now() + Math.random() * 1000) / 1000;
  await fs.utimes(lockPath, at, at);
  return (await fs.stat(lockPath)).mtimeMs;
}

/** The locks this process holds: a process that exits while holding one removes it (see `removeHeldLocks`). */
const heldLocks = new Set<Holding>();

/**
 * On exit (an uncaught error, process.exit, a second Ctrl+C), removes the locks still held rather than making the
 * next run wait for them to go stale. One listener for all of them.
 */
function removeHeldLocks(): void {
  for (const holding of heldLocks) holding.removeNow();
}

/**
 * A lock this process holds: it re-stamps the directory every `stale / 2` (an unref'd timer: it never keeps a
 * process alive), and finds out if it lost the lock: the directory gone, or stamped by someone else.
 */
class Holding {
  private stamp: number;
  private stampedAt: number;
  private timer: NodeJS.Timeout | undefined;
  private lost: Error | undefined;
  private released = false;

  constructor(
    private readonly fs: LockFs,
    private readonly lockPath: string,
    private readonly stale: number,
    stamp: number,
    stampedAt: number,
  ) {
    this.stamp = stamp;
    this.stampedAt = stampedAt;
    if (heldLocks.size === 0) process.on('exit', removeHeldLocks);
    heldLocks.add(this);
    this.schedule(this.stale / 2);
  }

  /** Why the lock is no longer ours, if it is not. */
  lostBecause(): Error | undefined {
    // Stamps stopped (the event loop blocked, the machine slept) for longer than `stale`: another run may have
    // taken it over even if no stamp has seen that yet.
    if (this.lost === undefined && Date.now() - this.stampedAt > this.stale)
      this.lost = new Error(`The lock ${this.lockPath} was not renewed for over ${this.stale} ms`);
    return this.lost;
  }

  /** At exit: removes the lock at once, unless it was lost (it is someone else's then). */
  removeNow(): void {
    if (this.lostBecause() !== undefined) return;
    try {
      rmdirSync(this.lockPath);
    } catch {
      // Already gone: nothing to clean.
    }
  }

  async release(): Promise<void> {
    this.released = true;
    clearTimeout(this.timer);
    this.forget();
    // A lost lock belongs to someone else now: removing it would remove theirs.
    if (this.lostBecause() !== undefined) return;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.fs.rmdir(this.lockPath);
        return;
      } catch (error) {
        // Left behind, the lock would hold the next run up until it is stale: one more try (a share's hiccup).
        if (codeOf(error) === 'ENOENT') return;
      }
    }
  }

  private forget(): void {
    heldLocks.delete(this);
    if (heldLocks.size === 0) process.removeListener('exit', removeHeldLocks);
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => void this.renew(), ms);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    if (this.released || this.lostBecause() !== undefined) return;
    try {
      const { mtimeMs } = await this.fs.stat(this.lockPath);
      if (mtimeMs !== this.stamp) {
        this.lost = new Error(`The lock ${this.lockPath} was taken over by another process`);
        return;
      }
      // Judged lost (or released) while the stat was under way: stamping now would renew someone else's lock.
      if (this.released || this.lostBecause() !== undefined) return;
      const stampedAt = Date.now();
      const stamp = await stampLock(this.fs, this.lockPath);
      if (this.released) return;
      this.stamp = stamp;
      this.stampedAt = stampedAt;
      this.schedule(this.stale / 2);
    } catch (error) {
      if (this.released) return;
      if (codeOf(error) === 'ENOENT') {
        this.lost = new Error(`The lock ${this.lockPath} was removed by another process`, { cause: error });
        return;
      }
      // A passing failure: try again soon; lostBecause() gives up once `stale` has passed without a stamp.
      this.schedule(Math.min(RENEW_RETRY_MS, this.stale / 4));
    }
  }
}

/** Runs `fn` while holding the lock of `path`; waits (bounded) for another holder, else throws `file-busy`. */
export async function withFileLock<T>(
  path: string,
  fn: (lock: HeldLock) => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const fs = options.fs ?? fsp;
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const stale = Math.max(MIN_LOCK_STALE_MS, options.staleMs ?? DEFAULT_LOCK_STALE_MS);
  const started = Date.now();
  const unwritable = (error: unknown): RtwError =>
    new RtwError(
      'file-unwritable',
      { path, reason: codeOf(error) ?? (error as Error).message },
      { cause: error },
    );
  // Everyone locks the real file behind a symlink, and a file not created yet by its own path, so a refresh
  // and an acquisition writing a new file agree on the lock's name.
  const target = await fs.realpath(path).catch(() => resolve(path));
  const lockPath = `${target}.lock`;
  for (let attempt = 0; ; attempt++) {
    let taken: boolean;
    try {
      taken = await tryLock(fs, lockPath, stale);
    } catch (error) {
      throw unwritable(error);
    }
    if (taken) break;
    if (attempt === 0) options.onWait?.();
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new RtwError('file-busy', { path, seconds: Math.round(waitMs / 1000) });
    // Short first polls (a quick holder), then calmer ones; jitter keeps two waiters from polling in step.
    await sleep(Math.min(waitMs - waited, Math.min(50 * 2 ** attempt, 500) + Math.random() * 50));
  }

  let holding: Holding;
  try {
    const stampedAt = Date.now();
    holding = new Holding(fs, lockPath, stale, await stampLock(fs, lockPath), stampedAt);
  } catch (error) {
    await fs.rmdir(lockPath).catch(() => undefined);
    throw unwritable(error);
  }
  const held: HeldLock = {
    waitedMs: Date.now() - started,
    assertHeld() {
      const lost = holding.lostBecause();
      if (lost !== undefined)
        throw new RtwError('file-busy', { path, seconds: Math.round(stale / 1000) }, { cause: lost });
    },
  };
  try {
    return await fn(held);
  } finally {
    await holding.release();
  }
}
