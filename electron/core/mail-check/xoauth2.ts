/**
 * SASL XOAUTH2, as Microsoft's "Authenticate an IMAP, POP or SMTP connection using OAuth" page defines it:
 * base64("user=" + userName + "^Aauth=Bearer " + accessToken + "^A^A"), ^A being 0x01.
 */

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
