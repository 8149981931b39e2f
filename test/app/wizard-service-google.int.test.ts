/**
 * The wizard service with a Google profile, through `dispatch` (the IPC schema included) over the real core and
 * the app's own network client, against the sandbox's Google at Google's hostnames and Gmail-shaped servers: the
 * sign-in on a free port of 127.0.0.1, the mailbox listed with Google's health, the check, the refresh without
 * rotation, the re-issue, a dead grant, and the device code the service refuses for Google.
 */
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WizardEvent } from '../../electron/shared/contract.js';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';
import { startSandboxGmail } from '../fixtures/mail/index.js';
import type { SandboxGmail } from '../fixtures/mail/index.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { tempDir } from '../helpers/acquisition.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { sandboxService } from '../helpers/sandbox-service.js';

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

let idp: SandboxIdp;
let route: SandboxRoute;
let gmail: SandboxGmail;
let dir: string;
let cleanup: () => Promise<void>;
let counter = 0;

beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
  gmail = await startSandboxGmail({ idp });
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  await gmail.close();
  await route.close();
  await idp.close();
  await cleanup();
});
beforeEach(() => {
  gmail.reset();
  idp.clearRequests();
});

function harness() {
  return sandboxService(idp, route, {
    userData: path.join(dir, `userdata-${++counter}`),
    mailCheck: {
      endpoints: { smtp: gmail.smtp, imap: gmail.imap, pop: gmail.pop },
      extraCaPem: idp.caPem,
      timeouts: { connect: 3000, greeting: 3000, command: 3000 },
    },
  });
}
type Harness = ReturnType<typeof harness>;

const googleProfile = (outFile: string) => ({
  provider: 'google',
  appAudience: 'testing',
  clientId: idp.google.clients.testing.clientId,
  clientSecret: idp.google.clients.testing.secrets[0] ?? '',
  userId: idp.google.accounts.admin.email,
  protocols: ['smtp', 'imap', 'pop'],
  outFile,
});

async function ended(h: Harness, file: string): Promise<WizardEvent[]> {
  const done = (): boolean =>
    h.events.some((e) => e.channel === 'mailboxes' && e.event.path === file) ||
    h.events.some((e) => e.channel === 'session' && e.event.type === 'failed');
  await expect.poll(done, { timeout: 15_000 }).toBe(true);
  return h.events;
}

function sessionEvents(h: Harness): string[] {
  return h.events.flatMap((e) => (e.channel === 'session' ? [e.event.type] : []));
}

