/** Pre-flight: input, account/tenant combinations, the redirect port, and the registration probe against the sandbox. */
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpsNetworkClient } from '../../../electron/core/transport/node-https-transport.js';
import { preflight } from '../../../electron/core/sign-in/preflight.js';
import type { PreflightReport } from '../../../electron/core/sign-in/preflight.js';
import type { ProfileInput } from '../../../electron/core/sign-in/profile.js';
import { createSandboxIdp } from '../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../fixtures/sandbox/idp.js';

let idp: SandboxIdp;
beforeAll(async () => {
  idp = await createSandboxIdp();
});
afterAll(async () => {
  await idp.close();
});

function input(overrides: ProfileInput = {}): ProfileInput {
  return {
    clientId: idp.apps.confidential.clientId,
    clientSecret: idp.defaults.secrets.valid.value,
    userId: idp.users.admin.upn,
    redirectPort: 0,
    authority: idp.authority(idp.defaults.tenants.work.id),
    ...overrides,
  };
}

function ids(report: PreflightReport): Array<[string, string]> {
  return report.findings.map((f) => [f.id, f.severity]);
}

const probe = (): { probe: { network: ReturnType<typeof createHttpsNetworkClient> } } => ({
  probe: { network: createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {} }) },
});

describe('preflight: input and combinations', () => {
  it('reuses validateProfile’s findings (a secret ID pasted instead of the Value)', async () => {
    const report = await preflight(
      input({ clientSecret: '3b1c2d3e-1111-4222-8333-444455556666', clientId: 'x' }),
    );
    expect(report.ok).toBe(false);
    expect(ids(report)).toEqual([
      ['input.clientIdInvalid', 'error'],
      ['input.secretLooksLikeId', 'error'],
    ]);
    expect(report.findings[1]?.message.en).toContain('secret’s ID'.replace('’', "'"));
  });

  it.each([
    ['someone@outlook.com', 'organizations', 'personal-with-organizations'],
    ['someone@hotmail.co.jp', 'contoso.onmicrosoft.com', 'personal-with-tenant'],
    ['someone@live.com', '11111111-2222-4333-8444-555555555555', 'personal-with-tenant'],
    ['printer@contoso.co.jp', 'consumers', 'consumers-with-work-mailbox'],
  ])('%s with tenant %s cannot sign in: %s', async (userId, tenant, id) => {
    const report = await preflight({ ...input({ userId, tenant }), authority: undefined });
    expect(ids(report)).toContainEqual([id, 'error']);
    expect(report.findings.find((f) => f.id === id)?.field).toBe('tenant');
    expect(report.findings.find((f) => f.id === id)?.message.ja).toMatch(/テナント/);
  });

  it.each([
    ['someone@outlook.com', 'consumers'],
    ['someone@outlook.com', 'common'],
    ['printer@contoso.co.jp', 'organizations'],
    ['printer@contoso.co.jp', 'common'],
  ])('%s with tenant %s is fine', async (userId, tenant) => {
    const report = await preflight({ ...input({ userId, tenant }), authority: undefined });
    expect(report.ok).toBe(true);
  });

  it('a busy redirect port is an error with a free port suggested', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const report = await preflight(input({ redirectPort: port }));
      const finding = report.findings.find((f) => f.id === 'port-busy');
      expect(finding?.severity).toBe('error');
      expect(finding?.field).toBe('redirectPort');
      expect(finding?.message.en).toMatch(new RegExp(`Port ${port} is in use.*Use port \\d+`));
    } finally {
      server.close();
    }
  });
});

describe('preflight: the client-credentials probe against the sandbox', () => {
  it('a valid secret: the registration exists and the secret works', async () => {
    idp.clearRequests();
    const report = await preflight(input(), probe());
    expect(report.probe).toEqual({ outcome: 'secret-valid' });
    expect(JSON.stringify(report)).not.toContain(idp.defaults.secrets.valid.value);
    expect(ids(report)).toContainEqual(['probe-secret-valid', 'ok']);
    expect(report.ok).toBe(true);
    expect(idp.requests()).toEqual([
      expect.objectContaining({ grantType: 'client_credentials', status: 200 }),
    ]);
  });

  it('a wrong secret (7000215), an expired one (7000222) and an unknown client (700016) are told apart', async () => {
    const wrong = await preflight(
      input({ clientSecret: 'abc8Q~thisIsNotTheSecretValueAtAll_123456' }),
      probe(),
    );
    expect(wrong.probe).toEqual({ outcome: 'refused', aadsts: 7000215 });
    expect(wrong.findings.at(-1)).toMatchObject({
      id: 'probe-refused',
      severity: 'error',
      field: 'clientSecret',
    });
    expect(wrong.findings.at(-1)?.explanation?.id).toBe('AADSTS7000215');

    const expired = await preflight(input({ clientSecret: idp.defaults.secrets.expired.value }), probe());
    expect(expired.probe).toEqual({ outcome: 'refused', aadsts: 7000222 });
    expect(expired.findings.at(-1)?.explanation?.id).toBe('AADSTS7000222');

    const unknown = await preflight(input({ clientId: '3b1c2d3e-1111-4222-8333-444455556666' }), probe());
    expect(unknown.probe).toEqual({ outcome: 'refused', aadsts: 700016 });
    expect(unknown.findings.at(-1)).toMatchObject({ field: 'clientId', explanation: { id: 'AADSTS700016' } });
    // The report may cross IPC and be logged: no secret in it.
    const text = JSON.stringify([wrong, expired, unknown]);
    expect(text).not.toContain(idp.defaults.secrets.expired.value);
    expect(text).not.toContain('abc8Q~thisIsNotTheSecretValueAtAll_123456');
  });

  it('a public client and personal accounts are not probed; an unreachable IdP is a warning', async () => {
    const pub = await preflight(
      input({ clientId: idp.apps.public.clientId, clientSecret: undefined, publicClient: true }),
      probe(),
    );
    expect(pub.probe).toEqual({ outcome: 'skipped-public-client' });
    const personal = await preflight(
      { ...input({ userId: 'someone@outlook.com', tenant: 'consumers' }), authority: undefined },
      probe(),
    );
    expect(personal.probe).toEqual({ outcome: 'skipped-consumers' });
    const unreachable = await preflight(input({ authority: 'https://127.0.0.1:9/common' }), probe());
    expect(unreachable.probe).toEqual({ outcome: 'failed' });
    expect(unreachable.findings.at(-1)).toMatchObject({
      id: 'probe-failed',
      severity: 'warning',
      explanation: { id: 'idp-unreachable' },
    });
  });

  it('a combination that cannot work skips the probe', async () => {
    idp.clearRequests();
    const report = await preflight(
      { ...input({ userId: 'someone@outlook.com', tenant: 'organizations' }), authority: undefined },
      probe(),
    );
    expect(report.probe).toBeUndefined();
    expect(idp.requests()).toEqual([]);
  });
});
