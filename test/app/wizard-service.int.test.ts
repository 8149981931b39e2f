/**
 * The wizard service's token-upkeep operations through `dispatch`, over the real core: acquisitions against the
 * sandbox identity provider (routed from Microsoft's hostnames), the token check against the sandbox mail
 * servers, refresh, re-issue and the mailbox registry in a temporary user-data folder. What the renderer gets
 * back never holds the client secret or a token.
 */
import { appendFile, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';
import type { WizardService } from '../../electron/app/wizard-service.js';
import type { WizardEvent } from '../../electron/shared/contract.js';
import { startSandboxMail } from '../fixtures/mail/index.js';
import type { SandboxMail } from '../fixtures/mail/index.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { tempDir } from '../helpers/acquisition.js';
import type { fakePlatform } from '../helpers/fake-platform.js';
import { sandboxService } from '../helpers/sandbox-service.js';
import { pickFile } from '../helpers/pick-file.js';

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

let idp: SandboxIdp;
/** Production login hosts to the sandbox, for the app's network client. */
let route: SandboxRoute;
let mail: SandboxMail;
let dir: string;
let cleanup: () => Promise<void>;
let secret: string;

beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
  mail = await startSandboxMail({ idp });
  ({ dir, cleanup } = await tempDir());
  secret = idp.defaults.secrets.valid.value;
});
afterAll(async () => {
  await mail.close();
  await route.close();
  await idp.close();
  await cleanup();
});
beforeEach(() => mail.reset());

interface Harness {
  service: WizardService;
  events: WizardEvent[];
  platform: ReturnType<typeof fakePlatform>;
  userData: string;
}

let counter = 0;

function harness(options: { encryptionAvailable?: boolean } = {}): Harness {
  return sandboxService(idp, route, {
    userData: path.join(dir, `userdata-${++counter}`),
    ...options,
    mailCheck: {
      endpoints: { smtp: mail.smtp, imap: mail.imap, pop: mail.pop },
      extraCaPem: idp.caPem,
      timeouts: { connect: 3000, greeting: 3000, command: 3000 },
    },
  });
}

const profileFor = (outFile: string) => ({
  clientId: idp.apps.confidential.clientId,
  clientSecret: secret,
  userId: idp.users.admin.upn,
  protocols: ['smtp', 'imap', 'pop'],
  redirectPort: 0,
  outFile,
});

