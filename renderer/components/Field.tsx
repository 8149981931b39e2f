/**
 * A labelled form field with its hint and its problems. The input gets `aria-describedby` (hint and
 * problems) and `aria-invalid`, so a screen reader reads what to fix when the field is focused.
 */
import type { ReactNode } from 'react';
import type { ValidationIssue } from '../../electron/core/sign-in/profile.js';
import { useLocalized } from '../i18n/context.js';
import { Icon } from './Icon.js';

/** The props a field gives its input. */
export interface InputAria {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid': boolean;
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  issues: readonly ValidationIssue[];
  children: (aria: InputAria) => ReactNode;
}

/** The id of a field's error list, for tests and `aria-describedby`. */
export const errorIdOf = (id: string): string => `${id}-error`;

export function Field({ id, label, hint, issues, children }: FieldProps) {
  const localized = useLocalized();
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = issues.length > 0 ? errorIdOf(id) : undefined;
  const describedBy = [errorId, hintId].filter((x) => x !== undefined).join(' ');
  return (
    <div className={`field${issues.length > 0 ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
        'aria-invalid': issues.length > 0,
      })}
      <FieldErrors id={errorId} issues={issues} localized={localized} />
      {hint === undefined ? null : (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      )}
    </div>
  );
}

/** The problems of a field (or a group of fields), each with an icon. */
export function FieldErrors({
  id,
  issues,
  localized,
}: {
  id: string | undefined;
  issues: readonly ValidationIssue[];
  localized: (text: ValidationIssue['message']) => string;
}) {
  if (issues.length === 0 || id === undefined) return null;
  return (
    <ul className="field-errors" id={id}>
      {issues.map((issue) => (
        <li key={issue.key}>
          <Icon name="error" />
          <span>{localized(issue.message)}</span>
        </li>
      ))}
    </ul>
  );
}
