/** What every step gets from the app. */
import type { Dispatch } from 'react';
import type { ProfileField, ValidationIssue } from '../../electron/core/sign-in/profile.js';
import type { Action, WizardState } from '../state.js';

export interface StepProps {
  state: WizardState;
  dispatch: Dispatch<Action>;
  /** The problems to show on this step now (touched fields only). */
  issues: readonly ValidationIssue[];
}

/** The problems of one field. */
export function issuesOf(issues: readonly ValidationIssue[], field: ProfileField): ValidationIssue[] {
  return issues.filter((issue) => issue.field === field);
}

/** The DOM id of a field's input, so "continue" can focus the first field to fix. */
export function fieldId(field: ProfileField): string {
  return `field-${field}`;
}
