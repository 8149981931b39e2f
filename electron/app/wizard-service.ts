/**
 * What the desktop app does for each IPC operation, without Electron: the main process wires it to
 * `ipcMain`, and the end-to-end tests wire the very same object to a real browser page through Playwright.
 * Electron-only capabilities (dialogs, shell, clipboard, settings) are injected as `Platform`.
 *
 * `dispatch` is the single entry: it parses the untrusted input, runs the operation, and turns every
 * failure into `{ok: false, error}` data; it never throws and never returns a stack trace.
 */
import type { Protocol } from '../core/providers/microsoft/index.js';
import { runDeviceCodeAcquisition } from '../core/sign-in/index.js';
import { explainError } from '../core/diagnose/index.js';
import { RtwError } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { OPERATION_SCHEMAS } from './ipc-schemas.js';
import { findFreePort } from '../core/sign-in/index.js';
import { checkTokenFile } from '../core/mail-check/index.js';
import type { MailEndpoint, StepTimeouts } from '../core/mail-check/index.js';
import { openMailboxRegistry, reissueAll } from '../core/upkeep/index.js';
import { preflight } from '../core/sign-in/index.js';
import type { Encryptor, MailboxRegistry, ReissueStepResult } from '../core/upkeep/index.js';
import type { IdpNetworkClient } from '../core/transport/index.js';
import { validateProfile } from '../core/sign-in/index.js';
import type { Profile, ProfileInput } from '../core/sign-in/index.js';
import { refreshTokenFiles } from '../core/upkeep/index.js';
import { prefillFromTokenFile } from '../core/upkeep/index.js';
import { scheduleSnippets } from '../core/upkeep/index.js';
import { runAcquisition } from '../core/sign-in/index.js';
import type { SessionResult } from '../core/sign-in/index.js';
import { planTokenFileWrite } from '../core/token-file/index.js';
import { oauth2ValuesFor } from '../core/token-file/index.js';
import { readTokenHealth } from '../core/upkeep/index.js';
import { createRunState, runningSignIn } from './run-state.js';
import type { SignInRun, StoppableRun } from './run-state.js';
import type {
  AcquisitionEvent,
  ExternalPage,
  InputIssue,
  IpcError,
  LanguageState,
  MailboxEvent,
  MailboxView,
  OperationInput,
  OperationName,
  OperationOutput,
  WizardEvent,
  WizardOperations,
} from '../shared/contract.js';

const PLANNED_REFRESH_TOKEN = '(the new refresh token)';

/** Entra's device codes live 15 minutes: a device code sign-in waits that long unless told otherwise (as the CLI). */
export const DEVICE_CODE_TIMEOUT_SECONDS = 900;

/** Capabilities of the host: Electron in the app, stand-ins in tests. */
export interface Platform {
  chooseOutputFile(suggestedPath: string): Promise<string | undefined>;
  defaultOutputFile(): Promise<string>;
  showInFolder(path: string): Promise<void>;
  copyText(text: string): Promise<void>;
  openExternal(page: ExternalPage): Promise<void>;
  /**
   * Opens the verification URI the running device code session received from the identity provider (never one
   * from the renderer); the host refuses anything but https on a Microsoft host. Without it, `device-login`
   * opens the fixed page.
   */
  openDeviceLogin?(verificationUri: string): Promise<void>;
  /** Opens the sign-in URL in the system browser. */
  openBrowser(url: string): Promise<void>;
  /** The OS locale's language. */
  osLang(): Lang;
  /** The admin's saved choice, if any. */
  loadLangChoice(): Promise<Lang | undefined>;
  saveLangChoice(lang: Lang | undefined): Promise<void>;
  // Token upkeep. Optional so a host that only acquires (a benchmark, a leak test) needs none of them; a
  // missing one means: no dialog, no mailbox list, no remembered secrets, `rtw` from the PATH.
  /** The open dialog for an existing token file. */
  chooseTokenFile?(): Promise<string | undefined>;
  /** The app's own data folder (the mailbox registry lives there). */
  userDataDir?(): string;
  /** Encrypts remembered secrets for this OS user (Electron's safeStorage); undefined where nothing can. */
  encryptor?(): Encryptor | undefined;
  /** The program and fixed arguments that run `rtw`, for the schedule snippets. */
  rtwCommand?(): readonly string[];
}

