/**
 * No secret, authorization code or refresh token leaves through anything but the INI file: every flow (the
 * CLI succeeding and failing, the in-process session, the browser page, events, the wizard service's results,
 * a client secret rotation from the CLI and from the app) runs with distinctive values, and all they print or
 * publish is searched for them.
 *
 * Masked forms (`LEAK…(40)`: the first four characters and the length) are allowed, so the search is for
 * the whole value and for every 12-character window past the first four characters.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appNetworkClient } from '../helpers/app-network.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import type { SessionEvent } from '../../electron/core/sign-in/session.js';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';
import { openMailboxRegistry, tokenEndpointOfFile } from '../../electron/core/upkeep/mailbox-registry.js';
import { createWizardService } from '../../electron/app/wizard-service.js';
import type { Platform } from '../../electron/app/wizard-service.js';
import type { WizardEvent } from '../../electron/shared/contract.js';
import { playBrowser } from '../fixtures/browser.js';
import type { BrowserCallback, BrowserIdpError } from '../fixtures/browser.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { AppRegistration, SandboxIdp } from '../fixtures/sandbox/idp.js';
import { acquire, sandboxProfile, tempDir } from '../helpers/acquisition.js';
import { fakeEncryptor } from '../helpers/fake-platform.js';
import { writeFleet } from '../helpers/fleet.js';
import type { FleetAuthority } from '../helpers/fleet.js';
import { sandboxService } from '../helpers/sandbox-service.js';
import { sandboxAcquireArgs, spawnCli } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import { pickFile } from '../helpers/pick-file.js';
import { captureOutput } from './capture.js';
import { startSandboxMail } from '../fixtures/mail/index.js';
import { readMessage } from '../fixtures/mail/mail-message.js';
import { recordedTools } from '../fixtures/recorded-tools.js';
import { startWebhookReceiver } from '../fixtures/webhook-receiver.js';
import { ALERT_SETTINGS_FILE, updateAlertSettings } from '../../electron/core/alerts/alert-settings.js';
import { finishScheduledRun } from '../../electron/core/schedule/scheduled-run.js';
import {
  createHttpsNetworkClient,
  createHttpsTransport,
} from '../../electron/core/transport/node-https-transport.js';
import { refreshTokenFiles } from '../../electron/core/upkeep/refresh.js';
import { findTokenFiles } from '../../electron/core/upkeep/index.js';
import type { Capture } from './capture.js';

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const distinctive = (prefix: string, length: number): string =>
  prefix + [...randomBytes(length - prefix.length)].map((b) => ALPHABET[b % ALPHABET.length]).join('');

/** A secret Value in Entra's shape, unmistakable in any output. */
const SECRET = distinctive('LEAK8Q~', 40);
/** A wrong secret the admin might paste: it must not leak either. */
const WRONG_SECRET = distinctive('LEAK8Q~WRONG', 40);
/** The secret the files held before a rotation to `SECRET`. */
const OLD_SECRET = distinctive('LEAK8Q~OLD', 40);
/** The key in a webhook URL (Teams Workflows' `sig`): a secret like the others. */
const WEBHOOK_KEY = distinctive('LEAK8Q~HOOK', 40);

let idp: SandboxIdp;
/** Production login hosts to the sandbox, for the app's network client. */
let route: SandboxRoute;
let app: AppRegistration;
let dir: string;
let cleanup: () => Promise<void>;
let trust: Agent;
/** Codes the "browser" carried to the listener, and refresh tokens found in the files written. */
const codes: string[] = [];
const tokens: string[] = [];
/** Everything printed or published, per flow. */
const published: Array<{ flow: string; text: string }> = [];

beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
  trust = new Agent({ connect: { ca: idp.caPem } });
  app = idp.registry.addApp({
    displayName: 'Leak test relay',
    tenantId: 'personal+multi',
    secrets: [
      { id: 'b0b0b0b0-0000-4000-8000-000000000001', value: SECRET, expiresAt: new Date(Date.now() + 9e9) },
      {
        id: 'b0b0b0b0-0000-4000-8000-000000000002',
        value: OLD_SECRET,
        expiresAt: new Date(Date.now() + 9e8),
      },
    ],
    redirectUris: [{ uri: 'http://localhost:8001/myapp/', type: 'web' }],
  });
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  await trust.close();
  await route.close();
  await idp.close();
  await cleanup();
});

