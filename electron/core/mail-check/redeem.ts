/**
 * Redeeming the file's refresh token for access tokens, with the same request the senders' own refresh sends
 * (`refresh-grant.ts`).
 *
 * Entra rotates the refresh token on every redemption: the answer carries a new one. The check does not write
 * it to the file — keeping the file current is the refresh command's job, with its lock and backup — and that
 * loses nothing: Entra does not revoke the old refresh token when it issues a new one (FACTS.md, "every refresh
 * returns a new refresh token, and old ones are not revoked"), so the file's token keeps working for the
 * senders. The new token is still not dropped silently: it goes to `onRotated` for a caller that wants it
 * (the wizard can hand it to the refresh step), and the report says it was issued.
 */
import type { IdpNetworkClient } from '../transport/index.js';
import { redeemRefreshGrant } from '../oauth/index.js';
import type { RefreshGrantSettings } from '../oauth/index.js';

/** The registration and token from the file. */
export type RedeemSettings = RefreshGrantSettings;

/** One redemption's outcome. */
export interface RedeemedAccessToken {
  accessToken: string;
  expiresOn?: Date;
  /** Scopes Entra reported granting. */
  scopes: string[];
  /** The account in the ID token (the signed-in user: a delegate for a shared mailbox). */
  username?: string;
  /** The refresh token Entra rotated to, if it sent one. */
  rotatedRefreshToken?: string;
}

/** The resource a scope names (`https://outlook.office.com`); a bare name is Microsoft Graph, as Entra reads it. */
export function resourceOf(scope: string): string {
  const cut = scope.lastIndexOf('/');
  return cut < 0 ? 'https://graph.microsoft.com' : scope.slice(0, cut).replace(/\/+$/, '').toLowerCase();
}

/** Redeems the refresh token for an access token for `scopes`, which must all name one resource (AADSTS700022). */
export async function redeemRefreshToken(
  settings: RedeemSettings,
  scopes: readonly string[],
  network: IdpNetworkClient,
): Promise<RedeemedAccessToken> {
  const result = await redeemRefreshGrant(network, { ...settings, scopes });
  return {
    accessToken: result.accessToken,
    ...(result.expiresOn === undefined ? {} : { expiresOn: result.expiresOn }),
    scopes: result.scopes,
    ...(result.username === undefined ? {} : { username: result.username }),
    ...(result.refreshToken === undefined || result.refreshToken === settings.refreshToken
      ? {}
      : { rotatedRefreshToken: result.refreshToken }),
  };
}
