/**
 * The redirect listener: the local web server Entra sends the browser back to with `?code=…&state=…`.
 *
 * Binds loopback only (127.0.0.1, and ::1 where the OS has it, because browsers may resolve `localhost` to
 * either), never another interface; serves GET on the exact redirect path and nothing else; accepts only the
 * expected `state` (RFC 6749 §10.12, CSRF); answers with a page that does not leave the code in the address
 * bar (a 303 to a clean URL once the outcome is known); and always releases the port when closed.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGE_HEADERS, renderPage } from './browser-page.js';
import type { PageOutcome } from './browser-page.js';
import { parseEntraError } from '../diagnose/index.js';
import { RtwError } from '../errors.js';
import type { Lang } from '../i18n.js';

/** Options of one listener. */
export interface RedirectListenerOptions {
  /** 0 picks a free port: Entra ignores the port of localhost redirect URIs. */
  port: number;
  /** Exact path, starting and ending with `/`. */
  path: string;
  expectedState: string;
  /** Language shown first on the browser page. */
  lang: Lang;
}

/**
 * Shows the final outcome in the browser (the browser request is held until then), and resolves once the
 * browser has fetched the result page or `graceMs` passed, so closing the listener afterwards is safe.
 */
export type RespondToBrowser = (outcome: PageOutcome, graceMs?: number) => Promise<void>;

/** The authorization response a browser brought: a code, or Entra's `error=` turned into a typed error. */
export type AuthorizationCallback =
  | { ok: true; code: string; respond: RespondToBrowser }
  | { ok: false; error: RtwError<'authorization-denied'>; respond: RespondToBrowser };

/** A running listener. */
export interface RedirectListener {
  readonly port: number;
  /** The addresses actually bound, e.g. `['127.0.0.1', '::1']`. */
  readonly addresses: readonly string[];
  /**
   * Resolves with the first callback that carries the expected state (callbacks with another state are
   * answered and ignored); rejects with `cancelled` when `signal` aborts.
   */
  waitForCallback(signal?: AbortSignal): Promise<AuthorizationCallback>;
  /** Stops listening, drops open connections and releases the port. Idempotent. */
  close(): Promise<void>;
}

/** How long a held browser request may wait for the token exchange before it gets a "still working" page. */
const HOLD_LIMIT_MS = 60_000;
/** Ports tried after a busy one when suggesting another. */
const SUGGESTION_RANGE = 20;

