/**
 * What a scheduled refresh does once the files are refreshed (`rtw refresh --scheduled`, which every schedule
 * runs): it records how it went for `rtw schedule status` and the Keep alive panel, then alerts — a failure,
 * a token within 14 days of its limit, a client secret within 30 days of its recorded expiry — through the
 * channels of alerts.json. Neither changes the run's exit code: that is the refresh's, for the OS to record.
 */
import path from 'node:path';
import {
  hasAlertChannel,
  loadAlertSettings,
  runFailedProblem,
  runProblems,
  sendAlerts,
} from '../alerts/index.js';
import type { AlertDeps, AlertReport } from '../alerts/index.js';
import type { Lang } from '../i18n.js';
import { readTokenHealth } from '../upkeep/index.js';
import type { RefreshOutcome, TokenHealth } from '../upkeep/index.js';
import { scheduleIdOf } from './schedule-spec.js';
import { openScheduleStore } from './schedule-store.js';

/** A finished scheduled run. */
export interface ScheduledRun {
  /** The files and folders it was given (absolute): they name the schedule. */
  targets: readonly string[];
  outcomes: readonly RefreshOutcome[];
  exitCode: number;
  lang: Lang;
}

/** What recording and alerting did. */
export interface ScheduledRunReport {
  scheduleId: string;
  /** Undefined when no alert channel is configured. */
  alerts?: AlertReport;
}

/** Records the run and sends its alerts. */
export async function finishScheduledRun(run: ScheduledRun, deps: AlertDeps): Promise<ScheduledRunReport> {
  const scheduleId = scheduleIdOf(run.targets, deps.platform);
  const count = (status: RefreshOutcome['status']): number =>
    run.outcomes.filter((o) => o.status === status).length;
  await openScheduleStore(deps.dataDir).recordRun(scheduleId, {
    at: deps.now().toISOString(),
    exitCode: run.exitCode,
    total: run.outcomes.length,
    refreshed: count('refreshed'),
    needsReissue: count('needs-reissue'),
    failed: count('failed'),
  });

  const settings = await loadAlertSettings(deps.dataDir);
  if (!hasAlertChannel(settings)) return { scheduleId };
  const healths: TokenHealth[] = [];
  for (const outcome of run.outcomes) {
    try {
      healths.push(await readTokenHealth(outcome.file, deps.now));
    } catch {
      // Unreadable: the refresh outcome already says so.
    }
  }
  const problems =
    run.outcomes.length === 0 && run.exitCode !== 0
      ? [runFailedProblem(run.targets, run.exitCode, path.join(deps.dataDir, 'logs'))]
      : runProblems(run.outcomes, healths);
  const mailCandidates = run.outcomes.filter((o) => o.status === 'refreshed').map((o) => o.file);
  const alerts = await sendAlerts(problems, settings, { lang: run.lang, mailCandidates }, deps);
  return { scheduleId, alerts };
}
