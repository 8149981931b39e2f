/**
 * The INI file to write, with what writing it would do: by default a file per mailbox (a folder named after the
 * address, said where), a path of the admin's choice otherwise; when the file exists, that it is backed up as
 * `.bak` and which keys change; and when it holds ANOTHER mailbox's token (its UserID changes), an amber warning
 * that needs a confirmation, since that token would then survive only in `.bak`.
 */
import { useEffect, useState } from 'react';
import { OAUTH2_KEYS } from '../../electron/core/token-file/schema.js';
import type { PortabilityWarning } from '../../electron/core/token-file/token-file.js';
import type { ValidationIssue } from '../../electron/core/sign-in/profile.js';
import { useWizardApi } from '../api-context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useT } from '../i18n/context.js';
import { pathParts, replacesOtherMailbox } from '../state.js';
import type { Action, WizardState } from '../state.js';
import { ExplanationView } from './ExplanationView.js';
import { Field } from './Field.js';
import { Icon } from './Icon.js';

const READER_LABELS: Readonly<Record<PortabilityWarning['readers'][number], MessageKey>> = {
  ini: 'output.reader.ini',
  python: 'output.reader.python',
};

/** The portability warnings, in a sentence each. */
export function PortabilityWarnings({ warnings }: { warnings: readonly PortabilityWarning[] }) {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <div className="note note-warning">
      <Icon name="warning" />
      <div>
        <p className="note-title">{t('output.warnings.title')}</p>
        <ul>
          {warnings.map((w) => (
            <li key={w.key}>
              {t('output.warnings.item', {
                key: w.key,
                readers: w.readers.map((r) => t(READER_LABELS[r])).join(t('list.separator')),
              })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The id of the replacement's confirmation, for focus when a sign-in is held back by it. */
export const CONFIRM_REPLACE_ID = 'confirm-replace';

/** The amber warning of a file holding another mailbox's token, naming that mailbox when the file says. */
function ReplaceWarning({ state, dispatch }: { state: WizardState; dispatch: (action: Action) => void }) {
  const t = useT();
  const api = useWizardApi();
  const { outFile, userId } = state.form;
  const [other, setOther] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setOther(undefined);
    api.tokenHealth({ path: outFile }).then(
      (result) => live && result.ok && result.value.mailbox !== '' && setOther(result.value.mailbox),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, outFile]);
  const confirmed =
    state.replaceConfirmed?.path === outFile && state.replaceConfirmed.userId === state.form.userId;
  return (
    <div className="note note-warning replace-warning" role="alert">
      <Icon name="warning" />
      <div>
        <p className="note-title">
          {other === undefined
            ? t('output.replace.titleUnknown', { mailbox: userId })
            : t('output.replace.title', { other, mailbox: userId })}
        </p>
        <p>{t('output.replace.body', { backup: `${pathParts(outFile).name}.bak` })}</p>
        <div className="checkbox-row">
          <input
            id={CONFIRM_REPLACE_ID}
            type="checkbox"
            checked={confirmed}
            onChange={(e) => dispatch({ type: 'confirm-replace', confirmed: e.currentTarget.checked })}
          />
          <label htmlFor={CONFIRM_REPLACE_ID} className="checkbox-label">
            {t('output.replace.confirm', { other: other ?? t('output.replace.otherUnknown') })}
          </label>
        </div>
      </div>
    </div>
  );
}

export function OutputFileField({
  id,
  state,
  dispatch,
  issues,
  compact = false,
}: {
  id: string;
  state: WizardState;
  dispatch: (action: Action) => void;
  issues: readonly ValidationIssue[];
  /** Quick mode: what writing would do in one line, without the list of keys. */
  compact?: boolean;
}) {
  const t = useT();
  const api = useWizardApi();
  const { form, plan } = state;
  const choose = (): void => {
    void api.chooseOutputFile({ suggestedPath: form.outFile }).then((path) => {
      if (path !== undefined) dispatch({ type: 'set', field: 'outFile', value: path });
    });
  };
  const { folder } = pathParts(form.outFile);
  const hint = form.outFileAuto
    ? form.userId.trim() === ''
      ? t('output.file.hintPerMailboxEmpty')
      : t('output.file.hintPerMailbox', { folder })
    : t('output.file.hint');
  const ready = plan.status === 'ready' && plan.path === form.outFile ? plan.plan : undefined;
  const replacing =
    replacesOtherMailbox(state) ||
    (state.replaceConfirmed?.path === form.outFile && ready?.changedKeys.includes('UserID') === true);

  return (
    <div className="output-file">
      <Field id={id} label={t('output.file.label')} issues={issues} hint={hint}>
        {(aria) => (
          <div className="input-with-button">
            <input
              {...aria}
              className="input input-mono"
              type="text"
              value={form.outFile}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => dispatch({ type: 'set', field: 'outFile', value: e.currentTarget.value })}
              onBlur={() => dispatch({ type: 'touch', fields: ['outFile'] })}
            />
            <button type="button" className="button" onClick={choose}>
              <Icon name="folder" />
              <span>{t('output.choose')}</span>
            </button>
          </div>
        )}
      </Field>
      {form.outFileAuto || state.defaultOutFile === '' || form.userId.trim() === '' ? null : (
        <button
          type="button"
          className="button button-link"
          onClick={() => dispatch({ type: 'set', field: 'outFileAuto', value: true })}
        >
          {t('output.file.usePerMailbox')}
        </button>
      )}

      <div className="plan" aria-live="polite">
        {plan.status === 'loading' && plan.path === form.outFile ? (
          <p className="muted">
            <Icon name="spinner" className="spin" />
            <span>{t('output.plan.loading')}</span>
          </p>
        ) : null}
        {ready === undefined ? null : replacing ? null : ready.exists ? (
          <div className="note note-info">
            <Icon name="info" />
            <div>
              <p className="note-title">{t('output.plan.exists')}</p>
              <p>{t('output.plan.backup', { backup: `${form.outFile}.bak` })}</p>
              {compact ? null : (
                <>
                  <p>{t('output.plan.keys', { keys: OAUTH2_KEYS.join(', ') })}</p>
                  {ready.changedKeys.length > 0 ? (
                    <p>{t('output.plan.changed', { keys: ready.changedKeys.join(', ') })}</p>
                  ) : null}
                  {ready.addedKeys.length > 0 ? (
                    <p>{t('output.plan.added', { keys: ready.addedKeys.join(', ') })}</p>
                  ) : null}
                  {ready.duplicatesRemoved.length > 0 ? (
                    <p>{t('output.plan.duplicates', { keys: ready.duplicatesRemoved.join(', ') })}</p>
                  ) : null}
                  <p>{t('output.plan.kept')}</p>
                </>
              )}
            </div>
          </div>
        ) : compact ? null : (
          <p className="note">
            <Icon name="check" />
            <span>{t('output.plan.new')}</span>
          </p>
        )}
        {ready === undefined ? null : <PortabilityWarnings warnings={ready.warnings} />}
        {plan.status === 'error' && plan.path === form.outFile ? (
          <ExplanationView explanation={plan.explanation} />
        ) : null}
      </div>
      {replacing ? <ReplaceWarning state={state} dispatch={dispatch} /> : null}
    </div>
  );
}
