/**
 * Windows: a Task Scheduler task registered from a task definition (XML) with `schtasks /Create /XML`, in the
 * task folder `\Refresh Token Wizard\`.
 *
 * Why a definition rather than `schtasks /SC … /TR …`: the command line of /TR is capped at 261 characters and
 * needs cmd-style quoting, while the definition carries the program and its arguments as two XML strings; and
 * only the definition can say "start a missed run when the PC is back on", "keep running on battery" and
 * "run whether the user is signed in or not" without a stored password (S4U).
 * Schema: https://learn.microsoft.com/windows/win32/taskschd/task-scheduler-schema (checked structurally by
 * test/core/schedule/windows-task.test.ts; the XSD's licence could not be confirmed, so it is not copied here).
 *
 * S4U ("Do not store password"): the task runs as the account without its password, so it has "no access to
 * either the network or encrypted files" (the LogonType page of the schema). For us: token files on a network
 * share cannot be read, and DPAPI (Electron's safeStorage) cannot decrypt; the scheduled refresh needs neither
 * (the INI holds what it needs, alert settings are a plain owner-only file), so S4U is what "signed out" uses.
 *
 * Status comes from PowerShell's Get-ScheduledTaskInfo as JSON, not from `schtasks /Query /V`, whose labels and
 * dates are in the OS's language (a Japanese Windows prints Japanese labels).
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quoteWindowsArg } from '../upkeep/index.js';
import type { InstallResult, OsScheduleState, ScheduleBackend } from './backend.js';
import { ScheduleToolError, runOrThrow } from './backend.js';
import type { CommandRunner } from '../command-runner.js';
import { WINDOWS_NOTES } from './messages.js';
import type { ScheduleSpec } from './schedule-spec.js';
import { xmlText } from './xml-text.js';

/** The Task Scheduler folder our tasks live in. */
export const TASK_FOLDER = '\\Refresh Token Wizard\\';

/** The namespace of a task definition. */
export const TASK_NAMESPACE = 'http://schemas.microsoft.com/windows/2004/02/mit/task';

/** The schema's pathType: Command and WorkingDirectory are at most this long. */
export const TASK_PATH_MAX = 260;

/** Task Scheduler's "has not run yet" (SCHED_S_TASK_HAS_NOT_RUN, 0x41303), as LastTaskResult reports it. */
const HAS_NOT_RUN = 0x41303;
/** "Running" (SCHED_S_TASK_RUNNING, 0x41301). */
const RUNNING = 0x41301;

/** The task's full path. */
export function taskPathOf(id: string): string {
  return `${TASK_FOLDER}${id}`;
}

/** Local date and time without a zone, as the schema's StartBoundary takes it for "local time". */
function localDateTime(date: Date, hour: number, minute: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:${pad(minute)}:00`;
}

/** The task definition. `user` is `DOMAIN\name` of the account it runs as. */
export function taskXml(spec: ScheduleSpec, options: { user: string; now: Date }): string {
  if (spec.program.length > TASK_PATH_MAX)
    throw new Error(`The program path is longer than Task Scheduler's ${TASK_PATH_MAX} characters`);
  const args = spec.args.map((a) => (/^[\w.:\\/=-]+$/.test(a) ? a : quoteWindowsArg(a))).join(' ');
  const description = `Refresh Token Wizard: keeps the refresh tokens of these files alive / 次のファイルのリフレッシュ トークンを定期的に更新します: ${spec.targets.join(' ; ')}`;
  return [
    '<?xml version="1.0" encoding="UTF-16"?>',
    `<Task version="1.3" xmlns="${TASK_NAMESPACE}">`,
    '  <RegistrationInfo>',
    `    <URI>${xmlText(taskPathOf(spec.id))}</URI>`,
    '    <Author>Refresh Token Wizard</Author>',
    `    <Description>${xmlText(description)}</Description>`,
    '  </RegistrationInfo>',
    '  <Triggers>',
    '    <CalendarTrigger>',
    // Days are counted from the start date: today at the chosen time (a past time today simply waits N days).
    `      <StartBoundary>${localDateTime(options.now, spec.at.hour, spec.at.minute)}</StartBoundary>`,
    // Spreads many PCs set up with the same time over a quarter of an hour.
    '      <RandomDelay>PT15M</RandomDelay>',
    `      <ScheduleByDay><DaysInterval>${spec.everyDays}</DaysInterval></ScheduleByDay>`,
    '    </CalendarTrigger>',
    '  </Triggers>',
    '  <Principals>',
    '    <Principal id="Author">',
    `      <UserId>${xmlText(options.user)}</UserId>`,
    // InteractiveToken: only while the account is signed in. S4U: also signed out, without a stored password.
    `      <LogonType>${spec.loggedOut ? 'S4U' : 'InteractiveToken'}</LogonType>`,
    '      <RunLevel>LeastPrivilege</RunLevel>',
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    // The schema's defaults would skip every run on a laptop on battery.
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    // A PC that was off at the time runs the refresh when it is back, instead of skipping a turn.
    '    <StartWhenAvailable>true</StartWhenAvailable>',
    '    <RunOnlyIfNetworkAvailable>true</RunOnlyIfNetworkAvailable>',
    '    <ExecutionTimeLimit>PT1H</ExecutionTimeLimit>',
    '    <Enabled>true</Enabled>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${xmlText(spec.program)}</Command>`,
    `      <Arguments>${xmlText(args)}</Arguments>`,
    '    </Exec>',
    '  </Actions>',
    '</Task>',
    '',
  ].join('\r\n');
}

