import { writeFile, readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Agent, fetch } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpsNetworkClient } from '../../../electron/core/transport/node-https-transport.js';
import { sandboxNetworkClient, startSandboxRoute } from '../../helpers/sandbox-network.js';
import { playBrowser } from '../../fixtures/browser.js';
import { routeToSandbox } from '../../fixtures/route-to-sandbox.js';
import { getPrivateProfileString } from '../../fixtures/windows-profile-reader.js';
import { createSandboxIdp } from '../../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../../fixtures/sandbox/idp.js';
import { fakeClock } from '../../helpers/fake-clock.js';
import { acquire, bytesOf, sandboxProfile, tempDir } from '../../helpers/acquisition.js';

let idp: SandboxIdp;
let dir: string;
let cleanup: () => Promise<void>;
const EXISTING = Buffer.from(
  '[OAUTH2]\r\nUserID=old@contoso.com\r\nRefreshToken=OLD-TOKEN\r\n[Printer]\r\nModel=MFP-9000 ; keep me\r\n',
);

beforeAll(async () => {
  idp = await createSandboxIdp();
});
afterAll(async () => {
  await idp.close();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  idp.clearRequests();
  idp.setFault(null);
  idp.declineConsent(false);
  idp.signInAs(null);
});
afterEach(async () => {
  await cleanup();
});

function file(name = 'smail_refresh_token.ini'): string {
  return path.join(dir, name);
}

