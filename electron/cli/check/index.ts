/**
 * `rtw check FILE`: redeems the token in the INI file and logs in to the mail servers with XOAUTH2, as the
 * sending program will; every failure explained. Human output on stdout, or JSON: one object per protocol
 * result and a summary. The file is never written (see core/mail-check/redeem.ts on the rotated token).
 */
import path from 'node:path';
import { checkTokenFile } from '../../core/mail-check/index.js';
import type { CheckEvent, CheckReport, MailEndpoint } from '../../core/mail-check/index.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { PROTOCOLS } from '../../core/providers/index.js';
import type { Protocol } from '../../core/providers/index.js';
import { createHttpsNetworkClient } from '../../core/transport/index.js';
import { EXIT, exitCodeFor } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { networkOptions, writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { UsageError, parseCommandLine, usageErrorText } from '../shared/options.js';
import { CHECK_OPTIONS } from './options.js';
import { printReport, resultJson, summaryJson } from './report.js';

export { checkHelp } from './help.js';

/** What the command line is told when it lacks the file. */
const FILE_MISSING: Localized = {
  en: 'Give the INI file to check: rtw check FILE.',
  ja: '確認する INI ファイルを指定してください: rtw check ファイル',
};

/** The command line, checked. */
interface CheckArgs {
  file: string;
  protocols: Protocol[] | undefined;
  endpoints: Partial<Record<Protocol, MailEndpoint>>;
  sendTo: string | undefined;
  timeoutMs: number | undefined;
  json: boolean;
}

function parseCheckArgs(args: string[], io: CliIo, lang: Lang): CheckArgs {
  const { values, operands } = parseCommandLine(CHECK_OPTIONS, args, lang, (given) => {
    if (given[0] === undefined) throw new UsageError(FILE_MISSING[lang], false);
    if (given.length > 1) throw new UsageError(`Unexpected argument '${given[1]}'`, true);
  });
  const endpoints: Partial<Record<Protocol, MailEndpoint>> = {};
  for (const protocol of PROTOCOLS) {
    const endpoint = values[`${protocol}-host`];
    if (endpoint !== undefined) endpoints[protocol] = endpoint;
  }
  const chosen = PROTOCOLS.filter((p) => values[p] === true);
  return {
    file: path.resolve(io.cwd, operands[0] ?? ''),
    protocols: chosen.length > 0 ? chosen : undefined,
    endpoints,
    sendTo: values['send-to'],
    timeoutMs: values.timeout === undefined ? undefined : values.timeout * 1000,
    json: values.json === true,
  };
}

/** Runs `rtw check` with the arguments after the command name. */
export async function checkCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let parsed: CheckArgs;
  try {
    parsed = parseCheckArgs(args, io, lang);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLine(io.stderr, usageErrorText(error, lang));
    return EXIT.usage;
  }
  const out = (line: string): void => writeLine(io.stdout, line);
  const onEvent = (event: CheckEvent): void => {
    if (event.type !== 'result') return;
    // JSON streams each result as it comes; the human report is printed whole, in protocol order, at the end.
    if (parsed.json) out(JSON.stringify(resultJson(event.result, lang)));
  };
  const report = await checkTokenFile(
    parsed.file,
    {
      ...(parsed.protocols === undefined ? {} : { protocols: parsed.protocols }),
      endpoints: parsed.endpoints,
      ...(parsed.sendTo === undefined ? {} : { sendTo: parsed.sendTo }),
      ...(parsed.timeoutMs === undefined
        ? {}
        : { timeouts: { connect: parsed.timeoutMs, greeting: parsed.timeoutMs, command: parsed.timeoutMs } }),
    },
    {
      network: createHttpsNetworkClient(networkOptions(io)),
      ...(io.extraCaPem === undefined ? {} : { extraCaPem: io.extraCaPem }),
      signal: io.signal,
      onEvent,
    },
  );
  if (parsed.json) out(JSON.stringify(summaryJson(report, lang)));
  else printReport(report, out, lang, parsed.sendTo);
  return exitCodeOf(report);
}

/** 0 when the check passed; the failure's own code when nothing could be checked; else `mailCheck`. */
function exitCodeOf(report: CheckReport): ExitCode {
  if (report.ok) return EXIT.ok;
  const failure = report.failure;
  if (failure === undefined) return EXIT.mailCheck;
  return failure.code === 'not-a-token-file' ? EXIT.file : exitCodeFor(failure.code);
}
