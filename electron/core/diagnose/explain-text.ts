/**
 * Explains text an admin pastes: what Entra showed on its own sign-in page (which never reaches this tool — the
 * sign-in only times out), an Entra JSON error body, a bare `AADSTS50105`, or a mail server's reply from a sending
 * program's log (`535 5.7.139 …`, `A1 NO [AUTHENTICATIONFAILED] …`, `-ERR [SYS/PERM] …`). `rtw explain` and the
 * wizard's "paste what the browser showed" box both go through here.
 */
import { explainAadsts } from './explain.js';
import { parseEntraError } from './entra-error.js';
import { explainMailReply } from './mail-replies.js';
import { redact } from './redact.js';
import { contextParams, renderEntry } from './render.js';
import { entryById } from './catalogue.js';
import type { DiagnoseContext, Explanation, MailProtocol } from './types.js';

/** Entra's sign-in page labels its trace ID "Request Id" (the sign-in logs' "Request ID"). */
const REQUEST_ID = /Request Id:\s*([0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})/i;

/** The protocol a mail reply comes from, by its shape; undefined when it is not one. */
export function mailProtocolOf(reply: string): MailProtocol | undefined {
  const line = reply.trim().replace(/^[SC]:\s*/, '');
  if (/^\d{3}[ -]/.test(line)) return 'smtp';
  if (/^(?:-ERR|\+OK)\b/i.test(line)) return 'pop';
  if (/^(?:\S+|\*)\s+(?:NO|BAD|BYE)\b/i.test(line)) return 'imap';
  return undefined;
}

/** Explains pasted text; `protocol` forces the reading of a mail reply. */
export function explainText(
  text: string,
  options: { protocol?: MailProtocol; context?: DiagnoseContext } = {},
): Explanation {
  const context = options.context ?? {};
  const trimmed = text.trim();
  const protocol = options.protocol ?? mailProtocolOf(trimmed);
  if (protocol !== undefined) return explainMailReply(protocol, trimmed.replace(/^[SC]:\s*/, ''), context);
  const bare = /^(?:AADSTS)?(\d{4,8})$/i.exec(trimmed);
  if (bare?.[1] !== undefined) return explainAadsts(Number(bare[1]), { message: '' }, context);
  // The page lists "Request Id / Correlation Id / Timestamp" before "Message: AADSTS…": read the message from
  // its code on, and the IDs from the whole text.
  const start = trimmed.search(/AADSTS\d+/);
  if (start >= 0 || trimmed.startsWith('{')) {
    // From a page the message is one line, and more of the page may follow it; a description starts with the code.
    const fromPage = start > 0 && !trimmed.startsWith('{');
    const parsed = parseEntraError(fromPage ? (trimmed.slice(start).split(/\r?\n/)[0] ?? '') : trimmed);
    const whole = parseEntraError(trimmed);
    if (parsed.aadsts !== undefined) {
      const traceId = parsed.traceId ?? whole.traceId ?? REQUEST_ID.exec(trimmed)?.[1];
      const correlationId = parsed.correlationId ?? whole.correlationId;
      const timestamp = parsed.timestamp ?? whole.timestamp;
      return explainAadsts(
        parsed.aadsts,
        {
          message: parsed.message,
          ...(traceId === undefined ? {} : { traceId }),
          ...(correlationId === undefined ? {} : { correlationId }),
          ...(timestamp === undefined ? {} : { timestamp }),
        },
        context,
      );
    }
  }
  const safe = redact(trimmed.replace(/\s+/g, ' '));
  const explanation = renderEntry(entryById('unknown-text'), contextParams(context), { message: safe });
  explanation.raw = { message: safe };
  return explanation;
}
