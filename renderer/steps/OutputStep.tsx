/**
 * Step 4: the INI file to write. When it exists, says it will be backed up as `.bak` and which keys change;
 * shows values other readers would misread.
 */
import { OAUTH2_KEYS } from '../../electron/core/token-file/schema.js';
import type { PortabilityWarning } from '../../electron/core/token-file/token-file.js';
import { ExplanationView } from '../components/ExplanationView.js';
import { Field } from '../components/Field.js';
import { Icon } from '../components/Icon.js';
import { useWizardApi } from '../api-context.js';
import { useT } from '../i18n/context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { fieldId, issuesOf } from './step-props.js';
import type { StepProps } from './step-props.js';

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

export function OutputStep({ state, dispatch, issues }: StepProps) {
  const t = useT();
  const api = useWizardApi();
  const { form, plan } = state;

  const choose = (): void => {
    void api.chooseOutputFile({ suggestedPath: form.outFile }).then((path) => {
      if (path !== undefined) dispatch({ type: 'set', field: 'outFile', value: path });
    });
  };

  return (
    <div className="step-body">
      <Field
        id={fieldId('outFile')}
        label={t('output.file.label')}
        issues={issuesOf(issues, 'outFile')}
        hint={t('output.file.hint')}
      >
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

      <div className="plan" aria-live="polite">
        {plan.status === 'loading' ? (
          <p className="muted">
            <Icon name="spinner" className="spin" />
            <span>{t('output.plan.loading')}</span>
          </p>
        ) : null}
        {plan.status === 'ready' && plan.path === form.outFile ? (
          plan.plan.exists ? (
            <div className="note note-info">
              <Icon name="info" />
              <div>
                <p className="note-title">{t('output.plan.exists')}</p>
                <p>{t('output.plan.backup', { backup: `${form.outFile}.bak` })}</p>
                <p>{t('output.plan.keys', { keys: OAUTH2_KEYS.join(', ') })}</p>
                {plan.plan.changedKeys.length > 0 ? (
                  <p>{t('output.plan.changed', { keys: plan.plan.changedKeys.join(', ') })}</p>
                ) : null}
                {plan.plan.addedKeys.length > 0 ? (
                  <p>{t('output.plan.added', { keys: plan.plan.addedKeys.join(', ') })}</p>
                ) : null}
                {plan.plan.duplicatesRemoved.length > 0 ? (
                  <p>{t('output.plan.duplicates', { keys: plan.plan.duplicatesRemoved.join(', ') })}</p>
                ) : null}
                <p>{t('output.plan.kept')}</p>
              </div>
            </div>
          ) : (
            <p className="note">
              <Icon name="check" />
              <span>{t('output.plan.new')}</span>
            </p>
          )
        ) : null}
        {plan.status === 'ready' && plan.path === form.outFile ? (
          <PortabilityWarnings warnings={plan.plan.warnings} />
        ) : null}
        {plan.status === 'error' && plan.path === form.outFile ? (
          <ExplanationView explanation={plan.explanation} />
        ) : null}
      </div>
    </div>
  );
}