/** Waits until the acquisition has ended and the registry has heard of it. */
async function ended(h: Harness, file: string): Promise<WizardEvent[]> {
  const done = (): boolean =>
    h.events.some((e) => e.channel === 'mailboxes' && e.event.path === file) ||
    h.events.some((e) => e.channel === 'session' && e.event.type === 'failed');
  // A plain loop rather than expect.poll: it also runs in beforeAll.
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 15_000) throw new Error(`no outcome for ${file}: ${JSON.stringify(h.events)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return h.events;
}

async function acquire(h: Harness, file: string, rememberSecret = false): Promise<void> {
  const started = await h.service.dispatch('startAcquisition', {
    ...profileFor(file),
    ...(rememberSecret ? { rememberSecret: true } : {}),
  });
  expect(started).toEqual({ ok: true, value: { started: true } });
  await ended(h, file);
  const failed = h.events.find((e) => e.channel === 'session' && e.event.type === 'failed');
  expect(failed, JSON.stringify(failed)).toBeUndefined();
}

async function secretsOf(file: string): Promise<string[]> {
  const content = await readTokenFile(file);
  if (!content.exists) throw new Error('no file');
  return [content.oauth2.ClientSecret ?? '', content.oauth2.RefreshToken ?? ''].filter((s) => s.length > 8);
}

async function expectNoSecret(file: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  for (const s of [secret, ...(await secretsOf(file))]) expect(text).not.toContain(s);
}

describe('after an acquisition', () => {
  it('lists the file among the mailboxes, without the secret unless asked', async () => {
    const h = harness();
    const file = path.join(dir, 'plain.ini');
    await acquire(h, file);
    expect(h.events).toContainEqual({
      channel: 'mailboxes',
      event: { type: 'registered', path: file, secret: 'not-requested' },
    });
    const list = await h.service.dispatch('listMailboxes', undefined);
    expect(list).toMatchObject({
      ok: true,
      value: {
        encryptionAvailable: true,
        mailboxes: [
          {
            entry: { path: file, mailbox: idp.users.admin.upn, clientId: idp.apps.confidential.clientId },
            health: { mailbox: idp.users.admin.upn, token: 'ok', protocols: ['smtp', 'imap', 'pop'] },
            secretRemembered: false,
          },
        ],
      },
    });
    await expectNoSecret(file, list);
    const registry = await readFile(path.join(h.userData, 'mailboxes.json'), 'utf8');
    expect(registry).not.toContain(secret);
    await expect(
      h.service.dispatch('hasSecret', { clientId: idp.apps.confidential.clientId }),
    ).resolves.toEqual({ remembered: false, encryptionAvailable: true });
    await expectNoSecret(file, h.events);
  });

  it('remembers the secret encrypted when asked, and forgets it', async () => {
    const h = harness();
    const file = path.join(dir, 'remember.ini');
    await acquire(h, file, true);
    expect(h.events).toContainEqual({
      channel: 'mailboxes',
      event: { type: 'registered', path: file, secret: 'remembered' },
    });
    const registry = await readFile(path.join(h.userData, 'mailboxes.json'), 'utf8');
    expect(registry).not.toContain(secret);
    expect(h.platform.encryptor).toHaveBeenCalled();
    const clientId = idp.apps.confidential.clientId;
    await expect(h.service.dispatch('hasSecret', { clientId })).resolves.toEqual({
      remembered: true,
      encryptionAvailable: true,
    });
    await expect(h.service.dispatch('forgetSecret', { clientId })).resolves.toEqual({
      ok: true,
      value: { forgotten: true },
    });
    await expect(h.service.dispatch('hasSecret', { clientId })).resolves.toMatchObject({ remembered: false });
  });

  it('refuses to remember a secret where nothing can encrypt it', async () => {
    const h = harness({ encryptionAvailable: false });
    const file = path.join(dir, 'no-encryption.ini');
    await acquire(h, file, true);
    expect(h.events).toContainEqual({
      channel: 'mailboxes',
      event: { type: 'registered', path: file, secret: 'encryption-unavailable' },
    });
    expect(await readFile(path.join(h.userData, 'mailboxes.json'), 'utf8')).not.toContain(secret);
  });
});

describe('an existing file', () => {
  let h: Harness;
  let file: string;
  beforeAll(async () => {
    h = harness();
    file = path.join(dir, 'existing.ini');
    await acquire(h, file);
  });

  it('tokenHealth: masked values and the days left, nothing secret', async () => {
    const result = await h.service.dispatch('tokenHealth', { path: file });
    expect(result).toMatchObject({
      ok: true,
      value: { mailbox: idp.users.admin.upn, token: 'ok', daysLeft: 89 },
    });
    await expectNoSecret(file, result);
    // Picked, then gone (moved away since).
    await pickFile(h, path.join(dir, 'none.ini'));
    await expect(
      h.service.dispatch('tokenHealth', { path: path.join(dir, 'none.ini') }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'file-unreadable' },
    });
  });

  it('checkTokenFile: logs in to the sandbox mail servers, streams progress, leaks nothing', async () => {
    h.events.length = 0;
    const result = await h.service.dispatch('checkTokenFile', { file, protocols: ['smtp', 'imap'] });
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    if (!result.ok) return;
    expect(result.value.results.map((r) => [r.protocol, r.ok])).toEqual([
      ['smtp', true],
      ['imap', true],
    ]);
    const checkEvents = h.events.flatMap((e) => (e.channel === 'check' ? [e] : []));
    expect(checkEvents.every((e) => e.file === file)).toBe(true);
    expect(checkEvents.map((e) => e.event.type)).toEqual(
      expect.arrayContaining(['redeeming', 'connecting', 'result']),
    );
    await expectNoSecret(file, result);
    await expectNoSecret(file, h.events);
    for (const token of mail.directory.seenTokens) expect(JSON.stringify(result)).not.toContain(token);
  });

  it('checkTokenFile: sends the test message when asked', async () => {
    const result = await h.service.dispatch('checkTokenFile', {
      file,
      protocols: ['smtp'],
      sendTo: 'someone@contoso.onmicrosoft.com',
    });
    expect(result).toMatchObject({ ok: true, value: { ok: true, results: [{ messageSent: true }] } });
    expect(mail.delivered).toHaveLength(1);
  });

  it('refreshFiles: writes the rotated token, keeps a .bak, records it in the registry', async () => {
    const before = await readTokenFile(file);
    const result = await h.service.dispatch('refreshFiles', { paths: [file] });
    expect(result).toMatchObject({ ok: true, value: [{ status: 'refreshed', file }] });
    const after = await readTokenFile(file);
    expect(after.exists && after.oauth2.RefreshToken).not.toBe(before.exists && before.oauth2.RefreshToken);
    await stat(`${file}.bak`);
    await expectNoSecret(file, result);
    const list = await h.service.dispatch('listMailboxes', undefined);
    expect(list).toMatchObject({ ok: true, value: { mailboxes: [{ entry: { lastStatus: 'refreshed' } }] } });
  });
});

describe('re-issue', () => {
  it('readReissueFile: the form from the file, never its secret', async () => {
    const h = harness();
    const file = path.join(dir, 'prefill.ini');
    await acquire(h, file);
    const result = await h.service.dispatch('readReissueFile', { path: file });
    expect(result).toMatchObject({
      ok: true,
      value: {
        secretInFile: true,
        missing: [],
        input: {
          outFile: file,
          clientId: idp.apps.confidential.clientId,
          userId: idp.users.admin.upn,
          protocols: ['smtp', 'imap', 'pop'],
        },
      },
    });
    expect(result.ok && 'clientSecret' in result.value.input).toBe(false);
    await expectNoSecret(file, result);
  });

  it('startReissue: the file rewritten with its secret, unknown keys and sections kept, a .bak saved', async () => {
    const h = harness();
    const file = path.join(dir, 'reissue.ini');
    await acquire(h, file);
    await appendFile(file, '\r\n; the sender’s own settings\r\n[SMAIL]\r\nServer=smtp.office365.com\r\n');
    const original = await readTokenFile(file);
    const prefill = await h.service.dispatch('readReissueFile', { path: file });
    if (!prefill.ok) throw new Error('prefill failed');
    await rm(`${file}.bak`, { force: true });
    h.events.length = 0;

    const started = await h.service.dispatch('startReissue', {
      path: file,
      changes: { ...prefill.value.input, clientSecret: '', redirectPort: 0 },
      keepFileSecret: true,
    });
    expect(started).toEqual({ ok: true, value: { started: true } });
    await ended(h, file);
    expect(h.events.find((e) => e.channel === 'session' && e.event.type === 'written')).toBeDefined();

    const text = await readFile(file, 'utf8');
    expect(text).toContain('[SMAIL]\r\nServer=smtp.office365.com');
    expect(text).toContain('; the sender’s own settings');
    const rewritten = await readTokenFile(file);
    expect(rewritten.exists && rewritten.oauth2.ClientSecret).toBe(secret);
    expect(rewritten.exists && rewritten.oauth2.RefreshToken).not.toBe(
      original.exists && original.oauth2.RefreshToken,
    );
    expect(await readFile(`${file}.bak`, 'utf8')).toContain('[SMAIL]');
    await expectNoSecret(file, h.events);
  });

  it('startReissue without the file’s secret and without a new one is refused as invalid input', async () => {
    const h = harness();
    const file = path.join(dir, 'reissue-nosecret.ini');
    await acquire(h, file);
    const result = await h.service.dispatch('startReissue', {
      path: file,
      changes: { clientSecret: '' },
      keepFileSecret: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Not asking for the file's secret means not getting it, even when the changes say nothing of secrets.
    await expect(
      h.service.dispatch('startReissue', { path: file, changes: {}, keepFileSecret: false }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await pickFile(h, path.join(dir, 'missing.ini'));
    const missing = await h.service.dispatch('startReissue', {
      path: path.join(dir, 'missing.ini'),
      changes: {},
      keepFileSecret: true,
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
  });
});

describe('the mailbox list', () => {
  it('adds a token file, refuses a file that is not one, removes an entry', async () => {
    const h = harness();
    const file = path.join(dir, 'listed.ini');
    await acquire(h, file);
    await h.service.dispatch('removeMailbox', { path: file });
    await expect(h.service.dispatch('addMailbox', { path: file })).resolves.toMatchObject({
      ok: true,
      value: { path: file, mailbox: idp.users.admin.upn },
    });
    const other = path.join(dir, 'other.ini');
    await appendFile(other, '[Settings]\r\nColour=blue\r\n');
    await pickFile(h, other);
    await expect(h.service.dispatch('addMailbox', { path: other })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-a-token-file' },
    });
    await expect(h.service.dispatch('removeMailbox', { path: file })).resolves.toEqual({
      ok: true,
      value: { removed: true },
    });
    await expect(h.service.dispatch('listMailboxes', undefined)).resolves.toMatchObject({
      ok: true,
      value: { mailboxes: [] },
    });
  });
});
