/**
 * The wizard's state and its reducer. Pure: no React, no `window.wizard`, so every transition is unit-tested
 * without a DOM. Side effects (IPC calls) live in the components and report back through actions.
 *
 * Two ways through the same form: quick mode (one screen: mailbox, client ID, secret Value, the file, Sign in; the
 * rest under Options) and the guided wizard (seven steps with the checklists). Both edit one `Form`; the result and
 * the check are the guided wizard's steps for both.
 */
import { CLOUDS } from '../electron/core/providers/microsoft/clouds.js';
import { DEFAULT_PROVIDER, PROVIDERS } from '../electron/core/providers/registry.js';
import type { Protocol, ProviderId } from '../electron/core/providers/types.js';
import type { CloudName } from '../electron/core/providers/microsoft/clouds.js';
import type { Explanation } from '../electron/core/diagnose/types.js';
import {
  APP_AUDIENCES,
  DEFAULT_PROTOCOLS,
  DEFAULT_REDIRECT_PORT,
  validateProfile,
} from '../electron/core/sign-in/profile.js';
import { DEFAULT_TENANT } from '../electron/core/providers/microsoft/validation.js';
import type {
  AppAudience,
  ProfileField,
  ProfileInput,
  ValidationIssue,
} from '../electron/core/sign-in/profile.js';
import type { SessionEvent } from '../electron/core/sign-in/session.js';
import type { TokenFilePlan } from '../electron/core/token-file/token-file.js';
import { VALIDATION_MESSAGES } from '../electron/core/sign-in/validation-messages.js';
// fix-step.ts reads STEP_FIELDS from here: a cycle of functions only, each used at call time.
import { fixStepOf } from './fix-step.js';
import type {
  AcquisitionEvent,
  InputIssue,
  IpcError,
  KnownApp,
  MailboxEvent,
  ReissueView,
} from '../electron/shared/contract.js';

