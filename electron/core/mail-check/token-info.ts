/**
 * Asking the provider what an access token carries, for a provider whose tokens the holder cannot read (Google's
 * are opaque): its tokeninfo answer gives the scopes, so a token without the mail scope is explained before the
 * mail server refuses it. When the provider cannot be asked (unreachable, refused), nothing is concluded: the login
 * decides.
 */
import { explainGoogle } from '../diagnose/index.js';
import type { DiagnoseContext } from '../diagnose/index.js';
import { RtwError } from '../errors.js';
import type { AccessTokenInfo, TokenInfoSupport } from '../providers/index.js';
import type { IdpNetworkClient } from '../transport/index.js';
import type { ClaimsSummary } from './claims.js';
import type { Finding } from './types.js';

/** What the provider said. */
export type TokenInfoOutcome =
  | { kind: 'info'; info: AccessTokenInfo }
  /** It answered that the token is not valid (Google: 400 `invalid_token`). */
  | { kind: 'invalid'; error: string }
  /** It could not be asked, or its answer was not one: the reason, never the token. */
  | { kind: 'unavailable'; reason: string };

/**
 * POSTs the access token to the provider's tokeninfo endpoint in an `Authorization: Bearer` header, as Google's
 * own client library does (google-auth-library `getTokenInfo`): the token stays out of URLs, and so out of proxy
 * and server logs.
 */
export async function askTokenInfo(
  support: TokenInfoSupport,
  network: IdpNetworkClient,
  accessToken: string,
): Promise<TokenInfoOutcome> {
  let status: number;
  let body: unknown;
  try {
    ({ status, body } = await network.sendPostRequestAsync<unknown>(support.endpoint, {
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
      },
      body: '',
    }));
  } catch (error) {
    return { kind: 'unavailable', reason: RtwError.is(error) ? error.code : 'unexpected' };
  }
  const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (status >= 400) {
    const error = typeof answer.error === 'string' ? answer.error : `HTTP ${status}`;
    return error === 'invalid_token' ? { kind: 'invalid', error } : { kind: 'unavailable', reason: error };
  }
  const info = support.read(answer);
  return info === undefined ? { kind: 'unavailable', reason: 'idp-bad-response' } : { kind: 'info', info };
}

/**
 * The check's summary and findings for what the provider said: `mailScope` is the scope the servers need,
 * `userId` the mailbox XOAUTH2 names (Gmail logs in only the account the token was issued to).
 */
export function tokenInfoFindings(
  outcome: TokenInfoOutcome,
  expected: { mailScope: string | undefined; userId: string },
  context: DiagnoseContext,
): { summary: ClaimsSummary; findings: Finding[] } {
  switch (outcome.kind) {
    case 'unavailable':
      return {
        summary: { readable: false },
        findings: [
          {
            id: 'google-tokeninfo-unavailable',
            severity: 'info',
            explanation: explainGoogle('google-tokeninfo-unavailable', { reason: outcome.reason }, context),
          },
        ],
      };
    case 'invalid':
      return {
        summary: { readable: false },
        findings: [
          {
            id: 'google-tokeninfo-invalid',
            severity: 'warning',
            explanation: explainGoogle('google-tokeninfo-invalid', {}, context),
          },
        ],
      };
    case 'info': {
      const { info } = outcome;
      const summary: ClaimsSummary = {
        readable: true,
        scopes: info.scopes,
        ...(info.audience === undefined ? {} : { audience: info.audience }),
        ...(info.user === undefined ? {} : { user: info.user }),
        ...(info.expiresAt === undefined ? {} : { expiresAt: info.expiresAt }),
      };
      const findings: Finding[] = [];
      if (expected.mailScope !== undefined && !info.scopes.includes(expected.mailScope))
        findings.push({
          id: 'google-token-scope-missing',
          severity: 'error',
          explanation: explainGoogle(
            'google-token-scope-missing',
            { granted: info.scopes.length > 0 ? info.scopes.join(' ') : undefined },
            context,
          ),
        });
      if (info.user !== undefined && info.user.toLowerCase() !== expected.userId.trim().toLowerCase())
        findings.push({
          id: 'google-token-other-account',
          severity: 'error',
          explanation: explainGoogle('google-token-other-account', { signedInAs: info.user }, context),
        });
      return { summary, findings };
    }
  }
}
