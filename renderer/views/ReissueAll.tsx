/**
 * "Re-issue all with a new secret" for one app (after a secret rotation): the dialog that asks once for the new
 * secret Value (or the remembered one), then the walk through each mailbox's sign-in with Skip and Cancel all,
 * then the summary. The secret goes to the main process once and never comes back.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { validateProfile } from '../../electron/core/sign-in/profile.js';
import type { ValidationIssue } from '../../electron/core/sign-in/profile.js';
import type { ReissueSummary } from '../../electron/core/upkeep/mailbox-registry.js';
import type { IpcError } from '../../electron/shared/contract.js';
import { useWizardApi } from '../api-context.js';
import { ExplanationView } from '../components/ExplanationView.js';
import { DateInput } from '../components/DateInput.js';
import { Field } from '../components/Field.js';
import { Icon } from '../components/Icon.js';
import { OpenMailboxButton } from '../components/OpenMailboxButton.js';
import { SecretInput } from '../components/SecretInput.js';
import { useT } from '../i18n/context.js';

/** The new secret's own problems (a secret ID instead of its Value…), as the wizard's form finds them. */
export function secretIssues(clientId: string, secret: string, expiresAt: string): ValidationIssue[] {
  const result = validateProfile({
    clientId,
    clientSecret: secret,
    ...(expiresAt.trim() === '' ? {} : { clientSecretExpiresAt: expiresAt.trim() }),
  });
  return result.ok
    ? []
    : result.issues.filter((i) => i.field === 'clientSecret' || i.field === 'clientSecretExpiresAt');
}

type Phase =
  | { kind: 'dialog' }
  | { kind: 'starting' }
  | { kind: 'running'; step?: { index: number; total: number; userId: string } }
  | { kind: 'done'; summary: ReissueSummary };

export interface ReissueAllProps {
  clientId: string;
  count: number;
  /** A secret is remembered for this client ID. */
  remembered: boolean;
  encryptionAvailable: boolean;
  /** Opens a file in the file view. */
  open: (path: string) => void;
  /** The walk is over (or never started): back to the list. */
  close: () => void;
}

