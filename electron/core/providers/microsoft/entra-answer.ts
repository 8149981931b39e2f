/**
 * Entra's error answers from its token and device code endpoints (`{error, error_description, error_codes,
 * trace_id, correlation_id}`), as our errors: an AADSTS number when Entra gives one, else the OAuth `error`.
 */
// The parser alone, not diagnose/index.ts: the renderer reads this provider's descriptor, not the catalogue.
import { parseEntraErrorBody } from '../../diagnose/entra-error.js';
import { RtwError } from '../../errors.js';

/** A JSON answer's fields, or none. */
export type EntraAnswer = Record<string, unknown>;

/** The answer as an object (anything else reads as an empty one). */
export function asEntraAnswer(value: unknown): EntraAnswer {
  return typeof value === 'object' && value !== null ? (value as EntraAnswer) : {};
}

/** The OAuth `error` of an answer, or '' when it is not an error answer. */
export function oauthErrorOf(answer: EntraAnswer): string {
  return typeof answer.error === 'string' ? answer.error : '';
}

/** Our error for an Entra error answer: `aadsts` with the number and support IDs, else `oauth-error`. */
export function errorOfEntraAnswer(answer: EntraAnswer): RtwError {
  const error = oauthErrorOf(answer);
  const parsed = parseEntraErrorBody(answer);
  const ids = {
    ...(parsed.traceId === undefined ? {} : { traceId: parsed.traceId }),
    ...(parsed.correlationId === undefined ? {} : { correlationId: parsed.correlationId }),
    ...(parsed.timestamp === undefined ? {} : { timestamp: parsed.timestamp }),
  };
  if (parsed.aadsts !== undefined)
    return new RtwError('aadsts', { aadsts: parsed.aadsts, error, description: parsed.message, ...ids });
  return new RtwError('oauth-error', { error: error || 'unknown', description: parsed.message });
}
