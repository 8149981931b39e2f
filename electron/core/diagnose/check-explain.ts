/**
 * Explains the token check's own findings (claims, connection failures) from the entries in entries-check.ts.
 * Server replies go through `explainMailReply` instead; these are the failures no reply names.
 */
import { entryById } from './catalogue.js';
import type { CHECK_ENTRIES } from './entries-check.js';
import type { HARDENING_ENTRIES } from './entries-hardening.js';
import { redact } from './redact.js';
import { contextParams, renderEntry, type Params } from './render.js';
import type { DiagnoseContext, Explanation } from './types.js';

/** The id of an entry of the token check. */
export type CheckEntryId =
  (typeof CHECK_ENTRIES)[number]['id'] | Extract<(typeof HARDENING_ENTRIES)[number], { kind: 'mail' }>['id'];

/** Renders a check entry with the context and the finding's own params (which win); `reason` is redacted. */
export function explainCheck(
  id: CheckEntryId,
  params: Params = {},
  context: DiagnoseContext = {},
): Explanation {
  const reason = params.reason;
  const safe: Params = typeof reason === 'string' ? { ...params, reason: redact(reason) } : params;
  const explanation = renderEntry(entryById(id), contextParams(context), safe);
  if (typeof reason === 'string' && reason !== '') explanation.raw = { message: redact(reason) };
  return explanation;
}
