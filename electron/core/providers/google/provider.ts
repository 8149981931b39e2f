/**
 * Google (Gmail and Google Workspace) as an identity provider: the second implementation of the provider seam.
 *
 * An OAuth client of type "Desktop app": authorization code with PKCE at accounts.google.com, a loopback redirect
 * on any free port of 127.0.0.1 (Google matches no port for desktop clients), the code and every refresh at
 * oauth2.googleapis.com/token with the client secret (Google refuses a desktop client's request without it). One
 * scope, `https://mail.google.com/`, covers SMTP, IMAP and POP. Refresh tokens are not rotated as a rule and die
 * after six months unused (FACTS.md, "Google"). Google's device flow does not allow the mail scope: no device code.
 */
import { RtwError } from '../../errors.js';
import type {
  AccessTokenInfo,
  IdentityProvider,
  MailAccount,
  Protocol,
  RecordedAuthority,
  TokenInfoSupport,
} from '../types.js';
import { GOOGLE_AUTHORITY, validateGoogleRegistration } from './validation.js';

/** Google's endpoints, as SMAIL's own logs show the token endpoint. */
export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
export const GOOGLE_AUTHORIZE_URI = 'https://accounts.google.com/o/oauth2/v2/auth';
/** The scope of Gmail's IMAP, POP and SMTP (restricted: production apps for external users need verification). */
export const GMAIL_SCOPE = 'https://mail.google.com/';
/** Google's tokeninfo: what an access token carries (Google's access tokens are opaque to their holder). */
export const GOOGLE_TOKENINFO_URI = 'https://oauth2.googleapis.com/tokeninfo';

/**
 * SMAIL's `Provider=` value for Google: NOT CONFIRMED. The SMAIL manual shows only `Provider=1` for Microsoft
 * Azure, chosen in SmailRefreshToken.exe's provider list; Gmail support came first (its tool was
 * SmailGmailRefreshToken.exe, and SMAIL's logs name Google's token endpoint), and Microsoft the second entry. A
 * zero-based index of a list with Google first gives 0 for Google. The value is shown in the app and the CLI and
 * can be overridden per file (`--provider-value`); docs/app-registration says how to check it against an INI
 * written by SmailRefreshToken.exe.
 */
export const PROVIDER_VALUE_GOOGLE = '0';

/** Hosts of Google's token endpoints, past and present, that a file's TokenURI may name. */
const GOOGLE_HOSTS: ReadonlySet<string> = new Set([
  'oauth2.googleapis.com',
  'accounts.google.com',
  'www.googleapis.com',
]);

/** Google's endpoints for the INI (they do not depend on the account). */
const ENDPOINTS = { tokenUri: GOOGLE_TOKEN_URI, authorizeUri: GOOGLE_AUTHORIZE_URI };

/** Gmail's servers, as Google documents them (SMTP 587 STARTTLS; 465 with TLS from the start is the other). */
const GMAIL_HOSTS = {
  smtp: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
  imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
  pop: { host: 'pop.gmail.com', port: 995, security: 'tls' },
} as const;

/** A token URI of Google's: the file's own when it is a token endpoint, else today's. */
export function recognizeGoogleUri(uri: string): RecordedAuthority | undefined {
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return undefined;
  }
  const host = url.host.toLowerCase();
  if (url.protocol !== 'https:' || !GOOGLE_HOSTS.has(host)) return undefined;
  // The sender POSTs to its TokenURI: redeem exactly there (`/token`, the older `/o/oauth2/token`, `/oauth2/v4/token`).
  const isTokenEndpoint = /\/token\/?$/.test(url.pathname);
  return {
    provider: 'google',
    authority: GOOGLE_AUTHORITY,
    tokenUri: isTokenEndpoint ? `https://${url.host}${url.pathname}` : GOOGLE_TOKEN_URI,
    host,
    tenant: '',
    cloud: undefined,
  };
}

/**
 * Reads tokeninfo's answer: `{azp, aud, scope, exp, expires_in, email?, …}`, numbers as strings, as Google sends
 * them (research notes §1.9).
 */
function readTokenInfo(answer: Record<string, unknown>): AccessTokenInfo | undefined {
  const { scope, aud, exp, email } = answer;
  if (typeof scope !== 'string') return undefined;
  const seconds = typeof exp === 'string' || typeof exp === 'number' ? Number(exp) : Number.NaN;
  return {
    scopes: scope.split(/\s+/).filter((s) => s !== ''),
    ...(typeof aud === 'string' ? { audience: aud } : {}),
    ...(Number.isFinite(seconds) ? { expiresAt: new Date(seconds * 1000).toISOString() } : {}),
    ...(typeof email === 'string' ? { user: email } : {}),
  };
}

const TOKEN_INFO: TokenInfoSupport = { endpoint: GOOGLE_TOKENINFO_URI, read: readTokenInfo };

/**
 * Refresh failures that need a new sign-in: `invalid_grant` (expired, revoked, six months unused, the password
 * changed, beyond 100 tokens per client, seven days of a consent screen in Testing), and `unauthorized_client`
 * (the token belongs to another OAuth client than the file's).
 */
const REISSUE_ERRORS: ReadonlySet<string> = new Set(['invalid_grant', 'unauthorized_client']);

/** Google. */
export const google: IdentityProvider = {
  id: 'google',
  displayName: { en: 'Google (Gmail / Google Workspace)', ja: 'Google (Gmail / Google Workspace)' },
  iniProviderValue: PROVIDER_VALUE_GOOGLE,
  // SmailRefreshToken.exe picks a free port for Google, as Google's loopback rules allow.
  // Google's guide for desktop apps (loopback redirect) names no response_mode: the answer comes in the query.
  redirect: { host: '127.0.0.1', defaultPort: 0, defaultPath: '/', responseMode: 'query' },
  clouds: ['global'],
  noDeviceCode: {
    en: 'Google’s device code sign-in does not allow the Gmail scope (https://mail.google.com/): sign in with a browser on this computer.',
    ja: 'Google のデバイス コードでのサインインでは Gmail のスコープ (https://mail.google.com/) を要求できません。この PC のブラウザーでサインインしてください。',
  },
  supportsPublicClient: false,
  // "The refresh token has not been used for six months" (Google's OAuth overview): counted as 183 days. The
  // refresh asks for no scope, as Google's guide for desktop apps writes the request: the answer then carries the
  // grant's scopes as they are, so a token without Gmail's is seen as the sender would get it (asking for a scope
  // the grant lacks is refused with invalid_scope instead, which no sender meets).
  refreshToken: { inactivityDays: 183, rotates: false, scopeOnRefresh: false },
  extraScopes: [],
  signInScopes: (mail) => [...mail, 'openid', 'email'],

  validateRegistration: validateGoogleRegistration,
  iniEndpoints: () => ENDPOINTS,
  mailScopes: () => [GMAIL_SCOPE],
  tokenEndpoint: (recorded) => recorded.tokenUri,
  recognize: (uri) => recognizeGoogleUri(uri),
  tokenError(answer) {
    const error = typeof answer.error === 'string' && answer.error !== '' ? answer.error : 'unknown';
    const description = typeof answer.error_description === 'string' ? answer.error_description : '';
    return new RtwError('oauth-error', { error, description, provider: 'google' });
  },
  needsReissue(error) {
    return (
      error.code === 'oauth-error' && REISSUE_ERRORS.has((error as RtwError<'oauth-error'>).params.error)
    );
  },
  mailHost: (_account: MailAccount, protocol: Protocol) => GMAIL_HOSTS[protocol],
  tokenInfo: TOKEN_INFO,
  mailScope: GMAIL_SCOPE,
};
