/**
 * The three ways an alert leaves: a webhook POST (through the CLI's own HTTPS transport, so HTTPS_PROXY and
 * NODE_EXTRA_CA_CERTS apply as they do to the identity provider), an e-mail sent through a mailbox's own token
 * with XOAUTH2 SMTP (what the token check does when it sends its test message), and the OS log (eventcreate,
 * logger). Each reports what happened in words that hold no secret: never the webhook URL, never a token.
 */
import { RtwError } from '../errors.js';
import { format, formatLocalized } from '../i18n.js';
import type { Lang, Localized } from '../i18n.js';
import {
  DEFAULT_STEP_TIMEOUTS,
  Transcript,
  mailEndpoint,
  parseEndpoint,
  redeemRefreshToken,
  smtpLogin,
} from '../mail-check/index.js';
import type { StepTimeouts } from '../mail-check/index.js';
import { providerOf } from '../providers/index.js';
import { readTokenFile, recordedProfile } from '../token-file/index.js';
import type { IdpNetworkClient, Transport } from '../transport/index.js';
import type { CommandRunner } from '../command-runner.js';
import type { AlertContext } from './alert-message.js';
import { alertSubject, alertText, jsonPayload, slackPayload, teamsPayload } from './alert-message.js';
import type { AlertSettings } from './alert-settings.js';
import { maskWebhookUrl } from './alert-settings.js';
import type { AlertProblem, ProblemKind } from './problems.js';

/** The channels. */
export type AlertChannel = 'webhook' | 'email' | 'os-log';

/** How one channel's delivery went. */
export interface ChannelResult {
  channel: AlertChannel;
  ok: boolean;
  /** Problems it carried. */
  delivered: number;
  /** Where it went or why it did not, without secrets (`https://hooks.slack.com/…: HTTP 404`). */
  detail: Localized;
}

const DETAIL = {
  webhook: { ja: '{url} ({format}): {result}', en: '{url} ({format}): {result}' },
  emailSent: { ja: '{to} (送信元 {user}、{server})', en: '{to} (sent by {user} through {server})' },
  emailFailed: { ja: '{to}: {reasons}', en: '{to}: {reasons}' },
  noMailbox: {
    ja: '送信に使える (SMTP の) メールボックスがありません。rtw alert set --via ファイル で指定してください',
    en: 'no mailbox with SMTP to send through: name one with rtw alert set --via FILE',
  },
  notFound: { ja: '{file}: ファイルがありません', en: '{file}: no such file' },
  notTokenFile: { ja: '{file}: トークン ファイルではありません', en: '{file}: not a token file' },
  unreadable: { ja: '{file}: 読めません ({code})', en: '{file}: unreadable ({code})' },
  osLogWritten: { ja: '{count} 件を{where}に書き込みました', en: 'wrote {count} line(s) to {where}' },
  eventLog: { ja: 'イベント ログ (Application)', en: 'the Event Log (Application)' },
  syslog: { ja: 'syslog', en: 'syslog' },
  unifiedLog: { ja: '統合ログ', en: 'the unified log' },
  osLogFailed: { ja: '書き込めませんでした: {reasons}', en: 'could not write: {reasons}' },
} as const satisfies Record<string, Localized>;

/** A text made per language. */
function perLang(make: (lang: Lang) => string): Localized {
  return { ja: make('ja'), en: make('en') };
}

/** A webhook answer this long is cut: it is shown to the admin, and a receiver could echo anything. */
const ANSWER_SHOWN = 200;
const WEBHOOK_TIMEOUT_MS = 30_000;

/** The Node error code of a failed request (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED…), never its message. */
function errorCodeOf(error: unknown): string {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
  }
  return error instanceof Error ? error.name : 'error';
}

/** Posts the alert to the webhook in its format. */
export async function postWebhook(
  webhook: NonNullable<AlertSettings['webhook']>,
  problems: readonly AlertProblem[],
  context: AlertContext,
  transport: Transport,
): Promise<ChannelResult> {
  const payload =
    webhook.format === 'teams'
      ? teamsPayload(problems, context)
      : webhook.format === 'slack'
        ? slackPayload(problems, context)
        : jsonPayload(problems, context);
  const shown = maskWebhookUrl(webhook.url);
  try {
    const answer = await transport(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    const ok = answer.status >= 200 && answer.status < 300;
    // The receiver's words, in case they say why (Slack: `invalid_payload`, `channel_not_found`), minus the URL.
    const said = answer.text
      .split(webhook.url)
      .join(shown)
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, ANSWER_SHOWN);
    return {
      channel: 'webhook',
      ok,
      delivered: ok ? problems.length : 0,
      detail: formatLocalized(DETAIL.webhook, {
        url: shown,
        format: webhook.format,
        result: `HTTP ${answer.status}${said === '' ? '' : ` ${said}`}`,
      }),
    };
  } catch (error) {
    return {
      channel: 'webhook',
      ok: false,
      delivered: 0,
      detail: formatLocalized(DETAIL.webhook, {
        url: shown,
        format: webhook.format,
        result: errorCodeOf(error),
      }),
    };
  }
}

