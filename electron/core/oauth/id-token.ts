/**
 * Reading who signed in from an ID token's claims. The token came over TLS straight from the token endpoint, so,
 * like MSAL, we read its claims without checking its signature; but before its name is trusted its claims must
 * fit this sign-in (checkIdToken).
 */
import { RtwError } from '../errors.js';

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

/** What an ID token must say to be this sign-in's (issue #15, item 13). */
export interface IdTokenExpectations {
  provider: 'microsoft' | 'google';
  /** The registration's client ID: the token's audience. */
  clientId: string;
  /** The host of the token endpoint that answered (Entra's issuer names it). */
  host: string;
  /** Microsoft: the tenant of the authority; a tenant ID must be the token's `tid`. Google: ''. */
  tenant: string;
  /** The nonce of the authorize request, when one was sent. */
  nonce?: string;
  now: Date;
}

/** How far the computer's clock may be off the provider's before a token's validity is doubted. */
const CLOCK_SKEW_S = 300;
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Google's issuers (https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken). */
const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

/**
 * Checks an ID token's claims as oauth4webapi's processing of a token answer does (iss, aud and azp, exp, iat,
 * nbf, nonce; Entra's tid), and returns them; throws `id-token-invalid` naming the first claim that does not fit.
 * The signature is not checked (the token came over TLS straight from the token endpoint, as OpenID Connect Core
 * §3.1.3.7 allows): this stops an answer that a proxy or a mix-up put together from naming who signed in.
 */
export function checkIdToken(idToken: string, expect: IdTokenExpectations): Record<string, unknown> {
  const invalid = (claim: string): RtwError => new RtwError('id-token-invalid', { host: expect.host, claim });
  const claims = jwtPayload(idToken);
  if (claims === undefined) throw invalid('format');
  const nowS = expect.now.getTime() / 1000;
  const { iss, aud, azp, exp, iat, nbf, nonce, tid } = claims;
  if (expect.provider === 'microsoft') {
    // Entra's v2.0 endpoints issue `https://<login host>/<tenant ID>/v2.0` (the sandbox does the same).
    if (typeof tid !== 'string' || !TENANT_ID.test(tid)) throw invalid('tid');
    if (TENANT_ID.test(expect.tenant) && tid.toLowerCase() !== expect.tenant.toLowerCase())
      throw invalid('tid');
    if (iss !== `https://${expect.host}/${tid}/v2.0`) throw invalid('iss');
  } else if (typeof iss !== 'string' || !GOOGLE_ISSUERS.includes(iss)) throw invalid('iss');
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expect.clientId)) throw invalid('aud');
  if (audiences.length > 1 && azp !== expect.clientId) throw invalid('azp');
  if (typeof exp !== 'number' || exp + CLOCK_SKEW_S <= nowS) throw invalid('exp');
  if (typeof iat !== 'number') throw invalid('iat');
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf - CLOCK_SKEW_S > nowS)) throw invalid('nbf');
  if (expect.nonce !== undefined && nonce !== expect.nonce) throw invalid('nonce');
  return claims;
}

/** The account name of an ID token that passed {@link checkIdToken}. */
export function checkedUsername(idToken: string, expect: IdTokenExpectations): string | undefined {
  checkIdToken(idToken, expect);
  return usernameOfIdToken(idToken);
}
