/**
 * The wizard service's "one at a time" rules under requests that overlap, over the real core: sign-ins against
 * the sandbox identity provider on a real redirect port, token checks against a real mail port that never
 * greets. However many requests arrive together, at most one sign-in and one check run at a time, the last
 * request is the one left running, and dispose ends every one that started.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import type { AcquisitionEvent } from '../../electron/shared/contract.js';
import { startSilentServer } from '../fixtures/mail/index.js';
import type { LineServer } from '../fixtures/mail/line-server.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { tempDir } from '../helpers/acquisition.js';
import { sandboxService } from '../helpers/sandbox-service.js';

/** A port nothing listens on now (the sign-ins below all ask for it). */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

let idp: SandboxIdp;
let route: SandboxRoute;
let silent: LineServer;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
  silent = await startSilentServer();
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  await silent.close();
  await route.close();
  await idp.close();
  await cleanup();
});

let counter = 0;

/** The service over the sandbox (its browser signing in only when asked), checks going to the silent server. */
function harness(userData = path.join(dir, `userdata-${++counter}`)) {
  const h = sandboxService(idp, route, {
    userData,
    mailCheck: {
      endpoints: { smtp: { host: silent.host, port: silent.port } },
      // Long enough that only an abort ends a login here, short enough that a leftover one ends the test run.
      timeouts: { connect: 10_000, greeting: 10_000, command: 10_000 },
    },
  });
  h.browser.approve = false;
  const sessionEvents = (): AcquisitionEvent[] =>
    h.events.flatMap((e) => (e.channel === 'session' ? [e.event] : []));
  return { ...h, sessionEvents };
}

/** A sign-in's input for a file in the temporary folder. */
const signInTo = (name: string, redirectPort = 0) => ({
  clientId: idp.apps.confidential.clientId,
  clientSecret: idp.defaults.secrets.valid.value,
  userId: idp.users.admin.upn,
  protocols: ['smtp'],
  redirectPort,
  outFile: path.join(dir, `${name}.ini`),
});

/** Writes a token file through the service, approved in the scripted browser, and waits until it is listed. */
async function acquire(h: ReturnType<typeof harness>, name: string): Promise<string> {
  h.browser.approve = true;
  const input = signInTo(name);
  await expect(h.service.dispatch('startAcquisition', input)).resolves.toEqual({
    ok: true,
    value: { started: true },
  });
  await expect
    .poll(() => h.events.some((e) => e.channel === 'mailboxes' && e.event.path === input.outFile))
    .toBe(true);
  h.browser.approve = false;
  return input.outFile;
}

describe('requests that overlap', () => {
  it('three sign-ins started together: one after the other on the one port, each ended, none left behind', async () => {
    const h = harness();
    const port = await unusedPort();
    const start = (name: string) =>
      h.service.dispatch('startAcquisition', {
        ...signInTo(name, port),
        // The shortest a sign-in may wait: a sign-in left running by mistake ends on its own soon after.
        timeoutSeconds: 10,
      });
    const started = await Promise.all([start('first'), start('second'), start('third')]);
    expect(started).toEqual(Array.from({ length: 3 }, () => ({ ok: true, value: { started: true } })));
    await h.service.dispose();
    const ends = h.sessionEvents().filter((e) => ['written', 'failed', 'cancelled'].includes(e.type));
    // Two replaced, the last one cancelled by dispose; never two on the port at once (that one fails: port busy).
    expect(ends).toEqual([{ type: 'cancelled' }, { type: 'cancelled' }, { type: 'cancelled' }]);
  });

  it('a walk cancelled while its next sign-in is being prepared starts no sign-in', async () => {
    const first = harness();
    const file = await acquire(first, 'walked');
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
    await expect.poll(() => h.platform.loadLangChoice.mock.calls.length).toBeGreaterThan(0);
    const cancelled = h.service.dispatch('cancelReissueAll', undefined);
    release();
    await cancelled;
    const done = h.events.find((e) => e.channel === 'reissue-all' && e.event.type === 'done');
    expect(done).toMatchObject({ event: { summary: { reissued: [], notReached: [{ path: file }] } } });
    expect(h.platform.openBrowser).not.toHaveBeenCalled();
    expect(h.sessionEvents()).toEqual([]);
  });

  it('three checks started together: one at a time, the last one left running, each ended by dispose', async () => {
    const h = harness();
    const file = await acquire(h, 'checked');
    const before = silent.accepted;
    const checks = [1, 2, 3].map(() => h.service.dispatch('checkTokenFile', { file, protocols: ['smtp'] }));
    // The two replaced checks end without waiting for a greeting that never comes.
    const replaced = await Promise.all(checks.slice(0, 2));
    for (const result of replaced) expect(result).toMatchObject({ ok: false });
    await expect.poll(() => silent.accepted).toBeGreaterThan(before);
    await h.service.dispose();
    await expect(checks[2]).resolves.toMatchObject({ ok: false });
    expect(silent.accepted - before).toBe(1);
    expect(silent.maxOpen).toBe(1);
  });
});
