/**
 * One run at a time per token file, across processes.
 *
 * Entra rotates the refresh token on every redemption, so a scheduled refresh overlapping a manual one (or the
 * wizard) could each redeem the same token and the slower writer would replace the newer token with an older
 * chain's. Both tokens would work today, but the file would no longer hold the newest one: the lock makes
 * read–redeem–write one step, and the second run reads the file only after it holds the lock.
 *
 * proper-lockfile makes `<file>.lock` with mkdir (atomic on every file system, network shares included) and
 * keeps its mtime fresh while the lock is held, so a lock left by a killed process goes stale and is taken over
 * instead of blocking every later run.
 */
import * as fsp from 'node:fs/promises';
import { resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { RtwError } from './errors.js';

/** How long to wait for the lock, and when a forgotten lock counts as abandoned. */
export interface FileLockOptions {
  /** Give up (`file-busy`) after waiting this long; 0 tries once. Default 30 s. */
  waitMs?: number;
  /** A lock whose holder stopped refreshing it this long ago is abandoned (default 10 s; minimum 2 s). */
  staleMs?: number;
  /** Called once when the lock is found taken and the wait begins (to tell the user why nothing happens). */
  onWait?: () => void;
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isLocked(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ELOCKED';
}

/** Runs `fn` while holding the lock of `path`; waits (bounded) for another holder, else throws `file-busy`. */
export async function withFileLock<T>(
  path: string,
  fn: (lock: HeldLock) => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const stale = Math.max(2000, options.staleMs ?? DEFAULT_LOCK_STALE_MS);
  const started = Date.now();
  // Everyone locks the real file behind a symlink, and a file not created yet by its own path, so a refresh
  // and an acquisition writing a new file agree on the lock's name.
  const target = await fsp.realpath(path).catch(() => resolve(path));
  let compromised: Error | undefined;
  let release: (() => Promise<void>) | undefined;
  // Our own polling rather than the library's retries: the wait is bounded in time, not in attempts.
  for (let attempt = 0; release === undefined; attempt++) {
    try {
      release = await lockfile.lock(target, {
        stale,
        realpath: false,
        lockfilePath: `${target}.lock`,
        retries: 0,
        // The default throws from a timer and kills the process; record it and refuse to write instead.
        onCompromised: (error) => {
          compromised = error;
        },
      });
    } catch (error) {
      if (!isLocked(error)) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = typeof code === 'string' ? code : (error as Error).message;
        throw new RtwError('file-unwritable', { path, reason }, { cause: error });
      }
      if (attempt === 0) options.onWait?.();
      const waited = Date.now() - started;
      if (waited >= waitMs)
        throw new RtwError('file-busy', { path, seconds: Math.round(waitMs / 1000) }, { cause: error });
      // Short first polls (a quick holder), then calmer ones; jitter keeps two waiters from polling in step.
      await sleep(Math.min(waitMs - waited, Math.min(50 * 2 ** attempt, 500) + Math.random() * 50));
    }
  }
  const held: HeldLock = {
    waitedMs: Date.now() - started,
    assertHeld() {
      if (compromised !== undefined)
        throw new RtwError('file-busy', { path, seconds: Math.round(stale / 1000) }, { cause: compromised });
    },
  };
  try {
    return await fn(held);
  } finally {
    // A compromised lock belongs to someone else now: releasing it would remove their lock.
    if (compromised === undefined) await release().catch(() => undefined);
  }
}
