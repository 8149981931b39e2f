/**
 * How healthy a token file is, from what it records: when the token was issued or last refreshed, how many days
 * are left before its provider's inactivity limit (Entra 90 days, Google six months), when the token dies anyway
 * (Google: seven days after consent for a consent screen in Testing, or a time-limited grant), and when the client
 * secret expires, with warnings while there is still time to act. Computed from recorded times with an injected
 * clock; nothing is sent anywhere.
 *
 * The sending program may itself redeem the token without writing the new one back; we cannot see that, so
 * the days left are a lower bound counted from our own last write.
 */
import { formatLocalized } from '../i18n.js';
import { providerOf } from '../providers/index.js';
import type { ProviderId } from '../providers/index.js';
import type { Localized } from '../i18n.js';
import { maskSecret } from '../token-file/index.js';
import { isCalendarDate } from '../sign-in/index.js';
import { recordedProfile } from '../token-file/index.js';
import { reissueCommandFor } from './refresh.js';
import { RtwError } from '../errors.js';
import { readTokenFile } from '../token-file/index.js';
import type { TokenFileContent } from '../token-file/index.js';

/** Warn when this few days are left (of the token or of the secret). */
export const WARN_DAYS = 30;
/** Google: refresh tokens of a consent screen in Testing die this many days after consent (FACTS.md). */
export const TESTING_TOKEN_DAYS = 7;

const DAY_MS = 86_400_000;

/** `ok`; `warning` (≤ 30 days left); `expired`; `unknown` (nothing recorded). */
export type HealthState = 'ok' | 'warning' | 'expired' | 'unknown';

/** One token file's health. */
export interface TokenHealth {
  file: string;
  mailbox: string;
  tenant: string | undefined;
  cloud: string;
  authority: string | undefined;
  clientId: string;
  protocols: string[];
  signedInAs: string | undefined;
  refreshTokenMasked: string;
  clientSecretMasked: string;
  issuedAt: string | undefined;
  lastRefreshedAt: string | undefined;
  /** The provider that issued the token. */
  provider: ProviderId;
  /** The INI `Provider=` value the file holds. */
  providerValue: string | undefined;
  /** Google: the consent screen's audience the admin recorded (meta `AppAudience`), when recorded. */
  appAudience?: string;
  /**
   * When the token dies: the inactivity limit counted from the later of IssuedAt and LastRefreshedAt, or an earlier
   * fixed end (Google's Testing consent screen, a time-limited grant).
   */
  inactivityDeadline: string | undefined;
  /** Why it dies then: `inactivity` (used too seldom), `testing` (a consent screen in Testing), `granted` (a time-limited grant). */
  deadlineReason: 'inactivity' | 'testing' | 'granted' | undefined;
  /** Whole days left before that (negative once past); undefined when no time is recorded. */
  daysLeft: number | undefined;
  token: HealthState;
  /** The secret's recorded expiry (meta `ClientSecretExpiresAt`, YYYY-MM-DD), if any. */
  secretExpiresAt: string | undefined;
  secretDaysLeft: number | undefined;
  secret: HealthState;
  /** What needs doing, worst first; empty when all is well. */
  warnings: Localized[];
}

