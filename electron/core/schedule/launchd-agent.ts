/**
 * macOS: a LaunchAgent, `~/Library/LaunchAgents/<label>.plist`, loaded into the account's GUI domain with
 * `launchctl bootstrap gui/<uid>` and removed with `launchctl bootout` (launchctl(1)).
 *
 * `StartCalendarInterval` works like cron, except that a time missed during sleep runs once at wake ("events will
 * be coalesced into one event upon wake from sleep", launchd.plist(5)). An agent runs only while the account has
 * a GUI session; with nobody logged in it would have to be a LaunchDaemon, which needs root: not done here.
 * `launchctl print` tells whether it is loaded, how often it ran and its last exit code; launchd does not say
 * when it last ran (the scheduled run's own record does, run-record.ts).
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type { InstallResult, OsScheduleState, ScheduleBackend } from './backend.js';
import { runOrThrow } from './backend.js';
import type { CommandRunner } from '../command-runner.js';
import { LAUNCHD_NOTES } from './messages.js';
import { monthDaysOf } from './schedule-spec.js';
import type { ScheduleSpec } from './schedule-spec.js';
import { xmlText } from './xml-text.js';

/** The labels of our agents: reverse DNS of the app id, then the schedule id. */
export function launchdLabelOf(id: string): string {
  return `jp.refresh-token-wizard.${id}`;
}

/** Where the agents' output goes (launchd writes it; the app writes its own log too). */
export function launchdLogDir(home: string): string {
  return path.posix.join(home, 'Library', 'Logs', 'Refresh Token Wizard');
}

type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

function plistValue(value: PlistValue, indent: string): string[] {
  if (typeof value === 'string') return [`${indent}<string>${xmlText(value)}</string>`];
  if (typeof value === 'number') return [`${indent}<integer>${value}</integer>`];
  if (typeof value === 'boolean') return [`${indent}<${String(value)}/>`];
  if (Array.isArray(value))
    return [`${indent}<array>`, ...value.flatMap((v) => plistValue(v, `${indent}  `)), `${indent}</array>`];
  return [
    `${indent}<dict>`,
    ...Object.entries(value).flatMap(([k, v]) => [
      `${indent}  <key>${xmlText(k)}</key>`,
      ...plistValue(v, `${indent}  `),
    ]),
    `${indent}</dict>`,
  ];
}

/** The calendar of a spec: daily, weekly on Mondays, or every N days from the 1st of each month. */
function calendarOf(spec: ScheduleSpec): PlistValue {
  const time = { Hour: spec.at.hour, Minute: spec.at.minute };
  if (spec.everyDays === 1) return time;
  // Weekday 1 is Monday (0 and 7 are Sunday).
  if (spec.everyDays === 7) return { Weekday: 1, ...time };
  return monthDaysOf(spec.everyDays).map((Day) => ({ Day, ...time }));
}

/** The agent's property list (XML format, as `plutil -convert xml1` writes it). */
export function agentPlist(spec: ScheduleSpec, home: string): string {
  const log = path.posix.join(launchdLogDir(home), `${spec.id}.log`);
  const agent: Record<string, PlistValue> = {
    Label: launchdLabelOf(spec.id),
    ProgramArguments: [spec.program, ...spec.args],
    StartCalendarInterval: calendarOf(spec),
    // Background work: launchd may delay it a little to save energy, and it never takes the foreground.
    ProcessType: 'Background',
    StandardOutPath: log,
    StandardErrorPath: log,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...plistValue(agent, ''),
    '</plist>',
    '',
  ].join('\n');
}

/** The fields of `launchctl print` we read (macOS 10.10+; older ones said `last exit status`). */
export function parseLaunchctlPrint(output: string): Omit<OsScheduleState, 'installed'> {
  const field = (name: string): string | undefined =>
    new RegExp(`^\\s*${name}\\s*=\\s*(.+?)\\s*$`, 'm').exec(output)?.[1];
  const state: Omit<OsScheduleState, 'installed'> = {};
  const running = field('state');
  if (running !== undefined) state.state = running;
  const exit = field('last exit code') ?? field('last exit status');
  if (exit !== undefined && /^-?\d+$/.test(exit)) state.lastRun = { exitCode: Number(exit) };
  return state;
}

/** What the launchd backend needs. */
export interface LaunchdDeps {
  run: CommandRunner;
  home: string;
  uid: number;
}

/** A LaunchAgent, through launchctl. */
export function launchdBackend(deps: LaunchdDeps): ScheduleBackend {
  const domain = `gui/${deps.uid}`;
  const plistPath = (id: string): string =>
    path.posix.join(deps.home, 'Library', 'LaunchAgents', `${launchdLabelOf(id)}.plist`);
  const loaded = async (id: string): Promise<{ yes: boolean; output: string }> => {
    const result = await deps.run('launchctl', ['print', `${domain}/${launchdLabelOf(id)}`]);
    return { yes: result.code === 0, output: result.stdout };
  };
  return {
    kind: 'launchd',
    render: (spec) => ({ [`${launchdLabelOf(spec.id)}.plist`]: agentPlist(spec, deps.home) }),
    async install(spec): Promise<InstallResult> {
      const file = plistPath(spec.id);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      await fsp.mkdir(launchdLogDir(deps.home), { recursive: true });
      // launchd refuses an agent file that others can write.
      await fsp.writeFile(file, agentPlist(spec, deps.home), { mode: 0o644 });
      // Replacing: a loaded agent must be booted out first, or bootstrap fails (service already loaded).
      if ((await loaded(spec.id)).yes)
        await runOrThrow(deps.run, 'launchctl bootout', 'launchctl', [
          'bootout',
          `${domain}/${launchdLabelOf(spec.id)}`,
        ]);
      await runOrThrow(deps.run, 'launchctl bootstrap', 'launchctl', ['bootstrap', domain, file]);
      return {
        location: file,
        notes: spec.loggedOut
          ? [LAUNCHD_NOTES.agent, LAUNCHD_NOTES.loggedOutUnsupported]
          : [LAUNCHD_NOTES.agent],
      };
    },
    async uninstall(id) {
      const file = plistPath(id);
      let removed = false;
      if ((await loaded(id)).yes) {
        await runOrThrow(deps.run, 'launchctl bootout', 'launchctl', [
          'bootout',
          `${domain}/${launchdLabelOf(id)}`,
        ]);
        removed = true;
      }
      try {
        await fsp.unlink(file);
        removed = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      return removed;
    },
    async inspect(id) {
      const { yes, output } = await loaded(id);
      return yes ? { installed: true, ...parseLaunchctlPrint(output) } : { installed: false };
    },
  };
}