/** The wizard's steps, in order. */
export const STEP_IDS = [
  'account',
  'registration',
  'mailbox',
  'output',
  'signin',
  'result',
  'check',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Quick mode (one screen) or the guided wizard (seven steps). */
export type Mode = 'quick' | 'guided';

/** Work or school (Microsoft 365) vs personal (Outlook.com, tenant `consumers`). */
export type AccountType = 'work' | 'personal';

/**
 * The tenant, as three choices: the SMAIL manual's `common`, one organization (its domain or tenant ID), or
 * anything else `validateProfile` takes (`organizations`, `consumers`).
 */
export type TenantChoice = 'common' | 'organization' | 'other';

/** What the admin typed, as the form holds it. */
export interface Form {
  /** The identity provider, the first choice as in SmailRefreshToken.exe's list. */
  provider: ProviderId;
  accountType: AccountType;
  tenantChoice: TenantChoice;
  /** The tenant typed for `organization` and `other`; `common` needs none. A personal account uses `consumers`. */
  tenant: string;
  cloud: CloudName;
  clientId: string;
  clientSecret: string;
  publicClient: boolean;
  userId: string;
  protocols: Protocol[];
  outFile: string;
  /** The output file follows the mailbox (a folder per mailbox) until the admin chooses or types a path. */
  outFileAuto: boolean;
  redirectPort: number;
  /** The client secret's expiry (`YYYY-MM-DD`, optional), recorded so the file view warns in time. */
  clientSecretExpiresAt: string;
  /** Re-issue: use the secret already in the file (it stays in the main process). */
  keepFileSecret: boolean;
  /** Keep the secret, encrypted by the OS, for later re-issues of this app's mailboxes. */
  rememberSecret: boolean;
  /** Sign in with the secret remembered for this client ID (it stays in the main process). */
  useRememberedSecret: boolean;
  /** The INI `Provider=` value, when the sender expects another than the provider's; '' = the provider's. */
  providerValue: string;
  /** Google: the OAuth consent screen's audience, as the admin answered the checklist. */
  appAudience: AppAudience | '';
}

/** Re-issuing a file's token: what the file said (never its secret). */
export interface ReissueState {
  path: string;
  secretInFile: boolean;
  secretExpiresAt: string | undefined;
  missing: ReissueView['missing'];
  /**
   * The file's sign-in authority when it is none of the listed clouds (a private or test deployment): kept as
   * it is, since the form's tenant and cloud cannot express it.
   */
  authority?: string;
}

/**
 * How the admin signs in: in the browser (redirect to localhost), or with a device code entered on any other
 * device (no browser here, no port; a public client, so the INI gets an empty ClientSecret).
 */
export type SignInMethod = 'browser' | 'device-code';

/** The code Entra gave a device code sign-in, to show until it ends. */
export interface DeviceCodeShown {
  userCode: string;
  verificationUri: string;
  expiresAt: string;
  /** Entra's own sentence, in the language Entra chose. */
  message: string;
}

/** Progress of the running acquisition, from session events. */
export interface SignInState {
  /**
   * `waiting`: the browser flow waits for the redirect, the device code flow for the code to be entered
   * (`deviceCode` is then set).
   */
  status: 'idle' | 'starting' | 'listening' | 'waiting' | 'exchanging' | 'cancelling';
  /** The running (or last) attempt's flow. */
  flow?: SignInMethod;
  deviceCode?: DeviceCodeShown;
  port?: number;
  redirectUri?: string;
  authorizeUrl?: string;
  secondsLeft?: number;
  browserOpened?: boolean;
  /** The last attempt was cancelled by the admin. */
  cancelled?: boolean;
  /** The redirect port was taken: `suggestion` is a free port, `searching` while asking, `none` if none. */
  portBusy?: { port: number; explanation: Explanation; suggestion: number | 'searching' | 'none' };
}

/** How the acquisition ended. */
export type Outcome =
  | {
      kind: 'success';
      file: string;
      backupFile?: string;
      created: boolean;
      userId: string;
      signedInAs: string;
      refreshTokenMasked: string;
      warnings: Extract<SessionEvent, { type: 'written' }>['warnings'];
      /** The file was added to the mailboxes list; how remembering the secret went. */
      registered?: MailboxEvent['secret'];
    }
  | {
      kind: 'failure';
      code: string;
      explanation: Explanation;
      issues?: InputIssue[];
      /** The first characters of the secret Value sent, to compare with the portal's (which shows as many). */
      secretPrefix?: string;
    };

/** What writing to the chosen file would do (asked from the main process while the file is on screen). */
export type PlanState =
  | { status: 'none' }
  | { status: 'loading'; path: string }
  | { status: 'ready'; path: string; plan: TokenFilePlan }
  | { status: 'error'; path: string; explanation: Explanation };

export interface WizardState {
  mode: Mode;
  /** Where the last sign-in started: "Another mailbox (same app)" goes back there. */
  origin: Mode;
  step: StepId;
  /** Index of the furthest form step reached; the rail lets the admin go back to any of them. */
  reached: number;
  form: Form;
  /** The main process's default output file (Documents/smail_refresh_token.ini); '' until it answers. */
  defaultOutFile: string;
  /** Fields whose problems are shown: touched by the admin, or by an attempt to continue. */
  touched: Partial<Record<ProfileField, true>>;
  signIn: SignInState;
  /** The sign-in the Sign-in step offers; the device code one is chosen there or from a failure. */
  signInMethod: SignInMethod;
  plan: PlanState;
  /**
   * The admin confirmed writing this mailbox into this existing file although its UserID is another mailbox's
   * (whose token then survives only in `.bak`): for exactly this path and mailbox.
   */
  replaceConfirmed?: { path: string; userId: string };
  outcome?: Outcome;
  /** Set while the form re-issues an existing file's token. */
  reissue?: ReissueState;
}

/** The profile fields each step edits: its validation issues are shown there. */
export const STEP_FIELDS: Readonly<Record<StepId, readonly ProfileField[]>> = {
  account: ['provider', 'tenant', 'cloud', 'authority', 'appAudience', 'providerValue'],
  registration: ['clientId', 'clientSecret', 'publicClient', 'clientSecretExpiresAt'],
  mailbox: ['userId', 'protocols'],
  output: ['outFile'],
  signin: ['redirectPort', 'redirectPath', 'timeoutSeconds'],
  result: [],
  check: [],
};

/** The step where a profile field is edited. */
export function stepOfField(field: ProfileField): StepId {
  return STEP_IDS.find((step) => STEP_FIELDS[step].includes(field)) ?? 'account';
}

export const INITIAL_FORM: Form = {
  provider: DEFAULT_PROVIDER,
  accountType: 'work',
  tenantChoice: 'common',
  tenant: '',
  cloud: 'global',
  clientId: '',
  clientSecret: '',
  publicClient: false,
  userId: '',
  protocols: [...DEFAULT_PROTOCOLS],
  outFile: '',
  outFileAuto: true,
  redirectPort: DEFAULT_REDIRECT_PORT,
  clientSecretExpiresAt: '',
  keepFileSecret: false,
  rememberSecret: false,
  useRememberedSecret: false,
  providerValue: '',
  appAudience: '',
};

export function initialState(form: Partial<Form> = {}): WizardState {
  return {
    mode: 'quick',
    origin: 'quick',
    step: 'account',
    reached: 0,
    form: { ...INITIAL_FORM, ...form },
    defaultOutFile: '',
    touched: {},
    signIn: { status: 'idle' },
    signInMethod: 'browser',
    plan: { status: 'none' },
  };
}

/** The tenant choice a recorded tenant belongs to. */
export function tenantChoiceOf(tenant: string): TenantChoice {
  const t = tenant.trim().toLowerCase();
  if (t === '' || t === DEFAULT_TENANT) return 'common';
  if (t === 'organizations' || t === 'consumers') return 'other';
  return 'organization';
}

/** The tenant the profile gets: `common` for the first choice, `consumers` for a personal account. */
export function tenantOf(form: Form): string {
  if (form.accountType === 'personal') return 'consumers';
  return form.tenantChoice === 'common' ? DEFAULT_TENANT : form.tenant;
}

/** The file name and folder separator of a path as the OS wrote it (Windows paths use `\`). */
function splitPath(path: string): { folder: string; name: string; sep: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const sep = path.includes('\\') ? '\\' : '/';
  return cut < 0
    ? { folder: '', name: path, sep }
    : { folder: path.slice(0, cut), name: path.slice(cut + 1), sep };
}

/** A file's folder and name, for showing a long path as its name plus its folder. */
export function pathParts(path: string): { folder: string; name: string } {
  const { folder, name } = splitPath(path);
  return { folder, name };
}

/**
 * The default file of a mailbox: a folder named after the address beside the main process's default, holding a
 * file of the default name (SMAIL reads `smail_refresh_token.ini`, so the name stays), e.g.
 * `Documents\printer@contoso.com\smail_refresh_token.ini`. Each mailbox gets its own file: a second mailbox
 * never overwrites the first. Characters no file system takes in a folder name become `_`.
 */
export function perMailboxPath(defaultOutFile: string, mailbox: string): string {
  const address = mailbox.trim();
  if (defaultOutFile === '' || address === '') return defaultOutFile;
  const { folder, name, sep } = splitPath(defaultOutFile);
  // eslint-disable-next-line no-control-regex -- control characters are what Windows refuses too
  const safe = address.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '_');
  return folder === '' ? `${safe}${sep}${name}` : `${folder}${sep}${safe}${sep}${name}`;
}

