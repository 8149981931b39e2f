/**
 * Token files issued for real by the sandbox IdP, at its own address, so a spawned `rtw refresh` (trusting the
 * sandbox CA through NODE_EXTRA_CA_CERTS) can redeem them; and a direct check that a token still works there.
 */
import { Agent, fetch } from 'undici';
import { createHttpsNetworkClient } from '../../electron/core/transport/node-https-transport.js';
import type { IdpNetworkClient } from '../../electron/core/transport/network-client.js';
import type { ProfileInput } from '../../electron/core/sign-in/profile.js';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { acquire, sandboxProfile } from './acquisition.js';

/** A network client for the sandbox's own address (its CA trusted), as the CLI gets with NODE_EXTRA_CA_CERTS. */
export function sandboxNetwork(idp: SandboxIdp): IdpNetworkClient {
  return createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {} });
}

/** Signs in through the sandbox (authority = its own address) and writes `file`; returns the refresh token. */
export async function issueTokenFile(
  idp: SandboxIdp,
  file: string,
  overrides: ProfileInput = {},
  /** The sandbox's clock when it is not the computer's: the ID token's validity is checked against it. */
  now?: () => Date,
): Promise<string> {
  const run = await acquire(
    idp,
    sandboxProfile(idp, file, { authority: idp.authority('common'), ...overrides }),
    {
      network: sandboxNetwork(idp),
      dispatcher: new Agent({ connect: { ca: idp.caPem } }),
      ...(now === undefined ? {} : { now }),
    },
  );
  if (!run.result.ok) throw new Error(`issuing failed: ${run.result.code}`);
  return tokenIn(file);
}

/** The RefreshToken the file holds, as Windows would read it. */
export async function tokenIn(file: string): Promise<string> {
  const content = await readTokenFile(file);
  if (!content.exists) throw new Error(`no file ${file}`);
  return content.oauth2.RefreshToken ?? '';
}

/** True when the sandbox accepts the refresh token (a direct refresh_token grant, outside the product's code). */
export async function worksAtSandbox(
  idp: SandboxIdp,
  token: string,
  client: { clientId: string; clientSecret?: string } = {
    clientId: idp.apps.confidential.clientId,
    clientSecret: idp.defaults.secrets.valid.value,
  },
): Promise<boolean> {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: client.clientId,
    refresh_token: token,
    scope: 'https://outlook.office.com/SMTP.Send offline_access',
    ...(client.clientSecret === undefined ? {} : { client_secret: client.clientSecret }),
  });
  const response = await fetch(`${idp.authority('common')}/oauth2/v2.0/token`, {
    method: 'POST',
    body,
    dispatcher: new Agent({ connect: { ca: idp.caPem } }),
  });
  await response.text();
  return response.status === 200;
}
