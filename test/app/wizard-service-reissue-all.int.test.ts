/**
 * "Re-issue all with this app" through `dispatch`, against the sandbox identity provider: after a secret
 * rotation every listed mailbox of one app is signed in again in turn with the new secret; each file keeps its
 * unknown keys and gets a `.bak`; a skipped one is untouched; one the sandbox refuses is in the summary with
 * its explanation; cancel stops the walk. The new secret never reaches an event.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openMailboxRegistry } from '../../electron/core/upkeep/mailbox-registry.js';
import type { ReissueSummary } from '../../electron/core/upkeep/mailbox-registry.js';
import { appNetworkClient } from '../helpers/app-network.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';
import { createWizardService } from '../../electron/app/wizard-service.js';
import type { WizardService } from '../../electron/app/wizard-service.js';
import type { WizardEvent } from '../../electron/shared/contract.js';
import { playBrowser } from '../fixtures/browser.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { entraSecretValue } from '../fixtures/sandbox/registry.js';
import { tempDir } from '../helpers/acquisition.js';
import { fakeEncryptor, fakePlatform } from '../helpers/fake-platform.js';
import { pickFile } from '../helpers/pick-file.js';

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

let idp: SandboxIdp;
/** Production login hosts to the sandbox, for the app's network client. */
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

interface Harness {
  service: WizardService;
  events: WizardEvent[];
  platform: ReturnType<typeof fakePlatform>;
  userData: string;
  /** Whether the scripted browser approves sign-ins on its own (else they wait). */
  auto: { approve: boolean };
}

let counter = 0;

function harness(): Harness {
  const dispatcher = routeToSandbox(idp);
  const userData = path.join(dir, `userdata-${++counter}`);
  const platform = fakePlatform({ userDataDir: userData, encryptor: fakeEncryptor(true) });
  const auto = { approve: true };
  const events: WizardEvent[] = [];
  platform.openBrowser.mockImplementation((url) => {
    // The mailbox of the walk's current step signs in (as the admin would, in the browser).
    const userId = steps(events).at(-1)?.userId;
    idp.signInAs(userId ?? null);
    // The personal mailbox's sign-in is refused (consent declined, AADSTS65004).
    idp.declineConsent(userId === idp.users.personal.upn);
    if (auto.approve) void playBrowser(url, { dispatcher }).catch(() => undefined);
    return Promise.resolve();
  });
  const service = createWizardService({
    platform,
    createNetworkClient: () => appNetworkClient(route),
    emit: (event) => events.push(event),
  });
  return { service, events, platform, userData, auto };
}

