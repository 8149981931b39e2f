/**
 * What a keep-alive schedule is, whatever the OS: the token files or folders it refreshes, how often, at what
 * time, whether it also runs while the account is signed out, and the command it runs (the installed app's
 * headless `refresh --scheduled`, or the CLI). Its id comes from the targets alone, so `rtw schedule add`,
 * `status` and `remove` on the same files find the same schedule, and a scheduled run finds its own record.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Lang } from '../i18n.js';

/** How often, in days: 1 (daily) to 30. A refresh token lives 90 days unused, so 30 still leaves two tries. */
export const MIN_EVERY_DAYS = 1;
export const MAX_EVERY_DAYS = 30;
/** Weekly: a failure leaves about a dozen more runs to notice it before the 90 days are up. */
export const DEFAULT_EVERY_DAYS = 7;
/** Off the hour, when fewer jobs start; local time. */
export const DEFAULT_AT = '03:17';

/** A time of day, local. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** A schedule to create. */
export interface ScheduleSpec {
  /** `rtw-<10 hex>`, from the targets: see {@link scheduleIdOf}. */
  id: string;
  /** Absolute paths of the token files and folders, as given. */
  targets: string[];
  everyDays: number;
  at: TimeOfDay;
  /** Also run while the account is signed out (Windows S4U; systemd lingering; macOS cannot, as an agent). */
  loggedOut: boolean;
  /** The program and every argument the schedule runs. */
  program: string;
  args: string[];
}

/**
 * The id of the schedule for these targets: the same files in any order give the same id (Windows compares
 * paths without case). Short enough for a task name, a launchd label and a unit name.
 */
export function scheduleIdOf(
  targets: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string {
  const normal = targets
    .map((t) => (platform === 'win32' ? path.win32.resolve(t).toLowerCase() : path.resolve(t)))
    .sort();
  const digest = createHash('sha256')
    .update(JSON.stringify([...new Set(normal)]), 'utf8')
    .digest('hex');
  return `rtw-${digest.slice(0, 10)}`;
}

/** `7d`, `1d`, `2w` (also a bare number of days) to days within range; undefined otherwise. */
export function parseEvery(value: string): number | undefined {
  const match = /^\s*(\d{1,3})\s*([dw]?)\s*$/i.exec(value);
  if (match === null) return undefined;
  const days = Number(match[1]) * (match[2]?.toLowerCase() === 'w' ? 7 : 1);
  return days >= MIN_EVERY_DAYS && days <= MAX_EVERY_DAYS ? days : undefined;
}

/** `HH:MM`, 24-hour, to a time of day; undefined otherwise. */
export function parseTimeOfDay(value: string): TimeOfDay | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match === null ? undefined : { hour: Number(match[1]), minute: Number(match[2]) };
}

/** `03:17`. */
export function timeText(at: TimeOfDay): string {
  return `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
}

/**
 * The arguments of the scheduled run, after the program and its fixed arguments: `refresh --scheduled` (which
 * records how the run went for `rtw schedule status` and sends the configured alerts), the language of its
 * messages and alerts, then the targets. `--` keeps a file named like an option a file.
 */
export function scheduledRefreshArgs(targets: readonly string[], lang: Lang): string[] {
  return ['refresh', '--scheduled', '--lang', lang, '--', ...targets];
}

/** A whole spec from what the admin chose and the command that runs this program again. */
export function scheduleSpecOf(options: {
  targets: readonly string[];
  /** The program and its fixed arguments: the installed app, or node and the CLI's script. */
  launcher: readonly string[];
  lang: Lang;
  everyDays?: number;
  at?: TimeOfDay;
  loggedOut?: boolean;
  platform?: NodeJS.Platform;
}): ScheduleSpec {
  const [program, ...fixed] = options.launcher;
  if (program === undefined) throw new Error('scheduleSpecOf: the launcher names no program');
  const targets = [...new Set(options.targets)];
  return {
    id: scheduleIdOf(targets, options.platform),
    targets,
    everyDays: options.everyDays ?? DEFAULT_EVERY_DAYS,
    at: options.at ?? (parseTimeOfDay(DEFAULT_AT) as TimeOfDay),
    loggedOut: options.loggedOut ?? false,
    program,
    args: [...fixed, ...scheduledRefreshArgs(targets, options.lang)],
  };
}

/**
 * Days of the month a schedule of `everyDays` runs on where the scheduler counts in calendar days (systemd,
 * launchd, cron): 1, 1+N, 1+2N… A new month starts again on the 1st, so two runs are at most N days apart.
 */
export function monthDaysOf(everyDays: number): number[] {
  const days: number[] = [];
  for (let day = 1; day <= 31; day += everyDays) days.push(day);
  return days;
}
