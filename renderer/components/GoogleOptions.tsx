/**
 * Google's own questions: how the OAuth consent screen is published (recorded in the file as AppAudience, since
 * Google's answers never say that a Testing app's tokens die after 7 days), and, under advanced, the INI
 * `Provider=` value SMAIL reads, which is unconfirmed for Google and so shown and editable.
 */
import { PROVIDERS } from '../../electron/core/providers/registry.js';
import type { AppAudience, ValidationIssue } from '../../electron/core/sign-in/profile.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import { Field, FieldErrors } from './Field.js';
import { Icon } from './Icon.js';

const AUDIENCES: readonly { value: AppAudience; label: MessageKey; hint: MessageKey }[] = [
  { value: 'internal', label: 'google.audience.internal', hint: 'google.audience.internalHint' },
  { value: 'production', label: 'google.audience.production', hint: 'google.audience.productionHint' },
  { value: 'testing', label: 'google.audience.testing', hint: 'google.audience.testingHint' },
];

export function GoogleAudience({
  id,
  value,
  issues,
  onChange,
}: {
  id: string;
  value: AppAudience | '';
  issues: readonly ValidationIssue[];
  onChange: (value: AppAudience) => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`choice-group${issues.length > 0 ? ' field-invalid' : ''}`}
      aria-describedby={issues.length > 0 ? errorId : undefined}
    >
      <legend className="field-label">{t('google.audience.legend')}</legend>
      {AUDIENCES.map((a, i) => (
        <div key={a.value} className="checkbox-row">
          <input
            id={i === 0 ? id : `${id}-${a.value}`}
            type="radio"
            name={`${id}-audience`}
            value={a.value}
            checked={value === a.value}
            aria-describedby={`${id}-${a.value}-hint`}
            aria-invalid={issues.length > 0}
            onChange={() => onChange(a.value)}
          />
          <div>
            <label htmlFor={i === 0 ? id : `${id}-${a.value}`} className="checkbox-label">
              {t(a.label)}
            </label>
            <p className="field-hint" id={`${id}-${a.value}-hint`}>
              {t(a.hint)}
            </p>
          </div>
        </div>
      ))}
      <FieldErrors id={errorId} issues={issues} localized={localized} />
      {value === 'testing' ? (
        <div className="note note-warning" role="status">
          <Icon name="warning" />
          <p>{t('google.audience.testingWarning')}</p>
        </div>
      ) : null}
    </fieldset>
  );
}

export function ProviderValueField({
  id,
  value,
  issues,
  onChange,
}: {
  id: string;
  value: string;
  issues: readonly ValidationIssue[];
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <Field
      id={id}
      label={t('google.providerValue.label')}
      issues={issues}
      hint={t('google.providerValue.hint', { value: PROVIDERS.google.iniProviderValue })}
    >
      {(aria) => (
        <input
          {...aria}
          className="input input-narrow input-mono"
          type="text"
          inputMode="numeric"
          value={value}
          autoComplete="off"
          spellCheck={false}
          placeholder={PROVIDERS.google.iniProviderValue}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