/** True when the form re-issues into the file it was filled from, with that file's secret. */
export function keepsFileSecret(form: Form, reissue: ReissueState | undefined): boolean {
  return (
    reissue !== undefined &&
    reissue.secretInFile &&
    form.keepFileSecret &&
    !form.publicClient &&
    form.outFile === reissue.path
  );
}

/** True when the main process supplies the secret: the file's (re-issue) or the one remembered for the app. */
export function secretFromMain(form: Form, reissue: ReissueState | undefined): boolean {
  return keepsFileSecret(form, reissue) || (form.useRememberedSecret && !form.publicClient);
}

/** True for a provider whose registrations can have no secret (Google's desktop clients always have one). */
export function offersPublicClient(provider: ProviderId): boolean {
  return PROVIDERS[provider].supportsPublicClient;
}

/** True for a provider with a device code sign-in that allows the mail scopes (not Google). */
export function offersDeviceCode(provider: ProviderId): boolean {
  return PROVIDERS[provider].deviceCode !== undefined;
}

/**
 * The input `startAcquisition` gets. A public client never sends the secret, even one typed before; nor does a
 * re-issue keeping the file's secret or a sign-in with the remembered one (the main process has them). A new
 * secret's expiry replaces the recorded one (empty clears it), a kept secret keeps its own.
 *
 * Google has no tenant or cloud, and its redirect is any free port (the provider's default, 0): none is sent.
 */
export function profileInputOf(form: Form, reissue?: ReissueState): ProfileInput {
  const google = form.provider === 'google';
  const personal = form.accountType === 'personal';
  const publicClient = form.publicClient && offersPublicClient(form.provider);
  const fromMain = secretFromMain({ ...form, publicClient }, reissue);
  const expiry = form.clientSecretExpiresAt.trim();
  const sendExpiry =
    !keepsFileSecret(form, reissue) &&
    (expiry !== '' || (reissue !== undefined && form.outFile === reissue.path));
  const providerValue = form.providerValue.trim();
  return {
    ...(form.provider === DEFAULT_PROVIDER ? {} : { provider: form.provider }),
    ...(google ? {} : { tenant: tenantOf(form), cloud: personal ? 'global' : form.cloud }),
    clientId: form.clientId,
    clientSecret: publicClient || fromMain ? '' : form.clientSecret,
    publicClient,
    userId: form.userId,
    protocols: form.protocols,
    outFile: form.outFile,
    ...(google ? {} : { redirectPort: form.redirectPort }),
    ...(sendExpiry ? { clientSecretExpiresAt: publicClient ? '' : expiry } : {}),
    ...(providerValue === '' ? {} : { providerValue }),
    ...(google && form.appAudience !== '' ? { appAudience: form.appAudience } : {}),
    // It takes precedence over tenant and cloud (validateProfile), also for a copy into another file.
    ...(reissue?.authority === undefined ? {} : { authority: reissue.authority }),
  };
}

