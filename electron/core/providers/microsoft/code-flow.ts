/**
 * Microsoft's authorization code flow through MSAL (the product is specified with @azure/msal-node): the sign-in
 * URL with PKCE, state and a nonce, and the code redeemed by MSAL, the refresh token read from its cache
 * (authorize.ts). Loaded only when a sign-in starts (`microsoft.loadCodeFlow`).
 *
 * MSAL 7.2.1 (msal-common 16.16.1, response/ResponseHandler.mjs) only decodes the answer's ID token, checking the
 * nonce when one is passed and never iss, aud, tid, exp, iat or nbf; the account it returns comes from those claims.
 * So the ID token is checked here as the refresh, device code and Google flows check theirs (issue #15, item 13),
 * before the account names who signed in.
 */
import { randomBytes } from 'node:crypto';
import { RtwError } from '../../errors.js';
import { checkIdToken } from '../../oauth/id-token.js';
import type { CodeFlow } from '../types.js';
import { authorizeUrl, createMsalApp, redeemCode } from './authorize.js';

/** The tenant segment of an authority URL (`https://login.microsoftonline.com/<tenant>`). */
const tenantOf = (authority: URL): string => authority.pathname.split('/').find((s) => s !== '') ?? '';

/** The code flow of Entra ID. */
export const msalCodeFlow: CodeFlow = {
  async begin(params) {
    const request = params.request;
    const app = createMsalApp(
      { clientId: params.clientId, clientSecret: params.clientSecret, authority: params.authority },
      params.network,
    );
    const scopes = [...params.scopes];
    // One per sign-in, unguessable: Entra returns it in the ID token, which binds the token to this request.
    const nonce = randomBytes(16).toString('base64url');
    const url = await authorizeUrl(app, params.network, {
      scopes,
      redirectUri: params.redirectUri,
      request,
      loginHint: params.loginHint,
      responseMode: params.responseMode,
      nonce,
    });
    return {
      url,
      async redeem(code) {
        const authority = new URL(params.authority);
        const tokens = await redeemCode(app, params.network, {
          code,
          scopes,
          redirectUri: params.redirectUri,
          request,
          clientId: params.clientId,
          nonce,
        }).catch((error: unknown) => {
          // MSAL's own nonce check refused it (msal-common's `nonce_mismatch`): said as the other checks say it.
          if (RtwError.is(error, 'oauth-error') && error.params.error === 'nonce_mismatch')
            throw new RtwError(
              'id-token-invalid',
              { host: authority.host, claim: 'nonce' },
              { cause: error },
            );
          throw error;
        });
        if (tokens.idToken !== '') {
          checkIdToken(tokens.idToken, {
            provider: 'microsoft',
            clientId: params.clientId,
            // MSAL posts to the authority's own host (knownAuthorities or its built-in metadata).
            host: authority.host,
            tenant: tenantOf(authority),
            nonce,
            now: params.now(),
          });
        }
        return { refreshToken: tokens.refreshToken, username: tokens.username, scopes: tokens.scopes };
      },
    };
  },
};
