/**
 * The client secret input: masked by default, with a show/hide toggle.
 *
 * Uncontrolled on purpose: React mirrors a controlled input's value into its `value` attribute, which would
 * put the secret into the DOM markup (inspectors, attribute selectors). Here the value is set only as the
 * element's property, so the secret never appears in any attribute or text node.
 */
import { useEffect, useRef, useState } from 'react';
import type { InputAria } from './Field.js';
import { useT } from '../i18n/context.js';
import { Icon } from './Icon.js';

export interface SecretInputProps extends InputAria {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  disabled?: boolean;
}

export function SecretInput({ value, onChange, onBlur, disabled, ...aria }: SecretInputProps) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  // Sync the property (never the attribute) when the state changes from outside the input.
  useEffect(() => {
    const input = ref.current;
    if (input !== null && input.value !== value) input.value = value;
  }, [value]);

  return (
    <div className="secret-input">
      <input
        {...aria}
        ref={ref}
        className="input input-mono"
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        data-lpignore="true"
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={onBlur}
      />
      <button
        type="button"
        className="button button-small"
        aria-pressed={shown}
        aria-controls={aria.id}
        onClick={() => setShown((s) => !s)}
        disabled={disabled}
      >
        <Icon name={shown ? 'eye-off' : 'eye'} />
        <span>{shown ? t('secret.hide') : t('secret.show')}</span>
      </button>
    </div>
  );
}
