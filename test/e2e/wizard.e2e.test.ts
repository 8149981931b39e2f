/**
 * The whole wizard in real Chromium, in both languages, against the real core and the sandbox identity
 * provider at Microsoft's hostnames: every step checked with axe-core and photographed for the README, the
 * INI file read back as Windows reads it, and the failure paths (wrong secret, cancel, busy port) explained.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { explainAadsts } from '../../electron/core/diagnose/index.js';
import { format } from '../../electron/core/i18n.js';
import type { Lang } from '../../electron/core/i18n.js';
import type { WizardService } from '../../electron/app/wizard-service.js';
import { CATALOGUE } from '../../renderer/i18n/catalogue.js';
import type { MessageKey } from '../../renderer/i18n/catalogue.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { startSandboxMail } from '../fixtures/mail/index.js';
import type { SandboxMail } from '../fixtures/mail/index.js';
import {
  launchChromium,
  openWizard,
  requireBrowser,
  routeSignInHosts,
  serveRenderer,
  signInWithBrowser,
} from './harness.js';
import type { PlatformLog } from './harness.js';
import { appNetworkClient } from '../helpers/app-network.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { SCREENSHOT_FILES, screenshotsDir } from '../helpers/screenshots.js';

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

/** An ignored folder unless `npm run screenshots` asks for another (see test/helpers/screenshots.ts). */
const SCREENSHOTS = screenshotsDir();
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let idp: SandboxIdp;
let mail: SandboxMail;
let renderer: { url: string; close: () => Promise<void> };
let dir: string;
/** Every browser started, closed after each test whatever happened (an unclosed one leaves its temp folders). */
const open: Array<{ context: BrowserContext; service?: WizardService }> = [];
/** What beforeAll started, stopped in reverse by afterAll: only what did start when it stopped half-way. */
const started: Array<() => Promise<void>> = [];

/** Production login hosts to the sandbox, for the app's network client. */
let route: SandboxRoute;

beforeAll(async () => {
  // No browser: one sentence saying what to install, before anything else starts.
  requireBrowser();
  dir = await mkdtemp(path.join(tmpdir(), 'rtw-e2e-'));
  started.push(() => rm(dir, { recursive: true, force: true }));
  idp = await createSandboxIdp();
  started.push(() => idp.close());
  route = await startSandboxRoute(idp);
  started.push(() => route.close());
  mail = await startSandboxMail({ idp });
  started.push(() => mail.close());
  renderer = await serveRenderer();
  started.push(() => renderer.close());
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterEach(async () => {
  for (const { context, service } of open.splice(0)) {
    try {
      await service?.dispose();
    } finally {
      await context.close();
    }
  }
});
afterAll(async () => {
  for (const stop of started.reverse()) await stop();
});

function text(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return format(CATALOGUE[key][lang], params);
}

/**
 * A fresh Chromium with the wizard open on its first screen, quick mode, its system browser routed to the sandbox.
 * `outputFile` is the admin's own file: a folder named after the mailbox beside the main process's default
 * (`dir/outputName`), where quick mode and the guided wizard both put it; the "Open an INI file" dialog answers it.
 */
async function start(
  lang: Lang,
  outputName: string,
): Promise<{
  page: Page;
  context: BrowserContext;
  log: PlatformLog;
  outputFile: string;
  defaultFile: string;
}> {
  const context = await launchChromium(await mkdtemp(path.join(dir, 'profile-')), lang);
  const opened: (typeof open)[number] = { context };
  open.push(opened);
  const dispatcher = routeToSandbox(idp);
  await routeSignInHosts(context, dispatcher);
  const defaultFile = path.join(dir, outputName);
  const outputFile = mailboxFile(defaultFile, idp.users.admin.upn);
  const { page, service, log } = await openWizard(context, {
    url: renderer.url,
    network: () => appNetworkClient(route),
    lang,
    outputFile: defaultFile,
    tokenFile: outputFile,
    mail: {
      endpoints: { smtp: mail.smtp, imap: mail.imap, pop: mail.pop },
      extraCaPem: idp.caPem,
      timeouts: { connect: 5000, greeting: 5000, command: 5000 },
    },
  });
  opened.service = service;
  await expect.poll(() => page.locator('#step-heading').textContent()).toBe(text(lang, 'quick.title'));
  return { page, context, log, outputFile, defaultFile };
}

/** Where a mailbox's file goes by default: a folder named after the address, beside the default file. */
function mailboxFile(defaultFile: string, mailbox: string): string {
  return path.join(path.dirname(defaultFile), mailbox, path.basename(defaultFile));
}

/** From quick mode to the guided wizard, as a first-timer goes: "Guided setup", then the Account step. */
async function toGuided(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: text(lang, 'mode.toGuided'), exact: true }).click();
  await expect.poll(() => page.locator('#step-heading').textContent()).toBe(text(lang, 'step.account.title'));
}

