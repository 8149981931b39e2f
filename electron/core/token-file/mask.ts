/**
 * Showing secrets without revealing them. Client secrets, codes, access and refresh tokens never appear in
 * logs, errors or screenshots: the UI and the CLI show this masked form.
 */

/** A recognisable but useless form of a secret: its first four characters and its length. */
export function maskSecret(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  if (value.length <= 8) return '•'.repeat(value.length);
  return `${value.slice(0, 4)}…(${value.length})`;
}

/** Replaces every occurrence of each secret in a text with its masked form (for transcripts and logs). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    // Short strings would mask ordinary words; real secrets and tokens are long.
    if (secret !== undefined && secret.length >= 8) out = out.split(secret).join(maskSecret(secret));
  }
  return out;
}
