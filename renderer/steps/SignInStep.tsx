/**
 * Step 5: runs the acquisition and shows its progress from session events: the redirect URI listened on,
 * the countdown, what happens now, the sign-in URL to copy if the browser did not open, and Cancel.
 * A busy port offers a free one: Entra ignores the port of localhost redirect URIs, so no registration change.
 *
 * The device code sign-in is offered too (no browser here, or no port to open): the code large and copyable,
 * the verification page (copy, open), Entra's own message, the countdown to the code's expiry, and Cancel.
 */
import { useState } from 'react';
import { useWizardApi } from '../api-context.js';
import {
  DEFAULT_REDIRECT_PATH,
  DEFAULT_REDIRECT_PORT,
  redirectUriOf,
} from '../../electron/core/sign-in/profile.js';
import { CopyButton } from '../components/CopyButton.js';
import { ExplanationView } from '../components/ExplanationView.js';
import { Field } from '../components/Field.js';
import { Icon } from '../components/Icon.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import { announcedMinutes, formatCountdown, isAcquiring, offersDeviceCode } from '../state.js';
import type { DeviceCodeShown, Form, SignInMethod, SignInState } from '../state.js';
import { fieldId, issuesOf } from './step-props.js';
import type { StepProps } from './step-props.js';

export interface SignInActions {
  start: () => void;
  /** Starts a device code sign-in. */
  startDeviceCode: () => void;
  /** Switches the offered sign-in (also from the port-busy note). */
  choose: (method: SignInMethod) => void;
  cancel: () => void;
  retryOnPort: (port: number) => void;
}

type Stage = 'listen' | 'browser' | 'exchange';
const STAGES: readonly { stage: Stage; label: MessageKey }[] = [
  { stage: 'listen', label: 'signin.stage.listen' },
  { stage: 'browser', label: 'signin.stage.browser' },
  { stage: 'exchange', label: 'signin.stage.exchange' },
];

function activeStage(status: SignInState['status']): Stage {
  if (status === 'waiting') return 'browser';
  if (status === 'exchanging') return 'exchange';
  return 'listen';
}

/** The texts of one countdown: its accessible name, the visible time, and the once-a-minute announcements. */
interface CountdownTexts {
  label: MessageKey;
  time: MessageKey;
  minutes: MessageKey;
  lastMinute: MessageKey;
}

const BROWSER_COUNTDOWN: CountdownTexts = {
  label: 'signin.countdownLabel',
  time: 'signin.countdown',
  minutes: 'signin.announce.minutes',
  lastMinute: 'signin.announce.lastMinute',
};

const DEVICE_CODE_COUNTDOWN: CountdownTexts = {
  label: 'signin.deviceCode.countdownLabel',
  time: 'signin.deviceCode.countdown',
  minutes: 'signin.deviceCode.announce.minutes',
  lastMinute: 'signin.deviceCode.announce.lastMinute',
};

/** Time left to sign in. */
function Countdown({ seconds, texts }: { seconds: number; texts: CountdownTexts }) {
  const t = useT();
  const minutes = announcedMinutes(seconds);
  return (
    <div className="countdown">
      {/* role=timer is not announced on every tick; the hidden region below speaks once a minute. */}
      <span role="timer" aria-label={t(texts.label)} className="countdown-time">
        {t(texts.time, { time: formatCountdown(seconds) })}
      </span>
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {minutes > 1 ? t(texts.minutes, { minutes }) : t(texts.lastMinute)}
      </span>
    </div>
  );
}

const NOW_TEXT: Readonly<Record<SignInState['status'], MessageKey>> = {
  idle: 'signin.now.idle',
  starting: 'signin.now.starting',
  listening: 'signin.now.starting',
  waiting: 'signin.now.waiting',
  exchanging: 'signin.now.exchanging',
  cancelling: 'signin.now.cancelling',
};

