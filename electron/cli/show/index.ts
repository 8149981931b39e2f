/** `rtw show FILE...`: what a token file holds and how long it has left, with secrets masked. */
import path from 'node:path';
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
import { UsageError, parseCommandLine, usageErrorText } from '../shared/options.js';
import type { ParsedCommandLine } from '../shared/options.js';
import { padToWidth, displayWidth } from '../shared/text-width.js';
import { SHOW_OPTIONS } from './options.js';

export { showHelp } from './help.js';

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
  const lines = rows.map(([k, v]) => `${padToWidth(`${LABELS[k][lang]}:`, width)}${v}`);
  if (h.warnings.length > 0) lines.push(LABELS.warnings[lang], ...h.warnings.map((w) => `  - ${w[lang]}`));
  return lines;
}

/** Runs `rtw show` with the arguments after the command name. */
export async function showCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let parsed: ParsedCommandLine<typeof SHOW_OPTIONS>;
  try {
    parsed = parseCommandLine(SHOW_OPTIONS, args, lang, (operands) => {
      if (operands.length === 0) throw new UsageError('rtw show FILE', true);
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLine(io.stderr, usageErrorText(error, lang));
    return EXIT.usage;
  }
  const json = parsed.values.json === true;
  let exitCode: ExitCode = EXIT.ok;
  for (const [index, arg] of parsed.operands.entries()) {
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
