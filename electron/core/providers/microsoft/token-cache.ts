/**
 * Reading the refresh token out of MSAL's serialized token cache.
 *
 * MSAL deliberately never returns the refresh token from its API (all MSALs do this). Legacy senders need it,
 * so we take it from the cache MSAL keeps in memory, for exactly the account that just signed in.
 */

/** The cache fields we read; MSAL's schema (shared by every MSAL) names them in snake_case. */
interface SerializedRefreshToken {
  home_account_id?: unknown;
  credential_type?: unknown;
  client_id?: unknown;
  secret?: unknown;
}

/**
 * The refresh token for `homeAccountId` and `clientId` in a serialized MSAL cache, or undefined when there is
 * none (Entra issues none without `offline_access`).
 */
export function extractRefreshToken(
  serializedCache: string,
  homeAccountId: string,
  clientId: string,
): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(serializedCache);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('RefreshToken' in parsed)) return undefined;
  const entries = parsed.RefreshToken;
  if (typeof entries !== 'object' || entries === null) return undefined;
  for (const entry of Object.values(entries as Record<string, SerializedRefreshToken>)) {
    if (
      entry.credential_type === 'RefreshToken' &&
      entry.home_account_id === homeAccountId &&
      // Family refresh tokens (FOCI) carry no client_id; ours is never one, but accept either.
      (entry.client_id === undefined || entry.client_id === clientId) &&
      typeof entry.secret === 'string' &&
      entry.secret !== ''
    ) {
      return entry.secret;
    }
  }
  return undefined;
}
