/** A date typed as YYYY-MM-DD (a secret's expiry): one text box, validated by the profile rules, not by a picker. */
import type { InputAria } from './Field.js';

export interface DateInputProps extends InputAria {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

export function DateInput({ value, onChange, onBlur, ...aria }: DateInputProps) {
  return (
    <input
      {...aria}
      className="input input-narrow input-mono"
      type="text"
      inputMode="numeric"
      placeholder="YYYY-MM-DD"
      value={value}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => onChange(e.currentTarget.value)}
      {...(onBlur === undefined ? {} : { onBlur })}
    />
  );
}
