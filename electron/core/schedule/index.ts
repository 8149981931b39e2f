/**
 * Keep alive: the OS schedule that refreshes token files (Windows Task Scheduler, a macOS LaunchAgent, a
 * systemd user timer, or cron), what it runs, and the record each scheduled run leaves.
 */
export { BACKEND_KINDS, ScheduleToolError } from './backend.js';
export type { BackendKind, OsScheduleState, ScheduleNote, StoredSchedule } from './backend.js';
export { LINUX_HEADLESS_SWITCHES, appLauncher, cliLauncher } from './launcher.js';
export type { Launcher } from './launcher.js';
export { BACKEND_NAMES, SCHEDULE_FAILURES } from './messages.js';
export {
  DEFAULT_AT,
  DEFAULT_EVERY_DAYS,
  MAX_EVERY_DAYS,
  MIN_EVERY_DAYS,
  parseEvery,
  parseTimeOfDay,
  scheduleIdOf,
  scheduleSpecOf,
  timeText,
} from './schedule-spec.js';
export type { ScheduleSpec, TimeOfDay } from './schedule-spec.js';
export { openScheduleStore } from './schedule-store.js';
export type { RunRecord, ScheduleStore } from './schedule-store.js';
export { NoSchedulerError, createScheduler } from './scheduler.js';
export type { ScheduleStatus, Scheduler, SchedulerDeps } from './scheduler.js';
export { finishScheduledRun } from './scheduled-run.js';
export type { ScheduledRun, ScheduledRunReport } from './scheduled-run.js';
export { scheduleFailureText } from './failure-text.js';