/** axe-core in the page (evaluated over CDP, so the page's strict CSP stays on): no violations. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(violations, where).toEqual([]);
}

async function next(page: Page, lang: Lang, heading: MessageKey): Promise<void> {
  await page.getByRole('button', { name: text(lang, 'nav.next'), exact: true }).click();
  await expect.poll(() => page.locator('#step-heading').textContent()).toBe(text(lang, heading));
}

async function shoot(page: Page, lang: Lang, name: string): Promise<void> {
  const file = `${lang}-${name}.png`;
  // docs/screenshots must hold exactly the listed pictures: a new one is listed first, then taken there.
  expect(SCREENSHOT_FILES, `add ${file} to test/helpers/screenshots.ts`).toContain(file);
  await page.screenshot({ path: path.join(SCREENSHOTS, file) });
}

/** From quick mode, "Guided setup", then fills steps 1–4 for the sandbox's confidential app; stops on Sign in. */
async function fillToSignIn(
  page: Page,
  lang: Lang,
  options: { secret?: string; photograph?: boolean } = {},
): Promise<void> {
  const snap = async (name: string, where: string) => {
    if (options.photograph !== true) return;
    await expectAccessible(page, `${lang} ${where}`);
    await shoot(page, lang, name);
  };
  await toGuided(page, lang);
  await snap('1-account', 'account');
  await next(page, lang, 'step.registration.title');
  await page
    .getByLabel(text(lang, 'reg.clientId.label'), { exact: true })
    .fill(idp.apps.confidential.clientId);
  await page
    .getByLabel(text(lang, 'reg.secret.label'), { exact: true })
    .fill(options.secret ?? idp.defaults.secrets.valid.value);
  await snap('2-registration', 'registration');
  await next(page, lang, 'step.mailbox.title');
  await page.getByLabel(text(lang, 'mailbox.userId.label'), { exact: true }).fill(idp.users.admin.upn);
  await snap('3-mailbox', 'mailbox');
  await next(page, lang, 'step.output.title');
  await page.getByText(text(lang, 'output.plan.new')).waitFor();
  await snap('4-output', 'output');
  await next(page, lang, 'step.signin.title');
}

async function startSignIn(page: Page, lang: Lang, log: PlatformLog): Promise<string> {
  const before = log.signInUrls.length;
  await page.getByRole('button', { name: text(lang, 'signin.start') }).click();
  await expect.poll(() => log.signInUrls.length).toBe(before + 1);
  return log.signInUrls.at(-1) ?? '';
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
  });
}

