/**
 * Recognises SMTP/IMAP/POP replies: by the codes the standards define (SMTP enhanced status codes, RFC 3463; IMAP
 * response codes, RFC 5530; POP response codes, RFC 2449/3206) and by the phrases of a provider's own wording
 * (never the whole string: servers append host names, IDs and links that vary). A reply no entry names still gets
 * what its code means: the parts of its enhanced status code, or its response code.
 */
import type { Localized } from '../i18n.js';
import { CATALOGUE, entryById } from './catalogue.js';
import { describeEnhancedStatus, findEnhancedStatus } from './enhanced-status.js';
import { redact } from './redact.js';
import { contextParams, renderEntry, type Params } from './render.js';
import type { CatalogueEntry, DiagnoseContext, Explanation, MailProtocol, ReplyPattern } from './types.js';

/** Lower-case with runs of whitespace collapsed, so multi-line replies and odd spacing still match. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function hasStatus(reply: string, status: string): boolean {
  const range = /^(\d)\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/.exec(status);
  if (range !== null) {
    const [, c, s, from = '', to = ''] = range;
    const found = new RegExp(`(?<![\\d.])${c}\\.${s}\\.(\\d{1,3})(?!\\d)`).exec(reply);
    const detail = Number(found?.[1] ?? Number.NaN);
    return detail >= Number(from) && detail <= Number(to);
  }
  const escaped = status.replace(/\./g, '\\.');
  // A whole token: 5.7.3 must not match inside 5.7.39 or 15.7.3.
  return new RegExp(`(?<![\\d.])${escaped}(?!\\d)`).test(reply);
}

/** The response code in brackets, as a whole (`[AUTH]` is not `[AUTH-RESP-CODE]`; `[SYS/TEMP/x]` is `SYS/TEMP`). */
function hasResponseCode(reply: string, code: string): boolean {
  const escaped = code.toLowerCase().replace(/[/-]/g, (c) => `\\${c}`);
  return new RegExp(`\\[${escaped}(?=[\\]/\\s])`).test(reply);
}

/** True when the reply has the pattern's codes (if any) and every one of its phrases. */
export function matchesReply(pattern: ReplyPattern, protocol: MailProtocol, reply: string): boolean {
  if (pattern.protocol !== protocol) return false;
  const text = normalize(reply);
  if (pattern.status !== undefined && !hasStatus(text, pattern.status)) return false;
  if (pattern.responseCode !== undefined && !hasResponseCode(text, pattern.responseCode)) return false;
  if (pattern.status === undefined && pattern.responseCode === undefined && pattern.phrases.length === 0)
    return false;
  return pattern.phrases.every((phrase) => text.includes(normalize(phrase)));
}

/**
 * How precise a pattern is: a code with phrases (Exchange's 5.7.139 "SmtpClientAuthentication is disabled"), a code
 * alone (RFC 5530's [UNAVAILABLE]), phrases alone (Exchange's code-less "NO AUTHENTICATE failed.").
 */
function specificity(pattern: ReplyPattern): number {
  const coded = pattern.status !== undefined || pattern.responseCode !== undefined;
  return (coded ? 2 : 0) + (pattern.phrases.length > 0 ? 1 : 0);
}

/** The most specific entry matching the reply; among equals, the first in catalogue order. */
export function entryForReply(protocol: MailProtocol, reply: string): CatalogueEntry | undefined {
  let best: CatalogueEntry | undefined;
  for (const candidate of CATALOGUE) {
    const pattern = candidate.reply;
    if (pattern === undefined || !matchesReply(pattern, protocol, reply)) continue;
    if (best?.reply === undefined || specificity(pattern) > specificity(best.reply)) best = candidate;
  }
  return best;
}

/** A response code in brackets right after the status (`NO [LIMIT] …`, `-ERR [SYS/TEMP] …`). */
function findResponseCode(reply: string): string | undefined {
  return /\[([A-Za-z][\w/-]*)[\]\s]/.exec(reply)?.[1]?.toUpperCase();
}

