/**
 * The wizard service's device code sign-in through `dispatch`, over the real core against the sandbox identity
 * provider (routed from Microsoft's hostnames, 1-second polls): the code and the countdown arrive as session
 * events, the INI is written with an empty ClientSecret and listed among the mailboxes, a decline is explained,
 * Cancel stops the polling, and `openExternal('device-login')` opens only the running session's URI.
 */
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { appNetworkClient } from '../helpers/app-network.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';
import { createWizardService } from '../../electron/app/wizard-service.js';
import type { WizardService } from '../../electron/app/wizard-service.js';
import type { AcquisitionEvent, WizardEvent } from '../../electron/shared/contract.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { tempDir } from '../helpers/acquisition.js';
import { fakeEncryptor, fakePlatform } from '../helpers/fake-platform.js';

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

let idp: SandboxIdp;
/** Production login hosts to the sandbox, for the app's network client. */
let route: SandboxRoute;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp({ deviceCode: { intervalSeconds: 1, expiresInSeconds: 30 } });
  route = await startSandboxRoute(idp);
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  await route.close();
  await idp.close();
  await cleanup();
});
beforeEach(() => idp.signInAs(null));

interface Harness {
  service: WizardService;
  events: WizardEvent[];
  platform: ReturnType<typeof fakePlatform>;
}

let counter = 0;

function harness(): Harness {
  const platform = fakePlatform({
    userDataDir: path.join(dir, `userdata-${++counter}`),
    encryptor: fakeEncryptor(true),
  });
  const events: WizardEvent[] = [];
  const service = createWizardService({
    platform,
    createNetworkClient: () => appNetworkClient(route),
    emit: (event) => events.push(event),
  });
  return { service, events, platform };
}

const sessionEvents = (h: Harness): AcquisitionEvent[] =>
  h.events.flatMap((e) => (e.channel === 'session' ? [e.event] : []));

async function until(h: Harness, done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 20_000) throw new Error(`no ${what}: ${JSON.stringify(h.events)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts a device code sign-in and waits for the code. */
async function start(h: Harness, input: Record<string, unknown>): Promise<string> {
  await expect(h.service.dispatch('startDeviceCode', input)).resolves.toEqual({
    ok: true,
    value: { started: true },
  });
  await until(h, () => sessionEvents(h).some((e) => e.type === 'device-code'), 'device code');
  const shown = sessionEvents(h).find((e) => e.type === 'device-code');
  if (shown?.type !== 'device-code') throw new Error('no code');
  return shown.userCode;
}

const profileFor = (outFile: string) => ({
  clientId: idp.apps.public.clientId,
  userId: idp.users.admin.upn,
  protocols: ['smtp', 'imap'],
  outFile,
});

describe('startDeviceCode', () => {
  it('approved: the INI is written with an empty ClientSecret and the mailbox listed', async () => {
    const h = harness();
    const file = path.join(dir, 'device.ini');
    // A secret (and its expiry) typed earlier in the form is neither sent nor written.
    const userCode = await start(h, {
      ...profileFor(file),
      clientSecret: 'se4Q~abcdefghijklmnopqrstuvwxyz0123456789',
      clientSecretExpiresAt: '2030-01-01',
    });
    const shown = sessionEvents(h).find((e) => e.type === 'device-code');
    expect(shown).toMatchObject({
      type: 'device-code',
      userCode,
      verificationUri: 'https://microsoft.com/devicelogin',
      expiresIn: 30,
      interval: 1,
    });
    expect(h.platform.openBrowser).not.toHaveBeenCalled();

    // While it polls, the verification page opens the session's own URI, through the checked capability.
    await h.service.dispatch('openExternal', { page: 'device-login' });
    expect(h.platform.openDeviceLogin).toHaveBeenCalledExactlyOnceWith('https://microsoft.com/devicelogin');
    expect(h.platform.openExternal).not.toHaveBeenCalled();

    // While nobody has approved, the session says it is still waiting (a tick a second). Approving only after the
    // first tick: approved at once, the first poll can finish the flow before any tick is due.
    await until(h, () => sessionEvents(h).some((e) => e.type === 'polling'), 'polling event');
    idp.approveDeviceCode(userCode);
    await until(
      h,
      () => h.events.some((e) => e.channel === 'mailboxes' && e.event.path === file),
      'registration',
    );
    const written = sessionEvents(h).find((e) => e.type === 'written');
    expect(written).toMatchObject({ type: 'written', file, created: true, userId: idp.users.admin.upn });
    expect(h.events).toContainEqual({
      channel: 'mailboxes',
      event: { type: 'registered', path: file, secret: 'not-requested' },
    });

    const content = await readTokenFile(file);
    if (!content.exists) throw new Error('not written');
    expect(content.oauth2.ClientSecret).toBe('');
    expect(content.oauth2.ClientID).toBe(idp.apps.public.clientId);
    expect(content.oauth2.RefreshToken?.length).toBeGreaterThan(8);
    expect(JSON.stringify(h.events)).not.toContain(content.oauth2.RefreshToken);
    expect(JSON.stringify(h.events)).not.toContain('se4Q~');

    // Once it has ended, the page is the fixed one again.
    await h.service.dispatch('openExternal', { page: 'device-login' });
    expect(h.platform.openExternal).toHaveBeenCalledExactlyOnceWith('device-login');
  });

  it('declined: explained, nothing written', async () => {
    const h = harness();
    const file = path.join(dir, 'declined.ini');
    const userCode = await start(h, profileFor(file));
    idp.declineDeviceCode(userCode);
    await until(h, () => sessionEvents(h).some((e) => e.type === 'failed'), 'failure');
    const failed = sessionEvents(h).find((e) => e.type === 'failed');
    expect(failed).toMatchObject({ type: 'failed', code: 'device-code-declined' });
    if (failed?.type !== 'failed') throw new Error('no failure');
    expect(failed.explanation.id).toBe('device-code-declined');
    expect(failed.explanation.title.ja).not.toBe('');
    expect(failed.explanation.title.en).not.toBe('');
    expect((await readTokenFile(file)).exists).toBe(false);
  });

  it('cancel stops the polling, and a new start replaces the running one', async () => {
    const h = harness();
    const file = path.join(dir, 'cancelled.ini');
    await start(h, profileFor(file));
    await h.service.dispatch('cancelAcquisition', undefined);
    expect(sessionEvents(h).at(-1)).toEqual({ type: 'cancelled' });
    expect((await readTokenFile(file)).exists).toBe(false);

    h.events.length = 0;
    await start(h, profileFor(file));
    await start(h, profileFor(file));
    expect(sessionEvents(h).filter((e) => e.type === 'cancelled')).toHaveLength(1);
    await h.service.dispose();
    expect(sessionEvents(h).filter((e) => e.type === 'cancelled')).toHaveLength(2);
  });

  it('refuses what cannot sign in before any code is asked for', async () => {
    const h = harness();
    const pending = idp.pendingDeviceCodes();
    const invalid = await h.service.dispatch('startDeviceCode', { ...profileFor(''), userId: 'nope' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The pre-flight's offline checks, as the CLI runs them: a personal mailbox cannot use a work tenant.
    const combination = await h.service.dispatch('startDeviceCode', {
      ...profileFor(path.join(dir, 'personal.ini')),
      tenant: 'contoso.onmicrosoft.com',
      userId: 'someone@outlook.com',
    });
    expect(combination).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        issues: [{ field: 'tenant', key: 'preflight.personal-with-tenant' }],
      },
    });
    expect(h.events).toEqual([]);
    expect(idp.pendingDeviceCodes()).toEqual(pending);
  });
});
