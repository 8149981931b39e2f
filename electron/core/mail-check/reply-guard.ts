/**
 * Bounds and strict reply order for the token check's mail logins (issue #15, item 15): a hostile or broken server
 * can neither make the check buffer without end nor have a reply it sent before a command taken as that command's
 * answer.
 *
 * - Every line, and every reply, is at most {@link MAX_LINE_BYTES}; lines are split in linear time (a chunk without
 *   a line end only grows the pending line, nothing is split twice).
 * - What one login may read in all is at most {@link MAX_SESSION_BYTES} (an IMAP server may send untagged lines at
 *   any time: without this, endless `* OK` lines would keep a check running past every timeout).
 * - A reply may only arrive while the client waits for one: more complete replies than commands awaiting them is a
 *   protocol violation, checked when the bytes ARRIVE. The libraries queue what arrives and match it to the next
 *   command when they process it, so a reply sent ahead of its command used to pass as its answer (measured with
 *   nodemailer 10.6 and imapflow 2.1.2: test/resilience/hostile-mail-server.int.test.ts).
 *
 * POP is our own client (pop3-client.ts) and uses the splitter directly. SMTP (nodemailer) and IMAP (imapflow) are
 * watched where their plaintext enters: nodemailer's `SMTPConnection#_onData` and imapflow's `ImapStream#_transform`
 * (both internal: the hostile-server tests fail if a new version stops calling them).
 */
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';

/** The longest line, and the largest reply (its lines together), any login accepts. */
export const MAX_LINE_BYTES = 64 * 1024;
/** All a login may read: a check reads a few KiB (an IMAP LIST of a large mailbox, some hundred). */
export const MAX_SESSION_BYTES = 2 * 1024 * 1024;

/** What a server did wrong: a line or reply past the bound, a reply nobody asked for, or too much in all. */
export type Violation = 'too-long' | 'unsolicited' | 'too-much';

/** A protocol violation by the server, as an error. */
export class ProtocolViolation extends Error {
  override readonly name = 'ProtocolViolation';
  constructor(readonly reason: Violation) {
    super(`mail server protocol violation: ${reason}`);
  }
}

/** Splits a byte stream into lines (LF, a CR before it dropped), each at most `maxLine` bytes. */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxLine = MAX_LINE_BYTES) {}

  /** The lines `chunk` completes, decoded as UTF-8; throws `too-long` once a line passes the bound. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      this.grow(end - start);
      this.pending.push(chunk.subarray(start, end));
      const line = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      this.pendingBytes = 0;
      lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      start = end + 1;
    }
    if (start < chunk.length) {
      this.grow(chunk.length - start);
      this.pending.push(chunk.subarray(start));
    }
    return lines;
  }

  /** Bytes of the line not ended yet. */
  get partialBytes(): number {
    return this.pendingBytes;
  }

  private grow(bytes: number): void {
    this.pendingBytes += bytes;
    if (this.pendingBytes > this.maxLine) throw new ProtocolViolation('too-long');
  }
}

// --- SMTP (nodemailer) ------------------------------------------------------------------------------------------

/** The parts of nodemailer's SMTPConnection (10.6) the guard reads: internal, see the module comment. */
interface SmtpConnectionInternals {
  options: { socket?: object };
  _responseActions: unknown[];
  _responseQueue: unknown[];
  _responsePartial: boolean;
  _destroyed: boolean;
  // A property, not a method: the guard keeps the original and calls it with the connection as `this`.
  _onData: (this: SmtpConnectionInternals, chunk: Buffer) => void;
}

/** One SMTP session's guard: its own line split, what it saw, and the violation that ended it. */
export class SmtpReplyGuard {
  violation: Violation | undefined;
  private readonly lines = new LineSplitter();
  private read = 0;

  constructor(private readonly onViolation: () => void) {}

  /** Checks data as it arrives, before nodemailer queues it; false stops it there. */
  accept(connection: SmtpConnectionInternals, chunk: Buffer): boolean {
    if (this.violation !== undefined) return false;
    try {
      this.read += chunk.length;
      if (this.read > MAX_SESSION_BYTES) throw new ProtocolViolation('too-much');
      const finals = this.lines.push(chunk).filter((line) => !/^\d{3}-/.test(line) && line !== '').length;
      // Replies awaited now: one per pending action (the greeting's too), less those already queued unprocessed.
      const queued = connection._responseQueue.length - (connection._responsePartial ? 1 : 0);
      if (finals > connection._responseActions.length - queued) throw new ProtocolViolation('unsolicited');
      return true;
    } catch (error) {
      if (!(error instanceof ProtocolViolation)) throw error;
      this.violation = error.reason;
      this.onViolation();
      return false;
    }
  }
}

