/** The diagnose catalogue: every failure explained (what happened, why, the fix) in Japanese and English. */
export type {
  CatalogueEntry,
  DiagnoseContext,
  EntraErrorParts,
  EntryKind,
  Explanation,
  MailProtocol,
  ProviderErrorPattern,
  RawDetails,
  ReplyPattern,
} from './types.js';
export {
  CATALOGUE,
  entryById,
  entryForAadsts,
  entryForOAuthError,
  entryForProviderError,
  type EntryId,
} from './catalogue.js';
export { GOOGLE_DOCS, type GoogleEntryId } from './entries-google.js';
export { explainGoogle, explainGoogleError } from './google-explain.js';
export { parseEntraError, parseEntraErrorBody } from './entra-error.js';
export { aadstsLookupUrl, explainAadsts, explainError, EXPLAINED_ERROR_CODES } from './explain.js';
export {
  entryForReply,
  explainMailReply,
  explainXoauth2Challenge,
  matchesReply,
  type Xoauth2ChallengeParts,
} from './mail-replies.js';
export { describeEnhancedStatus, findEnhancedStatus, type EnhancedStatus } from './enhanced-status.js';
export { explainCheck, type CheckEntryId } from './check-explain.js';
export { explainText, mailProtocolOf } from './explain-text.js';
export { formatExplanation } from './format-text.js';
export { contextParams, renderEntry, KNOWN_PLACEHOLDERS, type Params, type ParamValue } from './render.js';
export { redact } from './redact.js';