/**
 * Every problem with the form: `validateProfile`'s, plus what only the form knows: an empty output path (core
 * would default it), an empty tenant for "my organization only" or "other" (core would default it to `common`),
 * and Google's consent screen question left unanswered.
 */
export function formIssues(form: Form, reissue?: ReissueState): ValidationIssue[] {
  const validation = validateProfile(profileInputOf(form, reissue));
  const fromMain = secretFromMain(form, reissue);
  const issues = validation.ok
    ? []
    : // The file's or the remembered secret is checked by the main process, which has it.
      validation.issues.filter((issue) => !(fromMain && issue.field === 'clientSecret'));
  const google = form.provider === 'google';
  if (
    !google &&
    form.accountType === 'work' &&
    form.tenantChoice !== 'common' &&
    reissue?.authority === undefined &&
    form.tenant.trim() === ''
  ) {
    issues.push({ field: 'tenant', key: 'tenantRequired', message: VALIDATION_MESSAGES.tenantRequired });
  }
  if (google && form.appAudience === '') {
    issues.push({
      field: 'appAudience',
      key: 'appAudienceRequired',
      message: VALIDATION_MESSAGES.appAudienceRequired,
    });
  }
  if (form.outFile.trim() === '') {
    issues.push({ field: 'outFile', key: 'outFileRequired', message: VALIDATION_MESSAGES.outFileRequired });
  }
  return issues;
}

/** The problems of one step's fields. */
export function stepIssues(issues: readonly ValidationIssue[], step: StepId): ValidationIssue[] {
  return issues.filter((issue) => STEP_FIELDS[step].includes(issue.field));
}

/** The problems the admin should see now: on the fields on screen, once touched. */
export function visibleIssues(state: WizardState, issues: readonly ValidationIssue[]): ValidationIssue[] {
  const shown = state.mode === 'quick' ? issues : stepIssues(issues, state.step);
  return shown.filter((issue) => state.touched[issue.field] === true);
}

/** True while an acquisition runs: navigation is locked, the port and the browser tab belong to it. */
export function isAcquiring(signIn: SignInState): boolean {
  return signIn.status !== 'idle';
}

/** The output file can be written: the plan did not fail (a failure means the write would fail too). */
export function planBlocks(plan: PlanState, outFile: string): boolean {
  return plan.status === 'error' && plan.path === outFile;
}

/**
 * Writing would put this mailbox into a file that holds another mailbox's token (its UserID changes): the other
 * token would survive only in `.bak`. Needs the admin's confirmation, for this path and this mailbox.
 */
export function replacesOtherMailbox(state: WizardState): boolean {
  const { plan, form, replaceConfirmed } = state;
  if (plan.status !== 'ready' || plan.path !== form.outFile) return false;
  return replacesOther(plan.plan, form, replaceConfirmed);
}

/** The same, for a plan just asked for (before a sign-in starts). */
export function replacesOther(
  plan: TokenFilePlan,
  form: Pick<Form, 'outFile' | 'userId'>,
  replaceConfirmed: WizardState['replaceConfirmed'],
): boolean {
  if (!plan.exists || !plan.changedKeys.includes('UserID')) return false;
  return replaceConfirmed?.path !== form.outFile || replaceConfirmed.userId !== form.userId;
}

/** What stops the output file from being used now: a failed plan, or a replacement not confirmed. */
export function outputBlocks(state: WizardState): boolean {
  return planBlocks(state.plan, state.form.outFile) || replacesOtherMailbox(state);
}

type SetAction = { [K in keyof Form]: { type: 'set'; field: K; value: Form[K] } }[keyof Form];

export type Action =
  | SetAction
  | { type: 'set-default-out-file'; path: string }
  | { type: 'touch'; fields: readonly ProfileField[] }
  | { type: 'mode'; mode: Mode }
  | { type: 'go'; step: StepId }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'plan-loading'; path: string }
  | {
      type: 'plan-loaded';
      path: string;
      result: { ok: true; value: TokenFilePlan } | { ok: false; error: IpcError };
    }
  | { type: 'confirm-replace'; confirmed: boolean }
  | { type: 'acquisition-starting'; flow?: SignInMethod }
  | { type: 'choose-sign-in'; method: SignInMethod }
  | { type: 'acquisition-rejected'; error: IpcError }
  | { type: 'session'; event: AcquisitionEvent }
  | { type: 'port-suggested'; port: number | undefined }
  | { type: 'use-port'; port: number }
  | { type: 'cancel-requested' }
  | { type: 'cancel-done' }
  | { type: 'restart' }
  | { type: 'another-mailbox' }
  | { type: 'use-app'; app: KnownApp }
  | { type: 'new-mailbox-for'; app: KnownApp }
  | { type: 'cloud-shell-filled'; clientId: string; tenant: string; secret: string; expiresAt: string }
  | { type: 'reissue-loaded'; view: ReissueView }
  | { type: 'mailbox-registered'; event: MailboxEvent };

