/**
 * The CLI's node:https network client (electron/core/transport/node-https-transport.ts) over real sockets: the sandbox IdP
 * directly and through a real CONNECT proxy (NO_PROXY, 407 with missing, wrong and right credentials, 403, 502),
 * an untrusted certificate, a closed port, a server that never answers, and that no connection is left open; and a
 * network session (one run over many files) reusing its connections, directly and through the proxy.
 */
import { once } from 'node:events';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RtwError } from '../../../electron/core/errors.js';
import { MAX_ANSWER_BYTES } from '../../../electron/core/transport/network-client.js';
import {
  IDLE_CONNECTION_MS,
  ProxyTunnelError,
  createHttpsNetworkClient,
  createHttpsNetworkSession,
  createHttpsTransport,
} from '../../../electron/core/transport/node-https-transport.js';
import { startConnectProxy } from '../../fixtures/connect-proxy.js';
import { createTlsMaterial } from '../../fixtures/sandbox/tls.js';
import type { ConnectProxy, ConnectProxyOptions } from '../../fixtures/connect-proxy.js';
import { createSandboxIdp } from '../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../fixtures/sandbox/idp.js';

const LOGIN = 'login.microsoftonline.com';
const OIDC = '/common/v2.0/.well-known/openid-configuration';
const TOKEN = '/common/oauth2/v2.0/token';

let idp: SandboxIdp;
/** Servers and proxies a test started, closed after it. */
let closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  idp = await createSandboxIdp();
});
afterAll(async () => {
  await idp.close();
});
beforeEach(() => {
  idp.clearRequests();
});
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers = [];
  vi.unstubAllEnvs();
  idp.setTokenLatency(null);
});

async function startProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const proxy = await startConnectProxy({
    routes: { [`${LOGIN}:443`]: { host: '127.0.0.1', port: idp.port } },
    ...options,
  });
  closers.push(() => proxy.close());
  return proxy;
}

/** Asks for the OIDC configuration through `proxy`: answered by the sandbox, through one tunnel to it. */
async function expectAnswerThrough(
  client: ReturnType<typeof createHttpsNetworkClient>,
  proxy: ConnectProxy,
): Promise<void> {
  const answer = await client.sendGetRequestAsync<Record<string, unknown>>(`https://${LOGIN}${OIDC}`);
  expect(answer.status).toBe(200);
  expect(answer.body.token_endpoint).toBe(`https://${LOGIN}${TOKEN}`);
  expect(proxy.log()).toEqual([
    { method: 'CONNECT', target: `${LOGIN}:443`, routedTo: `127.0.0.1:${idp.port}`, status: 200 },
  ]);
}

/** A loopback port nothing listens on (it was free a moment ago: a connection to it is refused). */
async function unusedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server);
  server.close();
  await once(server, 'close');
  return port;
}

/** The client's failure: what the MSAL network module rejected with (our RtwError). */
async function failureOf(request: Promise<unknown>): Promise<RtwError> {
  const error: unknown = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RtwError)) throw new Error(`expected an RtwError, got ${String(error)}`);
  return error;
}

/** Everything an error would show: its JSON, its message and its causes' messages. */
function visibleText(error: unknown): string {
  const parts = [JSON.stringify(error)];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message, JSON.stringify(e));
  return parts.join('\n');
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) chain.push(e);
  return chain;
}

async function listen<S extends NetServer>(server: S): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** A TCP server that accepts connections, reads what comes and never says anything. */
async function startSilentServer(): Promise<{ port: number; accepted: Promise<Socket> }> {
  const sockets = new Set<Socket>();
  let accept: (socket: Socket) => void = () => undefined;
  const accepted = new Promise<Socket>((resolve) => (accept = resolve));
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    // Reading (and dropping) what the client sends is what lets the socket notice the client hanging up.
    socket.resume();
    accept(socket);
  });
  const port = await listen(server);
  closers.push(async () => {
    for (const s of sockets) s.destroy();
    server.close();
    await once(server, 'close');
  });
  return { port, accepted };
}

/**
 * A TLS server with the sandbox's certificate speaking just enough HTTP/1.1 by hand: it answers each request with
 * `respond(socket)` and never closes a connection itself (it even says keep-alive), so only the client can end it.
 */
