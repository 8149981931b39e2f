/**
 * What the desktop app does for each IPC operation, without Electron: the main process wires it to
 * `ipcMain`, and the end-to-end tests wire the very same object to a real browser page through Playwright.
 * Electron-only capabilities (dialogs, shell, clipboard, settings) are injected as `Platform`.
 *
 * `dispatch` is the single entry: it parses the untrusted input, runs the operation, and turns every
 * failure into `{ok: false, error}` data; it never throws and never returns a stack trace.
 */
import { explainError } from './diagnose/index.js';
import { RtwError } from './errors.js';
import type { Lang } from './i18n.js';
import { OPERATION_SCHEMAS } from './ipc-schemas.js';
import { findFreePort } from './loopback.js';
import type { IdpNetworkClient } from './network-client.js';
import { validateProfile } from './profile.js';
import { runAcquisition } from './session.js';
import { planTokenFileWrite } from './token-file.js';
import { oauth2ValuesFor } from './token-file-values.js';

const PLANNED_REFRESH_TOKEN = '(the new refresh token)';
import type {
  ExternalPage,
  IpcError,
  LanguageState,
  OperationInput,
  OperationName,
  OperationOutput,
  WizardEvent,
  WizardOperations,
} from '../shared/contract.js';

/** Capabilities of the host: Electron in the app, stand-ins in tests. */
export interface Platform {
  chooseOutputFile(suggestedPath: string): Promise<string | undefined>;
  defaultOutputFile(): Promise<string>;
  showInFolder(path: string): Promise<void>;
  copyText(text: string): Promise<void>;
  openExternal(page: ExternalPage): Promise<void>;
  /** Opens the sign-in URL in the system browser. */
  openBrowser(url: string): Promise<void>;
  /** The OS locale's language. */
  osLang(): Lang;
  /** The admin's saved choice, if any. */
  loadLangChoice(): Promise<Lang | undefined>;
  saveLangChoice(lang: Lang | undefined): Promise<void>;
}

/** What the service needs. */
export interface WizardServiceDeps {
  platform: Platform;
  /** A network client per acquisition (each has its own failure record). */
  createNetworkClient(): IdpNetworkClient;
  emit(event: WizardEvent): void;
}

/** The operations, plus `dispatch` for untrusted input. */
export interface WizardService extends WizardOperations {
  dispatch<K extends OperationName>(
    name: K,
    rawInput: unknown,
  ): Promise<OperationOutput<K> | { ok: false; error: IpcError }>;
  /** Cancels any running acquisition and waits for it to release the port (on window close / quit). */
  dispose(): Promise<void>;
}

/** Creates the service. */
export function createWizardService(deps: WizardServiceDeps): WizardService {
  const { platform } = deps;
  let running: { controller: AbortController; done: Promise<unknown> } | undefined;
  let langState: LanguageState | undefined;

  const currentLang = async (): Promise<LanguageState> => {
    if (langState === undefined) {
      const saved = await platform.loadLangChoice();
      langState =
        saved === undefined ? { lang: platform.osLang(), source: 'os' } : { lang: saved, source: 'user' };
    }
    return langState;
  };

  // Explanations carry both languages, so a failure needs no language to be reported.
  const failure = (error: unknown): { ok: false; error: IpcError } => ({
    ok: false,
    error: { code: RtwError.is(error) ? error.code : 'unexpected', explanation: explainError(error) },
  });

  const operations: WizardOperations = {
    async startAcquisition(input) {
      const { lang } = await currentLang();
      const validation = validateProfile(input);
      if (!validation.ok) {
        const error = new RtwError('invalid-input', {
          fields: validation.issues.map((i) => i.field).join(','),
        });
        return {
          ok: false,
          error: { code: 'invalid-input', explanation: explainError(error), issues: validation.issues },
        };
      }
      if (running !== undefined) {
        // One acquisition at a time: the port and the browser tab belong to it.
        running.controller.abort();
        await running.done;
      }
      const controller = new AbortController();
      const done = runAcquisition(validation.profile, {
        network: deps.createNetworkClient(),
        openBrowser: (url) => platform.openBrowser(url),
        onEvent: (event) => deps.emit({ channel: 'session', event }),
        lang,
        signal: controller.signal,
      }).finally(() => {
        if (running?.controller === controller) running = undefined;
      });
      running = { controller, done };
      return { ok: true, value: { started: true } };
    },
    async cancelAcquisition() {
      if (running === undefined) return;
      running.controller.abort();
      await running.done;
    },
    async planOutputFile({ path, profile }) {
      try {
        const validation = profile === undefined ? undefined : validateProfile(profile);
        // The refresh token is unknown until sign-in, but it always changes: a value no file holds says so.
        const oauth2 =
          validation?.ok === true ? oauth2ValuesFor(validation.profile, PLANNED_REFRESH_TOKEN) : {};
        return { ok: true, value: await planTokenFileWrite(path, { oauth2 }) };
      } catch (error) {
        return failure(error);
      }
    },
    chooseOutputFile: ({ suggestedPath }) => platform.chooseOutputFile(suggestedPath),
    defaultOutputFile: () => platform.defaultOutputFile(),
    showInFolder: ({ path }) => platform.showInFolder(path),
    copyText: ({ text }) => platform.copyText(text),
    getLanguage: () => currentLang(),
    async setLanguage({ lang }) {
      await platform.saveLangChoice(lang === 'os' ? undefined : lang);
      langState = lang === 'os' ? { lang: platform.osLang(), source: 'os' } : { lang, source: 'user' };
      deps.emit({ channel: 'language', state: langState });
      return langState;
    },
    openExternal: ({ page }) => platform.openExternal(page),
    suggestPort: ({ from }) => findFreePort(from, 20),
  };

  return {
    ...operations,
    async dispatch(name, rawInput) {
      const parsed = OPERATION_SCHEMAS[name].safeParse(rawInput);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'invalid-payload',
            explanation: explainError(
              new Error(
                `invalid payload for ${name}: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`,
              ),
            ),
          },
        };
      }
      const operation = operations[name] as (
        input: OperationInput<typeof name>,
      ) => Promise<OperationOutput<typeof name>>;
      try {
        return await operation(parsed.data);
      } catch (error) {
        return failure(error);
      }
    },
    async dispose() {
      await operations.cancelAcquisition(undefined);
    },
  };
}
