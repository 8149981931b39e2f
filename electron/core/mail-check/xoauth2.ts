/**
 * SASL XOAUTH2, as Microsoft's "Authenticate an IMAP, POP or SMTP connection using OAuth" page defines it:
 * base64("user=" + userName + "^Aauth=Bearer " + accessToken + "^A^A"), ^A being 0x01; and the error challenge a
 * server may send instead of refusing at once (Google's "XOAUTH2 mechanism" page): base64 JSON with `status`,
 * `schemes` and `scope`, which the client must answer with an empty line before the server gives its final reply.
 */
import type { Xoauth2Challenge } from './failure.js';

const SOH = '\x01';

/** The base64 XOAUTH2 initial response for a mailbox and an access token. */
export function xoauth2String(user: string, accessToken: string): string {
  return Buffer.from(`user=${user}${SOH}auth=Bearer ${accessToken}${SOH}${SOH}`, 'utf8').toString('base64');
}

/** The user and token of an XOAUTH2 string, or undefined when it is not one (servers and tests use this). */
export function parseXoauth2(base64: string): { user: string; accessToken: string } | undefined {
  const text = Buffer.from(base64.trim(), 'base64').toString('utf8');
  const fields = text.split(SOH);
  const user = fields.find((f) => f.startsWith('user='))?.slice('user='.length);
  const auth = fields.find((f) => /^auth=Bearer /i.test(f))?.slice('auth=Bearer '.length);
  if (user === undefined || user === '' || auth === undefined || auth === '') return undefined;
  return { user, accessToken: auth };
}

/** Base64 runs long enough to hold `user=a@b.c^Aauth=Bearer x`; shorter ones cannot be an XOAUTH2 string. */
const BASE64_RUN = /[A-Za-z0-9+/]{24,}={0,2}/g;

/**
 * Replaces every base64 run that decodes to an XOAUTH2 string with a marker naming only the user. A safety net
 * behind masking the known strings: it also catches a string the transcript got from elsewhere (a server echo).
 */
export function maskXoauth2Blobs(text: string): string {
  return text.replace(BASE64_RUN, (run) => {
    const parsed = parseXoauth2(run);
    return parsed === undefined ? run : `[XOAUTH2 user=${parsed.user}, token masked]`;
  });
}

/** The mechanism every login of the check uses, as legacy senders do; the transcript names it. */
export const CHECK_MECHANISM = 'XOAUTH2';

/** The transcript's note naming the mechanism used. */
export const MECHANISM_NOTE = `AUTH mechanism: ${CHECK_MECHANISM}`;

/** Reads an error challenge (base64 JSON), or undefined when the text is not one. */
export function parseXoauth2Challenge(base64: string): Xoauth2Challenge | undefined {
  const text = base64.trim();
  if (text === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  return challengeOf(value);
}

/** The fields of a decoded challenge (imapflow hands it over already parsed), as strings; undefined for none. */
export function challengeOf(value: unknown): Xoauth2Challenge | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = value as Record<string, unknown>;
  const challenge: Xoauth2Challenge = {};
  for (const key of ['status', 'schemes', 'scope'] as const) {
    const field = fields[key];
    if (typeof field === 'string' || typeof field === 'number') challenge[key] = String(field);
  }
  return Object.keys(challenge).length > 0 ? challenge : undefined;
}

/** The transcript's note for an error challenge answered as the mechanism requires. */
export function challengeNote(challenge: Xoauth2Challenge | undefined): string {
  return `XOAUTH2 error challenge from the server: ${
    challenge === undefined ? '(not JSON)' : JSON.stringify(challenge)
  }; answered with an empty line, as the mechanism requires`;
}
