import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMailboxRegistry, reissueAll } from '../../../electron/core/upkeep/mailbox-registry.js';
import type {
  Encryptor,
  MailboxEntry,
  ReissueStepResult,
} from '../../../electron/core/upkeep/mailbox-registry.js';
import { explainError } from '../../../electron/core/diagnose/index.js';
import { RtwError } from '../../../electron/core/errors.js';
import { tempDir } from '../../helpers/acquisition.js';

const APP = '3b1c2d3e-1111-4222-8333-444455556666';
const OTHER_APP = '9a8b7c6d-1111-4222-8333-444455556666';
const SECRET = 'Qrs8Q~aVeryLongSecretValue0123456789';
const CONTOSO_TOKEN = 'https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token';
const FABRIKAM_TOKEN = 'https://login.microsoftonline.com/fabrikam.com/oauth2/v2.0/token';

/** A token file of APP at a tenant, as the wizard writes it. */
async function tokenFileAt(name: string, tenant: string): Promise<string> {
  const file = path.join(dir, name);
  const base = `https://login.microsoftonline.com/${tenant}/oauth2/v2.0`;
  const lines = ['[OAUTH2]', 'UserID=a@contoso.com', `ClientID=${APP}`, `ClientSecret=${SECRET}`];
  lines.push(
    'RefreshToken=1.AXtoken',
    `TokenURI=${base}/token`,
    `OuthURI=${base}/authorize`,
    'Provider=1',
    '',
  );
  await writeFile(file, lines.join('\r\n'));
  return file;
}

