/** The profile a re-issue runs with, from the token file being re-issued. */
import { RtwError } from '../core/errors.js';
import { profileEndpoints, validateProfile } from '../core/sign-in/index.js';
import type { ProfileInput } from '../core/sign-in/index.js';
import { prefillFromTokenFile } from '../core/upkeep/index.js';

/** The token endpoint a profile input would send its secret to, or undefined when it is not a valid profile. */
function tokenEndpointOf(input: ProfileInput): string | undefined {
  const validation = validateProfile(input);
  return validation.ok ? profileEndpoints(validation.profile).tokenUri : undefined;
}

/**
 * The profile a re-issue runs with: the file's settings, overridden by the admin's changes, written back to the
 * same file. With `keepFileSecret` the file's own secret is used (it never left the main process), and only with
 * the token endpoint the file's settings name (issue #15, item 8): a change of authority, tenant, cloud or
 * provider would send it elsewhere (the renderer could name any host), so it requires the secret to be entered
 * again (`secret-reentry-required`).
 */
export async function reissueProfileInput(
  path: string,
  changes: ProfileInput,
  keepFileSecret: boolean,
): Promise<ProfileInput> {
  const prefill = await prefillFromTokenFile(path);
  // The file's secret is used only when asked for: otherwise the admin's new one (or none) applies.
  const fileSecret = prefill.input.clientSecret;
  const fromFile: ProfileInput = { ...prefill.input };
  delete fromFile.clientSecret;
  const merged: ProfileInput = { ...fromFile, ...changes, outFile: path };
  if (keepFileSecret && changes.publicClient !== true && fileSecret !== undefined) {
    const to = tokenEndpointOf({ ...merged, clientSecret: fileSecret });
    // Not a valid profile: the sign-in refuses it on its own, with the admin's mistake named; no secret joins it.
    if (to === undefined) return merged;
    const from = tokenEndpointOf({ ...prefill.input, outFile: path });
    if (from !== to) throw new RtwError('secret-reentry-required', { from: from ?? '', to });
    merged.clientSecret = fileSecret;
    // The file's recorded expiry belongs to that secret: the write leaves it as it is.
    delete merged.clientSecretExpiresAt;
  }
  return merged;
}
