/**
 * The CLI's HTTP transport (plain Node): `node:https`, tunnelling through the environment's proxy
 * (`HTTPS_PROXY`/`NO_PROXY`…, read as undici read them: env-proxy.ts) with an HTTP CONNECT of our own. The
 * Electron app does not use this: it sends through Chromium with `net.fetch` (electron/main/electron-network.ts).
 *
 * Why not undici's fetch with its EnvHttpProxyAgent (which the CLI used before, and which tests still use to route
 * production hostnames in-process): a scheduled `rtw refresh` is mostly start-up, and loading and initialising
 * undici cost ~75 ms per process on the development machine, more than curl's whole run, against ~5 ms for
 * node:https (docs/benchmarks.md, figure 3).
 *
 * Why the CONNECT by hand rather than https-proxy-agent (which this used before): loading it with agent-base,
 * `debug` and their builtins cost ~3.5 ms of every run, for what is one CONNECT request and `tls.connect` over its
 * socket; and it replayed a proxy's refusal (407, 403) to the request as if the IdP had answered it, which needed a
 * workaround of its own. Here a refusal is a ProxyTunnelError before any request is sent.
 *
 * Every request gets its own connection and closes it once answered (no keep-alive, no pooling): a CLI must not be
 * held open by an idle socket, and long-lived test processes must not collect them. An IdP exchange is one or two
 * requests, so reuse would buy nothing.
 */
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import type { RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect, rootCertificates } from 'node:tls';
import type { TLSSocket } from 'node:tls';
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
  return createNetworkClient(createHttpsTransport(options), {
    timeoutMs: options.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS,
    // A refused tunnel names the proxy it went through (only then is a proxy named in an error).
    classify: (error, host) => classifyNodeError(error, host, tunnelProxyOf(error)),
  });
}

/**
 * A transport over `node:https`. Redirects are returned as they are (an IdP endpoint never redirects), the body is
 * read as UTF-8, header names are lower-cased and repeated headers joined with ", ". Aborting `init.signal`
 * destroys the request (and a tunnel still being opened) and rejects with the signal's reason.
 */
export function createHttpsTransport(options: HttpsTransportOptions = {}): Transport {
  const env = options.env ?? process.env;
  // Passing `ca` replaces Node's bundled roots; keep them so public hosts still verify. Without `ca`, Node uses its
  // default store, which includes NODE_EXTRA_CA_CERTS (read once at start-up).
  const ca = options.extraCaPem === undefined ? undefined : [...rootCertificates, options.extraCaPem];

  return (url, init) =>
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
      const target = new URL(url);
      const requestOptions: RequestOptions = {
        method: init.method,
        headers,
        ...(ca === undefined ? {} : { ca }),
        // Direct: `agent: false` is a fresh non-keep-alive agent (a socket of its own, closed after the answer).
        // Proxied: no agent at all, and the TLS connection to the IdP made over our tunnel (`createConnection`),
        // checked against `ca` (or Node's store) and the IdP's name like any other.
        ...(proxy === undefined
          ? { agent: false }
          : {
              createConnection: viaTunnel(proxy, target, signal, ca),
              // Without an agent Node takes 80 as the default port and would send `Host: …:80`.
              defaultPort: 443,
            }),
      };

      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        // After a complete answer this only releases the socket sooner; otherwise it tears the exchange down.
        req.destroy();
        outcome();
      };
      const fail = (error: Error): void => finish(() => reject(error));
      const onAbort = (): void => fail(abortReason(signal));

      const req = request(url, requestOptions, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let length = 0;
        res.on('data', (chunk: Buffer) => {
          length += chunk.length;
          if (length > MAX_ANSWER_BYTES) fail(new AnswerTooLargeError(res.statusCode ?? 0));
          else chunks.push(chunk);
        });
        res.on('end', () => {
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
      req.on('error', fail);
      signal.addEventListener('abort', onAbort, { once: true });
      req.end(init.body);
    });
}

/** `createConnection` for a request through `proxy`: the socket is {@link secureTunnel}'s, opened when asked. */
function viaTunnel(
  proxy: URL,
  target: URL,
  signal: AbortSignal,
  ca: string[] | undefined,
): NonNullable<RequestOptions['createConnection']> {
  return (_options, done) => {
    secureTunnel(proxy, target, signal, ca).then(
      (socket) => done(null, socket),
      // Node's callback takes no socket with an error; its type wants one.
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), undefined as never),
    );
    return undefined;
  };
}

/**
 * A TLS connection to `target` through `proxy`: a CONNECT request to the proxy (over TLS for an https:// proxy),
 * then TLS over the tunnel, verifying the target's certificate and name. A refusal (any answer but 200) is a
 * ProxyTunnelError; aborting `signal` closes whatever is open. The proxy's credentials go in a Proxy-Authorization
 * header, never into anything logged.
 */
function secureTunnel(
  proxy: URL,
  target: URL,
  signal: AbortSignal,
  ca: string[] | undefined,
): Promise<TLSSocket> {
  const hostPort = `${target.hostname}:${target.port || '443'}`;
  const targetHost = unbracketed(target.hostname);
  const proxyHost = unbracketed(proxy.hostname);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: hostPort };
    try {
      const authorization = proxyAuthorization(proxy);
      if (authorization !== undefined) headers['proxy-authorization'] = authorization;
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const connectOptions = {
      host: proxyHost,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: hostPort,
      headers,
      // A connection of its own, not a keep-alive one from Node's global agent: it becomes the tunnel.
      agent: false,
      // An https:// proxy is checked against its own name: without `servername` Node would take it from the Host
      // header, which names the IdP. No SNI for an IP address (RFC 6066); the check then uses the IP.
      servername: isIP(proxyHost) === 0 ? proxyHost : '',
      // Closes the connection to the proxy if the exchange is aborted (a timeout) before the tunnel stands.
      signal,
      ...(ca === undefined ? {} : { ca }),
    };
    const connect = proxy.protocol === 'https:' ? request(connectOptions) : httpRequest(connectOptions);
    // Node hands every answer to a CONNECT to 'connect' (a refusal too, with its status), never to 'response'.
    connect.once('connect', (answer: IncomingMessage, socket: Socket) => {
      if (answer.statusCode !== 200) {
        socket.destroy();
        reject(new ProxyTunnelError(answer.statusCode ?? 0, proxyInfo(proxy), hostPort));
        return;
      }
      if (signal.aborted) {
        socket.destroy();
        reject(abortReason(signal));
        return;
      }
      const secure = tlsConnect({
        socket,
        host: targetHost,
        // SNI for a name only: an IP address as SNI is refused by RFC 6066 (and Node warns on stderr).
        ...(isIP(targetHost) === 0 ? { servername: targetHost } : {}),
        ...(ca === undefined ? {} : { ca }),
      });
      const onAbort = (): void => {
        secure.destroy();
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      secure.once('secureConnect', () => {
        signal.removeEventListener('abort', onAbort);
        resolve(secure);
      });
      secure.once('error', (error: Error) => {
        signal.removeEventListener('abort', onAbort);
        socket.destroy();
        reject(error);
      });
    });
    connect.once('error', (error: Error) => reject(error));
    connect.end();
  });
}

/** `Basic …` for the proxy URL's user name and password, if it has them. */
function proxyAuthorization(proxy: URL): string | undefined {
  if (proxy.username === '' && proxy.password === '') return undefined;
  let credentials: string;
  try {
    credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  } catch {
    throw new Error('The user name or password in the proxy URL is not properly percent-encoded');
  }
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
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
