/**
 * The redirect listener: the local web server the identity provider sends the browser back to with the code.
 *
 * - Binds loopback only, on BOTH families (127.0.0.1 and ::1 where the OS has it): browsers resolve `localhost` to
 *   either, and a port we hold on one family only would leave the other free for another local program to take the
 *   browser's request. A port another process holds on either family is reported busy (fail closed).
 * - Gives the browser a one-time start link (`/start/<random>`, `offerStart`) that redirects to the authorize URL,
 *   so the URL carrying `state` and the PKCE challenge is never on a command line (the browser's, or the launcher's:
 *   xdg-open, PowerShell) where another local user can read it in `ps`. A second use means someone else had the
 *   link: the attempt stops (issue #15, item 9).
 * - Takes the answer as the attempt asked for it: the query of a GET (`query`), or the body of a POST
 *   (`form_post`, which keeps the code out of the URL and thus the browser's history; a code in a URL is then
 *   refused, as MSAL's own loopback does).
 * - Accepts only the expected `state` (RFC 6749 §10.12, CSRF) and delivers at most one answer.
 * - Answers with a 303 to a result page whose path holds a random token only the callback's browser was given, so
 *   no other local client can read it (mailbox, file path), nor end the grace period before the real browser came.
 * - Always releases the port when closed.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
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
  /** How the answer comes: in the query of a GET (default), or in the body of a POST (`form_post`). */
  responseMode?: ResponseMode;
  /** The host name of the start link (the provider's loopback name: `localhost` or `127.0.0.1`). */
  startHost?: string;
}

/** How the identity provider delivers its answer to the redirect URI (OAuth 2.0 Form Post Response Mode). */
export type ResponseMode = 'query' | 'form_post';

/**
 * Shows the final outcome in the browser (the browser request is held until then), and resolves once the
 * browser has fetched the result page or `graceMs` passed, so closing the listener afterwards is safe.
 */
export type RespondToBrowser = (outcome: PageOutcome, graceMs?: number) => Promise<void>;

/** The authorization response a browser brought: a code, or Entra's `error=` turned into a typed error. */
export type AuthorizationCallback =
  | { ok: true; code: string; respond: RespondToBrowser }
  | { ok: false; error: RtwError<'authorization-denied' | 'start-link-reused'>; respond: RespondToBrowser };

