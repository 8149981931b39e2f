/**
 * The CLI's HTTP transport (plain Node): `node:https`, tunnelling through the environment's proxy
 * (`HTTPS_PROXY`/`NO_PROXY`…, read as undici read them: env-proxy.ts) with `https-proxy-agent`. The
 * Electron app does not use this: it sends through Chromium with `net.fetch` (electron/main/electron-network.ts).
 *
 * Why not undici's fetch with its EnvHttpProxyAgent (which the CLI used before): a scheduled `rtw refresh` is mostly
 * start-up, and loading and initialising undici cost ~75 ms per process on the development machine, more than curl's
 * whole run, against ~5 ms for node:https (docs/benchmarks.md, figure 3). https-proxy-agent (with agent-base and
 * `debug`) adds ~3.5 ms: a CONNECT tunnel of our own saved that, and was not worth owning ~300 lines for.
 *
 * What is added to https-proxy-agent here, each for a defect of its own that test/core/transport/https-transport.int.test.ts
 * shows: it replays a proxy's refusal of the CONNECT (407, 403, 502) to the request as if the identity provider had
 * answered, so a proxy's page (or a body shaped like tokens) would be read as Entra's answer: the request fails on the
 * agent's `proxyConnect` event instead; its debug output prints the proxy URL it is given, password included: it gets
 * the URL without credentials, which go in a Proxy-Authorization header of ours; and through a proxy, a certificate
 * of an identity provider addressed by IP was checked against the proxy's name (no SNI for an IP, so Node fell back to
 * the tunnel socket's host): the check names the IdP's host itself.
 *
 * A client of its own (`createHttpsNetworkClient`) gives every request its own connection and closes it once answered
 * (no keep-alive, no pooling): a CLI must not be held open by an idle socket, and long-lived test processes must not
 * collect them; an acquisition is one or two requests, so reuse would buy nothing. A run over many files is another
 * matter: `createHttpsNetworkSession` keeps connections alive between its clients' requests, one TLS handshake per
 * connection to an authority instead of one per file, through the proxy too, and closes them all when the run ends.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';
import type { RequestOptions } from 'node:https';
import { checkServerIdentity, rootCertificates } from 'node:tls';
import type { PeerCertificate } from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyForUrl, unbracketed } from './env-proxy.js';
import {
  AnswerTooLargeError,
  DEFAULT_NETWORK_TIMEOUT_MS,
  MAX_ANSWER_BYTES,
  classifyNodeError,
  createNetworkClient,
} from './network-client.js';
import type { IdpNetworkClient, ProxyInfo, RawResponse, Transport } from './network-client.js';

/** What the CLI calls itself in requests (no version: it would only help fingerprint installations). */
export const USER_AGENT = 'refresh-token-wizard';

/** Options of {@link createHttpsTransport}. */
export interface HttpsTransportOptions {
  /**
   * PEM certificates to trust in addition to Node's bundled roots. They replace those of `NODE_EXTRA_CA_CERTS`,
   * which apply when this is not given (the CLI's case: it takes extra CAs only from that variable).
   */
  extraCaPem?: string;
  /** Where the proxy variables are read from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** Options of {@link createHttpsNetworkClient}. */
export interface HttpsNetworkOptions extends HttpsTransportOptions {
  /** Per-request timeout (default {@link DEFAULT_NETWORK_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/**
 * The proxy answered our CONNECT with something other than 200 (407 wants credentials, 403 refuses the host,
 * 502 could not reach it): the request never reached the identity provider. `proxy` names the proxy as errors may
 * (never its credentials); the message holds no credentials either.
 */
export class ProxyTunnelError extends Error {
  override readonly name = 'ProxyTunnelError';
  /** The proxy's HTTP status for the CONNECT. */
  readonly proxyStatus: number;
  readonly proxy: ProxyInfo;