/**
 * Where the token check logs in instead of the cloud's servers, and what it trusts: set by the host (the
 * end-to-end harness points it at the sandbox mail servers), never by the renderer, because the access token
 * is sent to whatever server the check connects to.
 */
export interface MailCheckOverrides {
  endpoints?: Partial<Record<Protocol, MailEndpoint>>;
  extraCaPem?: string;
  timeouts?: Partial<StepTimeouts>;
}

/** What the service needs. */
export interface WizardServiceDeps {
  platform: Platform;
  /** A network client per acquisition (each has its own failure record). */
  createNetworkClient(): IdpNetworkClient;
  emit(event: WizardEvent): void;
  mailCheck?: MailCheckOverrides;
  now?: () => Date;
}

/**
 * The profile a re-issue runs with: the file's settings, overridden by the admin's changes, written back to the
 * same file. With `keepFileSecret` the file's own secret is used (it never left the main process).
 */
export async function reissueProfileInput(
  path: string,
  changes: ProfileInput,
  keepFileSecret: boolean,
): Promise<ProfileInput> {
  const prefill = await prefillFromTokenFile(path);
  // The file's secret is used only when asked for: otherwise the admin's new one (or none) applies.
  const fileSecret = prefill.input.clientSecret;
  const fromFile: ProfileInput = { ...prefill.input };
  delete fromFile.clientSecret;
  const merged: ProfileInput = { ...fromFile, ...changes, outFile: path };
  if (keepFileSecret && changes.publicClient !== true && fileSecret !== undefined) {
    merged.clientSecret = fileSecret;
    // The file's recorded expiry belongs to that secret: the write leaves it as it is.
    delete merged.clientSecretExpiresAt;
  }
  return merged;
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
  const now = deps.now ?? (() => new Date());
  /** What runs now: a sign-in or a "re-issue all" walk, and a check (see run-state.ts for the rules). */
  const runs = createRunState();
  let langState: LanguageState | undefined;
  let registry: MailboxRegistry | undefined;
  const mailboxes = (): MailboxRegistry => {
    if (registry !== undefined) return registry;
    if (platform.userDataDir === undefined) throw new Error('this host keeps no mailbox list');
    const encryptor = platform.encryptor?.();
    registry = openMailboxRegistry({
      dir: platform.userDataDir(),
      ...(encryptor === undefined ? {} : { encryptor }),
      now,
    });
    return registry;
  };
  const encryptionAvailable = (): boolean => platform.encryptor?.()?.isEncryptionAvailable() === true;

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

  /** Lists the written file among the managed mailboxes and, if asked, remembers the secret encrypted. */
  const register = async (
    result: SessionResult,
    profile: Profile,
    rememberSecret: boolean,
  ): Promise<void> => {
    if (!result.ok) return;
    try {
      const registry = mailboxes();
      await registry.upsert({
        path: result.file,
        mailbox: profile.userId,
        tenant: profile.tenant,
        clientId: profile.clientId,
      });
      let secret: MailboxEvent['secret'] = 'not-requested';
      if (rememberSecret && profile.clientSecret !== undefined) {
        const remembered = await registry.rememberSecret(profile.clientId, profile.clientSecret);
        secret = remembered.ok ? 'remembered' : 'encryption-unavailable';
      }
      deps.emit({ channel: 'mailboxes', event: { type: 'registered', path: result.file, secret } });
    } catch {
      // The token file is written, which is what matters; the list is a convenience and says nothing here.
      deps.emit({ channel: 'mailboxes', event: { type: 'registered', path: result.file, secret: 'failed' } });
    }
  };

  const invalidInput = (issues: InputIssue[]) => {
    const error = new RtwError('invalid-input', { fields: issues.map((i) => i.field).join(',') });
    return {
      ok: false as const,
      error: { code: 'invalid-input' as const, explanation: explainError(error), issues },
    };
  };

  /**
   * Starts one acquisition of either flow; one at a time (the port, the browser tab or the code belong to it):
   * whatever holds the sign-in (another acquisition, a "re-issue all" walk) is stopped first and its port released.
   */
  const begin = async (
    profile: Profile,
    rememberSecret: boolean,
    run: (signal: AbortSignal, onEvent: (event: AcquisitionEvent) => void) => Promise<SessionResult>,
  ): Promise<{ ok: true; value: { started: true } }> => {
    await runs.startSignIn((signIn) => signInRun(signIn, profile, rememberSecret, run));
    return { ok: true, value: { started: true } };
  };

  /** Runs one sign-in: its events to the window, then the written file registered; its result after that. */
  const signInRun = async (
    signIn: SignInRun,
    profile: Profile,
    rememberSecret: boolean,
    run: (signal: AbortSignal, onEvent: (event: AcquisitionEvent) => void) => Promise<SessionResult>,
  ): Promise<SessionResult> => {
    const onEvent = (event: AcquisitionEvent): void => {
      if (event.type === 'device-code') signIn.verificationUri = event.verificationUri;
      deps.emit({ channel: 'session', event });
    };
    const result = await run(signIn.controller.signal, onEvent);
    await register(result, profile, rememberSecret);
    return result;
  };

  /** A browser sign-in for `profile` with the app's network client and browser, in `lang`. */
  const browserRun =
    (profile: Profile, lang: Lang) =>
    (signal: AbortSignal, onEvent: (event: AcquisitionEvent) => void): Promise<SessionResult> =>
      runAcquisition(profile, {
        network: deps.createNetworkClient(),
        openBrowser: (url) => platform.openBrowser(url),
        onEvent,
        lang,
        signal,
      });

  /** Re-issues one file of the walk with the new secret; the session's result reduced for the summary. */
  const reissueStep = async (
    path: string,
    secret: { value: string; expiresAt?: string; redirectPort?: number },
    walk: StoppableRun,
  ): Promise<ReissueStepResult> => {
    const cancelled = (): ReissueStepResult => ({
      ok: false,
      code: 'cancelled',
      explanation: explainError(new RtwError('cancelled', {})),
    });
    try {
      const changes: ProfileInput = {
        clientSecret: secret.value,
        publicClient: false,
        ...(secret.expiresAt === undefined ? {} : { clientSecretExpiresAt: secret.expiresAt }),
        ...(secret.redirectPort === undefined ? {} : { redirectPort: secret.redirectPort }),
      };
      const input = await reissueProfileInput(path, changes, false);
      const validation = validateProfile(input);
      if (!validation.ok) {
        const { explanation } = invalidInput(validation.issues).error;
        return { ok: false, code: 'invalid-input', explanation };
      }
      const { lang } = await currentLang();
      let step: SignInRun | undefined;
      // Refused when the walk was stopped meanwhile: no sign-in starts for a walk that has ended.
      const started = runs.startStep(walk, (signIn) => {
        step = signIn;
        return signInRun(signIn, validation.profile, false, browserRun(validation.profile, lang));
      });
      if (started === undefined) return cancelled();
      const outcome = await started;
      if (outcome.ok) return { ok: true, signedInAs: outcome.signedInAs };
      if (step?.skipped === true && !walk.controller.signal.aborted) return { ok: false, skipped: true };
      // Stopped from outside (cancel all, or another acquisition): the walk ends here.
      if (walk.controller.signal.aborted)
        return { ok: false, code: 'cancelled', explanation: outcome.explanation };
      return { ok: false, code: outcome.code, explanation: outcome.explanation };
    } catch (error) {
      return {
        ok: false,
        code: RtwError.is(error) ? error.code : 'unexpected',
        explanation: explainError(error),
      };
    }
  };

  /** Validates and starts one browser acquisition (a new token or a re-issue). */
  const launch = async (
    input: ProfileInput,
    rememberSecret: boolean,
  ): Promise<Awaited<ReturnType<WizardOperations['startAcquisition']>>> => {
    const { lang } = await currentLang();
    const validation = validateProfile(input);
    if (!validation.ok) return invalidInput(validation.issues);
    return begin(validation.profile, rememberSecret, browserRun(validation.profile, lang));
  };

  /**
   * Validates and starts one device code acquisition: always a public client (no secret is sent or written),
   * after the pre-flight's offline checks as the CLI runs them (no port to check: none is opened).
   */
  const launchDeviceCode = async (
    input: ProfileInput,
  ): Promise<Awaited<ReturnType<WizardOperations['startDeviceCode']>>> => {
    const deviceInput: ProfileInput = {
      ...input,
      publicClient: true,
      clientSecret: '',
      timeoutSeconds: input.timeoutSeconds ?? DEVICE_CODE_TIMEOUT_SECONDS,
    };
    // No secret, so no secret expiry: the written file records none (the admin's form may still hold one).
    delete deviceInput.clientSecretExpiresAt;
    const validation = validateProfile(deviceInput);
    if (!validation.ok) return invalidInput(validation.issues);
    const report = await preflight(deviceInput, { checkPort: false });
    const blocking = report.findings.filter((f) => f.severity === 'error');
    if (blocking.length > 0)
      return invalidInput(
        blocking.map((f) => ({
          field: f.field ?? 'tenant',
          key: `preflight.${f.id}` as const,
          message: f.message,
        })),
      );
    const profile = validation.profile;
    return begin(profile, false, (signal, onEvent) =>
      runDeviceCodeAcquisition(profile, { network: deps.createNetworkClient(), onEvent, signal }),
    );
  };

  const mailboxView = async (entry: MailboxView['entry']): Promise<MailboxView> => {
    const secretRemembered = await Promise.resolve()
      .then(() => mailboxes().hasSecret(entry.clientId))
      .catch(() => false);
    try {
      return { entry, health: await readTokenHealth(entry.path, now), secretRemembered };
    } catch (error) {
      return { entry, error: failure(error).error, secretRemembered };
    }
  };

  const operations: WizardOperations = {
    startAcquisition({ rememberSecret, ...input }) {
      return launch(input, rememberSecret === true);
    },
    startDeviceCode(input) {
      return launchDeviceCode(input);
    },
    async startReissue({ path, changes, keepFileSecret, rememberSecret }) {
      try {
        return await launch(
          await reissueProfileInput(path, changes, keepFileSecret),
          rememberSecret === true,
        );
      } catch (error) {
        return failure(error);
      }
    },
    async startReissueAll({
      clientId,
      newSecret,
      useRememberedSecret,
      secretExpiresAt,
      rememberSecret,
      redirectPort,
    }) {
      try {
        const registry = mailboxes();
        const given = newSecret?.trim() ?? '';
        const value =
          given === '' && useRememberedSecret === true
            ? ((await registry.recallSecret(clientId)) ?? '')
            : given;
        const expiresAt = given === '' ? undefined : secretExpiresAt?.trim() || undefined;
        // The secret's own checks (a secret ID instead of its Value…), as the wizard's form makes them.
        const check = validateProfile({
          clientId,
          clientSecret: value,
          ...(expiresAt === undefined ? {} : { clientSecretExpiresAt: expiresAt }),
        });
        const secretIssues = check.ok
          ? []
          : check.issues.filter((i) => i.field === 'clientSecret' || i.field === 'clientSecretExpiresAt');
        if (secretIssues.length > 0) return invalidInput(secretIssues);
        const plan = await registry.reissuePlan(clientId);
        let remembered = false;
        const total = plan.mailboxes.length;
        await runs.startWalk((walk) =>
          reissueAll(
            plan,
            async (entry, index) => {
              deps.emit({
                channel: 'reissue-all',
                event: { type: 'step', index, total, path: entry.path, userId: entry.mailbox },
              });
              const result = await reissueStep(
                entry.path,
                {
                  value,
                  ...(expiresAt === undefined ? {} : { expiresAt }),
                  ...(redirectPort === undefined ? {} : { redirectPort }),
                },
                walk,
              );
              // Remembered once a sign-in has shown the secret works.
              if (result.ok && rememberSecret === true && given !== '' && !remembered) {
                remembered = true;
                await registry.rememberSecret(clientId, value).catch(() => undefined);
              }
              return result;
            },
            { signal: walk.controller.signal },
          ).then((summary) => deps.emit({ channel: 'reissue-all', event: { type: 'done', summary } })),
        );
        return { ok: true, value: { total } };
      } catch (error) {
        return failure(error);
      }
    },
    skipReissueAllStep: () => runs.skipStep(),
    cancelReissueAll: () => runs.cancelWalk(),
    cancelAcquisition: () => runs.cancelSignIn(),
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
    openExternal({ page }) {
      // Only the URI Entra gave the running session, never one the renderer names.
      const uri = page === 'device-login' ? runningSignIn(runs.current())?.verificationUri : undefined;
      if (uri !== undefined && platform.openDeviceLogin !== undefined) return platform.openDeviceLogin(uri);
      return platform.openExternal(page);
    },
    suggestPort: ({ from }) => findFreePort(from, 20),

    chooseTokenFile: () => platform.chooseTokenFile?.() ?? Promise.resolve(undefined),
    async tokenHealth({ path }) {
      try {
        return { ok: true, value: await readTokenHealth(path, now) };
      } catch (error) {
        return failure(error);
      }
    },
    async checkTokenFile({ file, protocols, sendTo }) {
      // One check at a time: a new one replaces the one the window no longer shows.
      const overrides = deps.mailCheck ?? {};
      const report = await runs.startCheck((signal) =>
        checkTokenFile(
          file,
          {
            ...(protocols === undefined ? {} : { protocols }),
            ...(sendTo === undefined || sendTo.trim() === '' ? {} : { sendTo: sendTo.trim() }),
            ...(overrides.endpoints === undefined ? {} : { endpoints: overrides.endpoints }),
            ...(overrides.timeouts === undefined ? {} : { timeouts: overrides.timeouts }),
          },
          {
            network: deps.createNetworkClient(),
            ...(overrides.extraCaPem === undefined ? {} : { extraCaPem: overrides.extraCaPem }),
            now,
            signal,
            onEvent: (event) => deps.emit({ channel: 'check', file, event }),
            // The rotated refresh token is dropped: the file's token stays valid, and the check never writes.
          },
        ),
      );
      return { ok: true, value: report };
    },
    async refreshFiles({ paths }) {
      const outcomes = await refreshTokenFiles(paths, {
        createNetworkClient: () => deps.createNetworkClient(),
        now,
      });
      for (const outcome of outcomes)
        await Promise.resolve()
          .then(() => mailboxes().recordRefresh(outcome))
          .catch(() => undefined);
      return { ok: true, value: outcomes };
    },
    async readReissueFile({ path }) {
      try {
        const prefill = await prefillFromTokenFile(path);
        // The secret stays here: the renderer learns only that the file has one.
        const input = { ...prefill.input };
        delete input.clientSecret;
        return { ok: true, value: { ...prefill, input } };
      } catch (error) {
        return failure(error);
      }
    },
    async scheduleSnippets({ paths, frequency, day, time }) {
      try {
        const { lang } = await currentLang();
        const value = scheduleSnippets({
          files: paths,
          command: platform.rtwCommand?.() ?? ['rtw'],
          lang,
          ...(frequency === undefined ? {} : { frequency }),
          ...(day === undefined ? {} : { day }),
          ...(time === undefined ? {} : { time }),
        });
        return { ok: true, value };
      } catch (error) {
        return failure(error);
      }
    },
    async listMailboxes() {
      try {
        const entries = await mailboxes().list();
        const views = await Promise.all(entries.map(mailboxView));
        return { ok: true, value: { mailboxes: views, encryptionAvailable: encryptionAvailable() } };
      } catch (error) {
        return failure(error);
      }
    },
    async addMailbox({ path }) {
      try {
        const health = await readTokenHealth(path, now);
        for (const [key, value] of [
          ['UserID', health.mailbox],
          ['ClientID', health.clientId],
        ] as const)
          if (value.trim() === '') throw new RtwError('not-a-token-file', { path, key });
        const entry = await mailboxes().upsert({
          path,
          mailbox: health.mailbox.trim(),
          tenant: health.tenant ?? '',
          clientId: health.clientId.trim(),
        });
        return { ok: true, value: entry };
      } catch (error) {
        return failure(error);
      }
    },
    async removeMailbox({ path }) {
      try {
        return { ok: true, value: { removed: await mailboxes().remove(path) } };
      } catch (error) {
        return failure(error);
      }
    },
    async hasSecret({ clientId }) {
      const remembered = await Promise.resolve()
        .then(() => mailboxes().hasSecret(clientId))
        .catch(() => false);
      return { remembered, encryptionAvailable: encryptionAvailable() };
    },
    async forgetSecret({ clientId }) {
      try {
        await mailboxes().forgetSecret(clientId);
        return { ok: true, value: { forgotten: true } };
      } catch (error) {
        return failure(error);
      }
    },
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
    dispose: () => runs.stopAll(),
  };
}
