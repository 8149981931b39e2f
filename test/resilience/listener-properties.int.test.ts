/**
 * Property-based tests of the redirect listener's request handling: whatever arrives on its port — any method,
 * path, query (repeated `state`/`code`, unicode, huge values), oversized headers, a wrong Host, repeated and
 * concurrent callbacks — it answers or closes cleanly, never crashes, delivers a code only for the exact
 * callback and at most once, and afterwards still works and releases its port.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRedirectListener } from '../../electron/core/sign-in/loopback.js';
import type { AuthorizationCallback, RedirectListener } from '../../electron/core/sign-in/loopback.js';
import { rawRequest, requestBytes } from './raw-http.js';

const PATH = '/myapp/';
/** Node's default header limit is 16 KiB: a request head larger than this must be refused (431). */
const OVER_LIMIT = 17 * 1024;
/** What junk may get: a page or an error status, never success or a redirect (which only follow a delivery). */
const JUNK_STATUSES = [400, 404, 405, 409, 421, 431];

let state: string;
let listener: RedirectListener;
let delivered: AuthorizationCallback[];

/** Starts a listener that records every delivery (there must be at most one). */
async function start(): Promise<void> {
  state = randomBytes(24).toString('base64url');
  delivered = [];
  listener = await startRedirectListener({ port: 0, path: PATH, expectedState: state, lang: 'en' });
  void listener.waitForCallback().then((callback) => delivered.push(callback));
}

const host = (): [string, string] => ['Host', `localhost:${listener.port}`];

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * The listener still takes the real callback (if none was delivered), shows the result to that browser only (at the
 * tokened location its 303 gave), then frees its port. A client that only guesses the result path gets nothing.
 */
async function expectStillWorksThenReleases(): Promise<void> {
  const { port } = listener;
  let location: string | undefined;
  if (delivered.length === 0) {
    const answer = rawRequest(port, requestBytes('GET', `${PATH}?code=0.AXfinal&state=${state}`, [host()]));
    await expect.poll(() => delivered.length, { timeout: 10_000 }).toBe(1);
    expect(delivered[0]).toMatchObject({ ok: true, code: '0.AXfinal' });
    void delivered[0]?.respond({ kind: 'done', mailbox: 'a@contoso.com', file: 'x.ini' }, 0);
    const redirect = await answer;
    expect(redirect.status).toBe(303);
    location = /\r\nlocation: ([^\r\n]+)/i.exec(redirect.head)?.[1];
    expect(location).toMatch(new RegExp(`^${PATH}done/[A-Za-z0-9_-]{43}$`));
  } else {
    void delivered[0]?.respond({ kind: 'done', mailbox: 'a@contoso.com', file: 'x.ini' }, 0);
  }
  expect((await rawRequest(port, requestBytes('GET', `${PATH}done`, [host()]))).status).toBe(404);
  if (location !== undefined)
    expect((await rawRequest(port, requestBytes('GET', location, [host()]))).status).toBe(200);
  await listener.close();
  expect(await canBind(port)).toBe(true);
}