export function SignInStep({ state, dispatch, issues, actions }: StepProps & { actions: SignInActions }) {
  const t = useT();
  const { form, signIn } = state;
  const running = isAcquiring(signIn);
  const portIssues = issuesOf(issues, 'redirectPort');
  const [advancedOpen, setAdvancedOpen] = useState(form.redirectPort !== DEFAULT_REDIRECT_PORT);
  const google = form.provider === 'google';
  const deviceCode = offersDeviceCode(form.provider);

  if (running && signIn.flow === 'device-code')
    return (
      <div className="step-body">
        <DeviceCodeProgress signIn={signIn} mailbox={form.userId} onCancel={actions.cancel} />
      </div>
    );
  if (!running && state.signInMethod === 'device-code' && deviceCode)
    return (
      <div className="step-body">
        <DeviceCodeOffer
          mailbox={form.userId}
          outFile={form.outFile}
          cancelled={signIn.cancelled === true}
          actions={actions}
        />
      </div>
    );

  return (
    <div className="step-body">
      {running ? (
        <Progress signIn={signIn} mailbox={form.userId} onCancel={actions.cancel} />
      ) : signIn.portBusy !== undefined ? (
        // While the port is busy the one thing to do is the retry on the free port: the normal start is hidden.
        <PortBusy
          busy={signIn.portBusy}
          onRetry={actions.retryOnPort}
          onDeviceCode={deviceCode ? () => actions.choose('device-code') : undefined}
        />
      ) : (
        <>
          {signIn.cancelled === true ? (
            <p className="note" role="status">
              <Icon name="info" />
              <span>{t('signin.cancelled')}</span>
            </p>
          ) : null}
          <SignInSummary form={form} />
          <p className="lead">
            {t(google ? 'signin.intro.google' : 'signin.intro', { mailbox: form.userId })}
          </p>
          <div className="actions-inline">
            <button
              type="button"
              id="sign-in-start"
              className="button button-primary"
              onClick={actions.start}
            >
              {t('signin.start')}
            </button>
          </div>
          {deviceCode ? (
            <div className="device-code-offer">
              <button
                type="button"
                className="button"
                aria-describedby="device-code-offer-hint"
                onClick={() => actions.choose('device-code')}
              >
                {t('signin.deviceCode.offer')}
              </button>
              <p className="field-hint" id="device-code-offer-hint">
                {t('signin.deviceCode.offerHint')}
              </p>
            </div>
          ) : (
            <p className="note">
              <Icon name="info" />
              <span>{t('signin.deviceCode.notGoogle')}</span>
            </p>
          )}
          {google ? null : (
            <details
              className="advanced"
              open={advancedOpen || portIssues.length > 0}
              onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
            >
              <summary>{t('signin.advanced')}</summary>
              <Field
                id={fieldId('redirectPort')}
                label={t('signin.port.label')}
                issues={portIssues}
                hint={t('signin.port.hint')}
              >
                {(aria) => (
                  <input
                    {...aria}
                    className="input input-narrow"
                    type="number"
                    min={0}
                    max={65535}
                    value={Number.isNaN(form.redirectPort) ? '' : form.redirectPort}
                    onChange={(e) =>
                      dispatch({ type: 'set', field: 'redirectPort', value: e.currentTarget.valueAsNumber })
                    }
                  />
                )}
              </Field>
            </details>
          )}
        </>
      )}
    </div>
  );
}

/** The redirect URI a sign-in will use: Microsoft's registered one, or Google's loopback on a free port. */
export function plannedRedirectUri(form: Pick<Form, 'provider' | 'redirectPort'>): string {
  if (form.provider === 'google') return 'http://127.0.0.1:<port>/';
  return redirectUriOf({ redirectPort: form.redirectPort, redirectPath: DEFAULT_REDIRECT_PATH });
}

/** What the sign-in is for: the mailbox, the redirect URI, the file. */
export function SignInSummary({ form }: { form: Form }) {
  const t = useT();
  return (
    <dl className="facts">
      <div className="facts-row">
        <dt>{t('signin.summary.mailbox')}</dt>
        <dd className="address">{form.userId}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('signin.summary.redirectUri')}</dt>
        <dd>
          {form.provider === 'google' ? (
            <span>{t('signin.summary.googleRedirect')}</span>
          ) : (
            <code className="value">{plannedRedirectUri(form)}</code>
          )}
        </dd>
      </div>
      <div className="facts-row">
        <dt>{t('signin.summary.file')}</dt>
        <dd>
          <code className="value">{form.outFile}</code>
        </dd>
      </div>
    </dl>
  );
}

/** What both progress views show and do: the sign-in's state, the mailbox signing in, Cancel. */
interface ProgressProps {
  signIn: SignInState;
  mailbox: string;
  onCancel: () => void;
}

