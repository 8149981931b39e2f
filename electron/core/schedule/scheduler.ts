/**
 * Keep alive: create, inspect and remove the schedule that refreshes a set of token files, with this OS's own
 * scheduler and nothing else (Windows Task Scheduler, a macOS LaunchAgent, a systemd user timer, or cron where
 * Linux has no systemd user manager). The same for the CLI (`rtw schedule`) and the app (the Keep alive panel).
 * Every side effect (the OS tools, the clock) is injected, so tests run this logic for real.
 */
import path from 'node:path';
import type { Localized } from '../i18n.js';
import { SCHEDULE_FAILURES } from './messages.js';
import type {
  BackendKind,
  OsScheduleState,
  ScheduleBackend,
  ScheduleNote,
  StoredSchedule,
} from './backend.js';
import type { CommandRunner } from '../command-runner.js';
import { cronBackend } from './cron-entry.js';
import { launchdBackend } from './launchd-agent.js';
import { scheduleIdOf, timeText } from './schedule-spec.js';
import type { ScheduleSpec } from './schedule-spec.js';
import { openScheduleStore } from './schedule-store.js';
import type { RunRecord } from './schedule-store.js';
import { systemdBackend, systemdUserAvailable } from './systemd-timer.js';
import { windowsTaskBackend } from './windows-task.js';

/** Everything known about one schedule. */
export interface ScheduleStatus {
  id: string;
  /** The OS scheduler it lives in (or would, for one not made yet). */
  backend: BackendKind;
  /** Registered with the OS. */
  installed: boolean;
  /** As it was made, when this product made it. */
  schedule?: StoredSchedule;
  /** What the OS knows: next run, last start and exit code, its state. */
  os: OsScheduleState;
  /** How the last scheduled run went, as it recorded itself. */
  lastRecorded?: RunRecord;
  notes: ScheduleNote[];
}

/** No scheduler can be used here (Linux without a systemd user manager and without cron). */
export class NoSchedulerError extends Error {
  override readonly name = 'NoSchedulerError';
  readonly text: Localized = SCHEDULE_FAILURES.noScheduler;

  constructor() {
    super('No systemd user manager and no crontab on this machine');
  }
}

/** What the scheduler needs from the machine. */
export interface SchedulerDeps {
  platform: NodeJS.Platform;
  run: CommandRunner;
  env: NodeJS.ProcessEnv;
  home: string;
  /** The account's name (lingering, the task's user comes from the environment). */
  user: string;
  /** POSIX uid, for launchd's gui domain. */
  uid: number;
  now: () => Date;
  /** The app's data folder: schedules.json, and the cron runs' logs. */
  dataDir: string;
}

/** The scheduler. */
export interface Scheduler {
  /** The OS scheduler a new schedule would use here. */
  backendKind(): Promise<BackendKind>;
  /** What would be written for `spec`, file name to content. */
  render(spec: ScheduleSpec): Promise<{ backend: BackendKind; files: Record<string, string> }>;
  /** Creates (or replaces) the schedule of `spec`. */
  add(spec: ScheduleSpec): Promise<ScheduleStatus>;
  /** Removes the schedule of these targets; false when there was none. */
  remove(targets: readonly string[]): Promise<boolean>;
  /** The schedule of these targets, made or not. */
  status(targets: readonly string[]): Promise<ScheduleStatus>;
}

/** The scheduler for this machine. */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const store = openScheduleStore(deps.dataDir);
  const backends = new Map<BackendKind, ScheduleBackend>();
  const backendOf = (kind: BackendKind): ScheduleBackend => {
    let backend = backends.get(kind);
    if (backend !== undefined) return backend;
    switch (kind) {
      case 'windows-task':
        backend = windowsTaskBackend({ run: deps.run, env: deps.env, now: deps.now });
        break;
      case 'launchd':
        backend = launchdBackend({ run: deps.run, home: deps.home, uid: deps.uid });
        break;
      case 'systemd':
        backend = systemdBackend({ run: deps.run, env: deps.env, home: deps.home, user: deps.user });
        break;
      case 'cron':
        backend = cronBackend({ run: deps.run, logDir: path.join(deps.dataDir, 'logs') });
        break;
    }
    backends.set(kind, backend);
    return backend;
  };

  let chosen: Promise<BackendKind> | undefined;
  const backendKind = (): Promise<BackendKind> => {
    chosen ??= (async (): Promise<BackendKind> => {
      if (deps.platform === 'win32') return 'windows-task';
      if (deps.platform === 'darwin') return 'launchd';
      if (await systemdUserAvailable(deps.run, deps.env)) return 'systemd';
      const cron = await deps.run('crontab', ['-l'], { env: { ...deps.env, LC_ALL: 'C' } });
      if (cron.code !== null) return 'cron';
      throw new NoSchedulerError();
    })();
    return chosen;
  };
  const idOf = (targets: readonly string[]): string => scheduleIdOf(targets, deps.platform);

  const status = async (id: string): Promise<ScheduleStatus> => {
    const schedule = await store.get(id);
    // A schedule stays with the scheduler it was made with, even if another one became available since.
    const kind = schedule?.backend ?? (await backendKind());
    const os = await backendOf(kind).inspect(id, schedule);
    const lastRecorded = await store.lastRun(id);
    return {
      id,
      backend: kind,
      installed: os.installed,
      ...(schedule === undefined ? {} : { schedule }),
      os,
      ...(lastRecorded === undefined ? {} : { lastRecorded }),
      notes: [],
    };
  };

  return {
    backendKind,
    async render(spec) {
      const backend = await backendKind();
      return { backend, files: backendOf(backend).render(spec) };
    },
    async add(spec) {
      const previous = await store.get(spec.id);
      const kind = await backendKind();
      // Made before with another scheduler (cron, before systemd was there): that one goes, or both would run.
      if (previous !== undefined && previous.backend !== kind)
        await backendOf(previous.backend).uninstall(spec.id);
      const installed = await backendOf(kind).install(spec);
      await store.put({
        id: spec.id,
        backend: kind,
        targets: spec.targets,
        everyDays: spec.everyDays,
        at: timeText(spec.at),
        loggedOut: spec.loggedOut,
        program: spec.program,
        args: spec.args,
        location: installed.location,
        createdAt: deps.now().toISOString(),
      });
      return { ...(await status(spec.id)), notes: installed.notes };
    },
    async remove(targets) {
      const id = idOf(targets);
      const schedule = await store.get(id);
      const kind = schedule?.backend ?? (await backendKind());
      const removed = await backendOf(kind).uninstall(id);
      await store.delete(id);
      return removed || schedule !== undefined;
    },
    status: (targets) => status(idOf(targets)),
  };
}
