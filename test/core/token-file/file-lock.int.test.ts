/**
 * The token file lock (electron/core/token-file/file-lock.ts) with real directories and real processes: it excludes
 * other holders (ours, and proper-lockfile's with the options earlier builds used), takes over abandoned locks,
 * keeps a long hold fresh, notices a lost lock without crashing and leaves the new holder's lock alone, and never
 * leaves a lock behind. Waiting, staleness and renewal run on fake timers (the clock is driven, the file system is
 * real); only the tests of what the OS does to a process (killed, exiting after a stall) take real seconds.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { mkdir, realpath, rmdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withFileLock } from '../../../electron/core/token-file/file-lock.js';
import type { HeldLock, LockFs } from '../../../electron/core/token-file/file-lock.js';
import { RtwError } from '../../../electron/core/errors.js';
import { tempDir } from '../../helpers/acquisition.js';

let dir: string;
let cleanup: () => Promise<void>;
const children: ChildProcess[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  vi.useRealTimers();
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await cleanup();
});

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

async function tokenFile(name = 'token.ini'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, '[OAUTH2]\r\n');
  return file;
}

/** The error `promise` rejects with (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  );
}

/** A promise and the function that resolves it. */
function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * node:fs as the lock uses it, counting the calls still under way, so that a test driving fake timers can let the
 * real file system answer before it moves the clock on. `fail` may answer a call with an error instead.
 */
function watchedFs(
  fail?: (call: keyof LockFs, count: number) => NodeJS.ErrnoException | undefined,
): LockFs & {
  settled(): Promise<void>;
  calls: Record<string, number>;
} {
  let pending = 0;
  const calls: Record<string, number> = {};
  const wrap =
    (name: 'mkdir' | 'rmdir' | 'stat' | 'utimes') =>
    (...args: unknown[]): void => {
      const callback = args.pop() as (...results: unknown[]) => void;
      calls[name] = (calls[name] ?? 0) + 1;
      const error = fail?.(name, calls[name]);
      pending++;
      const done = (...results: unknown[]): void => {
        pending--;
        callback(...results);
      };
      if (error !== undefined) setImmediate(() => done(error));
      else (nodeFs[name] as (...a: unknown[]) => void)(...args, done);
    };
  return {
    mkdir: wrap('mkdir') as LockFs['mkdir'],
    rmdir: wrap('rmdir') as LockFs['rmdir'],
    stat: wrap('stat') as LockFs['stat'],
    utimes: wrap('utimes') as LockFs['utimes'],
    rmdirSync: nodeFs.rmdirSync,
    calls,
    async settled() {
      // Each answer may start the next call (a renewal: stat, then utimes): wait until a whole turn starts none.
      do await new Promise((resolve) => setImmediate(resolve));
      while (pending > 0);
    },
  };
}

/** Fake setTimeout and Date from now on (the real clock's time to start with); real file system and I/O. */
function fakeClock(fs: { settled(): Promise<void> }): { advance(ms: number): Promise<void> } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  return {
    /** Moves the clock on in steps of 50 ms, letting the file system answer what each step's timers asked. */
    async advance(ms: number) {
      for (let done = 0; done < ms; done += 50) {
        await vi.advanceTimersByTimeAsync(Math.min(50, ms - done));
        await fs.settled();
      }
    },
  };
}

/**
 * Holds the lock of `file` in this process until `release` is called; `held` resolves once it holds it.
 * `outcome` settles with what withFileLock returned or threw.
 */
function holdHere(
  file: string,
  options: Parameters<typeof withFileLock>[2] = {},
): { held: Promise<HeldLock>; release: () => void; outcome: Promise<unknown> } {
  const held = gate<HeldLock>();
  const done = gate();
  const outcome = withFileLock(
    file,
    async (lock) => {
      held.open(lock);
      await done.promise;
    },
    options,
  );
  // Observed by the test when it cares; never an unhandled rejection meanwhile.
  outcome.catch(() => undefined);
  return { held: held.promise, release: () => done.open(), outcome };
}

/**
 * Starts test/fixtures/hold-lock.ts on `file`; resolves once it holds the lock (`exit`: once it has exited).
 * `exited` settles when the process has ended, its output read; `stdout` is what it printed.
 */