describe('an acquisition against Entra (the sandbox, reached at its production hostname)', () => {
  it('writes the SMAIL INI with a working refresh token, sending one request to the identity provider', async () => {
    const out = file();
    const profile = sandboxProfile(idp, out, { protocols: ['smtp', 'imap'] });
    const run = await acquire(idp, profile);
    expect(run.result.ok, JSON.stringify(run.result)).toBe(true);
    expect(run.events.map((e) => e.type).filter((t, i, all) => t !== all[i - 1])).toEqual([
      'listening',
      'waiting',
      'exchanging',
      'written',
    ]);

    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    const read = (key: string) => getPrivateProfileString(bytes, 'OAUTH2', key);
    expect(read('UserID')).toBe(idp.users.admin.upn);
    expect(read('ClientID')).toBe(idp.apps.confidential.clientId);
    expect(read('ClientSecret')).toBe(idp.defaults.secrets.valid.value);
    expect(read('TokenURI')).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token');
    expect(read('OuthURI')).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/authorize');
    expect(read('OAUTH2_TIME_OUT')).toBe('30');
    expect(read('Provider')).toBe('1');
    expect(getPrivateProfileString(bytes, 'RefreshTokenWizard', 'Scopes')).toBe(
      'https://outlook.office.com/SMTP.Send https://outlook.office.com/IMAP.AccessAsUser.All offline_access',
    );
    expect(((await stat(out)).mode & 0o777).toString(8)).toBe('600');

    // Besides the browser's authorize page, exactly one request: the token POST (MSAL knows Microsoft's hosts).
    const requests = idp.requests().filter((r) => !r.path.endsWith('/authorize'));
    expect(requests.map((r) => `${r.method} ${r.path} ${r.grantType ?? ''}`)).toEqual([
      'POST /common/oauth2/v2.0/token authorization_code',
    ]);
    expect(run.network.requestCount).toBe(1);

    // The token in the file is the one Entra issued: it redeems, the way a legacy sender will use it.
    const refreshToken = read('RefreshToken') ?? '';
    const redeemed = await fetch('https://login.microsoftonline.com/common/oauth2/v2.0/token', {
      method: 'POST',
      dispatcher: routeToSandbox(idp),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: read('ClientID') ?? '',
        client_secret: read('ClientSecret') ?? '',
        scope: 'https://outlook.office.com/SMTP.Send offline_access',
      }).toString(),
    });
    expect(redeemed.status).toBe(200);

    // Secrets never leave in events; the browser page says done without the code.
    const browser = run.browser;
    expect(browser !== undefined && 'html' in browser).toBe(true);
    if (browser === undefined || !('html' in browser)) return;
    const code = new URL(browser.callbackUrl).searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    const published = JSON.stringify(run.events) + JSON.stringify(run.result);
    for (const secret of [refreshToken, code, idp.defaults.secrets.valid.value])
      expect(published).not.toContain(secret);
    expect(browser.finalUrl).not.toContain(code);
    expect(browser.html).toContain('Sign-in complete');
  });

  it('updates an existing file, keeping its other keys and a backup of the previous version', async () => {
    const out = file();
    await writeFile(out, EXISTING);
    const run = await acquire(idp, sandboxProfile(idp, out));
    expect(run.result.ok).toBe(true);
    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    expect(getPrivateProfileString(bytes, 'Printer', 'Model')).toBe('MFP-9000 ; keep me');
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken')).not.toBe('OLD-TOKEN');
    expect(await bytesOf(`${out}.bak`)).toEqual(EXISTING);
  });

  const failures: Array<[string, Parameters<typeof sandboxProfile>[2], string]> = [
    [
      'a wrong secret (the secret ID pasted as a Value would be caught earlier; this is a wrong Value)',
      { clientSecret: 'Xyz8Q~wrongwrongwrongwrongwrongwrongwrong' },
      'AADSTS7000215',
    ],
    ['an expired secret', { clientSecret: '__expired__' }, 'AADSTS7000222'],
    ['no secret for a Web redirect', { clientSecret: undefined, publicClient: true }, 'AADSTS7000218'],
  ];
  for (const [what, overrides, id] of failures) {
    it(`explains ${what} as ${id} and leaves the existing file untouched`, async () => {
      const out = file();
      await writeFile(out, EXISTING);
      const resolved =
        overrides?.clientSecret === '__expired__'
          ? { ...overrides, clientSecret: idp.defaults.secrets.expired.value }
          : overrides;
      const run = await acquire(idp, sandboxProfile(idp, out, resolved));
      expect(run.result.ok).toBe(false);
      if (run.result.ok) return;
      expect(run.result.code).toBe('aadsts');
      expect(run.result.explanation.id).toBe(id);
      expect(run.events.at(-1)).toMatchObject({ type: 'failed', code: 'aadsts' });
      expect(await bytesOf(out)).toEqual(EXISTING);
      expect(await readdir(dir)).toEqual(['smail_refresh_token.ini']);
      // The browser tab shows the same explanation.
      const browser = run.browser;
      expect(
        browser !== undefined &&
          'html' in browser &&
          browser.html.includes(run.result.explanation.title.en.replace(/&/g, '&#38;')),
      ).toBe(true);
    });
  }

  /** A "Mobile and desktop" registration with the product's redirect URI, as the public-client guide registers it. */
  function publicApp(): string {
    return idp.registry.addApp({
      displayName: 'SMAIL public client',
      tenantId: 'personal+multi',
      secrets: [],
      redirectUris: [{ uri: 'http://localhost:8001/myapp/', type: 'public' }],
      allowPublicClient: true,
    }).clientId;
  }

  it('explains a public client that sends a secret (AADSTS700025)', async () => {
    const run = await acquire(idp, sandboxProfile(idp, file(), { clientId: publicApp() }));
    expect(run.result.ok || run.result.explanation.id).toBe('AADSTS700025');
  });

  it('works for a public client without a secret and writes an empty ClientSecret', async () => {
    const out = file();
    const run = await acquire(
      idp,
      sandboxProfile(idp, out, { clientId: publicApp(), clientSecret: undefined, publicClient: true }),
    );
    expect(run.result.ok, JSON.stringify(run.result)).toBe(true);
    expect(getPrivateProfileString((await bytesOf(out)) ?? Buffer.alloc(0), 'OAUTH2', 'ClientSecret')).toBe(
      '',
    );
  });

  it('explains declined consent and shows it in the browser', async () => {
    idp.declineConsent(true);
    const run = await acquire(idp, sandboxProfile(idp, file()));
    expect(run.result.ok).toBe(false);
    if (run.result.ok) return;
    expect(run.result.code).toBe('authorization-denied');
    expect(run.result.explanation.id).toBe('AADSTS65004');
    expect(await bytesOf(file())).toBeUndefined();
  });

  it('is cancelled cleanly while the IdP shows an error page (unknown client, redirect mismatch)', async () => {
    for (const [overrides, code] of [
      [{ clientId: '00000000-1111-2222-3333-444444444444' }, 'AADSTS700016'],
      [{ redirectPath: '/other/' }, 'AADSTS50011'],
    ] as const) {
      const controller = new AbortController();
      const run = await acquire(idp, sandboxProfile(idp, file(), overrides), {
        signal: controller.signal,
        browser: async (url) => {
          const outcome = await playBrowser(url, { dispatcher: routeToSandbox(idp) });
          controller.abort();
          return outcome;
        },
      });
      expect(
        run.browser !== undefined && 'idpErrorPage' in run.browser && run.browser.idpErrorPage,
      ).toContain(code);
      expect(run.result.ok || run.result.code).toBe('cancelled');
      expect(run.events.at(-1)).toEqual({ type: 'cancelled' });
    }
  });

  it('times out when nobody signs in, and releases the port', async () => {
    const profile = { ...sandboxProfile(idp, file()), timeoutSeconds: 300 };
    const clock = fakeClock();
    const running = acquire(idp, profile, { browser: () => Promise.resolve(undefined), clock });
    // Waiting for the browser: the time-out's sleep and the countdown's tick. Five minutes pass at once.
    await clock.waitForSleepers(2);
    await clock.advance(300_000);
    const run = await running;
    expect(run.result.ok || run.result.code).toBe('timeout');
    const listening = run.events.find((e) => e.type === 'listening');
    const port = listening?.type === 'listening' ? listening.port : 0;
    await expect(canBind(port)).resolves.toBe(true);
  });

  it('reports a busy redirect port by number, with a free one to use instead', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await acquire(idp, sandboxProfile(idp, file(), { redirectPort: port }));
      expect(run.result.ok || run.result.code).toBe('port-busy');
      if (run.result.ok) return;
      expect(run.result.explanation.title.en + run.result.explanation.why.en).toContain(String(port));
    } finally {
      blocker.close();
    }
  });

  const faults = [
    [{ kind: 'http500' }, 'idp-http'],
    [{ kind: 'http429', retryAfterSeconds: 7 }, 'idp-http'],
    [{ kind: 'malformed-json' }, 'idp-bad-response'],
    [{ kind: 'reset' }, 'idp-unreachable'],
  ] as const;
  for (const [fault, code] of faults) {
    it(`turns an identity provider fault (${fault.kind}) into ${code}, leaving the file untouched`, async () => {
      const out = file();
      await writeFile(out, EXISTING);
      idp.setFault(fault);
      const run = await acquire(idp, sandboxProfile(idp, out));
      expect(run.result.ok || run.result.code).toBe(code);
      if (!run.result.ok && fault.kind === 'http429')
        expect(JSON.stringify(run.result.error)).toContain('"retryAfter":"7"');
      expect(await bytesOf(out)).toEqual(EXISTING);
    });
  }

  it('gives up on an identity provider slower than the network timeout', async () => {
    idp.setFault({ kind: 'delay', ms: 3000 });
    const route = await startSandboxRoute(idp);
    try {
      const network = sandboxNetworkClient(route, { timeoutMs: 500 });
      const run = await acquire(idp, sandboxProfile(idp, file()), { network });
      expect(run.result.ok || run.result.code).toBe('idp-timeout');
    } finally {
      await route.close();
    }
  });

  it('refuses an identity provider whose certificate it does not trust', async () => {
    // The sandbox's own address, without trusting its CA: what a TLS-inspecting proxy looks like.
    const network = createHttpsNetworkClient({ env: {} });
    const run = await acquire(idp, sandboxProfile(idp, file(), { authority: idp.authority('common') }), {
      network,
    });
    expect(run.result.ok || run.result.code).toBe('idp-tls');
  });

  it('reports an identity provider that is down', async () => {
    const run = await acquire(idp, sandboxProfile(idp, file(), { authority: 'https://127.0.0.1:9/common' }));
    expect(run.result.ok || run.result.code).toBe('idp-unreachable');
  });

  it('works with a private authority (the sandbox at its own address) via discovery', async () => {
    // The product's own proxy-aware client with the CA added, as the CLI runs with NODE_EXTRA_CA_CERTS.
    const network = createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {} });
    const run = await acquire(
      idp,
      sandboxProfile(idp, file(), { authority: idp.authority('organizations') }),
      {
        network,
        dispatcher: new Agent({ connect: { ca: idp.caPem } }),
      },
    );
    expect(run.result.ok, JSON.stringify(run.result)).toBe(true);
  });
});

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
