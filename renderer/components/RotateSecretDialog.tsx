/**
 * "Rotate secret" for one app of the mailboxes view: asks once for the app's new secret Value (its expiry, and
 * whether to remember it), sends it to the main process once, and shows what became of each file: rotated, needs
 * a sign-in (one click to re-issue it), failed (explained), skipped. Nobody signs in for the rotated ones; a Value
 * the identity provider refuses changes nothing, and the form stays for another try. The secret never comes back
 * from the main process, and the field is emptied once it was sent.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Explanation } from '../../electron/core/diagnose/types.js';
import type { ValidationIssue } from '../../electron/core/sign-in/profile.js';
import type { RotationOutcome } from '../../electron/core/upkeep/rotate-secret.js';
import type {
  InputIssue,
  IpcError,
  RememberedSecretChange,
  RotateSecretReport,
} from '../../electron/shared/contract.js';
import { useWizardApi } from '../api-context.js';
import { CATALOGUE } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import { DateInput } from './DateInput.js';
import { ExplanationView } from './ExplanationView.js';
import { Field } from './Field.js';
import { Icon } from './Icon.js';
import { OpenMailboxButton } from './OpenMailboxButton.js';
import { SecretInput } from './SecretInput.js';

export interface RotateSecretDialogProps {
  clientId: string;
  /** Listed files of the app. */
  count: number;
  /** A secret is remembered for this app (then remembering the new one is ticked). */
  remembered: boolean;
  encryptionAvailable: boolean;
  /** Opens a file in the file view. */
  open: (path: string) => void;
  /** Re-issues a file: the wizard filled in from it, keeping the secret it now holds. */
  reissue?: (path: string) => void;
  /** Back to the list. */
  close: () => void;
}

type Phase =
  | { kind: 'form'; refused?: { file: string; explanation: Explanation }; error?: IpcError }
  | { kind: 'running' }
  | { kind: 'done'; report: Extract<RotateSecretReport, { status: 'done' | 'no-files' }> };

/** What the summary says of the remembered secret, when something became of it. */
const REMEMBERED: Readonly<Record<Exclude<RememberedSecretChange, 'unchanged'>, MessageKey>> = {
  replaced: 'rotateSecret.remembered.replaced',
  forgotten: 'rotateSecret.remembered.forgotten',
  'encryption-unavailable': 'rotateSecret.remembered.unavailable',
  failed: 'rotateSecret.remembered.failed',
};

/** The field problems the main process found (the provider's rules for the secret, the date's). */
function fieldIssues(error: IpcError | undefined): ValidationIssue[] {
  const issues: InputIssue[] = error?.code === 'invalid-input' ? (error.issues ?? []) : [];
  return issues.filter(
    (i): i is ValidationIssue => i.field === 'clientSecret' || i.field === 'clientSecretExpiresAt',
  );
}

