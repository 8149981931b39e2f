/**
 * `rtw explain TEXT...`: the catalogue's explanation of text an admin pastes — the error Entra showed on its own
 * sign-in page (it never reaches this tool: the sign-in only times out), an AADSTS code or JSON error, or a mail
 * server's reply from a sending program's log. Nothing is sent anywhere.
 */
import { explainText, formatExplanation, type MailProtocol } from '../../core/diagnose/index.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { EXIT } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { explanationJson } from '../shared/explanation-json.js';
import { readAll, writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { UsageError, parseCommandLine, usageErrorText } from '../shared/options.js';
import { EXPLAIN_OPTIONS } from './options.js';

export { explainHelp } from './help.js';

const TEXT_MISSING: Localized = {
  en: 'Give the text to explain: rtw explain "Message: AADSTS50105: …" (or - to read it from standard input).',
  ja: '説明するテキストを指定してください: rtw explain "Message: AADSTS50105: …" (- で標準入力から読みます)',
};

/** Runs `rtw explain` with the arguments after the command name. */
export async function explainCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let values: { protocol?: MailProtocol; json?: boolean };
  let operands: string[];
  try {
    ({ values, operands } = parseCommandLine(EXPLAIN_OPTIONS, args, lang, (given) => {
      if (given.length === 0) throw new UsageError(TEXT_MISSING[lang], false);
    }));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLine(io.stderr, usageErrorText(error, lang));
    return EXIT.usage;
  }
  // Several operands are one text a shell split at its spaces; `-` is the text on standard input.
  const text = operands.length === 1 && operands[0] === '-' ? await readAll(io.stdin) : operands.join(' ');
  if (text.trim() === '') {
    writeLine(io.stderr, TEXT_MISSING[lang]);
    return EXIT.usage;
  }
  const explanation = explainText(text, values.protocol === undefined ? {} : { protocol: values.protocol });
  if (values.json === true) writeLine(io.stdout, JSON.stringify(explanationJson(explanation, lang)));
  else writeLine(io.stdout, formatExplanation(explanation, lang));
  return EXIT.ok;
}