async function startRawTlsServer(
  respond: (socket: TLSSocket) => void,
): Promise<{ port: number; connections: Array<{ ended: Promise<unknown> }> }> {
  const connections: Array<{ ended: Promise<unknown> }> = [];
  const sockets = new Set<TLSSocket>();
  const server = createTlsServer({ cert: idp.serverTls.certPem, key: idp.serverTls.keyPem }, (socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    // 'end' is the client's FIN: it closed its side. A reset (the client hung up while we were still writing) is a
    // close too, and must not surface as an unhandled rejection.
    connections.push({ ended: once(socket, 'end').catch((error: unknown) => error) });
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      if (buffered.includes('\r\n\r\n')) {
        buffered = '';
        respond(socket);
      }
    });
  });
  // Also the TCP connections whose handshake failed (they never reach the listener above).
  const tcp = new Set<Socket>();
  server.on('connection', (socket: Socket) => tcp.add(socket));
  const port = await listen(server);
  closers.push(async () => {
    for (const s of sockets) s.destroy();
    for (const s of tcp) s.destroy();
    server.close();
    await once(server, 'close');
  });
  return { port, connections };
}

const JSON_KEEP_ALIVE = (body: string): string =>
  `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
  `Connection: keep-alive\r\nKeep-Alive: timeout=600\r\n\r\n${body}`;

describe('direct to the identity provider', () => {
  it('GET: a parsed 200 answer (the openid configuration), the sandbox CA trusted through extraCaPem', async () => {
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {} });
    const answer = await client.sendGetRequestAsync<Record<string, unknown>>(`${idp.url}${OIDC}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.body.token_endpoint).toBe(`${idp.url}${TOKEN}`);
    expect(idp.requests()).toMatchObject([{ method: 'GET', path: OIDC, status: 200 }]);
    expect(client.takeFailure()).toBeUndefined();
  });

  it("POST: Entra's error answer (400 with `error`) is returned to MSAL, not thrown", async () => {
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {} });
    const answer = await client.sendPostRequestAsync<Record<string, unknown>>(`${idp.url}${TOKEN}`, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `client_id=${idp.apps.public.clientId}&grant_type=refresh_token&refresh_token=not-a-real-token`,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual(expect.any(String));
    expect(answer.body.error_codes).toEqual([expect.any(Number)]);
    // The sandbox read the form (it answered about the refresh token, not about a missing parameter).
    expect(idp.requests()).toMatchObject([{ method: 'POST', path: TOKEN, grantType: 'refresh_token' }]);
    expect(client.takeFailure()).toBeUndefined();
  });

  it('an untrusted certificate (no extraCaPem, not in NODE_EXTRA_CA_CERTS) is idp-tls', async () => {
    const client = createHttpsNetworkClient({ env: {} });
    const error = await failureOf(client.sendGetRequestAsync(`${idp.url}${OIDC}`));
    expect(error.code).toBe('idp-tls');
    expect(error.params).toMatchObject({
      host: `127.0.0.1:${idp.port}`,
      reason: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    expect(idp.requests()).toEqual([]);
  });

  it('nothing listening on the port is idp-unreachable with ECONNREFUSED', async () => {
    const port = await unusedPort();
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {} });
    const error = await failureOf(client.sendGetRequestAsync(`https://127.0.0.1:${port}${OIDC}`));
    expect(error).toMatchObject({
      code: 'idp-unreachable',
      params: { host: `127.0.0.1:${port}`, reason: 'ECONNREFUSED' },
    });
  });

  it('a server that accepts and never answers is idp-timeout, and the connection is closed', async () => {
    const silent = await startSilentServer();
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {}, timeoutMs: 300 });
    const error = await failureOf(client.sendGetRequestAsync(`https://127.0.0.1:${silent.port}${OIDC}`));
    expect(error).toMatchObject({ code: 'idp-timeout', params: { host: `127.0.0.1:${silent.port}` } });
    // The aborted request's socket is destroyed: the server sees the client go.
    const socket = await silent.accepted;
    if (!socket.destroyed) await once(socket, 'close');
    expect(socket.destroyed).toBe(true);
  });

  it('closes its connection after the answer even when the server would keep it alive', async () => {
    const server = await startRawTlsServer((socket) => socket.write(JSON_KEEP_ALIVE('{"ok":true}')));
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {} });
    const answer = await client.sendGetRequestAsync<{ ok: boolean }>(`https://127.0.0.1:${server.port}/x`);
    expect(answer.body).toEqual({ ok: true });
    expect(server.connections).toHaveLength(1);
    // The server never closes; resolving means the client sent its FIN (a pooled socket would hang here).
    await server.connections[0]?.ended;
  });
});