describe.each(['en', 'ja'] as const)('the wizard in %s', (lang) => {
  it('goes from the account to a written INI file, accessible at every step', async () => {
    const { page, context, log, outputFile } = await start(lang, `${lang}-smail_refresh_token.ini`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await fillToSignIn(page, lang, { photograph: true });
    await expectAccessible(page, `${lang} sign-in (before)`);
    await shoot(page, lang, '5-signin');

    const url = await startSignIn(page, lang, log);
    // The browser is given the listener's one-time start link, which goes on to Entra's authorize URL.
    expect(url).toMatch(/^http:\/\/localhost:8001\/start\/[\w-]+$/);
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    await page.getByText(text(lang, 'signin.now.waiting', { mailbox: idp.users.admin.upn })).waitFor();
    await expectAccessible(page, `${lang} sign-in (waiting)`);
    await shoot(page, lang, '5-signin-waiting');

    const browserPage = await signInWithBrowser(context, url);
    expect(requested.filter((u) => u.startsWith('https://'))[0]).toMatch(
      /^https:\/\/login\.microsoftonline\.com\/common\/oauth2\/v2\.0\/authorize\?/,
    );
    await page.getByText(text(lang, 'result.success.created')).waitFor();
    // The system browser was told the outcome, without the code left in its address bar.
    // (The result page's path ends in a token only this browser was given.)
    expect(browserPage.url()).toMatch(/^http:\/\/localhost:8001\/myapp\/done\/[\w-]+$/);
    expect(await browserPage.textContent('body')).toContain(
      lang === 'ja' ? 'サインインが完了しました' : 'Sign-in complete',
    );
    await expectAccessible(page, `${lang} result`);
    await shoot(page, lang, '6-result');

    const ini = await readFile(outputFile);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'UserID')).toBe(idp.users.admin.upn);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'ClientSecret')).toBe(idp.defaults.secrets.valid.value);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'TokenURI')).toBe(
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    );
    const token = getPrivateProfileString(ini, 'OAUTH2', 'RefreshToken') ?? '';
    expect(token.length).toBeGreaterThan(20);
    // The window never shows the secret or the token in clear.
    const html = await page.content();
    expect(html).not.toContain(token);
    expect(html).not.toContain(idp.defaults.secrets.valid.value);

    // 7. Check: the token logs in to the sandbox mail servers, transcript behind a disclosure.
    await page.getByRole('button', { name: text(lang, 'result.checkNow') }).click();
    await expect.poll(() => page.locator('#step-heading').textContent()).toBe(text(lang, 'step.check.title'));
    await page.getByRole('button', { name: text(lang, 'check.run'), exact: true }).click();
    await page.locator('.check-report .banner').getByText(text(lang, 'check.summary.ok')).waitFor();
    await page
      .getByText(
        text(lang, 'check.result.ok', { protocol: 'SMTP', server: `${mail.smtp.host}:${mail.smtp.port}` }),
      )
      .waitFor();
    const transcript = page.locator('details.transcript').first();
    await transcript.locator('summary').click();
    await expect.poll(() => transcript.textContent()).toMatch(/AUTH XOAUTH2/);
    await expectAccessible(page, `${lang} check`);
    await shoot(page, lang, '7-check');
    expect(await page.content()).not.toContain(token);

    // 8. The written INI file opened: its health, then refreshed.
    await page.getByRole('button', { name: text(lang, 'nav.openFile') }).click();
    await expect.poll(() => page.locator('#step-heading').textContent()).toBe(text(lang, 'file.title'));
    await page.getByText(idp.users.admin.upn, { exact: true }).first().waitFor();
    await page
      .getByText(text(lang, 'file.daysLeft', { days: 89 }))
      .first()
      .waitFor();
    // Keep alive: only this OS's scheduler (here the harness's "Windows"), turned on with one click.
    await page.locator('summary', { hasText: text(lang, 'keepAlive.title') }).click();
    await page.getByText(text(lang, 'keepAlive.state.off')).waitFor();
    await page.getByRole('button', { name: text(lang, 'keepAlive.add') }).click();
    await page
      .getByText(
        text(lang, 'keepAlive.state.on', {
          every: 7,
          at: '03:17',
          backend: text(lang, 'keepAlive.backend.windows-task'),
        }),
      )
      .waitFor();
    await expectAccessible(page, `${lang} file`);
    await page.locator('main.card').evaluate((el) => el.scrollTo(0, 0));
    await shoot(page, lang, '8-file');
    // Alerts, under Keep alive: a webhook (its URL is a key: once saved only its host is shown) and an e-mail
    // sent through this file's mailbox.
    const webhook = 'https://contoso.webhook.office.com/webhookb2/e2e-key-0123456789abcdef';
    await page.getByLabel(text(lang, 'alerts.webhookUrl'), { exact: true }).fill(webhook);
    await page.getByLabel(text(lang, 'alerts.email'), { exact: true }).fill('it-alerts@contoso.com');
    await page.getByLabel(text(lang, 'alerts.viaThisFile'), { exact: true }).check();
    await page.getByRole('button', { name: text(lang, 'alerts.save'), exact: true }).click();
    await page
      .getByText(text(lang, 'alerts.emailValue', { to: 'it-alerts@contoso.com', via: outputFile }), {
        exact: false,
      })
      .first()
      .waitFor();
    await expect
      .poll(() => page.getByLabel(text(lang, 'alerts.webhookUrl'), { exact: true }).inputValue())
      .toBe('');
    expect(await page.content()).not.toContain('e2e-key-0123456789abcdef');
    await expectAccessible(page, `${lang} file, alerts`);
    await page.locator('#alerts-title').scrollIntoViewIfNeeded();
    await shoot(page, lang, '8-file-alerts');
    await page.getByRole('button', { name: text(lang, 'file.action.refresh') }).click();
    await page.locator('.refresh-status .banner').waitFor();
    const refreshed = getPrivateProfileString(await readFile(outputFile), 'OAUTH2', 'RefreshToken') ?? '';
    expect(refreshed).not.toBe(token);
    expect(refreshed.length).toBeGreaterThan(20);
    await page.getByText(text(lang, 'file.lastRefreshedAt')).waitFor();
    expect(await page.content()).not.toContain(refreshed);

    // 9. The mailboxes: the file is listed with its health.
    await page.getByRole('button', { name: text(lang, 'nav.mailboxes') }).click();
    await expect.poll(() => page.locator('#step-heading').textContent()).toBe(text(lang, 'mailboxes.title'));
    // The file as its name and folder; the whole path in its text for screen readers, and in the tooltip.
    await page.locator('.mailbox-table').getByTitle(outputFile, { exact: true }).waitFor();
    await expectAccessible(page, `${lang} mailboxes`);
    await shoot(page, lang, '9-mailboxes');
  });
});

/** A field of the window, by its label. */
function field(page: Page, lang: Lang, key: MessageKey) {
  return page.getByLabel(text(lang, key), { exact: true });
}

