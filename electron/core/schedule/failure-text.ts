/** A scheduler's failure in the admin's words, for the CLI and the app alike: which tool, what it answered. */
import { formatLocalized } from '../i18n.js';
import type { Localized } from '../i18n.js';
import { ScheduleToolError } from './backend.js';
import { SCHEDULE_FAILURES } from './messages.js';
import { NoSchedulerError } from './scheduler.js';

/** The text of a scheduler failure; undefined for anything else (a bug, to be thrown on). */
export function scheduleFailureText(error: unknown): Localized | undefined {
  if (error instanceof NoSchedulerError) return error.text;
  if (!(error instanceof ScheduleToolError)) return undefined;
  const { result } = error;
  const output = (result.stderr.trim() || result.stdout.trim())
    .split(/\r?\n/)
    .slice(0, 5)
    .join(' / ')
    .slice(0, 500);
  const status =
    result.code === null
      ? formatLocalized(SCHEDULE_FAILURES.notRun, { reason: result.error ?? '' })
      : formatLocalized(SCHEDULE_FAILURES.exit, { code: result.code });
  const line = (lang: 'ja' | 'en'): string =>
    formatLocalized(SCHEDULE_FAILURES.tool, { tool: error.tool, status: status[lang], output })[lang] +
    (error.hint === undefined ? '' : `\n${error.hint[lang]}`);
  return { ja: line('ja'), en: line('en') };
}
