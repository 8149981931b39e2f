/**
 * A small POP3 client over TLS (port 995), enough for the token check: greeting, AUTH XOAUTH2, STAT, QUIT.
 *
 * No npm POP3 client speaks XOAUTH2 (FACTS.md). Microsoft's page shows the two-line form — `AUTH XOAUTH2`, the
 * server's `+`, then the base64 string on its own line — which is what this client sends (RFC 5034 allows an
 * initial response on the AUTH line too, but that is not the form Exchange documents).
 */
import { connect as tlsConnect } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { classifySocketError } from './failure.js';
import type { MailFailure, MailStep } from './failure.js';
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

/** Splits a byte stream into lines (CRLF, tolerating bare LF), keeping an incomplete last line for later. */
export class Pop3LineBuffer {
  private rest = '';

  /** Adds received data; returns the lines it completed, without their line endings. */
  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const parts = text.split('\n');
    this.rest = parts.pop() ?? '';
    return parts.map((line) => line.replace(/\r$/, ''));
  }
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

/** A connected POP3 session. */
export class Pop3Client {
  private readonly buffer = new Pop3LineBuffer();
  private readonly queue: string[] = [];
  private waiter: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  private ended: Error | undefined;

  private constructor(
    private readonly socket: TLSSocket,
    private readonly options: Pop3ConnectOptions,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      for (const line of this.buffer.push(chunk)) {
        options.onLine?.('S', line);
        if (this.waiter !== undefined) {
          const { resolve } = this.waiter;
          this.waiter = undefined;
          resolve(line);
        } else this.queue.push(line);
      }
    });
    const end = (error: Error): void => {
      this.ended ??= error;
      this.waiter?.reject(error);
      this.waiter = undefined;
    };
    socket.on('error', end);
    socket.on('close', () => end(Object.assign(new Error('connection closed'), { code: 'ECONNRESET' })));
    options.signal?.addEventListener(
      'abort',
      () => {
        end(options.signal?.reason instanceof Error ? options.signal.reason : new Error('aborted'));
        socket.destroy();
      },
      { once: true },
    );
  }

  /** Opens the TLS connection and reads the greeting; a `-ERR` greeting is returned, not thrown. */
  static async connect(options: Pop3ConnectOptions): Promise<{ client: Pop3Client; greeting: Pop3Reply }> {
    const socket = await openTls(options);
    const client = new Pop3Client(socket, options);
    try {
      const greeting = await client.readReply('greeting', options.timeouts.greeting, false);
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
    this.write(line, options.logAs);
    return this.readReply(step, this.options.timeouts.command, options.multiline === true);
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

  private write(line: string, logAs: string | undefined): void {
    if (this.ended !== undefined) throw new Pop3Error({ kind: 'closed', step: 'command' });
    this.options.onLine?.('C', logAs ?? line);
    this.socket.write(`${line}\r\n`);
  }

  private async readReply(step: MailStep, timeoutMs: number, multiline: boolean): Promise<Pop3Reply> {
    const line = await this.readLine(step, timeoutMs);
    const status = parsePop3Status(line);
    if (status === undefined) throw new Pop3Error({ kind: 'reply', step, reply: line });
    const reply: Pop3Reply = { ...status, line, lines: [] };
    if (multiline && status.status === '+OK') {
      for (;;) {
        const data = await this.readLine(step, timeoutMs);
        if (data === '.') break;
        reply.lines.push(unstuffLine(data));
      }
    }
    return reply;
  }

  private readLine(step: MailStep, timeoutMs: number): Promise<string> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.ended !== undefined) return Promise.reject(toPop3Error(this.ended, step));
    return new Promise<string>((resolve, reject) => {
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