export function Progress({ signIn, mailbox, onCancel }: ProgressProps) {
  const t = useT();
  const active = activeStage(signIn.status);
  const activeIndex = STAGES.findIndex((s) => s.stage === active);
  const seconds = signIn.secondsLeft;
  return (
    <div className="progress">
      <p className="now" role="status">
        <Icon name="spinner" className="spin" />
        <span>{t(NOW_TEXT[signIn.status], { mailbox })}</span>
      </p>
      <ol className="stages">
        {STAGES.map(({ stage, label }, index) => {
          const state = index < activeIndex ? 'done' : index === activeIndex ? 'active' : 'todo';
          return (
            <li key={stage} className={`stage stage-${state}`}>
              <span className="stage-marker" aria-hidden="true">
                {state === 'done' ? <Icon name="check" /> : index + 1}
              </span>
              <span>{t(label)}</span>
              <span className="visually-hidden">{t(`signin.stageState.${state}`)}</span>
            </li>
          );
        })}
      </ol>
      {signIn.redirectUri === undefined ? null : (
        <p className="muted">{t('signin.listening', { port: signIn.port ?? '', uri: signIn.redirectUri })}</p>
      )}
      {seconds === undefined || signIn.status !== 'waiting' ? null : (
        <Countdown seconds={seconds} texts={BROWSER_COUNTDOWN} />
      )}
      {signIn.authorizeUrl === undefined ? null : signIn.browserOpened === false ? (
        <div className="note note-warning">
          <Icon name="warning" />
          <div>
            <p className="note-title">{t('signin.noBrowser.title')}</p>
            <p>{t('signin.noBrowser.body')}</p>
            <AuthorizeUrl url={signIn.authorizeUrl} />
          </div>
        </div>
      ) : (
        <details className="advanced">
          <summary>{t('signin.url.summary')}</summary>
          <p>{t('signin.noBrowser.body')}</p>
          <AuthorizeUrl url={signIn.authorizeUrl} />
        </details>
      )}
      <div className="actions-inline">
        <button type="button" className="button" onClick={onCancel} disabled={signIn.status === 'cancelling'}>
          {t('signin.cancel')}
        </button>
      </div>
    </div>
  );
}

function AuthorizeUrl({ url }: { url: string }) {
  const t = useT();
  return (
    <div className="value-row">
      <code className="value value-block url">{url}</code>
      <CopyButton text={url} what={t('signin.url.what')} />
    </div>
  );
}

/** The redirect port is taken: one primary action, the retry on the free port found; the device code once. */
export function PortBusy({
  busy,
  onRetry,
  onDeviceCode,
}: {
  busy: NonNullable<SignInState['portBusy']>;
  onRetry: (port: number) => void;
  /** Absent where the provider has no device code sign-in. */
  onDeviceCode?: (() => void) | undefined;
}) {
  const t = useT();
  const localized = useLocalized();
  const { suggestion } = busy;
  return (
    <div className="note note-error port-busy" role="alert">
      <Icon name="error" />
      <div>
        <p className="note-title">{localized(busy.explanation.title)}</p>
        <p>{localized(busy.explanation.why)}</p>
        {suggestion === 'searching' ? (
          <p className="muted">{t('signin.portBusy.searching')}</p>
        ) : suggestion === 'none' ? (
          <p>{t('signin.portBusy.none', { port: busy.port })}</p>
        ) : (
          <p>
            {t('signin.portBusy.offer', {
              registered: redirectUriOf({ redirectPort: busy.port, redirectPath: DEFAULT_REDIRECT_PATH }),
              used: redirectUriOf({ redirectPort: suggestion, redirectPath: DEFAULT_REDIRECT_PATH }),
            })}
          </p>
        )}
        <div className="actions-inline">
          {typeof suggestion === 'number' ? (
            <button type="button" className="button button-primary" onClick={() => onRetry(suggestion)}>
              {t('signin.portBusy.retry', { port: suggestion })}
            </button>
          ) : null}
          {onDeviceCode === undefined ? null : (
            <button type="button" className="button" onClick={onDeviceCode}>
              {t('signin.deviceCode.offer')}
            </button>
          )}
        </div>
        <details className="raw">
          <summary>{t('signin.portBusy.details')}</summary>
          <ExplanationView explanation={busy.explanation} header={false} />
        </details>
      </div>
    </div>
  );
}

