/**
 * Explains what Google says: its token endpoint's error answers by `error` and description (entries-google.ts),
 * and the token check's Google findings by entry id.
 */
import { entryById, entryForProviderError } from './catalogue.js';
import type { GoogleEntryId } from './entries-google.js';
import { redact } from './redact.js';
import { contextParams, renderEntry } from './render.js';
import type { Params } from './render.js';
import type { DiagnoseContext, Explanation } from './types.js';

/** Explains an error answer of Google's (`invalid_grant` "Token has been expired or revoked."…). */
export function explainGoogleError(
  answer: { error: string; description: string },
  context: DiagnoseContext = {},
): Explanation {
  const entry =
    entryForProviderError('google', answer.error, answer.description) ?? entryById('google-oauth-error');
  const error = redact(answer.error);
  const description = redact(answer.description);
  const explanation = renderEntry(entry, contextParams(context), { error, description });
  explanation.raw = { message: description === '' ? error : `${error}: ${description}` };
  return explanation;
}

/** Renders a Google entry with the context and the finding's own params (which win); `reason` is redacted. */
export function explainGoogle(
  id: GoogleEntryId,
  params: Params = {},
  context: DiagnoseContext = {},
): Explanation {
  const reason = params.reason;
  const safe: Params = typeof reason === 'string' ? { ...params, reason: redact(reason) } : params;
  return renderEntry(entryById(id), contextParams(context), safe);
}
