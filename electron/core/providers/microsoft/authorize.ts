/**
 * The authorization-code flow with PKCE, through MSAL: building the sign-in URL and redeeming the code.
 *
 * We generate PKCE and `state` ourselves (oauth/pkce.ts) and run our own loopback listener, rather
 * than MSAL's `acquireTokenInteractive`, because the listener must answer the browser with our page, honour
 * our timeout and cancel, and work for confidential clients (a Web redirect with a secret, as the SMAIL
 * manual registers it), which `acquireTokenInteractive` does not serve.
 */
import {
  ConfidentialClientApplication,
  LogLevel,
  PublicClientApplication,
  ResponseMode,
} from '@azure/msal-node';
import type { AuthenticationResult, Configuration } from '@azure/msal-node';
import { OFFLINE_ACCESS, WELL_KNOWN_LOGIN_HOSTS } from './clouds.js';
import { RtwError } from '../../errors.js';
import { fromMsalError } from './msal-errors.js';
import type { IdpNetworkClient } from '../../transport/index.js';
import { extractRefreshToken } from './token-cache.js';

/** What MSAL needs to know about the app registration. */
export interface ClientSettings {
  clientId: string;
  /** Undefined for a public client. */
  clientSecret: string | undefined;
  /** `https://host/tenant`. */
  authority: string;
}

/** One attempt's one-time values (made by oauth/pkce.ts). */
export interface AuthorizationRequest {
  state: string;
  codeVerifier: string;
  codeChallenge: string;
}

/** The outcome of redeeming a code. */
export interface RedeemedTokens {
  refreshToken: string;
  /** The account that signed in (may differ from the mailbox: a delegate for a shared mailbox). */
  username: string;
  tenantId: string;
  /** Scopes Entra granted, as it reported them. */
  scopes: string[];
  accessTokenExpiresOn: Date | undefined;
  /** The answer's ID token as Entra sent it ('' when none): MSAL only decoded it (see code-flow.ts). */
  idToken: string;
}

type MsalApp = ConfidentialClientApplication | PublicClientApplication;

/** An MSAL application for the settings, with our network client and MSAL's logging kept quiet. */
export function createMsalApp(settings: ClientSettings, network: IdpNetworkClient): MsalApp {
  const config = msalConfiguration(settings, network);
  return settings.clientSecret === undefined
    ? new PublicClientApplication(config)
    : new ConfidentialClientApplication(config);
}

/** MSAL's configuration for the settings: our network client, Microsoft's hosts known, logging quiet. */
export function msalConfiguration(settings: ClientSettings, network: IdpNetworkClient): Configuration {
  const host = new URL(settings.authority).host;
  return {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      // MSAL has built-in metadata for Microsoft's hosts and sends only the token POST. For any other host
      // (a private cloud, the sandbox) trusting it explicitly skips instance discovery at login.microsoftonline.com.
      ...(WELL_KNOWN_LOGIN_HOSTS.includes(host) ? {} : { knownAuthorities: [host] }),
      ...(settings.clientSecret === undefined ? {} : { clientSecret: settings.clientSecret }),
    },
    system: {
      networkClient: network,
      // MSAL logs nothing unless given a callback; PII logging stays off so no token or account could leak.
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
    },
  };
}

/** The sign-in URL to open in the browser. */
export async function authorizeUrl(
  app: MsalApp,
  network: IdpNetworkClient,
  params: {
    scopes: string[];
    redirectUri: string;
    request: AuthorizationRequest;
    loginHint?: string;
    responseMode?: 'query' | 'form_post';
    /** Sent to Entra, which puts it in the ID token: binds the token to this sign-in. */
    nonce?: string;
  },
): Promise<string> {
  try {
    return await app.getAuthCodeUrl({
      scopes: params.scopes,
      redirectUri: params.redirectUri,
      // form_post keeps the code out of the URL the browser keeps in its history (MSAL defaults to query).
      responseMode: params.responseMode === 'form_post' ? ResponseMode.FORM_POST : ResponseMode.QUERY,
      codeChallenge: params.request.codeChallenge,
      codeChallengeMethod: 'S256',
      state: params.request.state,
      // Lets the admin pick the account to sign in with (a delegate for a shared mailbox) without signing out.
      prompt: 'select_account',
      ...(params.loginHint === undefined ? {} : { loginHint: params.loginHint }),
      ...(params.nonce === undefined ? {} : { nonce: params.nonce }),
    });
  } catch (error) {
    throw fromMsalError(error, network);
  }
}

/** Redeems the code and reads the refresh token for the signed-in account out of MSAL's cache. */
export async function redeemCode(
  app: MsalApp,
  network: IdpNetworkClient,
  params: {
    code: string;
    scopes: string[];
    redirectUri: string;
    request: AuthorizationRequest;
    clientId: string;
    /** The nonce of the authorize request: MSAL refuses an ID token without it or with another. */
    nonce?: string;
  },
): Promise<RedeemedTokens> {
  let result: AuthenticationResult;
  try {
    result = await app.acquireTokenByCode({
      code: params.code,
      scopes: params.scopes,
      redirectUri: params.redirectUri,
      codeVerifier: params.request.codeVerifier,
      ...(params.nonce === undefined ? {} : { nonce: params.nonce }),
    });
  } catch (error) {
    throw fromMsalError(error, network);
  }
  return tokensOf(app, result, params.clientId);
}

/**
 * The tokens of an MSAL result: the refresh token read from MSAL's cache for exactly the account that signed in
 * (MSAL never returns it), which Entra issues only with `offline_access`.
 */
export function tokensOf(app: MsalApp, result: AuthenticationResult, clientId: string): RedeemedTokens {
  const account = result.account;
  const refreshToken =
    account === null
      ? undefined
      : extractRefreshToken(app.getTokenCache().serialize(), account.homeAccountId, clientId);
  if (account === null || refreshToken === undefined) throw new RtwError('no-refresh-token', {});
  return {
    refreshToken,
    username: account.username,
    tenantId: account.tenantId,
    scopes: result.scopes,
    accessTokenExpiresOn: result.expiresOn ?? undefined,
    idToken: result.idToken,
  };
}

/** Scopes to request: the mail scopes plus `offline_access` (MSAL adds it too; being explicit documents why). */
export function requestedScopes(mailScopes: readonly string[]): string[] {
  return [...mailScopes, OFFLINE_ACCESS];
}
