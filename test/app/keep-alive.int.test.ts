/**
 * The app's Keep alive and alert operations through `dispatch`: the schedule made with the host's scheduler
 * (Windows here, its tools recorded: the real schedulers run in test/core/schedule and test/cli), a refusal shown
 * in the tool's words, the alert settings kept with the webhook masked, and a test alert reaching a local webhook
 * receiver. Nothing the renderer gets back holds the webhook's key.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWizardService } from '../../electron/app/wizard-service.js';
import { createHttpsNetworkClient } from '../../electron/core/transport/node-https-transport.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { startWebhookReceiver } from '../fixtures/webhook-receiver.js';
import type { WebhookReceiver } from '../fixtures/webhook-receiver.js';
import { fakeKeepAliveHost, fakePlatform } from '../helpers/fake-platform.js';
import { pickFile } from '../helpers/pick-file.js';
import { useTempDir } from '../helpers/temp-dir.js';

let idp: SandboxIdp;
let hook: WebhookReceiver;
const KEY = 'sig=a2VlcC1hbGl2ZS1rZXk';
beforeAll(async () => {
  idp = await createSandboxIdp();
  hook = await startWebhookReceiver(idp.serverTls);
});
afterAll(async () => {
  await hook.close();
  await idp.close();
});

const userData = useTempDir('keep-alive-app');

/** The app's service on `host`, the `picked` files chosen in its dialog (the window names only such files). */
async function service(host: ReturnType<typeof fakeKeepAliveHost>, ...picked: string[]) {
  const platform = fakePlatform({ userDataDir: userData.path });
  platform.keepAliveHost.mockImplementation(() => host);
  const app = createWizardService({
    platform,
    createNetworkClient: () => createHttpsNetworkClient({ env: {} }),
    emit: () => undefined,
    now: () => new Date('2026-12-06T10:00:00'),
  });
  await pickFile({ service: app, platform }, ...picked);
  return app;
}

describe('Keep alive in the app', () => {
  it('makes the schedule with this OS’s scheduler, running the app headless, and shows it', async () => {
    const created = new Set<string>();
    const host = fakeKeepAliveHost({
      answer: (call) => {
        const task = call.args[call.args.indexOf('/TN') + 1] ?? '';
        if (call.args[0] === '/Create') created.add(task);
        if (call.args[0] === '/Delete') created.delete(task);
        if (call.args[0] === '/Query') return created.has(task) ? { code: 0 } : { code: 1 };
        if (call.program === 'powershell.exe')
          return {
            stdout:
              '{"State":"Ready","LastRunTime":"2026-12-07T03:20:00Z","LastTaskResult":0,"NextRunTime":"2026-12-14T03:17:00Z"}',
          };
        return undefined;
      },
    });
    const file = 'C:\\Mail\\smail_refresh_token.ini';
    const app = await service(host, file);
    expect(await app.dispatch('keepAliveStatus', { paths: [file] })).toMatchObject({
      ok: true,
      value: { backend: 'windows-task', installed: false, notes: [] },
    });
    const added = await app.dispatch('keepAliveAdd', {
      paths: [file],
      everyDays: 14,
      at: '04:05',
      loggedOut: false,
    });
    expect(added).toMatchObject({
      ok: true,
      value: {
        installed: true,
        everyDays: 14,
        at: '04:05',
        loggedOut: false,
        nextRun: '2026-12-14T03:17:00.000Z',
        lastRun: { at: '2026-12-07T03:20:00.000Z', exitCode: 0 },
      },
    });
    if (!added.ok) return;
    // The app's language (the fake platform's OS is Japanese) goes to the scheduled run's messages and alerts.
    expect(added.value.command).toBe(
      `C:\\Program Files\\Refresh Token Wizard\\Refresh Token Wizard.exe refresh --scheduled --lang ja -- ${file}`,
    );
    expect(added.value.notes.map((n) => n.en).join(' ')).toMatch(/only while you are signed in/);
    expect(host.tools.lines().filter((l) => l.includes('/Create'))).toHaveLength(1);

    expect(await app.dispatch('keepAliveRemove', { paths: [file] })).toMatchObject({
      ok: true,
      value: { installed: false },
    });
    expect(host.tools.lines().some((l) => l.startsWith('schtasks.exe /Delete'))).toBe(true);
  });

  it('shows the scheduler’s refusal in its own words, and what is there', async () => {
    const host = fakeKeepAliveHost({
      answer: (call) =>
        call.args[0] === '/Create'
          ? { code: 1, stderr: 'ERROR: Access is denied.\r\n' }
          : call.args[0] === '/Query'
            ? { code: 1 }
            : undefined,
    });
    const result = await (
      await service(host, 'C:\\Mail\\a.ini')
    ).dispatch('keepAliveAdd', {
      paths: ['C:\\Mail\\a.ini'],
      everyDays: 7,
      at: '03:17',
      loggedOut: true,
    });
    expect(result).toMatchObject({ ok: true, value: { installed: false } });
    if (!result.ok) return;
    expect(result.value.problem?.en).toContain(
      'schtasks /Create failed (exit code 1): ERROR: Access is denied.',
    );
    expect(result.value.problem?.ja).toContain('管理者として実行');
  });
});

describe('alerts in the app', () => {
  it('keeps the settings with the webhook masked, refuses plain http, and sends a test alert', async () => {
    const app = await service(
      fakeKeepAliveHost({ extraCaPem: idp.caPem }),
      path.join(userData.path, 'a.ini'),
    );
    const refused = await app.dispatch('setAlertSettings', { webhookUrl: `http://hooks.example/x?${KEY}` });
    expect(refused).toMatchObject({ ok: true, value: { settings: { osLog: false } } });
    expect(JSON.stringify(refused)).not.toContain(KEY);
    if (refused.ok) expect(refused.value.problem?.en).toMatch(/https:\/\//);

    const none = await app.dispatch('testAlerts', { paths: [] });
    expect(none).toMatchObject({ ok: true, value: { channels: [] } });
    if (none.ok) expect(none.value.problem?.en).toMatch(/No alert channel/);

    const saved = await app.dispatch('setAlertSettings', {
      webhookUrl: `${hook.origin}/hook?${KEY}`,
      webhookFormat: 'json',
      email: { to: 'it-admin@contoso.com', via: path.join(userData.path, 'a.ini') },
      osLog: false,
      lang: 'en',
    });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        settings: {
          lang: 'en',
          webhook: { url: `https://127.0.0.1:${new URL(hook.origin).port}/…`, format: 'json' },
          email: { to: 'it-admin@contoso.com' },
          osLog: false,
        },
      },
    });
    expect(JSON.stringify(saved)).not.toContain(KEY);
    expect(JSON.stringify(await app.dispatch('alertSettings', undefined))).not.toContain(KEY);

    const tested = await app.dispatch('testAlerts', { paths: [] });
    expect(tested).toMatchObject({
      ok: true,
      value: {
        channels: [
          { channel: 'webhook', ok: true },
          { channel: 'email', ok: false },
        ],
      },
    });
    expect(JSON.stringify(tested)).not.toContain(KEY);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]?.json).toMatchObject({ host: 'jimu-pc', problems: [{ kind: 'test' }] });

    await app.dispatch('setAlertSettings', { clearWebhook: true, clearEmail: true, lang: 'run' });
    expect(await app.dispatch('alertSettings', undefined)).toEqual({
      ok: true,
      value: { settings: { osLog: false } },
    });
  });
});
