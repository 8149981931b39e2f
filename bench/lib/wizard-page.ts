/**
 * The built renderer in Chromium for the start-up figure: served over loopback http (module scripts are
 * CORS-blocked on file://), with `window.wizard` bridged to the real wizard service as the preload does.
 * The server is shared with the end-to-end tests (test/helpers/renderer-server.ts).
 */
import type { BrowserContext } from 'playwright-core';
import { createHttpsNetworkClient } from '../../electron/core/transport/node-https-transport.js';
import { createWizardService } from '../../electron/app/wizard-service.js';
import type { Platform } from '../../electron/app/wizard-service.js';
import { OPERATION_NAMES } from '../../electron/shared/contract.js';
import type { OperationName } from '../../electron/shared/contract.js';

export { RENDERER_DIR, serveRenderer } from '../../test/helpers/renderer-server.js';

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
    createNetworkClient: () => createHttpsNetworkClient(),
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