/** Explains a mail server's reply; one no entry names is explained by its codes, else quoted as unknown. */
export function explainMailReply(
  protocol: MailProtocol,
  reply: string,
  context: DiagnoseContext = {},
): Explanation {
  // The caller may pass a whole transcript, which can hold the base64 XOAUTH2 string: never quote a token.
  const quoted = redact(reply.replace(/\s+/g, ' ').trim());
  const base = { protocol: protocol.toUpperCase(), reply: quoted };
  const entry = entryForReply(protocol, reply);
  const explanation =
    entry !== undefined
      ? renderEntry(entry, contextParams(context), base)
      : fallback(protocol, reply, contextParams(context), base);
  explanation.raw = { message: quoted };
  return explanation;
}

function fallback(protocol: MailProtocol, reply: string, context: Params, base: Params): Explanation {
  const status = protocol === 'smtp' ? findEnhancedStatus(reply) : undefined;
  if (status !== undefined)
    return renderEntry(entryById('smtp-enhanced-status'), context, base, {
      status: status.code,
      ...describeEnhancedStatus(status),
    });
  const responseCode = protocol === 'smtp' ? undefined : findResponseCode(reply);
  if (responseCode !== undefined)
    return renderEntry(
      entryById(protocol === 'imap' ? 'imap-response-code' : 'pop-response-code'),
      context,
      base,
      { responseCode },
    );
  return renderEntry(entryById('unknown-mail-reply'), context, base);
}

/** The decoded XOAUTH2 error challenge (`{"status","schemes","scope"}`), as the login modules read it. */
export interface Xoauth2ChallengeParts {
  status?: string;
  schemes?: string;
  scope?: string;
}

const CHALLENGE_ENTRIES = {
  '400': 'xoauth2-challenge-400',
  '401': 'xoauth2-challenge-401',
  '403': 'xoauth2-challenge-403',
} as const;

/**
 * Explains a login the server refused with an XOAUTH2 error challenge (Google's "Error response": base64 JSON with
 * an HTTP-like status, the schemes and the scope it wants) followed by its final reply. The status says more than
 * the final reply, which is the same for every cause (`535-5.7.8 Username and Password not accepted`).
 */
export function explainXoauth2Challenge(
  protocol: MailProtocol,
  challenge: Xoauth2ChallengeParts,
  reply: string,
  context: DiagnoseContext = {},
): Explanation {
  const quoted = redact(reply.replace(/\s+/g, ' ').trim());
  const status = (challenge.status ?? '').trim();
  const id: keyof typeof CHALLENGE_ENTRIES | undefined = Object.hasOwn(CHALLENGE_ENTRIES, status)
    ? (status as keyof typeof CHALLENGE_ENTRIES)
    : undefined;
  const none: Localized = { ja: '(なし)', en: '(none)' };
  // A provider's own entry for the final reply (Gmail's 535 5.7.8, its [AUTHENTICATIONFAILED]) knows that
  // provider's causes and fixes; the challenge's status, which every refused token shares, then stays in `raw`.
  const own = entryForReply(protocol, reply);
  const entry =
    own !== undefined && own.kind !== 'mail'
      ? own
      : entryById(id === undefined ? 'xoauth2-challenge' : CHALLENGE_ENTRIES[id]);
  const explanation = renderEntry(entry, contextParams(context), {
    protocol: protocol.toUpperCase(),
    reply: quoted === '' ? none : quoted,
    xoauth2Status: status === '' ? none : redact(status),
    xoauth2Schemes: challenge.schemes === undefined ? none : redact(challenge.schemes),
    xoauth2Scope: challenge.scope === undefined ? none : redact(challenge.scope),
  });
  const decoded = JSON.stringify({
    ...(challenge.status === undefined ? {} : { status: challenge.status }),
    ...(challenge.schemes === undefined ? {} : { schemes: challenge.schemes }),
    ...(challenge.scope === undefined ? {} : { scope: challenge.scope }),
  });
  explanation.raw = { message: redact(`XOAUTH2 ${decoded}${quoted === '' ? '' : ` → ${quoted}`}`) };
  return explanation;
}
