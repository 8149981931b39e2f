/**
 * What the desktop service adds for quick mode and the mailboxes view, over the real core and the sandbox: the
 * apps it knows (listKnownApps, read from the listed files, never a secret), a sign-in with the remembered secret
 * into a folder per mailbox that does not exist yet, and a file's secret expiry recorded in place.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IdpNetworkClient } from '../../electron/core/transport/network-client.js';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';
import type { WizardEvent } from '../../electron/shared/contract.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { tempDir } from '../helpers/acquisition.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { sandboxService } from '../helpers/sandbox-service.js';
import { pickFile } from '../helpers/pick-file.js';

const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

let idp: SandboxIdp;
let route: SandboxRoute;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  await route.close();
  await idp.close();
  await cleanup();
});

/** Waits for the outcome of the running sign-in: the file listed, or a failure. */
async function outcome(events: WizardEvent[], file: string): Promise<WizardEvent | undefined> {
  for (let waited = 0; waited < 15_000; waited += 20) {
    const failed = events.find((e) => e.channel === 'session' && e.event.type === 'failed');
    if (failed !== undefined) return failed;
    if (events.some((e) => e.channel === 'mailboxes' && e.event.path === file)) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no outcome for ${file}`);
}

describe('known apps and the remembered secret', () => {
  it('lists the app of the listed mailboxes; a new mailbox signs in with its remembered secret into its own new folder', async () => {
    const h = sandboxService(idp, route, { userData: path.join(dir, 'userdata-apps') });
    const secret = idp.defaults.secrets.valid.value;
    const first = path.join(dir, 'first.ini');
    expect(
      await h.service.dispatch('startAcquisition', {
        clientId: idp.apps.confidential.clientId,
        clientSecret: secret,
        userId: idp.users.admin.upn,
        protocols: ['smtp', 'imap'],
        redirectPort: 0,
        outFile: first,
        clientSecretExpiresAt: '2027-01-31',
        rememberSecret: true,
      }),
    ).toEqual({ ok: true, value: { started: true } });
    expect(await outcome(h.events, first)).toBeUndefined();

    const apps = await h.service.dispatch('listKnownApps', undefined);
    expect(apps).toEqual({
      ok: true,
      value: [
        {
          clientId: idp.apps.confidential.clientId,
          provider: 'microsoft',
          tenant: 'common',
          cloud: 'global',
          publicClient: false,
          protocols: ['smtp', 'imap'],
          mailboxes: 1,
          secretRemembered: true,
          secretExpiresAt: '2027-01-31',
        },
      ],
    });
    expect(JSON.stringify(apps)).not.toContain(secret);

    // A second mailbox: no secret typed, the remembered one used; its folder does not exist yet.
    const second = path.join(dir, 'per-mailbox', idp.users.printer.upn, 'smail_refresh_token.ini');
    h.events.length = 0;
    idp.signInAs(idp.users.printer.upn);
    try {
      expect(
        await h.service.dispatch('startAcquisition', {
          clientId: idp.apps.confidential.clientId,
          clientSecret: '',
          useRememberedSecret: true,
          userId: idp.users.printer.upn,
          protocols: ['smtp'],
          redirectPort: 0,
          outFile: second,
        }),
      ).toEqual({ ok: true, value: { started: true } });
      expect(await outcome(h.events, second)).toBeUndefined();
    } finally {
      idp.signInAs(null);
    }
    const written = await readTokenFile(second);
    expect(written.exists && written.oauth2.ClientSecret).toBe(secret);
    expect(written.exists && written.oauth2.UserID).toBe(idp.users.printer.upn);
    // The first mailbox's file is untouched.
    const firstFile = await readTokenFile(first);
    expect(firstFile.exists && firstFile.oauth2.UserID).toBe(idp.users.admin.upn);
    const both = await h.service.dispatch('listKnownApps', undefined);
    expect(both.ok && both.value[0]?.mailboxes).toBe(2);
  });

  it('without a remembered secret, a sign-in that asks for it is refused with the secret field’s problem', async () => {
    const h = sandboxService(idp, route, { userData: path.join(dir, 'userdata-none') });
    const result = await h.service.dispatch('startAcquisition', {
      clientId: idp.apps.confidential.clientId,
      useRememberedSecret: true,
      userId: idp.users.admin.upn,
      outFile: path.join(dir, 'never.ini'),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.issues?.map((i) => i.key)).toEqual(['secretRequired']);
    await expect(stat(path.join(dir, 'never.ini'))).rejects.toThrow(/ENOENT/);
  });
});

/** A network client that records every request it sends (URL, headers and body, as one string). */
function recording(sent: Array<{ url: string; text: string }>) {
  return (client: IdpNetworkClient): IdpNetworkClient => ({
    get requestCount() {
      return client.requestCount;
    },
    takeFailure: () => client.takeFailure(),
    sendGetRequestAsync(url, options, timeout) {
      sent.push({ url, text: JSON.stringify(options ?? {}) });
      return client.sendGetRequestAsync(url, options, timeout);
    },
    sendPostRequestAsync(url, options) {
      sent.push({ url, text: JSON.stringify(options ?? {}) });
      return client.sendPostRequestAsync(url, options);
    },
  });
}

/** Whether a recorded request carries the secret, form-encoded or not. */
const carries = (text: string, secret: string): boolean =>
  text.includes(secret) || text.includes(new URLSearchParams({ s: secret }).toString().slice(2));

describe('a remembered secret goes only to the token endpoint it was remembered with (#15 item 8)', () => {
  it.each([
    ['another tenant', { tenant: 'fabrikam.onmicrosoft.com' }],
    ['another cloud', { cloud: 'usgov' }],
    ['an attacker’s host', { authority: 'https://attacker.example/common' }],
  ])('a sign-in of the same app naming %s is not given it: the secret is asked for', async (name, where) => {
    const sent: Array<{ url: string; text: string }> = [];
    const h = sandboxService(idp, route, {
      userData: path.join(dir, `userdata-elsewhere-${name.length}`),
      wrapNetwork: recording(sent),
    });
    const secret = idp.defaults.secrets.valid.value;
    const first = path.join(dir, `remembered-${name.length}.ini`);
    await h.service.dispatch('startAcquisition', {
      clientId: idp.apps.confidential.clientId,
      clientSecret: secret,
      userId: idp.users.admin.upn,
      redirectPort: 0,
      outFile: first,
      rememberSecret: true,
    });
    expect(await outcome(h.events, first)).toBeUndefined();
    // The recorder sees the secret where it belongs: the remembered tenant's token endpoint.
    expect(sent.filter((s) => carries(s.text, secret)).map((s) => s.url.split('?')[0])).toEqual([
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    ]);

    sent.length = 0;
    h.events.length = 0;
    const elsewhere = path.join(dir, `elsewhere-${name.length}.ini`);
    const result = await h.service.dispatch('startAcquisition', {
      clientId: idp.apps.confidential.clientId,
      useRememberedSecret: true,
      userId: idp.users.admin.upn,
      redirectPort: 0,
      outFile: elsewhere,
      ...where,
    });
    // Had it started, the sign-in's end is awaited so that whatever it sent is recorded.
    if (result.ok) await outcome(h.events, elsewhere).catch(() => undefined);
    expect(sent.filter((s) => carries(s.text, secret)).map((s) => s.url.split('?')[0])).toEqual([]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.issues?.map((i) => i.key)).toEqual(['secretRequired']);
    await expect(stat(elsewhere)).rejects.toThrow(/ENOENT/);
  });
});

describe('the secret expiry, recorded in place', () => {
  it('writes only ClientSecretExpiresAt, keeps the previous file as .bak, and refuses what is not a date', async () => {
    const h = sandboxService(idp, route, { userData: path.join(dir, 'userdata-expiry') });
    const file = path.join(dir, 'expiry.ini');
    await h.service.dispatch('startAcquisition', {
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.value,
      userId: idp.users.admin.upn,
      redirectPort: 0,
      outFile: file,
    });
    expect(await outcome(h.events, file)).toBeUndefined();
    const before = await readFile(file, 'latin1');

    expect(await h.service.dispatch('setSecretExpiry', { path: file, expiresAt: '2026-03-31' })).toEqual({
      ok: true,
      value: { expiresAt: '2026-03-31' },
    });
    const after = await readFile(file, 'latin1');
    expect(await readFile(`${file}.bak`, 'latin1')).toBe(before);
    expect(after).toContain('ClientSecretExpiresAt=2026-03-31');
    // Every other line as it was.
    const others = (text: string) =>
      text.split(/\r?\n/).filter((l) => !l.startsWith('ClientSecretExpiresAt='));
    expect(others(after)).toEqual(others(before));
    const health = await h.service.dispatch('tokenHealth', { path: file });
    expect(health.ok && health.value.secretExpiresAt).toBe('2026-03-31');

    const refused = await h.service.dispatch('setSecretExpiry', { path: file, expiresAt: '2026-02-30' });
    expect(refused.ok).toBe(false);
    expect(await readFile(file, 'latin1')).toBe(after);
    const notToken = path.join(dir, 'not-a-token.ini');
    await pickFile(h, notToken);
    const missing = await h.service.dispatch('setSecretExpiry', { path: notToken, expiresAt: '2026-03-31' });
    expect(!missing.ok && missing.error.code).toBe('not-a-token-file');
  });
});
