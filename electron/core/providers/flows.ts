/**
 * The providers' sign-in flows and pre-flight checks, which need Node, MSAL (Microsoft's code flow) or the
 * diagnose catalogue: loaded when used, so the refresh path and the renderer (which read the small, pure
 * descriptors of registry.ts) never load them.
 */
import { assertNever } from '../errors.js';
import type { CodeFlow, PreflightChecks, ProviderId } from './types.js';

/** The authorization code flow of a provider. */
export async function loadCodeFlow(provider: ProviderId): Promise<CodeFlow> {
  switch (provider) {
    case 'microsoft':
      return (await import('./microsoft/code-flow.js')).msalCodeFlow;
    case 'google':
      return (await import('./google/code-flow.js')).googleCodeFlow;
    default:
      return assertNever(provider);
  }
}

/** A provider's checks before the browser opens, when it has any (Google has none). */
export async function loadPreflight(provider: ProviderId): Promise<PreflightChecks | undefined> {
  switch (provider) {
    case 'microsoft':
      return (await import('./microsoft/preflight.js')).ENTRA_PREFLIGHT;
    case 'google':
      return undefined;
    default:
      return assertNever(provider);
  }
}