/** Checked with axe and photographed in the light scheme, then again in the dark one (the OS's choice). */
async function shootLightAndDark(page: Page, lang: Lang, name: string, where: string): Promise<void> {
  await expectAccessible(page, `${lang} ${where} (light)`);
  await shoot(page, lang, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await expectAccessible(page, `${lang} ${where} (dark)`);
    await shoot(page, lang, `${name}-dark`);
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

/** Quick mode's Sign in: the browser is given the listener's one-time start link. */
async function quickSignIn(page: Page, lang: Lang, log: PlatformLog): Promise<string> {
  const before = log.signInUrls.length;
  await page.getByRole('button', { name: text(lang, 'quick.signIn'), exact: true }).click();
  await expect.poll(() => log.signInUrls.length).toBe(before + 1);
  return log.signInUrls.at(-1) ?? '';
}

/** Signs in in the system browser; returns the first provider URL it was sent to (the authorize URL). */
async function signInAt(context: BrowserContext, url: string): Promise<{ authorize: string; page: Page }> {
  const requested: string[] = [];
  const onRequest = (request: { url(): string }): void => void requested.push(request.url());
  context.on('request', onRequest);
  try {
    const page = await signInWithBrowser(context, url);
    return { authorize: requested.find((u) => u.startsWith('https://')) ?? '', page };
  } finally {
    context.off('request', onRequest);
  }
}

/** The INI file as the Windows reader reads it, for a confidential Entra app. */
async function expectEntraIni(
  file: string,
  expected: { userId: string; clientId: string; secret: string; tenant: string },
): Promise<string> {
  const ini = await readFile(file);
  expect(getPrivateProfileString(ini, 'OAUTH2', 'UserID')).toBe(expected.userId);
  expect(getPrivateProfileString(ini, 'OAUTH2', 'ClientID')).toBe(expected.clientId);
  expect(getPrivateProfileString(ini, 'OAUTH2', 'ClientSecret')).toBe(expected.secret);
  expect(getPrivateProfileString(ini, 'OAUTH2', 'TokenURI')).toBe(
    `https://login.microsoftonline.com/${expected.tenant}/oauth2/v2.0/token`,
  );
  const token = getPrivateProfileString(ini, 'OAUTH2', 'RefreshToken') ?? '';
  expect(token.length).toBeGreaterThan(20);
  return token;
}

describe.each(['en', 'ja'] as const)('quick mode in %s', (lang) => {
  it('signs in from one screen into the mailbox’s own file; "Another mailbox (same app)" writes a second file and leaves the first byte for byte', async () => {
    const { page, context, log, outputFile, defaultFile } = await start(lang, `quick-${lang}.ini`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    // No step rail: one screen, and the guided wizard one click away.
    expect(await page.getByRole('navigation', { name: text(lang, 'rail.label') }).count()).toBe(0);
    await page.getByRole('button', { name: text(lang, 'mode.toGuided'), exact: true }).waitFor();

    // Provider, mailbox, client ID, secret Value: the file follows the mailbox.
    await field(page, lang, 'provider.label').selectOption('microsoft');
    await field(page, lang, 'mailbox.userId.label').fill(idp.users.admin.upn);
    await field(page, lang, 'reg.clientId.label').fill(idp.apps.confidential.clientId);
    await field(page, lang, 'reg.secret.label').fill(idp.defaults.secrets.valid.value);
    await expect.poll(() => field(page, lang, 'output.file.label').inputValue()).toBe(outputFile);
    await shootLightAndDark(page, lang, '0-quick', 'quick mode');

    const url = await quickSignIn(page, lang, log);
    expect(url).toMatch(/^http:\/\/localhost:8001\/start\/[\w-]+$/);
    await page.getByText(text(lang, 'signin.now.waiting', { mailbox: idp.users.admin.upn })).waitFor();
    await expectAccessible(page, `${lang} quick mode (waiting)`);
    const { authorize } = await signInAt(context, url);
    // The Options' defaults: tenant common, global cloud, SMTP.
    expect(authorize).toMatch(/^https:\/\/login\.microsoftonline\.com\/common\/oauth2\/v2\.0\/authorize\?/);
    expect(new URL(authorize).searchParams.get('scope')).toContain('https://outlook.office.com/SMTP.Send');
    await page.getByText(text(lang, 'result.success.created')).waitFor();
    await expectAccessible(page, `${lang} quick mode, result`);
    const token = await expectEntraIni(outputFile, {
      userId: idp.users.admin.upn,
      clientId: idp.apps.confidential.clientId,
      secret: idp.defaults.secrets.valid.value,
      tenant: 'common',
    });
    const html = await page.content();
    expect(html).not.toContain(token);
    expect(html).not.toContain(idp.defaults.secrets.valid.value);
    // Not the default file itself: that is where a second mailbox would have overwritten the first.
    await expect(readFile(defaultFile)).rejects.toThrow(/ENOENT/);
    const first = await readFile(outputFile);

    // A second mailbox of the same app: the app's values kept, the mailbox and its file new.
    await page.getByRole('button', { name: text(lang, 'result.anotherMailbox'), exact: true }).click();
    await expect.poll(() => page.locator('#step-heading').textContent()).toBe(text(lang, 'quick.title'));
    expect(await field(page, lang, 'mailbox.userId.label').inputValue()).toBe('');
    expect(await field(page, lang, 'reg.clientId.label').inputValue()).toBe(idp.apps.confidential.clientId);
    const printer = idp.users.printer.upn;
    const secondFile = mailboxFile(defaultFile, printer);
    await field(page, lang, 'mailbox.userId.label').fill(printer);
    await expect.poll(() => field(page, lang, 'output.file.label').inputValue()).toBe(secondFile);
    try {
      idp.signInAs(printer);
      await signInAt(context, await quickSignIn(page, lang, log));
      await page.getByText(text(lang, 'result.success.created')).waitFor();
    } finally {
      idp.signInAs(null);
    }
    await expectEntraIni(secondFile, {
      userId: printer,
      clientId: idp.apps.confidential.clientId,
      secret: idp.defaults.secrets.valid.value,
      tenant: 'common',
    });
    expect((await readFile(outputFile)).equals(first)).toBe(true);
    await expect(readFile(`${outputFile}.bak`)).rejects.toThrow(/ENOENT/);
  });

  it('signs in to Google from the same screen: the consent screen question asked at once, Google’s INI written', async () => {
    // The default name SMAIL reads, as the pictures show it, in a folder of this test's own.
    await mkdir(path.join(dir, `google-${lang}`));
    const { page, context, log, defaultFile } = await start(
      lang,
      path.join(`google-${lang}`, 'smail_refresh_token.ini'),
    );
    const client = idp.google.clients.internal;
    const account = idp.google.accounts.admin.email;
    await field(page, lang, 'provider.label').selectOption('google');
    // Google's consent screen audience has no default (the file records it): the Options open by themselves.
    await field(page, lang, 'google.audience.internal').check();
    await field(page, lang, 'mailbox.userId.label').fill(account);
    await field(page, lang, 'reg.clientId.labelGoogle').fill(client.clientId);
    await field(page, lang, 'reg.secret.labelGoogle').fill(client.secrets[0] ?? '');
    const file = mailboxFile(defaultFile, account);
    await expect.poll(() => field(page, lang, 'output.file.label').inputValue()).toBe(file);
    await expectAccessible(page, `${lang} quick mode, Google`);
    await shoot(page, lang, '0-quick-google');

    const url = await quickSignIn(page, lang, log);
    // Google's desktop apps come back to 127.0.0.1 on a free port.
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/start\/[\w-]+$/);
    const { authorize } = await signInAt(context, url);
    expect(authorize).toMatch(/^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?/);
    await page.getByText(text(lang, 'result.success.created')).waitFor();
    await expectAccessible(page, `${lang} quick mode, Google result`);
    const ini = await readFile(file);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'UserID')).toBe(account);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'ClientID')).toBe(client.clientId);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'ClientSecret')).toBe(client.secrets[0]);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'TokenURI')).toBe('https://oauth2.googleapis.com/token');
    expect(getPrivateProfileString(ini, 'OAUTH2', 'Provider')).toBe('0');
    expect(getPrivateProfileString(ini, 'RefreshTokenWizard', 'AppAudience')).toBe('internal');
    const token = getPrivateProfileString(ini, 'OAUTH2', 'RefreshToken') ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(await page.content()).not.toContain(token);
  });
});

