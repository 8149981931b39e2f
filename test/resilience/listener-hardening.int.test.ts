/**
 * The redirect listener against another local user or program (issue #15, items 9, 11, 12 and 16): the browser is
 * given a one-time start link instead of the authorize URL; the result page answers only the browser that brought
 * the callback; a `form_post` answer is taken from the POST body and never from a URL; and while the listener holds
 * its port, no other process can take the browser's request on either loopback family.
 *
 * Tested on Linux. What holds on Windows is in docs/data-and-secrets (libuv binds there without
 * SO_EXCLUSIVEADDRUSE; see the listener's comments).
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RtwError } from '../../electron/core/errors.js';
import { findFreePort, startRedirectListener } from '../../electron/core/sign-in/loopback.js';
import type { RedirectListener, RedirectListenerOptions } from '../../electron/core/sign-in/loopback.js';

const STATE = 'hardening-state-0123456789abcdef';
const PATH = '/myapp/';
let listener: RedirectListener | undefined;

afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

async function start(options: Partial<RedirectListenerOptions> = {}): Promise<RedirectListener> {
  listener = await startRedirectListener({
    port: 0,
    path: PATH,
    expectedState: STATE,
    lang: 'en',
    ...options,
  });
  return listener;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request to the listener, as a browser or another local program would send it. */
function send(
  port: number,
  path: string,
  options: { method?: string; body?: string; contentType?: string; address?: string; host?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: options.host ?? `localhost:${port}` };
    if (options.contentType !== undefined) headers['Content-Type'] = options.contentType;
    if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
    const req = request(
      { host: options.address ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Whether a promise has settled by the time everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

/** Tries to bind `host:port` from ANOTHER process (a plain `net` server, as any program would); 'ok' or the errno. */
function bindFromAnotherProcess(host: string, port: number, reuseAddr = false): Promise<string> {
  const script = `
    const net = require('node:net');
    const server = net.createServer();
    server.once('error', (e) => { process.stdout.write(e.code); process.exit(0); });
    server.listen({ host: ${JSON.stringify(host)}, port: ${port}, ipv6Only: ${host.includes(':')}, exclusive: ${!reuseAddr} }, () => {
      process.stdout.write('ok'); server.close(); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

/** Holds `host:port` in ANOTHER process until `release` is called. */
async function holdInAnotherProcess(host: string, port: number): Promise<{ release: () => Promise<void> }> {
  const script = `
    const server = require('node:net').createServer();
    server.listen({ host: ${JSON.stringify(host)}, port: ${port}, ipv6Only: ${host.includes(':')} }, () => process.stdout.write('held'));
    server.once('error', (e) => { process.stdout.write(e.code); process.exit(0); });
    process.stdin.on('end', () => process.exit(0)); process.stdin.resume();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const out = await new Promise<string>((resolve) =>
    child.stdout.once('data', (c: Buffer) => resolve(c.toString())),
  );
  if (out !== 'held') throw new Error(`could not hold ${host}:${port}: ${out}`);
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.once('close', () => resolve());
        child.stdin.end();
      }),
  };
}

function freeOn(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, ipv6Only: host.includes(':') }, () => probe.close(() => resolve(true)));
  });
}

const hasIpv6Loopback = await freeOn('::1', 0);

describe('item 11: the result page answers only the browser that made the callback', () => {
  it('another local client fetching the result page gets nothing and does not end the grace period', async () => {
    const l = await start();
    const waiting = l.waitForCallback();
    const browser = send(l.port, `${PATH}?code=THE-CODE&state=${STATE}`);
    const callback = await waiting;
    // A long grace: only the real browser's fetch may end it early.
    const responded = callback.respond(
      { kind: 'done', mailbox: 'printer@contoso.com', file: '/srv/x.ini' },
      60_000,
    );
    const redirect = await browser;
    expect(redirect.status).toBe(303);
    const location = String(redirect.headers.location);

    // Another local program guesses the fixed path the result page used to have.
    const stranger = await send(l.port, `${PATH}done`);
    expect(stranger.status).toBe(404);
    expect(stranger.body).not.toContain('printer@contoso.com');
    expect(stranger.body).not.toContain('/srv/x.ini');
    expect(await settled(responded)).toBe(false);
    // Nor is the token in the location guessable from a neighbour: it is long and random.
    expect(location).toMatch(new RegExp(`^${PATH}done/[A-Za-z0-9_-]{32,}$`));

    const page = await send(l.port, location);
    expect(page.status).toBe(200);
    expect(page.body).toContain('printer@contoso.com');
    await responded;
  });
});

describe('item 9: the browser gets a one-time start link, not the authorize URL', () => {
  const AUTHORIZE = `https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&state=${STATE}&code_challenge=abc`;

  it('redirects once to the authorize URL; a second use fails the attempt', async () => {
    const l = await start();
    const startUrl = l.offerStart(AUTHORIZE);
    const url = new URL(startUrl);
    expect(url.protocol).toBe('http:');
    expect(url.host).toBe(`localhost:${l.port}`);
    expect(url.search).toBe('');
    expect(url.pathname).toMatch(/^\/start\/[A-Za-z0-9_-]{43}$/);
    expect(startUrl).not.toContain(STATE);

    const waiting = l.waitForCallback();
    const first = await send(l.port, url.pathname);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe(AUTHORIZE);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    // A wrong token is nobody's: not found, and no effect on the attempt.
    expect((await send(l.port, `/start/${'A'.repeat(43)}`)).status).toBe(404);
    expect(await settled(waiting)).toBe(false);

    // Someone else raced the browser for the link: whoever comes second learns it was used, and the attempt stops,
    // since whoever came first holds the state and the code challenge.
    const second = await send(l.port, url.pathname);
    expect(second.status).toBe(410);
    const outcome = await waiting;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(RtwError.is(outcome.error, 'start-link-reused')).toBe(true);
    void outcome.respond({ kind: 'stale' }, 0);
    // The real callback after that is refused.
    expect((await send(l.port, `${PATH}?code=C&state=${STATE}`)).status).toBe(409);
  });
});

