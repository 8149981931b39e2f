/**
 * Which step fixes a failure: the result page's "fix it" button goes there. Entra codes name the part of the
 * registration or account that is wrong; local failures name the port or the file.
 */
import type { Explanation } from '../electron/core/diagnose/types.js';
import type { InputIssue } from '../electron/shared/contract.js';
import { stepOfField } from './state.js';
import type { StepId } from './state.js';

/** AADSTS codes whose fix is in the app registration (secret, platform, redirect URI, client ID). */
const REGISTRATION_CODES = new Set([7000215, 7000222, 7000218, 700025, 700016, 50011, 65001, 65004, 90094]);
/** AADSTS codes whose fix is the tenant or the cloud. */
const ACCOUNT_CODES = new Set([50194, 90002, 90038]);

function aadstsOf(explanation: Explanation): number | undefined {
  const match = /^AADSTS(\d+)$/.exec(explanation.id);
  if (match?.[1] !== undefined) return Number(match[1]);
  return explanation.raw?.aadsts;
}

/** The step to go back to, or undefined when no input of the wizard fixes it (the tenant's policy, the network). */
export function fixStepOf(failure: {
  code: string;
  explanation: Explanation;
  issues?: readonly InputIssue[];
}): StepId | undefined {
  const aadsts = aadstsOf(failure.explanation);
  if (aadsts !== undefined) {
    if (REGISTRATION_CODES.has(aadsts)) return 'registration';
    if (ACCOUNT_CODES.has(aadsts)) return 'account';
    return undefined;
  }
  const code = failure.code;
  if (code === 'invalid-input') {
    const first = failure.issues?.[0];
    return first === undefined ? 'account' : stepOfField(first.field);
  }
  if (
    code === 'port-busy' ||
    code === 'listener-failed' ||
    code === 'timeout' ||
    code === 'cancelled' ||
    code === 'device-code-expired' ||
    code === 'device-code-declined'
  )
    return 'signin';
  // "Allow public client flows" is off: a setting of the registration.
  if (code === 'device-code-not-public') return 'registration';
  if (code.startsWith('file-') || code === 'not-a-token-file') return 'output';
  if (code === 'no-refresh-token') return 'registration';
  return undefined;
}
