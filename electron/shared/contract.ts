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
import type { Lang, Localized } from '../core/i18n.js';
import type { DeviceCodeEvent } from '../core/sign-in/index.js';
import type { CheckEvent, CheckReport } from '../core/mail-check/index.js';
import type { Protocol, ProviderId } from '../core/providers/index.js';
import type { MailboxEntry, ReissueSummary } from '../core/upkeep/index.js';
import type { RotationOutcome, RotationSummary } from '../core/upkeep/index.js';
import type { AppAudience, ProfileField, ProfileInput, ValidationIssue } from '../core/sign-in/index.js';
import type { ReissuePrefill } from '../core/upkeep/index.js';
import type { RefreshOutcome } from '../core/upkeep/index.js';
import type { AlertChannel, AlertSettingsView, WebhookFormat } from '../core/alerts/index.js';
import type { BackendKind, RunRecord } from '../core/schedule/index.js';
import type { SessionEvent } from '../core/sign-in/index.js';
import type { TokenFilePlan } from '../core/token-file/index.js';
import type { TokenHealth } from '../core/upkeep/index.js';

/** An expected failure as the renderer sees it. */
export interface IpcError {
  code: ErrorCode | 'unexpected' | 'invalid-payload' | 'untrusted-sender';
  explanation: Explanation;
  /** Field-level problems when `code` is `invalid-input`. */
  issues?: InputIssue[];
}

/**
 * A field-level problem: the profile's validation, or a pre-flight finding that blocks a sign-in (a personal
 * mailbox with a work tenant…), whose key is `preflight.<finding id>`.
 */
export type InputIssue =
  ValidationIssue | { field: ProfileField; key: `preflight.${string}`; message: Localized };

/**
 * What a running sign-in reports on the `session` channel: the browser flow's events, or the device code
 * flow's (`device-code`, `polling`); both end with `written`, `failed` or `cancelled`.
 */
export type AcquisitionEvent = SessionEvent | DeviceCodeEvent;

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Where the language setting comes from: the OS locale, or the admin's choice in the window. */
export interface LanguageState {
  lang: Lang;
  source: 'os' | 'user';
}

/** Pages `openExternal` may open: named, so the renderer can never pass an arbitrary URL. */
export type ExternalPage =
  | 'entra-app-registrations'
  | 'entra-new-registration'
  | 'docs-registration'
  | 'docs-troubleshooting'
  /**
   * Where a device code is entered: the running device code session's own verification URI when it is https on
   * a Microsoft host (US Gov, China), else https://microsoft.com/devicelogin.
   */
  | 'device-login'
  /** Azure Cloud Shell (Bash), where the one-paste registration command runs. */
  | 'azure-cloud-shell'
  /** Google Cloud console: Credentials (create the OAuth client of type Desktop app). */
  | 'google-credentials'
  /** Google Cloud console: Google Auth Platform > Audience (Internal/External, publishing status, test users). */
  | 'google-audience'
  /** Google Cloud console: Google Auth Platform > Data Access (the scope https://mail.google.com/). */
  | 'google-data-access'
  /** Gmail's settings: Forwarding and POP/IMAP (enable IMAP or POP for the account signed in). */
  | 'gmail-pop-imap';

/**
 * What the main process adds to an acquisition: after a successful write the file is listed among the
 * managed mailboxes; with `rememberSecret` the client secret is also kept, encrypted by the OS (safeStorage).
 */
export interface AcquisitionOptions {
  rememberSecret?: boolean;
  /**
   * Sign in with the secret remembered (encrypted) for the client ID instead of `clientSecret`: the secret stays
   * in the main process, as the re-issue of all does.
   */
  useRememberedSecret?: boolean;
}

/**
 * An app the wizard already knows (its client ID in the mailbox list), with what a new mailbox of it needs: the
 * provider, tenant and cloud its files record, and whether its secret is remembered. Never the secret.
 */
export interface KnownApp {
  clientId: string;
  provider: ProviderId;
  /** Microsoft: the tenant as recorded (`common`, a domain, a tenant ID); Google: ''. */
  tenant: string;
  /** Microsoft: the cloud; Google: `global`. */
  cloud: string;
  /** The files hold no secret (a public client). */
  publicClient: boolean;
  /** Its mailboxes' protocols, in protocol order (the union of its files'). */
  protocols: Protocol[];
  /** How many listed mailboxes use it. */
  mailboxes: number;
  /** A secret is remembered for it. */
  secretRemembered: boolean;
  /** The latest secret expiry its files record (`YYYY-MM-DD`). */
  secretExpiresAt?: string;
  /** Google: the consent screen's audience its files record. */
  appAudience?: AppAudience;
}