describe('quick mode, keyboard and paste', () => {
  /** Tab (only) until focus is on the element with this id; how many presses it took. */
  async function tabTo(page: Page, id: string): Promise<number> {
    for (let presses = 1; presses <= 40; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((want) => document.activeElement?.id === want, id)) return presses;
    }
    throw new Error(`Tab never reached #${id}`);
  }

  it('goes from the first screen to a written INI file with Tab, typing and Enter only (en)', async () => {
    const lang = 'en';
    const { page, context, log, outputFile } = await start(lang, 'keyboard.ini');
    await tabTo(page, 'field-userId');
    await page.keyboard.type(idp.users.admin.upn);
    await tabTo(page, 'field-clientId');
    await page.keyboard.type(idp.apps.confidential.clientId);
    // The secret Value is the next stop after the client ID.
    expect(await tabTo(page, 'field-clientSecret')).toBe(1);
    await page.keyboard.type(idp.defaults.secrets.valid.value);
    await expect.poll(() => field(page, lang, 'output.file.label').inputValue()).toBe(outputFile);
    // Enter in a field is Sign in.
    const before = log.signInUrls.length;
    await page.keyboard.press('Enter');
    await expect.poll(() => log.signInUrls.length).toBe(before + 1);
    await signInAt(context, log.signInUrls.at(-1) ?? '');
    await page.getByText(text(lang, 'result.success.created')).waitFor();
    await expectEntraIni(outputFile, {
      userId: idp.users.admin.upn,
      clientId: idp.apps.confidential.clientId,
      secret: idp.defaults.secrets.valid.value,
      tenant: 'common',
    });
  });

  it('fills the app from the line the Cloud Shell command prints, and signs in with it (ja)', async () => {
    const lang = 'ja';
    const { page, context, log, defaultFile } = await start(lang, 'cloud-shell.ini');
    const app = idp.apps.singleTenant;
    const secret = app.secrets[0]?.value ?? '';
    const tenantId = idp.defaults.tenants.work.id;
    await page.locator('summary', { hasText: text(lang, 'cloudShell.title') }).click();
    await page
      .getByRole('button', {
        name: text(lang, 'copy.label', { what: text(lang, 'cloudShell.commandWhat') }),
      })
      .click();
    // The command for quick mode's defaults: the redirect URI SMAIL uses, a secret added (--append).
    await expect.poll(() => log.copied.at(-1) ?? '').toContain(`REDIRECT_URI='http://localhost:8001/myapp/'`);
    expect(log.copied.at(-1)).toContain('--append');
    // Checked while the button says it copied (its name must hold what it shows).
    await page.getByText(text(lang, 'copy.done'), { exact: true }).waitFor();
    await expectAccessible(page, `${lang} quick mode, Cloud Shell command copied`);

    // What Cloud Shell shows at the end of the run: the prompt, then the one line to paste back.
    const line = JSON.stringify({
      rtw: 1,
      clientId: app.clientId,
      tenantId,
      signInAudience: 'AzureADMyOrg',
      secret,
      secretExpires: '2027-05-01T10:00:00.123456+00:00',
    });
    const box = field(page, lang, 'cloudShell.step.back');
    await box.fill(`user@Azure:~$ rtw_register\n${line}\n`);
    await page.getByRole('button', { name: text(lang, 'cloudShell.fill'), exact: true }).click();
    await page.getByRole('status').getByText(text(lang, 'cloudShell.filled')).waitFor();
    // Emptied once read; the secret is only the secret field's value, never in the markup.
    expect(await box.inputValue()).toBe('');
    expect(await field(page, lang, 'reg.clientId.label').inputValue()).toBe(app.clientId);
    expect(await field(page, lang, 'reg.secret.label').inputValue()).toBe(secret);
    expect(await page.content()).not.toContain(secret);
    await expectAccessible(page, `${lang} quick mode, Cloud Shell filled`);

    const user = idp.users.admin.upn;
    await field(page, lang, 'mailbox.userId.label').fill(user);
    const url = await quickSignIn(page, lang, log);
    const { authorize } = await signInAt(context, url);
    // A single-tenant app signs in at its own tenant.
    expect(authorize).toMatch(
      new RegExp(`^https://login\\.microsoftonline\\.com/${tenantId}/oauth2/v2\\.0/authorize\\?`),
    );
    await page.getByText(text(lang, 'result.success.created')).waitFor();
    const file = mailboxFile(defaultFile, user);
    await expectEntraIni(file, { userId: user, clientId: app.clientId, secret, tenant: tenantId });
    expect(getPrivateProfileString(await readFile(file), 'RefreshTokenWizard', 'ClientSecretExpiresAt')).toBe(
      '2027-05-01',
    );
  });
});

