/**
 * What an access token says about itself, checked against what the file expects: audience, scopes, user,
 * tenant and expiry.
 *
 * The signature is not verified, on purpose: we are the client, not the resource. A client must treat access
 * tokens as opaque and cannot verify them anyway (Outlook tokens are signed for Exchange, and personal-account
 * tokens are encrypted); we decode the payload only to explain a failure before the server refuses it, and the
 * mail server's answer, not these claims, decides whether the token works.
 */
import { DEFAULT_PROVIDER, PROTOCOLS, providerOf } from '../providers/index.js';
import type { Protocol, ProviderId } from '../providers/index.js';
import { explainCheck } from '../diagnose/index.js';
import type { CheckEntryId, DiagnoseContext } from '../diagnose/index.js';
import type { Finding, Severity } from './types.js';

/** The claims the check reads; every one optional, since a token may lack any of them. */
export interface AccessTokenClaims {
  aud?: string;
  /** Delegated permissions, space-separated short names (`SMTP.Send IMAP.AccessAsUser.All`). */
  scp?: string;
  upn?: string;
  unique_name?: string;
  preferred_username?: string;
  email?: string;
  tid?: string;
  exp?: number;
}

/** What the check saw in the token, for display (no secret: claims are about the token, not the token). */
export interface ClaimsSummary {
  /** False for an opaque token (personal accounts): nothing else is known then. */
  readable: boolean;
  audience?: string;
  scopes?: string[];
  user?: string;
  tenantId?: string;
  expiresAt?: string;
}

function normalizeAudience(aud: string): string {
  return aud.trim().toLowerCase().replace(/\/+$/, '');
}

/** The payload of a JWT, without checking its signature; undefined for an opaque token. */
export function decodeAccessToken(token: string): AccessTokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
    const p = payload as Record<string, unknown>;
    const claims: AccessTokenClaims = {};
    for (const key of ['aud', 'scp', 'upn', 'unique_name', 'preferred_username', 'email', 'tid'] as const) {
      const value = p[key];
      if (typeof value === 'string') claims[key] = value;
    }
    // A multi-audience token lists them; the first is the one Entra put the permissions for.
    if (Array.isArray(p.aud) && typeof p.aud[0] === 'string') claims.aud = p.aud[0];
    if (typeof p.exp === 'number') claims.exp = p.exp;
    return claims;
  } catch {
    return undefined;
  }
}

/** What the claims are checked against. */
export interface ClaimExpectations {
  /** Whose rules apply (default Microsoft). */
  provider?: ProviderId;
  cloud: string;
  protocols: readonly Protocol[];
  /** UserID: the mailbox XOAUTH2 names. */
  userId: string;
  /** The tenant recorded in the file (an alias, a domain or an ID); only an ID or `consumers` is compared. */
  tenant?: string;
  now: Date;
}

/** Checks a token's claims; returns what it saw and the findings (empty when all is as expected). */
export function checkClaims(
  accessToken: string,
  expected: ClaimExpectations,
  context: DiagnoseContext = {},
): { summary: ClaimsSummary; findings: Finding[] } {
  const findings: Finding[] = [];
  const add = (
    id: CheckEntryId,
    severity: Severity,
    params: Parameters<typeof explainCheck>[1] = {},
    protocol?: Protocol,
  ): void => {
    findings.push({
      id,
      severity,
      ...(protocol === undefined ? {} : { protocol }),
      explanation: explainCheck(id, params, context),
    });
  };

  const rules = providerOf(expected.provider ?? DEFAULT_PROVIDER).accessToken;
  const claims = rules === undefined ? undefined : decodeAccessToken(accessToken);
  if (rules === undefined || claims === undefined) {
    add('token-opaque', 'info');
    return { summary: { readable: false }, findings };
  }
  const user = claims.upn ?? claims.unique_name ?? claims.preferred_username ?? claims.email;
  const scopes = (claims.scp ?? '').split(/\s+/).filter((s) => s !== '');
  const summary: ClaimsSummary = {
    readable: true,
    ...(claims.aud === undefined ? {} : { audience: claims.aud }),
    scopes,
    ...(user === undefined ? {} : { user }),
    ...(claims.tid === undefined ? {} : { tenantId: claims.tid }),
    ...(claims.exp === undefined ? {} : { expiresAt: new Date(claims.exp * 1000).toISOString() }),
  };

  const audience = claims.aud === undefined ? undefined : normalizeAudience(claims.aud);
  const accepted = rules.audiences(expected.cloud);
  let audienceOk = true;
  if (audience !== undefined && !accepted.includes(audience)) {
    audienceOk = false;
    if (rules.isWrongResource(audience)) add('token-audience-graph', 'error', { audience: claims.aud });
    else add('token-audience-other', 'error', { audience: claims.aud, expected: accepted[0] });
  }

  // Scopes only mean something for the right resource: a Graph token's SMTP.Send is not Exchange's.
  if (audienceOk) {
    const granted = new Set(scopes.map((s) => s.toLowerCase()));
    for (const protocol of PROTOCOLS.filter((p) => expected.protocols.includes(p))) {
      const permission = rules.permission(expected.cloud, protocol);
      if (!granted.has(permission.toLowerCase())) {
        add(
          'token-scope-missing',
          'error',
          {
            scope: providerOf(expected.provider ?? DEFAULT_PROVIDER).mailScopes(expected, [protocol])[0],
            granted: scopes.length > 0 ? scopes.join(' ') : undefined,
            protocol: protocol.toUpperCase(),
          },
          protocol,
        );
      }
    }
  }

  // Another user is how shared mailboxes work: a note with the rights needed, not an error.
  if (user !== undefined && user.toLowerCase() !== expected.userId.trim().toLowerCase())
    add('token-other-user', 'info', { signedInAs: user, mailbox: expected.userId });

  const wanted = expected.tenant === undefined ? undefined : rules.tenantIdOf(expected.tenant);
  if (wanted !== undefined && claims.tid !== undefined && claims.tid.toLowerCase() !== wanted)
    add('token-tenant-mismatch', 'warning', { tokenTenant: claims.tid, tenant: expected.tenant });

  if (claims.exp !== undefined && claims.exp * 1000 <= expected.now.getTime())
    add('token-expired', 'error', { expiresAt: summary.expiresAt });

  return { summary, findings };
}
