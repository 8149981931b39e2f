import type { Clock } from '../../core/oauth/index.js';
import { terminalSafe } from './terminal-text.js';

/** The process surroundings a CLI command uses, injected so commands run in-process in tests. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on Ctrl+C / SIGTERM. */
  signal: AbortSignal;
  /**
   * PEM certificates to trust besides Node's bundled roots, for the identity provider and the mail servers. The
   * real process leaves this out: Node has read NODE_EXTRA_CA_CERTS into its store at start-up, and only then. A
   * CLI run inside another process (the tests) gives here what that variable would have given.
   */
  extraCaPem?: string;
  /** Time for sign-in time-outs and countdowns; the real process uses the real clock (tests drive a fake one). */
  clock?: Clock;
  /**
   * How a schedule starts this same program again, program first: the installed app (it runs headless when given
   * a command), or Node and the CLI's script. Set by each entry point (electron/cli/main.ts, the app's
   * electron/main/headless.ts); `rtw schedule add` refuses to guess without it.
   */
  selfCommand?: readonly string[];
}

/** The trust and proxy settings of `io`, as the network clients take them. */
export function networkOptions(io: CliIo): { env: NodeJS.ProcessEnv; extraCaPem?: string } {
  return { env: io.env, ...(io.extraCaPem === undefined ? {} : { extraCaPem: io.extraCaPem }) };
}

/**
 * Writes one line, its control characters escaped (terminal-text.ts): every line the CLI prints, human or JSON,
 * goes through here, so text from a server or a file never drives the terminal (issue #15, item 14).
 */
export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${terminalSafe(text)}\n`);
}

/** Reads all of standard input as text (for --secret-stdin). */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
