/**
 * Runs `rtw` for a test and collects its output, reacting to its JSON events and stderr lines as they come: as the
 * built CLI in a real process (`spawnCli`), or in this process (cli-in-process.ts) with the same options and result.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Dispatcher } from 'undici';
import { playBrowser } from '../fixtures/browser.js';
import type { Clock } from '../../electron/core/oauth/index.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';

/** The bundled CLI, as `npm install` builds it and `rtw` runs it (package.json `bin`). */
export const CLI_PATH = path.resolve(import.meta.dirname, '../../dist/cli/rtw.cjs');

/** What a CLI run produced. */
export interface CliRun {
  code: number | null;
  /** The signal that ended a real process; null in process. */
  signal: NodeJS.Signals | null;
  events: Array<Record<string, unknown>>;
  stdout: string;
  stderr: string;
}

/** The run, for the callbacks: `kill` interrupts it as Ctrl+C (SIGINT), a closed terminal (SIGHUP) or SIGTERM do. */
export interface RunningCli {
  kill(signal?: NodeJS.Signals): unknown;
}

/** How to run the CLI. */
export interface CliOptions {
  /** On top of a clean environment ({@link baseEnv}). */
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  cwd?: string;
  onEvent?: (event: Record<string, unknown>, run: RunningCli) => void;
  onStderr?: (line: string, run: RunningCli) => void;
  /** In process only: the run's time (a fake clock drives time-outs and countdowns). */
  clock?: Clock;
  /** In process only: how a schedule starts "this program" (default: Node and the built CLI, as `rtw` does). */
  selfCommand?: string[];
}

/** A clean environment: no proxy or CA settings leak in from the machine running the tests. */
export function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', ...extra };
}

/** Collects the lines of a run's output, calling back on each JSON line of stdout and each line of stderr. */
export class OutputLines {
  readonly events: Array<Record<string, unknown>> = [];
  stdout = '';
  stderr = '';

  constructor(
    private readonly options: CliOptions,
    private readonly run: RunningCli,
  ) {}

  stdoutLine(line: string): void {
    this.stdout += `${line}\n`;
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // Not JSON: human output, kept in `stdout`.
    }
    this.events.push(event);
    this.options.onEvent?.(event, this.run);
  }

  stderrLine(line: string): void {
    this.stderr += `${line}\n`;
    this.options.onStderr?.(line, this.run);
  }
}

/** Runs `node dist/cli/rtw.cjs ...args`: the CLI as a real program. */
export function spawnCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    env: baseEnv(options.env),
    cwd: options.cwd ?? process.cwd(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = new OutputLines(options, child);
  createInterface({ input: child.stdout }).on('line', (line) => lines.stdoutLine(line));
  createInterface({ input: child.stderr }).on('line', (line) => lines.stderrLine(line));
  if (options.stdin !== undefined) child.stdin.end(options.stdin);
  else child.stdin.end();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not finish: ${lines.stderr}`));
    }, 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const { events, stdout, stderr } = lines;
      resolve({ code, signal, events, stdout, stderr });
    });
  });
}

/**
 * `rtw acquire` arguments for the sandbox's confidential app (or `clientId`) and default user, on a free port,
 * without a browser. `authority: null` leaves the authority out: the production host, reached through a routing proxy.
 */
export function sandboxAcquireArgs(
  idp: SandboxIdp,
  out: string,
  options: { authority?: string | null; clientId?: string; extra?: readonly string[] } = {},
): string[] {
  const authority = options.authority === undefined ? idp.authority('common') : options.authority;
  return [
    'acquire',
    ...(authority === null ? [] : ['--authority', authority]),
    '--client-id',
    options.clientId ?? idp.apps.confidential.clientId,
    '--user',
    idp.users.admin.upn,
    '--out',
    out,
    '--port',
    '0',
    '--no-browser',
    ...(options.extra ?? []),
  ];
}

/** The environment of a run against the sandbox: its CA trusted, the confidential app's secret given. */
export function sandboxEnv(idp: SandboxIdp, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: idp.defaults.secrets.valid.value, ...extra };
}

/** An `onEvent` that plays the browser, through `dispatcher`, as soon as the CLI announces the sign-in URL. */
export function browseOnWaiting(dispatcher: Dispatcher): (event: Record<string, unknown>) => void {
  let started = false;
  return (event) => {
    if (event.event !== 'waiting' || started) return;
    started = true;
    void playBrowser(String(event.authorizeUrl), { dispatcher });
  };
}
