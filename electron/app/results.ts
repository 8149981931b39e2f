/**
 * Expected failures as the renderer gets them: data with an explanation in both languages (so a failure needs no
 * language to be reported), never a stack trace.
 */
import { explainError } from '../core/diagnose/index.js';
import { RtwError } from '../core/errors.js';
import type { InputIssue, IpcError } from '../shared/contract.js';

/** Any error as an IPC result: its code when it is one of ours, else `unexpected`. */
export function failure(error: unknown): { ok: false; error: IpcError } {
  return {
    ok: false,
    error: { code: RtwError.is(error) ? error.code : 'unexpected', explanation: explainError(error) },
  };
}

/** Field-level problems as an IPC result (`invalid-input`, with the issues for the form). */
export function invalidInput(issues: InputIssue[]): {
  ok: false;
  error: IpcError & { code: 'invalid-input'; issues: InputIssue[] };
} {
  const error = new RtwError('invalid-input', { fields: issues.map((i) => i.field).join(',') });
  return { ok: false, error: { code: 'invalid-input', explanation: explainError(error), issues } };
}
