/** The IPC handlers: one per operation, sender checks, untrusted input through the real wizard service. */
import type { WebContents, WebFrameMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createWizardService } from '../../electron/app/wizard-service.js';
import { createHttpsNetworkClient } from '../../electron/core/transport/node-https-transport.js';
import { EVENT_CHANNEL, OPERATION_NAMES, channelOf } from '../../electron/shared/contract.js';
import type { OperationName, WizardEvent } from '../../electron/shared/contract.js';
import { fakePlatform } from '../helpers/fake-platform.js';

const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

const { createEventSender, isTrustedSender, registerIpc } = await import('../../electron/main/ipc.js');
const { appPageOf } = await import('../../electron/main/window.js');

const page = appPageOf('/opt/rtw/dist/renderer/index.html', false);
const appFrame = (): { url: string; parent: null } => ({ url: `${page.url}#/start`, parent: null });
const fromApp = (): {
  sender: InstanceType<typeof stub.StubWebContents>;
  senderFrame: { url: string; parent: null };
} => ({
  sender: new stub.StubWebContents(),
  senderFrame: appFrame(),
});

/** Inputs every operation must refuse, whatever its schema (structured clone can carry all of these). */
const ALWAYS_BAD: unknown[] = [42, 'text', true, [], [1, 2], 10n];

/** Objects that are not plain (zod's `z.object` alone would accept them; the schemas refuse them). */
const NOT_PLAIN: unknown[] = [new Date(0), new Map([['clientId', 'x']])];

