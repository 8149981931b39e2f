/** The profile a re-issue runs with, from the token file being re-issued. */
import type { ProfileInput } from '../core/sign-in/index.js';
import { prefillFromTokenFile } from '../core/upkeep/index.js';

/**
 * The profile a re-issue runs with: the file's settings, overridden by the admin's changes, written back to the
 * same file. With `keepFileSecret` the file's own secret is used (it never left the main process).
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
    merged.clientSecret = fileSecret;
    // The file's recorded expiry belongs to that secret: the write leaves it as it is.
    delete merged.clientSecretExpiresAt;
  }
  return merged;
}
