/**
 * Tests of the sandbox IdP itself, driven where practical by MSAL (so "MSAL accepts it" is what is tested) and
 * otherwise over real HTTPS sockets.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import {
  ConfidentialClientApplication,
  CryptoProvider,
  PublicClientApplication,
  ServerError,
} from '@azure/msal-node';
import type {
  AuthenticationResult,
  INetworkModule,
  NetworkRequestOptions,
  NetworkResponse,
} from '@azure/msal-node';
import { Agent, fetch, ProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserCallback } from '../fixtures/browser.js';
import { playBrowser } from '../fixtures/browser.js';
import { startConnectProxy } from '../fixtures/connect-proxy.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import { decodeJwt } from '../fixtures/sandbox/tokens.js';

const SMTP = 'https://outlook.office.com/SMTP.Send';
const IMAP = 'https://outlook.office.com/IMAP.AccessAsUser.All';
const DAY = 86_400_000;

let idp: SandboxIdp;
let clockOffsetMs = 0;
let trustSandbox: Agent;
let routed: Agent;
let listener: Server;
let listenerPort: number;
/** Every secret, code, verifier and token seen, to prove none reaches the request log. */
const sensitive = new Set<string>();

/**
 * A bare MSAL network module on undici fetch with a chosen dispatcher: these tests check the sandbox against MSAL
 * itself, not our transports (those are tested in https-transport.test.ts and through every acquisition test).
 */
function networkClient(dispatcher: Dispatcher): INetworkModule {
  const send = async <T>(
    url: string,
    method: 'GET' | 'POST',
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const res = await fetch(url, {
      method,
      dispatcher,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(options?.body === undefined ? {} : { body: options.body }),
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { status: res.status, headers, body: JSON.parse(await res.text()) as T };
  };
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, 'GET', options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, 'POST', options),
  };
}

interface AppOptions {
  clientId: string;
  clientSecret?: string;
  /** Defaults to the sandbox authority (with discovery); `production` routes login.microsoftonline.com instead. */
  authority?: string;
  production?: boolean;
}

function confidential(o: AppOptions & { clientSecret: string }): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: o.clientId,
      clientSecret: o.clientSecret,
      authority: o.authority ?? idp.authority(),
      ...(o.production ? {} : { knownAuthorities: [`127.0.0.1:${idp.port}`] }),
    },
    system: { networkClient: networkClient(o.production ? routed : trustSandbox) },
  });
}

function publicClient(o: AppOptions): PublicClientApplication {
  return new PublicClientApplication({
    auth: {
      clientId: o.clientId,
      authority: o.authority ?? idp.authority(),
      ...(o.production ? {} : { knownAuthorities: [`127.0.0.1:${idp.port}`] }),
    },
    system: { networkClient: networkClient(o.production ? routed : trustSandbox) },
  });
}

interface SignIn {
  code: string;
  verifier: string;
  redirectUri: string;
  callback: BrowserCallback;
}

/** Runs getAuthCodeUrl + the scripted browser, returning the code MSAL would redeem. */
async function signIn(
  app: ConfidentialClientApplication | PublicClientApplication,
  opts: { path?: string; scopes?: string[]; loginHint?: string; production?: boolean } = {},
): Promise<SignIn> {
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  sensitive.add(verifier);
  const redirectUri = `http://localhost:${listenerPort}${opts.path ?? '/myapp/'}`;
  const state = `st-${Math.random().toString(36).slice(2)}`;
  const url = await app.getAuthCodeUrl({
    scopes: opts.scopes ?? [SMTP, IMAP],
    redirectUri,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    state,
    ...(opts.loginHint ? { loginHint: opts.loginHint } : {}),
  });
  const result = await playBrowser(url, { dispatcher: opts.production ? routed : trustSandbox });
  if (!('callbackUrl' in result)) throw new Error(`IdP error page: ${result.idpErrorPage}`);
  const params = new URL(result.callbackUrl).searchParams;
  expect(params.get('state')).toBe(state);
  const code = params.get('code');
  if (!code) throw new Error(`no code: ${result.callbackUrl}`);
  sensitive.add(code);
  return { code, verifier, redirectUri, callback: result };
}