/** Inputs shaped almost right, per operation. */
const BAD_INPUTS: Record<OperationName, unknown[]> = {
  startAcquisition: [
    undefined,
    null,
    { clientId: 42 },
    { tenant: 'x'.repeat(300) },
    { clientSecret: 'x'.repeat(2000) },
    { protocols: 'smtp' },
    { protocols: Array.from({ length: 9 }, () => 'smtp') },
    { redirectPort: 8001.5 },
    { publicClient: 'yes' },
    { userId: 'a@b.c', extra: 1 },
    { useRememberedSecret: 'yes' },
    { provider: 'x'.repeat(40) },
    { providerValue: '123456789' },
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  ],
  startDeviceCode: [
    undefined,
    null,
    { clientId: 42 },
    { userId: 'x'.repeat(400) },
    { publicClient: 'yes' },
    { protocols: ['smtp'], extra: 1 },
    // A device code session remembers no secret: there is none.
    { clientId: '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c', rememberSecret: true },
    { timeoutSeconds: '900' },
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  ],
  cancelAcquisition: [{}, { now: true }, 0, ''],
  planOutputFile: [
    undefined,
    null,
    {},
    { path: '' },
    { path: 1 },
    { path: 'a.ini', extra: 1 },
    { path: 'x'.repeat(5000) },
  ],
  chooseOutputFile: [undefined, {}, { suggestedPath: null }, { suggestedPath: 'a', more: 1 }],
  defaultOutputFile: [{}, 0, ''],
  showInFolder: [undefined, {}, { path: '' }, { path: ['a'] }],
  copyText: [undefined, {}, { text: 1 }, { text: 'x'.repeat(70_000) }, { text: 'a', secret: 'b' }],
  getLanguage: [{}, 'ja'],
  setLanguage: [undefined, {}, { lang: 'fr' }, { lang: 'JA' }, { lang: 'ja', persist: true }],
  openExternal: [
    undefined,
    {},
    { page: 'https://evil.example/' },
    { url: 'https://entra.microsoft.com/' },
    { page: 'toString' },
    { page: '__proto__' },
    // The verification page is named, never given: the URI comes from the running session.
    { page: 'device-login', url: 'https://evil.example/devicelogin' },
    { page: 'https://microsoft.com/devicelogin' },
  ],
  suggestPort: [undefined, {}, { from: 0 }, { from: 65536 }, { from: 80.5 }, { from: '8001' }],
  chooseTokenFile: [{}, 0, '', { path: '/tmp/a.ini' }],
  tokenHealth: [
    undefined,
    null,
    {},
    { path: '' },
    { path: 1 },
    { path: 'x'.repeat(5000) },
    { path: 'a', x: 1 },
  ],
  checkTokenFile: [
    undefined,
    {},
    { file: '' },
    { file: 'a.ini', protocols: ['smtp', 'http'] },
    { file: 'a.ini', protocols: [] },
    { file: 'a.ini', protocols: 'smtp' },
    { file: 'a.ini', sendTo: 'x'.repeat(400) },
    { file: 'a.ini', sendTo: 7 },
    // The servers the access token goes to are the host's to choose, never the renderer's.
    { file: 'a.ini', endpoints: { smtp: { host: 'evil.example', port: 587 } } },
  ],
  refreshFiles: [
    undefined,
    {},
    { paths: [] },
    { paths: 'a.ini' },
    { paths: [''] },
    { paths: [1] },
    { paths: Array.from({ length: 201 }, () => 'a.ini') },
    { paths: ['a.ini'], force: true },
  ],
  readReissueFile: [undefined, {}, { path: '' }, { path: ['a'] }, { path: 'a.ini', withSecret: true }],
  startReissue: [
    undefined,
    {},
    { path: 'a.ini' },
    { path: 'a.ini', changes: {} },
    { path: 'a.ini', changes: {}, keepFileSecret: 'yes' },
    { path: 'a.ini', changes: { clientId: 1 }, keepFileSecret: true },
    { path: 'a.ini', changes: { rememberSecret: true }, keepFileSecret: true },
    { path: 'a.ini', changes: new Date(0), keepFileSecret: true },
    { path: '', changes: {}, keepFileSecret: false },
    { path: 'a.ini', changes: {}, keepFileSecret: false, rememberSecret: 1 },
  ],
  startReissueAll: [
    undefined,
    {},
    { clientId: '' },
    { clientId: 1 },
    { clientId: 'x'.repeat(300) },
    { clientId: 'a', newSecret: 42 },
    { clientId: 'a', newSecret: 'x'.repeat(2000) },
    { clientId: 'a', useRememberedSecret: 'yes' },
    { clientId: 'a', secretExpiresAt: '2025-01-01T00:00:00Z' },
    { clientId: 'a', rememberSecret: 1 },
    { clientId: 'a', redirectPort: 70000 },
    { clientId: 'a', redirectPort: 1.5 },
    { clientId: 'a', paths: ['x.ini'] },
  ],
  rotateSecret: [
    undefined,
    {},
    { clientId: 'a' },
    { clientId: 'a', newSecret: '' },
    { clientId: 'a', newSecret: 5 },
    { clientId: '', newSecret: 'x' },
    { clientId: 'a', newSecret: 'x'.repeat(2000) },
    { clientId: 'a', newSecret: 'x', secretExpiresAt: '2025-01-01T00:00:00Z' },
    { clientId: 'a', newSecret: 'x', rememberSecret: 'yes' },
    // The files are the listed ones of the app: the renderer cannot name others.
    { clientId: 'a', newSecret: 'x', paths: ['/etc/x.ini'] },
  ],
  skipReissueAllStep: ['', 0, { now: true }],
  cancelReissueAll: ['', 0, { all: true }],
  keepAliveStatus: [undefined, {}, { paths: [] }, { paths: [''] }, { paths: ['/a.ini'], everyDays: 7 }],
  keepAliveAdd: [
    undefined,
    { paths: ['/a.ini'] },
    { paths: ['/a.ini'], everyDays: 0, at: '03:17', loggedOut: false },
    { paths: ['/a.ini'], everyDays: 31, at: '03:17', loggedOut: false },
    { paths: ['/a.ini'], everyDays: 7, at: '3:17', loggedOut: false },
    { paths: ['/a.ini'], everyDays: 7, at: '03:17', loggedOut: 'yes' },
    // The renderer never names the program a schedule runs: the main process knows where the app is.
    { paths: ['/a.ini'], everyDays: 7, at: '03:17', loggedOut: false, command: ['/bin/sh', '-c', 'evil'] },
  ],
  keepAliveRemove: [undefined, {}, { paths: [] }, { paths: ['/a.ini'], all: true }],
  alertSettings: [{}, 0, 'all'],
  setAlertSettings: [
    undefined,
    { webhookUrl: '' },
    { webhookUrl: 'x'.repeat(5000) },
    { webhookFormat: 'discord' },
    { email: 'admin@contoso.com' },
    { email: { to: 'a@b.c', smtpHost: 'evil.example:25' } },
    { osLog: 'on' },
    { lang: 'fr' },
    // Where the e-mail leaves from is the CLI's (rtw alert set --smtp-host), never the renderer's: the token goes there.
    { smtpHost: 'evil.example:25' },
  ],
  testAlerts: [undefined, {}, { paths: [''] }, { paths: ['/a.ini'], to: 'x@y.z' }],
  listMailboxes: [{}, 0, 'all'],
  addMailbox: [undefined, {}, { path: '' }, { path: null }, { path: 'a.ini', mailbox: 'x' }],
  removeMailbox: [undefined, {}, { path: '' }, { path: 2 }, { path: 'a.ini', all: true }],
  hasSecret: [undefined, {}, { clientId: '' }, { clientId: 1 }, { clientId: 'x'.repeat(300) }],
  forgetSecret: [undefined, {}, { clientId: '' }, { clientId: ['a'] }, { clientId: 'a', secret: 'b' }],
  explainText: [
    undefined,
    {},
    { text: '' },
    { text: 1 },
    { text: 'x'.repeat(20_000) },
    { text: '535 5.7.8 x', protocol: 'http' },
    { text: 'a', lang: 'en' },
  ],
  listKnownApps: [{}, 0, 'all', { withSecrets: true }],
  setSecretExpiry: [
    undefined,
    {},
    { path: 'a.ini' },
    { path: '', expiresAt: '2026-03-31' },
    { path: 'a.ini', expiresAt: '2026-03-31T00:00:00Z' },
    { path: 'a.ini', expiresAt: 20260331 },
    { path: 'a.ini', expiresAt: '2026-03-31', clientSecret: 'x' },
  ],
};

