/**
 * `rtw refresh --scheduled`: after refreshing, the run records itself (for `rtw schedule status`) and alerts
 * as configured with `rtw alert` (core/schedule/scheduled-run.ts). Whatever happens here is said on stderr and
 * never changes the refresh's exit code, which is what the OS scheduler records.
 */
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { finishScheduledRun } from '../../core/schedule/index.js';
import type { RefreshOutcome } from '../../core/upkeep/index.js';
import { printAlertReport } from '../shared/alert-report.js';
import { writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { alertDepsOf } from '../shared/machine.js';

const TEXT = {
  failed: {
    en: 'Could not record this run or send its alerts: {reason}',
    ja: 'この実行の記録、または通知の送信ができませんでした: {reason}',
  },
} as const satisfies Record<string, Localized>;

/** Records the run and sends its alerts. */
export async function finishScheduled(
  run: { targets: string[]; outcomes: RefreshOutcome[]; exitCode: number; lang: Lang },
  io: CliIo,
): Promise<void> {
  try {
    const report = await finishScheduledRun(run, alertDepsOf(io));
    if (report.alerts !== undefined) printAlertReport(report.alerts, io, run.lang);
  } catch (error) {
    // A file system error's code, not its message: nothing here may echo a setting back.
    const code = (error as { code?: unknown }).code;
    writeLine(
      io.stderr,
      format(TEXT.failed[run.lang], { reason: typeof code === 'string' ? code : 'error' }),
    );
  }
}