/** The pre-filled re-issue form as the renderer sees it: the file's secret stays in the main process. */
export interface ReissueView extends Omit<ReissuePrefill, 'input'> {
  input: Omit<ProfileInput, 'clientSecret'>;
}

/** What "re-issue all with this app" needs: the app, and its new secret (or the remembered one). */
export interface ReissueAllInput {
  clientId: string;
  newSecret?: string;
  useRememberedSecret?: boolean;
  /** The new secret's expiry (`YYYY-MM-DD`), recorded in each file. */
  secretExpiresAt?: string;
  /** Remember the new secret (encrypted by the OS) once a sign-in with it has worked. */
  rememberSecret?: boolean;
  /** The redirect port the sign-ins listen on (default: the wizard's). */
  redirectPort?: number;
}

/** Progress of a "re-issue all" walk. */
export type ReissueAllEvent =
  | { type: 'step'; index: number; total: number; path: string; userId: string }
  | { type: 'done'; summary: ReissueSummary };

/** "Rotate secret" for one app: its new secret, sent once, never sent back. */
export interface RotateSecretInput {
  clientId: string;
  newSecret: string;
  /** The new secret's expiry (`YYYY-MM-DD`), recorded in each file; absent: recorded as unknown. */
  secretExpiresAt?: string;
  /**
   * Remember the new secret (encrypted by the OS) in place of the app's remembered one, once a refresh has proven
   * it; false forgets a remembered one (the old secret, which the files no longer hold); absent leaves it.
   */
  rememberSecret?: boolean;
}

/** What became of the app's remembered secret. */
export type RememberedSecretChange =
  'replaced' | 'forgotten' | 'unchanged' | 'encryption-unavailable' | 'failed';

/**
 * How a rotation ended: `refused` (the identity provider refused the secret at the first file: nothing was
 * changed), `no-files` (no listed file of the app could be rotated: none readable of it, or all public clients),
 * or `done` with every listed file's outcome (rotated, needs a sign-in, failed, skipped) in the list's order.
 */
export type RotateSecretReport =
  | { status: 'refused'; file: string; explanation: Explanation }
  | { status: 'no-files'; outcomes: RotationOutcome[] }
  | {
      status: 'done';
      /** A token was redeemed with the new secret (otherwise it was written nowhere). */
      verified: boolean;
      outcomes: RotationOutcome[];
      summary: RotationSummary;
      rememberedSecret: RememberedSecretChange;
    };

/** A managed mailbox with its file's health, or why the file could not be read. */
export interface MailboxView {
  entry: MailboxEntry;
  health?: TokenHealth;
  error?: IpcError;
  /** An encrypted secret is remembered for its client ID. */
  secretRemembered: boolean;
}

/** The managed mailboxes, and whether secrets can be remembered here. */
export interface MailboxList {
  mailboxes: MailboxView[];
  encryptionAvailable: boolean;
}

// ---- Keep alive and alerts (issue 17, parts 2 and 3) ----------------------------------------------------------

/** The schedule of some token files, as the Keep alive panel shows it: this OS's scheduler only. */
export interface KeepAliveView {
  id: string;
  /** The scheduler it lives in (or would): the one of this OS. */
  backend: BackendKind;
  installed: boolean;
  everyDays?: number;
  /** `HH:MM`, local. */
  at?: string;
  loggedOut?: boolean;
  /** What it runs: the program and its arguments, as one line. */
  command?: string;
  /** ISO times, where the OS says. */
  nextRun?: string;
  lastRun?: { at?: string; exitCode?: number };
  /** How the last scheduled run went, as it recorded itself. */
  lastRecorded?: RunRecord;
  /** What to know about it (signed out or not, lingering, S4U's limits, a temporary app location). */
  notes: Localized[];
  /** The OS tool's refusal when adding or removing failed; nothing else changed. */
  problem?: Localized;
}

/** What the admin chose in the Keep alive panel. */
export interface KeepAliveChoice {
  paths: string[];
  everyDays: number;
  /** `HH:MM`. */
  at: string;
  loggedOut: boolean;
}

