/**
 * Which remembered secret a sign-in may use: only one remembered for the token endpoint the sign-in's own form
 * names (issue #15, item 8). The form comes from the renderer, which could name any tenant, cloud or host; a
 * secret remembered for another endpoint is not recalled, so the sign-in asks for the secret to be typed again.
 */
import { DEFAULT_PROVIDER, isProviderId, providerOf } from '../core/providers/index.js';
import type { ProfileInput } from '../core/sign-in/index.js';
import { endpointKey } from '../core/upkeep/index.js';
import type { MailboxRegistry } from '../core/upkeep/index.js';

/** The token endpoint a form's registration fields name (provider, tenant, cloud, authority), if they are valid. */
export function registrationTokenEndpoint(input: ProfileInput): string | undefined {
  const name = (input.provider ?? '').trim() || DEFAULT_PROVIDER;
  if (!isProviderId(name)) return undefined;
  const provider = providerOf(name);
  const validation = provider.validateRegistration(input);
  return validation.ok ? provider.iniEndpoints(validation.registration).tokenUri : undefined;
}

/**
 * The app's secret remembered for the endpoint this form would send it to, or undefined (none there, or the form
 * names no valid endpoint). The endpoint does not depend on the secret's value; a remembered one only makes the
 * registration valid enough to name it.
 */
export async function rememberedSecretFor(
  registry: MailboxRegistry,
  input: ProfileInput,
): Promise<string | undefined> {
  const clientId = input.clientId ?? '';
  for (const endpoint of await registry.secretEndpoints(clientId)) {
    const secret = await registry.recallSecret(clientId, endpoint);
    if (secret === undefined) continue;
    const to = registrationTokenEndpoint({ ...input, publicClient: false, clientSecret: secret });
    if (to !== undefined && endpointKey(to) === endpoint) return secret;
  }
  return undefined;
}
