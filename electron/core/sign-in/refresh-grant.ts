/**
 * Redeeming a refresh token: one POST of the refresh_token grant (RFC 6749 §6) to the authority's token endpoint.
 *
 * The sign-ins (authorization code with PKCE, device code) go through MSAL; this one request does not, for two
 * reasons. `rtw refresh` runs from a scheduler, one process per run, and loading and setting up MSAL was a large
 * part of its run time (docs/benchmarks.md, figure 3) for a request that is a single form POST. And MSAL hands
 * out the rotated refresh token only through its serialized cache (`forceCache`), where here it is simply a field
 * of the answer. The request is what MSAL sends for `acquireTokenByRefreshToken` (the mail scopes plus `openid
 * profile offline_access`: without `offline_access` Entra's v2 endpoint returns no new refresh token), and the
 * answer is checked as strictly: an Entra error answer becomes our `aadsts`/`oauth-error`, transport and HTTP
 * failures come from the network client as they do for MSAL. One difference: for a host that is not Microsoft's,
 * MSAL first read the authority's OpenID configuration for its token endpoint; here it is taken to be the
 * Entra-shaped `/oauth2/v2.0/token`, which is also where legacy senders POST (the file's `TokenURI`). An ADFS
 * authority, which the wizard does not offer, would not work.
 */
import { asEntraAnswer, errorOfEntraAnswer, oauthErrorOf } from '../providers/microsoft/index.js';
import { CLOUDS, OFFLINE_ACCESS } from '../providers/microsoft/index.js';
import { RtwError } from '../errors.js';
import type { IdpNetworkClient } from '../transport/index.js';
import { authorityFromUri } from '../token-file/index.js';

/** The registration and the token to redeem. */
export interface RefreshGrantRequest {
  clientId: string;
  /** Undefined for a public client (Mobile and desktop registration): sending one would be AADSTS700025. */
  clientSecret: string | undefined;
  /** `https://host/tenant`. */
  authority: string;
  refreshToken: string;
  /** Scopes of one resource (Entra refuses a mix: AADSTS700022). */
  scopes: readonly string[];
}

/** What a redemption needs from a token file: everything but the scopes. */
export type RefreshGrantSettings = Omit<RefreshGrantRequest, 'scopes'>;

/** What Entra answered. */
export interface RefreshGrantResult {
  accessToken: string;
  /** The rotated refresh token; Entra sends one whenever `offline_access` was asked for. */
  refreshToken?: string;
  expiresOn?: Date;
  /** Scopes Entra reported granting (the requested ones when it did not say). */
  scopes: string[];
  /** The signed-in account from the ID token (a delegate for a shared mailbox), when Entra sent one. */
  username?: string;
}

/** The OIDC scopes MSAL adds to every request; `offline_access` is what brings a new refresh token. */
const OIDC_SCOPES = ['openid', 'profile', OFFLINE_ACCESS];

/**
 * The v2 token endpoint of an authority (`https://host/tenant`), as recorded in a token file's `TokenURI`. A
 * Microsoft cloud's alias host (`login.windows.net`, `login.chinacloudapi.cn`…) is replaced by the cloud's own
 * login host, as MSAL does; any other host (a private cloud, the sandbox) is taken as it is, Entra-shaped.
 */
export function tokenEndpointOf(authority: string): string {
  const base = authority.replace(/\/+$/, '');
  const recorded = authorityFromUri(base);
  if (recorded?.cloud === undefined) return `${base}/oauth2/v2.0/token`;
  const tenantPath = new URL(base).pathname.replace(/^\/+/, '');
  return `https://${CLOUDS[recorded.cloud].loginHost}/${tenantPath}/oauth2/v2.0/token`;
}

/** The form body of the request; the secret goes in the body (client_secret_post), as MSAL sends it. */
export function refreshGrantBody(request: RefreshGrantRequest): string {
  const scopes = [...request.scopes, ...OIDC_SCOPES.filter((s) => !request.scopes.includes(s))];
  const form = new URLSearchParams({
    client_id: request.clientId,
    grant_type: 'refresh_token',
    refresh_token: request.refreshToken,
    scope: scopes.join(' '),
  });
  // An empty secret is none (a public client), as MSAL reads it.
  if (request.clientSecret !== undefined && request.clientSecret !== '')
    form.set('client_secret', request.clientSecret);
  return form.toString();
}

/** Redeems the refresh token; throws our error for an Entra error answer or a broken one. */
export async function redeemRefreshGrant(
  network: IdpNetworkClient,
  request: RefreshGrantRequest,
  now: () => Date = () => new Date(),
): Promise<RefreshGrantResult> {
  const url = tokenEndpointOf(request.authority);
  const response = await network.sendPostRequestAsync<unknown>(url, {
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: refreshGrantBody(request),
  });
  const answer = asEntraAnswer(response.body);
  if (oauthErrorOf(answer) !== '') throw errorOfEntraAnswer(answer);
  const { access_token, refresh_token, expires_in, scope, id_token } = answer;
  const broken = (): RtwError =>
    new RtwError('idp-bad-response', { host: new URL(url).host, status: response.status });
  if (typeof access_token !== 'string' || access_token === '') throw broken();
  if (refresh_token !== undefined && (typeof refresh_token !== 'string' || refresh_token === ''))
    throw broken();
  const seconds = typeof expires_in === 'string' ? Number(expires_in) : expires_in;
  const username = typeof id_token === 'string' ? usernameOf(id_token) : undefined;
  return {
    accessToken: access_token,
    ...(typeof refresh_token === 'string' ? { refreshToken: refresh_token } : {}),
    ...(typeof seconds === 'number' && Number.isFinite(seconds)
      ? { expiresOn: new Date(now().getTime() + seconds * 1000) }
      : {}),
    scopes:
      typeof scope === 'string' && scope.trim() !== '' ? scope.trim().split(/\s+/) : [...request.scopes],
    ...(username === undefined ? {} : { username }),
  };
}

/**
 * The account name in an ID token, as MSAL reads it (`preferred_username`, else `upn`). The token came over TLS
 * straight from the token endpoint, so, like MSAL, we read its claims without checking its signature; an
 * unreadable one only means no name.
 */
function usernameOf(idToken: string): string | undefined {
  const payload = idToken.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return undefined;
    const { preferred_username, upn } = claims as Record<string, unknown>;
    if (typeof preferred_username === 'string' && preferred_username !== '') return preferred_username;
    return typeof upn === 'string' && upn !== '' ? upn : undefined;
  } catch {
    return undefined;
  }
}
