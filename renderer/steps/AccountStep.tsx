/**
 * Step 1: the identity provider (as SmailRefreshToken.exe's first choice), then what the provider needs to know
 * about the account: for Microsoft the kind of account and the tenant (three choices) and, advanced, the cloud;
 * for Google how the OAuth consent screen is published and, advanced, the INI Provider= value.
 */
import { useState } from 'react';
import { CLOUD_NAMES } from '../../electron/core/providers/microsoft/clouds.js';
import type { CloudName } from '../../electron/core/providers/microsoft/clouds.js';
import { FieldErrors } from '../components/Field.js';
import { GoogleAudience, ProviderValueField } from '../components/GoogleOptions.js';
import { Icon } from '../components/Icon.js';
import { ProviderChoice } from '../components/ProviderChoice.js';
import { TenantChoice } from '../components/TenantChoice.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import type { AccountType, Action, Form } from '../state.js';
import { fieldId, issuesOf } from './step-props.js';
import type { StepProps } from './step-props.js';
import type { ValidationIssue } from '../../electron/core/sign-in/profile.js';

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

/** The cloud select (a national cloud), shared by the account step and quick mode's options. */
export function CloudSelect({
  form,
  issues,
  dispatch,
}: {
  form: Form;
  issues: readonly ValidationIssue[];
  dispatch: (action: Action) => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const personal = form.accountType === 'personal';
  return (
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
        aria-invalid={issues.length > 0}
        onChange={(e) => dispatch({ type: 'set', field: 'cloud', value: e.currentTarget.value as CloudName })}
      >
        {CLOUD_NAMES.map((name) => (
          <option key={name} value={name}>
            {t(CLOUD_LABELS[name])}
          </option>
        ))}
      </select>
      <FieldErrors id={`${fieldId('cloud')}-error`} issues={issues} localized={localized} />
      <p className="field-hint" id={`${fieldId('cloud')}-hint`}>
        {personal ? t('account.cloud.personalHint') : t('account.cloud.hint')}
      </p>
    </div>
  );
}

export function AccountStep({ state, dispatch, issues }: StepProps) {
  const t = useT();
  const localized = useLocalized();
  const { form } = state;
  const personal = form.accountType === 'personal';
  const google = form.provider === 'google';
  const cloudIssues = issuesOf(issues, 'cloud');
  const valueIssues = issuesOf(issues, 'providerValue');
  // Open at first when a cloud (or a Provider= value) was chosen; then the admin's toggle rules.
  const [advancedOpen] = useState(
    () =>
      form.cloud !== 'global' ||
      cloudIssues.length > 0 ||
      form.providerValue !== '' ||
      valueIssues.length > 0,
  );
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
      <ProviderChoice
        id={fieldId('provider')}
        value={form.provider}
        disabled={state.reissue !== undefined}
        onChange={(value) => dispatch({ type: 'set', field: 'provider', value })}
      />
      {google ? (
        <>
          <GoogleAudience
            id={fieldId('appAudience')}
            value={form.appAudience}
            issues={issuesOf(issues, 'appAudience')}
            onChange={(value) => dispatch({ type: 'set', field: 'appAudience', value })}
          />
          <details className="advanced" open={advancedOpen}>
            <summary>{t('account.advanced')}</summary>
            <ProviderValueField
              id={fieldId('providerValue')}
              value={form.providerValue}
              issues={valueIssues}
              onChange={(value) => dispatch({ type: 'set', field: 'providerValue', value })}
            />
          </details>
        </>
      ) : (
        <>
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
            <TenantChoice
              id={fieldId('tenant')}
              choice={form.tenantChoice}
              tenant={form.tenant}
              issues={issuesOf(issues, 'tenant')}
              onChoice={(value) => dispatch({ type: 'set', field: 'tenantChoice', value })}
              onTenant={(value) => dispatch({ type: 'set', field: 'tenant', value })}
              onBlur={() => dispatch({ type: 'touch', fields: ['tenant'] })}
            />
          )}

          <details className="advanced" open={advancedOpen}>
            <summary>{t('account.advanced')}</summary>
            <CloudSelect form={form} issues={cloudIssues} dispatch={dispatch} />
          </details>
        </>
      )}
    </div>
  );
}