/** What the device code sign-in needs and does, before the code is asked for. */
function DeviceCodeOffer({
  mailbox,
  outFile,
  cancelled,
  actions,
}: {
  mailbox: string;
  outFile: string;
  cancelled: boolean;
  actions: SignInActions;
}) {
  const t = useT();
  return (
    <>
      <h3 className="section-title">{t('signin.deviceCode.title')}</h3>
      {cancelled ? (
        <p className="note" role="status">
          <Icon name="info" />
          <span>{t('signin.deviceCode.cancelled')}</span>
        </p>
      ) : null}
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('signin.summary.mailbox')}</dt>
          <dd>{mailbox}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('signin.summary.file')}</dt>
          <dd>
            <code className="value">{outFile}</code>
          </dd>
        </div>
      </dl>
      <p className="lead">{t('signin.deviceCode.intro', { mailbox })}</p>
      <PublicClientNote />
      <div className="actions-inline">
        <button type="button" className="button button-primary" onClick={actions.startDeviceCode}>
          {t('signin.deviceCode.start')}
        </button>
        <button type="button" className="button" onClick={() => actions.choose('browser')}>
          {t('signin.deviceCode.useBrowser')}
        </button>
      </div>
    </>
  );
}

/** Why a device code sign-in may be refused, and what the file gets without a secret. */
function PublicClientNote() {
  const t = useT();
  return (
    <div className="note note-info">
      <Icon name="info" />
      <div>
        <p>{t('signin.deviceCode.needsPublic')}</p>
        <p>{t('signin.deviceCode.emptySecret')}</p>
      </div>
    </div>
  );
}

/** The running device code sign-in: the code, where to enter it, Entra's words, the time left, Cancel. */
function DeviceCodeProgress({ signIn, mailbox, onCancel }: ProgressProps) {
  const t = useT();
  const shown = signIn.deviceCode;
  const now: MessageKey =
    signIn.status === 'cancelling'
      ? 'signin.now.cancelling'
      : signIn.status === 'exchanging'
        ? 'signin.now.exchanging'
        : shown === undefined
          ? 'signin.deviceCode.now.starting'
          : 'signin.deviceCode.now.waiting';
  const seconds = signIn.secondsLeft;
  return (
    <div className="progress">
      <p className="now" role="status">
        <Icon name="spinner" className="spin" />
        <span>{t(now, { mailbox })}</span>
      </p>
      {shown === undefined ? null : <DeviceCodeShownView shown={shown} mailbox={mailbox} />}
      {shown === undefined || seconds === undefined ? null : (
        <Countdown seconds={seconds} texts={DEVICE_CODE_COUNTDOWN} />
      )}
      <PublicClientNote />
      <div className="actions-inline">
        <button type="button" className="button" onClick={onCancel} disabled={signIn.status === 'cancelling'}>
          {t('signin.cancel')}
        </button>
      </div>
    </div>
  );
}

function DeviceCodeShownView({ shown, mailbox }: { shown: DeviceCodeShown; mailbox: string }) {
  const t = useT();
  const api = useWizardApi();
  return (
    <>
      <ol className="device-code-steps">
        <li>{t('signin.deviceCode.step.open')}</li>
        <li>{t('signin.deviceCode.step.enter')}</li>
        <li>{t('signin.deviceCode.step.signIn', { mailbox })}</li>
      </ol>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('signin.deviceCode.code')}</dt>
          <dd>
            <div className="value-row">
              <code className="device-code" data-testid="device-code">
                {shown.userCode}
              </code>
              <CopyButton text={shown.userCode} what={t('signin.deviceCode.codeWhat')} />
            </div>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('signin.deviceCode.page')}</dt>
          <dd>
            <div className="value-row">
              <code className="value url">{shown.verificationUri}</code>
              <CopyButton text={shown.verificationUri} what={t('signin.deviceCode.pageWhat')} />
              {/* The main process opens the running session's own URI, never one from this page. */}
              <button
                type="button"
                className="button button-small"
                onClick={() => void api.openExternal({ page: 'device-login' }).catch(() => undefined)}
              >
                <Icon name="external" />
                <span>{t('signin.deviceCode.open')}</span>
              </button>
            </div>
          </dd>
        </div>
      </dl>
      {shown.message === '' ? null : (
        <figure className="entra-message">
          <figcaption>
            <span className="entra-caption">{t('signin.deviceCode.entra')}</span>
            <span className="entra-lead">{t('signin.deviceCode.entraLead')}</span>
          </figcaption>
          <blockquote>
            <p>{shown.message}</p>
          </blockquote>
        </figure>
      )}
    </>
  );
}
