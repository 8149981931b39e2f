/**
 * A small POP3 client over TLS (port 995), enough for the token check: greeting, AUTH XOAUTH2, STAT, QUIT.
 *
 * No npm POP3 client speaks XOAUTH2 (FACTS.md). Microsoft's page shows the two-line form — `AUTH XOAUTH2`, the
 * server's `+`, then the base64 string on its own line — which is what this client sends (RFC 5034 allows an
 * initial response on the AUTH line too, but that is not the form Exchange documents).
 *
 * Replies are matched to commands strictly (issue #15, item 15): a line may only arrive while a reply is awaited
 * (the greeting, or the reply to the command just sent), and a reply is complete at its status line, or for a
 * multi-line reply at its final `.`. Anything the server sends beyond that — a reply ahead of its command — ends the
 * session as a protocol violation rather than being taken as the next command's answer. Lines and replies are
 * bounded (reply-guard.ts), and split as they arrive, in linear time.
 */
import { connect as tlsConnect } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { classifySocketError } from './failure.js';
import type { MailFailure, MailStep } from './failure.js';
import { LineSplitter, MAX_LINE_BYTES, ProtocolViolation } from './reply-guard.js';
import type { StepTimeouts } from './types.js';

/** One POP3 status line: `+OK`, `-ERR`, or the SASL continuation `+`. */
export interface Pop3Status {
  status: '+OK' | '-ERR' | '+';
  /** The text after the status indicator (a continuation's base64 challenge, usually empty). */
  text: string;
}

/** A reply: its status line and, for multi-line replies, the data lines (dot-unstuffed, without the final `.`). */
export interface Pop3Reply extends Pop3Status {
  /** The status line as received. */
  line: string;
  lines: string[];
}

/** Parses a status line; undefined when it is not one (a protocol error). */
export function parsePop3Status(line: string): Pop3Status | undefined {
  const match = /^(\+OK|-ERR|\+)(?:\s(.*)|$)/i.exec(line);
  if (match === null) return undefined;
  const indicator = (match[1] ?? '').toUpperCase();
  const status = indicator === '+OK' ? '+OK' : indicator === '-ERR' ? '-ERR' : '+';
  return { status, text: (match[2] ?? '').trim() };
}

/** Undoes byte-stuffing of a multi-line reply's data lines (RFC 1939 §3): a leading `..` stands for `.`. */
export function unstuffLine(line: string): string {
  return line.startsWith('..') ? line.slice(1) : line;
}

/** The message count and size of a `+OK nn mm` STAT reply. */
export function parseStat(text: string): { messages: number; octets: number } | undefined {
  const match = /^(\d+)\s+(\d+)/.exec(text.trim());
  return match === null ? undefined : { messages: Number(match[1]), octets: Number(match[2]) };
}

/** A failed POP3 exchange, carrying what explains it. */
export class Pop3Error extends Error {
  override readonly name = 'Pop3Error';
  constructor(
    readonly failure: MailFailure,
    options?: { cause?: unknown },
  ) {
    super(`POP3 ${failure.kind} during ${failure.step}`, options);
  }
}

/** Where to connect and how patiently. */
export interface Pop3ConnectOptions {
  host: string;
  port: number;
  /** CA certificates to trust instead of the defaults (give the system roots too to keep them). */
  ca?: string[];
  timeouts: StepTimeouts;
  /** Sees every line sent (`C`) and received (`S`), for the transcript; `text` of secret lines is the masked form. */
  onLine?: (source: 'C' | 'S', text: string) => void;
  signal?: AbortSignal;
}

/** The reply the client waits for: what it answers, and what has come of it so far. */
interface ExpectedReply {
  step: MailStep;
  multiline: boolean;
  reply?: Pop3Reply;
  /** Bytes of the reply so far (its lines with their line ends): bounded like a line. */
  bytes: number;
}

/** A connected POP3 session. */
export class Pop3Client {
  private readonly lines = new LineSplitter();
  /** The reply awaited now (the greeting from the start, then the answer to the command just written), if any. */
  private expected: ExpectedReply | undefined = { step: 'greeting', multiline: false, bytes: 0 };
  /** A complete reply `readReply` has not collected yet. */
  private ready: Pop3Reply | undefined;
  /** Who waits in `readReply`. */
  private waiter: { resolve: (reply: Pop3Reply) => void; reject: (error: Error) => void } | undefined;
  private ended: Error | undefined;