/** Starts listening; throws `port-busy` naming the port (with a free one to suggest) or `listener-failed`. */
export async function startRedirectListener(options: RedirectListenerOptions): Promise<RedirectListener> {
  const { path, lang } = options;
  const expectedState = Buffer.from(options.expectedState, 'utf8');
  const resultPath = `${path}done`;

  let settle: ((callback: AuthorizationCallback) => void) | undefined;
  let early: AuthorizationCallback | undefined;
  let received = false;
  let finalOutcome: PageOutcome | undefined;
  let resultServed: (() => void) | undefined;
  let port = options.port;

  const deliver = (callback: AuthorizationCallback): void => {
    if (settle === undefined) early = callback;
    else settle(callback);
  };

  const redirectToResult = (res: ServerResponse): void => {
    res.writeHead(303, { ...PAGE_HEADERS, Location: resultPath, 'Content-Length': '0' });
    res.end();
  };

  const page = (res: ServerResponse, status: number, outcome: PageOutcome): void => {
    const body = renderPage(outcome, lang);
    res.writeHead(status, { ...PAGE_HEADERS, 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    // DNS rebinding: a web page can point its own name at 127.0.0.1, but cannot change the Host header.
    if (!isLoopbackHost(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n');
      return;
    }
    let url: URL;
    try {
      // A request target such as `//` or `//host:bad` reads as a scheme-relative URL and does not parse:
      // answer it, never let it throw out of the handler (it would take the whole process down).
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    if (url.pathname === resultPath && finalOutcome !== undefined) {
      page(res, 200, finalOutcome);
      resultServed?.();
      return;
    }
    if (url.pathname !== path) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    // RFC 6749 §3.1: request and response parameters must not be repeated; an answer that repeats them is
    // not one Entra sent, so it is refused like a foreign one.
    if (['state', 'code', 'error'].some((name) => url.searchParams.getAll(name).length > 1)) {
      page(res, 400, { kind: 'stale' });
      return;
    }
    const state = url.searchParams.get('state');
    if (state === null || !sameState(Buffer.from(state, 'utf8'), expectedState)) {
      // A stale tab or a forged request: ignore it and keep waiting for the real one.
      page(res, 400, { kind: 'stale' });
      return;
    }
    if (received) {
      page(res, 409, { kind: 'duplicate' });
      return;
    }
    const error = url.searchParams.get('error');
    const code = url.searchParams.get('code');
    if (error !== null || code === null || code === '') {
      received = true;
      const description = url.searchParams.get('error_description') ?? '';
      const parsed = parseEntraError(description);
      const denied = new RtwError('authorization-denied', {
        error: error ?? 'invalid_request',
        description: parsed.message,
        ...(parsed.aadsts === undefined ? {} : { aadsts: parsed.aadsts }),
        ...(parsed.traceId === undefined ? {} : { traceId: parsed.traceId }),
        ...(parsed.correlationId === undefined ? {} : { correlationId: parsed.correlationId }),
        ...(parsed.timestamp === undefined ? {} : { timestamp: parsed.timestamp }),
      });
      deliver({ ok: false, error: denied, respond: holdResponse(res) });
      return;
    }
    received = true;
    deliver({ ok: true, code, respond: holdResponse(res) });
  };

  /** Keeps the browser's callback request open until the outcome is known, then redirects it to a clean URL. */
  const holdResponse = (res: ServerResponse): RespondToBrowser => {
    const limit = setTimeout(() => {
      finalOutcome ??= { kind: 'working' };
      redirectToResult(res);
    }, HOLD_LIMIT_MS);
    limit.unref();
    return (outcome, graceMs = 3000) =>
      new Promise<void>((resolve) => {
        clearTimeout(limit);
        finalOutcome = outcome;
        const grace = setTimeout(resolve, graceMs);
        grace.unref();
        resultServed = () => {
          clearTimeout(grace);
          resolve();
        };
        if (!res.writableEnded) redirectToResult(res);
      });
  };

  const servers: Server[] = [];
  const addresses: string[] = [];
  const makeServer = (): Server => {
    const server = createServer(
      { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 1_000 },
      handle,
    );
    servers.push(server);
    return server;
  };

  try {
    port = await listen(makeServer(), '127.0.0.1', port);
    addresses.push('127.0.0.1');
    const v6 = makeServer();
    try {
      await listen(v6, '::1', port);
      addresses.push('::1');
    } catch (error) {
      servers.pop();
      // No IPv6 loopback on this machine: 127.0.0.1 alone is then what `localhost` resolves to.
      if (!isErrno(error, 'EADDRNOTAVAIL') && !isErrno(error, 'EAFNOSUPPORT')) throw error;
    }
  } catch (error) {
    await closeAll(servers);
    if (isErrno(error, 'EADDRINUSE')) {
      const suggestedPort = await findFreePort(options.port + 1, SUGGESTION_RANGE);
      throw new RtwError(
        'port-busy',
        { port: options.port, ...(suggestedPort === undefined ? {} : { suggestedPort }) },
        { cause: error },
      );
    }
    throw new RtwError(
      'listener-failed',
      { port: options.port, reason: errnoOf(error) ?? 'unknown' },
      { cause: error },
    );
  }

  let closed: Promise<void> | undefined;
  return {
    port,
    addresses,
    waitForCallback(signal) {
      return new Promise<AuthorizationCallback>((resolve, reject) => {
        if (signal?.aborted === true) {
          reject(new RtwError('cancelled', {}));
          return;
        }
        signal?.addEventListener('abort', () => reject(new RtwError('cancelled', {})), { once: true });
        settle = resolve;
        if (early !== undefined) resolve(early);
      });
    },
    close() {
      closed ??= closeAll(servers);
      return closed;
    },
  };
}

function sameState(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const names = ['localhost', '127.0.0.1', '[::1]'];
  return names.some((n) => host.toLowerCase() === `${n}:${port}`);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    // exclusive: on Windows a shared (SO_REUSEADDR) bind would let another process steal the callback.
    server.listen({ host, port, exclusive: true, ipv6Only: host === '::1' }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function closeAll(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server.listening) {
            resolve();
            return;
          }
          server.close(() => resolve());
          // A browser keeps connections alive; without this the port stays held until they time out.
          server.closeAllConnections();
        }),
    ),
  );
}

/** The first port in [from, from + count) that is free on 127.0.0.1, if any. */
export async function findFreePort(from: number, count: number): Promise<number | undefined> {
  for (let port = from; port < from + count && port <= 65535; port++) {
    const probe = createServer();
    try {
      await listen(probe, '127.0.0.1', port);
      await closeAll([probe]);
      return port;
    } catch {
      await closeAll([probe]);
    }
  }
  return undefined;
}

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function isErrno(error: unknown, code: string): boolean {
  return errnoOf(error) === code;
}
