/**
 * National clouds: each cloud signs in, and refreshes, at its own host and names its own mail resource in the scopes. The
 * production hosts (login.microsoftonline.us, login.partner.microsoftonline.cn) are routed to the sandbox,
 * whose certificate carries those names, so the product's URLs, Host headers and TLS names stay real.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CloudName } from '../../../../electron/core/providers/microsoft/clouds.js';
import { runDeviceCodeAcquisition } from '../../../../electron/core/sign-in/device-code.js';
import { refreshTokenFile } from '../../../../electron/core/upkeep/refresh.js';
import { sandboxNetworkClient, startSandboxRoute } from '../../../helpers/sandbox-network.js';
import { createSandboxIdp } from '../../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../../fixtures/sandbox/idp.js';
import { getPrivateProfileString } from '../../../fixtures/windows-profile-reader.js';
import { acquire, bytesOf, sandboxProfile, tempDir } from '../../../helpers/acquisition.js';

let idp: SandboxIdp;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp({ deviceCode: { intervalSeconds: 1 } });
});
afterAll(async () => {
  await idp.close();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  idp.clearRequests();
});
afterEach(async () => {
  await cleanup();
});

const CASES: ReadonlyArray<{ cloud: CloudName; host: string; resource: string }> = [
  { cloud: 'global', host: 'login.microsoftonline.com', resource: 'https://outlook.office.com/' },
  { cloud: 'usgov', host: 'login.microsoftonline.us', resource: 'https://outlook.office365.us/' },
  { cloud: 'usgov-dod', host: 'login.microsoftonline.us', resource: 'https://outlook.office365.us/' },
  { cloud: 'china', host: 'login.partner.microsoftonline.cn', resource: 'https://partner.outlook.cn/' },
];

describe.each(CASES)('$cloud cloud', ({ cloud, host, resource }) => {
  it(`signs in at ${host}, asks for ${resource} scopes and writes that cloud's URIs`, async () => {
    const out = path.join(dir, `${cloud}.ini`);
    const profile = sandboxProfile(idp, out, {
      cloud,
      tenant: 'contoso.onmicrosoft.com',
      protocols: ['smtp', 'imap', 'pop'],
    });
    const run = await acquire(idp, profile);
    expect(run.result.ok, JSON.stringify(run.result)).toBe(true);

    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'TokenURI')).toBe(
      `https://${host}/contoso.onmicrosoft.com/oauth2/v2.0/token`,
    );
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'OuthURI')).toBe(
      `https://${host}/contoso.onmicrosoft.com/oauth2/v2.0/authorize`,
    );
    const scopes = `${resource}SMTP.Send ${resource}IMAP.AccessAsUser.All ${resource}POP.AccessAsUser.All`;
    expect(getPrivateProfileString(bytes, 'RefreshTokenWizard', 'Scopes')).toBe(`${scopes} offline_access`);
    expect(getPrivateProfileString(bytes, 'RefreshTokenWizard', 'Cloud')).toBe(cloud);

    // What reached the identity provider: the token request for exactly this cloud's mail resource.
    const token = idp.requests().find((r) => r.path.endsWith('/token'));
    expect(token?.scope?.split(' ')).toEqual(expect.arrayContaining(scopes.split(' ')));
    expect(token?.scope).not.toContain(cloud === 'global' ? 'office365.us' : 'outlook.office.com/');
  });

  it(`refreshes the written file at ${host} (nothing else reachable) with ${resource} scopes`, async () => {
    const out = path.join(dir, `${cloud}-refresh.ini`);
    const run = await acquire(idp, sandboxProfile(idp, out, { cloud, tenant: 'contoso.onmicrosoft.com' }));
    expect(run.result.ok, JSON.stringify(run.result)).toBe(true);
    idp.clearRequests();
    // Only this cloud's login host leads to the sandbox: a POST anywhere else could not be answered.
    const only = await startSandboxRoute(idp, [host]);
    const outcome = await refreshTokenFile(out, {
      createNetworkClient: () => sandboxNetworkClient(only),
    }).finally(() => only.close());
    expect(outcome.status, JSON.stringify(outcome)).toBe('refreshed');
    const requests = idp.requests();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      path: '/contoso.onmicrosoft.com/oauth2/v2.0/token',
      grantType: 'refresh_token',
      status: 200,
    });
    expect(requests[0]?.scope?.split(' ')).toEqual(
      expect.arrayContaining([`${resource}SMTP.Send`, 'offline_access']),
    );
  });

  it(`device code asks ${host} for a code with ${resource} scopes`, async () => {
    const out = path.join(dir, `${cloud}-dc.ini`);
    const profile = sandboxProfile(idp, out, {
      cloud,
      tenant: 'contoso.onmicrosoft.com',
      clientId: idp.apps.public.clientId,
      clientSecret: '',
      publicClient: true,
    });
    const route = await startSandboxRoute(idp);
    const result = await runDeviceCodeAcquisition(profile, {
      network: sandboxNetworkClient(route),
      onEvent: (event) => {
        if (event.type === 'device-code') idp.approveDeviceCode(event.userCode);
      },
    }).finally(() => route.close());
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const deviceCode = idp.requests().find((r) => r.path.endsWith('/devicecode'));
    expect(deviceCode).toMatchObject({
      path: '/contoso.onmicrosoft.com/oauth2/v2.0/devicecode',
      status: 200,
    });
    expect(deviceCode?.scope).toContain(`${resource}SMTP.Send`);
    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'TokenURI')).toBe(
      `https://${host}/contoso.onmicrosoft.com/oauth2/v2.0/token`,
    );
  });
});
