/**
 * The refresh_token grant's request and the reading of its answer, with the product's network client over a
 * scripted transport (answers the sandbox IdP never gives: broken ones). The sandbox round trip is covered by
 * test/core/upkeep/refresh.int.test.ts and the CLI tests.
 */
import { describe, expect, it } from 'vitest';
import { RtwError } from '../../../electron/core/errors.js';
import { createNetworkClient } from '../../../electron/core/transport/network-client.js';
import type { RawResponse } from '../../../electron/core/transport/network-client.js';
import { redeemRefreshGrant } from '../../../electron/core/oauth/refresh-grant.js';
import { recognizeUri } from '../../../electron/core/providers/index.js';
import type { RecordedAuthority } from '../../../electron/core/providers/index.js';
import { tokenEndpointOfAuthority as tokenEndpointOf } from '../../../electron/core/providers/microsoft/index.js';

function authorityOf(uri: string): RecordedAuthority {
  const recorded = recognizeUri(uri);
  if (recorded === undefined) throw new Error(`not an authority: ${uri}`);
  return recorded;
}

const SMTP = 'https://outlook.office.com/SMTP.Send';
const REQUEST = {
  clientId: '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
  clientSecret: 'SECRET~value',
  authority: authorityOf('https://login.microsoftonline.com/contoso.onmicrosoft.com'),
  refreshToken: '1.AAA-old-refresh',
  scopes: [SMTP],
};

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  form: URLSearchParams;
}

function scripted(answer: { status: number; body: unknown }): {
  network: ReturnType<typeof createNetworkClient>;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const network = createNetworkClient(
    (url, init): Promise<RawResponse> => {
      sent.push({ url, method: init.method, headers: init.headers, form: new URLSearchParams(init.body) });
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      return Promise.resolve({ status: answer.status, headers: {}, text });
    },
    {
      timeoutMs: 5000,
      classify: (error, host) => new RtwError('idp-unreachable', { host, reason: String(error) }),
    },
  );
  return { network, sent };
}

function jwt(claims: object): string {
  return `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
}

const NOW = new Date('2026-11-23T00:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** An ID token as Entra issues it for this refresh. */
const ID_CLAIMS = {
  iss: `https://login.microsoftonline.com/${TID}/v2.0`,
  aud: REQUEST.clientId,
  tid: TID,
  iat: NOW_S - 10,
  nbf: NOW_S - 10,
  exp: NOW_S + 3600,
  preferred_username: 'delegate@contoso.com',
};

