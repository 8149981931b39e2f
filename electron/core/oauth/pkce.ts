/**
 * The one-time values of one authorization attempt: PKCE (RFC 7636, S256) and `state` (RFC 6749 §10.12), from
 * the OS's CSPRNG. 32 random bytes each, base64url: a 43-character verifier, the shortest RFC 7636 allows and the
 * form MSAL's own CryptoProvider makes.
 */
import { createHash, randomBytes } from 'node:crypto';

/** One attempt's secrets: never logged, never on a command line. */
export interface AuthorizationRequest {
  state: string;
  codeVerifier: string;
  codeChallenge: string;
}

/** Fresh PKCE (S256) and state for one attempt. */
export function newAuthorizationRequest(): AuthorizationRequest {
  const codeVerifier = randomBytes(32).toString('base64url');
  return {
    state: randomBytes(32).toString('base64url'),
    codeVerifier,
    codeChallenge: createHash('sha256').update(codeVerifier, 'ascii').digest('base64url'),
  };
}
