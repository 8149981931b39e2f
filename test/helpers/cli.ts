/** Spawns the built `rtw` CLI as a real process and collects its output, reacting to its JSON events. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';

/** The bundled CLI, as `npm install` builds it and `rtw` runs it (package.json `bin`). */
export const CLI_PATH = path.resolve(import.meta.dirname, '../../dist/cli/rtw.cjs');

/** What a CLI run produced. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  events: Array<Record<string, unknown>>;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli/rtw.cjs ...args`; `onEvent` sees each JSON line of stdout as it comes. */
export function runCli(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    stdin?: string;
    cwd?: string;
    onEvent?: (event: Record<string, unknown>, child: ChildProcess) => void;
    onStderr?: (line: string, child: ChildProcess) => void;
  } = {},
): Promise<CliRun> {
  // A clean environment: no proxy or CA settings leak in from the machine running the tests.
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8' };
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    env: { ...base, ...options.env },
    cwd: options.cwd ?? process.cwd(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const events: Array<Record<string, unknown>> = [];
  let stdout = '';
  let stderr = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdout += `${line}\n`;
    try {
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      options.onEvent?.(event, child);
    } catch {
      // Not JSON: human output, kept in `stdout`.
    }
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr += `${line}\n`;
    options.onStderr?.(line, child);
  });
  if (options.stdin !== undefined) child.stdin.end(options.stdin);
  else child.stdin.end();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not finish: ${stderr}`));
    }, 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
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
