/**
 * `rtw acquire` and `rtw refresh` behind an HTTPS proxy (HTTPS_PROXY / NO_PROXY), with a real CONNECT proxy: bypassed for NO_PROXY
 * hosts, refusing the destination (403), wanting credentials (407) and accepting them from the proxy URL. The device
 * code flow is used because its first request already goes to the identity provider, with no browser in between.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startConnectProxy } from '../fixtures/connect-proxy.js';
import type { ConnectProxy, ConnectProxyOptions } from '../fixtures/connect-proxy.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { bytesOf, tempDir } from '../helpers/acquisition.js';
import { runCli } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';

let idp: SandboxIdp;
let dir: string;
let cleanup: () => Promise<void>;
let proxy: ConnectProxy | undefined;

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
  await proxy?.close();
  proxy = undefined;
  await cleanup();
});

async function startProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  proxy = await startConnectProxy({
    routes: { 'login.microsoftonline.com:443': { host: '127.0.0.1', port: idp.port } },
    ...options,
  });
  return proxy;
}

/** Device code sign-in at the production authority (or `authority`), approving the code when it is shown. */
function acquire(env: NodeJS.ProcessEnv, extra: string[] = [], authority?: string): Promise<CliRun> {
  return runCli(
    [
      'acquire',
      '--device-code',
      ...(authority === undefined ? [] : ['--authority', authority]),
      '--client-id',
      idp.apps.public.clientId,
      '--user',
      idp.users.admin.upn,
      '--out',
      path.join(dir, 'proxied.ini'),
      '--lang',
      'en',
      ...extra,
    ],
    {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile, ...env },
      onEvent: (event) => {
        if (event.event === 'device-code') idp.approveDeviceCode(String(event.userCode));
      },
    },
  );
}

describe('rtw acquire behind a proxy', () => {
  it('goes through HTTPS_PROXY to login.microsoftonline.com and gets the token', async () => {
    const p = await startProxy();
    const run = await acquire({ HTTPS_PROXY: p.url }, ['--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(p.log().map((e) => `${e.method} ${e.target} ${e.status}`)).toContain(
      'CONNECT login.microsoftonline.com:443 200',
    );
    const bytes = (await bytesOf(path.join(dir, 'proxied.ini'))) ?? Buffer.alloc(0);
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'TokenURI')).toBe(
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    );
  });

  it('bypasses the proxy for NO_PROXY hosts (here one that refuses everything)', async () => {
    const p = await startProxy({ refuse: true });
    const run = await acquire(
      { HTTPS_PROXY: p.url, NO_PROXY: 'localhost,127.0.0.1' },
      ['--json'],
      idp.authority(),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(p.log()).toEqual([]);
  });

  it('a proxy that refuses the destination: exit 4, the proxy and the host named, the fix', async () => {
    const p = await startProxy({ refuse: true });
    const run = await acquire({ HTTPS_PROXY: p.url });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      `The proxy 127.0.0.1:${p.port} refused the connection to login.microsoftonline.com (HTTP 403)`,
    );
    expect(run.stderr).toContain('NO_PROXY');
    expect(run.stderr).toContain('network admin');
    expect(idp.requests()).toEqual([]);
  });

  it('a proxy that wants credentials: exit 4 and how to give them (407)', async () => {
    const p = await startProxy({ requireAuth: { user: 'svc-mail', pass: 'p@ss:w%rd' } });
    const run = await acquire({ HTTPS_PROXY: p.url }, ['--json']);
    expect(run.code).toBe(4);
    expect(run.events.at(-1)).toMatchObject({
      event: 'failed',
      code: 'proxy-auth-required',
      id: 'proxy-auth-required',
      command: `$env:HTTPS_PROXY = 'http://USER:PASSWORD@127.0.0.1:${p.port}'`,
    });
    expect((run.events.at(-1)?.steps as string[]).join(' ')).toContain('%40');
  });

  it('wrong credentials are told apart from missing ones, and never printed', async () => {
    const p = await startProxy({ requireAuth: { user: 'svc-mail', pass: 'right' } });
    const run = await acquire({ HTTPS_PROXY: `http://svc-mail:WrongPass123@127.0.0.1:${p.port}` });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`The proxy 127.0.0.1:${p.port} did not accept the credentials (HTTP 407)`);
    expect(run.stderr).not.toContain('WrongPass123');
  });

  it('credentials in HTTPS_PROXY (percent-encoded) get through', async () => {
    const p = await startProxy({ requireAuth: { user: 'svc-mail', pass: 'p@ss:w%rd' } });
    const url = `http://svc-mail:${encodeURIComponent('p@ss:w%rd')}@127.0.0.1:${p.port}`;
    const run = await acquire({ HTTPS_PROXY: url }, ['--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(p.log().every((e) => e.status === 200)).toBe(true);
    expect(run.stdout).not.toContain('p%40ss');
  });
});

describe('rtw refresh behind a proxy (what a scheduled run does)', () => {
  it('refreshes through HTTPS_PROXY with credentials; even with DEBUG on, no secret is printed', async () => {
    const pass = 'Pr0xy-Pass!';
    const p = await startProxy({ requireAuth: { user: 'svc-mail', pass } });
    const proxyUrl = `http://svc-mail:${encodeURIComponent(pass)}@127.0.0.1:${p.port}`;
    const issued = await acquire({ HTTPS_PROXY: proxyUrl }, ['--json']);
    expect(issued.code, issued.stderr).toBe(0);
    const file = path.join(dir, 'proxied.ini');
    const before =
      getPrivateProfileString((await bytesOf(file)) ?? Buffer.alloc(0), 'OAUTH2', 'RefreshToken') ?? '';
    expect(before.length).toBeGreaterThan(20);
    idp.clearRequests();
    const tunnels = p.log().length;

    // DEBUG=* turns on the `debug` logging of any bundled library using it (https-proxy-agent, which the CLI used
    // before, printed the proxy URL it was given).
    const run = await runCli(['refresh', file, '--json'], {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile, HTTPS_PROXY: proxyUrl, DEBUG: '*' },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(
      p
        .log()
        .slice(tunnels)
        .map((e) => `${e.method} ${e.target} ${e.status}`),
    ).toEqual(['CONNECT login.microsoftonline.com:443 200']);
    expect(idp.requests()).toMatchObject([{ grantType: 'refresh_token', status: 200 }]);
    const after =
      getPrivateProfileString((await bytesOf(file)) ?? Buffer.alloc(0), 'OAUTH2', 'RefreshToken') ?? '';
    expect(after.length).toBeGreaterThan(20);
    expect(after).not.toBe(before);
    const printed = run.stdout + run.stderr;
    for (const secret of [pass, encodeURIComponent(pass), before, after])
      expect(printed).not.toContain(secret);
  });
});
