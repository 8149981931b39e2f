/**
 * The IPC contract between the renderer and the main process: every operation, its input and its result,
 * and the events the main process pushes. Type-only: the preload, the main-side handlers and the renderer
 * derive their types from here, so a change to an operation is a compile error everywhere it matters
 * (the pattern of GitHub Desktop's `ipc-shared.ts`).
 *
 * Results of operations that can fail for expected reasons are `Result<T>`: the renderer gets
 * `{ok: false, error}` with an explanation, never a stack trace. Nothing here ever carries a client secret
 * back to the renderer, nor any code, access or refresh token (only masked forms).
 */
import type { Explanation } from '../core/diagnose/index.js';
import type { ErrorCode } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import type { ProfileInput, ValidationIssue } from '../core/profile.js';
import type { SessionEvent } from '../core/session.js';
import type { TokenFilePlan } from '../core/token-file.js';

/** An expected failure as the renderer sees it. */
export interface IpcError {
  code: ErrorCode | 'unexpected' | 'invalid-payload' | 'untrusted-sender';
  explanation: Explanation;
  /** Field-level problems when `code` is `invalid-input`. */
  issues?: ValidationIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Where the language setting comes from: the OS locale, or the admin's choice in the window. */
export interface LanguageState {
  lang: Lang;
  source: 'os' | 'user';
}

/** Pages `openExternal` may open: named, so the renderer can never pass an arbitrary URL. */
export type ExternalPage =
  'entra-app-registrations' | 'entra-new-registration' | 'docs-registration' | 'docs-troubleshooting';

/** Every operation: name → (input) → result. */
export interface WizardOperations {
  /** Starts one acquisition; progress and the outcome arrive as `SessionEvent`s. One at a time. */
  startAcquisition(input: ProfileInput): Promise<Result<{ started: true }>>;
  /** Cancels the running acquisition, if any; the port is released. */
  cancelAcquisition(input: void): Promise<void>;
  /**
   * What writing to this file would do (exists, which keys change), before sign-in. With the form's
   * profile the plan names the keys whose values change; the refresh token always does.
   */
  planOutputFile(input: { path: string; profile?: ProfileInput }): Promise<Result<TokenFilePlan>>;
  /** The save dialog; `undefined` when the admin cancels it. */
  chooseOutputFile(input: { suggestedPath: string }): Promise<string | undefined>;
  /** The default output path (the Documents folder, `smail_refresh_token.ini`). */
  defaultOutputFile(input: void): Promise<string>;
  /** Shows a file in the OS file manager. */
  showInFolder(input: { path: string }): Promise<void>;
  /** Copies text to the clipboard (redirect URI, scope names, a path…; never a secret from the main side). */
  copyText(input: { text: string }): Promise<void>;
  getLanguage(input: void): Promise<LanguageState>;
  setLanguage(input: { lang: Lang | 'os' }): Promise<LanguageState>;
  /** Opens one of the known pages in the system browser. */
  openExternal(input: { page: ExternalPage }): Promise<void>;
  /** A free redirect port to offer when the chosen one is busy. */
  suggestPort(input: { from: number }): Promise<number | undefined>;
}

export type OperationName = keyof WizardOperations;
export type OperationInput<K extends OperationName> = Parameters<WizardOperations[K]>[0];
export type OperationOutput<K extends OperationName> = Awaited<ReturnType<WizardOperations[K]>>;

/** Events pushed from main to renderer. */
export type WizardEvent =
  { channel: 'session'; event: SessionEvent } | { channel: 'language'; state: LanguageState };

/** The API the preload exposes as `window.wizard`: one function per operation, plus the event subscription. */
export type WizardApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutput<K>>;
} & {
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: WizardEvent) => void): () => void;
};

/** The IPC channel of an operation; one place so main and preload cannot disagree. */
export function channelOf(name: OperationName): string {
  return `wizard:${name}`;
}

/** The channel main pushes `WizardEvent`s on. */
export const EVENT_CHANNEL = 'wizard:event';

/** Every operation name, for the preload and for tests that check one handler per operation. */
export const OPERATION_NAMES = [
  'startAcquisition',
  'cancelAcquisition',
  'planOutputFile',
  'chooseOutputFile',
  'defaultOutputFile',
  'showInFolder',
  'copyText',
  'getLanguage',
  'setLanguage',
  'openExternal',
  'suggestPort',
] as const satisfies readonly OperationName[];

// Compile-time check that OPERATION_NAMES lists every operation.
type Missing = Exclude<OperationName, (typeof OPERATION_NAMES)[number]>;
const _allListed: Missing extends never ? true : Missing = true;
void _allListed;
