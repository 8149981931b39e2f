/**
 * The table of the token file's keys: every key we write, in which section, what it is (its label in previews
 * and `rtw show`), whether it holds a secret, and where its value comes from at sign-in and at refresh. Writing,
 * previews, re-issue and the health report read this one table, so a new key is one row here plus whatever reads
 * its meaning.
 *
 * Free of Node imports: the renderer lists the keys it will write without pulling the file-writing code into its
 * bundle.
 */
import type { Localized } from '../i18n.js';
import type { Profile } from '../sign-in/profile.js';

export const OAUTH2_SECTION = 'OAUTH2';
export const META_SECTION = 'RefreshTokenWizard';

/** The keys legacy senders read, spelled and ordered as SMAIL writes them (`OuthURI` sic). */
export const OAUTH2_KEYS = [
  'UserID',
  'ClientID',
  'ClientSecret',
  'RefreshToken',
  'TokenURI',
  'OuthURI',
  'OAUTH2_TIME_OUT',
  'Provider',
] as const;
/** One of the keys legacy senders read. */
export type OAuth2Key = (typeof OAUTH2_KEYS)[number];

/** The wizard's own keys in `[RefreshTokenWizard]`, which legacy senders never ask for. */
export const META_KEYS = [
  'IssuedAt',
  'Tenant',
  'Cloud',
  'Authority',
  'Protocols',
  'Scopes',
  'SignedInAs',
  'ClientSecretExpiresAt',
  'AppAudience',
  'RefreshTokenExpiresAt',
  'LastRefreshedAt',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** SMAIL's default network timeout, in seconds. */
export const OAUTH2_TIME_OUT = '30';

/** What a sign-in knows when it writes the file. */
export interface SignInValues {
  profile: Pick<
    Profile,
    | 'userId'
    | 'clientId'
    | 'clientSecret'
    | 'tenant'
    | 'cloud'
    | 'authority'
    | 'protocols'
    | 'clientSecretExpiresAt'
    | 'provider'
    | 'providerValue'
    | 'appAudience'
  >;
  refreshToken: string;
  /** `TokenURI` / `OuthURI`, from the profile's provider. */
  endpoints: { tokenUri: string; authorizeUri: string };
  /** Google's time-limited access: when the refresh token dies (ISO 8601). */
  refreshTokenExpiresAt?: string;
  /** The scopes asked for, as recorded. */
  scopes: readonly string[];
  signedInAs: string;
  now: Date;
}

/** What a refresh knows when it writes the file. */
export interface RefreshValues {
  refreshToken: string;
  now: Date;
}

/** What a client secret rotation writes (besides, when the token could be redeemed, a refresh's values). */
export interface SecretRotationValues {
  /** The new secret Value. */
  clientSecret: string;
  /** The new secret's expiry (YYYY-MM-DD); undefined records "unknown" (''): the old secret's date is wrong now. */
  clientSecretExpiresAt: string | undefined;
}

/** One row of the table. */
export interface TokenFileKey<K extends string = string> {
  section: typeof OAUTH2_SECTION | typeof META_SECTION;
  key: K;
  label: Localized;
  /** Holds a secret: shown masked, never logged. */
  secret: boolean;
  /** Its value when a sign-in writes the file; undefined leaves what the file has. */
  atSignIn?(values: SignInValues): string | undefined;
  /** Its value when a refresh writes the file; undefined leaves what the file has. */
  atRefresh?(values: RefreshValues): string | undefined;
  /** Its value when a client secret rotation writes the file; undefined leaves what the file has. */
  atSecretRotation?(values: SecretRotationValues): string | undefined;
}

type RowOptions = Partial<Pick<TokenFileKey, 'secret' | 'atSignIn' | 'atRefresh' | 'atSecretRotation'>>;

const oauth2 = (
  key: OAuth2Key,
  label: Localized,
  atSignIn: TokenFileKey['atSignIn'],
  more: RowOptions = {},
): TokenFileKey<OAuth2Key> => ({ section: OAUTH2_SECTION, key, label, secret: false, atSignIn, ...more });
const meta = (key: MetaKey, label: Localized, more: RowOptions = {}): TokenFileKey<MetaKey> => ({
  section: META_SECTION,
  key,
  label,
  secret: false,
  ...more,
});

/** Every key, `[OAUTH2]` first in SMAIL's order, then ours in the order a sign-in writes them. */
export const TOKEN_FILE_KEYS: readonly TokenFileKey[] = [
  oauth2('UserID', { en: 'Mailbox', ja: 'メールボックス' }, (v) => v.profile.userId),
  oauth2('ClientID', { en: 'Client ID', ja: 'クライアント ID' }, (v) => v.profile.clientId),
  // A public client's is empty: some senders require the key to be there.
  oauth2(
    'ClientSecret',
    { en: 'Client secret', ja: 'クライアント シークレット' },
    (v) => v.profile.clientSecret ?? '',
    {
      secret: true,
      atSecretRotation: (v) => v.clientSecret,
    },
  ),
  oauth2('RefreshToken', { en: 'Refresh token', ja: 'リフレッシュ トークン' }, (v) => v.refreshToken, {
    secret: true,
    atRefresh: (v) => v.refreshToken,
  }),
  oauth2('TokenURI', { en: 'Token endpoint', ja: 'トークン エンドポイント' }, (v) => v.endpoints.tokenUri),
  oauth2('OuthURI', { en: 'Authorize endpoint', ja: '認可エンドポイント' }, (v) => v.endpoints.authorizeUri),
  oauth2(
    'OAUTH2_TIME_OUT',
    { en: 'Network timeout (s)', ja: 'ネットワーク タイムアウト (秒)' },
    () => OAUTH2_TIME_OUT,
  ),
  oauth2('Provider', { en: 'Provider', ja: 'プロバイダー' }, (v) => v.profile.providerValue),
  meta('IssuedAt', { en: 'Issued', ja: '発行日時' }, { atSignIn: (v) => v.now.toISOString() }),
  // Microsoft's; Google has none.
  meta('Tenant', { en: 'Tenant', ja: 'テナント' }, { atSignIn: (v) => v.profile.tenant || undefined }),
  meta('Cloud', { en: 'Cloud', ja: 'クラウド' }, { atSignIn: (v) => v.profile.cloud }),
  meta('Authority', { en: 'Authority', ja: '機関 (authority)' }, { atSignIn: (v) => v.profile.authority }),
  meta(
    'Protocols',
    { en: 'Protocols', ja: 'プロトコル' },
    { atSignIn: (v) => v.profile.protocols.join(',') },
  ),
  meta('Scopes', { en: 'Scopes', ja: 'スコープ' }, { atSignIn: (v) => v.scopes.join(' ') }),
  meta(
    'SignedInAs',
    { en: 'Signed in as', ja: 'サインインしたアカウント' },
    { atSignIn: (v) => v.signedInAs },
  ),
  // Given: recorded ('' records "unknown"); not given: the file keeps what it had.
  meta(
    'ClientSecretExpiresAt',
    { en: 'Secret expires', ja: 'シークレットの有効期限' },
    {
      atSignIn: (v) => v.profile.clientSecretExpiresAt,
      atSecretRotation: (v) => v.clientSecretExpiresAt ?? '',
    },
  ),
  meta(
    'AppAudience',
    { en: 'Consent screen audience', ja: '同意画面の対象' },
    { atSignIn: (v) => v.profile.appAudience },
  ),
  // Google's time-limited access; a Google sign-in without it clears an old one (Entra has no such grants).
  meta(
    'RefreshTokenExpiresAt',
    { en: 'Refresh token expires', ja: 'リフレッシュ トークンの有効期限' },
    { atSignIn: (v) => v.refreshTokenExpiresAt ?? (v.profile.provider === 'google' ? '' : undefined) },
  ),
  meta(
    'LastRefreshedAt',
    { en: 'Last refreshed', ja: '最終更新日時' },
    { atRefresh: (v) => v.now.toISOString() },
  ),
];

/** What a write changes: per section, the keys and values to set (the table's order). */
export interface KeyValues {
  oauth2: Partial<Record<OAuth2Key, string>>;
  meta: Record<string, string>;
}

function collect(pick: (row: TokenFileKey) => string | undefined): KeyValues {
  const values: KeyValues = { oauth2: {}, meta: {} };
  for (const row of TOKEN_FILE_KEYS) {
    const value = pick(row);
    if (value === undefined) continue;
    if (row.section === OAUTH2_SECTION) values.oauth2[row.key as OAuth2Key] = value;
    else values.meta[row.key] = value;
  }
  return values;
}

/** The values a sign-in writes. */
export function signInValues(values: SignInValues): KeyValues {
  return collect((row) => row.atSignIn?.(values));
}

/** The values a refresh writes: the rotated token and the time, nothing else. */
export function refreshValues(values: RefreshValues): KeyValues {
  return collect((row) => row.atRefresh?.(values));
}

/**
 * The values a client secret rotation writes: the new secret and its expiry, and with `refreshed` (the token was
 * redeemed with the new secret) the rotated token and the time too, all in one write.
 */
export function secretRotationValues(values: SecretRotationValues, refreshed?: RefreshValues): KeyValues {
  const rotation = collect((row) => row.atSecretRotation?.(values));
  if (refreshed === undefined) return rotation;
  const refresh = refreshValues(refreshed);
  return {
    oauth2: { ...rotation.oauth2, ...refresh.oauth2 },
    meta: { ...rotation.meta, ...refresh.meta },
  };
}

/** The row of a key, by section and name. */
export function keyRow(section: string, key: string): TokenFileKey | undefined {
  return TOKEN_FILE_KEYS.find((row) => row.section === section && row.key === key);
}

/** A key's label (previews, `rtw show`): the table's, so a key is named the same wherever it is shown. */
export function keyLabel(key: OAuth2Key | MetaKey): Localized {
  const row = TOKEN_FILE_KEYS.find((r) => r.key === key);
  if (row === undefined) throw new Error(`no row for ${key} in the key table`);
  return row.label;
}
