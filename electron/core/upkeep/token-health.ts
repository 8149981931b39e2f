/**
 * How healthy a token file is, from what it records: when the token was issued or last refreshed, how many days
 * are left before the 90-day inactivity limit, and when the client secret expires, with warnings while there is
 * still time to act. Computed from recorded times with an injected clock; nothing is sent anywhere.
 *
 * The sending program may itself redeem the token without writing the new one back; we cannot see that, so
 * the days left are a lower bound counted from our own last write.
 */
import { formatLocalized } from '../i18n.js';
import type { Localized } from '../i18n.js';
import { maskSecret } from '../token-file/index.js';
import { isCalendarDate } from '../sign-in/index.js';
import { recordedProfile } from '../token-file/index.js';
import { reissueCommandFor } from './refresh.js';
import { RtwError } from '../errors.js';
import { readTokenFile } from '../token-file/index.js';
import type { TokenFileContent } from '../token-file/index.js';

/** Refresh tokens expire after this many days without use. */
export const INACTIVITY_LIMIT_DAYS = 90;
/** Warn when this few days are left (of the token or of the secret). */
export const WARN_DAYS = 30;

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
  /** When the 90 days run out, counted from the later of IssuedAt and LastRefreshedAt. */
  inactivityDeadline: string | undefined;
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
    ja: 'リフレッシュ トークンは最後の発行・更新 ({date}) から 90 日以上たち、期限切れの可能性があります。再発行してください: {command}',
    en: 'The refresh token was last issued or refreshed on {date}, more than 90 days ago, and has probably expired. Re-issue it: {command}',
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
    ja: 'クライアント シークレットの有効期限 ({date}) を過ぎています。新しいシークレットを作成し、その値でトークンを再発行してください: {command}',
    en: 'The client secret expired on {date}. Create a new secret and re-issue the token with its Value: {command}',
  },
  secretSoon: {
    ja: 'クライアント シークレットは {days} 日後 ({date}) に期限切れになります。期限前に新しいシークレットを作成し、トークンを再発行してください: {command}',
    en: 'The client secret expires in {days} days ({date}). Before then, create a new secret and re-issue the token with it: {command}',
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
  const recorded = recordedProfile(content);
  const issued = validTime(meta.IssuedAt);
  const refreshed = validTime(meta.LastRefreshedAt);
  const lastActivity = [issued, refreshed]
    .filter((d): d is Date => d !== undefined)
    .reduce<Date | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
  const deadline =
    lastActivity === undefined
      ? undefined
      : new Date(lastActivity.getTime() + INACTIVITY_LIMIT_DAYS * DAY_MS);
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
  if (secret === 'expired') warnings.push(formatLocalized(TEXT.secretExpired, { date: secretDate, command }));
  if (token === 'expired')
    warnings.push(formatLocalized(TEXT.tokenExpired, { date: lastActivity?.toISOString() ?? '', command }));
  if (token === 'warning')
    warnings.push(
      formatLocalized(TEXT.tokenSoon, { days: daysLeft ?? 0, deadline: deadline?.toISOString() ?? '', file }),
    );
  if (secret === 'warning')
    warnings.push(formatLocalized(TEXT.secretSoon, { days: secretDaysLeft ?? 0, date: secretDate, command }));
  if (token === 'unknown') warnings.push(formatLocalized(TEXT.tokenUnknown, { file }));

  return {
    file,
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
