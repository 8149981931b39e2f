/** `rtw show FILE...`: what a token file holds and how long it has left, with secrets masked. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { explainError, formatExplanation } from '../../core/diagnose/index.js';
import { RtwError } from '../../core/errors.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { readTokenHealth } from '../../core/upkeep/index.js';
import type { TokenHealth } from '../../core/upkeep/index.js';
import { EXIT, exitCodeFor } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { explanationJson } from '../shared/explanation-json.js';
import { writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { CLI_TEXT } from '../shared/messages.js';

/** `rtw help` text of this command. */
export const SHOW_HELP: Localized = {
  en: `rtw show FILE... [--json]
  Show a token file: mailbox, tenant, protocols, masked secret and token, when the token was issued and last
  refreshed, the days left before the 90-day inactivity limit, and the client secret's expiry if recorded
  (rtw acquire --secret-expires), with a warning 30 days ahead.
  --json                  one JSON object per file on stdout
  Exit codes: 0 fine or warnings only · 8 the token or the secret has expired (re-issue) · 5 unreadable file.`,
  ja: `rtw show ファイル... [--json]
  トークン ファイルの内容を表示します: メールボックス、テナント、プロトコル、マスクしたシークレットとトークン、
  トークンの発行日時と最終更新日時、90 日の無操作期限までの残り日数、記録されていればクライアント シークレットの
  有効期限 (rtw acquire --secret-expires)。期限の 30 日前から警告します。
  --json                  ファイルごとに JSON を 1 行、標準出力へ出す
  終了コード: 0 問題なし・警告のみ · 8 トークンまたはシークレットが期限切れ (再発行が必要) · 5 ファイルを読めない。`,
};

const LABELS = {
  file: { en: 'File', ja: 'ファイル' },
  mailbox: { en: 'Mailbox', ja: 'メールボックス' },
  signedInAs: { en: 'Signed in as', ja: 'サインインしたアカウント' },
  tenant: { en: 'Tenant', ja: 'テナント' },
  cloud: { en: 'Cloud', ja: 'クラウド' },
  clientId: { en: 'Client ID', ja: 'クライアント ID' },
  protocols: { en: 'Protocols', ja: 'プロトコル' },
  refreshToken: { en: 'Refresh token', ja: 'リフレッシュ トークン' },
  clientSecret: { en: 'Client secret', ja: 'クライアント シークレット' },
  issuedAt: { en: 'Issued', ja: '発行日時' },
  lastRefreshedAt: { en: 'Last refreshed', ja: '最終更新日時' },
  daysLeft: { en: 'Days left (90-day limit)', ja: '残り日数 (90 日の期限)' },
  secretExpires: { en: 'Secret expires', ja: 'シークレットの有効期限' },
  warnings: { en: 'To do:', ja: '対応が必要:' },
  none: { en: '(not recorded)', ja: '(記録なし)' },
  daysUntil: { en: '{days} (until {date})', ja: '{days} ({date} まで)' },
  expiredOn: { en: 'expired ({date})', ja: '期限切れ ({date})' },
} as const satisfies Record<string, Localized>;

const OPTIONS = { json: { type: 'boolean' }, lang: { type: 'string' } } as const;

/** Columns a terminal gives the text: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/** "N (until DATE)", or "expired (DATE)" once past. */
function daysText(
  days: number | undefined,
  date: string | undefined,
  expired: boolean,
  lang: Lang,
): string | undefined {
  if (days === undefined || date === undefined) return undefined;
  return expired ? format(LABELS.expiredOn[lang], { date }) : format(LABELS.daysUntil[lang], { days, date });
}

function humanLines(h: TokenHealth, lang: Lang): string[] {
  const none = LABELS.none[lang];
  const rows: Array<[keyof typeof LABELS, string]> = [
    ['file', h.file],
    ['mailbox', h.mailbox || none],
    ...(h.signedInAs !== undefined && h.signedInAs.toLowerCase() !== h.mailbox.toLowerCase()
      ? ([['signedInAs', h.signedInAs]] as Array<[keyof typeof LABELS, string]>)
      : []),
    ['tenant', h.tenant ?? none],
    ['cloud', h.cloud],
    ['clientId', h.clientId || none],
    ['protocols', h.protocols.join(', ') || none],
    ['refreshToken', h.refreshTokenMasked || none],
    ['clientSecret', h.clientSecretMasked || none],
    ['issuedAt', h.issuedAt ?? none],
    ['lastRefreshedAt', h.lastRefreshedAt ?? none],
    ['daysLeft', daysText(h.daysLeft, h.inactivityDeadline, h.token === 'expired', lang) ?? none],
    ['secretExpires', daysText(h.secretDaysLeft, h.secretExpiresAt, h.secret === 'expired', lang) ?? none],
  ];
  const width = Math.max(...rows.map(([k]) => displayWidth(LABELS[k][lang]))) + 2;
  const lines = rows.map(([k, v]) => {
    const label = `${LABELS[k][lang]}:`;
    return `${label}${' '.repeat(Math.max(1, width - displayWidth(label)))}${v}`;
  });
  if (h.warnings.length > 0) lines.push(LABELS.warnings[lang], ...h.warnings.map((w) => `  - ${w[lang]}`));
  return lines;
}

/** Runs `rtw show` with the arguments after the command name. */
export async function showCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let values: { json?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true }));
    if (positionals.length === 0) throw new Error('rtw show FILE');
  } catch (error) {
    writeLine(io.stderr, format(CLI_TEXT.badOption[lang], { message: (error as Error).message }));
    return EXIT.usage;
  }
  const json = values.json === true;
  let exitCode: ExitCode = EXIT.ok;
  for (const [index, arg] of positionals.entries()) {
    const file = path.resolve(io.cwd, arg);
    try {
      const health = await readTokenHealth(file);
      if (health.token === 'expired' || health.secret === 'expired') exitCode = EXIT.needsReissue;
      if (json) {
        const { warnings, ...rest } = health;
        writeLine(io.stdout, JSON.stringify({ ...rest, warnings: warnings.map((w) => w[lang]) }));
      } else {
        if (index > 0) writeLine(io.stdout);
        for (const line of humanLines(health, lang)) writeLine(io.stdout, line);
      }
    } catch (error) {
      const code = RtwError.is(error) ? error.code : 'unexpected';
      const explanation = explainError(error);
      if (json)
        writeLine(io.stdout, JSON.stringify({ file, code, explanation: explanationJson(explanation, lang) }));
      else writeLine(io.stderr, formatExplanation(explanation, lang));
      exitCode = exitCodeFor(code);
    }
  }
  return exitCode;
}
