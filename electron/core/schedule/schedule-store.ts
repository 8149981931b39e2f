/**
 * What the product remembers of its schedules, in `schedules.json` in the app's data folder (beside the mailbox
 * registry): each schedule as it was made (targets, interval, OS scheduler, command), and how its last run went,
 * written by that run itself (`rtw refresh --scheduled`). The OS's own record says whether the program started
 * and its exit code; this one says what the run did (how many files refreshed, failed), also where the OS keeps
 * nothing (cron). Owner-only, replaced atomically, locked for each read–modify–write (a run and the window may
 * write at once).
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWriteFile, withFileLock } from '../token-file/index.js';
import { BACKEND_KINDS } from './backend.js';
import type { StoredSchedule } from './backend.js';

export const SCHEDULES_FILE_NAME = 'schedules.json';

/** How a scheduled run went, as it recorded itself. */
export interface RunRecord {
  /** When it finished (ISO). */
  at: string;
  exitCode: number;
  total: number;
  refreshed: number;
  needsReissue: number;
  failed: number;
}

const storedSchema = z.object({
  id: z.string(),
  backend: z.enum(BACKEND_KINDS),
  targets: z.array(z.string()),
  everyDays: z.number().int(),
  at: z.string(),
  loggedOut: z.boolean(),
  program: z.string(),
  args: z.array(z.string()),
  location: z.string(),
  createdAt: z.string(),
});
const runSchema = z.object({
  at: z.string(),
  exitCode: z.number().int(),
  total: z.number().int(),
  refreshed: z.number().int(),
  needsReissue: z.number().int(),
  failed: z.number().int(),
});
const fileSchema = z.object({
  version: z.literal(1),
  schedules: z.record(z.string(), storedSchema),
  runs: z.record(z.string(), runSchema),
});
type StoreData = z.infer<typeof fileSchema>;

/** The schedules file of one data folder. */
export interface ScheduleStore {
  readonly file: string;
  get(id: string): Promise<StoredSchedule | undefined>;
  put(schedule: StoredSchedule): Promise<void>;
  /** Forgets a schedule and its run record. */
  delete(id: string): Promise<void>;
  recordRun(id: string, run: RunRecord): Promise<void>;
  lastRun(id: string): Promise<RunRecord | undefined>;
}

/** Opens (lazily) the store in `dir`. */
export function openScheduleStore(dir: string): ScheduleStore {
  const file = path.join(dir, SCHEDULES_FILE_NAME);
  const read = async (): Promise<StoreData> => {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, schedules: {}, runs: {} };
      throw error;
    }
    // A damaged file loses only the memory of schedules: the OS's artifacts stay and are found again by id.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { version: 1, schedules: {}, runs: {} };
    }
    const parsed = fileSchema.safeParse(json);
    return parsed.success ? parsed.data : { version: 1, schedules: {}, runs: {} };
  };
  const update = async (change: (data: StoreData) => void): Promise<void> => {
    await fsp.mkdir(dir, { recursive: true });
    await withFileLock(
      file,
      async (lock) => {
        const data = await read();
        change(data);
        lock.assertHeld();
        await atomicWriteFile(file, Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'), {
          backup: false,
        });
      },
      { waitMs: 10_000 },
    );
  };
  return {
    file,
    get: async (id) => (await read()).schedules[id],
    put: (schedule) =>
      update((data) => {
        data.schedules[schedule.id] = schedule;
      }),
    delete: (id) =>
      update((data) => {
        delete data.schedules[id];
        delete data.runs[id];
      }),
    recordRun: (id, run) =>
      update((data) => {
        data.runs[id] = run;
      }),
    lastRun: async (id) => (await read()).runs[id],
  };
}
