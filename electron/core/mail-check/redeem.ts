/**
 * Redeeming the file's refresh token for access tokens, through MSAL as the senders' own refresh does.
 *
 * Entra rotates the refresh token on every redemption: the answer carries a new one. The check does not write
 * it to the file — keeping the file current is the refresh command's job, with its lock and backup — and that
 * loses nothing: Entra does not revoke the old refresh token when it issues a new one (FACTS.md, "every refresh
 * returns a new refresh token, and old ones are not revoked"), so the file's token keeps working for the
 * senders. The new token is still not dropped silently: it goes to `onRotated` for a caller that wants it
 * (the wizard can hand it to the refresh step), and the report says it was issued.
 */
import type { AuthenticationResult } from '@azure/msal-node';
import { createMsalApp } from '../authorize.js';
import { RtwError } from '../errors.js';
import { fromMsalError } from '../msal-errors.js';
import type { IdpNetworkClient } from '../network-client.js';
import { extractRefreshToken } from '../token-cache.js';

/** The registration and token from the file. */
export interface RedeemSettings {
  clientId: string;
  /** Undefined for a public client. */
  clientSecret: string | undefined;
  authority: string;
  refreshToken: string;
}

/** One redemption's outcome. */
export interface RedeemedAccessToken {
  accessToken: string;
  expiresOn?: Date;
  /** Scopes Entra reported granting. */
  scopes: string[];
  /** The account MSAL saw (the signed-in user: a delegate for a shared mailbox). */
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
  const app = createMsalApp(
    { clientId: settings.clientId, clientSecret: settings.clientSecret, authority: settings.authority },
    network,
  );
  let result: AuthenticationResult | null;
  try {
    // forceCache: without it MSAL does not cache the rotated refresh token, and we could not report it.
    result = await app.acquireTokenByRefreshToken({
      refreshToken: settings.refreshToken,
      scopes: [...scopes],
      forceCache: true,
    });
  } catch (error) {
    throw fromMsalError(error, network);
  }
  if (result === null || result.accessToken === '')
    throw new RtwError('idp-bad-response', { host: new URL(settings.authority).host, status: 200 });
  const rotated =
    result.account === null
      ? undefined
      : extractRefreshToken(app.getTokenCache().serialize(), result.account.homeAccountId, settings.clientId);
  return {
    accessToken: result.accessToken,
    ...(result.expiresOn === null ? {} : { expiresOn: result.expiresOn }),
    scopes: result.scopes,
    ...(result.account === null ? {} : { username: result.account.username }),
    ...(rotated === undefined || rotated === settings.refreshToken ? {} : { rotatedRefreshToken: rotated }),
  };
}
