/**
 * One file's outcome, as the commands over many files (`refresh`, `rotate-secret`) print it: for people, a line on
 * stdout among the other files' lines and the explanation of a problem on stderr; as JSON, one `file` event.
 */
import { formatExplanation } from '../../core/diagnose/index.js';
import type { Explanation } from '../../core/diagnose/index.js';
import { format } from '../../core/i18n.js';
import type { Lang } from '../../core/i18n.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import { explanationJson } from './explanation-json.js';
import { writeLine } from './io.js';
import type { CliIo } from './io.js';

/** A file's problem for people: its line among the others (stdout), then what to do about it (stderr). */
export function printFileProblem(io: CliIo, line: string, explanation: Explanation, lang: Lang): void {
  writeLine(io.stdout, line);
  writeLine(io.stderr, formatExplanation(explanation, lang));
}

/** A file's outcome as a JSON `file` event, its explanation (if any) in the chosen language. */
export function fileEventJson(
  outcome: { status: string; explanation?: Explanation },
  lang: Lang,
): Record<string, unknown> {
  const { explanation, ...rest } = outcome;
  return {
    event: 'file',
    ...rest,
    ...(explanation === undefined ? {} : { explanation: explanationJson(explanation, lang) }),
  };
}

const BACKUP_FAILED = {
  en: 'Warning: the previous file could not be saved as {backup} ({reason}). The new token is in {file}.',
  ja: '警告: 以前のファイルを {backup} に保存できませんでした ({reason})。新しいトークンは {file} に保存されています。',
} as const;

/**
 * A file written without its `.bak` (a full disk, a folder in its place): the new token is in the file, and the
 * admin hears that the previous one was not kept (issue #15, item 5), on stderr beside the file's line.
 */
export function printBackupFailed(
  io: CliIo,
  outcome: { file: string; backupFailed?: { file: string; reason: string } },
  lang: Lang,
): void {
  if (outcome.backupFailed === undefined) return;
  writeLine(
    io.stderr,
    format(BACKUP_FAILED[lang], {
      file: outcome.file,
      backup: outcome.backupFailed.file,
      reason: outcome.backupFailed.reason,
    }),
  );
}

/**
 * The exit code of a run over many files: a failure's own code wins over "needs a sign-in" (`deadStatus`: a
 * refresh's `needs-reissue`, a rotation's `needs-sign-in`), which wins over 0.
 */
export function manyFilesExitCode(
  outcomes: readonly { status: string; code?: Parameters<typeof exitCodeFor>[0] }[],
  deadStatus: string,
): ExitCode {
  const failed = outcomes.find((o) => o.status === 'failed');
  if (failed?.code !== undefined) return exitCodeFor(failed.code);
  return outcomes.some((o) => o.status === deadStatus) ? EXIT.needsReissue : EXIT.ok;
}
