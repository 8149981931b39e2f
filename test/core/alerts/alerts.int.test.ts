/**
 * Alerts, delivered for real: a scheduled run's problems (a token the sandbox no longer honours, a failing
 * identity provider with the token's last days and the secret's expiry) reach a local webhook receiver as a
 * Teams Workflows card, a Slack text or our JSON; reach an admin's inbox through a mailbox's own token on the
 * sandbox SMTP server; and reach the OS log through the real `logger` (and eventcreate's arguments through a
 * recorded runner, Windows not being here). Both languages; each problem once a day per channel.
 */
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { updateAlertSettings } from '../../../electron/core/alerts/alert-settings.js';
import type { AlertSettings } from '../../../electron/core/alerts/alert-settings.js';
import { osLogCommand, writeOsLog } from '../../../electron/core/alerts/channels.js';
import { testProblem } from '../../../electron/core/alerts/problems.js';
import type { AlertProblem } from '../../../electron/core/alerts/problems.js';
import { sendAlerts } from '../../../electron/core/alerts/send-alerts.js';
import type { AlertDeps } from '../../../electron/core/alerts/send-alerts.js';
import { runCommand } from '../../../electron/core/command-runner.js';
import { finishScheduledRun } from '../../../electron/core/schedule/scheduled-run.js';
import { createHttpsTransport } from '../../../electron/core/transport/node-https-transport.js';
import { refreshTokenFiles } from '../../../electron/core/upkeep/refresh.js';
import { startSandboxMail } from '../../fixtures/mail/index.js';
import type { SandboxMail } from '../../fixtures/mail/index.js';
import { readMessage } from '../../fixtures/mail/mail-message.js';
import { recordedTools } from '../../fixtures/recorded-tools.js';
import { startSyslogReceiver } from '../../fixtures/syslog-receiver.js';
import type { SyslogReceiver } from '../../fixtures/syslog-receiver.js';
import { startWebhookReceiver } from '../../fixtures/webhook-receiver.js';
import type { WebhookReceiver } from '../../fixtures/webhook-receiver.js';
import { sandboxPerFile } from '../../helpers/sandbox-per-file.js';
import { issueTokenFile, sandboxNetwork, tokenIn } from '../../helpers/token-files.js';

const sandbox = sandboxPerFile();
let hook: WebhookReceiver;
let mail: SandboxMail;
let syslog: SyslogReceiver;
const DAY = 86_400_000;
/** The key of the webhook: it must never show. */
const SIG = 'sig=Zm9vYmFyU0VDUkVUc2lnbmF0dXJl';

beforeAll(async () => {
  hook = await startWebhookReceiver(sandbox.idp.serverTls);
  mail = await startSandboxMail({ idp: sandbox.idp });
  syslog = await startSyslogReceiver();
});
afterAll(async () => {
  await hook.close();
  await mail.close();
  await syslog.close();
});
beforeEach(() => {
  hook.received.length = 0;
  hook.answer = { status: 202, body: '' };
  mail.reset();
  syslog.messages.length = 0;
});

/** The alert machinery against the sandbox, at `now`; the OS log goes to the real logger, over UDP to the receiver. */
function deps(now: Date, run: AlertDeps['run'] = udpLogger): AlertDeps {
  return {
    dataDir: path.join(sandbox.dir, 'config'),
    now: () => now,
    host: 'mail-gw-01',
    platform: 'linux',
    run,
    transport: createHttpsTransport({ extraCaPem: sandbox.idp.caPem, env: {} }),
    createNetworkClient: () => sandboxNetwork(sandbox.idp),
    extraCaPem: sandbox.idp.caPem,
  };
}

/** The real `logger`, told to send to the test's receiver instead of /dev/log (which this container lacks). */
const udpLogger: AlertDeps['run'] = (program, args, options) =>
  runCommand(program, ['--udp', '--server', '127.0.0.1', '--port', String(syslog.port), ...args], options);

const settings = (extra: AlertSettings): Promise<AlertSettings> =>
  updateAlertSettings(path.join(sandbox.dir, 'config'), () => extra);

/** A good file and one whose token the sandbox no longer honours, refreshed as a scheduled run does. */
async function runWithADeadToken(): Promise<{
  good: string;
  stale: string;
  outcomes: Awaited<ReturnType<typeof refreshTokenFiles>>;
}> {
  const good = path.join(sandbox.dir, 'good.ini');
  const stale = path.join(sandbox.dir, 'printer 送信.ini');
  await issueTokenFile(sandbox.idp, good, { protocols: ['smtp'] });
  sandbox.idp.expireRefreshToken(await issueTokenFile(sandbox.idp, stale));
  const outcomes = await refreshTokenFiles([good, stale], {
    createNetworkClient: () => sandboxNetwork(sandbox.idp),
  });
  return { good, stale, outcomes };
}

