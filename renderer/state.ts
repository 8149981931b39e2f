/**
 * The wizard's state and its reducer. Pure: no React, no `window.wizard`, so every transition is unit-tested
 * without a DOM. Side effects (IPC calls) live in the components and report back through actions.
 */
import { CLOUDS } from '../electron/core/providers/microsoft/clouds.js';
import type { Protocol } from '../electron/core/providers/types.js';
import type { CloudName } from '../electron/core/providers/microsoft/clouds.js';
import type { Explanation } from '../electron/core/diagnose/types.js';
import {
  DEFAULT_PROTOCOLS,
  DEFAULT_REDIRECT_PORT,
  validateProfile,
} from '../electron/core/sign-in/profile.js';
import { DEFAULT_TENANT } from '../electron/core/providers/microsoft/validation.js';
import type { ProfileField, ProfileInput, ValidationIssue } from '../electron/core/sign-in/profile.js';
import type { SessionEvent } from '../electron/core/sign-in/session.js';
import type { TokenFilePlan } from '../electron/core/token-file/token-file.js';
import { VALIDATION_MESSAGES } from '../electron/core/sign-in/validation-messages.js';
import type {
  AcquisitionEvent,
  InputIssue,
  IpcError,
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

/** Work or school (Microsoft 365) vs personal (Outlook.com, tenant `consumers`). */
export type AccountType = 'work' | 'personal';

/** What the admin typed, as the form holds it. */
export interface Form {
  accountType: AccountType;
  /** The tenant for a work account; a personal account always uses `consumers`. */
  tenant: string;
  cloud: CloudName;
  clientId: string;
  clientSecret: string;
  publicClient: boolean;
  userId: string;
  protocols: Protocol[];
  outFile: string;
  redirectPort: number;
  /** The client secret's expiry (`YYYY-MM-DD`, optional), recorded so the file view warns in time. */
  clientSecretExpiresAt: string;
  /** Re-issue: use the secret already in the file (it stays in the main process). */
  keepFileSecret: boolean;
  /** Keep the secret, encrypted by the OS, for later re-issues of this app's mailboxes. */
  rememberSecret: boolean;
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
  | { kind: 'failure'; code: string; explanation: Explanation; issues?: InputIssue[] };

/** What writing to the chosen file would do (asked from the main process while on the output step). */
export type PlanState =
  | { status: 'none' }
  | { status: 'loading'; path: string }
  | { status: 'ready'; path: string; plan: TokenFilePlan }
  | { status: 'error'; path: string; explanation: Explanation };

export interface WizardState {
  step: StepId;
  /** Index of the furthest form step reached; the rail lets the admin go back to any of them. */
  reached: number;
  form: Form;
  /** Fields whose problems are shown: touched by the admin, or by an attempt to continue. */
  touched: Partial<Record<ProfileField, true>>;
  signIn: SignInState;
  /** The sign-in the Sign-in step offers; the device code one is chosen there or from a failure. */
  signInMethod: SignInMethod;
  plan: PlanState;
  outcome?: Outcome;
  /** Set while the form re-issues an existing file's token. */
  reissue?: ReissueState;
}

/** The profile fields each step edits: its validation issues are shown there. */
export const STEP_FIELDS: Readonly<Record<StepId, readonly ProfileField[]>> = {
  account: ['tenant', 'cloud', 'authority'],
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
  accountType: 'work',
  tenant: DEFAULT_TENANT,
  cloud: 'global',
  clientId: '',
  clientSecret: '',
  publicClient: false,
  userId: '',
  protocols: [...DEFAULT_PROTOCOLS],
  outFile: '',
  redirectPort: DEFAULT_REDIRECT_PORT,
  clientSecretExpiresAt: '',
  keepFileSecret: false,
  rememberSecret: false,
};

export function initialState(form: Partial<Form> = {}): WizardState {
  return {
    step: 'account',
    reached: 0,
    form: { ...INITIAL_FORM, ...form },
    touched: {},
    signIn: { status: 'idle' },
    signInMethod: 'browser',
    plan: { status: 'none' },
  };
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

/**
 * The input `startAcquisition` gets. A public client never sends the secret, even one typed before; nor does a
 * re-issue keeping the file's secret (the main process has it). A new secret's expiry replaces the recorded one
 * (empty clears it), a kept secret keeps its own.
 */
export function profileInputOf(form: Form, reissue?: ReissueState): ProfileInput {
  const personal = form.accountType === 'personal';
  const keep = keepsFileSecret(form, reissue);
  const expiry = form.clientSecretExpiresAt.trim();
  const sendExpiry = !keep && (expiry !== '' || (reissue !== undefined && form.outFile === reissue.path));
  return {
    tenant: personal ? 'consumers' : form.tenant,
    cloud: personal ? 'global' : form.cloud,
    clientId: form.clientId,
    clientSecret: form.publicClient || keep ? '' : form.clientSecret,
    publicClient: form.publicClient,
    userId: form.userId,
    protocols: form.protocols,
    outFile: form.outFile,
    redirectPort: form.redirectPort,
    ...(sendExpiry ? { clientSecretExpiresAt: form.publicClient ? '' : expiry } : {}),
    // It takes precedence over tenant and cloud (validateProfile), also for a copy into another file.
    ...(reissue?.authority === undefined ? {} : { authority: reissue.authority }),
  };
}

/** Every problem with the form: `validateProfile`'s, plus an empty output path (core would default it). */
export function formIssues(form: Form, reissue?: ReissueState): ValidationIssue[] {
  const validation = validateProfile(profileInputOf(form, reissue));
  const keep = keepsFileSecret(form, reissue);
  const issues = validation.ok
    ? []
    : // The file's secret is checked by the main process, which has it.
      validation.issues.filter((issue) => !(keep && issue.field === 'clientSecret'));
  if (form.outFile.trim() === '') {
    issues.push({ field: 'outFile', key: 'outFileRequired', message: VALIDATION_MESSAGES.outFileRequired });
  }
  return issues;
}

/** The problems of one step's fields. */
export function stepIssues(issues: readonly ValidationIssue[], step: StepId): ValidationIssue[] {
  return issues.filter((issue) => STEP_FIELDS[step].includes(issue.field));
}

/** The problems the admin should see now: on this step's fields, once touched. */
export function visibleIssues(state: WizardState, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return stepIssues(issues, state.step).filter((issue) => state.touched[issue.field] === true);
}

/** True while an acquisition runs: navigation is locked, the port and the browser tab belong to it. */
export function isAcquiring(signIn: SignInState): boolean {
  return signIn.status !== 'idle';
}

/** The output step can be left: the plan did not fail (a failure means the write would fail too). */
export function planBlocks(plan: PlanState, outFile: string): boolean {
  return plan.status === 'error' && plan.path === outFile;
}

type SetAction = { [K in keyof Form]: { type: 'set'; field: K; value: Form[K] } }[keyof Form];

export type Action =
  | SetAction
  | { type: 'set-default-out-file'; path: string }
  | { type: 'touch'; fields: readonly ProfileField[] }
  | { type: 'go'; step: StepId }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'plan-loading'; path: string }
  | {
      type: 'plan-loaded';
      path: string;
      result: { ok: true; value: TokenFilePlan } | { ok: false; error: IpcError };
    }
  | { type: 'acquisition-starting'; flow?: SignInMethod }
  | { type: 'choose-sign-in'; method: SignInMethod }
  | { type: 'acquisition-rejected'; error: IpcError }
  | { type: 'session'; event: AcquisitionEvent }
  | { type: 'port-suggested'; port: number | undefined }
  | { type: 'use-port'; port: number }
  | { type: 'cancel-requested' }
  | { type: 'cancel-done' }
  | { type: 'restart' }
  | { type: 'reissue-loaded'; view: ReissueView }
  | { type: 'mailbox-registered'; event: MailboxEvent };

/** The form field a `set` touches: the account type decides the tenant, "no secret" the secret. */
const TOUCHES: Readonly<Record<keyof Form, ProfileField>> = {
  accountType: 'tenant',
  tenant: 'tenant',
  cloud: 'cloud',
  clientId: 'clientId',
  clientSecret: 'clientSecret',
  publicClient: 'clientSecret',
  userId: 'userId',
  protocols: 'protocols',
  outFile: 'outFile',
  redirectPort: 'redirectPort',
  clientSecretExpiresAt: 'clientSecretExpiresAt',
  keepFileSecret: 'clientSecret',
  rememberSecret: 'clientSecret',
};

const FORM_STEP_COUNT = STEP_IDS.indexOf('signin') + 1;

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

function onSessionEvent(state: WizardState, event: AcquisitionEvent): WizardState {
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
      return { ...goTo(state, 'result'), signIn: { status: 'idle' }, outcome };
    }
    case 'failed':
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
      return {
        ...goTo(state, 'result'),
        signIn: { status: 'idle' },
        outcome: { kind: 'failure', code: event.code, explanation: event.explanation },
      };
    case 'cancelled':
      return { ...state, signIn: { status: 'idle', cancelled: true } };
  }
}

