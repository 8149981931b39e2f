/**
 * `rtw acquire` behind an HTTPS proxy (HTTPS_PROXY / NO_PROXY), in process with a real CONNECT proxy: bypassed for
 * NO_PROXY hosts, refusing the destination (403), wanting credentials (407) and accepting them from the proxy URL.
 * The device code flow is used because its first request already goes to the identity provider, with no browser in
 * between. A scheduled `rtw refresh` behind a proxy, as a real process: process.test.ts.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startConnectProxy } from '../fixtures/connect-proxy.js';
import type { ConnectProxy, ConnectProxyOptions } from '../fixtures/connect-proxy.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { bytesOf, tempDir } from '../helpers/acquisition.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
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
  return runCliInProcess(
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