export function ReissueAll({
  clientId,
  count,
  remembered,
  encryptionAvailable,
  open,
  close,
}: ReissueAllProps) {
  const t = useT();
  const api = useWizardApi();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'dialog' });
  const [useRemembered, setUseRemembered] = useState(remembered);
  const [secret, setSecret] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [remember, setRemember] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<IpcError | undefined>();

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.channel !== 'reissue-all') return;
        const e = event.event;
        if (e.type === 'step')
          setPhase({ kind: 'running', step: { index: e.index, total: e.total, userId: e.userId } });
        else setPhase({ kind: 'done', summary: e.summary });
      }),
    [api],
  );

  // Focus follows the re-issue: its heading when the dialog opens (the button that opened it is now disabled)
  // and when the walk replaces the form; the summary focuses its own.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (phase.kind === 'dialog' || phase.kind === 'starting') heading.current?.focus();
  }, [phase.kind]);

  const issues = useRemembered ? [] : secretIssues(clientId, secret, expiresAt);
  const shown = submitted ? issues : [];
  const titleId = `${id}-title`;

  const start = (e: FormEvent): void => {
    e.preventDefault();
    setSubmitted(true);
    if (issues.length > 0) {
      document.getElementById(`${id}-secret`)?.focus();
      return;
    }
    setError(undefined);
    setPhase({ kind: 'starting' });
    const input = useRemembered
      ? { clientId, useRememberedSecret: true }
      : {
          clientId,
          newSecret: secret,
          ...(expiresAt.trim() === '' ? {} : { secretExpiresAt: expiresAt.trim() }),
          ...(remember && encryptionAvailable ? { rememberSecret: true } : {}),
        };
    api.startReissueAll(input).then(
      (result) => {
        if (!result.ok) {
          setError(result.error);
          setPhase({ kind: 'dialog' });
        } else setPhase((p) => (p.kind === 'starting' ? { kind: 'running' } : p));
      },
      () => setPhase({ kind: 'dialog' }),
    );
  };

  if (phase.kind === 'done') return <Summary summary={phase.summary} open={open} close={close} />;

  if (phase.kind !== 'dialog')
    return (
      <section className="file-section reissue-all" aria-labelledby={titleId}>
        <h3 id={titleId} tabIndex={-1} ref={heading}>
          {t('reissueAll.title', { clientId })}
        </h3>
        <p className="reissue-all-step" role="status">
          {phase.kind === 'running' && phase.step !== undefined
            ? t('reissueAll.step', {
                n: phase.step.index + 1,
                total: phase.step.total,
                mailbox: phase.step.userId,
              })
            : t('reissueAll.starting')}
        </p>
        {phase.kind === 'running' && phase.step !== undefined ? (
          <p className="muted">
            <Icon name="spinner" className="spin" />
            <span>{t('reissueAll.waiting')}</span>
          </p>
        ) : null}
        <div className="actions-inline">
          <button
            type="button"
            className="button"
            disabled={phase.kind !== 'running'}
            onClick={() => void api.skipReissueAllStep(undefined).catch(() => undefined)}
          >
            {t('reissueAll.skip')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void api.cancelReissueAll(undefined).catch(() => undefined)}
          >
            {t('reissueAll.cancelAll')}
          </button>
        </div>
      </section>
    );

  return (
    <section className="file-section reissue-all" aria-labelledby={titleId}>
      <h3 id={titleId} tabIndex={-1} ref={heading}>
        {t('reissueAll.title', { clientId })}
      </h3>
      <p>{t('reissueAll.intro', { count })}</p>
      {error === undefined || error.code === 'invalid-input' ? null : (
        <ExplanationView explanation={error.explanation} role="alert" />
      )}
      <form onSubmit={start} noValidate>
        {remembered ? (
          <div className="checkbox-row">
            <input
              id={`${id}-remembered`}
              type="checkbox"
              checked={useRemembered}
              onChange={(e) => setUseRemembered(e.currentTarget.checked)}
            />
            <label htmlFor={`${id}-remembered`} className="checkbox-label">
              {t('reissueAll.useRemembered')}
            </label>
          </div>
        ) : null}
        {useRemembered ? null : (
          <>
            <Field
              id={`${id}-secret`}
              label={t('reg.secret.label')}
              issues={shown.filter((i) => i.field === 'clientSecret')}
              hint={t('reg.secret.hint')}
            >
              {(aria) => <SecretInput {...aria} value={secret} onChange={setSecret} />}
            </Field>
            <Field
              id={`${id}-expires`}
              label={t('reg.secretExpires.label')}
              issues={shown.filter((i) => i.field === 'clientSecretExpiresAt')}
              hint={t('reg.secretExpires.hint')}
            >
              {(aria) => <DateInput {...aria} value={expiresAt} onChange={setExpiresAt} />}
            </Field>
            {encryptionAvailable ? (
              <div className="checkbox-row">
                <input
                  id={`${id}-remember`}
                  type="checkbox"
                  checked={remember}
                  onChange={(e) => setRemember(e.currentTarget.checked)}
                />
                <label htmlFor={`${id}-remember`} className="checkbox-label">
                  {t('reg.remember.label')}
                </label>
              </div>
            ) : null}
          </>
        )}
        <div className="actions-inline">
          <button type="submit" className="button button-primary" disabled={phase.kind !== 'dialog'}>
            {t('reissueAll.start')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('reissueAll.dismiss')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Summary({
  summary,
  open,
  close,
}: {
  summary: ReissueSummary;
  open: (path: string) => void;
  close: () => void;
}) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The walk's section was just replaced: keep the keyboard where the admin is reading.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="file-section reissue-all" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {t('reissueAll.summary.title')}
      </h3>
      <p role="status">
        {t('reissueAll.summary.counts', {
          reissued: summary.reissued.length,
          skipped: summary.skipped.length,
          failed: summary.failed.length,
        })}
      </p>
      {summary.notReached.length > 0 ? (
        <p>{t('reissueAll.summary.notReached', { count: summary.notReached.length })}</p>
      ) : null}
      {/* Every row names its file: one mailbox may have several. What still has the old secret (skipped, failed,
          not reached) can be opened to re-issue on its own before that secret expires. */}
      <ul className="reissue-all-list">
        {summary.reissued.map((m) => (
          <li key={m.path}>
            <Icon name="check" />
            <span className="mailbox-name">{m.mailbox}</span>
            <code className="value">{m.path}</code>
            <span className="muted">{t('reissueAll.summary.reissued')}</span>
          </li>
        ))}
        {summary.skipped.map((m) => (
          <li key={m.path}>
            <Icon name="info" />
            <span className="mailbox-name">{m.mailbox}</span>
            <code className="value">{m.path}</code>
            <span className="muted">{t('reissueAll.summary.skipped')}</span>
            <OpenMailboxButton mailbox={m.mailbox} onClick={() => open(m.path)} />
          </li>
        ))}
        {summary.failed.map((m) => (
          <li key={m.path} className="reissue-all-failed">
            <Icon name="error" />
            <span className="mailbox-name">{m.mailbox}</span>
            <code className="value">{m.path}</code>
            <span className="row-problem">{t('reissueAll.summary.failed')}</span>
            <OpenMailboxButton mailbox={m.mailbox} onClick={() => open(m.path)} />
            <ExplanationView explanation={m.explanation} />
          </li>
        ))}
        {summary.notReached.map((m) => (
          <li key={m.path}>
            <Icon name="info" />
            <span className="mailbox-name">{m.mailbox}</span>
            <code className="value">{m.path}</code>
            <span className="muted">{t('reissueAll.summary.notReachedRow')}</span>
            <OpenMailboxButton mailbox={m.mailbox} onClick={() => open(m.path)} />
          </li>
        ))}
      </ul>
      <div className="actions-inline">
        <button type="button" className="button" onClick={close}>
          {t('reissueAll.summary.close')}
        </button>
      </div>
    </section>
  );
}
