/**
 * One alert per problem per day, not one per run: `alert-state.json` (beside the settings) remembers, per channel
 * and problem key, the local day it was last delivered. A channel that failed records nothing, so the next run
 * tries it again; the others are not repeated. Entries older than a week are dropped.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWriteFile, withFileLock } from '../token-file/index.js';

export const ALERT_STATE_FILE = 'alert-state.json';

const stateSchema = z.object({ version: z.literal(1), sent: z.record(z.string(), z.string()) });
type State = z.infer<typeof stateSchema>;

/** The local calendar day of `date`, `YYYY-MM-DD`: "today" as the admin counts it. */
export function localDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const KEEP_DAYS = 7;

/** The delivery memory of one data folder. */
export interface AlertState {
  /** Of `keys`, those not yet delivered on `channel` today. */
  unsent(channel: string, keys: readonly string[], now: Date): Promise<Set<string>>;
  /** Records `keys` as delivered on `channel` today. */
  markSent(channel: string, keys: readonly string[], now: Date): Promise<void>;
}

/** Opens the state in `dir`. */
export function openAlertState(dir: string): AlertState {
  const file = path.join(dir, ALERT_STATE_FILE);
  const read = async (): Promise<State> => {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(await fsp.readFile(file, 'utf8')));
      return parsed.success ? parsed.data : { version: 1, sent: {} };
    } catch {
      // Missing or damaged: at worst an alert is sent once more today.
      return { version: 1, sent: {} };
    }
  };
  const entry = (channel: string, key: string): string => `${channel}|${key}`;
  return {
    async unsent(channel, keys, now) {
      const { sent } = await read();
      const today = localDay(now);
      return new Set(keys.filter((key) => sent[entry(channel, key)] !== today));
    },
    async markSent(channel, keys, now) {
      if (keys.length === 0) return;
      await fsp.mkdir(dir, { recursive: true });
      await withFileLock(
        file,
        async (lock) => {
          const state = await read();
          const today = localDay(now);
          const oldest = localDay(new Date(now.getTime() - KEEP_DAYS * 86_400_000));
          for (const [k, day] of Object.entries(state.sent)) if (day < oldest) delete state.sent[k];
          for (const key of keys) state.sent[entry(channel, key)] = today;
          lock.assertHeld();
          await atomicWriteFile(file, Buffer.from(`${JSON.stringify(state, null, 2)}\n`, 'utf8'), {
            backup: false,
          });
        },
        { waitMs: 10_000 },
      );
    },
  };
}