describe('a Google profile in the desktop app’s service', () => {
  it('signs in on a free port of 127.0.0.1, writes Google’s INI and lists the mailbox with Google’s health', async () => {
    const h = harness();
    const file = path.join(dir, 'gmail.ini');
    expect(await h.service.dispatch('startAcquisition', googleProfile(file))).toEqual({
      ok: true,
      value: { started: true },
    });
    await ended(h, file);
    expect(sessionEvents(h).filter((t) => t !== 'waiting')).toEqual(['listening', 'exchanging', 'written']);
    const listening = h.events.find((e) => e.channel === 'session' && e.event.type === 'listening');
    expect(
      listening?.channel === 'session' && listening.event.type === 'listening' && listening.event.redirectUri,
    ).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // The browser gets the listener's one-time start link (issue #15, item 9), which leads it to Google.
    const port = new URL(
      String(
        listening?.channel === 'session' && listening.event.type === 'listening'
          ? listening.event.redirectUri
          : '',
      ),
    ).port;
    expect(h.platform.openBrowser).toHaveBeenCalledWith(
      expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:${port}/start/[A-Za-z0-9_-]{43}$`)),
      { port: Number(port) },
    );
    const content = await readTokenFile(file);
    expect(content.exists && content.oauth2).toMatchObject({
      TokenURI: 'https://oauth2.googleapis.com/token',
      OuthURI: 'https://accounts.google.com/o/oauth2/v2/auth',
      Provider: '0',
    });
    expect(content.exists && content.meta.AppAudience).toBe('testing');

    const list = await h.service.dispatch('listMailboxes', undefined);
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const health = list.value.mailboxes.find((m) => m.entry.path === file)?.health;
    expect(health).toMatchObject({
      provider: 'google',
      providerValue: '0',
      appAudience: 'testing',
      deadlineReason: 'testing',
      token: 'warning',
    });
    expect(health?.warnings.map((w) => w.en).join(' ')).toContain('The OAuth consent screen is in Testing');
    const secret = idp.google.clients.testing.secrets[0] ?? '';
    const token = content.exists ? (content.oauth2.RefreshToken ?? '') : '';
    for (const text of [JSON.stringify(h.events), JSON.stringify(list)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(token);
    }
  });

  it('checks the file against Gmail-shaped servers with XOAUTH2, refreshes without rotation and re-issues it', async () => {
    const h = harness();
    const file = path.join(dir, 'gmail-upkeep.ini');
    await h.service.dispatch('startAcquisition', googleProfile(file));
    await ended(h, file);
    const before = await readTokenFile(file);
    const token = before.exists ? before.oauth2.RefreshToken : undefined;

    const check = await h.service.dispatch('checkTokenFile', { file });
    expect(check.ok && check.value.results.map((r) => [r.protocol, r.ok])).toEqual([
      ['smtp', true],
      ['imap', true],
      ['pop', true],
    ]);
    expect(gmail.directory.logins.map((l) => l.mechanism)).toEqual(['XOAUTH2', 'XOAUTH2', 'XOAUTH2']);

    const refreshed = await h.service.dispatch('refreshFiles', { paths: [file] });
    expect(refreshed.ok && refreshed.value[0]?.status).toBe('refreshed');
    const after = await readTokenFile(file);
    expect(after.exists && after.oauth2.RefreshToken).toBe(token);

    const view = await h.service.dispatch('readReissueFile', { path: file });
    expect(view.ok && view.value.input).toMatchObject({
      provider: 'google',
      appAudience: 'testing',
      clientId: idp.google.clients.testing.clientId,
    });
    expect(view.ok && 'clientSecret' in view.value.input).toBe(false);
    h.events.length = 0;
    const reissue = await h.service.dispatch('startReissue', {
      path: file,
      changes: {},
      keepFileSecret: true,
    });
    expect(reissue).toEqual({ ok: true, value: { started: true } });
    await ended(h, file);
    expect(sessionEvents(h)).toContain('written');
    const reissued = await readTokenFile(file);
    expect(reissued.exists && reissued.oauth2.RefreshToken).not.toBe(token);
  });

  it('a revoked grant: the refresh says re-issue, with Google’s causes', async () => {
    const h = harness();
    const file = path.join(dir, 'gmail-revoked.ini');
    await h.service.dispatch('startAcquisition', googleProfile(file));
    await ended(h, file);
    idp.google.revokeConsent(idp.google.clients.testing, idp.google.accounts.admin);
    const refreshed = await h.service.dispatch('refreshFiles', { paths: [file] });
    expect(refreshed.ok && refreshed.value[0]).toMatchObject({
      status: 'needs-reissue',
      code: 'oauth-error',
      explanation: { id: 'google-invalid_grant-expired-or-revoked' },
    });
  });

  it('refuses a device code for Google, saying why; the IPC schema takes the provider fields and only strings', async () => {
    const h = harness();
    const refused = await h.service.dispatch('startDeviceCode', googleProfile(path.join(dir, 'x.ini')));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'device-code-unsupported', explanation: { id: 'google-no-device-code' } },
    });
    expect(idp.requests()).toEqual([]);
    const malformed = await h.service.dispatch('startAcquisition', {
      ...googleProfile(path.join(dir, 'y.ini')),
      provider: 7,
    });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const unknown = await h.service.dispatch('startAcquisition', {
      ...googleProfile(path.join(dir, 'z.ini')),
      provider: 'yahoo',
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ field: 'provider', key: 'providerInvalid' }] },
    });
  });
});
