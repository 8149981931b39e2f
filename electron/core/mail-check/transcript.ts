/**
 * A protocol transcript like `smail -d` prints ("Send: …", "Recv: …"), with every secret masked as it is
 * recorded: the access token, the refresh token, the client secret, the XOAUTH2 string, and any base64 run
 * that decodes to an XOAUTH2 string. What is never stored cannot leak into a log, a screenshot or a ticket.
 */
import { redact as redactPatterns } from '../diagnose/index.js';
import { redact as redactKnown } from '../token-file/index.js';
import { maskXoauth2Blobs } from './xoauth2.js';

/** Who wrote a transcript line: client, server, or a note of ours (TLS established, timeout…). */
export type TranscriptSource = 'C' | 'S' | '#';

/** Lines a transcript keeps: a login has a few dozen; a flooding server must not grow it without end. */
export const MAX_TRANSCRIPT_LINES = 400;
/** Characters a transcript line keeps (the servers' lines are bounded at 64 KiB; a screen needs far less). */
export const MAX_TRANSCRIPT_LINE = 2000;

/** Collects masked transcript lines. */
export class Transcript {
  readonly lines: string[] = [];
  private readonly secrets: string[];
  private dropped = 0;

  /** `secrets`: every token and string that must never appear (more can be added as they become known). */
  constructor(secrets: readonly (string | undefined)[] = []) {
    this.secrets = secrets.filter((s): s is string => s !== undefined && s !== '');
  }

  /** Adds a secret to mask in later lines. */
  addSecret(secret: string | undefined): void {
    if (secret !== undefined && secret !== '') this.secrets.push(secret);
  }

  /** Masks a text with the known secrets, XOAUTH2 blobs and the generic secret patterns. */
  mask(text: string): string {
    return redactPatterns(maskXoauth2Blobs(redactKnown(text, this.secrets)));
  }

  /** Records one line (multi-line text becomes several lines with the same prefix). */
  add(source: TranscriptSource, text: string): void {
    const prefix = source === 'C' ? 'C: ' : source === 'S' ? 'S: ' : '# ';
    for (const line of text.replace(/\r?\n$/, '').split(/\r?\n/)) {
      if (this.lines.length >= MAX_TRANSCRIPT_LINES - 1) {
        // The last kept line says how many more there were.
        this.dropped += 1;
        this.lines[MAX_TRANSCRIPT_LINES - 1] = `# … ${this.dropped} more lines not kept`;
        continue;
      }
      const kept = line.length > MAX_TRANSCRIPT_LINE ? `${line.slice(0, MAX_TRANSCRIPT_LINE)}…` : line;
      this.lines.push(prefix + this.mask(kept));
    }
  }
}