/** Stands in for Electron's safeStorage: real encryption (AES-GCM) under a key only this test holds. */
function fakeSafeStorage(available = true): Encryptor & { available: boolean } {
  const key = randomBytes(32);
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

const registryDir = (): string => path.join(dir, 'user-data', 'registry');

/** The secret in any form someone might search the file for. */
function secretForms(secret: string): string[] {
  const b = Buffer.from(secret, 'utf8');
  return [secret, b.toString('base64'), b.toString('hex'), JSON.stringify(secret).slice(1, -1)];
}

describe('mailbox registry', () => {
  it('lists mailboxes in an owner-only JSON file; upsert keeps addedAt; refreshes are recorded', async () => {
    let t = 0;
    const registry = openMailboxRegistry({
      dir: registryDir(),
      now: () => new Date(Date.UTC(2025, 0, 1 + t++)),
    });
    const a = await registry.upsert({
      path: path.join(dir, 'a.ini'),
      mailbox: 'a@contoso.com',
      tenant: 'contoso.com',
      clientId: APP,
    });
    await registry.upsert({
      path: path.join(dir, 'b.ini'),
      mailbox: 'b@contoso.com',
      tenant: 'contoso.com',
      clientId: OTHER_APP,
    });
    const again = await registry.upsert({ ...a, mailbox: 'a2@contoso.com' });
    expect(again.addedAt).toBe(a.addedAt);
    await registry.recordRefresh({
      status: 'refreshed',
      file: path.join(dir, 'a.ini'),
      mailbox: 'a2@contoso.com',
      refreshedAt: '2025-02-01T00:00:00.000Z',
      refreshTokenMasked: '1.AX…(100)',
      previousFingerprint: '000000000000',
      fingerprint: '111111111111',
      waitedMs: 0,
    });
    const list = await registry.list();
    expect(list.map((m) => [m.mailbox, m.lastStatus, m.lastRefreshedAt])).toEqual([
      ['b@contoso.com', undefined, undefined],
      ['a2@contoso.com', 'refreshed', '2025-02-01T00:00:00.000Z'],
    ]);
    if (process.platform !== 'win32') {
      expect((await stat(registry.file)).mode & 0o777).toBe(0o600);
      expect((await stat(registryDir())).mode & 0o777).toBe(0o700);
    }
    expect(await registry.remove(path.join(dir, 'b.ini'))).toBe(true);
    expect(await registry.remove(path.join(dir, 'b.ini'))).toBe(false);
  });

  it('remembers a secret only encrypted: the file never holds it in any readable form', async () => {
    const storage = fakeSafeStorage();
    const registry = openMailboxRegistry({ dir: registryDir(), encryptor: storage });
    await registry.upsert({
      path: path.join(dir, 'a.ini'),
      mailbox: 'a@contoso.com',
      tenant: 'contoso.com',
      clientId: APP,
    });
    expect(await registry.hasSecret(APP)).toBe(false);
    expect(await registry.rememberSecret(APP, CONTOSO_TOKEN, SECRET)).toEqual({ ok: true });
    const text = await readFile(registry.file, 'utf8');
    for (const form of secretForms(SECRET)) expect(text).not.toContain(form);
    expect(await registry.hasSecret(APP.toUpperCase())).toBe(true);
    expect(await registry.recallSecret(APP, CONTOSO_TOKEN)).toBe(SECRET);
    // Encrypted for another user or machine (a copied profile): treated as not remembered.
    const elsewhere = openMailboxRegistry({ dir: registryDir(), encryptor: fakeSafeStorage() });
    expect(await elsewhere.recallSecret(APP, CONTOSO_TOKEN)).toBeUndefined();
    await registry.forgetSecret(APP);
    expect(await registry.hasSecret(APP)).toBe(false);
  });

  it('keys a remembered secret by client ID and token endpoint: another tenant, cloud or host recalls nothing', async () => {
    const registry = openMailboxRegistry({ dir: registryDir(), encryptor: fakeSafeStorage() });
    await registry.rememberSecret(APP, CONTOSO_TOKEN, SECRET);
    // Hosts and tenant names compare case-insensitively, as Entra reads them.
    expect(await registry.recallSecret(APP, CONTOSO_TOKEN.replace('contoso.com', 'Contoso.COM'))).toBe(
      SECRET,
    );
    for (const elsewhere of [
      FABRIKAM_TOKEN,
      'https://login.microsoftonline.us/contoso.com/oauth2/v2.0/token',
      'https://attacker.example/contoso.com/oauth2/v2.0/token',
      'https://login.microsoftonline.com.attacker.example/contoso.com/oauth2/v2.0/token',
    ]) {
      expect(await registry.recallSecret(APP, elsewhere)).toBeUndefined();
      expect(await registry.hasSecret(APP, elsewhere)).toBe(false);
    }
    expect(await registry.recallSecret(OTHER_APP, CONTOSO_TOKEN)).toBeUndefined();
    await registry.rememberSecret(APP, FABRIKAM_TOKEN, 'another-secret-for-fabrikam-0123456789');
    expect(await registry.recallSecret(APP, CONTOSO_TOKEN)).toBe(SECRET);
    expect((await registry.secretEndpoints(APP)).sort()).toEqual([CONTOSO_TOKEN, FABRIKAM_TOKEN]);
    await registry.forgetSecret(APP, FABRIKAM_TOKEN);
    expect(await registry.secretEndpoints(APP)).toEqual([CONTOSO_TOKEN]);
  });

  it('moves a secret remembered by client ID only to the one endpoint its files name; several or none: dropped', async () => {
    const storage = fakeSafeStorage();
    const legacy = async (files: string[]): Promise<ReturnType<typeof openMailboxRegistry>> => {
      await rm(registryDir(), { recursive: true, force: true });
      await mkdir(registryDir(), { recursive: true });
      const registry = openMailboxRegistry({ dir: registryDir(), encryptor: storage });
      for (const [i, file] of files.entries())
        await registry.upsert({ path: file, mailbox: `m${i}@contoso.com`, tenant: '', clientId: APP });
      // The file as a version before issue #15 wrote it: the secret under the client ID alone.
      const data: Record<string, unknown> = { version: 1, mailboxes: await registry.list() };
      data.encryptedSecrets = { [APP]: storage.encryptString(SECRET).toString('base64') };
      await writeFile(registry.file, JSON.stringify(data));
      return registry;
    };
    const a = await tokenFileAt('a.ini', 'contoso.com');
    const a2 = await tokenFileAt('a2.ini', 'contoso.com');
    const b = await tokenFileAt('b.ini', 'fabrikam.com');

    let registry = await legacy([a, a2]);
    expect(await registry.recallSecret(APP, CONTOSO_TOKEN)).toBe(SECRET);
    expect(await registry.recallSecret(APP, FABRIKAM_TOKEN)).toBeUndefined();
    // Written in the new form on the next change; the old record is left empty (a previous version still reads it).
    await registry.recordRefresh({ file: a, status: 'needs-reissue' } as never);
    const written = JSON.parse(await readFile(registry.file, 'utf8')) as Record<string, unknown>;
    expect(written.encryptedSecrets).toEqual({});
    expect(written.secrets).toMatchObject([{ clientId: APP, tokenEndpoint: CONTOSO_TOKEN }]);
    expect(await registry.recallSecret(APP, CONTOSO_TOKEN)).toBe(SECRET);

    // Files at two tenants: which one it was for is unknown, so it is asked for again.
    registry = await legacy([a, b]);
    expect(await registry.hasSecret(APP)).toBe(false);
    expect(await registry.recallSecret(APP, CONTOSO_TOKEN)).toBeUndefined();
    expect(await registry.recallSecret(APP, FABRIKAM_TOKEN)).toBeUndefined();

    // No file that can be read, or none listed: the same.
    registry = await legacy([path.join(dir, 'gone.ini')]);
    expect(await registry.hasSecret(APP)).toBe(false);
    registry = await legacy([]);
    expect(await registry.hasSecret(APP)).toBe(false);
  });

  it('refuses to remember a secret when encryption is unavailable (or no encryptor), writing nothing of it', async () => {
    for (const encryptor of [fakeSafeStorage(false), undefined]) {
      const registry = openMailboxRegistry({
        dir: registryDir(),
        ...(encryptor === undefined ? {} : { encryptor }),
      });
      await registry.upsert({
        path: path.join(dir, 'a.ini'),
        mailbox: 'a@contoso.com',
        tenant: 'contoso.com',
        clientId: APP,
      });
      expect(await registry.rememberSecret(APP, CONTOSO_TOKEN, SECRET)).toEqual({
        ok: false,
        reason: 'encryption-unavailable',
      });
      const text = await readFile(registry.file, 'utf8');
      for (const form of secretForms(SECRET)) expect(text).not.toContain(form);
      expect(await registry.hasSecret(APP)).toBe(false);
    }
  });

  it('concurrent updates from two registry objects (the window and a scheduled run) lose nothing', async () => {
    const one = openMailboxRegistry({ dir: registryDir() });
    const two = openMailboxRegistry({ dir: registryDir() });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? one : two).upsert({
          path: path.join(dir, `m${i}.ini`),
          mailbox: `m${i}@contoso.com`,
          tenant: 'contoso.com',
          clientId: APP,
        }),
      ),
    );
    expect((await one.list()).length).toBe(12);
  });

  it('a damaged file is reported, not silently replaced', async () => {
    const registry = openMailboxRegistry({ dir: registryDir() });
    await registry.upsert({
      path: path.join(dir, 'a.ini'),
      mailbox: 'a@contoso.com',
      tenant: 'contoso.com',
      clientId: APP,
    });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(registry.file, '{"version": 1, "mailboxes": "oops"}');
    await expect(registry.list()).rejects.toSatisfy((e) => RtwError.is(e, 'file-format'));
  });
});