type Card = {
  type: string;
  attachments: Array<{ contentType: string; content: { type: string; version: string; body: unknown[] } }>;
};

describe('webhooks', () => {
  it('a Teams Workflows card names the file, the mailbox, what happened and the fix; once a day', async () => {
    const { stale, outcomes } = await runWithADeadToken();
    await settings({
      webhook: { url: `${hook.origin}/workflows/abc/triggers/manual/paths/invoke?${SIG}`, format: 'teams' },
    });
    const now = new Date();
    const report = await finishScheduledRun(
      { targets: [sandbox.dir], outcomes, exitCode: 8, lang: 'ja' },
      deps(now),
    );
    expect(report.alerts?.channels).toEqual([
      {
        channel: 'webhook',
        ok: true,
        delivered: 1,
        detail: { ja: expect.stringContaining('HTTP 202') as string, en: expect.any(String) as string },
      },
    ]);
    expect(JSON.stringify(report)).not.toContain(SIG);
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(request?.path).toContain(SIG);
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    const card = request?.json as Card;
    expect(card.type).toBe('message');
    expect(card.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0]?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.2' });
    const text = JSON.stringify(card);
    expect(text).toContain('mail-gw-01');
    expect(text).toContain(stale);
    expect(text).toContain(sandbox.idp.users.admin.upn);
    expect(text).toContain('ファイル');
    expect(text).toContain(`rtw acquire --from \\"${stale}\\"`);
    expect(text).toContain('AADSTS700082');

    // The same problem again today: not again. Tomorrow: again, in the language the settings now name.
    await finishScheduledRun({ targets: [sandbox.dir], outcomes, exitCode: 8, lang: 'ja' }, deps(now));
    expect(hook.received).toHaveLength(1);
    await settings({ webhook: { url: `${hook.origin}/hook?${SIG}`, format: 'teams' }, lang: 'en' });
    await finishScheduledRun(
      { targets: [sandbox.dir], outcomes, exitCode: 8, lang: 'ja' },
      deps(new Date(now.getTime() + DAY)),
    );
    expect(hook.received).toHaveLength(2);
    const english = JSON.stringify(hook.received[1]?.json);
    expect(english).toContain('"title":"File"');
    expect(english).toContain('"title":"Mailbox"');
    expect(english).not.toContain('ファイル');
  });

  it('Slack gets {"text"} and other receivers our JSON, in each language', async () => {
    const { stale, outcomes } = await runWithADeadToken();
    // One day each: the same problem goes to the webhook channel once a day, whatever its format.
    for (const [day, format, lang] of [
      [0, 'slack', 'en'],
      [1, 'json', 'ja'],
    ] as const) {
      await settings({ webhook: { url: `${hook.origin}/${format}?${SIG}`, format }, lang });
      await finishScheduledRun(
        { targets: [format], outcomes, exitCode: 8, lang: 'en' },
        deps(new Date(Date.now() + day * DAY)),
      );
    }
    const [slack, json] = hook.received;
    expect(Object.keys(slack?.json as object)).toEqual(['text']);
    expect((slack?.json as { text: string }).text).toContain(`File: ${stale}`);
    expect((slack?.json as { text: string }).text).toContain('Fix:');
    expect(json?.json).toMatchObject({
      source: 'refresh-token-wizard',
      host: 'mail-gw-01',
      lang: 'ja',
      problems: [{ kind: 'needs-reissue', file: stale, mailbox: sandbox.idp.users.admin.upn }],
    });
    const problem = (json?.json as { problems: Array<{ fix: string[]; what: string }> }).problems[0];
    expect(problem?.fix.join(' ')).toMatch(/再発行/);
  });

  it('a failing receiver is reported without its URL, and tried again by the next run the same day', async () => {
    const { outcomes } = await runWithADeadToken();
    await settings({ webhook: { url: `${hook.origin}/x?${SIG}`, format: 'json' } });
    hook.answer = { status: 404, body: `no such hook: ${hook.origin}/x?${SIG}` };
    const now = new Date();
    const failed = await finishScheduledRun({ targets: ['t'], outcomes, exitCode: 8, lang: 'en' }, deps(now));
    expect(failed.alerts?.channels[0]).toMatchObject({ channel: 'webhook', ok: false, delivered: 0 });
    expect(failed.alerts?.channels[0]?.detail.en).toBe(
      `https://127.0.0.1:${new URL(hook.origin).port}/… (json): HTTP 404 no such hook: https://127.0.0.1:${new URL(hook.origin).port}/…`,
    );
    hook.answer = { status: 200, body: 'ok' };
    const retried = await finishScheduledRun(
      { targets: ['t'], outcomes, exitCode: 8, lang: 'en' },
      deps(now),
    );
    expect(retried.alerts?.channels[0]).toMatchObject({ ok: true, delivered: 1 });
    expect(hook.received).toHaveLength(2);
  });
});