describe('failure paths', () => {
  it('explains a wrong secret and leads back to the app registration step', async () => {
    const lang = 'en';
    const { page, context, log, outputFile } = await start(lang, 'wrong-secret.ini');
    await fillToSignIn(page, lang, { secret: 'Www8Q~thisIsNotTheSecretValueOfThisApp0001' });
    const url = await startSignIn(page, lang, log);
    await signInWithBrowser(context, url);
    const expected = explainAadsts(7000215, { message: '' });
    await page.getByText(expected.title.en, { exact: false }).first().waitFor();
    await expectAccessible(page, 'result (failure)');
    await shoot(page, 'en', '6-result-wrong-secret');
    await expect(readFile(outputFile)).rejects.toThrow(/ENOENT/);
    await page
      .getByRole('button', {
        name: text(lang, 'result.fix', { step: text(lang, 'step.registration.title') }),
      })
      .click();
    await expect
      .poll(() => page.locator('#step-heading').textContent())
      .toBe(text(lang, 'step.registration.title'));
  });

  it('cancels a sign-in and releases the port', async () => {
    const lang = 'ja';
    const { page, log } = await start(lang, 'cancel.ini');
    await fillToSignIn(page, lang);
    await startSignIn(page, lang, log);
    await page.getByRole('button', { name: text(lang, 'signin.cancel'), exact: true }).click();
    await page.getByText(text(lang, 'signin.cancelled')).waitFor();
    const server = await occupy(8001);
    server.close();
  });

  it('offers another port when 8001 is busy, and signs in on it', async () => {
    const lang = 'en';
    const blocker = await occupy(8001);
    try {
      const { page, context, log, outputFile } = await start(lang, 'busy.ini');
      await fillToSignIn(page, lang);
      await page.getByRole('button', { name: text(lang, 'signin.start') }).click();
      const retry = page.getByRole('button', { name: /Retry on port \d+/ });
      await retry.waitFor();
      await expectAccessible(page, 'port busy');
      await shoot(page, 'en', '5-signin-port-busy');
      const port = Number(/(\d+)/.exec((await retry.textContent()) ?? '')?.[1]);
      expect(port).toBeGreaterThan(8001);
      await retry.click();
      await expect.poll(() => log.signInUrls.length).toBe(1);
      const browserPage = await signInWithBrowser(context, log.signInUrls[0] ?? '');
      expect(browserPage.url()).toMatch(new RegExp(`^http://localhost:${port}/myapp/done/[\\w-]+$`));
      await page.getByText(text(lang, 'result.success.created')).waitFor();
      expect(getPrivateProfileString(await readFile(outputFile), 'OAUTH2', 'UserID')).toBe(
        idp.users.admin.upn,
      );
    } finally {
      blocker.close();
    }
  });
});

describe.each(['en', 'ja'] as const)('device code sign-in in %s', (lang) => {
  it('shows the code, which the user enters at the sandbox; the INI gets an empty ClientSecret', async () => {
    // A 1-second poll keeps the test short; the code lives the 15 minutes Entra gives.
    idp.setDeviceCodeTiming({ intervalSeconds: 1, expiresInSeconds: 900 });
    const { page, log, outputFile } = await start(lang, `device-code-${lang}.ini`);
    await toGuided(page, lang);
    await next(page, lang, 'step.registration.title');
    await page.getByLabel(text(lang, 'reg.clientId.label'), { exact: true }).fill(idp.apps.public.clientId);
    // A secret typed before choosing the device code is neither sent nor written.
    await page
      .getByLabel(text(lang, 'reg.secret.label'), { exact: true })
      .fill(idp.defaults.secrets.valid.value);
    await next(page, lang, 'step.mailbox.title');
    await page.getByLabel(text(lang, 'mailbox.userId.label'), { exact: true }).fill(idp.users.admin.upn);
    await next(page, lang, 'step.output.title');
    await page.getByText(text(lang, 'output.plan.new')).waitFor();
    await next(page, lang, 'step.signin.title');

    await page.getByRole('button', { name: text(lang, 'signin.deviceCode.offer'), exact: true }).click();
    await page.getByText(text(lang, 'signin.deviceCode.emptySecret')).waitFor();
    await expectAccessible(page, `${lang} device code offer`);
    await page.getByRole('button', { name: text(lang, 'signin.deviceCode.start'), exact: true }).click();

    const codeElement = page.getByTestId('device-code');
    await codeElement.waitFor();
    const userCode = ((await codeElement.textContent()) ?? '').trim();
    expect(userCode).toMatch(/^[A-Z0-9]{6,12}$/);
    expect(idp.pendingDeviceCodes()).toContain(userCode);
    await page.getByText('https://microsoft.com/devicelogin', { exact: true }).waitFor();
    await page.getByRole('timer', { name: text(lang, 'signin.deviceCode.countdownLabel') }).waitFor();
    await page.getByRole('button', { name: text(lang, 'signin.deviceCode.open'), exact: true }).click();
    // The fixed page, since this host has no `openDeviceLogin` (Electron's checks the session's URI).
    await expect.poll(() => log.opened).toContain('device-login');
    await expectAccessible(page, `${lang} device code shown`);
    await shoot(page, lang, '5-signin-device-code');
    expect(log.signInUrls).toEqual([]);

    idp.approveDeviceCode(userCode);
    await page.getByText(text(lang, 'result.success.created')).waitFor({ timeout: 15_000 });
    const ini = await readFile(outputFile);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'UserID')).toBe(idp.users.admin.upn);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'ClientID')).toBe(idp.apps.public.clientId);
    expect(getPrivateProfileString(ini, 'OAUTH2', 'ClientSecret')).toBe('');
    expect(ini.toString('latin1')).not.toContain(idp.defaults.secrets.valid.value);
  });
});

