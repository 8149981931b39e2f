/**
 * The wizard: header with the language switch, the step rail, and the current step in a card. Holds the
 * state (a pure reducer, see state.ts) and every call to `window.wizard`.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ChangeEvent, DragEvent } from 'react';
import type { Protocol } from '../electron/core/providers/types.js';
import { isLang, langFromLocale } from '../electron/core/i18n.js';
import type { Explanation } from '../electron/core/diagnose/types.js';
import type { LanguageState, Result, WizardApi } from '../electron/shared/contract.js';
import { WizardApiContext } from './api-context.js';
import { INITIAL_CHECK, checkReducer } from './check-state.js';
import { Icon } from './components/Icon.js';
import { StepRail, STEP_TITLES } from './components/StepRail.js';
import { CATALOGUE, ENDONYMS } from './i18n/catalogue.js';
import type { MessageKey } from './i18n/catalogue.js';
import { LangContext, translate } from './i18n/context.js';
import {
  STEP_FIELDS,
  STEP_IDS,
  formIssues,
  initialState,
  isAcquiring,
  planBlocks,
  keepsFileSecret,
  profileInputOf,
  reducer,
  stepIssues,
  visibleIssues,
} from './state.js';
import type { Action, Form, StepId } from './state.js';
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
  const firstRender = useRef(true);
  const [view, setView] = useState<View>({ kind: 'wizard' });
  const [check, checkDispatch] = useReducer(checkReducer, INITIAL_CHECK);
  const [encryptionAvailable, setEncryptionAvailable] = useState(false);
  /** Why a dropped file was not opened: not an INI file, or something running holds the views. */
  const [dropProblem, setDropProblem] = useState<'not-ini' | 'busy' | undefined>();

  const { step, form, signIn, plan, reissue } = state;
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

  // The default output path (Documents/smail_refresh_token.ini), unless the admin typed one already.
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

  // Whether a secret can be remembered here (the OS's encryption), for the registration step's offer.
  const clientId = form.clientId.trim();
  useEffect(() => {
    if (step !== 'registration' || clientId === '') return;
    let live = true;
    api.hasSecret({ clientId }).then(
      (answer) => live && setEncryptionAvailable(answer.encryptionAvailable),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, step, clientId]);

  // What writing to the file would do, asked while on the output step, after typing pauses.
  const outFile = form.outFile.trim();
  useEffect(() => {
    if (step !== 'output' || outFile === '' || plan.status !== 'none') return;
    const path = form.outFile;
    const timer = setTimeout(() => {
      dispatch({ type: 'plan-loading', path });
      api.planOutputFile({ path, profile: profileInputOf(form, reissue) }).then(
        (result) => dispatch({ type: 'plan-loaded', path, result }),
        () =>
          dispatch({
            type: 'plan-loaded',
            path,
            result: { ok: false, error: { code: 'unexpected', explanation: bridgeFailure() } },
          }),
      );
    }, PLAN_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, step, outFile, form.outFile, plan.status, reissue]);

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

  // Focus follows the step and the view: its heading, so screen readers announce where the admin is.
  const viewKey = view.kind === 'file' ? `file:${view.path}` : view.kind;
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step, viewKey]);

  // A refused drop is old news once the admin goes elsewhere.
  useEffect(() => setDropProblem(undefined), [step, viewKey]);

  const startWith = useCallback(
    (f: Form) => {
      dispatch({ type: 'acquisition-starting' });
      const input = profileInputOf(f, reissue);
      const remember = f.rememberSecret && !f.publicClient ? { rememberSecret: true } : {};
      const started =
        reissue !== undefined && f.outFile === reissue.path
          ? api.startReissue({
              path: reissue.path,
              changes: input,
              keepFileSecret: keepsFileSecret(f, reissue),
              ...remember,
            })
          : api.startAcquisition({ ...input, ...remember });
      reportRejection(started, dispatch);
    },
    [api, reissue],
  );

  const runCheck = useCallback(
    (file: string, protocols: Protocol[], sendTo: string) => {
      checkDispatch({ type: 'check-started', file, protocols });
      api.checkTokenFile({ file, protocols, ...(sendTo === '' ? {} : { sendTo }) }).then(
        (result) => checkDispatch({ type: 'check-finished', file, result }),
        () =>
          checkDispatch({
            type: 'check-finished',
            file,
            result: { ok: false, error: { code: 'unexpected', explanation: bridgeFailure() } },
          }),
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
      if (stepToFix !== undefined) dispatch({ type: 'go', step: stepToFix });
      else startWith(form);
    },
    cancel: () => {
      dispatch({ type: 'cancel-requested' });
      const done = (): void => dispatch({ type: 'cancel-done' });
      api.cancelAcquisition(undefined).then(done, done);
    },
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
    if (first !== undefined) document.getElementById(fieldId(first.field))?.focus();
    else if (step === 'output' && planBlocks(plan, form.outFile))
      document.getElementById(fieldId('outFile'))?.focus();
  };

  const onLanguage = (e: ChangeEvent<HTMLSelectElement>): void => {
    const value = e.currentTarget.value;
    const choice = isLang(value) ? value : 'os';
    api.setLanguage({ lang: choice }).then(setLanguage, () => undefined);
  };

  const index = STEP_IDS.indexOf(step);
  const formStep = step !== 'signin' && step !== 'result' && step !== 'check';
  const toolHeading =
    view.kind === 'file' ? t('file.title') : view.kind === 'mailboxes' ? t('mailboxes.title') : '';

  return (
    <WizardApiContext.Provider value={api}>
      <LangContext.Provider value={lang}>
        <div className="app" onDragOver={onDragOver} onDrop={onDrop}>
          <header className="app-header">
            <div className="brand">
              <span className="brand-mark" aria-hidden="true" />
              <h1 className="brand-title">{t('app.title')}</h1>
            </div>
            <nav className="app-nav" aria-label={t('nav.views')}>
              <button
                type="button"
                className="nav-button"
                aria-current={view.kind === 'wizard' ? 'page' : undefined}
                disabled={reissuingAll}
                onClick={() => setView({ kind: 'wizard' })}
              >
                {t('nav.wizard')}
              </button>
              <button type="button" className="nav-button" disabled={navLocked} onClick={chooseFile}>
                {t('nav.openFile')}
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
          {dropProblem === undefined ? null : (
            <div className="note note-warning drop-problem" role="alert">
              <Icon name="warning" />
              <p>{t(dropProblem === 'busy' ? 'drop.busy' : 'drop.notIni')}</p>
            </div>
          )}
          <div className="app-body">
            {view.kind === 'wizard' ? null : (
              <main className="card" aria-labelledby="step-heading">
                <h2 id="step-heading" className="step-heading" tabIndex={-1} ref={headingRef}>
                  {toolHeading}
                </h2>
                <p className="step-description">
                  {view.kind === 'file' ? t('file.description') : t('mailboxes.description')}
                </p>
                {view.kind === 'file' ? (
                  <FileView
                    key={view.path}
                    path={view.path}
                    check={check}
                    actions={{ check: runCheck, reissue: reissueFile }}
                  />
                ) : (
                  <MailboxesView
                    actions={{ open: openFile, reissue: reissueFile, reissueActive: setReissuingAll }}
                  />
                )}
              </main>
            )}
            {view.kind !== 'wizard' ? null : (
              <StepRail
                current={step}
                reached={state.reached}
                hasOutcome={state.outcome !== undefined}
                hasSuccess={state.outcome?.kind === 'success'}
                locked={acquiring}
                onGo={(s) => dispatch({ type: 'go', step: s })}
              />
            )}
            {view.kind !== 'wizard' ? null : (
              <main className="card" aria-labelledby="step-heading">
                <p className="step-count">{t('step.count', { n: index + 1, total: STEP_IDS.length })}</p>
                <h2 id="step-heading" className="step-heading" tabIndex={-1} ref={headingRef}>
                  {t(STEP_TITLES[step])}
                </h2>
                <p className="step-description">
                  {t(
                    step === 'signin' && state.signInMethod === 'device-code'
                      ? 'step.signin.deviceCode.description'
                      : DESCRIPTIONS[step],
                  )}
                </p>
                {reissue !== undefined && formStep ? (
                  <div className="note note-info reissue-note">
                    <Icon name="info" />
                    <p>{t('reissue.note', { file: reissue.path })}</p>
                  </div>
                ) : null}
                {step === 'account' ? <AccountStep state={state} dispatch={dispatch} issues={shown} /> : null}
                {step === 'registration' ? (
                  <RegistrationStep
                    state={state}
                    dispatch={dispatch}
                    issues={shown}
                    encryptionAvailable={encryptionAvailable}
                  />
                ) : null}
                {step === 'mailbox' ? <MailboxStep state={state} dispatch={dispatch} issues={shown} /> : null}
                {step === 'output' ? <OutputStep state={state} dispatch={dispatch} issues={shown} /> : null}
                {step === 'signin' ? (
                  <SignInStep state={state} dispatch={dispatch} issues={shown} actions={signInActions} />
                ) : null}
                {step === 'result' ? (
                  <ResultStep
                    outcome={state.outcome}
                    actions={{
                      go: (s) => dispatch({ type: 'go', step: s }),
                      restart: () => dispatch({ type: 'restart' }),
                      useDeviceCode: () => dispatch({ type: 'choose-sign-in', method: 'device-code' }),
                    }}
                  />
                ) : null}
                {step === 'check' ? (
                  <CheckStep
                    outcome={state.outcome}
                    protocols={form.protocols}
                    check={check}
                    onRun={runCheck}
                  />
                ) : null}
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
                      <button type="button" className="button button-primary" onClick={next}>
                        {t('nav.next')}
                      </button>
                    ) : null}
                  </footer>
                )}
              </main>
            )}
          </div>
        </div>
      </LangContext.Provider>
    </WizardApiContext.Provider>
  );
}