describe("a token's last days and a secret's expiry", () => {
  it('alerts a failing refresh, the token within 14 days of its limit and the secret within 30 days of its expiry', async () => {
    const file = path.join(sandbox.dir, 'a.ini');
    const in20Days = new Date(Date.now() + 100 * DAY).toISOString().slice(0, 10);
    await issueTokenFile(sandbox.idp, file, { clientSecretExpiresAt: in20Days });
    // 80 days later, the identity provider failing: 10 days left, and the secret expires in about 20.
    const later = new Date(Date.now() + 80 * DAY);
    sandbox.idp.setFault({ kind: 'http500', times: 1 });
    const outcomes = await refreshTokenFiles([file], {
      createNetworkClient: () => sandboxNetwork(sandbox.idp),
    });
    expect(outcomes[0]?.status).toBe('failed');
    await settings({ webhook: { url: `${hook.origin}/h?${SIG}`, format: 'json' }, lang: 'en' });
    await finishScheduledRun({ targets: [file], outcomes, exitCode: 4, lang: 'en' }, deps(later));
    const problems = (
      hook.received[0]?.json as { problems: Array<{ kind: string; what: string; fix: string[] }> }
    ).problems;
    expect(problems.map((p) => p.kind)).toEqual(['refresh-failed', 'token-expiring', 'secret-expiring']);
    expect(problems[1]?.what).toMatch(/^The refresh token expires in (9|10) days/);
    expect(problems[1]?.fix.join(' ')).toContain(`rtw refresh "${file}"`);
    expect(problems[2]?.what).toMatch(/^The client secret expires in (19|20|21) days/);
    expect(problems[2]?.fix.join(' ')).toMatch(/create a new secret/);
  });

  it('says nothing for healthy files', async () => {
    const file = path.join(sandbox.dir, 'ok.ini');
    await issueTokenFile(sandbox.idp, file);
    const outcomes = await refreshTokenFiles([file], {
      createNetworkClient: () => sandboxNetwork(sandbox.idp),
    });
    await settings({ webhook: { url: `${hook.origin}/h?${SIG}`, format: 'json' } });
    const report = await finishScheduledRun(
      { targets: [file], outcomes, exitCode: 0, lang: 'en' },
      deps(new Date()),
    );
    expect(report.alerts).toEqual({ problems: 0, channels: [] });
    expect(hook.received).toEqual([]);
  });
});

describe('e-mail through a mailbox’s own token (the sandbox SMTP server)', () => {
  it.each(['ja', 'en'] as const)('reaches the admin from a mailbox the run refreshed (%s)', async (lang) => {
    const { good, stale, outcomes } = await runWithADeadToken();
    const tokenBefore = await tokenIn(good);
    await settings({
      email: { to: 'it-admin@contoso.com', smtpHost: `${mail.smtp.host}:${mail.smtp.port}` },
      lang,
    });
    const report = await finishScheduledRun(
      { targets: [sandbox.dir], outcomes, exitCode: 8, lang: 'en' },
      deps(new Date()),
    );
    expect(report.alerts?.channels[0]).toMatchObject({ channel: 'email', ok: true, delivered: 1 });
    expect(mail.delivered).toHaveLength(1);
    const [sent] = mail.delivered;
    expect(sent).toMatchObject({
      from: sandbox.idp.users.admin.upn,
      to: ['it-admin@contoso.com'],
      upn: sandbox.idp.users.admin.upn,
    });
    const message = readMessage(sent?.raw ?? '');
    expect(message.subject).toContain('[Refresh Token Wizard] mail-gw-01');
    expect(message.text).toContain(stale);
    expect(message.text).toContain(lang === 'ja' ? '対処:' : 'Fix:');
    expect(message.text).toContain(lang === 'ja' ? 'メールボックス' : 'Mailbox');
    // The mailbox's file is not rewritten by sending (its token stays what the refresh wrote).
    expect(await tokenIn(good)).toBe(tokenBefore);
  });

  it("reports the server's refusal without a token, and another channel is not held up", async () => {
    const { good, outcomes } = await runWithADeadToken();
    mail.directory.setMailbox(sandbox.idp.users.admin.upn, { smtpAuthDisabled: true });
    await settings({
      email: { to: 'it-admin@contoso.com', via: good, smtpHost: `${mail.smtp.host}:${mail.smtp.port}` },
      webhook: { url: `${hook.origin}/h?${SIG}`, format: 'json' },
    });
    const now = new Date();
    const report = await finishScheduledRun({ targets: ['x'], outcomes, exitCode: 8, lang: 'en' }, deps(now));
    const email = report.alerts?.channels.find((c) => c.channel === 'email');
    expect(email).toMatchObject({ ok: false, delivered: 0 });
    expect(email?.detail.en).toContain('5.7.139');
    expect(email?.detail.en).not.toContain(await tokenIn(good));
    expect(report.alerts?.channels.find((c) => c.channel === 'webhook')).toMatchObject({ ok: true });
    // Next run today: the e-mail is tried again, the webhook is not repeated.
    mail.directory.reset();
    const next = await finishScheduledRun({ targets: ['x'], outcomes, exitCode: 8, lang: 'en' }, deps(now));
    expect(next.alerts?.channels.map((c) => [c.channel, c.ok])).toEqual([['email', true]]);
    expect(hook.received).toHaveLength(1);
  });

  it('says there is no mailbox to send through when none of the run has SMTP', async () => {
    await settings({ email: { to: 'it-admin@contoso.com' } });
    const report = await sendAlerts(
      [testProblem(new Date())],
      { email: { to: 'it-admin@contoso.com' } },
      { lang: 'ja', force: true },
      deps(new Date()),
    );
    expect(report.channels[0]?.ok).toBe(false);
    expect(report.channels[0]?.detail.ja).toContain('rtw alert set --via');
    expect(report.channels[0]?.detail.en).toContain('no mailbox with SMTP');
  });
});

