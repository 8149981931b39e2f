/**
 * What the desktop app does for each IPC operation, without Electron: the main process wires it to
 * `ipcMain`, and the end-to-end tests wire the very same object to a real browser page through Playwright.
 * Electron-only capabilities (dialogs, shell, clipboard, settings) are injected as `Platform`.
 *
 * `dispatch` is the single entry: it parses the untrusted input, runs the operation, and turns every
 * failure into `{ok: false, error}` data; it never throws and never returns a stack trace.
 *
 * The operations live in one module per group (sign-in, re-issue all, secret rotation, upkeep, keep alive,
 * mailboxes, desktop, explain, known apps); what runs at a time, and what stops what, is the run state's
 * (run-state.ts).
 */
import { explainError } from '../core/diagnose/index.js';
import type {
  IpcError,
  OperationInput,
  OperationName,
  OperationOutput,
  WizardOperations,
} from '../shared/contract.js';
import { desktopOperations } from './desktop-operations.js';
import { explainOperations } from './explain-operations.js';
import { keepAliveOperations } from './keep-alive-operations.js';
import type { WizardServiceDeps } from './host.js';
import { OPERATION_SCHEMAS } from './ipc-schemas.js';
import { PATHS_OF } from './path-allow-list.js';
import { knownAppOperations } from './known-app-operations.js';
import { mailboxOperations } from './mailbox-operations.js';
import { reissueAllOperations } from './reissue-all-operations.js';
import { rotateSecretOperations } from './rotate-secret-operations.js';
import { failure } from './results.js';
import { createServiceContext } from './service-context.js';
import { signInOperations } from './sign-in-operations.js';
import { upkeepOperations } from './upkeep-operations.js';

export type { KeepAliveHost, MailCheckOverrides, Platform, WizardServiceDeps } from './host.js';

/** The operations, plus `dispatch` for untrusted input. */
export interface WizardService extends WizardOperations {
  dispatch<K extends OperationName>(
    name: K,
    rawInput: unknown,
  ): Promise<OperationOutput<K> | { ok: false; error: IpcError }>;
  /** Stops whatever runs (a sign-in or walk, a check) and waits for it to release its port (on window close / quit). */
  dispose(): Promise<void>;
}

/** Creates the service. */
export function createWizardService(deps: WizardServiceDeps): WizardService {
  const ctx = createServiceContext(deps);
  const operations: WizardOperations = {
    ...signInOperations(ctx),
    ...reissueAllOperations(ctx),
    ...rotateSecretOperations(ctx),
    ...upkeepOperations(ctx),
    ...keepAliveOperations(ctx),
    ...mailboxOperations(ctx),
    ...desktopOperations(ctx),
    ...explainOperations(),
    ...knownAppOperations(ctx),
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
      // A path the window names must be one the admin chose, listed, or had a sign-in write (issue #15, item 8).
      const pathsOf = PATHS_OF[name];
      if (pathsOf !== undefined) {
        try {
          await ctx.paths.assertAllowed(pathsOf(parsed.data));
        } catch (error) {
          return failure(error);
        }
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
    dispose: () => ctx.runs.stopAll(),
  };
}