/** Acquires one file per user for the sandbox's confidential app, signing in as the admin would. */
async function acquireAll(
  { service, context, log }: { service: WizardService; context: BrowserContext; log: PlatformLog },
  users: readonly string[],
  prefix: string,
): Promise<string[]> {
  const files = users.map((_, i) => path.join(dir, `${prefix}-${i}.ini`));
  for (const [i, userId] of users.entries()) {
    const before = log.signInUrls.length;
    await expect(
      service.dispatch('startAcquisition', {
        clientId: idp.apps.confidential.clientId,
        clientSecret: idp.defaults.secrets.valid.value,
        userId,
        protocols: ['smtp', 'imap'],
        outFile: files[i],
      }),
    ).resolves.toEqual({ ok: true, value: { started: true } });
    await expect.poll(() => log.signInUrls.length).toBe(before + 1);
    idp.signInAs(userId);
    await signInWithBrowser(context, log.signInUrls.at(-1) ?? '');
    await expect
      .poll(async () => {
        const list = await service.dispatch('listMailboxes', undefined);
        return list.ok ? list.value.mailboxes.length : 0;
      })
      .toBe(i + 1);
  }
  return files;
}

/** Rotates the confidential app's secret in the sandbox: a new Value next to the old one. */
function addSecret(tag: string): string {
  const value = `new8Q~${tag}${'abcdefghijklmnopqrstuvwxyz01234567'.slice(tag.length)}`;
  idp.apps.confidential.secrets.push({
    id: `00000000-0000-4000-8000-0000000000${tag}`,
    value,
    expiresAt: new Date(Date.now() + 90 * 86_400_000),
  });
  return value;
}

