/**
 * "Rotate secret" through `dispatch`, against the sandbox identity provider (routed from Microsoft's hostnames,
 * through the app's own network client): a fleet of listed files of two apps, one with a dead token, one
 * unreadable. A refused Value changes nothing (the remembered secret neither); the new one rotates every listed
 * file of the app with no sign-in, records how each went, replaces the remembered secret, and the dead file is
 * then re-issued with one sign-in and the secret it now holds. The secret never comes back to the renderer.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';
import { openMailboxRegistry, tokenEndpointOfFile } from '../../electron/core/upkeep/mailbox-registry.js';
import type { RotateSecretReport } from '../../electron/shared/contract.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { AppRegistration, AppSecret, SandboxIdp } from '../fixtures/sandbox/idp.js';
import { tempDir } from '../helpers/acquisition.js';
import { fakeEncryptor } from '../helpers/fake-platform.js';
import { writeFleet } from '../helpers/fleet.js';
import type { FleetFile } from '../helpers/fleet.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { sandboxService } from '../helpers/sandbox-service.js';
import { pickFile } from '../helpers/pick-file.js';

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

const DAY = 86_400_000;
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

function rotatingApp(name: string): { app: AppRegistration; old: AppSecret; added: AppSecret } {
  const app = idp.registry.addApp({
    displayName: name,
    tenantId: 'personal+multi',
    redirectUris: [{ uri: 'http://localhost:8001/myapp/', type: 'web' }],
  });
  const old = idp.registry.addSecret(app.clientId, new Date(Date.now() + 5 * DAY));
  const added = idp.registry.addSecret(app.clientId, new Date(Date.now() + 700 * DAY));
  return { app, old, added };
}

let counter = 0;

describe('rotate secret in the app', () => {
  it('refused: nothing changes; accepted: every listed file of the app, the dead one re-issued in one sign-in', async () => {
    const folder = path.join(dir, `fleet-${++counter}`);
    const userData = path.join(dir, `userdata-${counter}`);
    await mkdir(folder);
    const h = sandboxService(idp, route, { userData });
    const a = rotatingApp('Printers');
    const b = rotatingApp('Scanners');
    const files = await writeFleet(
      idp,
      folder,
      [
        { name: 'a1.ini', clientId: a.app.clientId, secret: a.old.value },
        // The admin's own mailbox: the scripted browser signs in as the admin when it is re-issued.
        { name: 'a2.ini', clientId: a.app.clientId, secret: a.old.value, upn: idp.users.admin.upn },
        { name: 'a3.ini', clientId: a.app.clientId, secret: a.old.value },
        { name: 'a4.ini', clientId: a.app.clientId, secret: a.old.value },
        { name: 'b1.ini', clientId: b.app.clientId, secret: b.old.value },
      ],
      'production',
    );
    const [a1, a2, a3, a4, b1] = files as [FleetFile, FleetFile, FleetFile, FleetFile, FleetFile];
    await pickFile(h, ...files.map((f) => f.file));
    for (const { file } of files)
      expect(await h.service.dispatch('addMailbox', { path: file })).toMatchObject({ ok: true });
    idp.expireRefreshToken(a2.token);
    // Listed while readable, then damaged: reported, not rotated.
    await writeFile(a4.file, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    const registry = openMailboxRegistry({ dir: userData, encryptor: fakeEncryptor(true) });
    const endpoint = (await tokenEndpointOfFile(a1.file)) ?? '';
    await registry.rememberSecret(a.app.clientId, endpoint, a.old.value);
    const before = await Promise.all(files.map((f) => readFile(f.file)));

    // Another app's secret: refused at the first file, nothing written, the remembered secret kept.
    const refused = await h.service.dispatch('rotateSecret', {
      clientId: a.app.clientId,
      newSecret: b.added.value,
      rememberSecret: true,
    });
    expect(refused).toMatchObject({ ok: true, value: { status: 'refused' } });
    const refusedReport = (refused as { value: Extract<RotateSecretReport, { status: 'refused' }> }).value;
    expect(refusedReport.explanation.id).toBe('AADSTS7000215');
    expect(await Promise.all(files.map((f) => readFile(f.file)))).toEqual(before);
    expect(await registry.recallSecret(a.app.clientId, endpoint)).toBe(a.old.value);

    // The secret's ID: the provider's own rule, at the field.
    const asId = await h.service.dispatch('rotateSecret', {
      clientId: a.app.clientId,
      newSecret: a.added.id,
    });
    expect(asId).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ field: 'clientSecret', key: 'secretLooksLikeId' }] },
    });

    const done = await h.service.dispatch('rotateSecret', {
      clientId: a.app.clientId,
      newSecret: ` ${a.added.value} `,
      secretExpiresAt: '2028-01-31',
      rememberSecret: true,
    });
    expect(done.ok).toBe(true);
    const report = (done as { value: RotateSecretReport }).value;
    if (report.status !== 'done') throw new Error(`not done: ${JSON.stringify(report)}`);
    // The app's listed files only, in the list's order (by mailbox): b1 is another app's and not listed for it.
    const byFile = new Map(report.outcomes.map((o) => [o.file, o]));
    expect(report.outcomes).toHaveLength(4);
    expect(byFile.get(a1.file)?.status).toBe('rotated');
    expect(byFile.get(a2.file)).toMatchObject({ status: 'needs-sign-in', secretRecorded: true });
    expect(byFile.get(a3.file)?.status).toBe('rotated');
    expect(byFile.get(a4.file)).toMatchObject({ status: 'failed', code: 'file-format' });
    expect(report).toMatchObject({
      verified: true,
      summary: { total: 4, rotated: 2, needsSignIn: 1, failed: 1, skipped: 0 },
      rememberedSecret: 'replaced',
    });
    expect(await registry.recallSecret(a.app.clientId, endpoint)).toBe(a.added.value);
    expect(await readFile(b1.file)).toEqual(before[4]);
    for (const { file } of [a1, a3]) {
      const content = await readTokenFile(file);
      expect(content.exists && content.oauth2.ClientSecret).toBe(a.added.value);
      expect(content.exists && content.meta.ClientSecretExpiresAt).toBe('2028-01-31');
    }
    // The list shows how each went.
    const list = await h.service.dispatch('listMailboxes', undefined);
    const status = (file: string) =>
      list.ok ? list.value.mailboxes.find((m) => m.entry.path === file)?.entry.lastStatus : undefined;
    expect([status(a1.file), status(a2.file), status(a4.file)]).toEqual([
      'refreshed',
      'needs-reissue',
      undefined,
    ]);

    // The old secret deleted, the dead file re-issued: one sign-in, the file's (new) secret kept.
    idp.registry.removeSecret(a.app.clientId, a.old.id);
    const reissue = await h.service.dispatch('startReissue', {
      path: a2.file,
      changes: { redirectPort: 0 },
      keepFileSecret: true,
    });
    expect(reissue).toEqual({ ok: true, value: { started: true } });
    await expect
      .poll(
        () =>
          h.events.find(
            (e) => e.channel === 'session' && (e.event.type === 'written' || e.event.type === 'failed'),
          ),
        {
          timeout: 15_000,
        },
      )
      .toMatchObject({ event: { type: 'written' } });
    const reissued = await readTokenFile(a2.file);
    expect(reissued.exists && reissued.oauth2.ClientSecret).toBe(a.added.value);
    expect(reissued.exists && reissued.oauth2.RefreshToken).not.toBe(a2.token);

    // Nothing the renderer got, or was sent, holds a secret or a token.
    const published = JSON.stringify([refused, asId, done, list, h.events]);
    for (const needle of [a.added.value, a.old.value, b.added.value, ...files.map((f) => f.token)])
      expect(published).not.toContain(needle);
    await h.service.dispose();
  });

  it('not asked to remember: a remembered (old) secret is forgotten; no file of the app listed: no-files', async () => {
    const folder = path.join(dir, `fleet-${++counter}`);
    const userData = path.join(dir, `userdata-${counter}`);
    await mkdir(folder);
    const h = sandboxService(idp, route, { userData });
    const a = rotatingApp('Relays');
    const [a1] = await writeFleet(
      idp,
      folder,
      [{ name: 'a1.ini', clientId: a.app.clientId, secret: a.old.value }],
      'production',
    );
    if (a1 === undefined) throw new Error('unreachable');
    await pickFile(h, a1.file);
    await h.service.dispatch('addMailbox', { path: a1.file });
    const registry = openMailboxRegistry({ dir: userData, encryptor: fakeEncryptor(true) });
    await registry.rememberSecret(a.app.clientId, (await tokenEndpointOfFile(a1.file)) ?? '', a.old.value);
    const done = await h.service.dispatch('rotateSecret', {
      clientId: a.app.clientId,
      newSecret: a.added.value,
      rememberSecret: false,
    });
    expect(done).toMatchObject({ ok: true, value: { status: 'done', rememberedSecret: 'forgotten' } });
    expect(await registry.hasSecret(a.app.clientId)).toBe(false);
    const none = await h.service.dispatch('rotateSecret', {
      clientId: rotatingApp('Unlisted').app.clientId,
      newSecret: a.added.value,
    });
    expect(none).toEqual({ ok: true, value: { status: 'no-files', outcomes: [] } });
    await h.service.dispose();
  });
});
