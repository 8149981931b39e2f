/**
 * Microsoft's authorization code flow through MSAL (the product is specified with @azure/msal-node): the sign-in
 * URL with PKCE and state, and the code redeemed by MSAL, the refresh token read from its cache (authorize.ts).
 * Loaded only when a sign-in starts (`microsoft.loadCodeFlow`).
 */
import type { CodeFlow } from '../types.js';
import { authorizeUrl, createMsalApp, redeemCode } from './authorize.js';

/** The code flow of Entra ID. */
export const msalCodeFlow: CodeFlow = {
  async begin(params) {
    const request = params.request;
    const app = createMsalApp(
      { clientId: params.clientId, clientSecret: params.clientSecret, authority: params.authority },
      params.network,
    );
    const scopes = [...params.scopes];
    const url = await authorizeUrl(app, params.network, {
      scopes,
      redirectUri: params.redirectUri,
      request,
      loginHint: params.loginHint,
      responseMode: params.responseMode,
    });
    return {
      url,
      async redeem(code) {
        const tokens = await redeemCode(app, params.network, {
          code,
          scopes,
          redirectUri: params.redirectUri,
          request,
          clientId: params.clientId,
        });
        return { refreshToken: tokens.refreshToken, username: tokens.username, scopes: tokens.scopes };
      },
    };
  },
};