/** Any text, unicode included (as raw UTF-8 or percent-encoded), without the CR/LF/space that frame HTTP. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '%', '%zz', '%00', '%E3%81%82', '..', '&&', '==', '#frag', '\u3042\u3044', '😀'),
);
// NUL and whitespace would break the request line's framing; the point is the listener, not the parser.
const framingSafe = (s: string): string => s.replace(/\s/gu, '%20').split(String.fromCharCode(0)).join('%00');
const encodedOrRaw = (s: string): fc.Arbitrary<string> =>
  fc.constantFrom(encodeURIComponent(s), framingSafe(s).replace(/[&#]/g, '%26'));

const paramName = fc.oneof(
  fc.constantFrom(
    'state',
    'code',
    'error',
    'error_description',
    'session_state',
    'client_info',
    'STATE',
    'state[]',
  ),
  anyText.map(framingSafe),
);
/** Any value, sometimes huge (past the header limit), never the expected state. */
const paramValue = fc.oneof(
  { weight: 6, arbitrary: anyText.chain(encodedOrRaw) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 40_000 }).map((n) => 'x'.repeat(n)) },
);
const query = fc
  .array(fc.tuple(paramName, paramValue), { maxLength: 8 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`));
const path = fc.oneof(
  fc.constantFrom(
    PATH,
    '/myapp',
    '/myapp/done',
    '/',
    '/MYAPP/',
    '//myapp/',
    '/myapp/../myapp/',
    '/myapp/%2e%2e/',
    '*',
  ),
  fc.webPath(),
  anyText.map((s) => `/${framingSafe(s)}`),
);
const method = fc.oneof(
  fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'PROPFIND', 'get'),
  fc.stringMatching(/^[A-Z]{1,12}$/),
);
const extraHeaders = fc.array(
  fc.tuple(
    fc
      .stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/)
      .filter((k) => !/^(host|connection|content-length|transfer-encoding)$/i.test(k)),
    fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((v) => v.replace(/[\r\n]/g, ' ')),
  ),
  { maxLength: 4 },
);

describe('the redirect listener under arbitrary requests', () => {
  beforeEach(start);
  afterEach(async () => {
    await listener.close();
  });

  it('answers junk with a 4xx or a clean close, never delivers it, and keeps working', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(method, path, query, extraHeaders, async (m, p, q, headers) => {
        // Whatever else is sent, the expected state is not: such a request may never be delivered.
        const answer = await rawRequest(listener.port, requestBytes(m, `${p}${q}`, [host(), ...headers]));
        const key = String(answer.status ?? 'closed');
        seen.set(key, (seen.get(key) ?? 0) + 1);
        expect(answer.timedOut, answer.head).toBe(false);
        if (answer.status !== undefined) expect(JUNK_STATUSES, answer.head).toContain(answer.status);
        expect(delivered).toEqual([]);
      }),
      {
        numRuns: Number(process.env.JUNK_RUNS ?? 300),
        // One of each kind of refusal for sure, whatever the random draw: the coverage check below relies on them.
        examples: [
          ['POST', PATH, '?code=x&state=y', []],
          ['GET', '/elsewhere', '', []],
          // Once crashed the process: `new URL('//', base)` throws.
          ['GET', '//', '', []],
          ['BREW', PATH, '', []],
          ['GET', PATH, `?code=${'x'.repeat(OVER_LIMIT)}`, []],
        ],
      },
    );
    // The generator must reach the listener's own answers, not only the HTTP parser's 400.
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['400', '404', '405', '431']));
    await expectStillWorksThenReleases();
  });

  it('refuses the right callback under a wrong Host header (DNS rebinding) with 421 or 400', async () => {
    const wrongHost = fc.oneof(
      fc.domain(),
      fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'localhost:1', '0.0.0.0', 'localhost.evil.example'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
      fc.nat({ max: 65535 }).map((p) => `127.0.0.2:${p}`),
    );
    await fc.assert(
      fc.asyncProperty(wrongHost, async (h) => {
        fc.pre(
          !['localhost', '127.0.0.1', '[::1]'].some(
            (n) => h.trim().toLowerCase() === `${n}:${listener.port}`,
          ),
        );
        const answer = await rawRequest(
          listener.port,
          requestBytes('GET', `${PATH}?code=0.AXstolen&state=${state}`, [['Host', h]]),
        );
        expect([400, 421], answer.head).toContain(answer.status);
        expect(delivered).toEqual([]);
      }),
      { numRuns: 150 },
    );
    // No Host at all: HTTP/1.1 requires one; Node refuses it before the listener sees it.
    const none = await rawRequest(
      listener.port,
      requestBytes('GET', `${PATH}?code=0.AXstolen&state=${state}`, []),
    );
    expect([400, 421]).toContain(none.status);
    expect(delivered).toEqual([]);
    await expectStillWorksThenReleases();
  });

  it('refuses oversized request heads (431 or a close), even carrying the right state', async () => {
    const where = fc.constantFrom('header', 'cookie', 'query', 'many-headers');
    await fc.assert(
      fc.asyncProperty(where, fc.integer({ min: OVER_LIMIT, max: 256 * 1024 }), async (w, size) => {
        const callback = `${PATH}?code=0.AXhuge&state=${state}`;
        const bytes =
          w === 'query'
            ? requestBytes('GET', `${callback}&pad=${'q'.repeat(size)}`, [host()])
            : w === 'many-headers'
              ? requestBytes('GET', callback, [
                  host(),
                  ...Array.from(
                    { length: Math.ceil(size / 64) },
                    (_, i) => [`X-Pad-${i}`, 'p'.repeat(56)] as const,
                  ),
                ])
              : requestBytes('GET', callback, [
                  host(),
                  [w === 'cookie' ? 'Cookie' : 'X-Pad', 'h'.repeat(size)],
                ]);
        const answer = await rawRequest(listener.port, bytes);
        expect(answer.timedOut).toBe(false);
        if (answer.status !== undefined) expect(answer.status, answer.head).toBe(431);
        expect(delivered).toEqual([]);
      }),
      { numRuns: 40 },
    );
    await expectStillWorksThenReleases();
  });

  it('delivers a callback whose code is large but within the limit, exactly as sent', async () => {
    const code = `0.AX${'c'.repeat(12 * 1024)}`;
    const answer = rawRequest(
      listener.port,
      requestBytes('GET', `${PATH}?code=${code}&state=${state}`, [host()]),
    );
    await expect.poll(() => delivered.length).toBe(1);
    expect(delivered[0]).toMatchObject({ ok: true, code });
    await expectStillWorksThenReleases();
    expect((await answer).status).toBe(303);
  });
});

describe('repeated and concurrent callbacks', () => {
  afterEach(async () => {
    await listener.close();
  });

  it('delivers exactly one of many concurrent right callbacks; the others get 409', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 24 }), async (count) => {
        await start();
        const codes = Array.from({ length: count }, (_, i) => `0.AXconcurrent-${i}`);
        const answers = codes.map((code) =>
          rawRequest(listener.port, requestBytes('GET', `${PATH}?code=${code}&state=${state}`, [host()])),
        );
        await expect.poll(() => delivered.length).toBe(1);
        const first = delivered[0];
        expect(first?.ok).toBe(true);
        if (first?.ok !== true) return;
        expect(codes).toContain(first.code);
        void first.respond({ kind: 'done', mailbox: 'a@contoso.com', file: 'x.ini' }, 0);
        const statuses = (await Promise.all(answers)).map((a) => a.status).sort();
        expect(statuses).toEqual([303, ...Array.from({ length: count - 1 }, () => 409)].sort());
        expect(delivered).toHaveLength(1);
        await expectStillWorksThenReleases();
      }),
      { numRuns: 20 },
    );
  });

  it('with repeated state/code/error parameters, refuses them (RFC 6749 §3.1) and otherwise delivers at most once', async () => {
    const values = fc.oneof(
      fc.constant('STATE'),
      fc.constantFrom('0.AXa', '0.AXb', '', 'other', '%E3%81%82'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map(encodeURIComponent),
    );
    const pairs = fc.array(fc.tuple(fc.constantFrom('state', 'code', 'error'), values), {
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(pairs, fc.integer({ min: 1, max: 3 }), async (list, repeats) => {
        await start();
        const q = list.map(([k, v]) => `${k}=${v === 'STATE' ? state : v}`).join('&');
        const params = new URLSearchParams(q);
        const repeated = ['state', 'code', 'error'].some((name) => params.getAll(name).length > 1);
        const expectDelivery = !repeated && params.get('state') === state;
        for (let i = 0; i < repeats; i++) {
          const answer = rawRequest(listener.port, requestBytes('GET', `${PATH}?${q}`, [host()]));
          if (!expectDelivery) expect([400]).toContain((await answer).status);
          else if (i === 0) {
            await expect.poll(() => delivered.length).toBe(1);
          } else expect((await answer).status).toBe(409);
        }
        expect(delivered).toHaveLength(expectDelivery ? 1 : 0);
        const first = delivered[0];
        const code = params.get('code');
        if (first?.ok === true) expect(first.code).toBe(code);
        if (first !== undefined && first.ok === false)
          expect(params.get('error') !== null || !code).toBe(true);
        await expectStillWorksThenReleases();
      }),
      { numRuns: 60 },
    );
  });
});
