/**
 * The end-to-end harness: the built renderer served on loopback, opened in Chromium, Chrome or Edge (driven by
 * playwright-core), with `window.wizard` bridged by `page.exposeBinding` to the REAL wizard service (the same
 * object the Electron main process wires to ipcMain), whose core talks to the sandbox identity provider at
 * Microsoft's production hostnames. The "system browser" is a second page: its requests to the sign-in
 * hosts are routed to the sandbox, and it follows Entra's redirect to the real loopback listener.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { fetch } from 'undici';
import type { Dispatcher } from 'undici';
import type { Lang } from '../../electron/core/i18n.js';
import type { IdpNetworkClient } from '../../electron/core/transport/network-client.js';
import { mkdtemp } from 'node:fs/promises';
import { createWizardService } from '../../electron/app/wizard-service.js';
import type {
  KeepAliveHost,
  MailCheckOverrides,
  Platform,
  WizardService,
} from '../../electron/app/wizard-service.js';
import { createHttpsTransport } from '../../electron/core/transport/node-https-transport.js';
import { recordedTools } from '../fixtures/recorded-tools.js';
import type { ExternalPage, WizardEvent } from '../../electron/shared/contract.js';
import { OPERATION_NAMES } from '../../electron/shared/contract.js';
import { PRODUCTION_LOGIN_HOSTS } from '../fixtures/sandbox/idp.js';
import { browserInstallHint, findBrowser } from '../../scripts/find-browser.mjs';

export { serveRenderer } from '../helpers/renderer-server.js';

/** A Windows PC whose Task Scheduler keeps the tasks it is given (schtasks and PowerShell answer from memory). */
function windowsKeepAliveHost(): KeepAliveHost {
  const tasks = new Set<string>();
  const tools = recordedTools((call) => {
    const task = call.args[call.args.indexOf('/TN') + 1] ?? '';
    if (call.program === 'schtasks.exe' && call.args[0] === '/Create') tasks.add(task);
    if (call.program === 'schtasks.exe' && call.args[0] === '/Delete') tasks.delete(task);
    if (call.program === 'schtasks.exe' && call.args[0] === '/Query')
      return tasks.has(task)
        ? { code: 0 }
        : { code: 1, stderr: 'ERROR: The system cannot find the file specified.' };
    if (call.program === 'powershell.exe')
      return {
        stdout:
          '{"State":"Ready","LastRunTime":null,"LastTaskResult":267011,"NextRunTime":"2026-12-14T03:17:00Z"}',
      };
    return undefined;
  });
  return {
    run: tools.run,
    env: { USERDOMAIN: 'CONTOSO', USERNAME: 'jimu' },
    platform: 'win32',
    home: 'C:\\Users\\jimu',
    user: 'jimu',
    uid: 0,
    hostname: 'JIMU-PC',
    transport: createHttpsTransport({ env: {} }),
    launcher: () => ({
      command: ['C:\\Users\\jimu\\AppData\\Local\\Programs\\Refresh Token Wizard\\Refresh Token Wizard.exe'],
      notes: [],
    }),
  };
}

/**
 * The browser `npm test`'s prerequisite step found (same finder): CHROMIUM_PATH, else Debian's chromium or an
 * installed Chrome/Chromium/Edge on Linux, macOS or Windows.
 */
export const CHROMIUM: string | undefined = findBrowser();

/**
 * The browser, or one sentence saying how to get one: a run without it (vitest started directly, past the
 * prerequisite step) fails once, in the suite's setup, instead of once per test with Playwright's stack.
 */
export function requireBrowser(): string {
  if (CHROMIUM === undefined) throw new Error(browserInstallHint());
  return CHROMIUM;
}

