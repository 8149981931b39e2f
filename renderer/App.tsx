/**
 * The window: header with the views and the language switch, then quick mode (one screen, the default start) or
 * the guided wizard (the step rail and the current step). Holds the state (a pure reducer, see state.ts) and
 * every call to `window.wizard`.
 *
 * Keyboard: each screen is one <form> (Enter = Next, or Sign in in quick mode), Esc cancels a waiting sign-in,
 * focus goes to the first field of a new step, and Back/Next sit in a footer that is always visible.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ChangeEvent, DragEvent, FormEvent, KeyboardEvent } from 'react';
import type { Protocol } from '../electron/core/providers/types.js';
import { isLang, langFromLocale } from '../electron/core/i18n.js';
import type { Explanation } from '../electron/core/diagnose/types.js';
import type { IpcError, KnownApp, LanguageState, Result, WizardApi } from '../electron/shared/contract.js';
import { WizardApiContext } from './api-context.js';
import { INITIAL_CHECK, checkReducer } from './check-state.js';
import { FailureDetails } from './components/FailureDetails.js';
import { Icon } from './components/Icon.js';
import { CONFIRM_REPLACE_ID } from './components/OutputFileField.js';
import { PathText } from './components/PathText.js';
import { StepRail, STEP_TITLES } from './components/StepRail.js';
import { fixStepOf } from './fix-step.js';
import { CATALOGUE, ENDONYMS } from './i18n/catalogue.js';
import type { MessageKey } from './i18n/catalogue.js';
import { LangContext, translate } from './i18n/context.js';
import { QuickStart, isOptionField } from './quick/QuickStart.js';
import {
  ALL_FIELDS,
  STEP_FIELDS,
  STEP_IDS,
  formIssues,
  initialState,
  isAcquiring,
  keepsFileSecret,
  offersDeviceCode,
  planBlocks,
  profileInputOf,
  reducer,
  replacesOther,
  secretFromMain,
  stepIssues,
  visibleIssues,
} from './state.js';
import type { Action, Form, StepId, WizardState } from './state.js';
import { AccountStep } from './steps/AccountStep.js';
import { CheckStep } from './steps/CheckStep.js';
import { MailboxStep } from './steps/MailboxStep.js';
import { OutputStep } from './steps/OutputStep.js';
import { RegistrationStep } from './steps/RegistrationStep.js';
import { ResultStep } from './steps/ResultStep.js';
import { SignInStep } from './steps/SignInStep.js';
import type { SignInActions } from './steps/SignInStep.js';
import { fieldId } from './steps/step-props.js';
import { getWizardApi } from './wizard-api.js';
import { FileView } from './views/FileView.js';
import { MailboxesView } from './views/MailboxesView.js';

const DESCRIPTIONS: Readonly<Record<StepId, MessageKey>> = {
  account: 'step.account.description',
  registration: 'step.registration.description',
  mailbox: 'step.mailbox.description',
  output: 'step.output.description',
  signin: 'step.signin.description',
  result: 'step.result.description',
  check: 'step.check.description',
};

/** A sign-in the main process refused to start, or a failed bridge call, becomes `acquisition-rejected`. */
function reportRejection(started: Promise<Result<unknown>>, dispatch: (action: Action) => void): void {
  started.then(
    (result) => {
      if (!result.ok) dispatch({ type: 'acquisition-rejected', error: result.error });
    },
    () =>
      dispatch({
        type: 'acquisition-rejected',
        error: { code: 'unexpected', explanation: bridgeFailure() },
      }),
  );
}

/** What the window shows: the wizard, one INI file, or the managed mailboxes. */
export type View = { kind: 'wizard' } | { kind: 'file'; path: string } | { kind: 'mailboxes' };

/** Wait after the last keystroke in the path before asking the main process about the file. */
const PLAN_DEBOUNCE_MS = 300;

/** A failure of the bridge itself (the main process threw): said in the product's words, not a stack. */
function bridgeFailure(): Explanation {
  return {
    id: 'unexpected',
    title: CATALOGUE['app.bridgeFailed.title'],
    why: CATALOGUE['app.bridgeFailed.why'],
    steps: [CATALOGUE['app.bridgeFailed.step']],
  };
}

