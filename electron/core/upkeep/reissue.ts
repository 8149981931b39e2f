/**
 * Re-issuing a token from an existing INI file: the form comes back filled in from the file, so the admin
 * changes only what changed (usually a new client secret Value) and signs in again. The session then rewrites
 * the same file, which keeps every key and section we do not manage and saves the previous file as `.bak`.
 */
import { RtwError } from '../errors.js';
import { DEFAULT_PROVIDER, providerOf } from '../providers/index.js';
import type { ProfileInput } from '../sign-in/index.js';
import { recordedProfile } from '../token-file/index.js';
import { readTokenFile } from '../token-file/index.js';
import type { TokenFileContent } from '../token-file/index.js';

/** The form pre-filled from a token file, and what the file did not say. */
export interface ReissuePrefill {
  /** Ready for `validateProfile` once the admin has changed what changed; `outFile` is the file itself. */
  input: ProfileInput;
  /** True when the file holds a client secret (used unless the admin gives a new one). */
  secretInFile: boolean;
  /** The recorded expiry of that secret (meta `ClientSecretExpiresAt`, YYYY-MM-DD), if any. */
  secretExpiresAt: string | undefined;
  /** Fields the file could not fill; the admin must give them. */
  missing: Array<'clientId' | 'userId' | 'clientSecret'>;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** The pre-filled form for a file's content (pure: no disk). */
export function prefillFromContent(content: TokenFileContent, outFile: string): ReissuePrefill {
  const { oauth2, meta } = content;
  const recorded = recordedProfile(content, outFile);
  const input: ProfileInput = { outFile };
  const authority = recorded.authority;
  // Only a provider other than the default is said: a Microsoft file's form stays as it always was.
  if (recorded.provider !== DEFAULT_PROVIDER) input.provider = recorded.provider;
  // The file's Provider= value is kept when it is not the provider's own (the admin corrected it once).
  const providerValue = nonEmpty(oauth2.Provider);
  if (providerValue !== undefined && providerValue !== providerOf(recorded.provider).iniProviderValue)
    input.providerValue = providerValue;
  const audience = nonEmpty(meta.AppAudience);
  if (audience !== undefined) input.appAudience = audience;
  if (recorded.provider !== 'microsoft') {
    // Google has no tenant, cloud or authority to fill in.
  } else if (authority !== undefined && authority.cloud !== undefined) {
    // A Microsoft cloud: tenant and cloud, so the wizard shows them in its own fields.
    input.tenant = authority.tenant;
    input.cloud = authority.cloud;
  } else if (authority !== undefined) {
    input.authority = authority.authority;
  } else {
    const tenant = nonEmpty(meta.Tenant);
    if (tenant !== undefined) input.tenant = tenant;
    if (nonEmpty(meta.Cloud) !== undefined) input.cloud = meta.Cloud;
  }
  const clientId = nonEmpty(oauth2.ClientID);
  if (clientId !== undefined) input.clientId = clientId;
  const userId = nonEmpty(oauth2.UserID);
  if (userId !== undefined) input.userId = userId;
  if (recorded.protocols.length > 0) input.protocols = recorded.protocols;

  const secret = nonEmpty(oauth2.ClientSecret);
  if (secret !== undefined) input.clientSecret = secret;
  // An empty secret in a file we wrote means a public client; in a file we did not write it means "not known".
  else if (oauth2.ClientSecret !== undefined && meta.IssuedAt !== undefined) input.publicClient = true;

  const missing: ReissuePrefill['missing'] = [];
  if (clientId === undefined) missing.push('clientId');
  if (userId === undefined) missing.push('userId');
  if (secret === undefined && input.publicClient !== true) missing.push('clientSecret');
  return {
    input,
    secretInFile: secret !== undefined,
    secretExpiresAt: nonEmpty(meta.ClientSecretExpiresAt),
    missing,
  };
}

/** Reads a token file and returns the pre-filled form; `file-unreadable` when there is no file. */
export async function prefillFromTokenFile(path: string): Promise<ReissuePrefill> {
  const content = await readTokenFile(path);
  if (!content.exists) throw new RtwError('file-unreadable', { path, reason: 'ENOENT' });
  return prefillFromContent(content, path);
}
