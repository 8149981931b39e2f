/**
 * Microsoft Entra ID as an identity provider: the first implementation of the provider seam (../types.ts).
 *
 * Pure, like the seam itself: the renderer draws the form from it, and `rtw refresh` redeems with it without
 * loading MSAL, which only the code flow needs (`loadCodeFlow`).
 */
import type { RtwError } from '../../errors.js';
import type { IdentityProvider, MailAccount, Protocol, RecordedAuthority, Registration } from '../types.js';
import { ENTRA_ACCESS_TOKENS } from './access-token.js';
import { CONSUMERS_TENANT_ID, isPersonalMailbox } from './account-type.js';
import { cloudOf } from './cloud-of.js';
import { entraDeviceCode } from './device-code.js';
import { errorOfEntraAnswer } from './entra-answer.js';
import { CLOUD_NAMES, CLOUDS, OFFLINE_ACCESS, endpointsFor, mailScopes } from './clouds.js';
import type { CloudName } from './clouds.js';
import { validateMicrosoftRegistration } from './validation.js';

/** SMAIL's value for Microsoft Azure, as its manual shows it (`Provider=1`). */
export const PROVIDER_VALUE_MICROSOFT = '1';

/** Login hosts of each cloud; `usgov` and `usgov-dod` share one, so the meta section decides between them. */
const CLOUD_OF_HOST: Readonly<Record<string, CloudName>> = {
  'login.microsoftonline.com': 'global',
  'login.windows.net': 'global',
  'login.microsoft.com': 'global',
  // Entra's v1 issuer host, which MSAL's instance metadata lists among the global cloud's aliases.
  'sts.windows.net': 'global',
  'login.microsoftonline.us': 'usgov',
  'login.usgovcloudapi.net': 'usgov',
  'login.partner.microsoftonline.cn': 'china',
  'login.chinacloudapi.cn': 'china',
};

/**
 * Entra errors that mean "this refresh token will never work again; sign in interactively": inactivity
 * (700082), expired grant (70008), revoked (50173), sign-in frequency (70043), expired client secret (7000222:
 * re-issue with a new secret), and a token Entra cannot even parse (9002313: a damaged or hand-edited INI).
 */
export const REISSUE_AADSTS: ReadonlySet<number> = new Set([700082, 70008, 50173, 70043, 7000222, 9002313]);
/** OAuth errors meaning the grant is unusable without an interactive sign-in (MFA now required is one). */
const REISSUE_OAUTH_ERRORS: ReadonlySet<string> = new Set(['invalid_grant', 'interaction_required']);

/**
 * The authority of a TokenURI, OuthURI or authority URL (`https://host/tenant[/oauth2/v2.0/token]`), or
 * undefined for anything else. Any https host with a tenant segment counts (a private cloud, the sandbox);
 * `metaCloud` picks between clouds sharing a host (usgov / usgov-dod).
 */
export function recognizeMicrosoftUri(uri: string, metaCloud?: string): RecordedAuthority | undefined {
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const tenant = url.pathname.split('/').find((s) => s !== '');
  if (tenant === undefined || tenant.toLowerCase() === 'oauth2') return undefined;
  const host = url.host.toLowerCase();
  let cloud: CloudName | undefined = CLOUD_OF_HOST[host];
  if (cloud === 'usgov' && metaCloud === 'usgov-dod') cloud = 'usgov-dod';
  let decoded: string;
  try {
    decoded = decodeURIComponent(tenant);
  } catch {
    // A malformed escape (`%E0%A4%A`) is not a tenant: the file names no authority we can use.
    return undefined;
  }
  const authority = `https://${url.host}/${tenant}`;
  return {
    provider: 'microsoft',
    authority,
    tokenUri: tokenEndpointOfAuthority(authority),
    host,
    tenant: decoded,
    cloud,
  };
}