function refreshTokenOf(
  app: ConfidentialClientApplication | PublicClientApplication,
  result: AuthenticationResult,
) {
  const cache = JSON.parse(app.getTokenCache().serialize()) as {
    RefreshToken: Record<string, { home_account_id: string; secret: string }>;
  };
  const entry = Object.values(cache.RefreshToken).find(
    (e) => e.home_account_id === result.account?.homeAccountId,
  );
  if (!entry) throw new Error('no refresh token in cache');
  sensitive.add(entry.secret);
  return entry.secret;
}

async function expectServerError(
  promise: Promise<unknown>,
  errorCode: string,
  errorNo: string,
): Promise<ServerError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServerError);
  const serverError = err as ServerError;
  expect(serverError.errorCode).toBe(errorCode);
  // Typed `string` by MSAL, but it is Entra's `error_codes[0]` as sent: a JSON number. Product code must accept both.
  expect(String(serverError.errorNo)).toBe(errorNo);
  expect(serverError.errorMessage).toContain(`AADSTS${errorNo}:`);
  return serverError;
}

async function browse(url: string): Promise<Awaited<ReturnType<typeof playBrowser>>> {
  return playBrowser(url, { dispatcher: trustSandbox });
}

function authorizeUrl(params: Record<string, string>, tenant = 'common'): string {
  const q = new URLSearchParams({
    response_type: 'code',
    scope: `${SMTP} offline_access openid`,
    state: 's1',
    ...params,
  });
  return `${idp.authority(tenant)}/oauth2/v2.0/authorize?${q.toString()}`;
}

async function postToken(form: Record<string, string>, tenant = 'common') {
  return fetch(`${idp.authority(tenant)}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    dispatcher: trustSandbox,
  });
}

beforeAll(async () => {
  idp = await createSandboxIdp({ now: () => new Date(Date.now() + clockOffsetMs) });
  sensitive.add(idp.defaults.secrets.valid.value);
  sensitive.add(idp.defaults.secrets.expired.value);
  trustSandbox = new Agent({ connect: { ca: idp.caPem } });
  routed = routeToSandbox(idp);
  listener = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<html><body>Signed in. You can close this window.</body></html>');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerPort = (listener.address() as AddressInfo).port;
});

afterEach(() => {
  clockOffsetMs = 0;
  idp.setFault(null);
  idp.declineConsent(false);
  idp.signInAs(null);
});

afterAll(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  await Promise.all([trustSandbox.close(), routed.close()]);
  await idp.close();
});

describe('authorization code + PKCE through MSAL', () => {
  it('completes a confidential Web-redirect flow with discovery on the sandbox authority', async () => {
    const cca = confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.value,
    });
    // Registered as http://localhost:8001/myapp/; Entra ignores the port for localhost.
    const s = await signIn(cca);
    const result = await cca.acquireTokenByCode({
      code: s.code,
      scopes: [SMTP, IMAP],
      redirectUri: s.redirectUri,
      codeVerifier: s.verifier,
    });
    sensitive.add(result.accessToken);
    expect(result.account?.username).toBe('admin@contoso.onmicrosoft.com');
    expect(result.account?.homeAccountId).toBe(`${idp.users.admin.oid}.${idp.users.admin.tenantId}`);
    expect(result.tenantId).toBe(idp.defaults.tenants.work.id);
    const at = decodeJwt(result.accessToken);
    expect(at).toMatchObject({
      aud: 'https://outlook.office.com',
      scp: 'SMTP.Send IMAP.AccessAsUser.All',
      upn: 'admin@contoso.onmicrosoft.com',
      oid: idp.users.admin.oid,
      tid: idp.users.admin.tenantId,
      appid: idp.apps.confidential.clientId,
    });
    expect(result.idTokenClaims).toMatchObject({ aud: idp.apps.confidential.clientId, ver: '2.0' });
    expect(result.idTokenClaims).not.toHaveProperty('nonce');
    expect(refreshTokenOf(cca, result)).toMatch(/^1\.AXsandbox/);
    expect(s.callback.status).toBe(200);
  });

  it('completes a public-client flow against the production hostname routed to the sandbox', async () => {
    const pca = publicClient({
      clientId: idp.apps.public.clientId,
      authority: 'https://login.microsoftonline.com/common',
      production: true,
    });
    idp.clearRequests();
    const s = await signIn(pca, {
      path: '/',
      loginHint: 'printer@contoso.onmicrosoft.com',
      production: true,
    });
    const result = await pca.acquireTokenByCode({
      code: s.code,
      scopes: [SMTP],
      redirectUri: s.redirectUri,
      codeVerifier: s.verifier,
    });
    sensitive.add(result.accessToken);
    expect(result.account?.username).toBe('printer@contoso.onmicrosoft.com');
    expect(result.idTokenClaims).toMatchObject({
      iss: `https://login.microsoftonline.com/${idp.users.printer.tenantId}/v2.0`,
    });
    // MSAL knows login.microsoftonline.com: no discovery, only authorize (browser) and the token POST.
    expect(idp.requests().map((r) => `${r.method} ${r.path} ${r.grantType ?? ''}`.trim())).toEqual([
      'GET /common/oauth2/v2.0/authorize',
      'POST /common/oauth2/v2.0/token authorization_code',
    ]);
  });

  it('signs in the staged user, and a personal account through /consumers', async () => {
    const cca = confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.value,
    });
    idp.signInAs('printer@contoso.onmicrosoft.com');
    const s = await signIn(cca);
    const r = await cca.acquireTokenByCode({
      code: s.code,
      scopes: [SMTP],
      redirectUri: s.redirectUri,
      codeVerifier: s.verifier,
    });
    expect(r.account?.username).toBe('printer@contoso.onmicrosoft.com');

    const msa = confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.value,
      authority: idp.authority('consumers'),
    });
    const p = await signIn(msa, { loginHint: 'someone@outlook.com' });
    const r2 = await msa.acquireTokenByCode({
      code: p.code,
      scopes: [SMTP],
      redirectUri: p.redirectUri,
      codeVerifier: p.verifier,
    });
    expect(r2.tenantId).toBe('9188040d-6c67-4c5b-b112-36a304b66dad');
    expect(r2.account?.username).toBe('someone@outlook.com');
  });
});

