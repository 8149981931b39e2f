/** Re-issuing (`rtw acquire --from FILE`): the file's settings, with what the command line gives on top. */
import type { ProfileInput } from '../../core/sign-in/index.js';

/**
 * The file's values with the command line's on top. A tenant or cloud given here replaces an authority taken
 * from the file (the sandbox or a private cloud), which would otherwise win over both.
 */
export function mergePrefill(
  fromFile: ProfileInput,
  cli: ProfileInput,
  publicClientFlag: boolean,
): ProfileInput {
  const merged: ProfileInput = { ...fromFile };
  for (const [key, value] of Object.entries(cli) as Array<[keyof ProfileInput, unknown]>) {
    if (value !== undefined && key !== 'publicClient') Object.assign(merged, { [key]: value });
  }
  if ((cli.tenant !== undefined || cli.cloud !== undefined) && cli.authority === undefined)
    delete merged.authority;
  // The flag can only say "public"; without it the file decides (an empty secret we wrote means public).
  merged.publicClient = publicClientFlag || fromFile.publicClient === true;
  if (merged.publicClient) delete merged.clientSecret;
  return merged;
}
