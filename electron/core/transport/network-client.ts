/**
 * The HTTP client MSAL (and our refresh_token POST) uses to talk to the identity provider, over any transport.
 *
 * MSAL v5+ has no `proxyUrl`: the network client is the hook. The transport differs by host: node:https with the
 * environment's proxy (`HTTPS_PROXY`/`NO_PROXY`) in the CLI (node-https-transport.ts), `net.fetch` (system proxy,
 * OS certificate store) in the Electron app (electron/main/electron-network.ts). Here is what they share: turning
 * transport and HTTP failures into our errors; the core only sees `IdpNetworkClient`.
 *
 * MSAL replaces any non-MSAL error thrown by a network client with a bare `network_error`, losing the cause.
 * So failures are also recorded here (`takeFailure`) and the caller maps MSAL's error back to ours.
 */
import type { INetworkModule, NetworkRequestOptions } from '@azure/msal-node';
import { RtwError } from '../errors.js';

/** MSAL's network module plus the last failure it saw, as one of our errors. */
export interface IdpNetworkClient extends INetworkModule {
  /** Returns and forgets the failure of the last request, if it failed. */
  takeFailure(): RtwError | undefined;
  /** Number of requests sent so far (for tests and benchmarks: one token POST per acquisition). */
  readonly requestCount: number;
}

/** The proxy a request may have gone through, as errors may name it: never its credentials. */
export interface ProxyInfo {
  /** `host:port` of the proxy. */
  hostPort: string;
  /** Whether the proxy URL carried a user name (so a 407 means they were refused, not missing). */
  credentialsGiven: boolean;
}

export const DEFAULT_NETWORK_TIMEOUT_MS = 30_000;

/**
 * The most an identity provider's answer may hold. A token answer is a few kilobytes; anything near this is not Entra
 * speaking (a proxy's page, a stream that never ends) and is not read on into memory until the timeout.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** A transport stopped reading an answer longer than {@link MAX_ANSWER_BYTES}. */
export class AnswerTooLargeError extends Error {
  override readonly name = 'AnswerTooLargeError';

  constructor(readonly status: number) {
    super(`The answer (HTTP ${status}) is longer than ${MAX_ANSWER_BYTES} bytes`);
  }
}

/** A fetch `Response` body as UTF-8 text (as `text()` reads it), refusing more than {@link MAX_ANSWER_BYTES}. */
export async function readAnswerText(
  body: ReadableStream<Uint8Array> | null,
  status: number,
): Promise<string> {
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new AnswerTooLargeError(status);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** A raw HTTP exchange: how the transport answered, before any JSON parsing. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Sends one request; implementations differ in transport (node:https in the CLI, `net.fetch` in Electron). */
export type Transport = (
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<RawResponse>;

/** Builds an MSAL network module over any transport, turning transport and HTTP failures into our errors. */
export function createNetworkClient(
  transport: Transport,
  options: { timeoutMs: number; classify: (error: unknown, host: string) => RtwError },
): IdpNetworkClient {
  let failure: RtwError | undefined;
  let requestCount = 0;

  const send = async <T>(method: 'GET' | 'POST', url: string, request: NetworkRequestOptions | undefined) => {
    failure = undefined;
    requestCount++;
    const host = new URL(url).host;
    const signal = AbortSignal.timeout(options.timeoutMs);
    let raw: RawResponse;
    try {
      raw = await transport(url, {
        method,
        headers: request?.headers ?? {},
        ...(request?.body === undefined ? {} : { body: request.body }),
        signal,
      });
    } catch (error) {
      failure = signal.aborted
        ? new RtwError(
            'idp-timeout',
            { host, seconds: Math.round(options.timeoutMs / 1000) },
            { cause: error },
          )
        : error instanceof AnswerTooLargeError
          ? new RtwError('idp-bad-response', { host, status: error.status }, { cause: error })
          : options.classify(error, host);
      throw failure;
    }
    // Throttling and server errors are reported as such even when Entra wraps them in its JSON error shape
    // (429 comes as AADSTS90055 temporarily_unavailable): the fix is to wait, not to change the registration.
    if (raw.status === 429 || raw.status >= 500) {
      failure = new RtwError('idp-http', { host, status: raw.status, ...retryAfterOf(raw.headers) });
      throw failure;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.text);
    } catch (error) {
      // A proxy's HTML page is an HTTP-level failure; a 2xx that is not JSON is a broken answer.
      failure =
        raw.status >= 200 && raw.status < 300
          ? new RtwError('idp-bad-response', { host, status: raw.status }, { cause: error })
          : new RtwError(
              'idp-http',
              { host, status: raw.status, ...retryAfterOf(raw.headers) },
              { cause: error },
            );
      throw failure;
    }
    if (typeof body !== 'object' || body === null) {
      failure = new RtwError('idp-bad-response', { host, status: raw.status });
      throw failure;
    }
    // Entra's own errors ({error, error_description, error_codes}) go to MSAL, which makes a ServerError of them.
    if (raw.status >= 400 && !('error' in body)) {
      failure = new RtwError('idp-http', { host, status: raw.status, ...retryAfterOf(raw.headers) });
      throw failure;
    }
    return { status: raw.status, headers: raw.headers, body: body as T };
  };

  return {
    sendGetRequestAsync: (url, request) => send('GET', url, request),
    sendPostRequestAsync: (url, request) => send('POST', url, request),
    takeFailure() {
      const last = failure;
      failure = undefined;
      return last;
    },
    get requestCount() {
      return requestCount;
    },
  };
}

function retryAfterOf(headers: Record<string, string>): { retryAfter?: string } {
  const value = headers['retry-after'];
  return value === undefined ? {} : { retryAfter: value };
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** True for a Node error code that means TLS failed (untrusted or expired certificate, wrong name, protocol). */
export function isTlsFailureCode(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL');
}

/**
 * Maps a Node transport error (the CLI's node:https transport) to `idp-tls`, `proxy-auth-required`, `proxy-refused`
 * or `idp-unreachable`, with the system's own reason code. `proxy` is the environment's proxy, named in the proxy
 * errors.
 */
export function classifyNodeError(error: unknown, host: string, proxy?: ProxyInfo): RtwError {
  const codes: string[] = [];
  const messages: string[] = [];
  let proxyStatus: number | undefined;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    // The node:https transport's ProxyTunnelError (node-https-transport.ts) carries the proxy's CONNECT status.
    const status = (e as { proxyStatus?: unknown }).proxyStatus;
    if (proxyStatus === undefined && typeof status === 'number') proxyStatus = status;
    messages.push(e.message);
  }
  const tls = codes.find(isTlsFailureCode);
  if (tls !== undefined) return new RtwError('idp-tls', { host, reason: tls }, { cause: error });
  if (proxyStatus !== undefined) {
    // Only a proxy answers a CONNECT, so one is in the way even if the environment did not name it here.
    const named = proxy?.hostPort ?? 'HTTPS_PROXY';
    if (proxyStatus === 407)
      return new RtwError(
        'proxy-auth-required',
        { proxy: named, host, credentialsGiven: proxy?.credentialsGiven ?? false },
        { cause: error },
      );
    return new RtwError('proxy-refused', { proxy: named, host, status: proxyStatus }, { cause: error });
  }
  const reason = codes[0] ?? messages.at(-1) ?? 'unknown';
  return new RtwError('idp-unreachable', { host, reason }, { cause: error });
}