/** Chromium as FACTS.md says it runs here: headless, no sandbox (root), no background networking. */
export async function launchChromium(userDataDir: string, lang: Lang): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: requireBrowser(),
    headless: true,
    locale: lang === 'ja' ? 'ja-JP' : 'en-US',
    viewport: { width: 1100, height: 760 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What the test's stand-in platform did, for assertions. */
export interface PlatformLog {
  copied: string[];
  opened: ExternalPage[];
  shown: string[];
  /** Sign-in URLs the app asked the system browser to open, in order. */
  signInUrls: string[];
}

/**
 * Sends the sign-in hosts of the "system browser" to the sandbox, keeping the production URLs. The app opens its
 * one-time start link (`http://localhost:PORT/start/…`, 127.0.0.1 for Google), which answers with a 302 to the
 * authorize URL; Playwright routes only the first request of a redirect chain, so the browser would look the
 * production host up in DNS. The start link is therefore fetched once here, as the browser would (the real
 * listener answers it and marks it used), and its redirect is followed as a new navigation, which is routed.
 */
export async function routeSignInHosts(context: BrowserContext, dispatcher: Dispatcher): Promise<void> {
  await context.route(
    (url) =>
      url.protocol === 'http:' &&
      (url.hostname === 'localhost' || url.hostname === '127.0.0.1') &&
      url.pathname.startsWith('/start/'),
    async (route) => {
      const response = await fetch(route.request().url(), { redirect: 'manual' });
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (response.status !== 302 || location === null) {
        await route.fulfill({ status: response.status, body: `start link answered ${response.status}` });
        return;
      }
      // The hop the browser would make, as a navigation (a meta refresh) so the route below takes it.
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><meta http-equiv="refresh" content="0;url=${location.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`,
      });
    },
  );
  for (const host of PRODUCTION_LOGIN_HOSTS) {
    await context.route(`https://${host}/**`, async (route) => {
      const request = route.request();
      const response = await fetch(request.url(), {
        method: request.method(),
        headers: request.headers(),
        body: request.postDataBuffer() ?? undefined,
        redirect: 'manual',
        dispatcher,
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      await route.fulfill({
        status: response.status,
        headers,
        body: Buffer.from(await response.arrayBuffer()),
      });
    });
  }
}

/**
 * The system browser: a second page that opens the app's start link, goes on to the sign-in URL, is signed in by
 * the identity provider, and follows its redirect to the app's loopback listener. Resolves with that page once the
 * listener's result page has loaded.
 */
export async function signInWithBrowser(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  // The start link's hop is a navigation of its own, and the provider's answer may be a form posted by script:
  // done when the page is back on the loopback listener, past its start link.
  await page.waitForURL(
    (u) => (u.hostname === 'localhost' || u.hostname === '127.0.0.1') && !u.pathname.startsWith('/start/'),
  );
  return page;
}

/**
 * Opens the wizard in a page with `window.wizard` bridged to a real service. Mirrors the preload: one
 * function per operation plus `onEvent`, and nothing else.
 */
export async function openWizard(
  context: BrowserContext,
  options: {
    url: string;
    /** The app's network client for the IdP (test/helpers/app-network.ts). */
    network: () => IdpNetworkClient;
    lang: Lang;
    outputFile: string;
    /** The mail servers the token check logs in to (the sandbox's) and the CA they are signed by. */
    mail?: MailCheckOverrides;
    /** What the "open an INI file" dialog answers; default the output file. */
    tokenFile?: string;
  },
): Promise<{ page: Page; service: WizardService; log: PlatformLog }> {
  // Beside the output file, so the test's temporary folder takes it away.
  const userData = await mkdtemp(path.join(path.dirname(options.outputFile), 'userdata-'));
  const log: PlatformLog = { copied: [], opened: [], shown: [], signInUrls: [] };
  const holder: { page?: Page } = {};
  let savedLang: Lang | undefined;
  const platform: Platform = {
    chooseOutputFile: (suggested) => Promise.resolve(suggested === '' ? options.outputFile : suggested),
    defaultOutputFile: () => Promise.resolve(options.outputFile),
    showInFolder: (p) => {
      log.shown.push(p);
      return Promise.resolve();
    },
    copyText: (text) => {
      log.copied.push(text);
      return Promise.resolve();
    },
    openExternal: (p) => {
      log.opened.push(p);
      return Promise.resolve();
    },
    openBrowser: (url) => {
      log.signInUrls.push(url);
      return Promise.resolve();
    },
    osLang: () => options.lang,
    loadLangChoice: () => Promise.resolve(savedLang),
    saveLangChoice: (lang) => {
      savedLang = lang;
      return Promise.resolve();
    },
    chooseTokenFile: () => Promise.resolve(options.tokenFile ?? options.outputFile),
    userDataDir: () => userData,
    // A stand-in for safeStorage: reversible, clearly not encryption, and only in this test's folder.
    encryptor: () => ({
      isEncryptionAvailable: () => true,
      encryptString: (text) => Buffer.from(`e2e:${Buffer.from(text).toString('base64')}`),
      decryptString: (data) => Buffer.from(data.toString().slice(4), 'base64').toString(),
    }),
    // Keep alive on "Windows" (shown as the screenshots' admins see it): Task Scheduler's tools answer from a
    // script (the real schedulers are run by test/core/schedule and test/cli/schedule.int.test.ts).
    keepAliveHost: () => windowsKeepAliveHost(),
  };
  const pending: WizardEvent[] = [];
  const emit = (event: WizardEvent): void => {
    if (page === undefined) {
      pending.push(event);
      return;
    }
    void page
      .evaluate((e) => (globalThis as unknown as { __wizardEmit(e: unknown): void }).__wizardEmit(e), event)
      .catch(() => undefined);
  };
  const service = createWizardService({
    platform,
    createNetworkClient: options.network,
    emit,
    ...(options.mail === undefined ? {} : { mailCheck: options.mail }),
  });
  const page = await context.newPage();
  holder.page = page;
  await page.exposeBinding('__wizardInvoke', (_source, name: string, input: unknown) =>
    service.dispatch(name as (typeof OPERATION_NAMES)[number], input),
  );
  await page.addInitScript((names: readonly string[]) => {
    const listeners = new Set<(event: unknown) => void>();
    const w = globalThis as unknown as {
      __wizardInvoke(name: string, input: unknown): Promise<unknown>;
      __wizardEmit(event: unknown): void;
      wizard: Record<string, unknown>;
    };
    const api: Record<string, unknown> = {};
    for (const name of names) api[name] = (input: unknown) => w.__wizardInvoke(name, input);
    api.onEvent = (listener: (event: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    w.__wizardEmit = (event) => listeners.forEach((l) => l(event));
    // Chromium pages see no file paths; the Electron preload asks webUtils. Drops are tested in jsdom.
    api.pathForFile = () => '';
    w.wizard = Object.freeze(api);
  }, OPERATION_NAMES);
  await page.goto(options.url);
  for (const event of pending.splice(0)) emit(event);
  return { page, service, log };
}
