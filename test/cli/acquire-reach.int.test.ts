/**
 * Reach of `rtw acquire`: a public client (no secret), personal and work accounts with every kind of tenant (the
 * combinations that cannot work stopped before sign-in), and a delegate signing in for a shared mailbox. In
 * process against the sandbox; the "browser" follows the printed sign-in URL.
 */
import path from 'node:path';
import { Agent, fetch } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { playBrowser } from '../fixtures/browser.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { AppRegistration, SandboxIdp } from '../fixtures/sandbox/idp.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { bytesOf, tempDir } from '../helpers/acquisition.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

let idp: SandboxIdp;
let trustSandbox: Agent;
let desktopApp: AppRegistration;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp();
  trustSandbox = new Agent({ connect: { ca: idp.caPem } });
  // A "Mobile and desktop applications" registration of the product's redirect URI: a public client.
  desktopApp = idp.registry.addApp({
    displayName: 'Printer relay (public)',
    tenantId: 'personal+multi',
    redirectUris: [{ uri: 'http://localhost:8001/myapp/', type: 'public' }],
  });
});
afterAll(async () => {
  await idp.close();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  idp.clearRequests();
  idp.signInAs(null);
});
afterEach(async () => {
  await cleanup();
});

interface Acquire {
  tenant?: string;
  user?: string;
  clientId?: string;
  extra?: string[];
  secret?: string | undefined;
}

/** Runs `rtw acquire` (human output, English) and plays the browser when it prints the sign-in URL. */
async function acquire(out: string, options: Acquire = {}) {
  const args = [
    'acquire',
    '--authority',
    idp.authority(options.tenant ?? 'common'),
    '--client-id',
    options.clientId ?? idp.apps.confidential.clientId,
    '--user',
    options.user ?? idp.users.admin.upn,
    '--out',
    out,
    '--port',
    '0',
    '--no-browser',
    '--lang',
    'en',
    ...(options.extra ?? []),
  ];
  const secret = 'secret' in options ? options.secret : idp.defaults.secrets.valid.value;
  let browsed = false;
  const browse = (url: string | undefined): void => {
    if (url !== undefined) void playBrowser(url, { dispatcher: trustSandbox });
  };
  return runCliInProcess(args, {
    env: { NODE_EXTRA_CA_CERTS: idp.caFile, ...(secret === undefined ? {} : { RTW_CLIENT_SECRET: secret }) },
    // Human output prints the URL on stderr; JSON output announces it once in the first `waiting` event.
    onStderr: (line) => browse(/^\s+(https:\/\/\S+authorize\S+)$/.exec(line)?.[1]),
    onEvent: (event) => {
      if (event.event === 'waiting' && !browsed) {
        browsed = true;
        browse(String(event.authorizeUrl));
      }
    },
  });
}

async function ini(file: string, section = 'OAUTH2'): Promise<(key: string) => string | undefined> {
  const bytes = (await bytesOf(file)) ?? Buffer.alloc(0);
  return (key) => getPrivateProfileString(bytes, section, key);
}