const TEXT = {
  tokenExpired: {
    ja: 'リフレッシュ トークンは最後の発行・更新 ({date}) から {limit} 日以上たち、期限切れの可能性があります。再発行してください: {command}',
    en: 'The refresh token was last issued or refreshed on {date}, more than {limit} days ago, and has probably expired. Re-issue it: {command}',
  },
  testingExpired: {
    ja: 'OAuth 同意画面が「テスト中」のため、リフレッシュ トークンは同意から 7 日後 ({deadline}) に失効しています。同意画面を「本番環境」にする (または組織内の場合は「内部」にする) と、再発行したトークンは 7 日で失効しなくなります: {command}',
    en: 'The OAuth consent screen is in Testing, so the refresh token died seven days after consent ({deadline}). Publish the app (In production), or make it Internal for your organization, and re-issue the token, which then no longer dies after seven days: {command}',
  },
  testingSoon: {
    ja: 'OAuth 同意画面が「テスト中」のため、リフレッシュ トークンは {days} 日後 ({deadline}) に失効し、更新しても延びません。Google Cloud コンソール > Google Auth Platform > [対象] でアプリを「本番環境」にする (組織内なら「内部」にする) と、再発行後は 7 日で失効しなくなります。',
    en: 'The OAuth consent screen is in Testing, so the refresh token dies in {days} days ({deadline}), and refreshing does not extend it. In the Google Cloud console > Google Auth Platform > Audience, publish the app (In production), or make it Internal for your organization: tokens issued after that do not die after seven days.',
  },
  grantedExpired: {
    ja: 'このトークンは期限付きのアクセスとして許可され、{deadline} に失効しています。再発行してください: {command}',
    en: 'This token was granted time-limited access, which ended on {deadline}. Re-issue it: {command}',
  },
  grantedSoon: {
    ja: 'このトークンは期限付きのアクセスとして許可され、{days} 日後 ({deadline}) に失効します。更新しても延びません。再発行時には期限なしのアクセスを許可してください。',
    en: 'This token was granted time-limited access, which ends in {days} days ({deadline}); refreshing does not extend it. When re-issuing, grant access without a time limit.',
  },
  tokenSoon: {
    ja: 'リフレッシュ トークンは {days} 日後 ({deadline}) に期限切れになります。今すぐ更新し (rtw refresh "{file}")、定期更新を設定してください。',
    en: 'The refresh token expires in {days} days ({deadline}). Refresh it now (rtw refresh "{file}") and schedule regular refreshes.',
  },
  tokenUnknown: {
    ja: 'いつ発行されたか記録がないため、残り日数がわかりません。一度更新すると記録されます: rtw refresh "{file}"',
    en: 'No issue time is recorded, so the days left are unknown. Refreshing once records it: rtw refresh "{file}"',
  },
  secretExpired: {
    ja: 'クライアント シークレットの有効期限 ({date}) を過ぎています。新しいシークレットを作成し、その値でトークンを再発行してください ({command}、またはアプリのこのファイルの画面で [再発行])。新しい有効期限は、同じ画面の [シークレットの有効期限] 欄 (コマンドでは --secret-expires) に記録します。',
    en: 'The client secret expired on {date}. Create a new secret and re-issue the token with its Value ({command}, or Re-issue in the app’s view of this file), then record its new expiry in that view’s Secret expires field (--secret-expires on the command line).',
  },
  bomHidesSection: {
    ja: 'ファイルの先頭に UTF-8 の BOM (バイト順マーク) があり、[{section}] の見出しが同じ 1 行目にあります。Windows (送信プログラム) はこの行を見出しとして認識しないため、[{section}] の値を 1 つも読めません。rtw refresh または再発行で見出しを次の行に移せます。メモ帳で「UTF-8」(BOM なし) または「ANSI」で保存し直しても直ります。',
    en: 'The file starts with a UTF-8 byte order mark (BOM) on the same line as the [{section}] header. Windows does not recognise that header, so the sending program reads none of the keys of [{section}]. rtw refresh (or re-issuing) moves the header to the next line; saving the file in Notepad as “UTF-8” (no BOM) or “ANSI” fixes it too.',
  },
  bom: {
    ja: 'ファイルの先頭に UTF-8 の BOM (バイト順マーク) があります。Windows は BOM を 1 行目の文字として読むため、1 行目に書いたセクション見出しは認識されません。今は問題ありませんが、メモ帳で「UTF-8」(BOM なし) または「ANSI」で保存し直すと安全です。',
    en: 'The file starts with a UTF-8 byte order mark (BOM). Windows reads the BOM as text on line 1, so a section header written on that line would not be recognised. Nothing is hidden now, but saving the file in Notepad as “UTF-8” (no BOM) or “ANSI” is safer.',
  },
  providerValue: {
    ja: 'INI の Provider= は {value} で、このツールが {provider} 用に書く {expected} と違います。送信プログラムが {value} を期待しているならこのままで問題ありません (再発行しても保たれます)。そうでなければ rtw acquire --from "{file}" --provider-value {expected} で再発行してください。',
    en: 'The INI’s Provider= is {value}, not {expected}, which this tool writes for {provider}. That is right if your sender expects {value} (a re-issue keeps it); otherwise re-issue with rtw acquire --from "{file}" --provider-value {expected}.',
  },
  secretSoon: {
    ja: 'クライアント シークレットは {days} 日後 ({date}) に期限切れになります。期限前に新しいシークレットを作成してトークンを再発行し ({command}、またはアプリのこのファイルの画面で [再発行])、新しい有効期限を同じ画面の [シークレットの有効期限] 欄 (コマンドでは --secret-expires) に記録してください。',
    en: 'The client secret expires in {days} days ({date}). Before then, create a new secret, re-issue the token with it ({command}, or Re-issue in the app’s view of this file) and record its new expiry in that view’s Secret expires field (--secret-expires on the command line).',
  },
} as const satisfies Record<string, Localized>;