/** Follows the authorize URL like a browser, noting the code it carries and publishing the page shown. */
async function browse(
  url: string,
  capture: Capture,
  dispatcher = trust,
): Promise<BrowserCallback | BrowserIdpError> {
  const outcome = await playBrowser(url, { dispatcher });
  if ('callbackUrl' in outcome) {
    const code = new URL(outcome.callbackUrl).searchParams.get('code');
    if (code !== null) codes.push(code);
    // What stays in the browser: the final address, the page, its history entry of the result page.
    capture.add('browser final URL', outcome.finalUrl);
    capture.add('browser page', outcome.html);
  } else capture.add('IdP page', outcome.idpErrorPage);
  return outcome;
}

async function noteToken(file: string): Promise<void> {
  const content = await readTokenFile(file);
  const token = content.exists ? content.oauth2.RefreshToken : undefined;
  if (token !== undefined && token !== '') tokens.push(token);
}

/** Runs `rtw acquire`; the browser follows the sign-in URL, announced as JSON or as a line on stderr. */
async function cliFlow(
  flow: string,
  out: string,
  options: { json: boolean; secret: string },
): Promise<CliRun> {
  const capture = captureOutput();
  capture.restore(); // Only its `add`: the CLI is another process, its output is captured by spawnCli.
  let browsing: Promise<unknown> | undefined;
  const run = await spawnCli(
    sandboxAcquireArgs(idp, out, { clientId: app.clientId, extra: options.json ? ['--json'] : [] }),
    {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: options.secret },
      onEvent: (event) => {
        if (event.event === 'waiting' && browsing === undefined)
          browsing = browse(String(event.authorizeUrl), capture);
      },
      onStderr: (line) => {
        const url = /(https:\/\/\S+\/authorize\?\S+)/.exec(line)?.[1];
        if (url !== undefined && browsing === undefined) browsing = browse(url, capture);
      },
    },
  );
  await browsing;
  capture.add('stdout', run.stdout);
  capture.add('stderr', run.stderr);
  published.push({ flow, text: capture.text() });
  return run;
}