describe('redeemRefreshGrant', () => {
  it('sends one POST of the grant to the tenant token endpoint, with offline_access so Entra rotates the token', async () => {
    const { network, sent } = scripted({
      status: 200,
      body: {
        access_token: 'AT',
        token_type: 'Bearer',
        refresh_token: 'RT-new',
        expires_in: 3599,
        scope: SMTP,
      },
    });
    const result = await redeemRefreshGrant(network, REQUEST, () => new Date('2026-11-23T00:00:00Z'));
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.url).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token');
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      client_id: REQUEST.clientId,
      client_secret: REQUEST.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: REQUEST.refreshToken,
      scope: `${SMTP} openid profile offline_access`,
    });
    expect(result).toEqual({
      accessToken: 'AT',
      refreshToken: 'RT-new',
      expiresOn: new Date('2026-11-23T00:59:59Z'),
      scopes: [SMTP],
    });
  });

  it('sends no client_secret for a public client (a secret there is AADSTS700025)', async () => {
    const { network, sent } = scripted({
      status: 200,
      body: { access_token: 'AT', token_type: 'Bearer', refresh_token: 'RT' },
    });
    await redeemRefreshGrant(network, { ...REQUEST, clientSecret: undefined });
    expect(sent[0]?.form.has('client_secret')).toBe(false);
  });

  it('reads the signed-in account from the ID token, and the requested scopes when Entra names none', async () => {
    const { network } = scripted({
      status: 200,
      body: { access_token: 'AT', token_type: 'Bearer', id_token: jwt(ID_CLAIMS) },
    });
    const result = await redeemRefreshGrant(network, REQUEST, () => NOW);
    expect(result.username).toBe('delegate@contoso.com');
    expect(result.scopes).toEqual([SMTP]);
    expect(result.refreshToken).toBeUndefined();
  });

  it("turns Entra's error answer into aadsts with its number, OAuth error and support IDs", async () => {
    const { network } = scripted({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description:
          'AADSTS700082: The refresh token has expired due to inactivity. Trace ID: 0b1c2d3e-0000-4000-8000-000000000001 Correlation ID: 0b1c2d3e-0000-4000-8000-000000000002 Timestamp: 2026-11-23 00:00:00Z',
        error_codes: [700082],
        trace_id: '0b1c2d3e-0000-4000-8000-000000000001',
        correlation_id: '0b1c2d3e-0000-4000-8000-000000000002',
      },
    });
    const error: unknown = await redeemRefreshGrant(network, REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RtwError);
    expect(error).toMatchObject({
      code: 'aadsts',
      params: {
        aadsts: 700082,
        error: 'invalid_grant',
        description: 'The refresh token has expired due to inactivity.',
        traceId: '0b1c2d3e-0000-4000-8000-000000000001',
        correlationId: '0b1c2d3e-0000-4000-8000-000000000002',
      },
    });
  });

  it('an OAuth error without an AADSTS number is oauth-error', async () => {
    const { network } = scripted({ status: 400, body: { error: 'invalid_scope' } });
    await expect(redeemRefreshGrant(network, REQUEST)).rejects.toMatchObject({
      code: 'oauth-error',
      params: { error: 'invalid_scope' },
    });
  });

  it.each([
    ['no access token', { token_type: 'Bearer', refresh_token: 'RT' }],
    ['an empty access token', { access_token: '', token_type: 'Bearer', refresh_token: 'RT' }],
    ['a refresh token that is not a string', { access_token: 'AT', token_type: 'Bearer', refresh_token: 42 }],
    ['an empty refresh token', { access_token: 'AT', token_type: 'Bearer', refresh_token: '' }],
  ])('a 200 answer with %s is a broken answer, not a success', async (_name, body) => {
    const { network } = scripted({ status: 200, body });
    await expect(redeemRefreshGrant(network, REQUEST)).rejects.toMatchObject({
      code: 'idp-bad-response',
      params: { host: 'login.microsoftonline.com', status: 200 },
    });
  });

  it.each([
    ['https://login.windows.net/contoso.com', 'https://login.microsoftonline.com/contoso.com'],
    ['https://sts.windows.net/contoso.com', 'https://login.microsoftonline.com/contoso.com'],
    ['https://login.microsoft.com/common/', 'https://login.microsoftonline.com/common'],
    [
      'https://login.chinacloudapi.cn/organizations',
      'https://login.partner.microsoftonline.cn/organizations',
    ],
    ['https://login.usgovcloudapi.net/contoso.us', 'https://login.microsoftonline.us/contoso.us'],
  ])(
    "sends a Microsoft alias host's grant to its cloud's login host, as MSAL does: %s",
    (authority, base) => {
      expect(tokenEndpointOf(authority)).toBe(`${base}/oauth2/v2.0/token`);
    },
  );

  it('an empty secret is no secret (a public client)', async () => {
    const { network, sent } = scripted({
      status: 200,
      body: { access_token: 'AT', token_type: 'Bearer', refresh_token: 'RT' },
    });
    await redeemRefreshGrant(network, { ...REQUEST, clientSecret: '' });
    expect(sent[0]?.form.has('client_secret')).toBe(false);
  });

  it('builds the endpoint of any authority, as TokenURI records it', () => {
    expect(tokenEndpointOf('https://login.microsoftonline.us/organizations/')).toBe(
      'https://login.microsoftonline.us/organizations/oauth2/v2.0/token',
    );
    expect(tokenEndpointOf('https://127.0.0.1:8443/common')).toBe(
      'https://127.0.0.1:8443/common/oauth2/v2.0/token',
    );
  });

  // Issue #15, item 13: the answer is read as oauth4webapi reads one.
  it.each([
    ['a mac token', 'mac'],
    ['no token type', undefined],
    ['a token type that is not a string', 1],
  ])('a 200 answer with %s is a broken answer: only a bearer token can be used', async (_name, tokenType) => {
    const { network } = scripted({ status: 200, body: { access_token: 'AT', token_type: tokenType } });
    await expect(redeemRefreshGrant(network, REQUEST)).rejects.toMatchObject({ code: 'idp-bad-response' });
  });

  it('the token type is case-insensitive (RFC 6749 §5.1)', async () => {
    const { network } = scripted({ status: 200, body: { access_token: 'AT', token_type: 'bEaReR' } });
    await expect(redeemRefreshGrant(network, REQUEST)).resolves.toMatchObject({ accessToken: 'AT' });
  });

  it.each([
    ['iss', { iss: `https://attacker.example/${TID}/v2.0` }],
    ['iss', { iss: `https://login.microsoftonline.com/${TID}/` }],
    ['aud', { aud: 'another-client' }],
    ['azp', { aud: [REQUEST.clientId, 'another-client'] }],
    ['tid', { tid: undefined }],
    ['exp', { exp: NOW_S - 3600 }],
    ['exp', { exp: undefined }],
    ['iat', { iat: undefined }],
    ['nbf', { nbf: NOW_S + 3600 }],
    ['format', 'not-a-jwt'],
  ])(
    'an ID token whose %s does not fit the sign-in is refused, not trusted to name the account',
    async (claim, change) => {
      const idToken = typeof change === 'string' ? change : jwt({ ...ID_CLAIMS, ...change });
      const { network } = scripted({
        status: 200,
        body: { access_token: 'AT', token_type: 'Bearer', refresh_token: 'RT', id_token: idToken },
      });
      await expect(redeemRefreshGrant(network, REQUEST, () => NOW)).rejects.toMatchObject({
        code: 'id-token-invalid',
        params: { host: 'login.microsoftonline.com', claim },
      });
    },
  );

  it("a tenant ID in the authority must be the ID token's tid", async () => {
    const other = '0b1c2d3e-0000-4000-8000-000000000009';
    const { network } = scripted({
      status: 200,
      body: {
        access_token: 'AT',
        token_type: 'Bearer',
        id_token: jwt({ ...ID_CLAIMS, tid: other, iss: `https://login.microsoftonline.com/${other}/v2.0` }),
      },
    });
    const request = { ...REQUEST, authority: authorityOf(`https://login.microsoftonline.com/${TID}`) };
    await expect(redeemRefreshGrant(network, request, () => NOW)).rejects.toMatchObject({
      code: 'id-token-invalid',
      params: { claim: 'tid' },
    });
    // The same token for the tenant it names is fine, and a clock a few minutes off is tolerated.
    const { network: ok } = scripted({
      status: 200,
      body: { access_token: 'AT', token_type: 'Bearer', id_token: jwt({ ...ID_CLAIMS, exp: NOW_S - 60 }) },
    });
    await expect(redeemRefreshGrant(ok, request, () => NOW)).resolves.toMatchObject({
      username: 'delegate@contoso.com',
    });
  });
});

describe('redeemRefreshGrant for Google', () => {
  const GOOGLE = {
    clientId: '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com',
    clientSecret: 'GOCSPX-abcdefghijklmnopqrstuvwxyz12',
    authority: authorityOf('https://oauth2.googleapis.com/token'),
    refreshToken: '1//0old',
    scopes: ['https://mail.google.com/'],
  };

  it('sends the grant as Google’s guide writes it: the secret, no scope (every scope the grant holds comes back)', async () => {
    const { network, sent } = scripted({
      status: 200,
      body: { access_token: 'ya29.x', expires_in: 3599, scope: 'openid', token_type: 'Bearer' },
    });
    const result = await redeemRefreshGrant(network, GOOGLE);
    expect(sent[0]?.url).toBe('https://oauth2.googleapis.com/token');
    expect(Object.fromEntries(sent[0]?.form ?? [])).toEqual({
      client_id: GOOGLE.clientId,
      client_secret: GOOGLE.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: GOOGLE.refreshToken,
    });
    // The scopes Google granted, not the ones the file expected: a missing Gmail scope shows.
    expect(result.scopes).toEqual(['openid']);
    expect(result.refreshToken).toBeUndefined();
  });
});