describe('refresh tokens', () => {
  it('rotates on every refresh and keeps old tokens valid', async () => {
    const cca = confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.value,
    });
    const s = await signIn(cca);
    const first = await cca.acquireTokenByCode({
      code: s.code,
      scopes: [SMTP],
      redirectUri: s.redirectUri,
      codeVerifier: s.verifier,
    });
    const rt1 = refreshTokenOf(cca, first);

    const second = await cca.acquireTokenByRefreshToken({
      refreshToken: rt1,
      scopes: [SMTP],
      forceCache: true,
    });
    if (!second) throw new Error('no result');
    const rt2 = refreshTokenOf(cca, second);
    expect(rt2).not.toBe(rt1);

    const fresh = confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.value,
    });
    const again = await fresh.acquireTokenByRefreshToken({
      refreshToken: rt1,
      scopes: [SMTP],
      forceCache: true,
    });
    if (!again) throw new Error('no result');
    const rt3 = refreshTokenOf(fresh, again);
    expect(new Set([rt1, rt2, rt3]).size).toBe(3);
    expect(decodeJwt(again.accessToken)).toMatchObject({
      scp: 'SMTP.Send',
      aud: 'https://outlook.office.com',
    });
  });

  it('answers AADSTS700082 (expired), AADSTS50173 (revoked) and AADSTS9002313 (unknown)', async () => {
    const cca = confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.value,
    });
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await signIn(cca);
      const r = await cca.acquireTokenByCode({
        code: s.code,
        scopes: [SMTP],
        redirectUri: s.redirectUri,
        codeVerifier: s.verifier,
      });
      tokens.push(refreshTokenOf(cca, r));
    }
    const [expired, revoked, aged] = tokens as [string, string, string];
    idp.expireRefreshToken(expired);
    idp.revokeRefreshToken(revoked);
    const redeem = (refreshToken: string) =>
      confidential({
        clientId: idp.apps.confidential.clientId,
        clientSecret: idp.defaults.secrets.valid.value,
      }).acquireTokenByRefreshToken({ refreshToken, scopes: [SMTP], forceCache: true });
    await expectServerError(redeem(expired), 'invalid_grant', '700082');
    await expectServerError(redeem(revoked), 'invalid_grant', '50173');
    await expectServerError(redeem('1.AXnot-a-real-token'), 'invalid_grant', '9002313');
    clockOffsetMs = 91 * DAY;
    await expectServerError(redeem(aged), 'invalid_grant', '700082');
  });
});