/** The wizard's reducer. */
export function reducer(state: WizardState, action: Action): WizardState {
  switch (action.type) {
    case 'set': {
      const form = { ...state.form, [action.field]: action.value };
      const touched = { ...state.touched, [TOUCHES[action.field]]: true as const };
      // A new path invalidates the plan of the old one.
      const plan =
        action.field === 'outFile' && state.plan.status !== 'none' ? { status: 'none' as const } : state.plan;
      return { ...state, form, touched, plan };
    }
    case 'set-default-out-file':
      // The main process's default; never overrides a path the admin typed meanwhile.
      return state.form.outFile === '' ? { ...state, form: { ...state.form, outFile: action.path } } : state;
    case 'touch': {
      const touched = { ...state.touched };
      for (const field of action.fields) touched[field] = true;
      return { ...state, touched };
    }
    case 'go': {
      if (isAcquiring(state.signIn)) return state;
      if (action.step === 'result' && state.outcome === undefined) return state;
      if (action.step === 'check' && state.outcome?.kind !== 'success') return state;
      return { ...goTo(state, action.step), touched: touchStep(state, action.step) };
    }
    case 'next': {
      const index = STEP_IDS.indexOf(state.step);
      if (index >= FORM_STEP_COUNT - 1) return state;
      const blocked =
        stepIssues(formIssues(state.form, state.reissue), state.step).length > 0 ||
        (state.step === 'output' && planBlocks(state.plan, state.form.outFile));
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
    case 'acquisition-starting':
      if (isAcquiring(state.signIn)) return state;
      return action.flow === 'device-code'
        ? { ...state, outcome: undefined, signIn: { status: 'starting', flow: 'device-code' } }
        : { ...state, outcome: undefined, signIn: { status: 'starting', port: state.form.redirectPort } };
    case 'choose-sign-in': {
      if (isAcquiring(state.signIn)) return state;
      // From the port-busy note or a failure: the choice is made on the Sign-in step, which the admin reached.
      return { ...goTo(state, 'signin'), signInMethod: action.method, signIn: { status: 'idle' } };
    }
    case 'acquisition-rejected': {
      const { error } = action;
      return {
        ...goTo(state, 'result'),
        signIn: { status: 'idle' },
        outcome: {
          kind: 'failure',
          code: error.code,
          explanation: error.explanation,
          ...(error.issues === undefined ? {} : { issues: error.issues }),
        },
      };
    }
    case 'session':
      return onSessionEvent(state, action.event);
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
      return {
        ...initialState({ ...state.form, keepFileSecret: false }),
        signIn: { status: 'idle' },
        signInMethod: state.signInMethod,
      };
    }
    case 'reissue-loaded': {
      if (isAcquiring(state.signIn)) return state;
      const { view } = action;
      const input = view.input;
      const personal = input.tenant?.toLowerCase() === 'consumers';
      const cloud = input.cloud;
      const form: Form = {
        ...INITIAL_FORM,
        redirectPort: state.form.redirectPort,
        accountType: personal ? 'personal' : 'work',
        tenant: personal ? DEFAULT_TENANT : (input.tenant ?? DEFAULT_TENANT),
        cloud: cloud !== undefined && cloud in CLOUDS ? (cloud as CloudName) : 'global',
        clientId: input.clientId ?? '',
        publicClient: input.publicClient === true,
        userId: input.userId ?? '',
        protocols: input.protocols === undefined ? [...DEFAULT_PROTOCOLS] : (input.protocols as Protocol[]),
        outFile: input.outFile ?? '',
        keepFileSecret: view.secretInFile,
        clientSecretExpiresAt: view.secretInFile ? '' : (view.secretExpiresAt ?? ''),
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
