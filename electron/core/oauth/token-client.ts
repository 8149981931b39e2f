/**
 * The one client for token endpoint requests outside MSAL (RFC 6749 §4–6): the refresh grant of every provider,
 * and the grants MSAL does not run for us. One form POST through our network client (proxies, CAs, timeouts,
 * size limits), the answer read strictly, and a provider's error answer turned into our error by the provider
 * that knows its shape (Entra's AADSTS codes, Google's `invalid_grant` texts).
 */
import { RtwError } from '../errors.js';
import type { IdentityProvider, TokenAnswer } from '../providers/index.js';
import type { IdpNetworkClient } from '../transport/index.js';

/** An answer's fields, or none. */
export type JsonObject = Record<string, unknown>;

/** The answer as an object (anything else reads as an empty one). */
export function asJsonObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** The OAuth `error` of an answer, or '' when it is not an error answer. */
export function oauthErrorOf(answer: JsonObject): string {
  return typeof answer.error === 'string' ? answer.error : '';
}

/** A number the provider may send as a JSON number or a numeric string; undefined otherwise. */
function seconds(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A form POST's answer: the HTTP status and the JSON body as an object (`{}` when it was not one). */
export interface FormAnswer {
  status: number;
  answer: JsonObject;
}

/** POSTs a form (`application/x-www-form-urlencoded`) to an endpoint of the identity provider. */
export async function postForm(
  network: IdpNetworkClient,
  url: string,
  form: Record<string, string>,
): Promise<FormAnswer> {
  const response = await network.sendPostRequestAsync<unknown>(url, {
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, answer: asJsonObject(response.body) };
}

/**
 * Reads a successful token answer strictly (RFC 6749 §5.1): `idp-bad-response` when it is not one.
 * `requestedScopes` stand in for `scope` when the answer leaves it out (then it is as requested).
 */
export function readTokenAnswer(
  { status, answer }: FormAnswer,
  url: string,
  requestedScopes: readonly string[],
): TokenAnswer {
  const { access_token, token_type, refresh_token, expires_in, scope, id_token, refresh_token_expires_in } =
    answer;
  const broken = (): RtwError => new RtwError('idp-bad-response', { host: new URL(url).host, status });
  if (typeof access_token !== 'string' || access_token === '') throw broken();
  // Only a bearer token is what XOAUTH2 sends (RFC 6750); the type is case-insensitive (RFC 6749 §5.1), and a
  // `mac` or missing one is not an answer we can use (issue #15, item 13).
  if (typeof token_type !== 'string' || token_type.toLowerCase() !== 'bearer') throw broken();
  if (refresh_token !== undefined && (typeof refresh_token !== 'string' || refresh_token === ''))
    throw broken();
  const expiresIn = seconds(expires_in);
  const refreshTokenExpiresIn = seconds(refresh_token_expires_in);
  return {
    accessToken: access_token,
    ...(typeof refresh_token === 'string' ? { refreshToken: refresh_token } : {}),
    ...(expiresIn === undefined ? {} : { expiresIn }),
    scopes:
      typeof scope === 'string' && scope.trim() !== '' ? scope.trim().split(/\s+/) : [...requestedScopes],
    ...(typeof id_token === 'string' && id_token !== '' ? { idToken: id_token } : {}),
    ...(refreshTokenExpiresIn === undefined ? {} : { refreshTokenExpiresIn }),
  };
}

/**
 * POSTs a grant to the token endpoint `url` and returns the checked answer; throws the provider's error for an
 * error answer, `idp-bad-response` for an answer that is not a token answer, and the network client's errors.
 */
export async function requestToken(
  network: IdpNetworkClient,
  provider: IdentityProvider,
  url: string,
  form: Record<string, string>,
  requestedScopes: readonly string[],
): Promise<TokenAnswer> {
  const result = await postForm(network, url, form);
  if (oauthErrorOf(result.answer) !== '') throw provider.tokenError(result.answer);
  return readTokenAnswer(result, url, requestedScopes);
}
