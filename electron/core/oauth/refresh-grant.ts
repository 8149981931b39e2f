/**
 * Redeeming a refresh token: one POST of the refresh_token grant (RFC 6749 §6) to the token endpoint the file
 * records, for every provider.
 *
 * The Microsoft sign-ins go through MSAL; this one request does not, for two reasons. `rtw refresh` runs from a
 * scheduler, one process per run, and loading and setting up MSAL was a large part of its run time
 * (docs/benchmarks.md, figure 3) for a request that is a single form POST. And MSAL hands out the rotated refresh
 * token only through its serialized cache (`forceCache`), where here it is simply a field of the answer. For Entra
 * the request is what MSAL sends for `acquireTokenByRefreshToken` (the mail scopes plus `openid profile
 * offline_access`: without `offline_access` Entra's v2 endpoint returns no new refresh token); the provider adds
 * its own extra scopes and reads its own error answers.
 */
import { providerOf } from '../providers/index.js';
import type { RecordedAuthority } from '../providers/index.js';
import type { IdpNetworkClient } from '../transport/index.js';
import { checkedUsername } from './id-token.js';
import { requestToken } from './token-client.js';

/** The registration and the token to redeem. */
export interface RefreshGrantRequest {
  clientId: string;
  /** Undefined for a public client (Mobile and desktop registration): sending one would be AADSTS700025. */
  clientSecret: string | undefined;
  /** Where the token was issued: its provider and token endpoint. */
  authority: RecordedAuthority;
  refreshToken: string;
  /** Scopes of one resource (Entra refuses a mix: AADSTS700022). */
  scopes: readonly string[];
}

/** What a redemption needs from a token file: everything but the scopes. */
export type RefreshGrantSettings = Omit<RefreshGrantRequest, 'scopes'>;

/** What the provider answered. */
export interface RefreshGrantResult {
  accessToken: string;
  /** The rotated refresh token; Entra sends one whenever `offline_access` was asked for, Google seldom. */
  refreshToken?: string;
  expiresOn?: Date;
  /** Scopes the provider reported granting (the requested ones when it did not say). */
  scopes: string[];
  /** The signed-in account from the ID token (a delegate for a shared mailbox), when one came. */
  username?: string;
  /** Google's time-limited access: when the refresh token itself dies. */
  refreshTokenExpiresOn?: Date;
}

/** The form of the request; the secret goes in the body (client_secret_post), as MSAL sends it. */
export function refreshGrantForm(request: RefreshGrantRequest): Record<string, string> {
  const provider = providerOf(request.authority.provider);
  const scopes = [...request.scopes, ...provider.extraScopes.filter((s) => !request.scopes.includes(s))];
  return {
    client_id: request.clientId,
    grant_type: 'refresh_token',
    refresh_token: request.refreshToken,
    ...(provider.refreshToken.scopeOnRefresh ? { scope: scopes.join(' ') } : {}),
    // An empty secret is none (a public client), as MSAL reads it.
    ...(request.clientSecret !== undefined && request.clientSecret !== ''
      ? { client_secret: request.clientSecret }
      : {}),
  };
}

/** Redeems the refresh token; throws our error for an error answer or a broken one. */
export async function redeemRefreshGrant(
  network: IdpNetworkClient,
  request: RefreshGrantRequest,
  now: () => Date = () => new Date(),
): Promise<RefreshGrantResult> {
  const provider = providerOf(request.authority.provider);
  const url = provider.tokenEndpoint(request.authority);
  const answer = await requestToken(network, provider, url, refreshGrantForm(request), request.scopes);
  const username =
    answer.idToken === undefined
      ? undefined
      : checkedUsername(answer.idToken, {
          provider: request.authority.provider,
          clientId: request.clientId,
          host: new URL(url).host,
          tenant: request.authority.tenant,
          now: now(),
        });
  const at = (secondsFromNow: number): Date => new Date(now().getTime() + secondsFromNow * 1000);
  return {
    accessToken: answer.accessToken,
    ...(answer.refreshToken === undefined ? {} : { refreshToken: answer.refreshToken }),
    ...(answer.expiresIn === undefined ? {} : { expiresOn: at(answer.expiresIn) }),
    scopes: answer.scopes,
    ...(username === undefined ? {} : { username }),
    ...(answer.refreshTokenExpiresIn === undefined
      ? {}
      : { refreshTokenExpiresOn: at(answer.refreshTokenExpiresIn) }),
  };
}