describe('a public client (no secret)', () => {
  it('signs in with a “Mobile and desktop” registration, writes an empty ClientSecret and says what that means', async () => {
    const out = path.join(dir, 'public.ini');
    const run = await acquire(out, {
      clientId: desktopApp.clientId,
      extra: ['--public-client'],
      secret: undefined,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Public client (no secret): nothing here can expire');
    expect(run.stderr).toContain('“Mobile and desktop applications”');
    expect(run.stderr).toContain('AADSTS700025');
    const read = await ini(out);
    expect(read('ClientSecret')).toBe('');
    expect(read('ClientID')).toBe(desktopApp.clientId);

    // What a sender does with the file: refresh without a secret works; with one it fails with AADSTS700025.
    const refresh = async (secret?: string) =>
      (await (
        await fetch(`${idp.authority('common')}/oauth2/v2.0/token`, {
          method: 'POST',
          dispatcher: trustSandbox,
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            client_id: desktopApp.clientId,
            refresh_token: read('RefreshToken') ?? '',
            ...(secret === undefined ? {} : { client_secret: secret }),
          }),
        })
      ).json()) as { access_token?: string; error_codes?: number[] };
    expect((await refresh()).access_token).toBeDefined();
    expect((await refresh('Abc8Q~aSecretTheSenderAddsAnyway')).error_codes).toEqual([700025]);
  });

  it('JSON output marks the written file as public-client, with the note', async () => {
    const out = path.join(dir, 'public-json.ini');
    const run = await acquire(out, {
      clientId: desktopApp.clientId,
      extra: ['--public-client', '--json'],
      secret: undefined,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.events.at(-1)).toMatchObject({ event: 'written', publicClient: true });
    expect(String(run.events.at(-1)?.note)).toContain('ClientSecret');
  });
});

describe('account types and tenants', () => {
  it('a personal Outlook.com account signs in through consumers', async () => {
    // MSAL drops login_hint with prompt=select_account: the person picks the account on the page.
    idp.signInAs(idp.users.personal.upn);
    const out = path.join(dir, 'personal.ini');
    const run = await acquire(out, { tenant: 'consumers', user: idp.users.personal.upn });
    expect(run.code, run.stderr).toBe(0);
    const read = await ini(out);
    expect(read('UserID')).toBe('someone@outlook.com');
    expect(read('TokenURI')).toBe(`${idp.authority('consumers')}/oauth2/v2.0/token`);
    expect((await ini(out, 'RefreshTokenWizard'))('SignedInAs')).toBe('someone@outlook.com');
  });

  it.each([
    ['its tenant ID', () => idp.defaults.tenants.work.id],
    ['its verified domain', () => 'contoso.onmicrosoft.com'],
    ['organizations', () => 'organizations'],
  ])('a work account signs in with %s', async (_name, tenant) => {
    idp.signInAs(idp.users.printer.upn);
    const out = path.join(dir, 'work.ini');
    const run = await acquire(out, { tenant: tenant(), user: idp.users.printer.upn });
    expect(run.code, run.stderr).toBe(0);
    expect((await ini(out))('OuthURI')).toBe(`${idp.authority(tenant())}/oauth2/v2.0/authorize`);
  });

  it.each([
    ['a personal mailbox with organizations', 'organizations', 'someone@outlook.com', 'only work or school'],
    ['a personal mailbox with a work tenant', 'contoso.onmicrosoft.com', 'someone@hotmail.com', 'personal'],
    ['a work mailbox with consumers', 'consumers', 'printer@contoso.onmicrosoft.com', 'only personal'],
  ])(
    '%s is stopped before sign-in (exit 2), no port opened, nothing sent',
    async (_n, tenant, user, says) => {
      const run = await acquire(path.join(dir, 'never.ini'), { tenant, user, extra: ['--json'] });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('This combination cannot sign in');
      expect(run.stderr).toContain(says);
      expect(run.events.map((e) => e.event)).toEqual(['invalid']);
      expect(run.events[0]).toMatchObject({ field: 'tenant' });
      expect(idp.requests()).toEqual([]);
    },
  );

  it('a personal mailbox outside the global cloud is stopped too', async () => {
    const run = await runCliInProcess(
      [
        'acquire',
        '--cloud',
        'usgov',
        '--client-id',
        idp.apps.confidential.clientId,
        '--user',
        'someone@outlook.com',
        '--lang',
        'en',
      ],
      { env: { RTW_CLIENT_SECRET: idp.defaults.secrets.valid.value } },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--cloud:');
    expect(run.stderr).toContain('global cloud');
  });
});

describe('shared mailboxes', () => {
  it('a delegate signs in for the shared mailbox: the file names the mailbox, the CLI explains the difference', async () => {
    idp.signInAs(idp.users.printer.upn);
    const out = path.join(dir, 'shared.ini');
    const shared = 'frontdesk@contoso.onmicrosoft.com';
    const run = await acquire(out, { user: shared });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Note: you signed in as ${idp.users.printer.upn}, not ${shared}.`);
    expect(run.stderr).toContain('Full Access');
    expect((await ini(out))('UserID')).toBe(shared);
    expect((await ini(out, 'RefreshTokenWizard'))('SignedInAs')).toBe(idp.users.printer.upn);
  });
});
