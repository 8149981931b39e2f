/**
 * `rtw check FILE`: redeems the token in the INI file and logs in to the mail servers with XOAUTH2, as the
 * sending program will; every failure explained. Human output on stdout, or JSON: one object per protocol
 * result and a summary. The file is never written (see core/mail-check/redeem.ts on the rotated token).
 */
import path from 'node:path';
import { PROTOCOLS } from '../../core/providers/microsoft/index.js';
import type { Protocol } from '../../core/providers/microsoft/index.js';
import { formatExplanation } from '../../core/diagnose/index.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { checkTokenFile } from '../../core/mail-check/index.js';
import type {
  CheckEvent,
  CheckReport,
  Finding,
  MailEndpoint,
  ProtocolResult,
} from '../../core/mail-check/index.js';
import { createHttpsNetworkClient } from '../../core/transport/index.js';
import { EXIT, exitCodeFor } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { explanationJson } from '../shared/explanation-json.js';
import { writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { UsageError, parseCommandLine, usageErrorText } from '../shared/options.js';
import { CHECK_OPTIONS } from './options.js';

export { checkHelp } from './help.js';

/** What this command prints itself. */
const TEXT = {
  fileMissing: {
    en: 'Give the INI file to check: rtw check FILE.',
    ja: '確認する INI ファイルを指定してください: rtw check ファイル',
  },
  checking: {
    en: 'Checking {file}: UserID {userId}, protocols {protocols}.',
    ja: '{file} を確認しています: UserID {userId}、プロトコル {protocols}。',
  },
  token: {
    en: 'Access token: audience {audience}, scopes {scopes}, user {user}, expires {expires}.',
    ja: 'アクセス トークン: 対象 {audience}、スコープ {scopes}、ユーザー {user}、有効期限 {expires}。',
  },
  opaque: {
    en: 'Access token: not readable (a personal account’s token); the server login decides.',
    ja: 'アクセス トークン: 中身を読めない形式です (個人用アカウントのトークン)。サーバーへのログインで確認します。',
  },
  rotated: {
    en: 'Entra issued a new refresh token ({token}) while checking. The file keeps its token, which stays valid (Entra does not revoke it); the check never writes the file.',
    ja: '確認中に Entra ID が新しいリフレッシュ トークン ({token}) を発行しました。ファイルのトークンはそのまま有効です (Entra ID は古いトークンを無効にしません)。確認ではファイルに書き込みません。',
  },
  ok: { en: '{protocol} {host}:{port}: OK ({ms} ms)', ja: '{protocol} {host}:{port}: 成功 ({ms} ms)' },
  sent: {
    en: '{protocol} {host}:{port}: OK, test message accepted for {to} ({ms} ms)',
    ja: '{protocol} {host}:{port}: 成功。{to} 宛てのテスト メールが受け付けられました ({ms} ms)',
  },
  failed: { en: '{protocol} {host}:{port}: FAILED', ja: '{protocol} {host}:{port}: 失敗' },
  transcript: { en: 'Transcript (tokens masked):', ja: '通信内容 (トークンは伏せてあります):' },
  allOk: {
    en: 'The token works with every protocol checked.',
    ja: '確認したすべてのプロトコルでトークンが使えます。',
  },
  someFailed: {
    en: 'The check failed: see the explanations above.',
    ja: '確認に失敗しました。上の説明を参照してください。',
  },
} as const satisfies Record<string, Localized>;

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
    if (given[0] === undefined) throw new UsageError(TEXT.fileMissing[lang], false);
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
    { network: createHttpsNetworkClient(), signal: io.signal, onEvent },
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

function resultJson(result: ProtocolResult, lang: Lang): Record<string, unknown> {
  const { explanation, ...rest } = result;
  return {
    event: 'result',
    ...rest,
    ...(explanation === undefined ? {} : { explanation: explanationJson(explanation, lang) }),
  };
}

function findingJson(finding: Finding, lang: Lang): Record<string, unknown> {
  return {
    id: finding.id,
    severity: finding.severity,
    ...(finding.protocol === undefined ? {} : { protocol: finding.protocol }),
    explanation: explanationJson(finding.explanation, lang),
  };
}

function summaryJson(report: CheckReport, lang: Lang): Record<string, unknown> {
  return {
    event: 'summary',
    ok: report.ok,
    file: report.file,
    userId: report.userId,
    protocols: report.protocols,
    ...(report.token === undefined ? {} : { token: report.token }),
    findings: report.findings.map((f) => findingJson(f, lang)),
    results: report.results.map((r) => ({ protocol: r.protocol, ok: r.ok, id: r.explanation?.id })),
    ...(report.failure === undefined
      ? {}
      : { failure: { code: report.failure.code, ...explanationJson(report.failure.explanation, lang) } }),
  };
}

function printResult(
  result: ProtocolResult,
  out: (line: string) => void,
  lang: Lang,
  sendTo: string | undefined,
): void {
  const params = {
    protocol: result.protocol.toUpperCase(),
    host: result.host,
    port: result.port,
    ms: result.elapsedMs,
  };
  if (result.ok) {
    out(
      result.messageSent === true && sendTo !== undefined
        ? format(TEXT.sent[lang], { ...params, to: sendTo })
        : format(TEXT.ok[lang], params),
    );
    return;
  }
  out(format(TEXT.failed[lang], params));
  out(`  ${TEXT.transcript[lang]}`);
  for (const line of result.transcript) out(`    ${line}`);
  if (result.explanation !== undefined) out(`\n${formatExplanation(result.explanation, lang)}`);
}

function printReport(
  report: CheckReport,
  out: (line: string) => void,
  lang: Lang,
  sendTo: string | undefined,
): void {
  if (report.failure !== undefined) {
    out(formatExplanation(report.failure.explanation, lang));
    return;
  }
  out(
    format(TEXT.checking[lang], {
      file: report.file,
      userId: report.userId,
      protocols: report.protocols.map((p) => p.toUpperCase()).join(', '),
    }),
  );
  const token = report.token;
  if (token !== undefined) {
    const c = token.claims;
    out(
      c.readable
        ? format(TEXT.token[lang], {
            audience: c.audience ?? '-',
            scopes: (c.scopes ?? []).join(' ') || '-',
            user: c.user ?? '-',
            expires: c.expiresAt ?? '-',
          })
        : TEXT.opaque[lang],
    );
    if (token.rotatedMasked !== undefined) out(format(TEXT.rotated[lang], { token: token.rotatedMasked }));
  }
  for (const finding of report.findings) out(`\n${formatExplanation(finding.explanation, lang)}`);
  for (const result of report.results) printResult(result, out, lang, sendTo);
  out(report.ok ? TEXT.allOk[lang] : TEXT.someFailed[lang]);
}
