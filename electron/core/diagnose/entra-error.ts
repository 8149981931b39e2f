/**
 * Reads Entra ID error text into its parts: the AADSTS number, the human message and the IDs a support ticket
 * needs. Accepts the `error_description` of a redirect or token response, the whole JSON error body, and the
 * message of an MSAL ServerError, because callers get the text in all three shapes.
 */
import type { EntraErrorParts } from './types.js';

const AADSTS = /\bAADSTS(\d+)\b/;
const GUID = '[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}';
const TRACE_ID = new RegExp(`Trace ID:\\s*(${GUID})`, 'i');
const CORRELATION_ID = new RegExp(`Correlation ID:\\s*(${GUID})`, 'i');
const TIMESTAMP = /Timestamp:\s*(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)/i;
/** Where the human message ends: Entra appends the IDs after it, on new lines or after " - ". */
const TRAILER = /\s*(?:-\s*)?(?:Trace ID|Correlation ID|Timestamp):/i;

/** The fields of Entra's JSON error body that we use. */
export interface EntraErrorBody {
  error?: unknown;
  error_description?: unknown;
  error_codes?: unknown;
  trace_id?: unknown;
  correlation_id?: unknown;
  timestamp?: unknown;
}

/** Splits an Entra error text such as "AADSTS7000215: Invalid client secret provided. … Trace ID: …" into parts. */
export function parseEntraError(text: string): EntraErrorParts {
  const body = parseJsonBody(text);
  if (body !== undefined) return parseEntraErrorBody(body);
  return fromDescription(text);
}

function fromDescription(text: string): EntraErrorParts {
  // MSAL's ServerError message wraps the description: "invalid_client: Error(s): 7000215 - Timestamp: … - Description: AADSTS7000215: …"
  const described = /\bDescription:\s*([\s\S]*)/.exec(text)?.[1] ?? text;
  const code = AADSTS.exec(described) ?? AADSTS.exec(text);
  const parts: EntraErrorParts = { message: humanMessage(described) };
  if (code?.[1] !== undefined) parts.aadsts = Number(code[1]);
  const traceId = TRACE_ID.exec(text)?.[1];
  const correlationId = CORRELATION_ID.exec(text)?.[1];
  const timestamp = TIMESTAMP.exec(text)?.[1];
  if (traceId !== undefined) parts.traceId = traceId;
  if (correlationId !== undefined) parts.correlationId = correlationId;
  if (timestamp !== undefined) parts.timestamp = timestamp;
  return parts;
}

/** The message without the "AADSTSnnn:" prefix and the ID trailer, on one line. */
function humanMessage(description: string): string {
  const withoutCode = description.replace(/^\s*AADSTS\d+\s*:\s*/, '');
  const trailer = TRAILER.exec(withoutCode);
  const message = trailer === null ? withoutCode : withoutCode.slice(0, trailer.index);
  return message
    .replace(/\s+/g, ' ')
    .replace(/[\s-]+$/, '')
    .trim();
}

function parseJsonBody(text: string): EntraErrorBody | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The parts of an Entra JSON error answer already parsed (`{error, error_description, error_codes…}`). */
export function parseEntraErrorBody(body: EntraErrorBody): EntraErrorParts {
  const description = typeof body.error_description === 'string' ? body.error_description : '';
  const parts = fromDescription(description);
  if (parts.message === '' && typeof body.error === 'string') parts.message = body.error;
  const firstCode = Array.isArray(body.error_codes) ? (body.error_codes as unknown[])[0] : undefined;
  if (typeof firstCode === 'number') parts.aadsts = firstCode;
  // The body's own fields are authoritative; the copies inside the description are for humans.
  if (typeof body.trace_id === 'string' && body.trace_id !== '') parts.traceId = body.trace_id;
  if (typeof body.correlation_id === 'string' && body.correlation_id !== '')
    parts.correlationId = body.correlation_id;
  if (typeof body.timestamp === 'string' && body.timestamp !== '') parts.timestamp = body.timestamp;
  return parts;
}
