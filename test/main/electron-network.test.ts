/** The MSAL network client over `net.fetch`: requests as sent, answers as MSAL sees them, failures classified. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RtwError } from '../../electron/core/errors.js';
import { MAX_ANSWER_BYTES } from '../../electron/core/transport/network-client.js';

const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

const { classifyNetError, createElectronNetworkClient } =
  await import('../../electron/main/electron-network.js');

const TOKEN_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/token';

beforeEach(() => stub.resetElectronStub());

/** Makes `net.fetch` fail as Chromium does: `Error('net::ERR_…')`. */
function failWith(message: string): void {
  stub.net.fetchImpl = () => Promise.reject(new Error(message));
}

async function failureOf(
  promise: Promise<unknown>,
  client: { takeFailure(): RtwError | undefined },
): Promise<RtwError | undefined> {
  await expect(promise).rejects.toBeInstanceOf(RtwError);
  return client.takeFailure();
}

describe('createElectronNetworkClient', () => {
  it('POSTs through net.fetch and hands MSAL the status, headers and JSON body', async () => {
    const body = { token_type: 'Bearer', access_token: 'at', refresh_token: 'rt', expires_in: 3600 };
    stub.net.fetchImpl = () =>
      Promise.resolve(
        new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json', 'x-ms-request-id': 'abc' },
        }),
      );
    const client = createElectronNetworkClient();
    const answer = await client.sendPostRequestAsync(TOKEN_URL, {
      body: 'grant_type=authorization_code',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer).toEqual({
      status: 200,
      headers: expect.objectContaining({ 'x-ms-request-id': 'abc' }) as unknown,
      body,
    });
    const [[url, init]] = stub.callsOf('net.fetch') as [[string, RequestInit]];
    expect(url).toBe(TOKEN_URL);
    expect(init).toMatchObject({
      method: 'POST',
      body: 'grant_type=authorization_code',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'error',
      credentials: 'omit',
    });
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(client.takeFailure()).toBeUndefined();
    expect(client.requestCount).toBe(1);
  });

  it('stops reading an answer longer than 1 MiB: idp-bad-response, and the body is cancelled', async () => {
    let cancelled = false;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    stub.net.fetchImpl = () => Promise.resolve(new Response(endless, { status: 200 }));
    const client = createElectronNetworkClient();
    const failure = await failureOf(client.sendGetRequestAsync(TOKEN_URL), client);
    expect(failure).toMatchObject({
      code: 'idp-bad-response',
      params: { host: 'login.microsoftonline.com', status: 200 },
    });
    expect(cancelled).toBe(true);
    expect(pulled * 64 * 1024).toBeLessThanOrEqual(MAX_ANSWER_BYTES + 2 * 64 * 1024);
  });

  it('GETs without a body', async () => {
    stub.net.fetchImpl = () => Promise.resolve(Response.json({ issuer: 'https://login.example/x/v2.0' }));
    await createElectronNetworkClient().sendGetRequestAsync(
      'https://login.example/x/v2.0/.well-known/openid-configuration',
    );
    const [[, init]] = stub.callsOf('net.fetch') as [[string, RequestInit]];
    expect(init.method).toBe('GET');
    expect(init).not.toHaveProperty('body');
  });

  it('passes Entra errors through to MSAL (it makes ServerErrors of them)', async () => {
    const error = {
      error: 'invalid_client',
      error_description: 'AADSTS7000215: Invalid client secret provided.',
      error_codes: [7000215],
    };
    stub.net.fetchImpl = () => Promise.resolve(Response.json(error, { status: 401 }));
    const client = createElectronNetworkClient();
    await expect(client.sendPostRequestAsync(TOKEN_URL, { body: '' })).resolves.toMatchObject({
      status: 401,
      body: error,
    });
  });

  it('maps a certificate failure to idp-tls with Chromium’s reason', async () => {
    failWith('net::ERR_CERT_AUTHORITY_INVALID');
    const client = createElectronNetworkClient();
    const failure = await failureOf(client.sendPostRequestAsync(TOKEN_URL, { body: '' }), client);
    expect(failure?.code).toBe('idp-tls');
    expect(failure?.params).toEqual({
      host: 'login.microsoftonline.com',
      reason: 'net::ERR_CERT_AUTHORITY_INVALID',
    });
  });

  it.each([
    'net::ERR_PROXY_CONNECTION_FAILED',
    'net::ERR_PROXY_AUTH_UNSUPPORTED',
    'net::ERR_TUNNEL_CONNECTION_FAILED',
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_CONNECTION_REFUSED',
    'net::ERR_CONNECTION_RESET',
    'net::ERR_CONNECTION_TIMED_OUT',
    'net::ERR_INTERNET_DISCONNECTED',
  ])('maps %s to idp-unreachable', async (message) => {
    failWith(message);
    const client = createElectronNetworkClient();
    const failure = await failureOf(client.sendGetRequestAsync(TOKEN_URL), client);
    expect(failure?.code).toBe('idp-unreachable');
    expect(failure?.params).toEqual({ host: 'login.microsoftonline.com', reason: message });
  });

  it('maps a proxy or gateway error page to idp-http, with Retry-After', async () => {
    stub.net.fetchImpl = () =>
      Promise.resolve(
        new Response('<html>Bad gateway</html>', { status: 502, headers: { 'retry-after': '30' } }),
      );
    const client = createElectronNetworkClient();
    const failure = await failureOf(client.sendPostRequestAsync(TOKEN_URL, { body: '' }), client);
    expect(failure?.code).toBe('idp-http');
    expect(failure?.params).toEqual({ host: 'login.microsoftonline.com', status: 502, retryAfter: '30' });
  });

  it('maps a hung request to idp-timeout', async () => {
    stub.net.fetchImpl = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('net::ERR_ABORTED'))),
      );
    const client = createElectronNetworkClient({ timeoutMs: 20 });
    const failure = await failureOf(client.sendPostRequestAsync(TOKEN_URL, { body: '' }), client);
    expect(failure?.code).toBe('idp-timeout');
  });
});

describe('classifyNetError', () => {
  it.each([
    ['net::ERR_CERT_DATE_INVALID', 'idp-tls'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'idp-tls'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'idp-tls'],
    ['net::ERR_BAD_SSL_CLIENT_AUTH_CERT', 'idp-tls'],
    ['net::ERR_ADDRESS_UNREACHABLE', 'idp-unreachable'],
  ])('%s → %s', (message, code) => {
    expect(classifyNetError(new Error(message), 'h').code).toBe(code);
  });

  it('finds the code in a wrapped cause', () => {
    const error = new TypeError('fetch failed', { cause: new Error('net::ERR_CERT_AUTHORITY_INVALID') });
    expect(classifyNetError(error, 'h').params).toEqual({
      host: 'h',
      reason: 'net::ERR_CERT_AUTHORITY_INVALID',
    });
  });

  it('says a redirect is a redirect (captive portal, proxy sign-in page)', () => {
    const failure = classifyNetError(
      new Error("Attempted to redirect, but redirect policy was 'error'"),
      'h',
    );
    expect(failure.code).toBe('idp-unreachable');
    expect(failure.params).toMatchObject({ reason: expect.stringContaining('redirect') as unknown });
  });

  it('keeps any other message as the reason', () => {
    expect(classifyNetError(new Error('something odd'), 'h').params).toEqual({
      host: 'h',
      reason: 'something odd',
    });
    expect(classifyNetError('not an error', 'h').params).toEqual({ host: 'h', reason: 'unknown' });
  });
});