/** Platform capabilities that change something outside the service. */
const SIDE_EFFECTS = [
  'chooseOutputFile',
  'showInFolder',
  'copyText',
  'openExternal',
  'openDeviceLogin',
  'openBrowser',
  'saveLangChoice',
] as const;

beforeEach(() => stub.resetElectronStub());

describe('registerIpc', () => {
  it('registers exactly one handler per contract operation', () => {
    registerIpc({ dispatch: vi.fn(), isAppUrl: page.isAppUrl });
    expect([...stub.ipcMain.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelOf).sort());
  });

  it('removes its handlers when asked', () => {
    const unregister = registerIpc({ dispatch: vi.fn(), isAppUrl: page.isAppUrl });
    unregister();
    expect(stub.ipcMain.handlers.size).toBe(0);
  });

  it('passes the raw input of the app page to dispatch, with the operation name', async () => {
    const dispatch = vi.fn((name: OperationName, input: unknown) => Promise.resolve({ name, input }));
    registerIpc({ dispatch, isAppUrl: page.isAppUrl });
    for (const name of OPERATION_NAMES) {
      const input = { marker: name };
      await expect(stub.ipcMain.invoke(channelOf(name), fromApp(), input)).resolves.toEqual({ name, input });
    }
    expect(dispatch).toHaveBeenCalledTimes(OPERATION_NAMES.length);
  });

  it('rejects a call from a foreign frame, a subframe or a gone frame, without dispatching', async () => {
    const dispatch = vi.fn(() => Promise.resolve('dispatched'));
    registerIpc({ dispatch, isAppUrl: page.isAppUrl });
    const disposed = {
      parent: null,
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const foreignFrames = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/evil.html', parent: null },
      { url: page.url, parent: { url: 'https://evil.example/', parent: null } },
      disposed,
      null,
    ];
    for (const senderFrame of foreignFrames) {
      for (const name of OPERATION_NAMES) {
        const result = await stub.ipcMain.invoke(
          channelOf(name),
          { sender: new stub.StubWebContents(), senderFrame },
          { path: '/tmp/x' },
        );
        expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      }
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('trusts only the app page top frame', () => {
    expect(isTrustedSender(appFrame() as unknown as WebFrameMain, page.isAppUrl)).toBe(true);
    expect(isTrustedSender(null, page.isAppUrl)).toBe(false);
  });
});

describe('malformed input through the real wizard service', () => {
  const setUp = (): { platform: ReturnType<typeof fakePlatform>; emitted: WizardEvent[] } => {
    const platform = fakePlatform();
    const emitted: WizardEvent[] = [];
    const service = createWizardService({
      platform,
      createNetworkClient: () => createHttpsNetworkClient(),
      emit: (e) => emitted.push(e),
    });
    registerIpc({ dispatch: (name, input) => service.dispatch(name, input), isAppUrl: page.isAppUrl });
    return { platform, emitted };
  };

  it.each(OPERATION_NAMES)(
    '%s: every malformed input is refused as invalid-payload, nothing runs',
    async (name) => {
      const { platform, emitted } = setUp();
      for (const input of [...ALWAYS_BAD, ...BAD_INPUTS[name]]) {
        const result = await stub.ipcMain.invoke(channelOf(name), fromApp(), input);
        expect(result, `${name} ${String(input)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-payload' },
        });
        // The renderer gets an explanation, never a stack trace.
        expect(JSON.stringify(result)).not.toMatch(/\n\s+at /);
      }
      for (const capability of Object.values(platform)) expect(capability).not.toHaveBeenCalled();
      expect(emitted).toEqual([]);
    },
  );

  it.each(OPERATION_NAMES)('%s: objects that are not plain are refused, nothing runs', async (name) => {
    const { platform, emitted } = setUp();
    for (const input of NOT_PLAIN) {
      const result = await stub.ipcMain.invoke(channelOf(name), fromApp(), input);
      expect(result, `${name} ${String(input)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
    }
    // Reading the saved language to validate in it is fine; no side effect may happen.
    for (const effect of SIDE_EFFECTS) expect(platform[effect]).not.toHaveBeenCalled();
    expect(emitted).toEqual([]);
  });

  it('runs well-formed input', async () => {
    const { platform, emitted } = setUp();
    await expect(
      stub.ipcMain.invoke(channelOf('copyText'), fromApp(), { text: 'http://localhost:8001/myapp/' }),
    ).resolves.toBeUndefined();
    expect(platform.copyText).toHaveBeenCalledWith('http://localhost:8001/myapp/');
    await expect(stub.ipcMain.invoke(channelOf('getLanguage'), fromApp())).resolves.toEqual({
      lang: 'ja',
      source: 'os',
    });
    await expect(stub.ipcMain.invoke(channelOf('setLanguage'), fromApp(), { lang: 'en' })).resolves.toEqual({
      lang: 'en',
      source: 'user',
    });
    expect(emitted).toEqual([{ channel: 'language', state: { lang: 'en', source: 'user' } }]);
  });
});

describe('createEventSender', () => {
  it('sends events to the live window on the event channel, drops them after it is gone', () => {
    const contents = new stub.StubWebContents();
    let target: InstanceType<typeof stub.StubWebContents> | undefined = contents;
    const send = createEventSender(() => target as unknown as WebContents | undefined);
    const event: WizardEvent = { channel: 'session', event: { type: 'exchanging' } };
    send(event);
    expect(contents.sent).toEqual([{ channel: EVENT_CHANNEL, args: [event] }]);
    contents.destroyed = true;
    send(event);
    target = undefined;
    send(event);
    expect(contents.sent).toHaveLength(1);
  });
});
