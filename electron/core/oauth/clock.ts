/**
 * Time, injected: flows that wait (device code polling, sign-in timeouts, countdowns) take it from here, so tests
 * drive it with fake timers instead of sleeping, and production uses the real one.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    try {
      await delay(ms, undefined, signal === undefined ? {} : { signal });
    } catch (error) {
      // Node rejects with an AbortError; the caller wants the reason it gave the signal.
      if (signal?.aborted === true) throw signal.reason;
      throw error;
    }
  },
};

/** Calls `tick` every `ms` of the clock's time until `signal` aborts (a countdown's heartbeat). */
export function every(clock: Clock, ms: number, signal: AbortSignal, tick: () => void): void {
  void (async () => {
    for (;;) {
      try {
        await clock.sleep(ms, signal);
      } catch {
        return;
      }
      tick();
    }
  })();
}