describe('token endpoint errors through MSAL', () => {
  const secret = () => idp.defaults.secrets.valid.value;

  it('AADSTS7000215: the secret ID pasted instead of its value', async () => {
    const good = confidential({ clientId: idp.apps.confidential.clientId, clientSecret: secret() });
    const s = await signIn(good);
    const bad = confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.id,
    });
    const err = await expectServerError(
      bad.acquireTokenByCode({
        code: s.code,
        scopes: [SMTP],
        redirectUri: s.redirectUri,
        codeVerifier: s.verifier,
      }),
      'invalid_client',
      '7000215',
    );
    expect(err.errorMessage).toContain('not the client secret ID');
  });

  it('AADSTS7000222: expired secret', async () => {
    const app = confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.expired.value,
    });
    const s = await signIn(app);
    await expectServerError(
      app.acquireTokenByCode({
        code: s.code,
        scopes: [SMTP],
        redirectUri: s.redirectUri,
        codeVerifier: s.verifier,
      }),
      'invalid_client',
      '7000222',
    );
  });

  it('AADSTS7000218: Web redirect redeemed without a secret', async () => {
    const pca = publicClient({ clientId: idp.apps.confidential.clientId });
    const s = await signIn(pca);
    await expectServerError(
      pca.acquireTokenByCode({
        code: s.code,
        scopes: [SMTP],
        redirectUri: s.redirectUri,
        codeVerifier: s.verifier,
      }),
      'invalid_client',
      '7000218',
    );
  });

  it('AADSTS700025: public redirect redeemed with a secret', async () => {
    const app = confidential({ clientId: idp.apps.public.clientId, clientSecret: secret() });
    const s = await signIn(app, { path: '/' });
    await expectServerError(
      app.acquireTokenByCode({
        code: s.code,
        scopes: [SMTP],
        redirectUri: s.redirectUri,
        codeVerifier: s.verifier,
      }),
      'invalid_client',
      '700025',
    );
  });

  it('AADSTS700016: unknown client', async () => {
    const app = confidential({ clientId: '11111111-2222-3333-4444-555555555555', clientSecret: secret() });
    await expectServerError(
      app.acquireTokenByCode({
        code: '0.AXnope',
        scopes: [SMTP],
        redirectUri: 'http://localhost:8001/myapp/',
      }),
      'unauthorized_client',
      '700016',
    );
  });

  it('AADSTS54005 (code reused), AADSTS501481 (wrong verifier), AADSTS70008 (code expired)', async () => {
    const app = confidential({ clientId: idp.apps.confidential.clientId, clientSecret: secret() });
    const s = await signIn(app);
    const req = { code: s.code, scopes: [SMTP], redirectUri: s.redirectUri, codeVerifier: s.verifier };
    await expectServerError(
      app.acquireTokenByCode({ ...req, codeVerifier: `${s.verifier}x` }),
      'invalid_grant',
      '501481',
    );
    await app.acquireTokenByCode(req);
    await expectServerError(app.acquireTokenByCode(req), 'invalid_grant', '54005');

    const late = await signIn(app);
    clockOffsetMs = 11 * 60_000;
    await expectServerError(
      app.acquireTokenByCode({
        code: late.code,
        scopes: [SMTP],
        redirectUri: late.redirectUri,
        codeVerifier: late.verifier,
      }),
      'invalid_grant',
      '70008',
    );
  });

  it('AADSTS50011 at redemption: redirect_uri differs from the one used at authorize', async () => {
    const app = confidential({ clientId: idp.apps.confidential.clientId, clientSecret: secret() });
    const s = await signIn(app);
    await expectServerError(
      app.acquireTokenByCode({
        code: s.code,
        scopes: [SMTP],
        redirectUri: 'http://localhost:8001/myapp/',
        codeVerifier: s.verifier,
      }),
      'invalid_request',
      '50011',
    );
  });

  it('client credentials: token without refresh token; wrong and expired secrets are told apart', async () => {
    const tenant = idp.authority(idp.defaults.tenants.work.id);
    const scopes = ['https://outlook.office365.com/.default'];
    const ok = await confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: secret(),
      authority: tenant,
    }).acquireTokenByClientCredential({ scopes });
    if (!ok) throw new Error('no result');
    sensitive.add(ok.accessToken);
    expect(decodeJwt(ok.accessToken)).toMatchObject({
      aud: 'https://outlook.office365.com',
      roles: expect.arrayContaining(['SMTP.SendAsApp']) as unknown,
    });
    const cc = (clientId: string, clientSecret: string) =>
      confidential({ clientId, clientSecret, authority: tenant }).acquireTokenByClientCredential({ scopes });
    await expectServerError(cc(idp.apps.confidential.clientId, 'wrong'), 'invalid_client', '7000215');
    await expectServerError(
      cc(idp.apps.confidential.clientId, idp.defaults.secrets.expired.value),
      'invalid_client',
      '7000222',
    );
    await expectServerError(cc('99999999-2222-3333-4444-555555555555', 'x'), 'unauthorized_client', '700016');
  });

  it('raw bodies have Entra’s fields and statuses', async () => {
    const res = await postToken({
      grant_type: 'authorization_code',
      client_id: idp.apps.confidential.clientId,
      code: 'x',
      client_secret: 'nope',
    });
    expect(res.status).toBe(400); // unknown code is checked before the secret: 9002313
    const unauth = await postToken({
      grant_type: 'client_credentials',
      client_id: idp.apps.confidential.clientId,
      client_secret: 'nope',
      scope: 'https://outlook.office365.com/.default',
    });
    expect(unauth.status).toBe(401);
    const body = (await unauth.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      [
        'correlation_id',
        'error',
        'error_codes',
        'error_description',
        'error_uri',
        'timestamp',
        'trace_id',
      ].sort(),
    );
    expect(body.error_codes).toEqual([7000215]);
    expect(body.error_description).toMatch(
      /^AADSTS7000215: Invalid client secret provided\. .* Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(body.error_uri).toBe(`${idp.url}/error?code=7000215`);
  });
});

