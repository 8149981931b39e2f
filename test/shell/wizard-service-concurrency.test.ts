/**
 * The wizard service's "one at a time" rules under requests that overlap, over the real core: sign-ins against
 * the sandbox identity provider on a real redirect port, token checks against a real mail port that never
 * greets. However many requests arrive together, at most one sign-in and one check run at a time, the last
 * request is the one left running, and dispose ends every one that started.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciNetworkClient } from '../helpers/undici-network-client.js';
import { createWizardService } from '../../electron/app/wizard-service.js';
import type { WizardService } from '../../electron/app/wizard-service.js';
import type { AcquisitionEvent, WizardEvent } from '../../electron/shared/contract.js';
import { playBrowser } from '../fixtures/browser.js';
import { startSilentServer } from '../fixtures/mail/index.js';
import type { LineServer } from '../fixtures/mail/line-server.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { tempDir } from '../helpers/acquisition.js';
import { fakeEncryptor, fakePlatform } from './fake-platform.js';

/** A port nothing listens on now (the sign-ins below all ask for it). */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let idp: SandboxIdp;
let silent: LineServer;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp();
  silent = await startSilentServer();
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  await silent.close();
  await idp.close();
  await cleanup();
});

interface Harness {
  service: WizardService;
  events: WizardEvent[];
  platform: ReturnType<typeof fakePlatform>;
  userData: string;
  /** Whether the scripted browser signs in on its own (else the sign-in waits for its redirect). */
  auto: { approve: boolean };
}

let counter = 0;

/** A service; given `userData`, one more service over the same mailbox list (a restarted app). */
function harness(userData = path.join(dir, `userdata-${++counter}`)): Harness {
  const dispatcher = routeToSandbox(idp);
  const platform = fakePlatform({ userDataDir: userData, encryptor: fakeEncryptor(true) });
  const auto = { approve: false };
  platform.openBrowser.mockImplementation((url) => {
    if (auto.approve) void playBrowser(url, { dispatcher }).catch(() => undefined);
    return Promise.resolve();
  });
  const events: WizardEvent[] = [];
  const service = createWizardService({
    platform,
    createNetworkClient: () => createUndiciNetworkClient({ dispatcher }),
    emit: (event) => events.push(event),
    mailCheck: {
      endpoints: { smtp: { host: silent.host, port: silent.port } },
      // Long enough that only an abort ends a login here, short enough that a leftover one ends the test run.
      timeouts: { connect: 10_000, greeting: 10_000, command: 10_000 },
    },
  });
  return { service, events, platform, userData, auto };
}

const sessionEvents = (h: Harness): AcquisitionEvent[] =>
  h.events.flatMap((e) => (e.channel === 'session' ? [e.event] : []));

async function until(h: Harness, done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 20_000) throw new Error(`no ${what}: ${JSON.stringify(h.events)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('requests that overlap', () => {
  it('three sign-ins started together: one after the other on the one port, each ended, none left behind', async () => {
    const h = harness();
    const port = await unusedPort();
    const start = (name: string) =>
      h.service.dispatch('startAcquisition', {
        clientId: idp.apps.confidential.clientId,
        clientSecret: idp.defaults.secrets.valid.value,
        userId: idp.users.admin.upn,
        protocols: ['smtp'],
        redirectPort: port,
        // The shortest a sign-in may wait: a sign-in left running by mistake ends on its own soon after.
        timeoutSeconds: 10,
        outFile: path.join(dir, `${name}.ini`),
      });
    const started = await Promise.all([start('first'), start('second'), start('third')]);
    expect(started).toEqual(Array.from({ length: 3 }, () => ({ ok: true, value: { started: true } })));
    await h.service.dispose();
    const ends = sessionEvents(h).filter((e) => ['written', 'failed', 'cancelled'].includes(e.type));
    // Two replaced, the last one cancelled by dispose; never two on the port at once (that one fails: port busy).
    expect(ends).toEqual([{ type: 'cancelled' }, { type: 'cancelled' }, { type: 'cancelled' }]);
  });

  it('a walk cancelled while its next sign-in is being prepared starts no sign-in', async () => {
    const first = harness();
    const file = path.join(dir, 'walked.ini');
    first.auto.approve = true;
    await first.service.dispatch('startAcquisition', {
      clientId: idp.apps.confidential.clientId,
      clientSecret: idp.defaults.secrets.valid.value,
      userId: idp.users.admin.upn,
      protocols: ['smtp'],
      redirectPort: 0,
      outFile: file,
    });
    await until(
      first,
      () => first.events.some((e) => e.channel === 'mailboxes' && e.event.path === file),
      'registration',
    );
    // A fresh service over the same list, whose saved language takes a while to read: the walk's first step waits
    // there, its file read and checked, just before its sign-in would start.
    const h = harness(first.userData);
    let release = (): void => undefined;
    h.platform.loadLangChoice.mockImplementation(
      () => new Promise((resolve) => (release = () => resolve(undefined))),
    );
    await expect(
      h.service.dispatch('startReissueAll', {
        clientId: idp.apps.confidential.clientId,
        newSecret: idp.defaults.secrets.valid.value,
        redirectPort: 0,
      }),
    ).resolves.toEqual({ ok: true, value: { total: 1 } });
    await until(h, () => h.platform.loadLangChoice.mock.calls.length > 0, 'the language lookup');
    const cancelled = h.service.dispatch('cancelReissueAll', undefined);
    release();
    await cancelled;
    const done = h.events.find((e) => e.channel === 'reissue-all' && e.event.type === 'done');
    expect(done).toMatchObject({ event: { summary: { reissued: [], notReached: [{ path: file }] } } });
    expect(h.platform.openBrowser).not.toHaveBeenCalled();
    expect(sessionEvents(h)).toEqual([]);
  });

  it('three checks started together: one at a time, the last one left running, each ended by dispose', async () => {
    const h = harness();
    const file = path.join(dir, 'checked.ini');
    h.auto.approve = true;
    await expect(
      h.service.dispatch('startAcquisition', {
        clientId: idp.apps.confidential.clientId,
        clientSecret: idp.defaults.secrets.valid.value,
        userId: idp.users.admin.upn,
        protocols: ['smtp'],
        redirectPort: 0,
        outFile: file,
      }),
    ).resolves.toEqual({ ok: true, value: { started: true } });
    await until(
      h,
      () => h.events.some((e) => e.channel === 'mailboxes' && e.event.path === file),
      'registration',
    );

    const checks = [1, 2, 3].map(() => h.service.dispatch('checkTokenFile', { file, protocols: ['smtp'] }));
    // The two replaced checks end without waiting for a greeting that never comes.
    const replaced = await Promise.all(checks.slice(0, 2));
    for (const result of replaced) expect(result).toMatchObject({ ok: false });
    await until(h, () => silent.accepted >= 1, 'a connection from the last check');
    await h.service.dispose();
    await expect(checks[2]).resolves.toMatchObject({ ok: false });
    expect(silent.accepted).toBe(1);
    expect(silent.maxOpen).toBe(1);
  });
});
