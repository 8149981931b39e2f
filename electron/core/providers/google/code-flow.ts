/**
 * Google's authorization code flow with PKCE, on the token client (MSAL speaks only Entra): the authorize URL
 * as Google's guide for desktop apps writes it, and the code redeemed at oauth2.googleapis.com/token with the
 * client secret, the verifier and the exact redirect URI.
 */
import { RtwError } from '../../errors.js';
import { checkedUsername } from '../../oauth/id-token.js';
import { requestToken } from '../../oauth/token-client.js';
import type { CodeFlow } from '../types.js';
import { GOOGLE_AUTHORIZE_URI, GOOGLE_TOKEN_URI, google } from './provider.js';

/** The code flow of Google. */
export const googleCodeFlow: CodeFlow = {
  begin(params) {
    const url = new URL(GOOGLE_AUTHORIZE_URI);
    url.search = new URLSearchParams({
      client_id: params.clientId,
      redirect_uri: params.redirectUri,
      response_type: 'code',
      scope: params.scopes.join(' '),
      code_challenge: params.request.codeChallenge,
      code_challenge_method: 'S256',
      state: params.request.state,
      login_hint: params.loginHint,
      // A refresh token on every consent, also a repeated one: without `prompt=consent` Google may send none.
      access_type: 'offline',
      prompt: 'consent',
    }).toString();
    return Promise.resolve({
      url: url.href,
      async redeem(code) {
        const answer = await requestToken(
          params.network,
          google,
          GOOGLE_TOKEN_URI,
          {
            code,
            client_id: params.clientId,
            client_secret: params.clientSecret ?? '',
            redirect_uri: params.redirectUri,
            grant_type: 'authorization_code',
            code_verifier: params.request.codeVerifier,
          },
          params.scopes,
        );
        if (answer.refreshToken === undefined) throw new RtwError('no-refresh-token', {});
        const username =
          answer.idToken === undefined
            ? undefined
            : checkedUsername(answer.idToken, {
                provider: 'google',
                clientId: params.clientId,
                host: new URL(GOOGLE_TOKEN_URI).host,
                tenant: '',
                now: params.now(),
              });
        return {
          refreshToken: answer.refreshToken,
          username: username ?? '',
          scopes: answer.scopes,
          ...(answer.refreshTokenExpiresIn === undefined
            ? {}
            : {
                refreshTokenExpiresAt: new Date(
                  params.now().getTime() + answer.refreshTokenExpiresIn * 1000,
                ).toISOString(),
              }),
        };
      },
    });
  },
};