describe('authorize endpoint errors', () => {
  const redirect = () => `http://localhost:${listenerPort}/myapp/`;

  it('AADSTS700016 and AADSTS50011 are shown on the IdP, not redirected', async () => {
    const unknown = await browse(
      authorizeUrl({ client_id: '12345678-0000-0000-0000-000000000000', redirect_uri: redirect() }),
    );
    expect(unknown).toMatchObject({ status: 200 });
    expect('idpErrorPage' in unknown && unknown.idpErrorPage).toContain('AADSTS700016');
    const mismatch = await browse(
      authorizeUrl({
        client_id: idp.apps.confidential.clientId,
        redirect_uri: `http://localhost:${listenerPort}/other/`,
      }),
    );
    expect('idpErrorPage' in mismatch && mismatch.idpErrorPage).toContain('AADSTS50011');
    // https is not the registered http scheme: the localhost port exception does not stretch to the scheme.
    const scheme = await browse(
      authorizeUrl({
        client_id: idp.apps.confidential.clientId,
        redirect_uri: 'https://localhost:8001/myapp/',
      }),
    );
    expect('idpErrorPage' in scheme && scheme.idpErrorPage).toContain('AADSTS50011');
    const single = await browse(
      authorizeUrl({ client_id: idp.apps.singleTenant.clientId, redirect_uri: redirect() }),
    );
    expect('idpErrorPage' in single && single.idpErrorPage).toContain('AADSTS50194');
  });

  it('redirects AADSTS700022 (mixed resources), AADSTS65004 (declined) and AADSTS50020 (wrong account) with state', async () => {
    const errorOf = async (url: string) => {
      const r = await browse(url);
      if (!('callbackUrl' in r)) throw new Error('expected a redirect');
      return new URL(r.callbackUrl).searchParams;
    };
    const mixed = await errorOf(
      authorizeUrl({
        client_id: idp.apps.confidential.clientId,
        redirect_uri: redirect(),
        scope: `${SMTP} https://graph.microsoft.com/User.Read`,
      }),
    );
    expect(mixed.get('error')).toBe('invalid_scope');
    expect(mixed.get('error_description')).toMatch(/^AADSTS700022:/);
    expect(mixed.get('state')).toBe('s1');

    idp.declineConsent(true);
    const declined = await errorOf(
      authorizeUrl({ client_id: idp.apps.confidential.clientId, redirect_uri: redirect(), state: 'a b&c' }),
    );
    expect(declined.get('error')).toBe('access_denied');
    expect(declined.get('error_description')).toBe(
      'AADSTS65004: User declined to consent to access the app.',
    );
    expect(declined.get('state')).toBe('a b&c');
    idp.declineConsent(false);

    const tenantUrl = (params: Record<string, string>) =>
      authorizeUrl(params, idp.defaults.tenants.work.domains[0]);
    const personal = await errorOf(
      tenantUrl({
        client_id: idp.apps.singleTenant.clientId,
        redirect_uri: redirect(),
        login_hint: 'someone@outlook.com',
      }),
    );
    expect(personal.get('error_description')).toMatch(/^AADSTS50020: User account 'someone@outlook\.com'/);
    const workAtConsumers = await errorOf(
      authorizeUrl(
        {
          client_id: idp.apps.confidential.clientId,
          redirect_uri: redirect(),
          login_hint: 'admin@contoso.onmicrosoft.com',
        },
        'consumers',
      ),
    );
    expect(workAtConsumers.get('error_description')).toMatch(/^AADSTS50020:/);
  });

  it('keeps prompt in the request log', async () => {
    idp.clearRequests();
    await browse(
      authorizeUrl({
        client_id: idp.apps.confidential.clientId,
        redirect_uri: redirect(),
        prompt: 'select_account',
      }),
    );
    expect(idp.requests()).toMatchObject([
      { method: 'GET', prompt: 'select_account', clientId: idp.apps.confidential.clientId },
    ]);
  });
});

