/**
 * Every identity provider, by id, and which one a token file's URI belongs to. Pure: the renderer reads it too.
 */
import { microsoft } from './microsoft/provider.js';
import type { IdentityProvider, ProviderId, RecordedAuthority } from './types.js';

/** The providers, in the order the form offers them. */
export const PROVIDERS: Readonly<Record<ProviderId, IdentityProvider>> = { microsoft };

/** The default provider: the one every file written before providers existed was issued by. */
export const DEFAULT_PROVIDER: ProviderId = 'microsoft';

/** The provider of an id. */
export function providerOf(id: ProviderId): IdentityProvider {
  return PROVIDERS[id];
}

/**
 * Which provider issued a token, from a URI of its file (`TokenURI`, `OuthURI`, a recorded authority).
 * Providers with fixed hosts are asked first; Microsoft last, since it accepts any https authority with a tenant
 * (a private cloud, the sandbox).
 */
export function recognizeUri(uri: string | undefined, metaCloud?: string): RecordedAuthority | undefined {
  if (uri === undefined || uri.trim() === '') return undefined;
  const order = Object.values(PROVIDERS).sort(
    (a, b) => Number(a.id === 'microsoft') - Number(b.id === 'microsoft'),
  );
  for (const provider of order) {
    const recognized = provider.recognize(uri, metaCloud);
    if (recognized !== undefined) return recognized;
  }
  return undefined;
}