/** What the e-mail channel needs. */
export interface EmailDeps {
  createNetworkClient(): IdpNetworkClient;
  /** Extra CAs for the SMTP server (tests; the CLI relies on NODE_EXTRA_CA_CERTS). */
  extraCaPem?: string;
  timeouts?: Partial<StepTimeouts>;
}

/**
 * Sends the alert by e-mail through the first mailbox that can: `via` when set, else the candidates (the run's
 * refreshed files) whose token has SMTP. The mailbox's refresh token is redeemed for an SMTP access token; the
 * rotated refresh token Entra returns is not written (the file's stays valid, see mail-check/redeem.ts).
 */
export async function sendAlertEmail(
  email: NonNullable<AlertSettings['email']>,
  candidates: readonly string[],
  problems: readonly AlertProblem[],
  context: AlertContext,
  deps: EmailDeps,
): Promise<ChannelResult> {
  const files = email.via === undefined ? candidates : [email.via];
  const failures: Localized[] = [];
  const override = email.smtpHost === undefined ? undefined : parseEndpoint(email.smtpHost, 587);
  for (const file of files) {
    let content: Awaited<ReturnType<typeof readTokenFile>>;
    try {
      content = await readTokenFile(file);
    } catch (error) {
      failures.push(
        formatLocalized(DETAIL.unreadable, { file, code: RtwError.is(error) ? error.code : 'error' }),
      );
      continue;
    }
    if (!content.exists) {
      failures.push(formatLocalized(DETAIL.notFound, { file }));
      continue;
    }
    const recorded = recordedProfile(content, file);
    const o = content.oauth2;
    const user = (o.UserID ?? '').trim();
    const refreshToken = (o.RefreshToken ?? '').trim();
    // Only a token consented for SMTP can send; `via` is tried whatever the file says.
    if (email.via === undefined && !recorded.protocols.includes('smtp')) continue;
    if (recorded.authority === undefined || user === '' || refreshToken === '') {
      failures.push(formatLocalized(DETAIL.notTokenFile, { file }));
      continue;
    }
    const secret = (o.ClientSecret ?? '').trim();
    const transcript = new Transcript([refreshToken, secret]);
    try {
      const scopes = providerOf(recorded.provider).mailScopes({ cloud: recorded.cloud }, ['smtp']);
      const redeemed = await redeemRefreshToken(
        {
          refreshToken,
          clientId: (o.ClientID ?? '').trim(),
          clientSecret: secret === '' ? undefined : secret,
          authority: recorded.authority,
        },
        scopes,
        deps.createNetworkClient(),
      );
      const endpoint = mailEndpoint(
        recorded.provider,
        { cloud: recorded.cloud, tenant: recorded.authority.tenant ?? '', userId: user },
        'smtp',
        override,
      );
      const outcome = await smtpLogin(
        {
          endpoint,
          user,
          accessToken: redeemed.accessToken,
          timeouts: { ...DEFAULT_STEP_TIMEOUTS, ...deps.timeouts },
          ...(deps.extraCaPem === undefined ? {} : { extraCaPem: deps.extraCaPem }),
        },
        transcript,
        { to: email.to, subject: alertSubject(problems, context), text: alertText(problems, context) },
      );
      if (outcome.ok)
        return {
          channel: 'email',
          ok: true,
          delivered: problems.length,
          detail: formatLocalized(DETAIL.emailSent, {
            to: email.to,
            user,
            server: `${endpoint.host}:${endpoint.port}`,
          }),
        };
      // The server's own reply (535 5.7.3…), masked like the check's transcript.
      const reply = outcome.failure.kind === 'reply' ? outcome.failure.reply : outcome.failure.kind;
      const text = `${user}: ${transcript.mask(reply)}`;
      failures.push({ ja: text, en: text });
    } catch (error) {
      const text = `${user}: ${RtwError.is(error) ? error.code : errorCodeOf(error)}`;
      failures.push({ ja: text, en: text });
    }
  }
  const reasons = failures.length === 0 ? [DETAIL.noMailbox] : failures;
  return {
    channel: 'email',
    ok: false,
    delivered: 0,
    detail: perLang((lang) =>
      format(DETAIL.emailFailed[lang], { to: email.to, reasons: reasons.map((r) => r[lang]).join('; ') }),
    ),
  };
}