describe('discovery', () => {
  const getJson = async (path: string) => {
    const res = await fetch(`${idp.url}${path}`, { dispatcher: trustSandbox });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('openid-configuration issuers follow Entra and the Host header', async () => {
    const work = idp.defaults.tenants.work;
    expect((await getJson('/common/v2.0/.well-known/openid-configuration')).body).toMatchObject({
      issuer: `${idp.url}/{tenantid}/v2.0`,
      token_endpoint: `${idp.url}/common/oauth2/v2.0/token`,
      authorization_endpoint: `${idp.url}/common/oauth2/v2.0/authorize`,
    });
    expect((await getJson('/organizations/v2.0/.well-known/openid-configuration')).body.issuer).toBe(
      `${idp.url}/{tenantid}/v2.0`,
    );
    expect((await getJson('/consumers/v2.0/.well-known/openid-configuration')).body.issuer).toBe(
      `${idp.url}/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0`,
    );
    expect(
      (await getJson('/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration')).body,
    ).toMatchObject({
      issuer: `${idp.url}/${work.id}/v2.0`,
      token_endpoint: `${idp.url}/${work.id}/oauth2/v2.0/token`,
    });
    const unknown = await getJson('/fabrikam.example/v2.0/.well-known/openid-configuration');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error_codes).toEqual([90002]);

    const viaProduction = await fetch(
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
      { dispatcher: routed },
    );
    expect(((await viaProduction.json()) as { issuer: string }).issuer).toBe(
      'https://login.microsoftonline.com/{tenantid}/v2.0',
    );
  });

  it('instance discovery has Entra’s shape', async () => {
    const endpoint = encodeURIComponent(`${idp.url}/contoso.onmicrosoft.com/oauth2/v2.0/authorize`);
    const { body } = await getJson(
      `/common/discovery/instance?api-version=1.1&authorization_endpoint=${endpoint}`,
    );
    expect(body.tenant_discovery_endpoint).toBe(
      `${idp.url}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`,
    );
    const metadata = body.metadata as Array<{
      preferred_network: string;
      preferred_cache: string;
      aliases: string[];
    }>;
    expect(metadata[0]).toEqual({
      preferred_network: 'login.microsoftonline.com',
      preferred_cache: 'login.windows.net',
      aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
    });
    expect(metadata).toContainEqual({
      preferred_network: `127.0.0.1:${idp.port}`,
      preferred_cache: `127.0.0.1:${idp.port}`,
      aliases: [`127.0.0.1:${idp.port}`],
    });
    const bad = await getJson(
      `/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent('https://evil.example/common/oauth2/v2.0/authorize')}`,
    );
    expect(bad.body.error).toBe('invalid_instance');
  });
});