/** The form field a `set` touches: the account type decides the tenant, "no secret" the secret. */
const TOUCHES: Readonly<Record<keyof Form, ProfileField>> = {
  provider: 'provider',
  accountType: 'tenant',
  tenantChoice: 'tenant',
  tenant: 'tenant',
  cloud: 'cloud',
  clientId: 'clientId',
  clientSecret: 'clientSecret',
  publicClient: 'clientSecret',
  userId: 'userId',
  protocols: 'protocols',
  outFile: 'outFile',
  outFileAuto: 'outFile',
  redirectPort: 'redirectPort',
  clientSecretExpiresAt: 'clientSecretExpiresAt',
  keepFileSecret: 'clientSecret',
  rememberSecret: 'clientSecret',
  useRememberedSecret: 'clientSecret',
  providerValue: 'providerValue',
  appAudience: 'appAudience',
};

const FORM_STEP_COUNT = STEP_IDS.indexOf('signin') + 1;

/** Every field a form shows: quick mode's Sign in touches them all (one screen shows every problem). */
export const ALL_FIELDS: readonly ProfileField[] = STEP_IDS.flatMap((step) => STEP_FIELDS[step]);

function touchStep(state: WizardState, step: StepId): WizardState['touched'] {
  const touched = { ...state.touched };
  for (const field of STEP_FIELDS[step]) touched[field] = true;
  return touched;
}

function goTo(state: WizardState, step: StepId): WizardState {
  const index = STEP_IDS.indexOf(step);
  return {
    ...state,
    step,
    reached: index < FORM_STEP_COUNT ? Math.max(state.reached, index) : state.reached,
  };
}

/** A form with the output file following the mailbox, when it does. */
function withAutoOutFile(state: WizardState, form: Form): Form {
  if (!form.outFileAuto || state.defaultOutFile === '') return form;
  return { ...form, outFile: perMailboxPath(state.defaultOutFile, form.userId) };
}

/** A new path (or mailbox) invalidates the plan of the old one. */
function planFor(state: WizardState, form: Form): PlanState {
  return form.outFile !== state.form.outFile && state.plan.status !== 'none'
    ? { status: 'none' }
    : state.plan;
}

/**
 * Where a failure leaves the admin: the guided wizard's result. A failure in quick mode opens the step that fixes
 * it (its explanation is shown there), or the result when no input fixes it.
 */
function failed(
  state: WizardState,
  outcome: Extract<Outcome, { kind: 'failure' }>,
  fixStep?: StepId,
): WizardState {
  const target = state.mode === 'quick' && fixStep !== undefined ? fixStep : 'result';
  return {
    ...goTo({ ...state, mode: 'guided' }, target),
    reached: FORM_STEP_COUNT - 1,
    signIn: { status: 'idle' },
    outcome,
    ...(target === 'result' ? {} : { touched: touchStep(state, target) }),
  };
}

function onSessionEvent(state: WizardState, event: AcquisitionEvent, fixStep?: StepId): WizardState {
  // Events of an attempt the wizard no longer waits for (a late tick after the outcome) change nothing.
  if (!isAcquiring(state.signIn)) return state;
  const signIn = state.signIn;
  switch (event.type) {
    case 'listening':
      return {
        ...state,
        signIn: {
          ...signIn,
          status: signIn.status === 'cancelling' ? 'cancelling' : 'listening',
          port: event.port,
          redirectUri: event.redirectUri,
        },
      };
    case 'waiting':
      return {
        ...state,
        signIn: {
          ...signIn,
          status: signIn.status === 'cancelling' ? 'cancelling' : 'waiting',
          authorizeUrl: event.authorizeUrl,
          secondsLeft: event.secondsLeft,
          browserOpened: event.browserOpened,
        },
      };
    case 'exchanging':
      return {
        ...state,
        signIn: { ...signIn, status: signIn.status === 'cancelling' ? 'cancelling' : 'exchanging' },
      };
    case 'device-code':
      return {
        ...state,
        signIn: {
          ...signIn,
          status: signIn.status === 'cancelling' ? 'cancelling' : 'waiting',
          flow: 'device-code',
          deviceCode: {
            userCode: event.userCode,
            verificationUri: event.verificationUri,
            expiresAt: event.expiresAt,
            message: event.message,
          },
          secondsLeft: event.expiresIn,
        },
      };
    case 'polling':
      return { ...state, signIn: { ...signIn, secondsLeft: event.secondsLeft } };
    case 'written': {
      const outcome: Outcome = {
        kind: 'success',
        file: event.file,
        ...(event.backupFile === undefined ? {} : { backupFile: event.backupFile }),
        created: event.created,
        userId: event.userId,
        signedInAs: event.signedInAs,
        refreshTokenMasked: event.refreshTokenMasked,
        warnings: event.warnings,
      };
      return {
        ...goTo({ ...state, mode: 'guided' }, 'result'),
        reached: FORM_STEP_COUNT - 1,
        signIn: { status: 'idle' },
        outcome,
      };
    }
    case 'failed': {
      if (event.code === 'port-busy') {
        const port = signIn.port ?? state.form.redirectPort;
        return {
          ...state,
          signIn: {
            status: 'idle',
            portBusy: { port, explanation: event.explanation, suggestion: 'searching' },
          },
        };
      }
      const prefix = secretPrefixOf(state);
      return failed(
        state,
        {
          kind: 'failure',
          code: event.code,
          explanation: event.explanation,
          ...(prefix === undefined ? {} : { secretPrefix: prefix }),
        },
        fixStep,
      );
    }
    case 'cancelled':
      return { ...state, signIn: { status: 'idle', cancelled: true } };
  }
}

