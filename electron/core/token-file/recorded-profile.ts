/**
 * What a token file says about how its token was issued: the authority (from TokenURI/OuthURI, which legacy
 * senders use and so are the truth, else our meta section), the cloud, the tenant, and the mail protocols and
 * scopes. Re-issue, refresh and the health report all read a file through this one interpretation.
 */
import { CLOUD_NAMES, CLOUDS, OFFLINE_ACCESS, PROTOCOLS, mailScopes } from '../providers/microsoft/index.js';
import type { CloudName, Protocol } from '../providers/microsoft/index.js';
import type { TokenFileContent } from './token-file.js';

/** Where the token was issued, as recorded in the file. */
export interface RecordedAuthority {
  /** `https://host/tenant`. */
  authority: string;
  host: string;
  tenant: string;
  /** The Microsoft cloud of the host; undefined for any other host (a private cloud, the sandbox). */
  cloud: CloudName | undefined;
}

/** The interpretation of one token file. */
export interface RecordedProfile {
  authority: RecordedAuthority | undefined;
  /** The cloud whose mail scopes apply: the host's, else the meta `Cloud`, else global. */
  cloud: CloudName;
  /** Recorded protocols (meta `Protocols`, else derived from meta `Scopes`); empty when nothing is recorded. */
  protocols: Protocol[];
  /** The mail scopes to redeem the token for: recorded ones, else those of the protocols, else SMTP. */
  scopes: string[];
}

/** Login hosts of each cloud; `usgov` and `usgov-dod` share one, so the meta section decides between them. */
const CLOUD_OF_HOST: Readonly<Record<string, CloudName>> = {
  'login.microsoftonline.com': 'global',
  'login.windows.net': 'global',
  'login.microsoft.com': 'global',
  // Entra's v1 issuer host, which MSAL's instance metadata lists among the global cloud's aliases.
  'sts.windows.net': 'global',
  'login.microsoftonline.us': 'usgov',
  'login.usgovcloudapi.net': 'usgov',
  'login.partner.microsoftonline.cn': 'china',
  'login.chinacloudapi.cn': 'china',
};

function isCloudName(value: string | undefined): value is CloudName {
  return value !== undefined && (CLOUD_NAMES as readonly string[]).includes(value);
}

/**
 * The authority of a TokenURI, OuthURI or authority URL (`https://host/tenant[/oauth2/v2.0/token]`), or
 * undefined for anything else. `metaCloud` picks between clouds sharing a host (usgov / usgov-dod).
 */
export function authorityFromUri(uri: string | undefined, metaCloud?: string): RecordedAuthority | undefined {
  if (uri === undefined || uri.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const tenant = url.pathname.split('/').find((s) => s !== '');
  if (tenant === undefined || tenant.toLowerCase() === 'oauth2') return undefined;
  const host = url.host.toLowerCase();
  let cloud: CloudName | undefined = CLOUD_OF_HOST[host];
  if (cloud === 'usgov' && metaCloud === 'usgov-dod') cloud = 'usgov-dod';
  return { authority: `https://${url.host}/${tenant}`, host, tenant: decodeURIComponent(tenant), cloud };
}

/** Protocols named by scopes such as `https://outlook.office.com/SMTP.Send`. */
export function protocolsOfScopes(scopes: readonly string[]): Protocol[] {
  const found = new Set<Protocol>();
  for (const scope of scopes) {
    const name = scope.slice(scope.lastIndexOf('/') + 1).toUpperCase();
    if (name === 'SMTP.SEND') found.add('smtp');
    else if (name.startsWith('IMAP.')) found.add('imap');
    else if (name.startsWith('POP.')) found.add('pop');
  }
  return PROTOCOLS.filter((p) => found.has(p));
}

/** Protocols from a comma list such as `smtp,pop`; unknown names are ignored. */
export function parseProtocols(text: string | undefined): Protocol[] {
  const names = (text ?? '').split(/[\s,]+/).map((p) => p.trim().toLowerCase());
  return PROTOCOLS.filter((p) => names.includes(p));
}

/** Reads how the file's token was issued. */
export function recordedProfile(content: TokenFileContent): RecordedProfile {
  const meta = content.meta;
  const authority =
    authorityFromUri(content.oauth2.TokenURI, meta.Cloud) ??
    authorityFromUri(content.oauth2.OuthURI, meta.Cloud) ??
    authorityFromUri(meta.Authority, meta.Cloud);
  const cloud = authority?.cloud ?? (isCloudName(meta.Cloud) ? meta.Cloud : 'global');
  const recordedScopes = (meta.Scopes ?? '')
    .split(/\s+/)
    // Only the mail scopes: the sign-in (MSAL) and the refresh grant (refresh-grant.ts) add the OIDC ones and offline_access.
    .filter((s) => s !== '' && s !== OFFLINE_ACCESS && s.includes('/'));
  const protocols = parseProtocols(meta.Protocols);
  const effective = protocols.length > 0 ? protocols : protocolsOfScopes(recordedScopes);
  const scopes =
    recordedScopes.length > 0
      ? recordedScopes
      : mailScopes(CLOUDS[cloud], effective.length > 0 ? effective : ['smtp']);
  return { authority, cloud, protocols: effective, scopes };
}
