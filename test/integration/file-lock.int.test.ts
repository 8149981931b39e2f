/**
 * The token file lock (electron/core/file-lock.ts) with real directories, real processes and real clocks: it
 * excludes other holders (ours and proper-lockfile's, which earlier builds used), takes over abandoned locks, keeps
 * a long hold fresh, notices a lost lock, and never leaves a lock behind.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { PathLike } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { mkdir, realpath, rmdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../electron/core/file-lock.js';
import type { LockFs } from '../../electron/core/file-lock.js';
import { RtwError } from '../../electron/core/errors.js';
import { tempDir } from '../helpers/acquisition.js';

let dir: string;
let cleanup: () => Promise<void>;
const children: ChildProcess[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await cleanup();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
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

/**
 * Starts test/fixtures/hold-lock.ts on `file`; resolves once it holds the lock (`exit`: once it has exited).
 * `exited` settles when the process has ended, its output read.
 */
async function holdInAnotherProcess(
  file: string,
  mode: 'wait' | 'exit' | 'stall',
): Promise<{ child: ChildProcess; exited: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-lock.ts', file, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  let held = false;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // 'close', not 'exit': by then the output has been read, so `held` is known.
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      held ||= chunk.includes('held');
      if (held && mode !== 'exit') resolve();
    });
    void exited.then(() =>
      mode === 'exit' && held ? resolve() : reject(new Error(`holder ended without holding: ${stderr}`)),
    );
  });
  return { child, exited };
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
    const first = withFileLock(file, async () => {
      order.push('first in');
      await sleep(300);
      order.push('first out');
    });
    await sleep(20);
    const second = withFileLock(
      file,
      (lock) => {
        order.push('second in');
        return Promise.resolve(lock.waitedMs);
      },
      { onWait: () => waits++ },
    );
    const [, waited] = await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
    expect(waited).toBeGreaterThan(0);
    expect(waits).toBe(1);
  });

  it('gives up with file-busy when another process holds the lock past the wait', async () => {
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
        { waitMs: 300 },
      ),
    );
    expect(RtwError.is(error, 'file-busy')).toBe(true);
    expect(ran).toBe(false);
    // Not ours to remove.
    expect(await exists(`${file}.lock`)).toBe(true);
  });

  it('excludes proper-lockfile holders (earlier builds) both ways', async () => {
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

  it('takes over the lock of a killed process once it is stale', async () => {
    const file = await tokenFile();
    const holder = await holdInAnotherProcess(file, 'wait');
    holder.child.kill('SIGKILL');
    await holder.exited;
    // A kill -9 leaves the lock behind: it keeps the next run out until it is stale.
    expect(await exists(`${file}.lock`)).toBe(true);
    const started = Date.now();
    const waited = await withFileLock(file, (lock) => Promise.resolve(lock.waitedMs), {
      waitMs: 10_000,
      staleMs: 2000,
    });
    // It waited for the lock to go stale (2 s after the holder's last stamp), rather than taking it at once.
    expect(waited).toBeGreaterThan(1000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a holder that exits after losing its lock leaves the new holder’s lock alone', async () => {
    const file = await tokenFile();
    // The holder blocks for 5 s without renewing; its lock is stale after 2 (or 3: stamps may run up to 1 s ahead).
    const holder = await holdInAnotherProcess(file, 'stall');
    let holderGone = false;
    void holder.exited.then(() => (holderGone = true));
    await withFileLock(
      file,
      async () => {
        // Taken over from a holder still running: when it exits, its exit clean-up must not remove our lock.
        expect(holderGone).toBe(false);
        await holder.exited;
        expect(await exists(`${file}.lock`)).toBe(true);
      },
      { waitMs: 10_000, staleMs: 2000 },
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
    await withFileLock(
      file,
      async (lock) => {
        // Three renewals (every staleMs / 2) while a waiter with the same staleMs keeps trying.
        const other = await rejectionOf(
          withFileLock(file, () => Promise.resolve(), { waitMs: 3500, staleMs: 2000 }),
        );
        expect(RtwError.is(other, 'file-busy')).toBe(true);
        const age = Date.now() - (await stat(`${file}.lock`)).mtimeMs;
        expect(age).toBeLessThan(2000);
        lock.assertHeld();
      },
      { staleMs: 2000 },
    );
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('notices a lock taken over while held, refuses to go on, and leaves the new holder’s lock alone', async () => {
    const file = await tokenFile();
    const error = await rejectionOf(
      withFileLock(
        file,
        async (lock) => {
          // What another run does once it judges this lock abandoned: remove it and make its own.
          await sleep(100);
          await rmdir(`${file}.lock`);
          await mkdir(`${file}.lock`);
          const now = Date.now() / 1000;
          await utimes(`${file}.lock`, now, now);
          await sleep(1500); // past the next renewal (staleMs / 2)
          lock.assertHeld();
        },
        { staleMs: 2000 },
      ),
    );
    expect(RtwError.is(error, 'file-busy')).toBe(true);
    expect(await exists(`${file}.lock`)).toBe(true);
  });

  it('notices when it could not renew the lock for longer than `staleMs` (a blocked event loop)', async () => {
    const file = await tokenFile();
    const error = await rejectionOf(
      withFileLock(
        file,
        (lock) => {
          const until = Date.now() + 2200;
          while (Date.now() < until) {
            // Busy: no timer runs, so no renewal.
          }
          lock.assertHeld();
          return Promise.resolve();
        },
        { staleMs: 2000 },
      ),
    );
    expect(RtwError.is(error, 'file-busy')).toBe(true);
  });

  it('rides out a renewal that fails once (a network share’s hiccup) and keeps the lock', async () => {
    const file = await tokenFile();
    let stats = 0;
    const fs: LockFs = {
      ...fsp,
      // The first stat reads back the stamp at acquisition; the second is the first renewal's: it fails.
      stat: ((target: PathLike) => {
        stats++;
        return stats === 2
          ? Promise.reject(Object.assign(new Error('EIO: i/o error, stat'), { code: 'EIO' }))
          : fsp.stat(target);
      }) as LockFs['stat'],
    };
    await withFileLock(
      file,
      async (lock) => {
        // Renewal due at 1 s fails; retried at 1.5 s. Without the retry, 2 s without a stamp would lose the lock.
        await sleep(2600);
        expect(stats).toBeGreaterThanOrEqual(3);
        lock.assertHeld();
      },
      { staleMs: 2000, fs },
    );
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('holds many locks at once with a single exit listener, and none once all are released', async () => {
    const before = process.listenerCount('exit');
    const files = await Promise.all(Array.from({ length: 12 }, (_, i) => tokenFile(`token-${i}.ini`)));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const all = Promise.all(files.map((f) => withFileLock(f, () => gate)));
    const deadline = Date.now() + 5000;
    while (
      !(await Promise.all(files.map((f) => exists(`${f}.lock`)))).every(Boolean) &&
      Date.now() < deadline
    )
      await sleep(10);
    const during = process.listenerCount('exit');
    open();
    await all;
    expect(during).toBe(before + 1);
    expect(process.listenerCount('exit')).toBe(before);
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
