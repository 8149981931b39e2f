/**
 * `rtw check FILE`: redeems the token in the INI file and logs in to the mail servers with XOAUTH2, as the
 * sending program will; every failure explained. Human output on stdout, or JSON: one object per protocol
 * result and a summary. The file is never written (see core/mail-check/redeem.ts on the rotated token).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROTOCOLS } from '../../core/providers/microsoft/index.js';
import type { Protocol } from '../../core/providers/microsoft/index.js';
import { formatExplanation } from '../../core/diagnose/index.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { checkTokenFile, parseEndpoint } from '../../core/mail-check/index.js';
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
import { CLI_TEXT } from '../shared/messages.js';

/** `rtw help` text of this command. */
export const CHECK_HELP: Localized = {
  en: `rtw check FILE [options]
  Redeem the refresh token in FILE and log in to the mail servers with XOAUTH2, as the sending program will:
  SMTP 587 (STARTTLS), IMAP 993 (then LIST), POP 995 (then STAT). Explains every failure. FILE is not changed.
  --smtp, --imap, --pop   protocols to check (default: those recorded in FILE, else SMTP)
  --send-to ADDR          also send a test message from UserID to ADDR (tests Send As)
  --smtp-host H:P         SMTP server instead of the cloud's (default smtp.office365.com:587;
                          smtp-mail.outlook.com:587 for Outlook.com accounts)
  --imap-host H:P         IMAP server (default outlook.office365.com:993)
  --pop-host H:P          POP server (default outlook.office365.com:995)
  --timeout SECONDS       limit for each step: connect, greeting, each command (default 15–20)
  --json                  one JSON object per protocol result, then a summary, on stdout
  Exit code 10: a login failed or the token is wrong for the mail servers (the explanation says why).
  Entra issues a new refresh token on every check; FILE keeps its token, which stays valid (Entra does not
  revoke it). Extra certificate authorities: NODE_EXTRA_CA_CERTS; proxies for Entra: HTTPS_PROXY, NO_PROXY.`,
  ja: `rtw check ファイル [オプション]
  ファイルのリフレッシュ トークンでアクセス トークンを取得し、送信プログラムと同じように XOAUTH2 でメール
  サーバーにログインします: SMTP 587 (STARTTLS)、IMAP 993 (続けて LIST)、POP 995 (続けて STAT)。失敗した場合は
  原因と対処を表示します。ファイルは変更しません。
  --smtp, --imap, --pop   確認するプロトコル (既定: ファイルに記録されたもの。なければ SMTP)
  --send-to アドレス      UserID からアドレスへテスト メールも送信する (送信者として送信の権限を確認)
  --smtp-host H:P         SMTP サーバー (既定 smtp.office365.com:587。Outlook.com のアカウントは
                          smtp-mail.outlook.com:587)
  --imap-host H:P         IMAP サーバー (既定 outlook.office365.com:993)
  --pop-host H:P          POP サーバー (既定 outlook.office365.com:995)
  --timeout 秒            各段階 (接続、グリーティング、各コマンド) の制限時間 (既定 15～20)
  --json                  プロトコルごとの結果と最後に概要を、JSON で 1 行ずつ標準出力へ出す
  終了コード 10: ログインに失敗したか、トークンがメール サーバーに合っていません (説明に理由が表示されます)。
  確認のたびに Entra ID は新しいリフレッシュ トークンを発行しますが、ファイルのトークンはそのまま有効です
  (Entra ID は古いトークンを無効にしません)。追加の証明機関は NODE_EXTRA_CA_CERTS、Entra ID へのプロキシは
  HTTPS_PROXY と NO_PROXY で指定します。`,
};

/** What this command prints itself. */
const TEXT = {
  fileMissing: {
    en: 'Give the INI file to check: rtw check FILE.',
    ja: '確認する INI ファイルを指定してください: rtw check ファイル',
  },
  badHost: {
    en: '--{option} takes host:port, not "{value}".',
    ja: '--{option} には ホスト:ポート を指定してください (「{value}」は使えません)。',
  },
  badTimeout: {
    en: '--timeout takes seconds from 1 to 600, not "{value}".',
    ja: '--timeout には 1～600 の秒数を指定してください (「{value}」は使えません)。',
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

const OPTIONS = {
  smtp: { type: 'boolean' },
  imap: { type: 'boolean' },
  pop: { type: 'boolean' },
  'send-to': { type: 'string' },
  'smtp-host': { type: 'string' },
  'imap-host': { type: 'string' },
  'pop-host': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

const DEFAULT_PORTS: Readonly<Record<Protocol, number>> = { smtp: 587, imap: 993, pop: 995 };

class UsageError extends Error {}

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
  const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(TEXT.fileMissing[lang]);
  if (extra.length > 0)
    throw new UsageError(format(CLI_TEXT.badOption[lang], { message: `Unexpected argument '${extra[0]}'` }));
  const endpoints: Partial<Record<Protocol, MailEndpoint>> = {};
  for (const protocol of PROTOCOLS) {
    const option = `${protocol}-host` as const;
    const value = values[option];
    if (value === undefined) continue;
    const endpoint = parseEndpoint(value, DEFAULT_PORTS[protocol]);
    if (endpoint === undefined) throw new UsageError(format(TEXT.badHost[lang], { option, value }));
    endpoints[protocol] = endpoint;
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!/^\d+$/.test(values.timeout) || seconds < 1 || seconds > 600)
      throw new UsageError(format(TEXT.badTimeout[lang], { value: values.timeout }));
    timeoutMs = seconds * 1000;
  }
  const chosen = PROTOCOLS.filter((p) => values[p] === true);
  return {
    file: path.resolve(io.cwd, file),
    protocols: chosen.length > 0 ? chosen : undefined,
    endpoints,
    sendTo: values['send-to'],
    timeoutMs,
    json: values.json === true,
  };
}

/** Runs `rtw check` with the arguments after the command name. */
export async function checkCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let parsed: CheckArgs;
  try {
    parsed = parseCheckArgs(args, io, lang);
  } catch (error) {
    const message =
      error instanceof UsageError
        ? error.message
        : format(CLI_TEXT.badOption[lang], { message: (error as Error).message });
    writeLine(io.stderr, message);
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
