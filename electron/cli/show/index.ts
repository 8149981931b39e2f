/** `rtw show FILE...`: what a token file holds and how long it has left, with secrets masked. */
import path from 'node:path';
import { explainError, formatExplanation } from '../../core/diagnose/index.js';
import { RtwError } from '../../core/errors.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { providerOf } from '../../core/providers/index.js';
import { keyLabel } from '../../core/token-file/index.js';
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

/** The rows' labels; a row that shows one key of the file is labelled as the key table names it (schema.ts). */
const LABELS = {
  file: { en: 'File', ja: 'ファイル' },
  mailbox: keyLabel('UserID'),
  signedInAs: keyLabel('SignedInAs'),
  tenant: keyLabel('Tenant'),
  cloud: keyLabel('Cloud'),
  clientId: keyLabel('ClientID'),
  protocols: keyLabel('Protocols'),
  refreshToken: keyLabel('RefreshToken'),
  clientSecret: keyLabel('ClientSecret'),
  issuedAt: keyLabel('IssuedAt'),
  lastRefreshedAt: keyLabel('LastRefreshedAt'),
  daysLeft: { en: 'Days left (90-day limit)', ja: '残り日数 (90 日の期限)' },
  provider: { en: 'Provider', ja: 'プロバイダー' },
  providerValue: { en: 'Provider= (INI)', ja: 'Provider= (INI)' },
  appAudience: { en: 'Consent screen', ja: '同意画面' },
  daysLeftGoogle: { en: 'Days left', ja: '残り日数' },
  secretExpires: keyLabel('ClientSecretExpiresAt'),
  warnings: { en: 'To do:', ja: '対応が必要:' },
  none: { en: '(not recorded)', ja: '(記録なし)' },
  daysUntil: { en: '{days} (until {date})', ja: '{days} ({date} まで)' },
  expiredOn: { en: 'expired ({date})', ja: '期限切れ ({date})' },
} as const satisfies Record<string, Localized>;

/** Google's rows: what its values mean. */
const GOOGLE_TEXT = {
  unconfirmed: {
    en: '{value} (this tool’s value for Google; not confirmed for SMAIL)',
    ja: '{value} (このツールの Google 用の値。SMAIL での値は未確認)',
  },
  internal: { en: 'Internal', ja: '内部' },
  production: { en: 'External, In production', ja: '外部、本番環境' },
  testing: {
    en: 'External, Testing (tokens die 7 days after consent)',
    ja: '外部、テスト中 (トークンは同意から 7 日で失効)',
  },
  inactivity: { en: 'six months unused', ja: '6 か月未使用' },
  testingReason: { en: 'Testing: 7 days after consent', ja: 'テスト中: 同意から 7 日' },
  granted: { en: 'time-limited grant', ja: '期限付きの許可' },
  daysUntil: { en: '{days} (until {date}: {reason})', ja: '{days} ({date} まで: {reason})' },
  expiredOn: { en: 'expired ({date}: {reason})', ja: '期限切れ ({date}: {reason})' },
} as const satisfies Record<string, Localized>;

type Row = [string, string];

/** The rows only a Google file has, and its days left with why the token ends then. */
function googleRows(h: TokenHealth, lang: Lang): { head: Row[]; daysLeft: Row } {
  const none = LABELS.none[lang];
  const provider = providerOf('google');
  const value = h.providerValue ?? '';
  const audience = h.appAudience;
  const known = audience === 'internal' || audience === 'production' || audience === 'testing';
  const reason =
    h.deadlineReason === 'testing'
      ? GOOGLE_TEXT.testingReason[lang]
      : h.deadlineReason === 'granted'
        ? GOOGLE_TEXT.granted[lang]
        : GOOGLE_TEXT.inactivity[lang];
  const days =
    h.daysLeft === undefined || h.inactivityDeadline === undefined
      ? none
      : format((h.token === 'expired' ? GOOGLE_TEXT.expiredOn : GOOGLE_TEXT.daysUntil)[lang], {
          days: h.daysLeft,
          date: h.inactivityDeadline,
          reason,
        });
  return {
    head: [
      [LABELS.provider[lang], provider.displayName[lang]],
      [
        LABELS.providerValue[lang],
        value === ''
          ? none
          : value === provider.iniProviderValue
            ? format(GOOGLE_TEXT.unconfirmed[lang], { value })
            : value,
      ],
      [LABELS.appAudience[lang], known ? GOOGLE_TEXT[audience][lang] : (audience ?? none)],
    ],
    daysLeft: [LABELS.daysLeftGoogle[lang], days],
  };
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
  const row = (k: keyof typeof LABELS, value: string): Row => [LABELS[k][lang], value];
  const google = h.provider === 'google' ? googleRows(h, lang) : undefined;
  const rows: Row[] = [
    row('file', h.file),
    row('mailbox', h.mailbox || none),
    ...(h.signedInAs !== undefined && h.signedInAs.toLowerCase() !== h.mailbox.toLowerCase()
      ? [row('signedInAs', h.signedInAs)]
      : []),
    // Google has no tenant or national clouds: its own rows instead. Microsoft's rows are as they always were.
    ...(google?.head ?? [row('tenant', h.tenant ?? none), row('cloud', h.cloud)]),
    row('clientId', h.clientId || none),
    row('protocols', h.protocols.join(', ') || none),
    row('refreshToken', h.refreshTokenMasked || none),
    row('clientSecret', h.clientSecretMasked || none),
    row('issuedAt', h.issuedAt ?? none),
    row('lastRefreshedAt', h.lastRefreshedAt ?? none),
    google?.daysLeft ??
      row('daysLeft', daysText(h.daysLeft, h.inactivityDeadline, h.token === 'expired', lang) ?? none),
    row('secretExpires', daysText(h.secretDaysLeft, h.secretExpiresAt, h.secret === 'expired', lang) ?? none),
  ];
  const width = Math.max(...rows.map(([label]) => displayWidth(label))) + 2;
  const lines = rows.map(([label, value]) => `${padToWidth(`${label}:`, width)}${value}`);
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
