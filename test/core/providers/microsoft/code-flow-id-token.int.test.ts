/**
 * Microsoft's browser sign-in takes the account from MSAL's result (issue #15, item 13). @azure/msal-node 7.2.1
 * (msal-common 16.16.1, response/ResponseHandler.mjs) only decodes the ID token: it checks the nonce, and only when
 * the caller passes one; never iss, aud, tid or exp. So the app checks the claims itself, as it does for refresh,
 * device code and Google. Here the sandbox's real answer is altered on its way back (as a proxy or a mix-up would):
 * each altered claim stops the sign-in with `id-token-invalid`, nothing is written; the untouched answer signs in.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdpNetworkClient } from '../../../../electron/core/transport/network-client.js';
import { createSandboxIdp } from '../../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../../fixtures/sandbox/idp.js';
import { acquire, sandboxProfile, tempDir } from '../../../helpers/acquisition.js';
import { sandboxNetworkClient, startSandboxRoute } from '../../../helpers/sandbox-network.js';
import type { SandboxRoute } from '../../../helpers/sandbox-network.js';

let idp: SandboxIdp;
let route: SandboxRoute;
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
});
afterAll(async () => {
  await route.close();
  await idp.close();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

type Claims = Record<string, unknown>;

/** The ID token with its payload changed; header and signature kept (nobody on this path checks the signature). */
function altered(idToken: string, change: (claims: Claims) => Claims): string {
  const [header, payload, signature] = idToken.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Claims;
  return [header, Buffer.from(JSON.stringify(change(claims))).toString('base64url'), signature].join('.');
}

/** The sandbox's network client, the token answer's ID token changed on the way back. */
function alteringIdToken(change: (claims: Claims) => Claims): IdpNetworkClient {
  const client = sandboxNetworkClient(route);
  return {
    get requestCount() {
      return client.requestCount;
    },
    takeFailure: () => client.takeFailure(),
    sendGetRequestAsync: (url, options, timeout) => client.sendGetRequestAsync(url, options, timeout),
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      const response = await client.sendPostRequestAsync<T>(url, options);
      const body = response.body as { id_token?: unknown };
      if (typeof body.id_token === 'string') body.id_token = altered(body.id_token, change);
      return response;
    },
  };
}

const HOUR = 3600;

describe('the ID token of Microsoft’s browser sign-in (MSAL)', () => {
  it('the answer as the sandbox sent it signs in (the alteration itself breaks nothing)', async () => {
    const out = path.join(dir, 'ok.ini');
    const run = await acquire(idp, sandboxProfile(idp, out), { network: alteringIdToken((c) => c) });
    expect(run.result.ok, JSON.stringify(run.result)).toBe(true);
  });

  it.each<[string, (claims: Claims) => Claims]>([
    ['aud', (c) => ({ ...c, aud: '00000000-0000-4000-8000-00000000beef' })],
    ['iss', (c) => ({ ...c, iss: `https://attacker.example/${String(c.tid)}/v2.0` })],
    ['tid', (c) => ({ ...c, tid: 'not-a-tenant' })],
    ['exp', (c) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 2 * HOUR })],
    ['iat', ({ iat: _iat, ...c }) => c],
    ['nbf', (c) => ({ ...c, nbf: Math.floor(Date.now() / 1000) + 2 * HOUR })],
    ['nonce', (c) => ({ ...c, nonce: 'a-nonce-of-another-request' })],
  ])('an ID token whose %s does not fit is refused: nothing written', async (claim, change) => {
    const out = path.join(dir, `${claim}.ini`);
    const run = await acquire(idp, sandboxProfile(idp, out), { network: alteringIdToken(change) });
    expect(run.result).toMatchObject({ ok: false, code: 'id-token-invalid' });
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });
});