describe('re-issue all mailboxes of one app', () => {
  it('walks the app’s mailboxes in turn, goes on after a failure or a skip, stops on cancel, and sums up', async () => {
    const registry = openMailboxRegistry({ dir: registryDir() });
    for (const name of ['c', 'a', 'b', 'b2', 'd'])
      await registry.upsert({
        path: path.join(dir, `${name}.ini`),
        mailbox: `${name}@contoso.com`,
        tenant: 'contoso.com',
        clientId: APP,
      });
    await registry.upsert({
      path: path.join(dir, 'x.ini'),
      mailbox: 'x@contoso.com',
      tenant: 'contoso.com',
      clientId: OTHER_APP,
    });
    const plan = await registry.reissuePlan(APP.toUpperCase());
    expect(plan.mailboxes.map((m) => m.mailbox)).toEqual([
      'a@contoso.com',
      'b@contoso.com',
      'b2@contoso.com',
      'c@contoso.com',
      'd@contoso.com',
    ]);

    const seen: string[] = [];
    const results: Record<string, ReissueStepResult> = {
      'a@contoso.com': { ok: true, signedInAs: 'a@contoso.com' },
      'b@contoso.com': {
        ok: false,
        code: 'aadsts',
        explanation: explainError(
          new RtwError('aadsts', { aadsts: 7000215, error: 'invalid_client', description: 'x' }),
        ),
      },
      'b2@contoso.com': { ok: false, skipped: true },
      'c@contoso.com': {
        ok: false,
        code: 'cancelled',
        explanation: explainError(new RtwError('cancelled', {})),
      },
    };
    const summary = await reissueAll(plan, (entry: MailboxEntry) => {
      seen.push(entry.mailbox);
      return Promise.resolve(results[entry.mailbox] ?? { ok: true });
    });
    expect(seen).toEqual(['a@contoso.com', 'b@contoso.com', 'b2@contoso.com', 'c@contoso.com']);
    expect(summary).toMatchObject({
      clientId: APP.toUpperCase(),
      total: 5,
      reissued: [{ mailbox: 'a@contoso.com', signedInAs: 'a@contoso.com' }],
      failed: [{ mailbox: 'b@contoso.com', code: 'aadsts' }],
      skipped: [{ mailbox: 'b2@contoso.com' }],
      notReached: [{ mailbox: 'c@contoso.com' }, { mailbox: 'd@contoso.com' }],
    });
    expect(summary.failed[0]?.explanation.id).toBe('AADSTS7000215');
  });
});
