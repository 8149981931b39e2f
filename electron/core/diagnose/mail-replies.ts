/**
 * Recognises Exchange Online SMTP/IMAP/POP replies by their enhanced status code and key phrases (never the
 * whole string: Exchange appends host names and links that vary).
 */
import { CATALOGUE, entryById } from './catalogue.js';
import { redact } from './redact.js';
import { contextParams, renderEntry } from './render.js';
import type { DiagnoseContext, Explanation, MailProtocol, ReplyPattern } from './types.js';

/** Lower-case with runs of whitespace collapsed, so multi-line replies and odd spacing still match. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function hasStatus(reply: string, status: string): boolean {
  const escaped = status.replace(/\./g, '\\.');
  // A whole token: 5.7.3 must not match inside 5.7.39 or 15.7.3.
  return new RegExp(`(?<![\\d.])${escaped}(?!\\d)`).test(reply);
}

/** True when the reply has the pattern's status code (if any) and every one of its phrases. */
export function matchesReply(pattern: ReplyPattern, protocol: MailProtocol, reply: string): boolean {
  if (pattern.protocol !== protocol) return false;
  const text = normalize(reply);
  if (pattern.status !== undefined && !hasStatus(text, pattern.status)) return false;
  if (pattern.status === undefined && pattern.phrases.length === 0) return false;
  return pattern.phrases.every((phrase) => text.includes(normalize(phrase)));
}

/** Explains an Exchange reply; an unknown one gets the generic entry quoting the reply. */
export function explainMailReply(
  protocol: MailProtocol,
  reply: string,
  context: DiagnoseContext = {},
): Explanation {
  // The caller may pass a whole transcript, which can hold the base64 XOAUTH2 string: never quote a token.
  const quoted = redact(reply.replace(/\s+/g, ' ').trim());
  const entry = CATALOGUE.find(
    (candidate) => candidate.reply !== undefined && matchesReply(candidate.reply, protocol, reply),
  );
  const explanation =
    entry === undefined
      ? renderEntry(entryById('unknown-mail-reply'), contextParams(context), {
          protocol: protocol.toUpperCase(),
          reply: quoted,
        })
      : renderEntry(entry, contextParams(context));
  explanation.raw = { message: quoted };
  return explanation;
}