  constructor(proxyStatus: number, proxy: ProxyInfo, target: string) {
    super(`Proxy ${proxy.hostPort} answered CONNECT ${target} with HTTP ${proxyStatus}`);
    this.proxyStatus = proxyStatus;
    this.proxy = proxy;
  }
}

/** The MSAL network client for the CLI: {@link createHttpsTransport} with our error classification. */
export function createHttpsNetworkClient(options: HttpsNetworkOptions = {}): IdpNetworkClient {
  return networkClientOver(createHttpsTransport(options), options);
}

function networkClientOver(transport: Transport, options: HttpsNetworkOptions): IdpNetworkClient {
  return createNetworkClient(transport, {
    timeoutMs: options.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS,
    // A refused tunnel names the proxy it went through (only then is a proxy named in an error).
    classify: (error, host) => classifyNodeError(error, host, tunnelProxyOf(error)),
  });
}

/** Network clients sharing kept-alive connections, for one run over many files. */
export interface HttpsNetworkSession {
  /** A network client of its own (it records its own last failure) over the session's connections. */
  client(): IdpNetworkClient;
  /** Closes the connections: idle ones at once; one still in use when its answer is in. */
  close(): void;
}

/**
 * How long a connection may wait unused for the next request before it is closed. A run sends its next request soon
 * after the previous answer (the next file's lock, read and the previous one's fsynced write: milliseconds, more on
 * a busy machine), so this only has to outlast that; and it stays below the idle timeouts servers commonly use
 * (Node's own is 5 s). Should a server close a connection just as a request is written to it anyway, that request
 * goes again on a new one (see the transport).
 */
export const IDLE_CONNECTION_MS = 4_000;

/**
 * Network clients whose requests reuse connections: to each authority directly, and through each proxy (the
 * CONNECT tunnel stays open, with the TLS connection to the authority inside it). Idle connections never keep the
 * process alive (Node's agent unreferences them) and close after `idleConnectionMs` (default
 * {@link IDLE_CONNECTION_MS}); `close()` ends them all.
 * Errors, timeouts and aborts behave as with {@link createHttpsNetworkClient}.
 */
export function createHttpsNetworkSession(
  options: HttpsNetworkOptions & { idleConnectionMs?: number } = {},
): HttpsNetworkSession {
  const pool = new ConnectionPool(options.idleConnectionMs ?? IDLE_CONNECTION_MS);
  const transport = httpsTransport(options, pool);
  return {
    client: () => networkClientOver(transport, options),
    close: () => pool.close(),
  };
}

/** Where a request gets its connection: a fresh one each time, or the pool's. */
interface Connections {
  /** Connections outlive their request: an answered request must leave its socket to the pool. */
  readonly keepAlive: boolean;
  /** The agent of a direct request; `false` is a fresh non-keep-alive agent. */
  direct(): Agent | false;
  /** The agent of a request through `proxy`. */
  tunnel(proxy: URL, signal: AbortSignal, ca: string[] | undefined): HttpsProxyAgent<string>;
}

/** Each request on a connection of its own, closed after the answer. */
const ONE_CONNECTION_PER_REQUEST: Connections = {
  keepAlive: false,
  // `false` is a fresh non-keep-alive agent (a socket of its own, closed after the answer).
  direct: () => false,
  // One agent per request, as the proxy depends on the URL; no keep-alive, so it sends `Proxy-Connection: close`.
  // Its `signal` reaches net.connect/tls.connect to the proxy, so an abort also closes a tunnel whose CONNECT is
  // still unanswered (the request has no socket yet to destroy then).
  tunnel: (proxy, signal, ca) => proxyAgent(proxy, ca, { signal }),
};

/**
 * The signal of each request sent through a pooled proxy agent, for the tunnel it may open: one agent serves
 * many requests, so the signal cannot be given to it once as the one-request agents get theirs.
 */
const requestSignals = new WeakMap<ClientRequest, AbortSignal>();

/**
 * https-proxy-agent with keep-alive, where aborting the request that opens a tunnel closes that tunnel. Its socket
 * to the proxy is made from the agent's `connectOpts` at the start of `connect`, before its first await: for that
 * moment they carry a signal of this request's own, which aborts with the request while the CONNECT is unanswered
 * and never after (the tunnel then outlives the request, serving later ones; a timeout signal of the first request
 * must not close it under them).
 */
class PooledTunnelAgent extends HttpsProxyAgent<string> {
  override async connect(req: ClientRequest, opts: Parameters<HttpsProxyAgent<string>['connect']>[1]) {
    const signal = requestSignals.get(req);
    const opening = new AbortController();
    const onAbort = (): void => opening.abort(signal?.reason);
    if (signal?.aborted === true) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    this.connectOpts.signal = opening.signal;
    try {
      const socket = super.connect(req, opts);
      delete this.connectOpts.signal;
      return await socket;
    } finally {
      delete this.connectOpts.signal;
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** Keep-alive agents: one for direct requests, one per proxy. */
class ConnectionPool implements Connections {
  readonly keepAlive = true;
  private directAgent: Agent | undefined;
  private readonly tunnels = new Map<string, PooledTunnelAgent>();
  private closed = false;

  constructor(private readonly idleMs: number) {}

  direct(): Agent | false {
    // A request after close() (a straggler of an aborted run) gets a connection of its own, closed after it.
    if (this.closed) return ONE_CONNECTION_PER_REQUEST.direct();
    // Node's agent keys its connections by host, port and TLS options: one pool per authority.
    this.directAgent ??= new Agent({ keepAlive: true, timeout: this.idleMs });
    return this.directAgent;
  }

  tunnel(proxy: URL, signal: AbortSignal, ca: string[] | undefined): HttpsProxyAgent<string> {
    if (this.closed) return ONE_CONNECTION_PER_REQUEST.tunnel(proxy, signal, ca);
    let agent = this.tunnels.get(proxy.href);
    if (agent === undefined) {
      agent = proxyAgent(proxy, ca, { keepAlive: true, timeout: this.idleMs }, PooledTunnelAgent);
      this.tunnels.set(proxy.href, agent);
    }
    return agent;
  }

  close(): void {
    this.closed = true;
    this.directAgent?.destroy();
    for (const agent of this.tunnels.values()) agent.destroy();
  }
}

/**
 * A transport over `node:https`. Redirects are returned as they are (an IdP endpoint never redirects), the body is
 * read as UTF-8, header names are lower-cased and repeated headers joined with ", ". Aborting `init.signal`
 * destroys the request (and a tunnel still being opened) and rejects with the signal's reason.
 */
export function createHttpsTransport(options: HttpsTransportOptions = {}): Transport {
  return httpsTransport(options, ONE_CONNECTION_PER_REQUEST);
}

function httpsTransport(options: HttpsTransportOptions, connections: Connections): Transport {
  const env = options.env ?? process.env;
  // Passing `ca` replaces Node's bundled roots; keep them so public hosts still verify. Without `ca`, Node uses its
  // default store, which includes NODE_EXTRA_CA_CERTS (read once at start-up).
  const ca = options.extraCaPem === undefined ? undefined : [...rootCertificates, options.extraCaPem];

  const send = (url: string, init: Parameters<Transport>[1], retried: boolean): Promise<RawResponse> =>
    new Promise<RawResponse>((resolve, reject) => {
      const { signal } = init;
      if (signal.aborted) {
        reject(abortReason(signal));
        return;
      }
      let proxy: URL | undefined;
      try {
        proxy = proxyForUrl(url, env);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }

      const headers: Record<string, string> = { ...init.headers };
      const has = (name: string): boolean => Object.keys(headers).some((h) => h.toLowerCase() === name);
      if (init.body !== undefined && !has('content-length'))
        headers['content-length'] = String(Buffer.byteLength(init.body));
      // node:https sends no User-Agent of its own, and some filtering proxies turn away requests without one.
      if (!has('user-agent')) headers['user-agent'] = USER_AGENT;
      const requestOptions: RequestOptions = {
        method: init.method,
        headers,
        // `ca` on the request reaches tls.connect on both paths: Node's agent passes it on, and
        // https-proxy-agent passes the request's options to the tls.connect it wraps around the tunnel. (The copy
        // given to the proxy agent itself only serves the TLS connection to an https:// proxy.)
        ...(ca === undefined ? {} : { ca }),
        agent: proxy === undefined ? connections.direct() : connections.tunnel(proxy, signal, ca),
        // The IdP's certificate is checked against the IdP's host. Through the proxy agent, an IdP addressed by IP
        // (no SNI for an IP) was checked against the proxy's name instead: Node falls back to the socket's host.
        checkServerIdentity: (_host: string, cert: PeerCertificate) =>
          checkServerIdentity(unbracketed(new URL(url).hostname), cert),
      };

      let settled = false;
      let answered = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        // Without keep-alive, after a complete answer this only releases the socket sooner; otherwise it tears the
        // exchange down. A kept-alive connection goes back to its pool once answered, and must not be destroyed.
        if (!answered || !connections.keepAlive) req.destroy();
        outcome();
      };
      const fail = (error: Error): void => finish(() => reject(error));
      const onAbort = (): void => fail(abortReason(signal));

      let responded = false;
      const req = request(url, requestOptions, (res: IncomingMessage) => {
        responded = true;
        const chunks: Buffer[] = [];
        let length = 0;
        res.on('data', (chunk: Buffer) => {
          length += chunk.length;
          if (length > MAX_ANSWER_BYTES) fail(new AnswerTooLargeError(res.statusCode ?? 0));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          answered = true;
          const raw: RawResponse = {
            status: res.statusCode ?? 0,
            headers: joinedHeaders(res),
            // TextDecoder drops a UTF-8 BOM and replaces invalid bytes, as fetch's `text()` does.
            text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)),
          };
          finish(() => resolve(raw));
        });
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete)
            fail(
              Object.assign(new Error('The connection closed before the whole answer arrived'), {
                code: 'ECONNRESET',
              }),
            );
        });
      });
      // https-proxy-agent replays a non-200 CONNECT answer as if the IdP had sent it (a 407 would look like the IdP's
      // 407, and its body like the IdP's answer). It announces the proxy's answer first, before the request has a
      // socket: fail there, and the replay never reaches a listener.
      req.on('proxyConnect', (connect: { statusCode: number }) => {
        if (proxy !== undefined && connect.statusCode !== 200) {
          const { hostname, port } = new URL(url);
          fail(new ProxyTunnelError(connect.statusCode, proxyInfo(proxy), `${hostname}:${port || '443'}`));
        }
      });
      req.on('error', (error: Error) => {
        // A kept-alive connection the server closed while idle, just as this request was written to it (its idle
        // timeout and ours cannot be in step): nothing was answered, so the request goes again, once, on a new
        // connection, as Node's documentation of `request.reusedSocket` advises. Redeeming a refresh token twice is
        // harmless: Entra does not revoke the token it rotates, Google does not rotate.
        if (connections.keepAlive && !retried && req.reusedSocket && !responded && isStaleConnection(error)) {
          finish(() => resolve(send(url, init, true)));
          return;
        }
        fail(error);
      });
      requestSignals.set(req, signal);
      signal.addEventListener('abort', onAbort, { once: true });
      req.end(init.body);
    });
  return (url, init) => send(url, init, false);
}