describe('through the CONNECT proxy of HTTPS_PROXY', () => {
  it('tunnels to login.microsoftonline.com and gets the answer', async () => {
    const proxy = await startProxy();
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
    await expectAnswerThrough(client, proxy);
  });

  it('the lower-case https_proxy works too, and the env option is used instead of process.env', async () => {
    const refusing = await startProxy({ refuse: true });
    vi.stubEnv('HTTPS_PROXY', refusing.url);
    const proxy = await startProxy();
    const realEnv = process.env;
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { https_proxy: proxy.url } });
    const answer = await client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`);
    expect(answer.status).toBe(200);
    expect(proxy.log().map((e) => `${e.method} ${e.target} ${e.status}`)).toEqual([
      `CONNECT ${LOGIN}:443 200`,
    ]);
    expect(refusing.log()).toEqual([]);
    // process.env is given back untouched.
    expect(process.env).toBe(realEnv);
    expect(process.env.HTTPS_PROXY).toBe(refusing.url);
    // Without `env`, process.env is read (here it names the refusing proxy).
    const fromProcess = createHttpsNetworkClient({ extraCaPem: idp.caPem });
    const error = await failureOf(fromProcess.sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
    expect(error).toMatchObject({ code: 'proxy-refused', params: { status: 403 } });
  });

  it('HTTP_PROXY alone serves https URLs too (as undici did), HTTPS_PROXY wins over it, ALL_PROXY is ignored', async () => {
    const proxy = await startProxy();
    const refusing = await startProxy({ refuse: true });
    const onlyHttp = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTP_PROXY: proxy.url } });
    expect((await onlyHttp.sendGetRequestAsync(`https://${LOGIN}${OIDC}`)).status).toBe(200);
    expect(proxy.log()).toMatchObject([{ method: 'CONNECT', target: `${LOGIN}:443`, status: 200 }]);
    const both = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTP_PROXY: refusing.url, HTTPS_PROXY: proxy.url },
    });
    expect((await both.sendGetRequestAsync(`https://${LOGIN}${OIDC}`)).status).toBe(200);
    // ALL_PROXY is often a socks:// proxy for other tools; undici never read it, and neither do we.
    const withAll = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTP_PROXY: proxy.url, ALL_PROXY: 'socks5://127.0.0.1:1080' },
    });
    expect((await withAll.sendGetRequestAsync(`https://${LOGIN}${OIDC}`)).status).toBe(200);
    expect(refusing.log()).toEqual([]);
    expect(proxy.log()).toHaveLength(3);
  });

  it('a proxy given without a scheme is an http:// proxy (as curl reads it)', async () => {
    const proxy = await startProxy();
    const client = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTPS_PROXY: `127.0.0.1:${proxy.port}` },
    });
    expect((await client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`)).status).toBe(200);
    expect(proxy.log()).toMatchObject([{ method: 'CONNECT', target: `${LOGIN}:443`, status: 200 }]);
  });

  it('a proxy URL that is not http(s) is idp-unreachable, its value (and password) not repeated', async () => {
    const client = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTPS_PROXY: 'socks5://svc-mail:Secret123@127.0.0.1:1080' },
    });
    const error = await failureOf(client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
    expect(error).toMatchObject({ code: 'idp-unreachable', params: { host: LOGIN } });
    expect(JSON.stringify(error.params)).toContain('HTTPS_PROXY is not an http:// or https:// URL');
    expect(visibleText(error)).not.toContain('Secret123');
    expect(idp.requests()).toEqual([]);
  });

  it('credentials that are not properly percent-encoded are idp-unreachable, saying so, not repeating them', async () => {
    const proxy = await startProxy({ requireAuth: { user: 'svc-mail', pass: 'p%zz' } });
    const client = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTPS_PROXY: `http://svc-mail:p%zz@127.0.0.1:${proxy.port}` },
    });
    const error = await failureOf(client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
    expect(error).toMatchObject({ code: 'idp-unreachable', params: { host: LOGIN } });
    expect(JSON.stringify(error.params)).toContain('percent-encoded');
    expect(visibleText(error)).not.toContain('p%zz');
    expect(proxy.log()).toEqual([]);
  });

  it('NO_PROXY bypasses the proxy (one that refuses everything)', async () => {
    const proxy = await startProxy({ refuse: true });
    const url = `${idp.url}${OIDC}`;
    const proxied = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
    // Without NO_PROXY the same request does go to the proxy, and is refused.
    expect((await failureOf(proxied.sendGetRequestAsync(url))).code).toBe('proxy-refused');
    const bypassing = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' },
    });
    const answer = await bypassing.sendGetRequestAsync(url);
    expect(answer.status).toBe(200);
    expect(proxy.log()).toHaveLength(1);
  });

  it('a proxy refusing the destination (403) is proxy-refused, naming the proxy and the host', async () => {
    const proxy = await startProxy({ refuse: true });
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
    const error = await failureOf(client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
    expect(error).toMatchObject({
      code: 'proxy-refused',
      params: { proxy: `127.0.0.1:${proxy.port}`, host: LOGIN, status: 403 },
    });
    // The proxy's answer, not the identity provider's: the cause says so, and nothing reached the IdP.
    expect(causeChain(error).find((e) => e instanceof ProxyTunnelError)).toMatchObject({ proxyStatus: 403 });
    expect(idp.requests()).toEqual([]);
  });

  it('a proxy that cannot reach the destination (502) is proxy-refused with 502', async () => {
    const deadPort = await unusedPort();
    const proxy = await startProxy({ routes: { [`${LOGIN}:443`]: { host: '127.0.0.1', port: deadPort } } });
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
    const error = await failureOf(client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
    expect(error).toMatchObject({
      code: 'proxy-refused',
      params: { proxy: `127.0.0.1:${proxy.port}`, host: LOGIN, status: 502 },
    });
  });

  describe('a proxy that wants credentials (407)', () => {
    const user = 'svc-mail';
    const pass = 'p@ss:w%rd';

    it('none given: proxy-auth-required, credentialsGiven false', async () => {
      const proxy = await startProxy({ requireAuth: { user, pass } });
      const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
      const error = await failureOf(client.sendPostRequestAsync(`https://${LOGIN}${TOKEN}`, { body: 'a=b' }));
      expect(error).toMatchObject({
        code: 'proxy-auth-required',
        params: { proxy: `127.0.0.1:${proxy.port}`, host: LOGIN, credentialsGiven: false },
      });
      expect(causeChain(error).find((e) => e instanceof ProxyTunnelError)).toMatchObject({
        proxyStatus: 407,
      });
      expect(idp.requests()).toEqual([]);
    });

    it('wrong ones: credentialsGiven true, and the password appears nowhere in the error', async () => {
      const proxy = await startProxy({ requireAuth: { user, pass } });
      const env = { HTTPS_PROXY: `http://${user}:WrongPass123@127.0.0.1:${proxy.port}` };
      const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env });
      const error = await failureOf(client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
      expect(error).toMatchObject({
        code: 'proxy-auth-required',
        params: { proxy: `127.0.0.1:${proxy.port}`, host: LOGIN, credentialsGiven: true },
      });
      expect(proxy.log()).toEqual([{ method: 'CONNECT', target: `${LOGIN}:443`, status: 407 }]);
      const text = visibleText(error);
      expect(text).toContain('407');
      expect(text).not.toContain('WrongPass123');
    });

    it('right ones, percent-encoded in the URL: tunnelled and answered', async () => {
      const proxy = await startProxy({ requireAuth: { user, pass } });
      const env = { HTTPS_PROXY: `http://${user}:${encodeURIComponent(pass)}@127.0.0.1:${proxy.port}` };
      const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env });
      const answer = await client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`);
      expect(answer.status).toBe(200);
      expect(proxy.log()).toEqual([
        { method: 'CONNECT', target: `${LOGIN}:443`, routedTo: `127.0.0.1:${idp.port}`, status: 200 },
      ]);
    });
  });

  it('verifies the certificate through the tunnel: untrusted CA, and a name the certificate lacks', async () => {
    const proxy = await startProxy({
      routes: {
        [`${LOGIN}:443`]: { host: '127.0.0.1', port: idp.port },
        'login.example.org:443': { host: '127.0.0.1', port: idp.port },
      },
    });
    const untrusted = createHttpsNetworkClient({ env: { HTTPS_PROXY: proxy.url } });
    expect(await failureOf(untrusted.sendGetRequestAsync(`https://${LOGIN}${OIDC}`))).toMatchObject({
      code: 'idp-tls',
      params: { host: LOGIN, reason: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    });
    const trusted = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
    expect(await failureOf(trusted.sendGetRequestAsync(`https://login.example.org${OIDC}`))).toMatchObject({
      code: 'idp-tls',
      params: { host: 'login.example.org', reason: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    });
    expect(idp.requests()).toEqual([]);
  });

  it('a proxy that never answers the CONNECT: idp-timeout, and the connection to it is closed', async () => {
    const silent = await startSilentServer();
    const client = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTPS_PROXY: `http://127.0.0.1:${silent.port}` },
      timeoutMs: 300,
    });
    const error = await failureOf(client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
    expect(error).toMatchObject({ code: 'idp-timeout', params: { host: LOGIN } });
    const socket = await silent.accepted;
    if (!socket.destroyed) await once(socket, 'close');
    expect(socket.destroyed).toBe(true);
  });

  it('closes the tunnel after the answer even when the server would keep it alive', async () => {
    const server = await startRawTlsServer((socket) => socket.write(JSON_KEEP_ALIVE('{"ok":true}')));
    const proxy = await startProxy({
      routes: { [`${LOGIN}:443`]: { host: '127.0.0.1', port: server.port } },
    });
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
    const answer = await client.sendGetRequestAsync<{ ok: boolean }>(`https://${LOGIN}/x`);
    expect(answer.body).toEqual({ ok: true });
    expect(server.connections).toHaveLength(1);
    // The proxy passes the client's FIN on; the server never closes by itself.
    await server.connections[0]?.ended;
  });

  describe('an https:// proxy: TLS to the proxy, and the IdP’s TLS inside the tunnel', () => {
    // The proxy's own certificate and CA: it names the loopback server, not the IdP.
    let proxyTls: Awaited<ReturnType<typeof createTlsMaterial>>;
    beforeAll(async () => {
      proxyTls = await createTlsMaterial([], { loginHosts: false });
    });

    it.each(['127.0.0.1', 'localhost'])(
      'tunnels and gets the answer, the proxy checked against its own name (%s)',
      async (host) => {
        const proxy = await startProxy({ tls: proxyTls });
        const url = `https://${host}:${proxy.port}`;
        const client = createHttpsNetworkClient({
          extraCaPem: `${idp.caPem}\n${proxyTls.caPem}`,
          env: { HTTPS_PROXY: url },
        });
        await expectAnswerThrough(client, proxy);
      },
    );

    it('a proxy whose certificate is not trusted gets no CONNECT, and nothing reaches the IdP', async () => {
      const proxy = await startProxy({ tls: proxyTls });
      const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
      const error = await failureOf(client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
      expect(error.code).toBe('idp-tls');
      expect(proxy.log()).toEqual([]);
      expect(idp.requests()).toEqual([]);
    });
  });

  it('an IPv6 proxy (`http://[::1]:port`)', async () => {
    const proxy = await startProxy({ host: '::1' });
    expect(proxy.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
    await expectAnswerThrough(client, proxy);
  });

  it('an IdP addressed by IP through the proxy: verified against the IP, and no SNI warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    try {
      const proxy = await startProxy();
      const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: { HTTPS_PROXY: proxy.url } });
      const answer = await client.sendGetRequestAsync(`https://127.0.0.1:${idp.port}${OIDC}`);
      expect(answer.status).toBe(200);
      expect(proxy.log()).toEqual([
        {
          method: 'CONNECT',
          target: `127.0.0.1:${idp.port}`,
          routedTo: `127.0.0.1:${idp.port}`,
          status: 200,
        },
      ]);
      // Node emits its warnings on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('an IdP addressed by IP through a proxy named by host name: its certificate is checked against that IP', async () => {
    // 127.0.0.2 is loopback too, but the sandbox certificate names only 127.0.0.1, ::1 and host names, `localhost`
    // among them. With no SNI for an IP, Node would check against the tunnel socket's host: the proxy's name.
    const proxy = await startProxy({
      routes: { [`127.0.0.2:${idp.port}`]: { host: '127.0.0.1', port: idp.port } },
    });
    const client = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTPS_PROXY: `http://localhost:${proxy.port}` },
    });
    const error = await failureOf(client.sendGetRequestAsync(`https://127.0.0.2:${idp.port}${OIDC}`));
    expect(error).toMatchObject({
      code: 'idp-tls',
      params: { host: `127.0.0.2:${idp.port}`, reason: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    });
    expect(proxy.log()).toMatchObject([{ method: 'CONNECT', target: `127.0.0.2:${idp.port}`, status: 200 }]);
    expect(idp.requests()).toEqual([]);
  });

  it('a refusal whose body looks like a token answer is still a refusal, its body never read', async () => {
    const body = JSON.stringify({ access_token: 'from-the-proxy', refresh_token: 'from-the-proxy' });
    const server = createNetServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () =>
        socket.end(
          `HTTP/1.1 407 Proxy Authentication Required\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${body.length}\r\n\r\n${body}`,
        ),
      );
    });
    const port = await listen(server);
    closers.push(async () => {
      server.close();
      await once(server, 'close');
    });
    const client = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTPS_PROXY: `http://127.0.0.1:${port}` },
    });
    const error = await failureOf(client.sendPostRequestAsync(`https://${LOGIN}${TOKEN}`, { body: 'x=1' }));
    expect(error.code).toBe('proxy-auth-required');
    expect(visibleText(error)).not.toContain('from-the-proxy');
  });

  it('a tunnel whose far end never completes TLS: idp-timeout, and that connection is closed', async () => {
    const silent = await startSilentServer();
    const proxy = await startProxy({
      routes: { [`${LOGIN}:443`]: { host: '127.0.0.1', port: silent.port } },
    });
    const client = createHttpsNetworkClient({
      extraCaPem: idp.caPem,
      env: { HTTPS_PROXY: proxy.url },
      timeoutMs: 300,
    });
    const error = await failureOf(client.sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
    expect(error).toMatchObject({ code: 'idp-timeout', params: { host: LOGIN } });
    // Our side hung up: the proxy passed it on to the server that was waiting for the TLS handshake.
    const socket = await silent.accepted;
    if (!socket.destroyed) await once(socket, 'close');
    expect(socket.destroyed).toBe(true);
  });
});