  private constructor(
    private readonly socket: TLSSocket,
    private readonly options: Pop3ConnectOptions,
  ) {
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const line of this.lines.push(chunk)) this.receive(line);
      } catch (error) {
        if (error instanceof ProtocolViolation) this.fail(this.violation(error));
        else if (error instanceof Pop3Error) this.fail(error);
        else throw error;
      }
    });
    socket.on('error', (error: Error) => this.fail(error));
    socket.on('close', () =>
      this.fail(Object.assign(new Error('connection closed'), { code: 'ECONNRESET' })),
    );
    options.signal?.addEventListener(
      'abort',
      () => this.fail(options.signal?.reason instanceof Error ? options.signal.reason : new Error('aborted')),
      { once: true },
    );
  }

  /** Opens the TLS connection and reads the greeting; a `-ERR` greeting is returned, not thrown. */
  static async connect(options: Pop3ConnectOptions): Promise<{ client: Pop3Client; greeting: Pop3Reply }> {
    const socket = await openTls(options);
    const client = new Pop3Client(socket, options);
    try {
      const greeting = await client.readReply('greeting', options.timeouts.greeting);
      return { client, greeting };
    } catch (error) {
      client.close();
      throw error;
    }
  }

  /** Sends one command and reads its reply; `logAs` replaces the line in the transcript (for secrets). */
  async command(
    line: string,
    step: MailStep,
    options: { multiline?: boolean; logAs?: string } = {},
  ): Promise<Pop3Reply> {
    this.write(line, step, options.multiline === true, options.logAs);
    return this.readReply(step, this.options.timeouts.command);
  }

  /**
   * `AUTH XOAUTH2`, then on the server's `+` the base64 string on its own line (Microsoft's two-line form).
   * A `-ERR` at either point is returned as the reply. When the server answers a failed token with another
   * `+` and a base64 error (the SASL error convention, Gmail's way), an empty line ends the exchange as RFC 5034
   * and the mechanism say, and the challenge comes back with the final reply.
   */
  async authXoauth2(base64: string): Promise<{ reply: Pop3Reply; challenge?: string }> {
    const first = await this.command('AUTH XOAUTH2', 'auth');
    if (first.status !== '+') return { reply: first };
    const second = await this.command(base64, 'auth', { logAs: base64 });
    if (second.status !== '+') return { reply: second };
    return { reply: await this.command('', 'auth'), challenge: second.text };
  }

  /** Says goodbye politely and closes; never throws (the check's result does not depend on it). */
  async quit(): Promise<void> {
    try {
      if (this.ended === undefined) await this.command('QUIT', 'command');
    } catch {
      // The server may close first; nothing depends on QUIT's answer.
    } finally {
      this.close();
    }
  }

  /** Closes the connection at once. */
  close(): void {
    this.socket.destroy();
  }

  private write(line: string, step: MailStep, multiline: boolean, logAs: string | undefined): void {
    // Ended by the server: say how (a protocol violation stays one), not just "closed".
    if (this.ended !== undefined) throw toPop3Error(this.ended, step);
    this.options.onLine?.('C', logAs ?? line);
    // From now on the reply to this command is awaited, and only that (the previous one was read: command()
    // awaits each reply before the next command).
    this.expected = { step, multiline, bytes: 0 };
    this.socket.write(`${line}\r\n`);
  }

  /** One line from the server: part of the awaited reply, or a protocol violation. */
  private receive(line: string): void {
    this.options.onLine?.('S', line);
    const expected = this.expected;
    // Nothing awaited: a reply sent ahead of its command (or more than one reply to one command).
    if (expected === undefined) throw new ProtocolViolation('unsolicited');
    expected.bytes += Buffer.byteLength(line) + 2;
    if (expected.bytes > MAX_LINE_BYTES) throw new ProtocolViolation('too-long');
    if (expected.reply === undefined) {
      const status = parsePop3Status(line);
      if (status === undefined) throw new Pop3Error({ kind: 'reply', step: expected.step, reply: line });
      expected.reply = { ...status, line, lines: [] };
      if (!(expected.multiline && status.status === '+OK')) this.complete(expected.reply);
      return;
    }
    if (line === '.') this.complete(expected.reply);
    else expected.reply.lines.push(unstuffLine(line));
  }

  private complete(reply: Pop3Reply): void {
    this.expected = undefined;
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter !== undefined) waiter.resolve(reply);
    else this.ready = reply;
  }

  private violation(error: ProtocolViolation): Pop3Error {
    return new Pop3Error(
      { kind: 'protocol', step: this.expected?.step ?? 'command', reason: error.reason },
      { cause: error },
    );
  }

  /** Ends the session: the waiting `readReply` (if any) fails with `error`, and nothing more is read. */
  private fail(error: Error): void {
    this.ended ??= error;
    this.expected = undefined;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(error);
    this.socket.destroy();
  }

  private readReply(step: MailStep, timeoutMs: number): Promise<Pop3Reply> {
    const ready = this.ready;
    if (ready !== undefined) {
      this.ready = undefined;
      return Promise.resolve(ready);
    }
    if (this.ended !== undefined) return Promise.reject(toPop3Error(this.ended, step));
    return new Promise<Pop3Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        this.close();
        reject(new Pop3Error({ kind: 'timeout', step, seconds: Math.round(timeoutMs / 1000) }));
      }, timeoutMs);
      this.waiter = {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(toPop3Error(error, step));
        },
      };
    });
  }
}

function toPop3Error(error: Error, step: MailStep): Error {
  if (error instanceof Pop3Error) return error;
  if (error.name === 'AbortError') return error;
  return new Pop3Error(classifySocketError(error, step) ?? { kind: 'closed', step }, { cause: error });
}

/** Connects with TLS within the connect timeout; the abort signal ends the attempt at once. */
function openTls(options: Pop3ConnectOptions): Promise<TLSSocket> {
  return new Promise<TLSSocket>((resolve, reject) => {
    const socket = tlsConnect({
      host: options.host,
      port: options.port,
      // SNI only for names: an IP address as servername is not allowed (RFC 6066), Node warns about it.
      ...(/^[\d.]+$|:/.test(options.host) ? {} : { servername: options.host }),
      ...(options.ca === undefined ? {} : { ca: options.ca }),
      minVersion: 'TLSv1.2',
    });
    const fail = (error: Error): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(error);
    };
    const onAbort = (): void =>
      fail(options.signal?.reason instanceof Error ? options.signal.reason : new Error('aborted'));
    const timer = setTimeout(
      () =>
        fail(
          new Pop3Error({
            kind: 'timeout',
            step: 'connect',
            seconds: Math.round(options.timeouts.connect / 1000),
          }),
        ),
      options.timeouts.connect,
    );
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.removeListener('error', onError);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(socket);
    });
    const onError = (error: Error): void =>
      fail(
        new Pop3Error(classifySocketError(error, 'connect') ?? { kind: 'closed', step: 'connect' }, {
          cause: error,
        }),
      );
    socket.once('error', onError);
    if (options.signal?.aborted === true) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
