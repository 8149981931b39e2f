/**
 * The tenant as three choices: as the SMAIL manual registers the app (`common`), this organization only (its
 * domain or tenant ID, the field appearing with the choice), or another value (`organizations`, `consumers`).
 */
import type { ValidationIssue } from '../../electron/core/sign-in/profile.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import type { TenantChoice as Choice } from '../state.js';
import { Field, FieldErrors } from './Field.js';

const CHOICES: readonly { value: Choice; label: MessageKey; hint: MessageKey }[] = [
  { value: 'common', label: 'tenant.common', hint: 'tenant.commonHint' },
  { value: 'organization', label: 'tenant.organization', hint: 'tenant.organizationHint' },
  { value: 'other', label: 'tenant.other', hint: 'tenant.otherHint' },
];

export function TenantChoice({
  id,
  choice,
  tenant,
  issues,
  onChoice,
  onTenant,
  onBlur,
}: {
  /** The id of the tenant text field (the choice's radios derive theirs from it). */
  id: string;
  choice: Choice;
  tenant: string;
  issues: readonly ValidationIssue[];
  onChoice: (choice: Choice) => void;
  onTenant: (tenant: string) => void;
  onBlur: () => void;
}) {
  const t = useT();
  const localized = useLocalized();
  return (
    <fieldset className="choice-group tenant-choice">
      <legend className="field-label">{t('account.tenant.label')}</legend>
      {CHOICES.map(({ value, label, hint }) => (
        <div key={value} className="checkbox-row">
          <input
            id={`${id}-${value}`}
            type="radio"
            name={`${id}-choice`}
            value={value}
            checked={choice === value}
            aria-describedby={`${id}-${value}-hint`}
            onChange={() => onChoice(value)}
          />
          <div>
            <label htmlFor={`${id}-${value}`} className="checkbox-label">
              {t(label)}
            </label>
            <p className="field-hint" id={`${id}-${value}-hint`}>
              {t(hint)}
            </p>
          </div>
        </div>
      ))}
      {choice === 'common' ? (
        <FieldErrors id={`${id}-error`} issues={issues} localized={localized} />
      ) : (
        <Field
          id={id}
          label={t(choice === 'organization' ? 'tenant.organizationField' : 'tenant.otherField')}
          issues={issues}
        >
          {(aria) => (
            <input
              {...aria}
              className="input input-mono"
              type="text"
              value={tenant}
              autoComplete="off"
              spellCheck={false}
              placeholder={choice === 'organization' ? 'contoso.onmicrosoft.com' : 'organizations'}
              onChange={(e) => onTenant(e.currentTarget.value)}
              onBlur={onBlur}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}