/** A change to the alert settings; what is absent stays as it is. */
export interface AlertSettingsInput {
  /** A new webhook URL (a secret: never sent back, only its scheme and host). */
  webhookUrl?: string;
  webhookFormat?: WebhookFormat | 'auto';
  clearWebhook?: boolean;
  email?: { to: string; via?: string };
  clearEmail?: boolean;
  osLog?: boolean;
  /** The alerts' language, or `run`: each run's. */
  lang?: Lang | 'run';
}

/** The settings after a change, or why the change was refused (nothing changed then). */
export interface AlertSettingsResult {
  settings: AlertSettingsView;
  problem?: Localized;
}

/** How a test alert went, per channel. */
export interface AlertTestResult {
  channels: Array<{ channel: AlertChannel; ok: boolean; detail: Localized }>;
  /** Why nothing was sent (no channel set). */
  problem?: Localized;
}

/** Every operation: name → (input) → result. */
export interface WizardOperations {
  /** Starts one acquisition; progress and the outcome arrive as `SessionEvent`s. One at a time. */
  startAcquisition(input: ProfileInput & AcquisitionOptions): Promise<Result<{ started: true }>>;
  /**
   * Starts one device code acquisition (no browser here, no port): always as a public client, so the INI gets an
   * empty ClientSecret and the registration needs "Allow public client flows". The code and the countdown
   * arrive as `device-code` / `polling` events on the session channel, the outcome as for `startAcquisition`.
   * It replaces a running acquisition of either kind; `cancelAcquisition` stops it.
   */
  startDeviceCode(input: ProfileInput): Promise<Result<{ started: true }>>;
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

  /** The open dialog for an existing INI file; `undefined` when the admin cancels it. */
  chooseTokenFile(input: void): Promise<string | undefined>;
  /** A file's health (no secret: masked token and secret, dates, days left, warnings). */
  tokenHealth(input: { path: string }): Promise<Result<TokenHealth>>;
  /**
   * Checks a file's token against the mail servers: progress as `{channel: 'check'}` events, one check at a
   * time. The servers are the cloud's (the renderer cannot name others: the access token goes to them).
   */
  checkTokenFile(input: {
    file: string;
    protocols?: Protocol[];
    sendTo?: string;
  }): Promise<Result<CheckReport>>;
  /** Redeems each file's token and writes the rotated one back (`.bak` kept); the registry records how it went. */
  refreshFiles(input: { paths: string[] }): Promise<Result<RefreshOutcome[]>>;
  /** The wizard's form pre-filled from a file, and whether the file holds a secret (never the secret). */
  readReissueFile(input: { path: string }): Promise<Result<ReissueView>>;
  /**
   * Re-issues a file's token: the file's settings, overridden by `changes`, written back to the same file. With
   * `keepFileSecret` the main process uses the secret in the file. Progress: the session events.
   */
  startReissue(
    input: { path: string; changes: ProfileInput; keepFileSecret: boolean } & AcquisitionOptions,
  ): Promise<Result<{ started: true }>>;
  /**
   * Re-issues every listed mailbox of one app with its new client secret (after a rotation): one browser sign-in
   * per file in turn (re-issue semantics: the file's settings, the new secret, unknown keys kept, `.bak`). The
   * secret is `newSecret`, or with `useRememberedSecret` the one remembered for the client ID; it never comes
   * back. Progress: `reissue-all` events (`step` per file, `done` with the summary) and the session events.
   * One at a time with the other acquisitions; `skipReissueAllStep` and `cancelReissueAll` steer it.
   */
  startReissueAll(input: ReissueAllInput): Promise<Result<{ total: number }>>;
  /**
   * Rotates one app's client secret in every listed file of the app, with no sign-in (rotate-secret.ts in the
   * core): the new secret is checked, proven with one file's refresh (a refused one changes nothing), then each
   * file gets it with its refreshed token; dead tokens get it and need a sign-in. The secret never comes back.
   */
  rotateSecret(input: RotateSecretInput): Promise<Result<RotateSecretReport>>;
  /** Skips the mailbox being signed in; the walk goes on with the next. */
  skipReissueAllStep(input: void): Promise<void>;
  /** Stops the walk: the running sign-in is cancelled and the rest is not reached. */
  cancelReissueAll(input: void): Promise<void>;
  // Keep alive and alerts.
  /** The schedule that keeps these files alive, made or not, with what the OS and its last run recorded. */
  keepAliveStatus(input: { paths: string[] }): Promise<Result<KeepAliveView>>;
  /** Creates (or replaces) it with this OS's scheduler, running the app's headless `refresh --scheduled`. */
  keepAliveAdd(input: KeepAliveChoice): Promise<Result<KeepAliveView>>;
  /** Removes it. */
  keepAliveRemove(input: { paths: string[] }): Promise<Result<KeepAliveView>>;
  /** The alert settings (the webhook masked). */
  alertSettings(input: void): Promise<Result<AlertSettingsResult>>;
  setAlertSettings(input: AlertSettingsInput): Promise<Result<AlertSettingsResult>>;
  /** Sends a test alert through every channel; the e-mail through these files' mailbox unless one is set. */
  testAlerts(input: { paths: string[] }): Promise<Result<AlertTestResult>>;
  listMailboxes(input: void): Promise<Result<MailboxList>>;
  /** Lists a token file among the managed mailboxes (reads its mailbox, tenant and client ID). */
  addMailbox(input: { path: string }): Promise<Result<MailboxEntry>>;
  /** Forgets a mailbox; its file is not touched. */
  removeMailbox(input: { path: string }): Promise<Result<{ removed: boolean }>>;
  /** Whether a secret is remembered for a client ID, and whether one could be. */
  hasSecret(input: { clientId: string }): Promise<{ remembered: boolean; encryptionAvailable: boolean }>;
  forgetSecret(input: { clientId: string }): Promise<Result<{ forgotten: true }>>;

