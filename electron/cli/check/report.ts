/**
 * What `rtw check` prints of a check: JSON (one object per protocol result as it comes, then a summary) or, for a
 * person, the whole report at the end in protocol order, each failure with its masked transcript and explanation.
 */
import { formatExplanation } from '../../core/diagnose/index.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import type { CheckReport, Finding, ProtocolResult } from '../../core/mail-check/index.js';
import { explanationJson } from '../shared/explanation-json.js';

/** What the report says, besides the explanations. */
const TEXT = {
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
  senderView: {
    en: 'As the sender will see it (to paste into a ticket):',
    ja: '送信プログラムから見た結果 (問い合わせにそのまま貼り付けられます):',
  },
  allOk: {
    en: 'The token works with every protocol checked.',
    ja: '確認したすべてのプロトコルでトークンが使えます。',
  },
  someFailed: {
    en: 'The check failed: see the explanations above.',
    ja: '確認に失敗しました。上の説明を参照してください。',
  },
} as const satisfies Record<string, Localized>;

export function resultJson(result: ProtocolResult, lang: Lang): Record<string, unknown> {
  const { explanation, senderView, ...rest } = result;
  return {
    event: 'result',
    ...rest,
    ...(senderView === undefined ? {} : { senderView: senderView[lang] }),
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

export function summaryJson(report: CheckReport, lang: Lang): Record<string, unknown> {
  return {
    event: 'summary',
    ok: report.ok,
    file: report.file,
    userId: report.userId,
    protocols: report.protocols,
    ...(report.tokenEndpoint === undefined ? {} : { tokenEndpoint: report.tokenEndpoint }),
    ...(report.token === undefined ? {} : { token: report.token }),
    findings: report.findings.map((f) => findingJson(f, lang)),
    results: report.results.map((r) => ({ protocol: r.protocol, ok: r.ok, id: r.explanation?.id })),
    // The sentences an admin pastes into a ticket: the redemption, then each login.
    senderView: [report.senderView, ...report.results.map((r) => r.senderView)]
      .filter((s) => s !== undefined)
      .map((s) => s[lang]),
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

export function printReport(
  report: CheckReport,
  out: (line: string) => void,
  lang: Lang,
  sendTo: string | undefined,
): void {
  if (report.failure !== undefined) {
    for (const finding of report.findings) out(`${formatExplanation(finding.explanation, lang)}`);
    out(formatExplanation(report.failure.explanation, lang));
    if (report.senderView !== undefined) out(`${TEXT.senderView[lang]}\n  ${report.senderView[lang]}`);
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
  const sentences = [report.senderView, ...report.results.map((r) => r.senderView)].filter(
    (s) => s !== undefined,
  );
  if (sentences.length > 0)
    out(`\n${[TEXT.senderView[lang], ...sentences.map((s) => `  ${s[lang]}`)].join('\n')}\n`);
  out(report.ok ? TEXT.allOk[lang] : TEXT.someFailed[lang]);
}