async function holdInAnotherProcess(
  file: string,
  mode: 'wait' | 'exit' | 'stall',
): Promise<{ child: ChildProcess; exited: Promise<void>; stdout: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-lock.ts', file, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // 'close', not 'exit': by then the output has been read, so `held` is known.
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('held') && mode !== 'exit') resolve();
    });
    void exited.then(() =>
      mode === 'exit' && stdout.includes('held')
        ? resolve()
        : reject(new Error(`holder ended without holding: ${stderr}`)),
    );
  });
  return { child, exited, stdout: () => stdout };
}

/** What another run does once it judges the lock abandoned: removes it and makes its own, stamped now. */
async function takeOver(file: string): Promise<void> {
  await rmdir(`${file}.lock`);
  await mkdir(`${file}.lock`);
  const now = Date.now() / 1000;
  await utimes(`${file}.lock`, now, now);
}

describe('withFileLock', () => {
  it('takes `<file>.lock` while the function runs and removes it after, also when the function throws', async () => {
    const file = await tokenFile();
    const seen = await withFileLock(file, async (lock) => {
      lock.assertHeld();
      return exists(`${file}.lock`);
    });
    expect(seen).toBe(true);
    expect(await exists(`${file}.lock`)).toBe(false);

    const failure = new Error('the refresh failed');
    expect(await rejectionOf(withFileLock(file, () => Promise.reject(failure)))).toBe(failure);
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('makes a second holder in the same process wait its turn', async () => {
    const file = await tokenFile();
    const order: string[] = [];
    let waits = 0;
    const first = holdHere(file);
    await first.held;
    order.push('first in');
    const second = withFileLock(
      file,
      (lock) => {
        order.push('second in');
        return Promise.resolve(lock.waitedMs);
      },
      {
        // The second found the lock taken: only now does the first let go.
        onWait: () => {
          waits++;
          order.push('first out');
          first.release();
        },
      },
    );
    const waited = await second;
    await first.outcome;
    expect(order).toEqual(['first in', 'first out', 'second in']);
    expect(waited).toBeGreaterThan(0);
    expect(waits).toBe(1);
  });

  it('is refused at once (waitMs 0) while another process holds the lock, and leaves that lock alone', async () => {
    const file = await tokenFile();
    await holdInAnotherProcess(file, 'wait');
    let ran = false;
    const error = await rejectionOf(
      withFileLock(
        file,
        () => {
          ran = true;
          return Promise.resolve();
        },
        { waitMs: 0 },
      ),
    );
    expect(RtwError.is(error, 'file-busy')).toBe(true);
    expect(ran).toBe(false);
    // Not ours to remove.
    expect(await exists(`${file}.lock`)).toBe(true);
  });

  it('waits up to `waitMs` for a holder that keeps its lock fresh, then gives up with file-busy', async () => {
    const file = await tokenFile();
    const fs = watchedFs();
    const clock = fakeClock(fs);
    const holder = holdHere(file, { fs });
    await holder.held;
    let waits = 0;
    let ran = false;
    let settled = false;
    const waiter = withFileLock(
      file,
      () => {
        ran = true;
        return Promise.resolve();
      },
      { waitMs: 30_000, fs, onWait: () => waits++ },
    );
    waiter.catch(() => undefined).finally(() => (settled = true));
    // The holder renews its lock every 5 s (half its staleMs of 10 s): the waiter still waits.
    await clock.advance(29_000);
    expect(settled).toBe(false);
    expect(waits).toBe(1);
    await clock.advance(2000);
    const error = await rejectionOf(waiter);
    expect(RtwError.is(error, 'file-busy')).toBe(true);
    expect((error as RtwError).params).toMatchObject({ seconds: 30 });
    expect(ran).toBe(false);
    (await holder.held).assertHeld();
    holder.release();
    await holder.outcome;
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('excludes proper-lockfile holders with the options of earlier builds, both ways', async () => {
    const file = await tokenFile();
    const release = await lockfile.lock(file, {
      stale: 10_000,
      realpath: false,
      lockfilePath: `${file}.lock`,
    });
    try {
      const error = await rejectionOf(withFileLock(file, () => Promise.resolve(), { waitMs: 0 }));
      expect(RtwError.is(error, 'file-busy')).toBe(true);
    } finally {
      await release();
    }
    await withFileLock(file, async () => {
      const theirs = await rejectionOf(
        lockfile.lock(file, { stale: 10_000, realpath: false, lockfilePath: `${file}.lock` }),
      );
      expect((theirs as NodeJS.ErrnoException).code).toBe('ELOCKED');
    });
  });

  it('takes over a lock abandoned longer than `staleMs`, but not a fresh one', async () => {
    const file = await tokenFile();
    await mkdir(`${file}.lock`);
    const fresh = await rejectionOf(
      withFileLock(file, () => Promise.resolve(), { waitMs: 0, staleMs: 2000 }),
    );
    expect(RtwError.is(fresh, 'file-busy')).toBe(true);

    const past = (Date.now() - 5000) / 1000;
    await utimes(`${file}.lock`, past, past);
    expect(await withFileLock(file, () => Promise.resolve('taken over'), { waitMs: 0, staleMs: 2000 })).toBe(
      'taken over',
    );
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('a waiter takes over an abandoned lock once `staleMs` has passed since its last stamp', async () => {
    const file = await tokenFile();
    const fs = watchedFs();
    const clock = fakeClock(fs);
    // Abandoned just now (by this clock).
    await mkdir(`${file}.lock`);
    const now = Date.now() / 1000;
    await utimes(`${file}.lock`, now, now);
    let waitedMs: number | undefined;
    const waiter = withFileLock(
      file,
      (lock) => {
        waitedMs = lock.waitedMs;
        return Promise.resolve();
      },
      { waitMs: 30_000, staleMs: 5000, fs },
    );
    await clock.advance(4900);
    expect(waitedMs).toBeUndefined();
    await clock.advance(700);
    await waiter;
    expect(waitedMs).toBeGreaterThanOrEqual(4999);
    expect(waitedMs).toBeLessThan(5700);
  });

  it('takes over the lock of a killed process once it is stale (real time: the OS ends the holder)', async () => {
    const file = await tokenFile();
    const holder = await holdInAnotherProcess(file, 'wait');
    holder.child.kill('SIGKILL');
    await holder.exited;
    // A kill -9 leaves the lock behind: it keeps the next run out until it is stale.
    expect(await exists(`${file}.lock`)).toBe(true);
    const started = Date.now();
    const waited = await withFileLock(file, (lock) => Promise.resolve(lock.waitedMs), {
      waitMs: 20_000,
      staleMs: 2000,
    });
    // It waited for the lock to go stale (2 s after the holder's last stamp), rather than taking it at once.
    expect(waited).toBeGreaterThan(1000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a holder that exits after losing its lock leaves the new holder’s lock alone (real processes)', async () => {
    const file = await tokenFile();
    // The holder blocks its event loop (no renewal) until this process has taken its stale lock over, then exits.
    const holder = await holdInAnotherProcess(file, 'stall');
    await withFileLock(
      file,
      async () => {
        await holder.exited;
        expect(holder.stdout()).toContain('taken over');
        // Its exit clean-up ran after the takeover and did not remove our lock.
        expect(await exists(`${file}.lock`)).toBe(true);
      },
      { waitMs: 20_000, staleMs: 2000 },
    );
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('leaves no lock behind when its process exits while holding it', async () => {
    const file = await tokenFile();
    await holdInAnotherProcess(file, 'exit');
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('keeps a long hold fresh, so nobody takes it over as abandoned', async () => {
    const file = await tokenFile();
    const fs = watchedFs();
    const clock = fakeClock(fs);
    const holder = holdHere(file, { staleMs: 2000, fs });
    const lock = await holder.held;
    // A waiter with the same staleMs keeps trying through three renewals (every staleMs / 2).
    const other = withFileLock(file, () => Promise.resolve(), { waitMs: 3500, staleMs: 2000, fs });
    other.catch(() => undefined);
    await clock.advance(3600);
    expect(RtwError.is(await rejectionOf(other), 'file-busy')).toBe(true);
    expect(fs.calls.utimes).toBeGreaterThanOrEqual(4);
    const age = Date.now() - (await stat(`${file}.lock`)).mtimeMs;
    expect(age).toBeLessThan(2000);
    lock.assertHeld();
    holder.release();
    await holder.outcome;
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('notices a lock taken over while held, refuses to go on, and neither crashes nor removes the new lock', async () => {
    const file = await tokenFile();
    const fs = watchedFs();
    const clock = fakeClock(fs);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => {
      uncaught.push(error);
    };
    process.prependListener('uncaughtException', onUncaught);
    try {
      const holder = holdHere(file, { staleMs: 2000, fs });
      const lock = await holder.held;
      await takeOver(file);
      // The next renewal (staleMs / 2) finds another stamp: proper-lockfile's default would throw from its timer.
      await clock.advance(1100);
      expect(() => lock.assertHeld()).toThrow(expect.objectContaining({ code: 'file-busy' }) as Error);
      holder.release();
      await holder.outcome;
      expect(uncaught).toEqual([]);
      expect(await exists(`${file}.lock`)).toBe(true);
    } finally {
      process.removeListener('uncaughtException', onUncaught);
    }
  });

  it('a hold not renewed for longer than `staleMs` (a blocked event loop) is lost at once, and its release leaves the lock alone', async () => {
    const file = await tokenFile();
    const fs = watchedFs();
    fakeClock(fs);
    const holder = holdHere(file, { staleMs: 2000, fs });
    const lock = await holder.held;
    lock.assertHeld();
    // The clock moves on while no timer runs, as in a busy loop or a machine that slept; meanwhile another run
    // judged the lock abandoned and took it. No renewal has looked yet.
    vi.setSystemTime(Date.now() + 2200);
    await takeOver(file);
    expect(() => lock.assertHeld()).toThrow(expect.objectContaining({ code: 'file-busy' }) as Error);
    holder.release();
    await holder.outcome;
    // proper-lockfile's release would have removed the new holder's lock here.
    expect(await exists(`${file}.lock`)).toBe(true);
  });

  it('rides out a renewal that fails once (a network share’s hiccup) and keeps the lock', async () => {
    const file = await tokenFile();
    // stat 1 reads back the stamp at acquisition, stat 2 is the first renewal's (at 5 s): it fails.
    const fs = watchedFs((call, count) =>
      call === 'stat' && count === 2
        ? Object.assign(new Error('EIO: i/o error, stat'), { code: 'EIO' })
        : undefined,
    );
    const clock = fakeClock(fs);
    const holder = holdHere(file, { fs });
    const lock = await holder.held;
    // Retried a second later; without that retry, 10 s without a stamp would lose the lock.
    await clock.advance(10_500);
    expect(fs.calls.stat).toBeGreaterThanOrEqual(3);
    lock.assertHeld();
    holder.release();
    await holder.outcome;
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('holds many locks at once without a listener per lock (exit or signal)', async () => {
    const listeners = (): number[] => ['exit', 'SIGINT', 'SIGTERM'].map((e) => process.listenerCount(e));
    const before = listeners();
    const files = await Promise.all(Array.from({ length: 12 }, (_, i) => tokenFile(`token-${i}.ini`)));
    const holders = files.map((f) => holdHere(f));
    await Promise.all(holders.map((h) => h.held));
    const during = listeners();
    for (const h of holders) h.release();
    await Promise.all(holders.map((h) => h.outcome));
    expect(during).toEqual(before);
    expect(listeners()).toEqual(before);
    for (const f of files) expect(await exists(`${f}.lock`)).toBe(false);
  });

  it('locks the real file behind a symlink, so both names share one lock', async () => {
    const file = await tokenFile();
    const link = path.join(dir, 'link.ini');
    await symlink(file, link);
    await withFileLock(link, async () => {
      expect(await exists(`${await realpath(file)}.lock`)).toBe(true);
      const error = await rejectionOf(withFileLock(file, () => Promise.resolve(), { waitMs: 0 }));
      expect(RtwError.is(error, 'file-busy')).toBe(true);
    });
  });

  it('reports a folder that does not exist as file-unwritable', async () => {
    const file = path.join(dir, 'no-such-folder', 'token.ini');
    const error = await rejectionOf(withFileLock(file, () => Promise.resolve(), { waitMs: 0 }));
    expect(RtwError.is(error, 'file-unwritable')).toBe(true);
    expect((error as RtwError).params).toMatchObject({ reason: 'ENOENT' });
  });
});
