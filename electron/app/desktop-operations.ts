/** The host's dialogs, file manager, clipboard, browser pages and the window's language. */
import type { WizardOperations } from '../shared/contract.js';
import { runningSignIn } from './run-state.js';
import type { ServiceContext } from './service-context.js';

export function desktopOperations(
  ctx: ServiceContext,
): Pick<
  WizardOperations,
  | 'chooseOutputFile'
  | 'defaultOutputFile'
  | 'showInFolder'
  | 'copyText'
  | 'getLanguage'
  | 'setLanguage'
  | 'openExternal'
> {
  const { platform } = ctx;
  return {
    async chooseOutputFile({ suggestedPath }) {
      const chosen = await platform.chooseOutputFile(suggestedPath);
      // The admin picked it in the host's own dialog: the window may name it from now on.
      if (chosen !== undefined) ctx.paths.allow(chosen);
      return chosen;
    },
    defaultOutputFile: () => platform.defaultOutputFile(),
    showInFolder: ({ path }) => platform.showInFolder(path),
    copyText: ({ text }) => platform.copyText(text),
    getLanguage: () => ctx.language.current(),
    setLanguage: ({ lang }) => ctx.language.choose(lang),
    openExternal({ page }) {
      // Only the URI Entra gave the running session, never one the renderer names.
      const uri = page === 'device-login' ? runningSignIn(ctx.runs.current())?.verificationUri : undefined;
      if (uri !== undefined && platform.openDeviceLogin !== undefined) return platform.openDeviceLogin(uri);
      return platform.openExternal(page);
    },
  };
}
