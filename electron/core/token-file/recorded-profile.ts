/**
 * What a token file says about how its token was issued: the provider and its authority (from TokenURI, which
 * legacy senders use and so is the truth, else OuthURI, else our meta section), the cloud, the tenant, and the
 * mail protocols and scopes. Re-issue, refresh, the check and the health report all read a file through this one
 * interpretation.
 */
import { RtwError } from '../errors.js';
import { PROTOCOLS, providerOf, recognizeUri } from '../providers/index.js';
import type { Protocol, ProviderId, RecordedAuthority } from '../providers/index.js';
import type { TokenFileContent } from './token-file.js';

/** The interpretation of one token file. */
export interface RecordedProfile {
  /** The provider of the authority; the default (Microsoft) when the file names none. */
  provider: ProviderId;
  authority: RecordedAuthority | undefined;
  /** The cloud whose mail scopes and hosts apply: the host's, else the meta `Cloud`, else global. */
  cloud: string;
  /** Recorded protocols (meta `Protocols`, else derived from meta `Scopes`); empty when nothing is recorded. */
  protocols: Protocol[];
  /** The mail scopes to redeem the token for: recorded ones, else those of the protocols, else SMTP. */
  scopes: string[];
}

/**
 * The authority of a TokenURI, OuthURI or authority URL, or undefined for anything else. `metaCloud` picks
 * between clouds sharing a host (Microsoft's usgov / usgov-dod).
 */
export function authorityFromUri(uri: string | undefined, metaCloud?: string): RecordedAuthority | undefined {
  return recognizeUri(uri, metaCloud);
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

/** The endpoint values a file's interpretation reads, under the names errors give them. */
const URI_VALUES: ReadonlyArray<
  readonly [key: string, value: (content: TokenFileContent) => string | undefined]
> = [
  ['TokenURI', (c) => c.oauth2.TokenURI],
  ['OuthURI', (c) => c.oauth2.OuthURI],
  ['RefreshTokenWizard.Authority', (c) => c.meta.Authority],
];

/**
 * Refuses an endpoint whose %-escapes do not decode (`…/%E0%A4%A/…`: a `%` without two hex digits, or bytes that
 * are not UTF-8). Recognition alone would skip it and fall back to another key or to no authority at all, so the
 * file would pass as fine (`show`), as one "without a TokenURI" (`refresh`) or be re-issued for tenant `common`;
 * the sender cannot use such a value either.
 */
function assertUsableUris(content: TokenFileContent, file: string): void {
  for (const [key, valueOf] of URI_VALUES) {
    const value = valueOf(content);
    if (value === undefined) continue;
    try {
      decodeURIComponent(value);
    } catch {
      throw new RtwError('file-value-invalid', { path: file, key, reason: 'malformed-percent-escape' });
    }
  }
}

/**
 * Reads how the file's token was issued; `file-value-invalid` (naming the key, never the value) when an endpoint
 * of `file` is malformed.
 */
export function recordedProfile(content: TokenFileContent, file: string): RecordedProfile {
  assertUsableUris(content, file);
  const meta = content.meta;
  const authority =
    authorityFromUri(content.oauth2.TokenURI, meta.Cloud) ??
    authorityFromUri(content.oauth2.OuthURI, meta.Cloud) ??
    authorityFromUri(meta.Authority, meta.Cloud);
  const provider = providerOf(authority?.provider ?? 'microsoft');
  const metaCloud = (meta.Cloud ?? '').trim();
  const cloud = authority?.cloud ?? (provider.clouds.includes(metaCloud) ? metaCloud : 'global');
  const recordedScopes = (meta.Scopes ?? '')
    .split(/\s+/)
    // Only the mail scopes: the sign-in and the refresh grant add the provider's extra ones (offline_access…).
    .filter((s) => s !== '' && !provider.extraScopes.includes(s) && s.includes('/'));
  const protocols = parseProtocols(meta.Protocols);
  const effective = protocols.length > 0 ? protocols : protocolsOfScopes(recordedScopes);
  const scopes =
    recordedScopes.length > 0
      ? recordedScopes
      : provider.mailScopes({ cloud }, effective.length > 0 ? effective : ['smtp']);
  return { provider: provider.id, authority, cloud, protocols: effective, scopes };
}
