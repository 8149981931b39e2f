import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RtwError } from '../../../electron/core/errors.js';
import { startRedirectListener } from '../../../electron/core/sign-in/loopback.js';
import type { RedirectListener } from '../../../electron/core/sign-in/loopback.js';

const STATE = 'expected-state-0123456789';
let listener: RedirectListener | undefined;

afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

async function start(port = 0): Promise<RedirectListener> {
  listener = await startRedirectListener({ port, path: '/myapp/', expectedState: STATE, lang: 'en' });
  return listener;
}

/** A raw HTTP request, so tests control the method, Host header and redirects. */
function get(
  port: number,
  path: string,
  options: { method?: string; host?: string; address?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: options.host ?? `localhost:${port}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

describe('redirect listener', () => {
  it('delivers the code for the expected state, then shows the outcome at a clean URL', async () => {
    const l = await start();
    const waiting = l.waitForCallback();
    const callback = get(l.port, `/myapp/?code=THE-CODE&state=${STATE}&session_state=x`);
    const received = await waiting;
    expect(received.ok && received.code).toBe('THE-CODE');
    const responded = received.respond({ kind: 'done', mailbox: 'printer@contoso.com', file: '/tmp/x.ini' });
    const redirect = await callback;
    expect(redirect.status).toBe(303);
    // The result page's path carries a token only this browser was given (issue #15, item 11).
    expect(redirect.headers.location).toMatch(/^\/myapp\/done\/[A-Za-z0-9_-]{43}$/);
    expect(redirect.headers['referrer-policy']).toBe('no-referrer');
    const page = await get(l.port, String(redirect.headers.location));
    await responded;
    expect(page.status).toBe(200);
    expect(page.body).toContain('printer@contoso.com');
    expect(page.body).toContain('サインインが完了しました');
    expect(page.body).toContain('Sign-in complete');
    expect(page.body).not.toContain('THE-CODE');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('ignores a response with another state and keeps waiting for the real one', async () => {
    const l = await start();
    const waiting = l.waitForCallback();
    const stale = await get(l.port, '/myapp/?code=OLD&state=someone-elses');
    expect(stale.status).toBe(400);
    expect(stale.body).toContain('not for the current attempt');
    const missing = await get(l.port, '/myapp/?code=OLD');
    expect(missing.status).toBe(400);
    // Repeated parameters (RFC 6749 §3.1) are refused even when one of them is the right state.
    const repeated = await get(l.port, `/myapp/?code=A&code=B&state=${STATE}`);
    expect(repeated.status).toBe(400);
    expect((await get(l.port, `/myapp/?code=A&state=${STATE}&state=x`)).status).toBe(400);
    const real = get(l.port, `/myapp/?code=NEW&state=${STATE}`);
    const received = await waiting;
    expect(received.ok && received.code).toBe('NEW');
    void received.respond({ kind: 'working' }, 0);
    expect((await real).status).toBe(303);
    const again = await get(l.port, `/myapp/?code=NEW&state=${STATE}`);
    expect(again.status).toBe(409);
  });

  it("turns Entra's error redirect into a typed error with its AADSTS code", async () => {
    const l = await start();
    const waiting = l.waitForCallback();
    const description =
      'AADSTS65004: User declined to consent to access the app. Trace ID: 1a2b3c4d-0000-0000-0000-000000000001 Correlation ID: 5e6f7a8b-0000-0000-0000-000000000002 Timestamp: 2026-11-23 03:40:12Z';
    const browser = get(
      l.port,
      `/myapp/?error=access_denied&error_description=${encodeURIComponent(description)}&state=${STATE}`,
    );
    const received = await waiting;
    expect(received.ok).toBe(false);
    if (received.ok) return;
    expect(received.error.code).toBe('authorization-denied');
    expect(received.error.params).toMatchObject({
      error: 'access_denied',
      aadsts: 65004,
      traceId: '1a2b3c4d-0000-0000-0000-000000000001',
    });
    void received.respond({ kind: 'stale' }, 0);
    expect((await browser).status).toBe(303);
  });

  it('serves only GET on the exact path, to loopback Host names', async () => {
    const l = await start();
    expect((await get(l.port, `/myapp/?code=C&state=${STATE}`, { method: 'POST' })).status).toBe(405);
    expect((await get(l.port, '/other/')).status).toBe(404);
    expect((await get(l.port, '/myapp')).status).toBe(404);
    expect((await get(l.port, '/myapp/done')).status).toBe(404);
    // Request targets that do not parse as a URL (found by the property test): answered, not a crash.
    expect((await get(l.port, '//')).status).toBe(400);
    expect((await get(l.port, '//x:99999/myapp/')).status).toBe(400);
    expect((await get(l.port, `/myapp/?code=C&state=${STATE}`, { host: 'evil.example:80' })).status).toBe(
      421,
    );
    expect(
      (await get(l.port, `/myapp/?code=C&state=${STATE}`, { host: `localhost:${l.port + 1}` })).status,
    ).toBe(421);
  });

  it('listens on loopback only, IPv6 loopback included where the OS has it', async () => {
    const l = await start();
    expect(l.addresses).toContain('127.0.0.1');
    for (const address of l.addresses) expect(['127.0.0.1', '::1']).toContain(address);
    if (l.addresses.includes('::1')) {
      expect((await get(l.port, '/nothing', { address: '::1', host: `[::1]:${l.port}` })).status).toBe(404);
    }
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i !== undefined && !i.internal && i.family === 'IPv4');
    if (external !== undefined) {
      await expect(get(l.port, '/myapp/', { address: external.address })).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  it('names a busy port, suggests a free one, and releases its port when closed', async () => {
    const first = await start();
    const port = first.port;
    const error = await startRedirectListener({
      port,
      path: '/myapp/',
      expectedState: STATE,
      lang: 'en',
    }).catch((e: unknown) => e);
    expect(RtwError.is(error, 'port-busy')).toBe(true);
    if (!RtwError.is(error, 'port-busy')) return;
    expect(error.params.port).toBe(port);
    expect(error.params.suggestedPort).toBeGreaterThan(port);
    expect(await portIsFree(error.params.suggestedPort ?? 0)).toBe(true);
    await first.close();
    expect(await portIsFree(port)).toBe(true);
  });

  it('releases the port even with a browser connection kept alive', async () => {
    const l = await start();
    const port = l.port;
    await get(l.port, '/nothing');
    await l.close();
    expect(await portIsFree(port)).toBe(true);
  });

  it('rejects with cancelled when the signal aborts', async () => {
    const l = await start();
    const controller = new AbortController();
    const waiting = l.waitForCallback(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toSatisfy((e: unknown) => RtwError.is(e, 'cancelled'));
  });
});
