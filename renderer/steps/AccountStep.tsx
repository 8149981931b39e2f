/** Step 1: which kind of account signs in, the tenant, and (advanced) the cloud. */
import { useState } from 'react';
import { CLOUD_NAMES } from '../../electron/core/providers/microsoft/clouds.js';
import type { CloudName } from '../../electron/core/providers/microsoft/clouds.js';
import { Field, FieldErrors } from '../components/Field.js';
import { Icon } from '../components/Icon.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import type { AccountType } from '../state.js';
import { fieldId, issuesOf } from './step-props.js';
import type { StepProps } from './step-props.js';

const CLOUD_LABELS: Readonly<Record<CloudName, MessageKey>> = {
  global: 'account.cloud.global',
  usgov: 'account.cloud.usgov',
  'usgov-dod': 'account.cloud.usgovDod',
  china: 'account.cloud.china',
};

const ACCOUNT_TYPES: readonly { type: AccountType; label: MessageKey; hint: MessageKey }[] = [
  { type: 'work', label: 'account.type.work', hint: 'account.type.workHint' },
  { type: 'personal', label: 'account.type.personal', hint: 'account.type.personalHint' },
];

export function AccountStep({ state, dispatch, issues }: StepProps) {
  const t = useT();
  const localized = useLocalized();
  const { form } = state;
  const personal = form.accountType === 'personal';
  const cloudIssues = issuesOf(issues, 'cloud');
  // Open at first when a cloud was chosen; then the admin's toggle rules (never closed under their focus).
  const [advancedOpen] = useState(() => form.cloud !== 'global' || cloudIssues.length > 0);
  const customAuthority = state.reissue?.authority;
  if (customAuthority !== undefined)
    return (
      <div className="step-body">
        <p className="note note-info" id={fieldId('authority')} tabIndex={-1}>
          <Icon name="info" />
          <span>{t('account.customAuthority', { authority: customAuthority })}</span>
        </p>
        {/* Nothing here can change it, but a file with an authority MSAL refuses must say why it cannot go on. */}
        <FieldErrors
          id={`${fieldId('authority')}-error`}
          issues={issuesOf(issues, 'authority')}
          localized={localized}
        />
      </div>
    );
  return (
    <div className="step-body">
      <fieldset className="choice-group">
        <legend className="field-label">{t('account.type.legend')}</legend>
        {ACCOUNT_TYPES.map(({ type, label, hint }) => (
          <label key={type} className={`choice-card${form.accountType === type ? ' is-selected' : ''}`}>
            <input
              type="radio"
              name="accountType"
              value={type}
              checked={form.accountType === type}
              onChange={() => dispatch({ type: 'set', field: 'accountType', value: type })}
            />
            <span className="choice-text">
              <span className="choice-title">{t(label)}</span>
              <span className="choice-hint">{t(hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {personal ? (
        <p className="note">
          <Icon name="info" />
          <span>{t('account.personalTenant')}</span>
        </p>
      ) : (
        <Field
          id={fieldId('tenant')}
          label={t('account.tenant.label')}
          issues={issuesOf(issues, 'tenant')}
          hint={
            <ul className="hint-list">
              <li>{t('account.tenant.hintCommon')}</li>
              <li>{t('account.tenant.hintOrganizations')}</li>
              <li>{t('account.tenant.hintSingle')}</li>
            </ul>
          }
        >
          {(aria) => (
            <input
              {...aria}
              className="input input-mono"
              type="text"
              value={form.tenant}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => dispatch({ type: 'set', field: 'tenant', value: e.currentTarget.value })}
              onBlur={() => dispatch({ type: 'touch', fields: ['tenant'] })}
            />
          )}
        </Field>
      )}

      <details className="advanced" open={advancedOpen}>
        <summary>{t('account.advanced')}</summary>
        <div className="field">
          <label className="field-label" htmlFor={fieldId('cloud')}>
            {t('account.cloud.label')}
          </label>
          <select
            id={fieldId('cloud')}
            className="input"
            value={personal ? 'global' : form.cloud}
            disabled={personal}
            aria-describedby={`${fieldId('cloud')}-hint`}
            aria-invalid={cloudIssues.length > 0}
            onChange={(e) =>
              dispatch({ type: 'set', field: 'cloud', value: e.currentTarget.value as CloudName })
            }
          >
            {CLOUD_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(CLOUD_LABELS[name])}
              </option>
            ))}
          </select>
          <FieldErrors id={`${fieldId('cloud')}-error`} issues={cloudIssues} localized={localized} />
          <p className="field-hint" id={`${fieldId('cloud')}-hint`}>
            {personal ? t('account.cloud.personalHint') : t('account.cloud.hint')}
          </p>
        </div>
      </details>
    </div>
  );
}