export function RotateSecretDialog({
  clientId,
  count,
  remembered,
  encryptionAvailable,
  open,
  reissue,
  close,
}: RotateSecretDialogProps) {
  const t = useT();
  const api = useWizardApi();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [secret, setSecret] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [remember, setRemember] = useState(remembered && encryptionAvailable);
  const [empty, setEmpty] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = `${id}-title`;

  // The heading takes the focus when the dialog opens (the button that opened it is now disabled).
  useEffect(() => heading.current?.focus(), []);

  const issues = fieldIssues(phase.kind === 'form' ? phase.error : undefined);
  const secretIssues: ValidationIssue[] = empty
    ? [{ field: 'clientSecret', key: 'secretRequired', message: CATALOGUE['rotateSecret.secretRequired'] }]
    : issues.filter((i) => i.field === 'clientSecret');

  const start = (e: FormEvent): void => {
    e.preventDefault();
    if (secret.trim() === '') {
      setEmpty(true);
      document.getElementById(`${id}-secret`)?.focus();
      return;
    }
    setEmpty(false);
    const input = {
      clientId,
      newSecret: secret,
      ...(expiresAt.trim() === '' ? {} : { secretExpiresAt: expiresAt.trim() }),
      // Unticked while one is remembered: the remembered one is the old secret, forgotten.
      ...(encryptionAvailable ? { rememberSecret: remember } : {}),
    };
    // Sent once; the field does not keep it.
    setSecret('');
    setPhase({ kind: 'running' });
    api.rotateSecret(input).then(
      (result) => {
        if (!result.ok) setPhase({ kind: 'form', error: result.error });
        else if (result.value.status === 'refused')
          setPhase({
            kind: 'form',
            refused: { file: result.value.file, explanation: result.value.explanation },
          });
        else setPhase({ kind: 'done', report: result.value });
      },
      () => setPhase({ kind: 'form' }),
    );
  };

  if (phase.kind === 'done')
    return <Summary report={phase.report} open={open} reissue={reissue} close={close} />;

  const running = phase.kind === 'running';
  const refused = phase.kind === 'form' ? phase.refused : undefined;
  const error = phase.kind === 'form' ? phase.error : undefined;
  return (
    <section className="file-section rotate-secret" aria-labelledby={titleId} aria-busy={running}>
      <h3 id={titleId} tabIndex={-1} ref={heading}>
        {t('rotateSecret.title', { clientId })}
      </h3>
      <p>{t('rotateSecret.intro', { count })}</p>
      {refused === undefined ? null : (
        <div role="alert">
          <p className="row-problem">{t('rotateSecret.refused', { file: refused.file })}</p>
          <ExplanationView explanation={refused.explanation} />
        </div>
      )}
      {error === undefined || error.code === 'invalid-input' ? null : (
        <ExplanationView explanation={error.explanation} role="alert" />
      )}
      <form onSubmit={start} noValidate>
        <Field
          id={`${id}-secret`}
          label={t('rotateSecret.secret.label')}
          issues={secretIssues}
          hint={t('reg.secret.hint')}
        >
          {(aria) => <SecretInput {...aria} value={secret} onChange={setSecret} disabled={running} />}
        </Field>
        <Field
          id={`${id}-expires`}
          label={t('reg.secretExpires.label')}
          issues={issues.filter((i) => i.field === 'clientSecretExpiresAt')}
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
              disabled={running}
              onChange={(e) => setRemember(e.currentTarget.checked)}
            />
            <label htmlFor={`${id}-remember`} className="checkbox-label">
              {t(remembered ? 'rotateSecret.rememberReplace' : 'reg.remember.label')}
            </label>
          </div>
        ) : null}
        {running ? (
          <p className="muted" role="status">
            <Icon name="spinner" className="spin" />
            <span>{t('rotateSecret.running', { count })}</span>
          </p>
        ) : null}
        <div className="actions-inline">
          <button type="submit" className="button button-primary" disabled={running}>
            {t('rotateSecret.start')}
          </button>
          <button type="button" className="button" disabled={running} onClick={close}>
            {t('rotateSecret.dismiss')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** What the rotation did, file by file, with what is left to do one click away. */
function Summary({
  report,
  open,
  reissue,
  close,
}: {
  report: Extract<RotateSecretReport, { status: 'done' | 'no-files' }>;
  open: (path: string) => void;
  reissue: ((path: string) => void) | undefined;
  close: () => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form was just replaced: keep the keyboard where the admin is reading.
  useEffect(() => heading.current?.focus(), []);
  const summary =
    report.status === 'done'
      ? report.summary
      : { rotated: 0, needsSignIn: 0, failed: 0, skipped: report.outcomes.length };
  return (
    <section className="file-section rotate-secret" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {t('rotateSecret.summary.title')}
      </h3>
      <p role="status">{t('rotateSecret.summary.counts', { ...summary })}</p>
      {report.status === 'no-files' ? <p>{t('rotateSecret.summary.noFiles')}</p> : null}
      {report.status === 'done' && !report.verified ? <p>{t('rotateSecret.summary.unproven')}</p> : null}
      {report.status === 'done' && report.rememberedSecret !== 'unchanged' ? (
        <p>{t(REMEMBERED[report.rememberedSecret])}</p>
      ) : null}
      <ul className="reissue-all-list">
        {report.outcomes.map((outcome) => (
          <Row key={outcome.file} outcome={outcome} open={open} reissue={reissue} localized={localized} />
        ))}
      </ul>
      <div className="actions-inline">
        <button type="button" className="button" onClick={close}>
          {t('rotateSecret.summary.close')}
        </button>
      </div>
    </section>
  );
}

function Row({
  outcome,
  open,
  reissue,
  localized,
}: {
  outcome: RotationOutcome;
  open: (path: string) => void;
  reissue: ((path: string) => void) | undefined;
  localized: ReturnType<typeof useLocalized>;
}) {
  const t = useT();
  const mailbox = outcome.mailbox ?? '';
  const name = (
    <>
      <span className="mailbox-name">{mailbox}</span>
      <code className="value">{outcome.file}</code>
    </>
  );
  switch (outcome.status) {
    case 'rotated':
      return (
        <li>
          <Icon name="check" />
          {name}
          <span className="muted">{t('rotateSecret.row.rotated')}</span>
        </li>
      );
    case 'skipped':
      return (
        <li>
          <Icon name="info" />
          {name}
          <span className="muted">
            {outcome.reason === 'other-app'
              ? t('rotateSecret.row.otherApp', { clientId: outcome.clientId ?? '' })
              : t('rotateSecret.row.publicClient')}
          </span>
        </li>
      );
    case 'needs-sign-in':
      return (
        <li className="reissue-all-failed">
          <Icon name="warning" />
          {name}
          <span className="row-problem">
            {t(outcome.secretRecorded ? 'rotateSecret.row.signInRecorded' : 'rotateSecret.row.signIn')}
          </span>
          {reissue === undefined ? (
            <OpenMailboxButton mailbox={mailbox} onClick={() => open(outcome.file)} />
          ) : (
            <button
              type="button"
              className="button button-small button-primary"
              aria-label={t('rotateSecret.reissueLabel', { mailbox })}
              onClick={() => reissue(outcome.file)}
            >
              {t('rotateSecret.reissue')}
            </button>
          )}
          <p className="muted">{localized(outcome.explanation.title)}</p>
        </li>
      );
    case 'failed':
      return (
        <li className="reissue-all-failed">
          <Icon name="error" />
          {name}
          <span className="row-problem">{t('rotateSecret.row.failed')}</span>
          <OpenMailboxButton mailbox={mailbox} onClick={() => open(outcome.file)} />
          <ExplanationView explanation={outcome.explanation} />
        </li>
      );
  }
}
