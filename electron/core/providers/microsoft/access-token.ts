/**
 * What Entra's access tokens for Exchange Online must say: the audience (Exchange in this cloud, not Microsoft
 * Graph), the permission per protocol, and the tenant. Read by the check (mail-check/claims.ts).
 */
import type { AccessTokenRules, Protocol } from '../types.js';
import { CONSUMERS_TENANT_ID } from './account-type.js';
import { CLOUDS, mailScopes } from './clouds.js';
import { cloudOf } from './cloud-of.js';
import { isGuid } from './validation.js';

/** Microsoft Graph's application ID and resource URLs in every cloud: the classic wrong audience. */
const GRAPH_AUDIENCES = [
  '00000003-0000-0000-c000-000000000000',
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
];
/** Exchange Online's application ID: v2 tokens name the resource by it. */
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/** An audience as compared: lower case, no trailing slash. */
export function normalizeAudience(aud: string): string {
  return aud.trim().toLowerCase().replace(/\/+$/, '');
}

/** Audiences Exchange in this cloud accepts: the scope's resource, the IMAP/POP host's URL, the app ID. */
export function mailAudiences(cloud: string): string[] {
  const c = CLOUDS[cloudOf(cloud)];
  return [c.mailResource, `https://${c.mail.imap.host}`, EXCHANGE_APP_ID].map(normalizeAudience);
}

/** The short permission name a protocol needs (`SMTP.Send`). */
export function permissionFor(cloud: string, protocol: Protocol): string {
  const full = mailScopes(CLOUDS[cloudOf(cloud)], [protocol])[0] ?? '';
  return full.slice(full.lastIndexOf('/') + 1);
}

/** Entra's access token rules. */
export const ENTRA_ACCESS_TOKENS: AccessTokenRules = {
  audiences: mailAudiences,
  isWrongResource: (audience) => GRAPH_AUDIENCES.includes(normalizeAudience(audience)),
  permission: permissionFor,
  tenantIdOf(tenant) {
    const t = tenant.trim().toLowerCase();
    if (t === 'consumers') return CONSUMERS_TENANT_ID;
    return isGuid(t) ? t : undefined;
  },
};
