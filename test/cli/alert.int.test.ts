/**
 * `rtw alert` and `rtw refresh --scheduled` in process, against the sandbox IdP, the sandbox SMTP server and a
 * local webhook receiver: settings set, shown masked, tested and cleared; a scheduled refresh alerts once a day,
 * a plain one never; the webhook URL never printed.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxMail } from '../fixtures/mail/index.js';
import type { SandboxMail } from '../fixtures/mail/index.js';
import { readMessage } from '../fixtures/mail/mail-message.js';
import { startWebhookReceiver } from '../fixtures/webhook-receiver.js';
import type { WebhookReceiver } from '../fixtures/webhook-receiver.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { issueTokenFile, tokenIn } from '../helpers/token-files.js';

const sandbox = sandboxPerFile();
let hook: WebhookReceiver;
let mail: SandboxMail;
const KEY = 'sig=c2VjcmV0LXdlYmhvb2sta2V5';

beforeAll(async () => {
  hook = await startWebhookReceiver(sandbox.idp.serverTls);
  mail = await startSandboxMail({ idp: sandbox.idp });
});
afterAll(async () => {
  await hook.close();
  await mail.close();
});
beforeEach(() => {
  hook.received.length = 0;
  hook.answer = { status: 202, body: '' };
  mail.reset();
});

const config = (): string => path.join(sandbox.dir, 'config');
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  NODE_EXTRA_CA_CERTS: sandbox.idp.caFile,
  RTW_CONFIG_DIR: config(),
  ...extra,
});
const url = (): string => `${hook.origin}/workflows/1/triggers/manual/paths/invoke?${KEY}`;
const rtw = (args: string[], extra: NodeJS.ProcessEnv = {}, stdin?: string) =>
  runCliInProcess(args, { env: env(extra), ...(stdin === undefined ? {} : { stdin }) });

describe('rtw alert', () => {
  it('set takes the webhook URL from the environment, stores it owner-only, and never prints it', async () => {
    const set = await rtw(['alert', 'set', '--webhook', '--webhook-format', 'json', '--lang', 'en'], {
      RTW_WEBHOOK_URL: url(),
    });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(`Alert settings saved in ${path.join(config(), 'alerts.json')}`);
    expect(set.stdout).toContain(`Webhook: https://127.0.0.1:${new URL(hook.origin).port}/… (json)`);
    expect(set.stdout + set.stderr).not.toContain(KEY);
    expect((await stat(path.join(config(), 'alerts.json'))).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(config(), 'alerts.json'), 'utf8')).toContain(KEY);

    const shown = await rtw(['alert', 'show', '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ webhook: { format: 'json' }, osLog: false });
    expect(shown.stdout).not.toContain(KEY);
  });

  it('reads the URL from standard input, picks the format by host, and refuses plain http without echoing it', async () => {
    const fromStdin = await rtw(['alert', 'set', '--webhook-stdin', '--json'], {}, `${url()}\n`);
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    const http = await rtw(['alert', 'set', '--webhook', '--lang', 'ja'], {
      RTW_WEBHOOK_URL: `http://hooks.example/x?${KEY}`,
    });
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('https://');
    expect(http.stdout + http.stderr).not.toContain(KEY);
    const none = await rtw(['alert', 'set', '--webhook', '--lang', 'en']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('RTW_WEBHOOK_URL');
  });

  it('test sends through every channel: the webhook and an e-mail from the given file’s mailbox (exit 0), in Japanese', async () => {
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    await issueTokenFile(sandbox.idp, file, { protocols: ['smtp'] });
    await rtw(
      [
        'alert',
        'set',
        '--webhook',
        '--email',
        'it-admin@contoso.com',
        '--smtp-host',
        `${mail.smtp.host}:${mail.smtp.port}`,
        '--alert-lang',
        'ja',
      ],
      { RTW_WEBHOOK_URL: url() },
    );
    const sent = await rtw(['alert', 'test', file, '--lang', 'en']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).toContain('Alert sent (webhook)');
    expect(sent.stderr).toContain(
      `Alert sent (e-mail): it-admin@contoso.com (sent by ${sandbox.idp.users.admin.upn} through`,
    );
    expect(hook.received).toHaveLength(1);
    expect(JSON.stringify(hook.received[0]?.json)).toContain('テスト通知');
    expect(readMessage(mail.delivered[0]?.raw ?? '').text).toContain('テスト通知');
    // A test ignores "once a day": it is sent every time.
    expect((await rtw(['alert', 'test', file])).code).toBe(0);
    expect(hook.received).toHaveLength(2);
  });

  it('test exits 12 when a channel does not deliver, and 2 when nothing is set', async () => {
    expect((await rtw(['alert', 'test'])).code).toBe(2);
    await rtw(['alert', 'set', '--webhook'], { RTW_WEBHOOK_URL: url() });
    hook.answer = { status: 500, body: 'boom' };
    const failed = await rtw(['alert', 'test', '--lang', 'en']);
    expect(failed.code).toBe(13);
    expect(failed.stderr).toMatch(
      /Alert NOT sent \(webhook\): https:\/\/127\.0\.0\.1:\d+\/… \(json\): HTTP 500 boom/,
    );
    expect(failed.stderr).not.toContain(KEY);
  });

  it('clear removes what it names, everything without options', async () => {
    await rtw(['alert', 'set', '--webhook', '--email', 'a@contoso.com', '--os-log'], {
      RTW_WEBHOOK_URL: url(),
    });
    await rtw(['alert', 'clear', '--webhook']);
    expect(JSON.parse((await rtw(['alert', 'show', '--json'])).stdout)).toMatchObject({
      email: { to: 'a@contoso.com' },
      osLog: true,
    });
    const after = JSON.parse((await rtw(['alert', 'show', '--json'])).stdout) as { webhook?: unknown };
    expect(after.webhook).toBeUndefined();
    await rtw(['alert', 'clear']);
    const shown = await rtw(['alert', 'show', '--lang', 'en']);
    expect(shown.stdout).toContain('No alert channel is set');
  });

  it('refuses wrong command lines', async () => {
    for (const args of [
      ['alert'],
      ['alert', 'send'],
      ['alert', 'show', 'extra'],
      ['alert', 'set', '--email', 'nobody'],
    ])
      expect((await rtw(args)).code, args.join(' ')).toBe(2);
  });
});

describe('rtw refresh --scheduled', () => {
  it('alerts a dead token once a day, records the run, and leaves the JSON output as refresh has it', async () => {
    const good = path.join(sandbox.dir, 'good.ini');
    const stale = path.join(sandbox.dir, 'stale.ini');
    await issueTokenFile(sandbox.idp, good);
    sandbox.idp.expireRefreshToken(await issueTokenFile(sandbox.idp, stale));
    await rtw(['alert', 'set', '--webhook', '--webhook-format', 'slack'], { RTW_WEBHOOK_URL: url() });

    const plain = await rtw(['refresh', sandbox.dir, '--json']);
    expect(plain.code).toBe(8);
    expect(hook.received).toEqual([]);

    const run = await rtw(['refresh', '--scheduled', '--json', '--lang', 'en', '--', sandbox.dir]);
    expect(run.code).toBe(8);
    expect(run.events.map((e) => e.event)).toEqual(['file', 'file', 'summary']);
    expect(run.stderr).toContain('Alert sent (webhook)');
    expect(hook.received).toHaveLength(1);
    expect((hook.received[0]?.json as { text: string }).text).toContain(`File: ${stale}`);
    const again = await rtw(['refresh', '--scheduled', sandbox.dir]);
    expect(again.code).toBe(8);
    expect(hook.received).toHaveLength(1);
    expect(again.stdout + again.stderr + run.stdout + run.stderr).not.toContain(KEY);
    expect(run.stdout + run.stderr).not.toContain(await tokenIn(good));

    // The run recorded itself (rtw schedule status shows it; tested with a real scheduler in schedule.int.test.ts).
    const record = JSON.parse(await readFile(path.join(config(), 'schedules.json'), 'utf8')) as {
      runs: Record<string, { exitCode: number; refreshed: number; needsReissue: number }>;
    };
    expect(Object.values(record.runs)).toEqual([
      expect.objectContaining({ exitCode: 8, refreshed: 1, needsReissue: 1 }),
    ]);
  });

  it('alerts a folder found empty (exit 2) as a run that could not refresh anything', async () => {
    await rtw(['alert', 'set', '--webhook', '--webhook-format', 'json', '--alert-lang', 'ja'], {
      RTW_WEBHOOK_URL: url(),
    });
    const run = await rtw(['refresh', '--scheduled', sandbox.dir]);
    expect(run.code).toBe(2);
    expect(hook.received[0]?.json).toMatchObject({ problems: [{ kind: 'run-failed', file: sandbox.dir }] });
    expect(JSON.stringify(hook.received[0]?.json)).toContain('終了コード 2');
  });
});
