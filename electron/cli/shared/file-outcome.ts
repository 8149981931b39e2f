/**
 * One file's outcome, as the commands over many files (`refresh`, `rotate-secret`) print it: for people, a line on
 * stdout among the other files' lines and the explanation of a problem on stderr; as JSON, one `file` event.
 */
import { formatExplanation } from '../../core/diagnose/index.js';
import type { Explanation } from '../../core/diagnose/index.js';
import type { Lang } from '../../core/i18n.js';
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