/**
 * The first three characters of the secret Value the form sent: Entra's portal shows the same prefix of each
 * secret ("Value" column, and the secret's hint), so the admin can see which one was pasted, or that it was not
 * one of this app's. None when the main process supplied the secret or none was sent.
 */
function secretPrefixOf(state: WizardState): string | undefined {
  const { form, reissue } = state;
  if (form.publicClient || secretFromMain(form, reissue)) return undefined;
  const secret = form.clientSecret.trim();
  return secret.length >= 3 ? secret.slice(0, 3) : undefined;
}

/** The form with a known app's values: its provider, tenant, cloud, client ID, protocols and remembered secret. */
function formForApp(current: Form, app: KnownApp): Form {
  const google = app.provider === 'google';
  const personal = !google && app.tenant.toLowerCase() === 'consumers';
  const choice = google || personal ? 'common' : tenantChoiceOf(app.tenant);
  return {
    ...current,
    provider: app.provider,
    accountType: personal ? 'personal' : 'work',
    tenantChoice: choice,
    tenant: choice === 'common' ? '' : app.tenant,
    cloud: app.cloud in CLOUDS ? (app.cloud as CloudName) : 'global',
    clientId: app.clientId,
    clientSecret: '',
    publicClient: app.publicClient,
    useRememberedSecret: app.secretRemembered && !app.publicClient,
    clientSecretExpiresAt: app.secretRemembered ? (app.secretExpiresAt ?? '') : '',
    keepFileSecret: false,
    ...(app.protocols.length > 0 ? { protocols: [...app.protocols] } : {}),
    appAudience: app.appAudience ?? '',
  };
}

/** The app's values kept for another mailbox; the mailbox, its file and the attempt's state cleared. */
function forAnotherMailbox(state: WizardState, form: Form): WizardState {
  const fresh = initialState({
    ...form,
    userId: '',
    outFileAuto: true,
    outFile: state.defaultOutFile,
    keepFileSecret: false,
  });
  return {
    ...fresh,
    defaultOutFile: state.defaultOutFile,
    signInMethod: state.signInMethod,
  };
}

