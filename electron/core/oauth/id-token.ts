/**
 * Reading who signed in from an ID token's claims. The token came over TLS straight from the token endpoint, so,
 * like MSAL, we read its claims without checking its signature; an unreadable one only means no name.
 */

/** The JSON payload of a JWT, or undefined when it is not one. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The account name in an ID token, as MSAL reads it (`preferred_username`, else `upn`), else its `email`. */
export function usernameOfIdToken(idToken: string): string | undefined {
  const claims = jwtPayload(idToken);
  if (claims === undefined) return undefined;
  for (const key of ['preferred_username', 'upn', 'email']) {
    const value = claims[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