describe('the transport', () => {
  async function send(
    respond: (socket: TLSSocket) => void,
  ): Promise<Awaited<ReturnType<ReturnType<typeof createHttpsTransport>>>> {
    const server = await startRawTlsServer(respond);
    const transport = createHttpsTransport({ extraCaPem: idp.caPem, env: {} });
    return transport(`https://127.0.0.1:${server.port}/x`, {
      method: 'GET',
      headers: {},
      signal: AbortSignal.timeout(10_000),
    });
  }

  it('returns a redirect as it is, with lower-cased names and repeated headers joined', async () => {
    const raw = await send((socket) =>
      socket.write(
        'HTTP/1.1 302 Found\r\nLocation: https://elsewhere.example/\r\nX-Trace: one\r\nx-trace: two\r\n' +
          'Retry-After: 5\r\nRetry-After: 6\r\nContent-Length: 2\r\n\r\nhi',
      ),
    );
    expect(raw).toEqual({
      status: 302,
      headers: {
        location: 'https://elsewhere.example/',
        'x-trace': 'one, two',
        'retry-after': '5, 6',
        'content-length': '2',
      },
      text: 'hi',
    });
  });

  it('stops reading an answer longer than 1 MiB (a proxy page, an endless stream): idp-bad-response', async () => {
    // It announces a gigabyte and sends three megabytes: reading on would wait for the rest until the timeout.
    const server = await startRawTlsServer((socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${2 ** 30}\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, ' ');
      for (let sent = 0; sent < 3 * MAX_ANSWER_BYTES; sent += chunk.length) socket.write(chunk);
    });
    const client = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {}, timeoutMs: 20_000 });
    const error = await failureOf(client.sendGetRequestAsync(`https://127.0.0.1:${server.port}/x`));
    expect(error).toMatchObject({
      code: 'idp-bad-response',
      params: { host: `127.0.0.1:${server.port}`, status: 200 },
    });
    // The client hung up instead of reading on (the server's writes end in a reset, or a FIN).
    expect(server.connections).toHaveLength(1);
    await server.connections[0]?.ended;
  });

  it('decodes UTF-8 split across packets', async () => {
    const body = Buffer.from('{"error_description":"ユーザー"}', 'utf8');
    const raw = await send((socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`);
      // Cut inside a three-byte character, flushed as two TLS records.
      socket.write(body.subarray(0, 24), () => socket.write(body.subarray(24)));
    });
    expect(raw.text).toBe('{"error_description":"ユーザー"}');
  });

  it('an already aborted signal rejects with its reason', async () => {
    const transport = createHttpsTransport({ env: {} });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      transport(`${idp.url}${OIDC}`, { method: 'GET', headers: {}, signal: controller.signal }),
    ).rejects.toThrow('stop');
    expect(idp.requests()).toEqual([]);
  });
});

describe('a network session: connections kept alive between requests', () => {
  function session(
    env: NodeJS.ProcessEnv,
    timeoutMs?: number,
    idleConnectionMs?: number,
  ): ReturnType<typeof createHttpsNetworkSession> {
    const opened = createHttpsNetworkSession({
      extraCaPem: idp.caPem,
      env,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(idleConnectionMs === undefined ? {} : { idleConnectionMs }),
    });
    closers.push(() => Promise.resolve(opened.close()));
    return opened;
  }

  /** TLS handshakes the sandbox completed while `run` ran. */
  async function handshakesDuring(run: () => Promise<unknown>): Promise<number> {
    const before = idp.connectionCounts().tls;
    await run();
    return idp.connectionCounts().tls - before;
  }

  it('direct: requests one after another, each from its own client, share one TLS connection', async () => {
    const opened = session({});
    const handshakes = await handshakesDuring(async () => {
      for (let i = 0; i < 5; i++) {
        const answer = await opened.client().sendGetRequestAsync(`${idp.url}${OIDC}`);
        expect(answer.status).toBe(200);
      }
    });
    expect(handshakes).toBe(1);
    expect(idp.requests()).toHaveLength(5);
  });

  it('through the proxy: one CONNECT and one TLS handshake for requests one after another', async () => {
    const proxy = await startProxy();
    const opened = session({ HTTPS_PROXY: proxy.url });
    const handshakes = await handshakesDuring(async () => {
      for (let i = 0; i < 5; i++) {
        const answer = await opened.client().sendGetRequestAsync(`https://${LOGIN}${OIDC}`);
        expect(answer.status).toBe(200);
      }
    });
    expect(handshakes).toBe(1);
    expect(proxy.log().map((entry) => entry.method)).toEqual(['CONNECT']);
  });

  it('requests at once each get a connection, and the next round reuses them', async () => {
    const proxy = await startProxy();
    const opened = session({ HTTPS_PROXY: proxy.url });
    // Slow answers, so the four of a round are in flight together and need a connection each.
    idp.setTokenLatency(50);
    const round = () =>
      Promise.all(
        [1, 2, 3, 4].map(() =>
          opened.client().sendPostRequestAsync(`https://${LOGIN}${TOKEN}`, { body: 'grant_type=x' }),
        ),
      );
    const handshakes = await handshakesDuring(async () => {
      await round();
      await round();
      await round();
    });
    expect(handshakes).toBe(4);
    expect(proxy.log()).toHaveLength(4);
  });

  it("an answer slower than the idle limit, and an earlier request's timeout, do not cut a reused tunnel", async () => {
    const proxy = await startProxy();
    const timeoutMs = 1_000;
    const idleMs = 500;
    const opened = session({ HTTPS_PROXY: proxy.url }, timeoutMs, idleMs);
    const post = () =>
      opened.client().sendPostRequestAsync(`https://${LOGIN}${TOKEN}`, { body: 'grant_type=x' });
    // The first answer at once; the next two, on the same tunnel, take 700 ms each: each outlasts the idle limit,
    // and the first request's timeout signal fires (at 1 s) while the third is still waiting for its answer.
    idp.setTokenLatency((n) => (n === 0 ? 0 : 700));
    const started = performance.now();
    const handshakes = await handshakesDuring(async () => {
      for (let i = 0; i < 3; i++) expect((await post()).status).toBe(400);
    });
    expect(performance.now() - started).toBeGreaterThan(timeoutMs);
    expect(handshakes).toBe(1);
    expect(proxy.log()).toHaveLength(1);
  });

  it('a proxy that never answers the CONNECT: idp-timeout, and that connection is closed', async () => {
    const silent = await startSilentServer();
    const opened = session({ HTTPS_PROXY: `http://127.0.0.1:${silent.port}` }, 300);
    const error = await failureOf(opened.client().sendGetRequestAsync(`https://${LOGIN}${OIDC}`));
    expect(error).toMatchObject({ code: 'idp-timeout', params: { host: LOGIN } });
    const socket = await silent.accepted;
    if (!socket.destroyed) await once(socket, 'close');
    expect(socket.destroyed).toBe(true);
  });

  it('keeps a connection the server keeps alive, and close() ends it', async () => {
    const server = await startRawTlsServer((socket) => socket.write(JSON_KEEP_ALIVE('{"ok":true}')));
    const proxy = await startProxy({
      routes: { [`${LOGIN}:443`]: { host: '127.0.0.1', port: server.port } },
    });
    const opened = session({ HTTPS_PROXY: proxy.url });
    for (let i = 0; i < 3; i++)
      expect((await opened.client().sendGetRequestAsync(`https://${LOGIN}/x`)).body).toEqual({ ok: true });
    expect(server.connections).toHaveLength(1);
    opened.close();
    await server.connections[0]?.ended;
    // A request after close() still works, on a connection of its own.
    expect((await opened.client().sendGetRequestAsync(`https://${LOGIN}/x`)).body).toEqual({ ok: true });
    expect(server.connections).toHaveLength(2);
    await server.connections[1]?.ended;
  });

  it('closes a connection left idle longer than the idle limit (4 s unless told)', async () => {
    expect(IDLE_CONNECTION_MS).toBe(4_000);
    const server = await startRawTlsServer((socket) => socket.write(JSON_KEEP_ALIVE('{"ok":true}')));
    const opened = session({}, undefined, 300);
    const started = performance.now();
    await opened.client().sendGetRequestAsync(`https://127.0.0.1:${server.port}/x`);
    await server.connections[0]?.ended;
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('a kept connection the server closes as the next request is written: that request goes again, once', async () => {
    // Answers the first request of each connection; a second one on the same connection gets it closed under
    // it, unanswered (a server's idle timeout firing just as the request arrived).
    const server = await startRawTlsServer((socket) => {
      const served = (socket as TLSSocket & { served?: number }).served ?? 0;
      (socket as TLSSocket & { served?: number }).served = served + 1;
      if (served === 0) socket.write(JSON_KEEP_ALIVE('{"ok":true}'));
      else socket.destroy();
    });
    const opened = session({});
    const url = `https://127.0.0.1:${server.port}/x`;
    expect((await opened.client().sendGetRequestAsync(url)).body).toEqual({ ok: true });
    expect((await opened.client().sendGetRequestAsync(url)).body).toEqual({ ok: true });
    expect(server.connections).toHaveLength(2);
    // A connection of its own (no reuse) is not retried: the same close is the request's failure.
    const once = await startRawTlsServer((socket) => socket.destroy());
    const error = await failureOf(opened.client().sendGetRequestAsync(`https://127.0.0.1:${once.port}/x`));
    expect(error).toMatchObject({ code: 'idp-unreachable' });
    expect(once.connections).toHaveLength(1);
  });
});