describe('the OS log', () => {
  const problem: AlertProblem = {
    key: 'needs-reissue|/srv/a.ini|AADSTS700082',
    kind: 'needs-reissue',
    file: '/srv/送信/a.ini',
    mailbox: 'printer@contoso.com',
    what: { ja: 'リフレッシュ トークンの期限切れ', en: 'The refresh token expired' },
    fix: [
      {
        ja: 'rtw acquire --from "/srv/送信/a.ini" で再発行します',
        en: 'Re-issue it: rtw acquire --from "/srv/送信/a.ini"',
      },
    ],
  };

  it('really through logger here (over UDP to a receiver: this container has no /dev/log), in both languages', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const result = await writeOsLog(
        [problem, { ...problem, kind: 'token-expiring' }],
        { lang, host: 'h' },
        { run: udpLogger, platform: 'linux' },
      );
      expect(result).toMatchObject({ channel: 'os-log', ok: true, delivered: 2 });
    }
    await expect.poll(() => syslog.messages.length).toBe(4);
    const [jaError, jaWarning, enError] = syslog.messages;
    // <PRI> = facility user (1) × 8 + severity: err 3, warning 4.
    expect(jaError).toMatch(/^<11>1 \S+ \S+ refresh-token-wizard /);
    expect(jaWarning).toMatch(/^<12>1 /);
    expect(jaError).toContain(
      '/srv/送信/a.ini (printer@contoso.com): リフレッシュ トークンの期限切れ — 対処: rtw acquire',
    );
    expect(enError).toContain('The refresh token expired — Fix: Re-issue it');
  });

  it('Windows (not here: eventcreate recorded): the Application log, our source, or EventCreate when ours is not registered', async () => {
    const refusing = recordedTools((call) =>
      call.args.includes('/SO') ? { code: 1, stderr: 'ERROR: Access is denied.' } : undefined,
    );
    const result = await writeOsLog(
      [problem],
      { lang: 'en', host: 'h' },
      { run: refusing.run, platform: 'win32' },
    );
    expect(result.ok).toBe(true);
    expect(refusing.calls.map((c) => c.args)).toEqual([
      [
        '/T',
        'ERROR',
        '/ID',
        '101',
        '/L',
        'APPLICATION',
        '/SO',
        'RefreshTokenWizard',
        '/D',
        expect.stringContaining('/srv/送信/a.ini') as string,
      ],
      [
        '/T',
        'ERROR',
        '/ID',
        '101',
        '/L',
        'APPLICATION',
        '/D',
        expect.stringContaining('Fix: Re-issue it') as string,
      ],
    ]);
    expect(refusing.calls[0]?.program).toBe('eventcreate.exe');
  });

  it('macOS (not here: logger recorded): /usr/bin/logger into the unified log', () => {
    expect(osLogCommand('darwin', 'warning', 'line')).toEqual({
      program: '/usr/bin/logger',
      args: ['-t', 'refresh-token-wizard', '-p', 'user.warning', '--', 'line'],
    });
  });

  it('says which lines could not be written', async () => {
    const missing = recordedTools(() => ({ code: null, error: 'ENOENT' }));
    const result = await writeOsLog(
      [problem],
      { lang: 'ja', host: 'h' },
      { run: missing.run, platform: 'linux' },
    );
    expect(result).toMatchObject({ ok: false, delivered: 0 });
    expect(result.detail.ja).toContain('logger: ENOENT');
  });
});
