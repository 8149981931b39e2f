/**
 * Linux (and other Unix) without a systemd user manager: a line in the account's crontab, marked with a comment
 * naming the schedule so it can be found and removed again, read with `crontab -l` and written with `crontab -`
 * (the whole table through standard input; every other line kept as it was).
 *
 * cron keeps no record of runs and skips times the machine was off; the scheduled run's own record
 * (run-record.ts) is what status shows, and its output goes to a log file, not to mail.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { quotePosixArg } from '../upkeep/index.js';
import type { InstallResult, ScheduleBackend } from './backend.js';
import { ScheduleToolError, runOrThrow } from './backend.js';
import type { CommandRunner } from '../command-runner.js';
import { CRON_NOTES } from './messages.js';
import type { ScheduleSpec } from './schedule-spec.js';

/** The comment line above ours. */
export function cronMarkerOf(id: string): string {
  return `# Refresh Token Wizard ${id} (rtw schedule remove deletes this line and the next)`;
}

/** The crontab fields of a spec: daily, weekly on Mondays, or every N days from the 1st of each month. */
export function cronTimeOf(spec: Pick<ScheduleSpec, 'everyDays' | 'at'>): string {
  const { hour, minute } = spec.at;
  if (spec.everyDays === 1) return `${minute} ${hour} * * *`;
  if (spec.everyDays === 7) return `${minute} ${hour} * * 1`;
  return `${minute} ${hour} */${spec.everyDays} * *`;
}

/** The two lines of a spec; the run's output is appended to `log`. */
export function cronLines(spec: ScheduleSpec, log: string): string[] {
  // cron turns an unescaped % into a line break even inside quotes, and removes the backslash before running it.
  const command = [spec.program, ...spec.args].map(quotePosixArg).join(' ').replace(/%/g, '\\%');
  const output = `>> ${quotePosixArg(log).replace(/%/g, '\\%')} 2>&1`;
  return [cronMarkerOf(spec.id), `${cronTimeOf(spec)} ${command} ${output}`];
}

/** The table without the lines of `id`. */
export function withoutSchedule(table: string, id: string): { table: string; found: boolean } {
  const lines = table.split('\n');
  const marker = cronMarkerOf(id);
  const at = lines.indexOf(marker);
  if (at < 0) return { table, found: false };
  lines.splice(at, 2);
  return { table: lines.join('\n'), found: true };
}

/** What the cron backend needs. */
export interface CronDeps {
  run: CommandRunner;
  /** Where the runs' output goes (the app's data folder). */
  logDir: string;
}

/** The account's crontab. */
export function cronBackend(deps: CronDeps): ScheduleBackend {
  const read = async (): Promise<string> => {
    const result = await deps.run('crontab', ['-l'], { env: { ...process.env, LC_ALL: 'C' } });
    if (result.code === 0) return result.stdout;
    // "no crontab for <user>" is an empty table, not a failure.
    if (result.code === 1 && /no crontab/i.test(result.stderr)) return '';
    throw new ScheduleToolError('crontab -l', result);
  };
  const write = (table: string) =>
    runOrThrow(deps.run, 'crontab -', 'crontab', ['-'], {
      input: table === '' || table.endsWith('\n') ? table : `${table}\n`,
    });
  const logOf = (id: string): string => path.join(deps.logDir, `${id}.log`);
  return {
    kind: 'cron',
    render: (spec) => ({ crontab: `${cronLines(spec, logOf(spec.id)).join('\n')}\n` }),
    async install(spec): Promise<InstallResult> {
      await fsp.mkdir(deps.logDir, { recursive: true });
      const { table } = withoutSchedule(await read(), spec.id);
      const kept = table.replace(/\n*$/, '');
      await write([...(kept === '' ? [] : [kept]), ...cronLines(spec, logOf(spec.id))].join('\n'));
      return { location: 'crontab', notes: [CRON_NOTES.noCatchUp] };
    },
    async uninstall(id) {
      const { table, found } = withoutSchedule(await read(), id);
      if (found) await write(table);
      return found;
    },
    async inspect(id) {
      const table = await read();
      return { installed: table.split('\n').includes(cronMarkerOf(id)) };
    },
  };
}
