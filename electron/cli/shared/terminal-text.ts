/**
 * Text made safe for a terminal. Whatever the CLI prints may hold text from a server or a file (an identity
 * provider's `error_description`, a mail server's reply in a transcript, an INI value): a control character in it
 * would be obeyed by the terminal — retitle the window, clear the screen, overwrite a line with CR, plant an OSC 8
 * link, or, through C1 controls, do the same in one byte. Every such character is printed as a `\uXXXX` escape
 * instead: a person sees what was there, and in a JSON line it is a valid JSON escape that decodes back to the
 * original text.
 *
 * Escaped: C0 controls but tab and newline, DEL, C1 controls (U+0080–U+009F), and the bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which reorder what is shown ("Trojan Source", CVE-2021-42574).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** `text` with every terminal control character written as a `\uXXXX` escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