/**
 * An https-proxy-agent for `proxy` (one request's, or a pool's). The credentials go in as our own
 * Proxy-Authorization header, the agent gets the URL without them: with DEBUG=https-proxy-agent (the `debug`
 * package) it logs the proxy URL it was given, which would print the password.
 */
function proxyAgent(
  proxy: URL,
  ca: string[] | undefined,
  agentOptions: { signal: AbortSignal } | { keepAlive: true; timeout: number },
  AgentClass: typeof HttpsProxyAgent<string> = HttpsProxyAgent,
): HttpsProxyAgent<string> {
  const headers: Record<string, string> = {};
  if (proxy.username !== '' || proxy.password !== '') {
    let credentials: string;
    try {
      credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    } catch {
      throw new Error('The user name or password in the proxy URL is not properly percent-encoded');
    }
    headers['Proxy-Authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  const bare = new URL(proxy.href);
  bare.username = '';
  bare.password = '';
  return new AgentClass(bare.href, {
    headers,
    keepAlive: false,
    ...agentOptions,
    ...(ca === undefined ? {} : { ca }),
  });
}

/** The `ProxyTunnelError`'s proxy, if the error (or one of its causes) is one. */
function tunnelProxyOf(error: unknown): ProxyInfo | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (e instanceof ProxyTunnelError) return e.proxy;
  return undefined;
}

function proxyInfo(proxy: URL): ProxyInfo {
  const port = proxy.port !== '' ? proxy.port : proxy.protocol === 'https:' ? '443' : '80';
  return {
    hostPort: `${proxy.hostname}:${port}`,
    credentialsGiven: proxy.username !== '' || proxy.password !== '',
  };
}

/** A connection that was gone when the request was written to it (reset, or closed under it). */
function isStaleConnection(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED';
}

/** The signal's reason (AbortSignal.timeout's is a TimeoutError DOMException, an Error in Node). */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('The request was aborted', { cause: reason });
}

/**
 * Header names lower-cased, repeated headers joined with ", ". From the raw list: `res.headers` keeps only the first
 * of some repeated headers (content-type, retry-after…) and gives set-cookie as an array.
 */
function joinedHeaders(res: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    const value = raw[i + 1] ?? '';
    const seen = headers[name];
    headers[name] = seen === undefined ? value : `${seen}, ${value}`;
  }
  return headers;
}