describe('faults', () => {
  /** A token request whose normal answer is 400 AADSTS9002313 (unknown refresh token). */
  const probe = () =>
    postToken({
      grant_type: 'refresh_token',
      client_id: idp.apps.confidential.clientId,
      refresh_token: 'x',
      client_secret: 'y',
    });

  it('HTTP 500 with an HTML body for the next N requests', async () => {
    idp.setFault({ kind: 'http500', times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await probe();
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      await res.text();
    }
    expect((await probe()).status).toBe(400);
  });

  it('429 with Retry-After, until cleared', async () => {
    idp.setFault({ kind: 'http429', retryAfterSeconds: 7 });
    for (let i = 0; i < 3; i++) {
      const res = await probe();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      await res.text();
    }
    idp.setFault(null);
    expect((await probe()).status).toBe(400);
  });

  it('delay, malformed JSON and connection reset', async () => {
    idp.setFault({ kind: 'delay', ms: 300, times: 1 });
    const started = Date.now();
    expect((await probe()).status).toBe(400);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);

    idp.setFault({ kind: 'malformed-json', times: 1 });
    const malformed = await probe();
    expect(malformed.status).toBe(200);
    const text = await malformed.text();
    expect(() => JSON.parse(text) as unknown).toThrow();

    idp.setFault({ kind: 'reset', times: 1 });
    await expect(probe()).rejects.toThrow();
    expect((await probe()).status).toBe(400);
  });

  it('MSAL surfaces an injected fault instead of a token', async () => {
    const app = confidential({
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.value,
    });
    const s = await signIn(app);
    idp.setFault({ kind: 'http429', retryAfterSeconds: 1, times: 1 });
    await expectServerError(
      app.acquireTokenByCode({
        code: s.code,
        scopes: [SMTP],
        redirectUri: s.redirectUri,
        codeVerifier: s.verifier,
      }),
      'temporarily_unavailable',
      '90055',
    );
  });

  it('is controllable over HTTP too', async () => {
    const control = (body: unknown) =>
      fetch(`${idp.url}/__sandbox/control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        dispatcher: trustSandbox,
      });
    expect((await control({ fault: { kind: 'http500', times: 1 } })).status).toBe(200);
    expect((await probe()).status).toBe(500);
    expect((await control({ fault: { kind: 'bogus' } })).status).toBe(400);
    expect((await control({ signInAs: 'nobody@nowhere' })).status).toBe(400);
    expect((await control({ clearRequests: true, signInAs: 'printer@contoso.onmicrosoft.com' })).status).toBe(
      200,
    );
    const r = await browse(
      authorizeUrl({
        client_id: idp.apps.confidential.clientId,
        redirect_uri: `http://localhost:${listenerPort}/myapp/`,
      }),
    );
    expect('callbackUrl' in r).toBe(true);
    const log = await fetch(`${idp.url}/__sandbox/requests`, { dispatcher: trustSandbox });
    expect(((await log.json()) as unknown[]).length).toBe(1);
  });
});

describe('request log', () => {
  it('never contains secrets, codes, verifiers or tokens', () => {
    const log = JSON.stringify(idp.requests());
    expect(sensitive.size).toBeGreaterThan(5);
    for (const value of sensitive) expect(log).not.toContain(value);
    for (const entry of idp.requests()) {
      expect(
        Object.keys(entry).every((k) =>
          ['method', 'path', 'tenant', 'grantType', 'clientId', 'prompt', 'status', 'at'].includes(k),
        ),
      ).toBe(true);
    }
  });
});