/** The wizard's reducer. */
export function reducer(state: WizardState, action: Action): WizardState {
  switch (action.type) {
    case 'set': {
      let form = { ...state.form, [action.field]: action.value };
      // Typing or choosing a path takes the file off the per-mailbox default; the mailbox moves a default one.
      if (action.field === 'outFile') form.outFileAuto = false;
      if (action.field === 'userId' || action.field === 'outFileAuto') form = withAutoOutFile(state, form);
      // Another app is another secret: the remembered one was this app's.
      if (action.field === 'clientId' && action.value !== state.form.clientId)
        form.useRememberedSecret = false;
      const touched = { ...state.touched, [TOUCHES[action.field]]: true as const };
      return { ...state, form, touched, plan: planFor(state, form) };
    }
    case 'set-default-out-file': {
      const next = { ...state, defaultOutFile: action.path };
      // The main process's default; never overrides a path the admin typed meanwhile.
      if (!state.form.outFileAuto && state.form.outFile !== '') return next;
      const form = withAutoOutFile(next, { ...state.form, outFileAuto: true });
      return { ...next, form, plan: planFor(state, form) };
    }
    case 'touch': {
      const touched = { ...state.touched };
      for (const field of action.fields) touched[field] = true;
      return { ...state, touched };
    }
    case 'mode': {
      if (isAcquiring(state.signIn) || state.mode === action.mode) return state;
      // Guided setup opens where a first-timer starts; quick mode shows every field it has.
      return action.mode === 'guided'
        ? { ...state, mode: 'guided', step: state.outcome === undefined ? 'account' : state.step }
        : { ...state, mode: 'quick' };
    }
    case 'go': {
      if (isAcquiring(state.signIn)) return state;
      if (action.step === 'result' && state.outcome === undefined) return state;
      if (action.step === 'check' && state.outcome?.kind !== 'success') return state;
      return { ...goTo(state, action.step), mode: 'guided', touched: touchStep(state, action.step) };
    }
    case 'next': {
      const index = STEP_IDS.indexOf(state.step);
      if (index >= FORM_STEP_COUNT - 1) return state;
      const blocked =
        stepIssues(formIssues(state.form, state.reissue), state.step).length > 0 ||
        (state.step === 'output' && outputBlocks(state));
      if (blocked) return { ...state, touched: touchStep(state, state.step) };
      return goTo(state, STEP_IDS[index + 1] ?? state.step);
    }
    case 'back': {
      if (isAcquiring(state.signIn)) return state;
      const index = STEP_IDS.indexOf(state.step);
      const previous = state.step === 'result' ? 'signin' : STEP_IDS[Math.max(0, index - 1)];
      return previous === undefined ? state : { ...state, step: previous };
    }
    case 'plan-loading':
      return { ...state, plan: { status: 'loading', path: action.path } };
    case 'plan-loaded':
      // An answer for a path the admin has since changed is stale.
      if (action.path !== state.form.outFile) return state;
      return {
        ...state,
        plan: action.result.ok
          ? { status: 'ready', path: action.path, plan: action.result.value }
          : { status: 'error', path: action.path, explanation: action.result.error.explanation },
      };
    case 'confirm-replace':
      return action.confirmed
        ? { ...state, replaceConfirmed: { path: state.form.outFile, userId: state.form.userId } }
        : { ...state, replaceConfirmed: undefined };
    case 'acquisition-starting': {
      if (isAcquiring(state.signIn)) return state;
      const started = { ...state, origin: state.mode, outcome: undefined };
      return action.flow === 'device-code'
        ? { ...started, signIn: { status: 'starting', flow: 'device-code' } }
        : { ...started, signIn: { status: 'starting', port: state.form.redirectPort } };
    }
    case 'choose-sign-in': {
      if (isAcquiring(state.signIn)) return state;
      // From the port-busy note or a failure: the choice is made on the Sign-in step, which the admin reached.
      return {
        ...goTo(state, 'signin'),
        mode: 'guided',
        signInMethod: action.method,
        signIn: { status: 'idle' },
      };
    }
    case 'acquisition-rejected': {
      const { error } = action;
      const outcome: Extract<Outcome, { kind: 'failure' }> = {
        kind: 'failure',
        code: error.code,
        explanation: error.explanation,
        ...(error.issues === undefined ? {} : { issues: error.issues }),
      };
      return failed(state, outcome, fixStepOf(outcome));
    }
    case 'session': {
      if (action.event.type !== 'failed') return onSessionEvent(state, action.event);
      const { code, explanation } = action.event;
      return onSessionEvent(state, action.event, fixStepOf({ code, explanation }));
    }
    case 'port-suggested': {
      const busy = state.signIn.portBusy;
      if (busy === undefined) return state;
      return {
        ...state,
        signIn: { ...state.signIn, portBusy: { ...busy, suggestion: action.port ?? 'none' } },
      };
    }
    case 'use-port':
      return { ...state, form: { ...state.form, redirectPort: action.port }, signIn: { status: 'idle' } };
    case 'cancel-requested':
      return isAcquiring(state.signIn)
        ? { ...state, signIn: { ...state.signIn, status: 'cancelling' } }
        : state;
    case 'cancel-done':
      // The `cancelled` event normally ends it; this covers a session that had already ended.
      return state.signIn.status === 'cancelling'
        ? { ...state, signIn: { status: 'idle', cancelled: true } }
        : state;
    case 'restart': {
      // A fresh start is a new token, not the re-issue of the file the form came from.
      const fresh = initialState({ ...state.form, keepFileSecret: false });
      return {
        ...fresh,
        mode: state.origin,
        origin: state.origin,
        defaultOutFile: state.defaultOutFile,
        signInMethod: state.signInMethod,
      };
    }
    case 'another-mailbox': {
      if (isAcquiring(state.signIn)) return state;
      const next = forAnotherMailbox(state, state.form);
      // The guided wizard goes straight to the mailbox: the app's steps are done.
      return state.origin === 'guided'
        ? { ...next, mode: 'guided', origin: 'guided', step: 'mailbox', reached: STEP_IDS.indexOf('mailbox') }
        : next;
    }
    case 'use-app': {
      if (isAcquiring(state.signIn)) return state;
      return { ...state, form: formForApp(state.form, action.app), reissue: undefined };
    }
    case 'new-mailbox-for': {
      if (isAcquiring(state.signIn)) return state;
      // "+ Mailbox" in the mailboxes view: quick mode with the app's values, the mailbox and its file to enter.
      return {
        ...forAnotherMailbox(state, formForApp(state.form, action.app)),
        mode: 'quick',
        origin: 'quick',
      };
    }
    case 'cloud-shell-filled': {
      const choice = tenantChoiceOf(action.tenant);
      const form: Form = {
        ...state.form,
        provider: 'microsoft',
        accountType: 'work',
        tenantChoice: choice,
        tenant: choice === 'common' ? '' : action.tenant,
        clientId: action.clientId,
        clientSecret: action.secret,
        publicClient: action.secret === '',
        useRememberedSecret: false,
        clientSecretExpiresAt: action.expiresAt,
      };
      const touched = { ...state.touched, clientId: true as const, clientSecret: true as const };
      return { ...state, form, touched };
    }
    case 'reissue-loaded': {
      if (isAcquiring(state.signIn)) return state;
      const { view } = action;
      const input = view.input;
      const provider: ProviderId = input.provider === 'google' ? 'google' : 'microsoft';
      const tenant = input.tenant ?? DEFAULT_TENANT;
      const personal = provider === 'microsoft' && tenant.toLowerCase() === 'consumers';
      const cloud = input.cloud;
      const audience = input.appAudience;
      const form: Form = {
        ...INITIAL_FORM,
        provider,
        redirectPort: state.form.redirectPort,
        accountType: personal ? 'personal' : 'work',
        tenantChoice: personal ? 'common' : tenantChoiceOf(tenant),
        tenant: personal || tenantChoiceOf(tenant) === 'common' ? '' : tenant,
        cloud: cloud !== undefined && cloud in CLOUDS ? (cloud as CloudName) : 'global',
        clientId: input.clientId ?? '',
        publicClient: input.publicClient === true,
        userId: input.userId ?? '',
        protocols: input.protocols === undefined ? [...DEFAULT_PROTOCOLS] : (input.protocols as Protocol[]),
        outFile: input.outFile ?? '',
        outFileAuto: false,
        keepFileSecret: view.secretInFile,
        clientSecretExpiresAt: view.secretInFile ? '' : (view.secretExpiresAt ?? ''),
        providerValue: input.providerValue ?? '',
        appAudience:
          audience !== undefined && (APP_AUDIENCES as readonly string[]).includes(audience)
            ? (audience as AppAudience)
            : '',
      };
      const reissue: ReissueState = {
        path: form.outFile,
        secretInFile: view.secretInFile,
        secretExpiresAt: view.secretExpiresAt,
        missing: view.missing,
        ...(input.authority === undefined ? {} : { authority: input.authority }),
      };
      // Every form step is reachable at once: usually only the secret changes, then straight to sign-in.
      return {
        ...initialState(form),
        mode: 'guided',
        origin: 'guided',
        defaultOutFile: state.defaultOutFile,
        step: 'registration',
        reached: STEP_IDS.indexOf('signin'),
        reissue,
      };
    }
    case 'mailbox-registered': {
      const outcome = state.outcome;
      if (outcome?.kind !== 'success' || outcome.file !== action.event.path) return state;
      return { ...state, outcome: { ...outcome, registered: action.event.secret } };
    }
  }
}

