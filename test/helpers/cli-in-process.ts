/**
 * Runs `rtw` in this process through `runCli(argv, io)` (electron/cli/run.ts), the function the real program runs,
 * with an io of our own: the output collected, the environment clean, standard input from a string, and Ctrl+C an
 * abort of the run's signal. No process to start: a run costs what the command does, not Node's start-up and the
 * bundle's loading. What only a real process does (signal handling, the exit code reaching the shell, Node reading
 * NODE_EXTRA_CA_CERTS, stdin as a pipe) is left to the spawn tests (test/cli/process.test.ts).
 *
 * NODE_EXTRA_CA_CERTS in `env` is honoured as Node would honour it at a process's start: the file's certificates
 * are trusted, here through `io.extraCaPem`, by the product's own transport and mail clients.
 */
import { readFile } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../electron/cli/run.js';
import { CLI_PATH, OutputLines, baseEnv } from './cli.js';
import type { CliOptions, CliRun, RunningCli } from './cli.js';

/** A stream that hands each complete line on, after the write returns, as a pipe from another process would. */
class LineStream extends Writable {
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {
    super({ decodeStrings: false });
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const lines = (this.partial + String(chunk)).split('\n');
    this.partial = lines.pop() ?? '';
    // Not within the CLI's own write: a callback that interrupts the run must not run inside the code it interrupts.
    setImmediate(() => {
      for (const line of lines) this.onLine(line);
      done();
    });
  }

  override _final(done: (error?: Error | null) => void): void {
    if (this.partial !== '') this.onLine(this.partial);
    done();
  }
}

/** Ends the stream and resolves once every line written to it has been handed on. */
function finished(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** Runs `rtw ...args` in this process; resolves with what a spawned run would give (`signal` is always null). */
export async function runCliInProcess(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const env = baseEnv(options.env);
  const controller = new AbortController();
  const run: RunningCli = { kill: () => controller.abort() };
  const lines = new OutputLines(options, run);
  const stdout = new LineStream((line) => lines.stdoutLine(line));
  const stderr = new LineStream((line) => lines.stderrLine(line));
  const caFile = env.NODE_EXTRA_CA_CERTS;
  const code = await runCli(args, {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env,
    cwd: options.cwd ?? process.cwd(),
    signal: controller.signal,
    selfCommand: options.selfCommand ?? [process.execPath, CLI_PATH],
    ...(caFile === undefined ? {} : { extraCaPem: await readFile(caFile, 'utf8') }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  await Promise.all([finished(stdout), finished(stderr)]);
  const { events, stdout: out, stderr: err } = lines;
  return { code, signal: null, events, stdout: out, stderr: err };
}