/** UTF-16 LE with a byte order mark: how Task Scheduler itself exports definitions. */
export function utf16WithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** The PowerShell that prints the task's run record as one JSON object (times in UTC, ISO 8601). */
function taskInfoScript(id: string): string {
  // The id is ours (rtw-<hex>): nothing in it needs quoting beyond the single quotes.
  const where = `-TaskPath '${TASK_FOLDER}' -TaskName '${id}'`;
  return [
    "$ErrorActionPreference = 'Stop'",
    `$t = Get-ScheduledTask ${where}`,
    `$i = Get-ScheduledTaskInfo ${where}`,
    "function iso($d) { if ($d -and $d.Year -gt 2000) { $d.ToUniversalTime().ToString('o') } }",
    '[pscustomobject]@{ State = [string]$t.State; LastRunTime = (iso $i.LastRunTime); LastTaskResult = $i.LastTaskResult; NextRunTime = (iso $i.NextRunTime) } | ConvertTo-Json -Compress',
  ].join('; ');
}

/** The run record PowerShell printed. */
export function parseTaskInfo(json: string): Omit<OsScheduleState, 'installed'> {
  let info: { State?: unknown; LastRunTime?: unknown; LastTaskResult?: unknown; NextRunTime?: unknown };
  try {
    info = JSON.parse(json.trim()) as typeof info;
  } catch {
    return {};
  }
  const time = (value: unknown): string | undefined => {
    if (typeof value !== 'string' || value === '') return undefined;
    // Windows PowerShell 5.1 writes dates as "/Date(ms)/" when they are not strings already.
    const ms = /^\/Date\((-?\d+)\)\/$/.exec(value)?.[1];
    const date = ms === undefined ? new Date(value) : new Date(Number(ms));
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  };
  const result = typeof info.LastTaskResult === 'number' ? info.LastTaskResult : undefined;
  const lastAt = time(info.LastRunTime);
  const state: Omit<OsScheduleState, 'installed'> = {};
  if (typeof info.State === 'string' && info.State !== '') state.state = info.State;
  const next = time(info.NextRunTime);
  if (next !== undefined) state.nextRun = next;
  if (lastAt !== undefined && result !== HAS_NOT_RUN)
    state.lastRun = {
      at: lastAt,
      ...(result === undefined || result === RUNNING ? {} : { exitCode: result }),
    };
  return state;
}

/** What the Windows backend needs. */
export interface WindowsTaskDeps {
  run: CommandRunner;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Where the definition is written for schtasks to read (default: the OS temp folder). */
  tempDir?: string;
}

/** The account the task runs as: this one. */
function currentUser(env: NodeJS.ProcessEnv): string {
  const name = env.USERNAME ?? '';
  const domain = env.USERDOMAIN ?? '';
  return domain === '' ? name : `${domain}\\${name}`;
}

/** Task Scheduler, through schtasks.exe and PowerShell. */
export function windowsTaskBackend(deps: WindowsTaskDeps): ScheduleBackend {
  const render = (spec: ScheduleSpec): Record<string, string> => ({
    [`${spec.id}.xml`]: taskXml(spec, { user: currentUser(deps.env), now: deps.now() }),
  });
  return {
    kind: 'windows-task',
    render,
    async install(spec): Promise<InstallResult> {
      const [[name, xml] = ['', '']] = Object.entries(render(spec));
      const file = path.join(deps.tempDir ?? tmpdir(), `${randomBytes(6).toString('hex')}-${name}`);
      await fsp.writeFile(file, utf16WithBom(xml), { mode: 0o600 });
      try {
        const result = await deps.run('schtasks.exe', [
          '/Create',
          '/TN',
          taskPathOf(spec.id),
          '/XML',
          file,
          '/F',
        ]);
        if (result.code !== 0)
          throw new ScheduleToolError(
            'schtasks /Create',
            result,
            spec.loggedOut ? WINDOWS_NOTES.s4uRefused : undefined,
          );
      } finally {
        await fsp.rm(file, { force: true });
      }
      return {
        location: taskPathOf(spec.id),
        notes: spec.loggedOut ? [WINDOWS_NOTES.s4u] : [WINDOWS_NOTES.signedInOnly],
      };
    },
    async uninstall(id) {
      if (!(await exists(id))) return false;
      await runOrThrow(deps.run, 'schtasks /Delete', 'schtasks.exe', [
        '/Delete',
        '/TN',
        taskPathOf(id),
        '/F',
      ]);
      return true;
    },
    async inspect(id) {
      if (!(await exists(id))) return { installed: false };
      const info = await deps.run('powershell.exe', [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        taskInfoScript(id),
      ]);
      return { installed: true, ...(info.code === 0 ? parseTaskInfo(info.stdout) : {}) };
    },
  };

  async function exists(id: string): Promise<boolean> {
    const result = await deps.run('schtasks.exe', ['/Query', '/TN', taskPathOf(id), '/XML']);
    if (result.code === 0) return true;
    if (result.code === null) throw new ScheduleToolError('schtasks /Query', result);
    // Not found is exit 1 ("ERROR: The system cannot find the file specified."); other failures say more.
    return false;
  }
}
