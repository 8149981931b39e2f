/**
 * A clock for tests (electron/core/oauth/clock.ts's interface): time moves only when the test says so. Sleeps
 * wait until `advance` passes their end; an aborted sleep rejects with the signal's reason, as the real one does.
 */
import type { Clock } from '../../electron/core/oauth/clock.js';

interface Sleeper {
  until: number;
  resolve: () => void;
}

export interface FakeClock extends Clock {
  /** Moves time forward, waking every sleep due by then in order, and lets their continuations run. */
  advance(ms: number): Promise<void>;
  /** Sleeps waiting now (to wait for a flow to reach its next wait). */
  readonly pending: number;
  /** Resolves once at least `count` sleeps are waiting (the flow has reached a wait). */
  waitForSleepers(count?: number): Promise<void>;
}

/** The reason an aborted sleep rejects with: the signal's own, as AbortSignal-aware timers do. */
function reasonOf(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
}

/** Lets promise continuations and I/O callbacks already queued run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function fakeClock(start = Date.parse('2026-12-06T00:00:00Z')): FakeClock {
  let now = start;
  let sleepers: Sleeper[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const notify = (): void => {
    for (const w of [...waiters])
      if (sleepers.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted === true) {
          reject(reasonOf(signal));
          return;
        }
        const sleeper: Sleeper = { until: now + ms, resolve };
        sleepers.push(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            sleepers = sleepers.filter((s) => s !== sleeper);
            reject(reasonOf(signal));
          },
          { once: true },
        );
        notify();
      });
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        await settle();
        const due = sleepers.filter((s) => s.until <= end).sort((a, b) => a.until - b.until)[0];
        if (due === undefined) break;
        now = Math.max(now, due.until);
        sleepers = sleepers.filter((s) => s !== due);
        due.resolve();
      }
      now = end;
      await settle();
    },
    get pending() {
      return sleepers.length;
    },
    waitForSleepers(count = 1) {
      return new Promise<void>((resolve) => {
        waiters.push({ count, resolve });
        notify();
      });
    },
  };
}
