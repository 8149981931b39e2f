/**
 * The wizard: header with the language switch, the step rail, and the current step in a card. Holds the
 * state (a pure reducer, see state.ts) and every call to `window.wizard`.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { isLang, langFromLocale } from '../electron/core/i18n.js';
import type { Explanation } from '../electron/core/diagnose/types.js';
import type { LanguageState, WizardApi } from '../electron/shared/contract.js';
import { WizardApiContext } from './api-context.js';
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
  profileInputOf,
  reducer,
  stepIssues,
  visibleIssues,
} from './state.js';
import type { Form, StepId } from './state.js';
import { AccountStep } from './steps/AccountStep.js';
import { MailboxStep } from './steps/MailboxStep.js';
import { OutputStep } from './steps/OutputStep.js';
import { RegistrationStep } from './steps/RegistrationStep.js';
import { ResultStep } from './steps/ResultStep.js';
import { SignInStep } from './steps/SignInStep.js';
import type { SignInActions } from './steps/SignInStep.js';
import { fieldId } from './steps/step-props.js';
import { getWizardApi } from './wizard-api.js';

const DESCRIPTIONS: Readonly<Record<StepId, MessageKey>> = {
  account: 'step.account.description',
  registration: 'step.registration.description',
  mailbox: 'step.mailbox.description',
  output: 'step.output.description',
  signin: 'step.signin.description',
  result: 'step.result.description',
};

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

  const { step, form, signIn, plan } = state;
  const issues = useMemo(() => formIssues(form), [form]);
  const shown = visibleIssues(state, issues);
  const acquiring = isAcquiring(signIn);

  // The language: the OS's or the admin's saved choice, then pushed changes.
  useEffect(() => {
    let live = true;
    api.getLanguage(undefined).then(
      (s) => live && setLanguage(s),
      () => undefined,
    );
    const unsubscribe = api.onEvent((event) => {
      if (event.channel === 'language') setLanguage(event.state);
      else dispatch({ type: 'session', event: event.event });
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

  // What writing to the file would do, asked while on the output step, after typing pauses.
  const outFile = form.outFile.trim();
  useEffect(() => {
    if (step !== 'output' || outFile === '' || plan.status !== 'none') return;
    const path = form.outFile;
    const timer = setTimeout(() => {
      dispatch({ type: 'plan-loading', path });
      api.planOutputFile({ path, profile: profileInputOf(form) }).then(
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
  }, [api, step, outFile, form.outFile, plan.status]);

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

  // Focus follows the step: its heading, so screen readers announce where the admin is.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const startWith = useCallback(
    (f: Form) => {
      dispatch({ type: 'acquisition-starting' });
      api.startAcquisition(profileInputOf(f)).then(
        (result) => {
          if (!result.ok) dispatch({ type: 'acquisition-rejected', error: result.error });
        },
        () =>
          dispatch({
            type: 'acquisition-rejected',
            error: { code: 'unexpected', explanation: bridgeFailure() },
          }),
      );
    },
    [api],
  );

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
  const formStep = step !== 'signin' && step !== 'result';

  return (
    <WizardApiContext.Provider value={api}>
      <LangContext.Provider value={lang}>
        <div className="app">
          <header className="app-header">
            <div className="brand">
              <span className="brand-mark" aria-hidden="true" />
              <h1 className="brand-title">{t('app.title')}</h1>
            </div>
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
          <div className="app-body">
            <StepRail
              current={step}
              reached={state.reached}
              hasOutcome={state.outcome !== undefined}
              locked={acquiring}
              onGo={(s) => dispatch({ type: 'go', step: s })}
            />
            <main className="card" aria-labelledby="step-heading">
              <p className="step-count">{t('step.count', { n: index + 1, total: STEP_IDS.length })}</p>
              <h2 id="step-heading" className="step-heading" tabIndex={-1} ref={headingRef}>
                {t(STEP_TITLES[step])}
              </h2>
              <p className="step-description">{t(DESCRIPTIONS[step])}</p>
              {step === 'account' ? <AccountStep state={state} dispatch={dispatch} issues={shown} /> : null}
              {step === 'registration' ? (
                <RegistrationStep state={state} dispatch={dispatch} issues={shown} />
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
                  }}
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
          </div>
        </div>
      </LangContext.Provider>
    </WizardApiContext.Provider>
  );
}