const bridgeError = (): IpcError => ({ code: 'unexpected', explanation: bridgeFailure() });

/** The first field a step asks for, else its main action: where focus goes when the step opens. */
function firstFieldOf(root: HTMLElement | null): HTMLElement | undefined {
  const body = root?.querySelector<HTMLElement>('.step-body');
  if (body === null || body === undefined) return undefined;
  const start = body.querySelector<HTMLElement>('#sign-in-start');
  if (start !== null) return start;
  return (
    body.querySelector<HTMLElement>(
      'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)',
    ) ?? undefined
  );
}

/** Of these element ids, the one first on screen (reading order), else the first given. */
function firstOnScreen(ids: readonly string[]): string | undefined {
  const shown = ids
    .map((id) => document.getElementById(id))
    .filter((el): el is HTMLElement => el !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return shown[0]?.id ?? ids[0];
}

/** The id of the element that shows a field's problem: its input, or its group's first input. */
function elementOfField(field: string): string {
  return fieldId(field as Parameters<typeof fieldId>[0]);
}

export function App({ api = getWizardApi() }: { api?: WizardApi }) {
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState());
  const [language, setLanguage] = useState<LanguageState>(() => ({
    lang: langFromLocale(typeof navigator === 'undefined' ? undefined : navigator.language),
    source: 'os',
  }));
  const lang = language.lang;
  const t = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params),
    [lang],
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cardRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [view, setView] = useState<View>({ kind: 'wizard' });
  const [check, checkDispatch] = useReducer(checkReducer, INITIAL_CHECK);
  const [secretState, setSecretState] = useState({ remembered: false, encryptionAvailable: false });
  const [knownApps, setKnownApps] = useState<readonly KnownApp[]>([]);
  const [optionsOpen, setOptionsOpen] = useState(false);
  /** Why a dropped file was not opened: not an INI file, or something running holds the views. */
  const [dropProblem, setDropProblem] = useState<'not-ini' | 'busy' | undefined>();

  const { mode, step, form, signIn, plan, reissue } = state;
  const issues = useMemo(() => formIssues(form, reissue), [form, reissue]);
  const shown = visibleIssues(state, issues);
  const [reissuingAll, setReissuingAll] = useState(false);
  const acquiring = isAcquiring(signIn);
  // A sign-in in the wizard, or a re-issue of all in the mailboxes view, keeps the admin where it runs.
  const navLocked = acquiring || reissuingAll;

  // The language: the OS's or the admin's saved choice, then pushed changes.
  useEffect(() => {
    let live = true;
    api.getLanguage(undefined).then(
      (s) => live && setLanguage(s),
      () => undefined,
    );
    // A "re-issue all" walk runs its sign-ins from the mailboxes view: they are not the wizard's.
    let walking = false;
    const unsubscribe = api.onEvent((event) => {
      if (event.channel === 'reissue-all') walking = event.event.type === 'step';
      if (walking && (event.channel === 'session' || event.channel === 'mailboxes')) return;
      switch (event.channel) {
        case 'language':
          setLanguage(event.state);
          break;
        case 'session':
          dispatch({ type: 'session', event: event.event });
          break;
        case 'check':
          checkDispatch({ type: 'check-event', file: event.file, event: event.event });
          break;
        case 'mailboxes':
          dispatch({ type: 'mailbox-registered', event: event.event });
          break;
        case 'reissue-all':
          // The mailboxes view shows the walk.
          break;
      }
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  // The default output path (Documents/smail_refresh_token.ini): a folder per mailbox is made beside it.
  useEffect(() => {
    let live = true;
    api.defaultOutputFile(undefined).then(
      (path) => {
        if (live) dispatch({ type: 'set-default-out-file', path });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  // The apps the mailbox list knows, for quick mode's picker and "+ Mailbox": again after each new file.
  const registered = state.outcome?.kind === 'success' ? state.outcome.registered : undefined;
  const reloadApps = useCallback(() => {
    api.listKnownApps(undefined).then(
      (result) => {
        if (result.ok) setKnownApps(result.value);
      },
      () => undefined,
    );
  }, [api]);
  useEffect(reloadApps, [reloadApps, view.kind, registered]);

  // Whether a secret is remembered for this client ID, and whether one could be (the OS's encryption).
  const clientId = form.clientId.trim();
  const asksSecret = mode === 'quick' || step === 'registration';
  useEffect(() => {
    if (!asksSecret || clientId === '') {
      setSecretState((s) => ({ ...s, remembered: false }));
      return;
    }
    let live = true;
    api.hasSecret({ clientId }).then(
      (answer) => live && setSecretState(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, asksSecret, clientId, knownApps]);

  // What writing to the file would do, asked while the file is on screen, after typing pauses.
  const outFile = form.outFile.trim();
  const fileOnScreen = view.kind === 'wizard' && (mode === 'quick' || step === 'output');
  useEffect(() => {
    if (!fileOnScreen || outFile === '' || plan.status !== 'none') return;
    const path = form.outFile;
    const timer = setTimeout(() => {
      dispatch({ type: 'plan-loading', path });
      api.planOutputFile({ path, profile: profileInputOf(form, reissue) }).then(
        (result) => dispatch({ type: 'plan-loaded', path, result }),
        () => dispatch({ type: 'plan-loaded', path, result: { ok: false, error: bridgeError() } }),
      );
    }, PLAN_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, fileOnScreen, outFile, form, plan.status, reissue]);

  // A busy port: ask for a free one to offer.
  const busy = signIn.portBusy;
  useEffect(() => {
    if (busy?.suggestion !== 'searching') return;
    let live = true;
    api.suggestPort({ from: busy.port + 1 }).then(
      (port) => live && dispatch({ type: 'port-suggested', port }),
      () => live && dispatch({ type: 'port-suggested', port: undefined }),
    );
    return () => {
      live = false;
    };
  }, [api, busy?.suggestion, busy?.port]);

  const cancel = useCallback(() => {
    dispatch({ type: 'cancel-requested' });
    const done = (): void => dispatch({ type: 'cancel-done' });
    api.cancelAcquisition(undefined).then(done, done);
  }, [api]);

  // Esc cancels a sign-in that waits (the browser's or the device code's), wherever focus is.
  useEffect(() => {
    if (!acquiring) return;
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        cancel();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [acquiring, cancel]);

  // Focus follows the step, the mode and the view: the new step's first field (else its main action, else its
  // heading), so typing can start at once and screen readers hear the field with its form's name.
  const viewKey = view.kind === 'file' ? `file:${view.path}` : view.kind;
  const running = acquiring;
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (running) return;
    const target =
      view.kind === 'wizard' && step !== 'result' && step !== 'check'
        ? firstFieldOf(cardRef.current)
        : undefined;
    (target ?? headingRef.current)?.focus();
    // Only a new place moves focus, never a re-render of the same one: the dependencies are the place.
  }, [step, viewKey, mode]);

  // A refused drop is old news once the admin goes elsewhere.
  useEffect(() => setDropProblem(undefined), [step, viewKey]);

  const startWith = useCallback(
    (f: Form) => {
      dispatch({ type: 'acquisition-starting' });
      const input = profileInputOf(f, reissue);
      const remember =
        f.rememberSecret && !f.publicClient && !secretFromMain(f, reissue) ? { rememberSecret: true } : {};
      const remembered =
        f.useRememberedSecret && !keepsFileSecret(f, reissue) ? { useRememberedSecret: true } : {};
      const started =
        reissue !== undefined && f.outFile === reissue.path
          ? api.startReissue({
              path: reissue.path,
              changes: input,
              keepFileSecret: keepsFileSecret(f, reissue),
              ...remember,
            })
          : api.startAcquisition({ ...input, ...remember, ...remembered });
      reportRejection(started, dispatch);
    },
    [api, reissue],
  );

  /**
   * Before a sign-in writes a file that exists: its plan, asked now if the one on screen is not this path's, so a
   * file holding another mailbox's token is never overwritten without the admin's confirmation.
   */
  const needsReplaceConfirmation = async (s: WizardState): Promise<boolean> => {
    const path = s.form.outFile;
    let current = s.plan.status === 'ready' && s.plan.path === path ? s.plan.plan : undefined;
    if (current === undefined) {
      const result = await api
        .planOutputFile({ path, profile: profileInputOf(s.form, s.reissue) })
        .catch(() => ({ ok: false as const, error: bridgeError() }));
      dispatch({ type: 'plan-loaded', path, result });
      if (!result.ok) return false;
      current = result.value;
    }
    return replacesOther(current, s.form, s.replaceConfirmed);
  };

  /** Quick mode's Sign in: every problem shown at once and the first one focused, else the sign-in. */
  const quickSignIn = async (): Promise<void> => {
    if (acquiring) return;
    dispatch({ type: 'touch', fields: ALL_FIELDS });
    let target = firstOnScreen(issues.map((issue) => elementOfField(issue.field)));
    if (target === undefined && planBlocks(plan, form.outFile)) target = fieldId('outFile');
    if (target === undefined && (await needsReplaceConfirmation(state))) target = CONFIRM_REPLACE_ID;
    if (target === undefined) {
      startWith(form);
      return;
    }
    if (isOptionField(target)) setOptionsOpen(true);
    const id = target;
    // After React has opened the options and drawn the problems.
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  };

  const runCheck = useCallback(
    (file: string, protocols: Protocol[], sendTo: string) => {
      checkDispatch({ type: 'check-started', file, protocols });
      api.checkTokenFile({ file, protocols, ...(sendTo === '' ? {} : { sendTo }) }).then(
        (result) => checkDispatch({ type: 'check-finished', file, result }),
        () => checkDispatch({ type: 'check-finished', file, result: { ok: false, error: bridgeError() } }),
      );
    },
    [api],
  );

  /** Opens an INI file in the file view, and lists it among the mailboxes (the recent files). */
  const openFile = useCallback(
    (path: string) => {
      setView({ kind: 'file', path });
      void api.addMailbox({ path }).catch(() => undefined);
    },
    [api],
  );

  const chooseFile = (): void => {
    void api.chooseTokenFile(undefined).then((path) => {
      if (path !== undefined) openFile(path);
    });
  };

  /** Re-issue: the wizard filled in from the file, the secret field empty (the file's is kept by default). */
  const reissueFile = useCallback(
    (path: string) => {
      api.readReissueFile({ path }).then(
        (result) => {
          if (!result.ok) {
            dispatch({ type: 'acquisition-rejected', error: result.error });
            setView({ kind: 'wizard' });
            return;
          }
          dispatch({ type: 'reissue-loaded', view: result.value });
          setView({ kind: 'wizard' });
        },
        () => undefined,
      );
    },
    [api],
  );

  /** "+ Mailbox" of an app in the mailboxes view: quick mode with the app's values. */
  const newMailboxFor = useCallback(
    (clientIdOfApp: string) => {
      api.listKnownApps(undefined).then(
        (result) => {
          const key = clientIdOfApp.trim().toLowerCase();
          const app = result.ok
            ? result.value.find((a) => a.clientId.trim().toLowerCase() === key)
            : undefined;
          if (result.ok) setKnownApps(result.value);
          if (app !== undefined) dispatch({ type: 'new-mailbox-for', app });
          setView({ kind: 'wizard' });
        },
        () => setView({ kind: 'wizard' }),
      );
    },
    [api],
  );

  // An .ini file dropped anywhere on the window opens it (the preload tells its path; the page sees none).
  const onDragOver = (e: DragEvent): void => {
    if ([...e.dataTransfer.types].includes('Files')) e.preventDefault();
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    // Like the header's buttons: a running sign-in or re-issue of all keeps the view where it is.
    if (navLocked) {
      setDropProblem('busy');
      return;
    }
    const file = e.dataTransfer.files[0];
    const path = file === undefined ? '' : api.pathForFile(file);
    if (file === undefined || !file.name.toLowerCase().endsWith('.ini') || path === '') {
      setDropProblem('not-ini');
      return;
    }
    setDropProblem(undefined);
    openFile(path);
  };

  const signInActions: SignInActions = {
    start: () => {
      if (acquiring) return;
      // The port is on this step; anything else wrong is on an earlier step: go there, problems shown.
      if (stepIssues(issues, 'signin').length > 0) {
        dispatch({ type: 'touch', fields: STEP_FIELDS.signin });
        setTimeout(() => document.getElementById(fieldId('redirectPort'))?.focus(), 0);
        return;
      }
      const stepToFix = STEP_IDS.find((s) => stepIssues(issues, s).length > 0);
      if (stepToFix !== undefined) {
        dispatch({ type: 'go', step: stepToFix });
        return;
      }
      if (planBlocks(plan, form.outFile)) {
        dispatch({ type: 'go', step: 'output' });
        return;
      }
      void needsReplaceConfirmation(state).then((replace) => {
        if (!replace) startWith(form);
        else dispatch({ type: 'go', step: 'output' });
      });
    },
    cancel,
    startDeviceCode: () => {
      if (acquiring) return;
      // No secret is sent: problems with the secret do not stop a device code sign-in; the others do.
      const deviceForm: Form = { ...form, publicClient: true };
      const stepToFix = STEP_IDS.find(
        (s) => s !== 'signin' && stepIssues(formIssues(deviceForm, reissue), s).length > 0,
      );
      if (stepToFix !== undefined) {
        dispatch({ type: 'go', step: stepToFix });
        return;
      }
      dispatch({ type: 'acquisition-starting', flow: 'device-code' });
      reportRejection(api.startDeviceCode(profileInputOf(deviceForm, reissue)), dispatch);
    },
    choose: (method) => dispatch({ type: 'choose-sign-in', method }),
    retryOnPort: (port) => {
      dispatch({ type: 'use-port', port });
      startWith({ ...form, redirectPort: port });
    },
  };

  const next = (): void => {
    const problems = stepIssues(issues, step);
    dispatch({ type: 'next' });
    const first = problems[0];
    if (first !== undefined) document.getElementById(elementOfField(first.field))?.focus();
    else if (step === 'output' && planBlocks(plan, form.outFile))
      document.getElementById(fieldId('outFile'))?.focus();
    else if (
      step === 'output' &&
      state.plan.status === 'ready' &&
      replacesOther(state.plan.plan, form, state.replaceConfirmed)
    )
      document.getElementById(CONFIRM_REPLACE_ID)?.focus();
  };

  const formStep = step !== 'signin' && step !== 'result' && step !== 'check';
  /** Enter in a field: Next on a form step, Sign in on the sign-in step and in quick mode. */
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (acquiring) return;
    if (mode === 'quick') void quickSignIn();
    else if (formStep) next();
    else if (step === 'signin' && state.signInMethod === 'browser' && signIn.portBusy === undefined)
      signInActions.start();
  };

  /**
   * Enter in a select, a radio or a checkbox submits the step too: browsers submit a form implicitly only from a
   * text field, and the account step has none.
   */
  const onFormKeyDown = (e: KeyboardEvent<HTMLFormElement>): void => {
    if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.nativeEvent.isComposing)
      return;
    const target = e.target as HTMLElement;
    const choice =
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox'));
    if (!choice) return;
    e.preventDefault();
    e.currentTarget.requestSubmit();
  };

  const onLanguage = (e: ChangeEvent<HTMLSelectElement>): void => {
    const value = e.currentTarget.value;
    const choice = isLang(value) ? value : 'os';
    api.setLanguage({ lang: choice }).then(setLanguage, () => undefined);
  };

  const index = STEP_IDS.indexOf(step);
  const outcome = state.outcome;
  // A failure is explained again on the step that fixes it (quick mode opens that step directly).
  const lastFailure =
    mode === 'guided' && outcome?.kind === 'failure' && formStep && fixStepOf(outcome) === step
      ? outcome
      : undefined;

  const header = (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1 className="brand-title">{t('app.title')}</h1>
      </div>
      <nav className="app-nav" aria-label={t('nav.views')}>
        <div className="nav-tabs">
          <button
            type="button"
            className="nav-button"
            aria-current={view.kind === 'wizard' ? 'page' : undefined}
            disabled={reissuingAll}
            onClick={() => setView({ kind: 'wizard' })}
          >
            {t('nav.wizard')}
          </button>
          <button
            type="button"
            className="nav-button"
            aria-current={view.kind === 'mailboxes' ? 'page' : undefined}
            disabled={navLocked}
            onClick={() => setView({ kind: 'mailboxes' })}
          >
            {t('nav.mailboxes')}
          </button>
          {view.kind === 'file' ? (
            <button type="button" className="nav-button" aria-current="page">
              {t('nav.file')}
            </button>
          ) : null}
        </div>
        <button
          type="button"
          className="button button-small nav-open"
          disabled={navLocked}
          onClick={chooseFile}
        >
          <Icon name="folder" />
          <span>{t('nav.openFile')}</span>
        </button>
      </nav>
      <div className="lang-switch">
        <label htmlFor="language">{t('header.language')}</label>
        <select
          id="language"
          className="input input-compact"
          value={language.source === 'os' ? 'os' : language.lang}
          onChange={onLanguage}
        >
          <option value="os">{t('header.languageOs')}</option>
          <option value="ja" lang="ja">
            {ENDONYMS.ja}
          </option>
          <option value="en" lang="en">
            {ENDONYMS.en}
          </option>
        </select>
      </div>
    </header>
  );

  const toolView =
    view.kind === 'wizard' ? null : (
      <main className="card card-wide" aria-labelledby="step-heading" ref={cardRef}>
        <div className="card-scroll">
          <h2 id="step-heading" className="step-heading" tabIndex={-1} ref={headingRef}>
            {view.kind === 'file' ? t('file.title') : t('mailboxes.title')}
          </h2>
          {view.kind === 'file' ? (
            <p className="step-description file-heading-path">
              <PathText path={view.path} />
            </p>
          ) : (
            <p className="step-description">{t('mailboxes.description')}</p>
          )}
          {view.kind === 'file' ? (
            <FileView
              key={view.path}
              path={view.path}
              check={check}
              actions={{ check: runCheck, reissue: reissueFile }}
            />
          ) : (
            <MailboxesView
              actions={{
                open: openFile,
                reissue: reissueFile,
                reissueActive: setReissuingAll,
                newMailbox: newMailboxFor,
              }}
            />
          )}
        </div>
      </main>
    );

  const quick =
    view.kind !== 'wizard' || mode !== 'quick' ? null : (
      <main className="card" aria-labelledby="step-heading" ref={cardRef}>
        <form
          className="card-form"
          aria-labelledby="step-heading"
          onSubmit={onSubmit}
          onKeyDown={onFormKeyDown}
          noValidate
        >
          <div className="card-scroll">
            <div className="card-title-row">
              <h2 id="step-heading" className="step-heading" tabIndex={-1} ref={headingRef}>
                {t('quick.title')}
              </h2>
            </div>
            <p className="step-description">{t('quick.description')}</p>
            <QuickStart
              state={state}
              dispatch={dispatch}
              issues={shown}
              knownApps={knownApps}
              secretRemembered={secretState.remembered}
              encryptionAvailable={secretState.encryptionAvailable}
              actions={{ cancel, retryOnPort: signInActions.retryOnPort }}
              optionsOpen={optionsOpen}
              setOptionsOpen={setOptionsOpen}
            />
          </div>
          {acquiring ? null : (
            <footer className="step-nav">
              <button
                type="button"
                className="button"
                onClick={() => dispatch({ type: 'mode', mode: 'guided' })}
              >
                {t('mode.toGuided')}
              </button>
              {signIn.portBusy === undefined ? (
                <button type="submit" className="button button-primary">
                  {t('quick.signIn')}
                </button>
              ) : null}
            </footer>
          )}
        </form>
      </main>
    );

  const guided =
    view.kind !== 'wizard' || mode !== 'guided' ? null : (
      <>
        <StepRail
          current={step}
          reached={state.reached}
          hasOutcome={outcome !== undefined}
          hasSuccess={outcome?.kind === 'success'}
          failed={outcome?.kind === 'failure'}
          locked={acquiring}
          onGo={(s) => dispatch({ type: 'go', step: s })}
          onQuick={() => dispatch({ type: 'mode', mode: 'quick' })}
        />
        <main className="card" aria-labelledby="step-heading" ref={cardRef}>
          <form
            className="card-form"
            aria-labelledby="step-heading"
            onSubmit={onSubmit}
            onKeyDown={onFormKeyDown}
            noValidate
          >
            <div className="card-scroll">
              <p className="step-count">{t('step.count', { n: index + 1, total: STEP_IDS.length })}</p>
              <h2 id="step-heading" className="step-heading" tabIndex={-1} ref={headingRef}>
                {t(STEP_TITLES[step])}
              </h2>
              <p className="step-description">
                {t(
                  step === 'signin' && state.signInMethod === 'device-code' && offersDeviceCode(form.provider)
                    ? 'step.signin.deviceCode.description'
                    : step === 'registration' && form.provider === 'google'
                      ? 'step.registration.descriptionGoogle'
                      : DESCRIPTIONS[step],
                )}
              </p>
              {reissue !== undefined && formStep ? (
                <div className="note note-info reissue-note">
                  <Icon name="info" />
                  <p>{t('reissue.note', { file: reissue.path })}</p>
                </div>
              ) : null}
              {lastFailure === undefined ? null : (
                <section className="last-failure" aria-label={t('lastFailure.label')}>
                  <FailureDetails outcome={lastFailure} />
                </section>
              )}
              {step === 'account' ? <AccountStep state={state} dispatch={dispatch} issues={shown} /> : null}
              {step === 'registration' ? (
                <RegistrationStep
                  state={state}
                  dispatch={dispatch}
                  issues={shown}
                  encryptionAvailable={secretState.encryptionAvailable}
                  secretRemembered={secretState.remembered}
                />
              ) : null}
              {step === 'mailbox' ? <MailboxStep state={state} dispatch={dispatch} issues={shown} /> : null}
              {step === 'output' ? <OutputStep state={state} dispatch={dispatch} issues={shown} /> : null}
              {step === 'signin' ? (
                <SignInStep state={state} dispatch={dispatch} issues={shown} actions={signInActions} />
              ) : null}
              {step === 'result' ? (
                <ResultStep
                  outcome={outcome}
                  deviceCode={offersDeviceCode(form.provider)}
                  actions={{
                    go: (s) => dispatch({ type: 'go', step: s }),
                    restart: () => dispatch({ type: 'restart' }),
                    anotherMailbox: () => dispatch({ type: 'another-mailbox' }),
                    useDeviceCode: () => dispatch({ type: 'choose-sign-in', method: 'device-code' }),
                  }}
                />
              ) : null}
              {step === 'check' ? (
                <CheckStep outcome={outcome} protocols={form.protocols} check={check} onRun={runCheck} />
              ) : null}
            </div>
            {step === 'result' || acquiring ? null : (
              <footer className="step-nav">
                {index > 0 ? (
                  <button type="button" className="button" onClick={() => dispatch({ type: 'back' })}>
                    {t('nav.back')}
                  </button>
                ) : (
                  <span />
                )}
                {formStep ? (
                  <button type="submit" className="button button-primary">
                    {t('nav.next')}
                  </button>
                ) : null}
              </footer>
            )}
          </form>
        </main>
      </>
    );

  return (
    <WizardApiContext.Provider value={api}>
      <LangContext.Provider value={lang}>
        <div
          className={`app app-${view.kind === 'wizard' ? mode : view.kind}`}
          onDragOver={onDragOver}
          onDrop={onDrop}
        >
          {header}
          {dropProblem === undefined ? null : (
            <div className="note note-warning drop-problem" role="alert">
              <Icon name="warning" />
              <p>{t(dropProblem === 'busy' ? 'drop.busy' : 'drop.notIni')}</p>
            </div>
          )}
          <div className="app-body">
            {toolView}
            {quick}
            {guided}
          </div>
        </div>
      </LangContext.Provider>
    </WizardApiContext.Provider>
  );
}
