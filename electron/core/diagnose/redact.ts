/**
 * Removes anything secret-looking from text that ends up in an explanation. RtwError params never carry a
 * secret, but explanations also quote foreign text (an unexpected Error's message, a pasted mail transcript),
 * and a support ticket must never receive a client secret, code or token.
 */

const RULES: readonly (readonly [RegExp, string])[] = [
  // key=value and "key": "value" forms: query strings, form bodies, JSON, and the INI's own keys.
  [
    /\b(client_?secret|refresh_?token|access_?token|id_?token|code_?verifier|client_?assertion|assertion|password|secret)(["']?\s*[=:]\s*["']?)[^\s&"',;]+/gi,
    '$1$2[redacted]',
  ],
  [/\bBearer\s+[^\s"',;]+/gi, 'Bearer [redacted]'],
  // JWTs (access and ID tokens).
  [/\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g, '[redacted]'],
  // Long opaque runs: authorization codes, refresh tokens, base64 XOAUTH2 strings. URLs and GUIDs stay below this.
  [/[A-Za-z0-9+/=_.~-]{80,}/g, '[redacted]'],
];

/** Text with secrets replaced by `[redacted]`. */
export function redact(text: string): string {
  return RULES.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}
