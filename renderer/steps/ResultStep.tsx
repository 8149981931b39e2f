/**
 * Step 6: the outcome. Success: the file (show in folder, copy path), the refresh token masked, a note when
 * the account signed in is not the mailbox. Failure: the explanation and a button to the step that fixes it.
 */
import { CopyButton } from '../components/CopyButton.js';
import { PastedErrorExplainer } from '../components/PastedErrorExplainer.js';
import { FailureDetails } from '../components/FailureDetails.js';
import { Icon } from '../components/Icon.js';
import { STEP_TITLES } from '../components/StepRail.js';
import { useWizardApi } from '../api-context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useT } from '../i18n/context.js';
import { fixStepOf } from '../fix-step.js';
import type { Outcome, StepId } from '../state.js';
import { PortabilityWarnings } from './OutputStep.js';

export interface ResultActions {
  go: (step: StepId) => void;
  restart: () => void;
  /** Another mailbox of the same app: the app's values kept, the mailbox and its file cleared. */
  anotherMailbox: () => void;
  /** The Sign-in step, with the device code sign-in offered (after a browser sign-in timed out). */
  useDeviceCode: () => void;
}

const REGISTERED: Readonly<
  Record<NonNullable<Extract<Outcome, { kind: 'success' }>['registered']>, MessageKey>
> = {
  'not-requested': 'result.registered',
  remembered: 'result.registered.remembered',
  'encryption-unavailable': 'result.registered.noEncryption',
  failed: 'result.registered.failed',
};

export function ResultStep({
  outcome,
  actions,
  deviceCode = true,
}: {
  outcome: Outcome | undefined;
  actions: ResultActions;
  /** The provider has a device code sign-in to offer after a failed browser one (not Google). */
  deviceCode?: boolean;
}) {
  if (outcome === undefined) return null;
  return outcome.kind === 'success' ? (
    <Success outcome={outcome} actions={actions} />
  ) : (
    <Failure outcome={outcome} actions={actions} deviceCode={deviceCode} />
  );
}

function Success({
  outcome,
  actions,
}: {
  outcome: Extract<Outcome, { kind: 'success' }>;
  actions: ResultActions;
}) {
  const t = useT();
  const api = useWizardApi();
  const otherAccount = outcome.signedInAs.trim().toLowerCase() !== outcome.userId.trim().toLowerCase();
  return (
    <div className="step-body">
      <div className="banner banner-success" role="status">
        <Icon name="check" />
        <p>{outcome.created ? t('result.success.created') : t('result.success.updated')}</p>
      </div>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('result.file')}</dt>
          <dd>
            <div className="value-row">
              <code className="value">{outcome.file}</code>
              <CopyButton text={outcome.file} what={t('result.fileWhat')} />
              <button
                type="button"
                className="button button-small"
                onClick={() => void api.showInFolder({ path: outcome.file })}
              >
                <Icon name="folder" />
                <span>{t('result.showInFolder')}</span>
              </button>
            </div>
          </dd>
        </div>
        {outcome.backupFile === undefined ? null : (
          <div className="facts-row">
            <dt>{t('result.backup')}</dt>
            <dd>
              <code className="value">{outcome.backupFile}</code>
            </dd>
          </div>
        )}
        <div className="facts-row">
          <dt>{t('result.userId')}</dt>
          <dd className="address">{outcome.userId}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('result.signedInAs')}</dt>
          <dd className="address">{outcome.signedInAs}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('result.token')}</dt>
          <dd>
            <code className="value" aria-describedby="token-note">
              {outcome.refreshTokenMasked}
            </code>
            <p className="field-hint" id="token-note">
              {t('result.tokenNote')}
            </p>
          </dd>
        </div>
      </dl>
      {otherAccount ? (
        <div className="note note-warning">
          <Icon name="warning" />
          <p>{t('result.otherAccount', { signedInAs: outcome.signedInAs, userId: outcome.userId })}</p>
        </div>
      ) : null}
      <PortabilityWarnings warnings={outcome.warnings} />
      {outcome.registered === undefined ? null : (
        <div
          className={`note ${outcome.registered === 'failed' || outcome.registered === 'encryption-unavailable' ? 'note-warning' : 'note-info'}`}
        >
          <Icon
            name={
              outcome.registered === 'failed' || outcome.registered === 'encryption-unavailable'
                ? 'warning'
                : 'info'
            }
          />
          <p>{t(REGISTERED[outcome.registered])}</p>
        </div>
      )}
      <div className="actions-inline">
        <button type="button" className="button button-primary" onClick={() => actions.go('check')}>
          {t('result.checkNow')}
        </button>
      </div>
      <section className="next-steps" aria-labelledby="next-steps-title">
        <h3 id="next-steps-title">{t('result.next.title')}</h3>
        <ol>
          <li>{t('result.next.copy')}</li>
          <li>{t('result.next.smail')}</li>
          <li>{t('result.next.expiry')}</li>
        </ol>
      </section>
      <div className="actions-inline">
        <button type="button" className="button" onClick={actions.anotherMailbox}>
          {t('result.anotherMailbox')}
        </button>
      </div>
      <p className="field-hint">{t('result.anotherMailboxHint')}</p>
    </div>
  );
}

function Failure({
  outcome,
  actions,
  deviceCode,
}: {
  outcome: Extract<Outcome, { kind: 'failure' }>;
  actions: ResultActions;
  deviceCode: boolean;
}) {
  const t = useT();
  const fixStep = fixStepOf(outcome);
  // The browser sign-in could not finish here (no sign-in in time, no listener): the device code needs neither.
  const offerDeviceCode = outcome.code === 'timeout' || outcome.code === 'listener-failed';
  return (
    <div className="step-body">
      <FailureDetails outcome={outcome} />
      <div className="actions-inline">
        {fixStep === undefined || fixStep === 'signin' ? null : (
          <button type="button" className="button button-primary" onClick={() => actions.go(fixStep)}>
            {t('result.fix', { step: t(STEP_TITLES[fixStep]) })}
          </button>
        )}
        <button
          type="button"
          className={`button${fixStep === undefined || fixStep === 'signin' ? ' button-primary' : ''}`}
          onClick={() => actions.go('signin')}
        >
          {t('result.retry')}
        </button>
        {offerDeviceCode && deviceCode ? (
          <button type="button" className="button" onClick={actions.useDeviceCode}>
            {t('signin.deviceCode.offer')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={actions.restart}>
          {t('result.restart')}
        </button>
      </div>
      {offerDeviceCode && deviceCode ? (
        <p className="field-hint">{t('signin.deviceCode.offerHint')}</p>
      ) : null}
      {outcome.code === 'timeout' ? <PastedErrorExplainer /> : null}
    </div>
  );
}