describe('re-issue all with a new secret', () => {
  /** Opens the mailboxes view and starts the walk with the new secret. */
  async function startWalk(page: Page, lang: Lang, newSecret: string): Promise<void> {
    await page.getByRole('button', { name: text(lang, 'nav.mailboxes') }).click();
    await page
      .getByRole('button', {
        name: text(lang, 'reissueAll.actionLabel', { clientId: idp.apps.confidential.clientId }),
      })
      .click();
    await page.getByLabel(text(lang, 'reg.secret.label'), { exact: true }).fill(newSecret);
    await page.getByRole('button', { name: text(lang, 'reissueAll.start') }).click();
  }

  it('signs each mailbox of the app in again with the new secret, then sums up', async () => {
    const lang = 'en';
    const { page, context, log } = await start(lang, 'all-unused.ini');
    const service = open.at(-1)?.service;
    if (service === undefined) throw new Error('no service');
    const users = [idp.users.admin.upn, idp.users.printer.upn];
    try {
      const files = await acquireAll({ service, context, log }, users, 'all');
      const newSecret = addSecret('aa');
      await startWalk(page, lang, newSecret);
      for (const [i, userId] of users.entries()) {
        await page
          .getByText(text(lang, 'reissueAll.step', { n: i + 1, total: 2, mailbox: userId }))
          .waitFor();
        await expect.poll(() => log.signInUrls.length).toBe(3 + i);
        if (i === 1) await expectAccessible(page, `${lang} re-issue all, step`);
        idp.signInAs(userId);
        await signInWithBrowser(context, log.signInUrls.at(-1) ?? '');
      }
      await page
        .getByText(text(lang, 'reissueAll.summary.counts', { reissued: 2, skipped: 0, failed: 0 }))
        .waitFor();
      await expectAccessible(page, `${lang} re-issue all, summary`);
      await shoot(page, lang, '10-reissue-all');
      for (const file of files) {
        const ini = await readFile(file);
        expect(getPrivateProfileString(ini, 'OAUTH2', 'ClientSecret')).toBe(newSecret);
        await readFile(`${file}.bak`);
      }
      expect(await page.content()).not.toContain(newSecret);
    } finally {
      idp.signInAs(null);
    }
  });

  it('skips one mailbox, re-issues the next, cancels the rest; only the re-issued file changes (ja)', async () => {
    const lang = 'ja';
    const { page, context, log } = await start(lang, 'walk-unused.ini');
    const service = open.at(-1)?.service;
    if (service === undefined) throw new Error('no service');
    const users = [idp.users.admin.upn, idp.users.printer.upn, idp.users.admin.upn];
    try {
      const files = await acquireAll({ service, context, log }, users, 'walk');
      const before = await Promise.all(files.map((file) => readFile(file)));
      const newSecret = addSecret('bb');
      await startWalk(page, lang, newSecret);
      // The walk goes in the list's order: read each step's mailbox off its banner.
      const banner = page.locator('.reissue-all-step');
      const stepMailbox = async (n: number): Promise<string> => {
        const texts = new Map(
          users.map((u) => [text(lang, 'reissueAll.step', { n, total: 3, mailbox: u }), u] as const),
        );
        await expect.poll(async () => texts.has((await banner.textContent()) ?? '')).toBe(true);
        await expect.poll(() => log.signInUrls.length).toBe(3 + n);
        return texts.get((await banner.textContent()) ?? '') ?? '';
      };

      // 1st: its sign-in is open in the browser, but the admin skips it.
      await stepMailbox(1);
      await page.getByRole('button', { name: text(lang, 'reissueAll.skip') }).click();
      // 2nd: signed in with the new secret.
      const second = await stepMailbox(2);
      idp.signInAs(second);
      await signInWithBrowser(context, log.signInUrls.at(-1) ?? '');
      // 3rd: the admin stops here.
      await stepMailbox(3);
      await expectAccessible(page, `${lang} re-issue all, step`);
      await page.getByRole('button', { name: text(lang, 'reissueAll.cancelAll') }).click();

      await page
        .getByText(text(lang, 'reissueAll.summary.counts', { reissued: 1, skipped: 1, failed: 0 }))
        .waitFor();
      await page.getByText(text(lang, 'reissueAll.summary.notReached', { count: 1 })).waitFor();
      await expectAccessible(page, `${lang} re-issue all, summary`);
      await shoot(page, lang, '10-reissue-all');
      // Exactly one file changed, the second step's, to the new secret; the skipped and the cancelled ones are
      // byte for byte as they were.
      const after = await Promise.all(files.map((file) => readFile(file)));
      const changed = files.filter((_, i) => !after[i]?.equals(before[i] ?? Buffer.alloc(0)));
      expect(changed).toHaveLength(1);
      const reissued = await readFile(changed[0] ?? '');
      expect(getPrivateProfileString(reissued, 'OAUTH2', 'ClientSecret')).toBe(newSecret);
      expect(getPrivateProfileString(reissued, 'OAUTH2', 'UserID')).toBe(second);
      // The cancelled sign-in released the redirect port.
      const server = await occupy(8001);
      server.close();
      expect(await page.content()).not.toContain(newSecret);
    } finally {
      idp.signInAs(null);
    }
  });
});

describe('rotate secret', () => {
  it.each(['en', 'ja'] as const)(
    'gives every file of the app the new secret with no sign-in; the dead one is one click from its re-issue (%s)',
    async (lang) => {
      const { page, context, log } = await start(lang, `rotate-unused-${lang}.ini`);
      const service = open.at(-1)?.service;
      if (service === undefined) throw new Error('no service');
      const users = [idp.users.admin.upn, idp.users.printer.upn, idp.users.admin.upn];
      try {
        const files = await acquireAll({ service, context, log }, users, `rotate-${lang}`);
        // The third mailbox's token has gone unused for 90 days: only a sign-in brings it back.
        const dead = files[2] ?? '';
        idp.expireRefreshToken(getPrivateProfileString(await readFile(dead), 'OAUTH2', 'RefreshToken') ?? '');
        const signIns = log.signInUrls.length;
        const newSecret = addSecret(lang === 'en' ? 'cc' : 'dd');
        await page.getByRole('button', { name: text(lang, 'nav.mailboxes') }).click();
        await page
          .getByRole('button', {
            name: text(lang, 'rotateSecret.actionLabel', { clientId: idp.apps.confidential.clientId }),
          })
          .click();
        await page.getByLabel(text(lang, 'rotateSecret.secret.label'), { exact: true }).fill(newSecret);
        await page.getByLabel(text(lang, 'reg.secretExpires.label'), { exact: true }).fill('2027-03-31');
        await expectAccessible(page, `${lang} rotate secret, dialog`);
        await page.getByRole('button', { name: text(lang, 'rotateSecret.start') }).click();
        await page
          .getByText(
            text(lang, 'rotateSecret.summary.counts', { rotated: 2, needsSignIn: 1, failed: 0, skipped: 0 }),
          )
          .waitFor();
        await expectAccessible(page, `${lang} rotate secret, summary`);
        await shoot(page, lang, '11-rotate-secret');
        // Nobody signed in, and every file holds the new secret (the dead one its old token).
        expect(log.signInUrls.length).toBe(signIns);
        for (const file of files) {
          const ini = await readFile(file);
          expect(getPrivateProfileString(ini, 'OAUTH2', 'ClientSecret')).toBe(newSecret);
        }
        expect(await page.content()).not.toContain(newSecret);
        // One click: the wizard filled in from the dead file, its (new) secret kept.
        await page
          .getByRole('button', { name: text(lang, 'rotateSecret.reissueLabel', { mailbox: users[2] ?? '' }) })
          .click();
        await page.getByText(text(lang, 'reissue.note', { file: dead })).waitFor();
      } finally {
        idp.signInAs(null);
      }
    },
  );
});