function validTime(value: string | undefined): Date | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The state for a deadline: `expired` once it has passed, `warning` within WARN_DAYS of it. */
function stateOf(deadline: number | undefined, daysLeft: number | undefined, now: Date): HealthState {
  if (deadline === undefined || daysLeft === undefined) return 'unknown';
  if (now.getTime() >= deadline) return 'expired';
  return daysLeft <= WARN_DAYS ? 'warning' : 'ok';
}

/** The health of a file's content at `now` (pure). */
export function tokenHealthOf(file: string, content: TokenFileContent, now: Date): TokenHealth {
  const { oauth2, meta } = content;
  const recorded = recordedProfile(content, file);
  const limitDays = providerOf(recorded.provider).refreshToken.inactivityDays;
  const issued = validTime(meta.IssuedAt);
  const refreshed = validTime(meta.LastRefreshedAt);
  const lastActivity = [issued, refreshed]
    .filter((d): d is Date => d !== undefined)
    .reduce<Date | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
  // The earliest of: the inactivity limit, the seven days of a Testing consent screen, a time-limited grant.
  const ends: Array<{ at: Date; reason: NonNullable<TokenHealth['deadlineReason']> }> = [];
  if (lastActivity !== undefined)
    ends.push({ at: new Date(lastActivity.getTime() + limitDays * DAY_MS), reason: 'inactivity' });
  if (recorded.provider === 'google' && meta.AppAudience === 'testing' && issued !== undefined)
    ends.push({ at: new Date(issued.getTime() + TESTING_TOKEN_DAYS * DAY_MS), reason: 'testing' });
  const granted = validTime(meta.RefreshTokenExpiresAt);
  if (granted !== undefined) ends.push({ at: granted, reason: 'granted' });
  const end = ends.reduce<(typeof ends)[number] | undefined>(
    (a, b) => (a === undefined || b.at < a.at ? b : a),
    undefined,
  );
  const deadline = end?.at;
  // Whole days, rounded down: "1 day left" must never mean "expires in an hour".
  const daysLeft =
    deadline === undefined ? undefined : Math.floor((deadline.getTime() - now.getTime()) / DAY_MS);

  const secretDate = (meta.ClientSecretExpiresAt ?? '').trim();
  const secretExpiresAt = isCalendarDate(secretDate) ? secretDate : undefined;
  // Entra's expiry shown as a date ends that day; count to its end, in UTC like the portal's stored value.
  const secretEnd =
    secretExpiresAt === undefined ? undefined : Date.parse(`${secretExpiresAt}T00:00:00Z`) + DAY_MS;
  const secretDaysLeft =
    secretEnd === undefined ? undefined : Math.floor((secretEnd - now.getTime()) / DAY_MS);

  const token = stateOf(deadline?.getTime(), daysLeft, now);
  const secret = stateOf(secretEnd, secretDaysLeft, now);
  const command = reissueCommandFor(file);
  const warnings: Localized[] = [];
  // First: while it lasts, the sender reads nothing at all from that section, whatever else is fine.
  const hidden = content.byteOrderMark?.hides;
  if (hidden !== undefined) warnings.push(formatLocalized(TEXT.bomHidesSection, { section: hidden }));
  if (secret === 'expired') warnings.push(formatLocalized(TEXT.secretExpired, { date: secretDate, command }));
  const deadlineText = deadline?.toISOString() ?? '';
  if (token === 'expired')
    warnings.push(
      end?.reason === 'testing'
        ? formatLocalized(TEXT.testingExpired, { deadline: deadlineText, command })
        : end?.reason === 'granted'
          ? formatLocalized(TEXT.grantedExpired, { deadline: deadlineText, command })
          : formatLocalized(TEXT.tokenExpired, {
              date: lastActivity?.toISOString() ?? '',
              limit: limitDays,
              command,
            }),
    );
  if (token === 'warning')
    warnings.push(
      end?.reason === 'testing'
        ? formatLocalized(TEXT.testingSoon, { days: daysLeft ?? 0, deadline: deadlineText })
        : end?.reason === 'granted'
          ? formatLocalized(TEXT.grantedSoon, { days: daysLeft ?? 0, deadline: deadlineText })
          : formatLocalized(TEXT.tokenSoon, { days: daysLeft ?? 0, deadline: deadlineText, file }),
    );
  if (secret === 'warning')
    warnings.push(formatLocalized(TEXT.secretSoon, { days: secretDaysLeft ?? 0, date: secretDate, command }));
  if (token === 'unknown') warnings.push(formatLocalized(TEXT.tokenUnknown, { file }));
  if (content.byteOrderMark !== undefined && hidden === undefined) warnings.push(TEXT.bom);
  const provider = providerOf(recorded.provider);
  const value = (oauth2.Provider ?? '').trim();
  if (value !== '' && value !== provider.iniProviderValue)
    warnings.push({
      ja: formatLocalized(TEXT.providerValue, {
        value,
        expected: provider.iniProviderValue,
        provider: provider.displayName.ja,
        file,
      }).ja,
      en: formatLocalized(TEXT.providerValue, {
        value,
        expected: provider.iniProviderValue,
        provider: provider.displayName.en,
        file,
      }).en,
    });

  return {
    file,
    provider: recorded.provider,
    providerValue: oauth2.Provider,
    ...(meta.AppAudience === undefined ? {} : { appAudience: meta.AppAudience }),
    mailbox: oauth2.UserID ?? '',
    tenant: recorded.authority?.tenant ?? meta.Tenant,
    cloud: recorded.cloud,
    authority: recorded.authority?.authority,
    clientId: oauth2.ClientID ?? '',
    protocols: recorded.protocols,
    signedInAs: meta.SignedInAs,
    refreshTokenMasked: maskSecret(oauth2.RefreshToken),
    clientSecretMasked: maskSecret(oauth2.ClientSecret),
    issuedAt: issued?.toISOString(),
    lastRefreshedAt: refreshed?.toISOString(),
    inactivityDeadline: deadline?.toISOString(),
    deadlineReason: end?.reason,
    daysLeft,
    token,
    secretExpiresAt,
    secretDaysLeft,
    secret,
    warnings,
  };
}

/** Reads a token file and reports its health; `file-unreadable` when there is no file. */
export async function readTokenHealth(
  file: string,
  now: () => Date = () => new Date(),
): Promise<TokenHealth> {
  const content = await readTokenFile(file);
  if (!content.exists) throw new RtwError('file-unreadable', { path: file, reason: 'ENOENT' });
  return tokenHealthOf(file, content, now());
}