/** Seconds as `m:ss`, e.g. 299 → `4:59`. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Whole minutes to announce for a countdown: changes once a minute, so a live region speaks once a minute. */
export function announcedMinutes(seconds: number): number {
  return Math.ceil(Math.max(0, seconds) / 60);
}

/** The mail hosts a sender should use, for the mailbox step's hints. */
export function mailHostsOf(form: Form): Record<Protocol, string> {
  if (form.provider !== 'microsoft') {
    const provider = PROVIDERS[form.provider];
    const account = { cloud: 'global', tenant: '', userId: form.userId };
    const hostOf = (p: Protocol): string => {
      const h = provider.mailHost(account, p);
      return `${h.host}:${h.port}`;
    };
    return { smtp: hostOf('smtp'), imap: hostOf('imap'), pop: hostOf('pop') };
  }
  const cloud = CLOUDS[form.accountType === 'personal' ? 'global' : form.cloud];
  const smtp =
    form.accountType === 'personal' && cloud.personalSmtp !== undefined
      ? cloud.personalSmtp
      : cloud.mail.smtp;
  return {
    smtp: `${smtp.host}:${smtp.port}`,
    imap: `${cloud.mail.imap.host}:${cloud.mail.imap.port}`,
    pop: `${cloud.mail.pop.host}:${cloud.mail.pop.port}`,
  };
}