describe('secrets, codes and tokens stay out of every output', () => {
  it('rtw acquire succeeding, with --json and for a human', async () => {
    for (const json of [true, false]) {
      const out = path.join(dir, `cli-ok-${String(json)}.ini`);
      const run = await cliFlow(`cli success (json: ${String(json)})`, out, { json, secret: SECRET });
      expect(run.code, run.stderr).toBe(0);
      await noteToken(out);
    }
  });

  it('rtw acquire failing: the IdP failing after sign-in, and a wrong secret', async () => {
    idp.setFault({ kind: 'http500', times: 1 });
    const failed = await cliFlow('cli failure (500)', path.join(dir, 'cli-500.ini'), {
      json: true,
      secret: SECRET,
    });
    expect(failed.code).toBe(4);
    const wrong = await cliFlow('cli failure (wrong secret)', path.join(dir, 'cli-wrong.ini'), {
      json: false,
      secret: WRONG_SECRET,
    });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('AADSTS7000215');
  });

  it('the in-process session: its events, result, logs and the browser page', async () => {
    for (const fault of [null, { kind: 'malformed-json', times: 1 } as const]) {
      idp.setFault(fault);
      const capture = captureOutput();
      try {
        const out = path.join(dir, `session-${fault?.kind ?? 'ok'}.ini`);
        const dispatcher = routeToSandbox(idp);
        const run = await acquire(
          idp,
          sandboxProfile(idp, out, { clientId: app.clientId, clientSecret: SECRET }),
          { dispatcher, browser: (url) => browse(url, capture, dispatcher) },
        );
        expect(run.result.ok).toBe(fault === null);
        capture.add('events', run.events);
        // The internal error too, with its causes and stacks: it is what would reach a log if anyone logged it.
        capture.add('result', run.result);
        await noteToken(out);
      } finally {
        capture.restore();
      }
      published.push({ flow: `session (${fault?.kind ?? 'ok'})`, text: capture.text() });
    }
  });

  it('the wizard service: dispatch results and the events it emits', async () => {
    const capture = captureOutput();
    const emitted: WizardEvent[] = [];
    const dispatcher = routeToSandbox(idp);
    let browsing: Promise<unknown> = Promise.resolve();
    const platform: Platform = {
      chooseOutputFile: (p) => Promise.resolve(p),
      defaultOutputFile: () => Promise.resolve(path.join(dir, 'wizard.ini')),
      showInFolder: () => Promise.resolve(),
      copyText: () => Promise.resolve(),
      openExternal: () => Promise.resolve(),
      openBrowser: (url) => {
        browsing = browse(url, capture, dispatcher);
        return Promise.resolve();
      },
      osLang: () => 'en',
      loadLangChoice: () => Promise.resolve(undefined),
      saveLangChoice: () => Promise.resolve(),
    };
    const service = createWizardService({
      platform,
      createNetworkClient: () => appNetworkClient(route),
      emit: (event) => emitted.push(event),
    });
    const ended = (): SessionEvent | undefined =>
      emitted
        .flatMap((e) => (e.channel === 'session' ? [e.event] : []))
        .find((e) => e.type === 'written' || e.type === 'failed');
    try {
      for (const [name, fault] of [
        ['ok', null],
        ['reset', { kind: 'reset', times: 1 }],
      ] as const) {
        idp.setFault(fault);
        emitted.length = 0;
        const out = path.join(dir, `wizard-${name}.ini`);
        const profile = {
          clientId: app.clientId,
          clientSecret: SECRET,
          userId: idp.users.admin.upn,
          redirectPort: 0,
          outFile: out,
        };
        capture.add('plan before', await service.dispatch('planOutputFile', { path: out, profile }));
        capture.add('start', await service.dispatch('startAcquisition', profile));
        await expect.poll(ended, { timeout: 10_000 }).toBeDefined();
        await browsing;
        expect(ended()?.type).toBe(name === 'ok' ? 'written' : 'failed');
        capture.add('plan after', await service.dispatch('planOutputFile', { path: out, profile }));
        capture.add('events', emitted);
        await noteToken(out);
      }
      // A refused input echoes nothing back either.
      capture.add(
        'invalid',
        await service.dispatch('startAcquisition', { clientSecret: SECRET, clientId: 'nope' }),
      );
    } finally {
      capture.restore();
      await service.dispose();
    }
    published.push({ flow: 'wizard service', text: capture.text() });
  });

  /** Files of the leak app holding the old secret, one with a dead token; their tokens are searched for. */
  async function rotationFleet(name: string, where: FleetAuthority): Promise<string> {
    const folder = path.join(dir, name);
    await mkdir(folder);
    const files = await writeFleet(
      idp,
      folder,
      ['r1.ini', 'r2.ini', 'r3.ini'].map((file) => ({
        name: file,
        clientId: app.clientId,
        secret: OLD_SECRET,
      })),
      where,
    );
    idp.expireRefreshToken(files[1]?.token ?? '');
    tokens.push(...files.map((f) => f.token));
    return folder;
  }

  it('rtw rotate-secret: a refused Value, then a fleet rotated, as JSON and for a human', async () => {
    const folder = await rotationFleet('rotate-cli', 'sandbox');
    for (const [flow, secret, extra] of [
      ['refused', WRONG_SECRET, []],
      ['json', SECRET, ['--json']],
      ['human', SECRET, ['--lang', 'ja']],
    ] as const) {
      const run = await spawnCli(['rotate-secret', '--client-id', app.clientId, folder, ...extra], {
        env: { NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: secret },
      });
      expect(run.code, `${flow}: ${run.stderr}`).toBe(flow === 'refused' ? 3 : 8);
      published.push({ flow: `cli rotate-secret (${flow})`, text: `${run.stdout}\n${run.stderr}` });
      for (const file of ['r1.ini', 'r2.ini', 'r3.ini']) await noteToken(path.join(folder, file));
    }
  });

  it('Rotate secret in the app: the results and events of a refused and an accepted Value', async () => {
    const folder = await rotationFleet('rotate-app', 'production');
    const capture = captureOutput();
    const h = sandboxService(idp, route, { userData: path.join(dir, 'rotate-userdata') });
    try {
      const files = ['r1.ini', 'r2.ini', 'r3.ini'].map((file) => path.join(folder, file));
      await pickFile(h, ...files);
      for (const file of files) capture.add('add', await h.service.dispatch('addMailbox', { path: file }));
      for (const newSecret of [WRONG_SECRET, SECRET]) {
        const result = await h.service.dispatch('rotateSecret', {
          clientId: app.clientId,
          newSecret,
          rememberSecret: true,
        });
        expect(result.ok).toBe(true);
        capture.add('rotateSecret', result);
      }
      capture.add('list', await h.service.dispatch('listMailboxes', undefined));
      capture.add('events', h.events);
      // The remembered secret is the new one, encrypted: the registry file never holds it in the clear.
      const registry = openMailboxRegistry({ dir: h.userData, encryptor: fakeEncryptor(true) });
      const endpoint = (await tokenEndpointOfFile(path.join(folder, 'r1.ini'))) ?? '';
      expect(await registry.recallSecret(app.clientId, endpoint)).toBe(SECRET);
      capture.add('registry file', await readFile(registry.file, 'utf8'));
      for (const file of ['r1.ini', 'r2.ini', 'r3.ini']) await noteToken(path.join(folder, file));
    } finally {
      capture.restore();
      await h.service.dispose();
    }
    published.push({ flow: 'wizard service rotate secret', text: capture.text() });
  });

  it("a scheduled run's alerts: the webhook, the e-mail, the OS log, its report and what it keeps", async () => {
    const capture = captureOutput();
    const hook = await startWebhookReceiver(idp.serverTls);
    const mail = await startSandboxMail({ idp });
    // The CLI's files name the sandbox's own address as their authority: the CLI's network client reaches it.
    const network = () => createHttpsNetworkClient({ extraCaPem: idp.caPem, env: {} });
    const dataDir = path.join(dir, 'alerts-data');
    const tools = recordedTools();
    try {
      // The files the flows above wrote: one refreshed, the others' tokens dead (an alert that quotes each file).
      const { files } = await findTokenFiles([dir]);
      expect(files.length).toBeGreaterThanOrEqual(2);
      for (const file of files) await noteToken(file);
      for (const file of files.slice(1)) {
        const content = await readTokenFile(file);
        if (content.exists && content.oauth2.RefreshToken)
          idp.expireRefreshToken(content.oauth2.RefreshToken);
      }
      const outcomes = await refreshTokenFiles(files, { createNetworkClient: network });
      expect(outcomes[0]?.status).toBe('refreshed');
      for (const file of files) await noteToken(file);
      await updateAlertSettings(dataDir, () => ({
        webhook: { url: `${hook.origin}/workflows/1/invoke?sig=${WEBHOOK_KEY}`, format: 'json' },
        email: {
          to: 'it-admin@contoso.com',
          via: files[0] ?? '',
          smtpHost: `${mail.smtp.host}:${mail.smtp.port}`,
        },
        osLog: true,
      }));
      const report = await finishScheduledRun(
        { targets: [dir], outcomes, exitCode: 8, lang: 'en' },
        {
          dataDir,
          now: () => new Date(),
          host: 'leak-test',
          platform: 'linux',
          run: tools.run,
          transport: createHttpsTransport({ extraCaPem: idp.caPem, env: {} }),
          createNetworkClient: network,
          extraCaPem: idp.caPem,
        },
      );
      // Every channel really delivered, so what they carried is searched below.
      expect(
        report.alerts?.channels.map((c) => [c.channel, c.ok]),
        JSON.stringify(report.alerts?.channels.map((c) => c.detail.en)),
      ).toEqual([
        ['webhook', true],
        ['email', true],
        ['os-log', true],
      ]);
      expect(hook.received).toHaveLength(1);
      expect(hook.received[0]?.path).toContain(WEBHOOK_KEY);
      // The alert quotes the files whose tokens died (with what happened and the fix).
      expect(JSON.stringify(hook.received[0]?.json)).toContain(files[1] ?? '?');
      capture.add(
        'webhook bodies',
        hook.received.map((r) => r.json),
      );
      expect(mail.delivered).toHaveLength(1);
      capture.add('e-mail', readMessage(mail.delivered[0]?.raw ?? ''));
      expect(tools.calls.length).toBeGreaterThan(0);
      capture.add('OS log', tools.calls);
      capture.add('report', report);
      // What the run left in the app's data folder (its record, the once-a-day memory); not the settings file,
      // which holds the webhook's key on purpose, as the INI file holds the token.
      for (const name of await readdir(dataDir, { recursive: true })) {
        const file = path.join(dataDir, name);
        if (name !== ALERT_SETTINGS_FILE && (await stat(file)).isFile())
          capture.add(`data ${name}`, await readFile(file, 'utf8'));
      }
    } finally {
      capture.restore();
      await hook.close();
      await mail.close();
    }
    published.push({ flow: 'scheduled run alerts', text: capture.text() });
  });

  it('none of them printed or published a secret, a code or a refresh token', () => {
    // The flows above must really have produced what is searched for.
    expect(codes.length).toBeGreaterThanOrEqual(8);
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    expect(published.length).toBeGreaterThanOrEqual(7);
    const needles = [SECRET, WRONG_SECRET, OLD_SECRET, WEBHOOK_KEY, ...codes, ...tokens];
    for (const { flow, text } of published) {
      expect(text.length, flow).toBeGreaterThan(0);
      expect(text, flow).not.toContain('LEAK8Q~');
      for (const needle of needles) {
        expect(text.includes(needle), `${flow} shows a whole secret/code/token`).toBe(false);
        for (let at = 4; at + 12 <= needle.length; at += 6) {
          const window = needle.slice(at, at + 12);
          expect(text.includes(window), `${flow} shows part of a secret/code/token: …${window}…`).toBe(false);
        }
      }
    }
  });
});