/**
 * The v2 token endpoint of an authority (`https://host/tenant`). A Microsoft cloud's alias host
 * (`login.windows.net`, `login.chinacloudapi.cn`…) is replaced by the cloud's own login host, as MSAL does; any
 * other host (a private cloud, the sandbox) is taken as it is, Entra-shaped.
 */
export function tokenEndpointOfAuthority(authority: string): string {
  const base = authority.replace(/\/+$/, '');
  const url = new URL(base);
  const cloud = CLOUD_OF_HOST[url.host.toLowerCase()];
  if (cloud === undefined) return `${base}/oauth2/v2.0/token`;
  const tenantPath = url.pathname.replace(/^\/+/, '');
  return `https://${CLOUDS[cloud].loginHost}/${tenantPath}/oauth2/v2.0/token`;
}

/** A personal Microsoft account (Outlook.com): by its mail domain, or signed in through `consumers`. */
export function isPersonalAccount(account: Pick<MailAccount, 'tenant' | 'userId'>): boolean {
  const tenant = account.tenant.trim().toLowerCase();
  return isPersonalMailbox(account.userId) || tenant === 'consumers' || tenant === CONSUMERS_TENANT_ID;
}

/** Microsoft Entra ID. */
export const microsoft: IdentityProvider = {
  id: 'microsoft',
  displayName: { en: 'Microsoft 365 / Outlook.com (Entra ID)', ja: 'Microsoft 365 / Outlook.com (Entra ID)' },
  iniProviderValue: PROVIDER_VALUE_MICROSOFT,
  // The SMAIL manual registers exactly http://localhost:8001/myapp/ (Web); Entra ignores the port of localhost.
  // form_post: "We recommend apps use form_post, especially when using http://localhost as a redirect URI"
  // (v2-oauth2-auth-code-flow); MSAL Node 7's getAuthCodeUrl takes it for a confidential client too.
  redirect: { host: 'localhost', defaultPort: 8001, defaultPath: '/myapp/', responseMode: 'form_post' },
  clouds: CLOUD_NAMES,
  deviceCode: entraDeviceCode,
  supportsPublicClient: true,
  // 90 days without use; every redemption returns a new one and the old one keeps working (FACTS.md).
  refreshToken: { inactivityDays: 90, rotates: true, scopeOnRefresh: true },
  extraScopes: ['openid', 'profile', OFFLINE_ACCESS],
  signInScopes: (mail) => [...mail, OFFLINE_ACCESS],

  validateRegistration: validateMicrosoftRegistration,
  iniEndpoints(registration: Registration) {
    return endpointsFor(registration.authority);
  },
  mailScopes(registration: Pick<Registration, 'cloud'>, protocols: readonly Protocol[]) {
    return mailScopes(CLOUDS[cloudOf(registration.cloud)], protocols);
  },
  tokenEndpoint(recorded: RecordedAuthority) {
    return tokenEndpointOfAuthority(recorded.authority);
  },
  recognize(uri: string, metaCloud: string | undefined) {
    return recognizeMicrosoftUri(uri, metaCloud);
  },
  tokenError(answer: Record<string, unknown>): RtwError {
    return errorOfEntraAnswer(answer);
  },
  needsReissue(error: RtwError) {
    if (error.code === 'aadsts') {
      const { aadsts, error: oauthError } = (error as RtwError<'aadsts'>).params;
      return REISSUE_AADSTS.has(aadsts) || REISSUE_OAUTH_ERRORS.has(oauthError);
    }
    if (error.code === 'oauth-error')
      return REISSUE_OAUTH_ERRORS.has((error as RtwError<'oauth-error'>).params.error);
    return false;
  },
  mailHost(account: MailAccount, protocol: Protocol) {
    const c = CLOUDS[cloudOf(account.cloud)];
    return protocol === 'smtp' && isPersonalAccount(account)
      ? (c.personalSmtp ?? c.mail.smtp)
      : c.mail[protocol];
  },
  accessToken: ENTRA_ACCESS_TOKENS,
};
