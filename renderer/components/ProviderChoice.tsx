/**
 * The identity provider, the first choice as in SmailRefreshToken.exe's list: one select, Microsoft first (the
 * default), each provider named as admins know it.
 */
import { PROVIDERS } from '../../electron/core/providers/registry.js';
import { PROVIDER_IDS } from '../../electron/core/providers/types.js';
import type { ProviderId } from '../../electron/core/providers/types.js';
import { useLocalized, useT } from '../i18n/context.js';

export function ProviderChoice({
  id,
  value,
  onChange,
  disabled = false,
  hint = true,
}: {
  id: string;
  value: ProviderId;
  onChange: (provider: ProviderId) => void;
  disabled?: boolean;
  /** Quick mode keeps to the fields: the provider's description is the guided wizard's. */
  hint?: boolean;
}) {
  const t = useT();
  const localized = useLocalized();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('provider.label')}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.value as ProviderId)}
      >
        {PROVIDER_IDS.map((p) => (
          <option key={p} value={p}>
            {localized(PROVIDERS[p].displayName)}
          </option>
        ))}
      </select>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {t(value === 'google' ? 'provider.hint.google' : 'provider.hint.microsoft')}
        </p>
      ) : null}
    </div>
  );
}
