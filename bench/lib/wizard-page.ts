/**
 * The built renderer in Chromium for the start-up figure: served over loopback http (module scripts are
 * CORS-blocked on file://), with `window.wizard` bridged to the real wizard service as the preload does.
 * A trimmed twin of test/e2e/harness.ts, which belongs to the web project and cannot be imported here.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { createNodeNetworkClient } from '../../electron/core/network-client.js';
import { createWizardService } from '../../electron/core/wizard-service.js';
import type { Platform } from '../../electron/core/wizard-service.js';
import { OPERATION_NAMES } from '../../electron/shared/contract.js';
import type { OperationName } from '../../electron/shared/contract.js';

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves dist/renderer read-only on 127.0.0.1. */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(RENDERER_DIR, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(RENDERER_DIR + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file).then(
      (s) => {
        if (!s.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A quiet desktop: nothing is opened, copied or saved. */
const platform: Platform = {
  chooseOutputFile: () => Promise.resolve(undefined),
  defaultOutputFile: () => Promise.resolve('/home/admin/Documents/smail_refresh_token.ini'),
  showInFolder: () => Promise.resolve(),
  copyText: () => Promise.resolve(),
  openExternal: () => Promise.resolve(),
  openBrowser: () => Promise.resolve(),
  osLang: () => 'en',
  loadLangChoice: () => Promise.resolve(undefined),
  saveLangChoice: () => Promise.resolve(),
};

/** Installs `window.wizard` in every page of the context, bridged to a real wizard service. */
export async function bridgeWizard(context: BrowserContext): Promise<void> {
  const service = createWizardService({
    platform,
    createNetworkClient: () => createNodeNetworkClient(),
    emit: () => undefined,
  });
  await context.exposeBinding('__wizardInvoke', (_source, name: string, input: unknown) =>
    service.dispatch(name as OperationName, input),
  );
  // tsx (esbuild with keepNames) wraps functions in `__name(…)` calls; functions sent into the page need it.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await context.addInitScript((names: readonly string[]) => {
    const w = globalThis as unknown as {
      __wizardInvoke(name: string, input: unknown): Promise<unknown>;
      wizard: Record<string, unknown>;
    };
    const api: Record<string, unknown> = {};
    for (const name of names) api[name] = (input: unknown) => w.__wizardInvoke(name, input);
    api.onEvent = () => () => undefined;
    w.wizard = Object.freeze(api);
  }, OPERATION_NAMES);
}