/** A running listener. */
export interface RedirectListener {
  readonly port: number;
  /** The addresses actually bound, e.g. `['127.0.0.1', '::1']`. */
  readonly addresses: readonly string[];
  /**
   * A one-time link on this listener that redirects to `authorizeUrl`: what the browser is given to open. Its path
   * is random and carries nothing of the attempt; a second request for it ends the attempt (`start-link-reused`).
   */
  offerStart(authorizeUrl: string): string;
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
/** A form_post body is a code, a state and a few short fields: Entra's codes are ~1–2 KB. */
const FORM_BODY_LIMIT = 64 * 1024;
/** Random path tokens: 32 bytes, base64url (as the state and the PKCE verifier). */
const token = (): string => randomBytes(32).toString('base64url');

/** Starts listening; throws `port-busy` naming the port (with a free one to suggest) or `listener-failed`. */
export async function startRedirectListener(options: RedirectListenerOptions): Promise<RedirectListener> {
  const { path, lang } = options;
  const responseMode = options.responseMode ?? 'query';
  const expectedState = Buffer.from(options.expectedState, 'utf8');
  // Only the browser that brought the callback learns this path (in the 303 answering it).
  const resultPath = `${path}done/${token()}`;
  const startPaths = new Map<string, { target: string; used: boolean }>();

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

  /** Takes the answer's parameters: checks the state and delivers the code or the error, once. */
  const receive = (params: URLSearchParams, res: ServerResponse): void => {
    // RFC 6749 §3.1: request and response parameters must not be repeated; an answer that repeats them is
    // not one the identity provider sent, so it is refused like a foreign one.
    if (['state', 'code', 'error'].some((name) => params.getAll(name).length > 1)) {
      page(res, 400, { kind: 'stale' });
      return;
    }
    const state = params.get('state');
    if (state === null || !sameState(Buffer.from(state, 'utf8'), expectedState)) {
      // A stale tab or a forged request: ignore it and keep waiting for the real one.
      page(res, 400, { kind: 'stale' });
      return;
    }
    if (received) {
      page(res, 409, { kind: 'duplicate' });
      return;
    }
    const error = params.get('error');
    const code = params.get('code');
    if (error !== null || code === null || code === '') {
      received = true;
      const description = params.get('error_description') ?? '';
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

  /** The one-time start link: the first request goes on to the authorize URL, a second one ends the attempt. */
  const start = (offer: { target: string; used: boolean }, res: ServerResponse): void => {
    if (!offer.used) {
      offer.used = true;
      res.writeHead(302, { ...PAGE_HEADERS, Location: offer.target, 'Content-Length': '0' });
      res.end();
      return;
    }
    // Whoever asked first has the attempt's state and challenge; if that was not the admin's browser, it could
    // bring back a code for another account. Stop the attempt rather than guess which request was whose.
    page(res, 410, { kind: 'start-used' });
    if (received) return;
    received = true;
    deliver({
      ok: false,
      error: new RtwError('start-link-reused', {}),
      respond: (outcome) => {
        finalOutcome = outcome;
        return Promise.resolve();
      },
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    // DNS rebinding: a web page can point its own name at 127.0.0.1, but cannot change the Host header.
    if (!isLoopbackHost(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request\n');
      return;
    }
    const allowed = responseMode === 'form_post' ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
    if (!allowed.includes(req.method ?? '')) {
      res
        .writeHead(405, { Allow: allowed.join(', '), 'Content-Type': 'text/plain; charset=utf-8' })
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
    if (req.method === 'POST' && url.pathname !== path) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (url.pathname === resultPath && finalOutcome !== undefined) {
      page(res, 200, finalOutcome);
      resultServed?.();
      return;
    }
    const offer = startPaths.get(url.pathname);
    if (offer !== undefined) {
      // Only a navigation (GET) uses the link up: a HEAD from a link checker does not.
      if (req.method === 'GET') start(offer, res);
      else res.writeHead(405, { Allow: 'GET', 'Content-Type': 'text/plain; charset=utf-8' }).end();
      return;
    }
    if (url.pathname !== path) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (responseMode === 'query') {
      receive(url.searchParams, res);
      return;
    }
    if (req.method !== 'POST') {
      // The answer was asked for as a POST: one in the URL is not it (and the URL would stay in the history).
      if (['code', 'error', 'state'].some((name) => url.searchParams.has(name)))
        page(res, 400, { kind: 'stale' });
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      res.writeHead(415, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Unsupported media type\n');
      return;
    }
    readForm(req, FORM_BODY_LIMIT).then(
      (body) => {
        if (body === undefined) {
          res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
          res.end('Payload too large\n');
          return;
        }
        receive(new URLSearchParams(body), res);
      },
      () => res.destroy(),
    );
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
    offerStart(authorizeUrl) {
      const startPath = `/start/${token()}`;
      startPaths.set(startPath, { target: authorizeUrl, used: false });
      return `http://${options.startHost ?? 'localhost'}:${port}${startPath}`;
    },
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

/** Reads an urlencoded body of at most `limit` bytes; undefined when it is larger (the rest is not read). */
function readForm(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    // `exclusive` only keeps cluster workers from sharing this handle; it sets no socket option. It does NOT stop
    // another process binding the port on Windows: libuv binds there with neither SO_REUSEADDR nor
    // SO_EXCLUSIVEADDRUSE (src/win/tcp.c), so a wildcard bind (0.0.0.0 or ::) by another process succeeds. What
    // keeps the browser's request ours is holding both loopback addresses: a connection to 127.0.0.1 or ::1 goes
    // to the most specific bind, ours. See docs/data-and-secrets for what is tested where.
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

/**
 * The first port in [from, from + count) that is free on 127.0.0.1 and on ::1 (where the OS has it), if any: the
 * listener binds both, and refuses a port another program holds on either.
 */
export async function findFreePort(from: number, count: number): Promise<number | undefined> {
  for (let port = from; port < from + count && port <= 65535; port++) {
    if ((await canListen('127.0.0.1', port)) && (await canListen('::1', port, true))) return port;
  }
  return undefined;
}

/** Whether `host:port` can be bound now; `noAddressIsFree`: a missing address family counts as free. */
async function canListen(host: string, port: number, noAddressIsFree = false): Promise<boolean> {
  const probe = createServer();
  try {
    await listen(probe, host, port);
    return true;
  } catch (error) {
    return noAddressIsFree && (isErrno(error, 'EADDRNOTAVAIL') || isErrno(error, 'EAFNOSUPPORT'));
  } finally {
    await closeAll([probe]);
  }
}

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function isErrno(error: unknown, code: string): boolean {
  return errnoOf(error) === code;
}