/** The OS log's severity for a problem. */
function severityOf(kind: ProblemKind): 'error' | 'warning' | 'info' {
  switch (kind) {
    case 'refresh-failed':
    case 'needs-reissue':
    case 'run-failed':
      return 'error';
    case 'token-expiring':
    case 'secret-expiring':
      return 'warning';
    case 'test':
      return 'info';
  }
}

/** The tag (syslog) and source (Event Log) alerts are written under. */
export const OS_LOG_TAG = 'refresh-token-wizard';
/** eventcreate takes IDs 1–1000; one fixed ID per severity lets admins filter. */
const EVENT_IDS = { error: 101, warning: 102, info: 103 } as const;
/** eventcreate's /D has an undocumented limit: one line, kept well under it. */
const OS_LOG_MAX = 1000;

/** One problem as one log line. */
export function osLogLine(problem: AlertProblem, context: AlertContext): string {
  const { lang } = context;
  const fix = problem.fix[0]?.[lang];
  const text = [
    `${problem.file}${problem.mailbox === '' ? '' : ` (${problem.mailbox})`}: ${problem.what[lang]}`,
    ...(fix === undefined ? [] : [lang === 'ja' ? `対処: ${fix}` : `Fix: ${fix}`]),
  ].join(' — ');
  const line = text.replace(/\s+/g, ' ');
  return line.length > OS_LOG_MAX ? `${line.slice(0, OS_LOG_MAX - 1)}…` : line;
}

/** The command that writes one line to the OS log. */
export function osLogCommand(
  platform: NodeJS.Platform,
  severity: 'error' | 'warning' | 'info',
  line: string,
): { program: string; args: string[] } {
  if (platform === 'win32')
    return {
      program: 'eventcreate.exe',
      args: [
        '/T',
        severity === 'error' ? 'ERROR' : severity === 'warning' ? 'WARNING' : 'INFORMATION',
        '/ID',
        String(EVENT_IDS[severity]),
        '/L',
        'APPLICATION',
        '/SO',
        'RefreshTokenWizard',
        '/D',
        line,
      ],
    };
  // util-linux logger (journald, or syslog through /dev/log) and macOS's logger (the unified log) both take these.
  const priority = severity === 'error' ? 'user.err' : severity === 'warning' ? 'user.warning' : 'user.info';
  return {
    program: platform === 'darwin' ? '/usr/bin/logger' : 'logger',
    args: ['-t', OS_LOG_TAG, '-p', priority, '--', line],
  };
}

/** Writes each problem to the OS log. */
export async function writeOsLog(
  problems: readonly AlertProblem[],
  context: AlertContext,
  deps: { run: CommandRunner; platform: NodeJS.Platform },
): Promise<ChannelResult> {
  const failures: string[] = [];
  let written = 0;
  for (const problem of problems) {
    const { program, args } = osLogCommand(
      deps.platform,
      severityOf(problem.kind),
      osLogLine(problem, context),
    );
    let result = await deps.run(program, args);
    // Our own event source must be registered once, which takes an administrator: without it, the Application
    // log's generic source (EventCreate) still carries the line.
    if (result.code !== 0 && deps.platform === 'win32') {
      const at = args.indexOf('/SO');
      result = await deps.run(program, [...args.slice(0, at), ...args.slice(at + 2)]);
    }
    if (result.code === 0) written++;
    else
      failures.push(
        `${program}: ${result.code === null ? (result.error ?? 'not run') : `exit ${result.code}`} ${result.stderr.trim().split('\n')[0] ?? ''}`.trim(),
      );
  }
  const ok = failures.length === 0;
  const where =
    deps.platform === 'win32'
      ? DETAIL.eventLog
      : deps.platform === 'darwin'
        ? DETAIL.unifiedLog
        : DETAIL.syslog;
  return {
    channel: 'os-log',
    ok,
    delivered: written,
    detail: ok
      ? perLang((lang) => format(DETAIL.osLogWritten[lang], { count: written, where: where[lang] }))
      : formatLocalized(DETAIL.osLogFailed, { reasons: failures.join('; ') }),
  };
}