async function until(what: string, done: () => boolean, events: WizardEvent[]): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 20_000) throw new Error(`no ${what}: ${JSON.stringify(events)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A token file for `userId`, written by a first acquisition with the app's current secret. */
async function acquire(h: Harness, file: string, userId: string): Promise<void> {
  const started = await h.service.dispatch('startAcquisition', {
    clientId: idp.apps.confidential.clientId,
    clientSecret: idp.defaults.secrets.valid.value,
    userId,
    protocols: ['smtp', 'imap'],
    redirectPort: 0,
    outFile: file,
  });
  expect(started).toEqual({ ok: true, value: { started: true } });
  await until(
    `registration of ${file}`,
    () => h.events.some((e) => e.channel === 'mailboxes' && e.event.path === file),
    h.events,
  );
}

const summaryOf = (events: WizardEvent[]): ReissueSummary | undefined => {
  for (const e of events) if (e.channel === 'reissue-all' && e.event.type === 'done') return e.event.summary;
  return undefined;
};

const steps = (events: WizardEvent[]) =>
  events.flatMap((e) => (e.channel === 'reissue-all' && e.event.type === 'step' ? [e.event] : []));

/** Rotates the confidential app's secret: a new Value the sandbox accepts. */
function rotate(): string {
  const value = entraSecretValue();
  idp.apps.confidential.secrets.push({
    id: randomUUID(),
    value,
    expiresAt: new Date(Date.now() + 90 * 864e5),
  });
  return value;
}

describe('re-issue all with this app', () => {
  it('re-issues every mailbox in turn with the new secret, sums up a refused one, never echoes the secret', async () => {
    const h = harness();
    const admin = path.join(dir, 'all-admin.ini');
    const printer = path.join(dir, 'all-printer.ini');
    const refused = path.join(dir, 'all-refused.ini');
    await acquire(h, admin, idp.users.admin.upn);
    await acquire(h, printer, idp.users.printer.upn);
    await acquire(h, refused, idp.users.admin.upn);
    // A third mailbox, whose sign-in the sandbox refuses (see the harness).
    const text = await readFile(refused, 'utf8');
    await writeFile(refused, text.replace(/^UserID=.*$/m, `UserID=${idp.users.personal.upn}`));
    await h.service.dispatch('addMailbox', { path: refused });
    await appendFile(admin, '\r\n[SMAIL]\r\nServer=smtp.office365.com\r\n');
    const before = await readTokenFile(admin);
    for (const f of [admin, printer, refused]) await rm(`${f}.bak`, { force: true });

    const newSecret = rotate();
    h.events.length = 0;
    const started = await h.service.dispatch('startReissueAll', {
      clientId: idp.apps.confidential.clientId.toUpperCase(),
      newSecret,
      secretExpiresAt: '2027-01-31',
      rememberSecret: true,
      redirectPort: 0,
    });
    expect(started).toEqual({ ok: true, value: { total: 3 } });
    await until('summary', () => summaryOf(h.events) !== undefined, h.events);
    const summary = summaryOf(h.events);

    expect(steps(h.events).map((s) => [s.index, s.total, s.userId])).toEqual([
      [0, 3, idp.users.admin.upn],
      [1, 3, idp.users.printer.upn],
      [2, 3, idp.users.personal.upn],
    ]);
    expect(summary).toMatchObject({
      total: 3,
      reissued: [{ path: admin }, { path: printer }],
      skipped: [],
      notReached: [],
      failed: [{ path: refused, code: 'authorization-denied', explanation: { id: 'AADSTS65004' } }],
    });

    const after = await readTokenFile(admin);
    expect(after.exists && after.oauth2.ClientSecret).toBe(newSecret);
    expect(after.exists && after.meta.ClientSecretExpiresAt).toBe('2027-01-31');
    expect(after.exists && after.oauth2.RefreshToken).not.toBe(before.exists && before.oauth2.RefreshToken);
    expect(await readFile(admin, 'utf8')).toContain('[SMAIL]\r\nServer=smtp.office365.com');
    await stat(`${admin}.bak`);
    await stat(`${printer}.bak`);
    const printerAfter = await readTokenFile(printer);
    expect(printerAfter.exists && printerAfter.oauth2.ClientSecret).toBe(newSecret);
    // The refused mailbox's file is as it was.
    await expect(stat(`${refused}.bak`)).rejects.toThrow();

    expect(JSON.stringify(h.events)).not.toContain(newSecret);
    expect(JSON.stringify(started)).not.toContain(newSecret);
    expect(await readFile(path.join(h.userData, 'mailboxes.json'), 'utf8')).not.toContain(newSecret);
    // Remembered (encrypted) once a sign-in had worked with it.
    await expect(
      h.service.dispatch('hasSecret', { clientId: idp.apps.confidential.clientId }),
    ).resolves.toMatchObject({ remembered: true });

    // The remembered secret serves the next walk.
    h.events.length = 0;
    await expect(
      h.service.dispatch('startReissueAll', {
        clientId: idp.apps.confidential.clientId,
        useRememberedSecret: true,
        redirectPort: 0,
      }),
    ).resolves.toEqual({ ok: true, value: { total: 3 } });
    await until('second summary', () => summaryOf(h.events) !== undefined, h.events);
    expect(summaryOf(h.events)?.reissued).toHaveLength(2);
    await h.service.dispose();
  });

  it('skips the mailbox being signed in, and cancel stops the walk', async () => {
    const h = harness();
    const a = path.join(dir, 'skip-a.ini');
    const b = path.join(dir, 'skip-b.ini');
    await acquire(h, a, idp.users.admin.upn);
    await acquire(h, b, idp.users.printer.upn);
    const newSecret = rotate();
    h.auto.approve = false;
    h.events.length = 0;
    const waiting = (n: number) => () =>
      h.events.filter((e) => e.channel === 'session' && e.event.type === 'waiting').length >= n;
    await h.service.dispatch('startReissueAll', {
      clientId: idp.apps.confidential.clientId,
      newSecret,
      redirectPort: 0,
    });
    await until('first sign-in', waiting(1), h.events);
    await h.service.dispatch('skipReissueAllStep', undefined);
    await until('second step', () => steps(h.events).length === 2, h.events);
    await h.service.dispatch('cancelReissueAll', undefined);
    await until('summary', () => summaryOf(h.events) !== undefined, h.events);
    expect(summaryOf(h.events)).toMatchObject({
      total: 2,
      reissued: [],
      failed: [],
      skipped: [{ path: a }],
      notReached: [{ path: b }],
    });
    const file = await readTokenFile(a);
    expect(file.exists && file.oauth2.ClientSecret).toBe(idp.defaults.secrets.valid.value);
    await h.service.dispose();
  });

  it('signs a file in with the remembered secret only when the file names the endpoint it was remembered for (#15 item 8)', async () => {
    const h = harness();
    const own = path.join(dir, 'endpoint-own.ini');
    await acquire(h, own, idp.users.admin.upn);
    // A listed file of the same app whose settings name another tenant (another admin's, or planted).
    const elsewhere = path.join(dir, 'endpoint-elsewhere.ini');
    await writeFile(
      elsewhere,
      (await readFile(own, 'utf8')).replaceAll('/common/', '/fabrikam.onmicrosoft.com/'),
    );
    await pickFile(h, elsewhere);
    expect(await h.service.dispatch('addMailbox', { path: elsewhere })).toMatchObject({ ok: true });
    const registry = openMailboxRegistry({ dir: h.userData, encryptor: fakeEncryptor(true) });
    await registry.rememberSecret(
      idp.apps.confidential.clientId,
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      idp.defaults.secrets.valid.value,
    );
    const before = await readFile(elsewhere);
    h.events.length = 0;
    idp.clearRequests();
    await expect(
      h.service.dispatch('startReissueAll', {
        clientId: idp.apps.confidential.clientId,
        useRememberedSecret: true,
        redirectPort: 0,
      }),
    ).resolves.toEqual({ ok: true, value: { total: 2 } });
    await until('summary', () => summaryOf(h.events) !== undefined, h.events);
    expect(summaryOf(h.events)).toMatchObject({
      reissued: [{ path: own }],
      failed: [{ path: elsewhere, code: 'invalid-input' }],
    });
    // Nothing went to the other tenant: no sign-in was started there, and the file is as it was.
    expect(idp.requests().filter((r) => r.tenant !== 'common')).toEqual([]);
    expect(await readFile(elsewhere)).toEqual(before);
    await h.service.dispose();
  });

  it('refuses a secret ID for the Value, and a missing secret, before any sign-in', async () => {
    const h = harness();
    await expect(
      h.service.dispatch('startReissueAll', {
        clientId: idp.apps.confidential.clientId,
        newSecret: randomUUID(),
      }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ field: 'clientSecret', key: 'secretLooksLikeId' }] },
    });
    await expect(
      h.service.dispatch('startReissueAll', {
        clientId: idp.apps.confidential.clientId,
        useRememberedSecret: true,
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(h.platform.openBrowser).not.toHaveBeenCalled();
  });
});