const smtpGuards = new WeakMap<object, SmtpReplyGuard>();
let smtpPatched = false;

/**
 * Guards the SMTP session nodemailer runs on `socket` (the socket the check hands it): data is checked as it
 * arrives, plaintext before STARTTLS and decrypted after. Installs the hook on first use.
 */
export function guardSmtpSocket(socket: object, guard: SmtpReplyGuard): void {
  smtpGuards.set(socket, guard);
  if (smtpPatched) return;
  smtpPatched = true;
  const proto = SMTPConnection.prototype as unknown as SmtpConnectionInternals;
  const original = proto._onData;
  proto._onData = function guardedOnData(this: SmtpConnectionInternals, chunk: Buffer): void {
    const socketGuard = this.options.socket === undefined ? undefined : smtpGuards.get(this.options.socket);
    if (socketGuard !== undefined && !this._destroyed && chunk.length > 0 && !socketGuard.accept(this, chunk))
      return;
    original.call(this, chunk);
  };
}

// --- IMAP (imapflow) --------------------------------------------------------------------------------------------

/** The parts of imapflow's ImapFlow (2.1.2) the guard wraps: internal, see the module comment. */
interface ImapFlowInternals {
  write(chunk: string | Buffer): unknown;
  streamer: {
    _transform(chunk: Buffer | string, encoding: BufferEncoding, next: (error?: Error) => void): void;
  };
  close(): void;
}

/**
 * One IMAP session's guard: records the tags of the commands written, and checks what arrives (before imapflow
 * parses it): bounded lines, a bounded session, and no tagged completion for a command not written yet.
 */
export class ImapReplyGuard {
  violation: Violation | undefined;
  private readonly lines = new LineSplitter();
  private readonly sent = new Set<string>();
  private read = 0;
  /** Bytes of a literal (`{n}` at a line's end) still to come: data, not lines. */
  private literal = 0;

  /** Wraps `client`'s write and its parser's input. */
  attach(client: object): void {
    const flow = client as ImapFlowInternals;
    const write = flow.write.bind(flow);
    flow.write = (chunk) => {
      const text = typeof chunk === 'string' ? chunk : chunk.subarray(0, 32).toString('latin1');
      const tag = /^([A-Za-z0-9]+) /.exec(text)?.[1];
      if (tag !== undefined) this.sent.add(tag);
      return write(chunk);
    };
    const streamer = flow.streamer;
    const transform = streamer._transform.bind(streamer);
    streamer._transform = (chunk, encoding, next) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      if (this.violation === undefined) this.check(bytes);
      if (this.violation !== undefined) {
        flow.close();
        next();
        return;
      }
      transform(chunk, encoding, next);
    };
  }

  private check(chunk: Buffer): void {
    try {
      this.read += chunk.length;
      if (this.read > MAX_SESSION_BYTES) throw new ProtocolViolation('too-much');
      let rest = chunk;
      while (rest.length > 0) {
        if (this.literal > 0) {
          const take = Math.min(this.literal, rest.length);
          this.literal -= take;
          rest = rest.subarray(take);
          continue;
        }
        const end = rest.indexOf(0x0a);
        const piece = end === -1 ? rest : rest.subarray(0, end + 1);
        rest = end === -1 ? Buffer.alloc(0) : rest.subarray(end + 1);
        for (const line of this.lines.push(piece)) this.line(line);
      }
    } catch (error) {
      if (!(error instanceof ProtocolViolation)) throw error;
      this.violation = error.reason;
    }
  }

  private line(line: string): void {
    const literal = /\{(\d+)\+?\}$/.exec(line);
    if (literal !== null) this.literal = Number(literal[1]);
    const tag = /^([^\s*+][^\s]*) (?:OK|NO|BAD)\b/i.exec(line)?.[1];
    if (tag !== undefined && !this.sent.has(tag)) throw new ProtocolViolation('unsolicited');
  }
}