describe('connect proxy', () => {
  const discovery = 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';

  it('tunnels CONNECT to the sandbox under the production name', async () => {
    const proxy = await startConnectProxy({
      routes: { 'login.microsoftonline.com:443': { host: '127.0.0.1', port: idp.port } },
    });
    const agent = new ProxyAgent({ uri: proxy.url, requestTls: { ca: idp.caPem } });
    try {
      const res = await fetch(discovery, { dispatcher: agent });
      expect(((await res.json()) as { issuer: string }).issuer).toBe(
        'https://login.microsoftonline.com/{tenantid}/v2.0',
      );
      expect(proxy.log()).toContainEqual({
        method: 'CONNECT',
        target: 'login.microsoftonline.com:443',
        routedTo: `127.0.0.1:${idp.port}`,
        status: 200,
      });
      // Plain http forwarding reaches the loopback listener.
      const plain = await fetch(`http://127.0.0.1:${listenerPort}/myapp/`, { dispatcher: agent });
      expect(await plain.text()).toContain('Signed in');
    } finally {
      await agent.close();
      await proxy.close();
    }
  });

  it('answers 407 without credentials and 403 when refusing', async () => {
    const routes = { 'login.microsoftonline.com:443': { host: '127.0.0.1', port: idp.port } };
    const authProxy = await startConnectProxy({ routes, requireAuth: { user: 'alice', pass: 's3cret' } });
    const refusing = await startConnectProxy({ routes, refuse: true });
    const noCreds = new ProxyAgent({ uri: authProxy.url, requestTls: { ca: idp.caPem } });
    const withCreds = new ProxyAgent({
      uri: authProxy.url.replace('http://', 'http://alice:s3cret@'),
      requestTls: { ca: idp.caPem },
    });
    const refused = new ProxyAgent({ uri: refusing.url, requestTls: { ca: idp.caPem } });
    try {
      await expect(fetch(discovery, { dispatcher: noCreds })).rejects.toThrow();
      expect(authProxy.log()).toContainEqual({
        method: 'CONNECT',
        target: 'login.microsoftonline.com:443',
        status: 407,
      });
      expect((await fetch(discovery, { dispatcher: withCreds })).status).toBe(200);
      await expect(fetch(discovery, { dispatcher: refused })).rejects.toThrow();
      expect(refusing.log()).toEqual([
        { method: 'CONNECT', target: 'login.microsoftonline.com:443', status: 403 },
      ]);
    } finally {
      await Promise.all([noCreds.close(), withCreds.close(), refused.close()]);
      await Promise.all([authProxy.close(), refusing.close()]);
    }
  });
  it('lets a spawned process reach production hostnames via HTTPS_PROXY + NODE_EXTRA_CA_CERTS', async () => {
    const proxy = await startConnectProxy({
      routes: { 'login.microsoftonline.com:443': { host: '127.0.0.1', port: idp.port } },
      requireAuth: { user: 'u', pass: 'p' },
    });
    // A Node client in a child process: undici's EnvHttpProxyAgent (credentials in the proxy URL), Node trusting
    // the extra CA (the CLI itself is spawned this way in cli-proxy.test.ts).
    const script = `import { EnvHttpProxyAgent, fetch } from 'undici';
      const r = await fetch('${discovery}', { dispatcher: new EnvHttpProxyAgent() });
      process.stdout.write(JSON.stringify({ status: r.status, issuer: (await r.json()).issuer }));`;
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        cwd: new URL('../..', import.meta.url),
        env: {
          ...process.env,
          HTTPS_PROXY: proxy.url.replace('http://', 'http://u:p@'),
          NODE_EXTRA_CA_CERTS: idp.caFile,
        },
        encoding: 'utf8',
      });
      expect(JSON.parse(stdout)).toEqual({
        status: 200,
        issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      });
      expect(proxy.log()).toEqual([
        {
          method: 'CONNECT',
          target: 'login.microsoftonline.com:443',
          routedTo: `127.0.0.1:${idp.port}`,
          status: 200,
        },
      ]);
    } finally {
      await proxy.close();
    }
  });
});

describe('npm run sandbox (main.ts)', () => {
  it('prints exactly one JSON line and serves until SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/sandbox/main.ts'], {
      cwd: new URL('../..', import.meta.url),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const stdout: string[] = [];
    try {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (l) => stdout.push(l));
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', () => reject(new Error('sandbox exited before printing')));
      });
      const info = JSON.parse(first) as {
        authority: string;
        caFile: string;
        user: string;
        confidential: { clientId: string; clientSecret: string };
        public: { clientId: string };
        requestsUrl: string;
        controlUrl: string;
        smtp: string;
        imap: string;
        pop: string;
      };
      expect(Object.keys(info)).toEqual([
        'authority',
        'caFile',
        'user',
        'confidential',
        'public',
        'requestsUrl',
        'controlUrl',
        'smtp',
        'imap',
        'pop',
      ]);
      for (const endpoint of [info.smtp, info.imap, info.pop]) expect(endpoint).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(info.authority).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/common$/);
      expect(info.user).toBe('admin@contoso.onmicrosoft.com');
      expect(info.confidential.clientSecret).toMatch(/^.{3}8Q~.{34}$/);
      expect(existsSync(info.caFile)).toBe(true);
      const agent = new Agent({ connect: { ca: readFileSync(info.caFile, 'utf8') } });
      try {
        const res = await fetch(info.requestsUrl, { dispatcher: agent });
        expect(await res.json()).toEqual([]);
      } finally {
        await agent.close();
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout).toHaveLength(1);
  });
});
