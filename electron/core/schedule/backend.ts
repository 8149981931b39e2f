/**
 * One OS scheduler behind one interface: Windows Task Scheduler, a macOS LaunchAgent, a systemd user timer, or
 * the account's crontab. Each writes its own artifact, asks its own tool, and reports what the OS knows of the
 * schedule's runs; the scheduler (scheduler.ts) picks the one for this machine.
 */
import type { Localized } from '../i18n.js';
import type { CommandResult, CommandRunner } from '../command-runner.js';
import type { ScheduleSpec } from './schedule-spec.js';

/** The OS schedulers we drive. */
export const BACKEND_KINDS = ['windows-task', 'launchd', 'systemd', 'cron'] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

/** What the OS knows about a schedule. */
export interface OsScheduleState {
  /** The artifact is registered (task, loaded agent, enabled timer, crontab line). */
  installed: boolean;
  /** When it runs next (ISO), where the OS says. */
  nextRun?: string;
  /** When it last started (ISO) and how that run ended, where the OS records it. */
  lastRun?: { at?: string; exitCode?: number };
  /** The OS's own words for its state (`Ready`, `active`, `running`…). */
  state?: string;
}

/** Something the admin should know about a schedule just made or found (lingering off, S4U limits…). */
export type ScheduleNote = Localized;

/** What installing did. */
export interface InstallResult {
  /** Where the artifact lives (a file, or the task's path in Task Scheduler). */
  location: string;
  notes: ScheduleNote[];
}

/** One OS scheduler. */
export interface ScheduleBackend {
  readonly kind: BackendKind;
  /** The artifacts for a spec, as written (for tests, and for the admin who wants to see them). */
  render(spec: ScheduleSpec): Record<string, string>;
  /** Creates the schedule, replacing one with the same id. Throws {@link ScheduleToolError}. */
  install(spec: ScheduleSpec): Promise<InstallResult>;
  /** Removes it; false when there was nothing to remove. Throws {@link ScheduleToolError}. */
  uninstall(id: string): Promise<boolean>;
  /** What the OS knows of it. */
  inspect(id: string, spec?: StoredSchedule): Promise<OsScheduleState>;
}

/** What the scheduler remembers of a schedule it made (schedules.json), beside the OS's own artifact. */
export interface StoredSchedule {
  id: string;
  backend: BackendKind;
  targets: string[];
  everyDays: number;
  /** `HH:MM`, local. */
  at: string;
  loggedOut: boolean;
  program: string;
  args: string[];
  /** Where the artifact was written. */
  location: string;
  createdAt: string;
}

/** An OS tool refused or could not be run: which one, and its own answer (never anything secret). */
export class ScheduleToolError extends Error {
  override readonly name = 'ScheduleToolError';

  constructor(
    /** The tool and its subcommand as the admin would type it (`schtasks /Create`, `launchctl bootstrap`). */
    readonly tool: string,
    readonly result: CommandResult,
    /** What to do about it, when we know more than the tool says. */
    readonly hint?: Localized,
  ) {
    super(`${tool} failed (${result.code === null ? (result.error ?? 'not run') : `exit ${result.code}`})`);
  }
}

/** Runs a tool and throws {@link ScheduleToolError} unless it exits 0. */
export async function runOrThrow(
  run: CommandRunner,
  tool: string,
  program: string,
  args: readonly string[],
  options?: Parameters<CommandRunner>[2],
): Promise<CommandResult> {
  const result = await run(program, args, options);
  if (result.code !== 0) throw new ScheduleToolError(tool, result);
  return result;
}