describe('item 12: form_post — the code arrives in a POST body, never in a URL', () => {
  const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
  const URLENCODED = 'application/x-www-form-urlencoded';

  it('takes the POSTed answer and refuses a code in the URL', async () => {
    const l = await start({ responseMode: 'form_post' });
    const waiting = l.waitForCallback();
    // A code in the query is not what was asked for (and would be in the history): refused, not delivered.
    expect((await send(l.port, `${PATH}?code=C&state=${STATE}`)).status).toBe(400);
    // Not a form, or the wrong state: refused.
    expect(
      (await send(l.port, PATH, { method: 'POST', body: '{"code":"C"}', contentType: 'application/json' }))
        .status,
    ).toBe(415);
    expect(
      (
        await send(l.port, PATH, {
          method: 'POST',
          body: form({ code: 'C', state: 'x' }),
          contentType: URLENCODED,
        })
      ).status,
    ).toBe(400);
    expect(await settled(waiting)).toBe(false);

    const posted = send(l.port, PATH, {
      method: 'POST',
      body: form({ code: 'THE-CODE', client_info: 'e30', state: STATE, session_state: 's' }),
      contentType: `${URLENCODED}; charset=utf-8`,
    });
    const callback = await waiting;
    expect(callback.ok && callback.code).toBe('THE-CODE');
    void callback.respond({ kind: 'done', mailbox: 'a@contoso.com', file: 'x.ini' }, 0);
    const answer = await posted;
    expect(answer.status).toBe(303);
    expect(String(answer.headers.location)).toMatch(new RegExp(`^${PATH}done/`));
  });

  it('turns a POSTed error into the typed error', async () => {
    const l = await start({ responseMode: 'form_post' });
    const waiting = l.waitForCallback();
    void send(l.port, PATH, {
      method: 'POST',
      body: form({ error: 'access_denied', error_description: 'AADSTS65004: User declined.', state: STATE }),
      contentType: URLENCODED,
    });
    const callback = await waiting;
    expect(callback.ok).toBe(false);
    if (!callback.ok) expect(callback.error.params).toMatchObject({ error: 'access_denied', aadsts: 65004 });
    void callback.respond({ kind: 'stale' }, 0);
  });

  it('refuses a POST body past its limit without delivering it', async () => {
    const l = await start({ responseMode: 'form_post' });
    const waiting = l.waitForCallback();
    const huge = await send(l.port, PATH, {
      method: 'POST',
      body: form({ code: 'c'.repeat(200_000), state: STATE }),
      contentType: URLENCODED,
    }).catch(() => ({ status: 0 }));
    expect([413, 0]).toContain(huge.status);
    expect(await settled(waiting)).toBe(false);
  });
});

describe('item 16: another process cannot take the browser’s request (Linux)', () => {
  it('while the listener holds its port, another process can bind it on no loopback or wildcard address', async () => {
    const l = await start();
    expect(l.addresses).toContain('127.0.0.1');
    const hosts = hasIpv6Loopback ? ['127.0.0.1', '0.0.0.0', '::1', '::'] : ['127.0.0.1', '0.0.0.0'];
    if (hasIpv6Loopback) expect(l.addresses).toContain('::1');
    for (const host of hosts) {
      expect(await bindFromAnotherProcess(host, l.port), host).toBe('EADDRINUSE');
      // SO_REUSEADDR (which libuv sets on Unix) does not help the other process either.
      expect(await bindFromAnotherProcess(host, l.port, true), `${host} reuse`).toBe('EADDRINUSE');
    }
  });

  it.runIf(hasIpv6Loopback)('refuses to start when another process holds the port on ::1 only', async () => {
    const port = await findFreePort(20000 + Math.floor(Math.random() * 20000), 200);
    if (port === undefined) throw new Error('no free port');
    const squatter = await holdInAnotherProcess('::1', port);
    try {
      const error = await start({ port }).catch((e: unknown) => e);
      listener = undefined;
      expect(RtwError.is(error, 'port-busy')).toBe(true);
    } finally {
      await squatter.release();
    }
  });

  it.runIf(hasIpv6Loopback)('suggests a port that is free on both loopback families', async () => {
    // Three ports in a row, all free: the first held by us, the second by another process on ::1 only.
    let base: number | undefined;
    for (let tries = 0; tries < 20 && base === undefined; tries++) {
      const candidate = 20000 + Math.floor(Math.random() * 20000);
      const all = await Promise.all(
        [0, 1, 2].flatMap((i) => [freeOn('127.0.0.1', candidate + i), freeOn('::1', candidate + i)]),
      );
      if (all.every(Boolean)) base = candidate;
    }
    if (base === undefined) throw new Error('no three free ports in a row');
    const first = await start({ port: base });
    const squatter = await holdInAnotherProcess('::1', base + 1);
    try {
      const error = await startRedirectListener({
        port: base,
        path: PATH,
        expectedState: STATE,
        lang: 'en',
      }).catch((e: unknown) => e);
      expect(RtwError.is(error, 'port-busy')).toBe(true);
      if (!RtwError.is(error, 'port-busy')) return;
      // base + 1 is free on 127.0.0.1 but not on ::1: a listener there would refuse to start.
      expect(error.params.suggestedPort).not.toBe(base + 1);
      expect(error.params.suggestedPort).toBe(base + 2);
    } finally {
      await squatter.release();
      await first.close();
    }
  });
});