  /**
   * Explains text the admin pastes: the error Entra showed on its own sign-in page ("Message: AADSTS…", which
   * never reaches the app: the sign-in only times out), an AADSTS code, or a mail server's reply from a sender's
   * log. Nothing leaves the machine.
   */
  explainText(input: { text: string; protocol?: Protocol }): Promise<Explanation>;
  /** The apps of the listed mailboxes, to pick one for a new mailbox (read-only; never a secret). */
  listKnownApps(input: void): Promise<Result<KnownApp[]>>;
  /**
   * Records a file's client secret expiry (`YYYY-MM-DD`; '' = unknown) in its `[RefreshTokenWizard]` section, so
   * health warns in time; the previous file is kept as `.bak`. Nothing else in the file changes.
   */
  setSecretExpiry(input: { path: string; expiresAt: string }): Promise<Result<{ expiresAt: string }>>;
}

export type OperationName = keyof WizardOperations;
export type OperationInput<K extends OperationName> = Parameters<WizardOperations[K]>[0];
export type OperationOutput<K extends OperationName> = Awaited<ReturnType<WizardOperations[K]>>;

/** Events pushed from main to renderer. */
export type WizardEvent =
  | { channel: 'session'; event: AcquisitionEvent }
  | { channel: 'language'; state: LanguageState }
  | { channel: 'check'; file: string; event: CheckEvent }
  | { channel: 'mailboxes'; event: MailboxEvent }
  | { channel: 'reissue-all'; event: ReissueAllEvent };

/** The registry changed after an acquisition: the file is listed, and how remembering its secret went. */
export type MailboxEvent = {
  type: 'registered';
  path: string;
  secret: 'not-requested' | 'remembered' | 'encryption-unavailable' | 'failed';
};

/** The API the preload exposes as `window.wizard`: one function per operation, plus the event subscription. */
export type WizardApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutput<K>>;
} & {
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: WizardEvent) => void): () => void;
  /**
   * The path of a file dropped on the window (Electron's `webUtils.getPathForFile`, run in the preload:
   * a sandboxed page sees no paths); '' when it has none. Local, no IPC.
   */
  pathForFile(file: File): string;
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
  'startDeviceCode',
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
  'chooseTokenFile',
  'tokenHealth',
  'checkTokenFile',
  'refreshFiles',
  'readReissueFile',
  'startReissue',
  'startReissueAll',
  'rotateSecret',
  'skipReissueAllStep',
  'cancelReissueAll',
  'keepAliveStatus',
  'keepAliveAdd',
  'keepAliveRemove',
  'alertSettings',
  'setAlertSettings',
  'testAlerts',
  'listMailboxes',
  'addMailbox',
  'removeMailbox',
  'hasSecret',
  'forgetSecret',
  'explainText',
  'listKnownApps',
  'setSecretExpiry',
] as const satisfies readonly OperationName[];

// Compile-time check that OPERATION_NAMES lists every operation.
type Missing = Exclude<OperationName, (typeof OPERATION_NAMES)[number]>;
const _allListed: Missing extends never ? true : Missing = true;
void _allListed;
