/**
 * The installed app without a window: `"Refresh Token Wizard.exe" refresh FILE|FOLDER... [--json]` does what
 * `rtw refresh` does — the same options, output and exit codes — because it runs the CLI's own code
 * (electron/cli/run.ts `runCli`, compiled into the app next to the main process) with an io on this process's
 * streams. This is what the app's schedules run (rtw schedule, the Keep alive panel), so admins need no Node.js
 * and no separate `rtw` on the machine. Decided in index.ts before the single-instance lock, the sandbox switch
 * and any window: a scheduled refresh must run while the window is open, and must never open one.
 * The RunAsNode fuse stays off: this runs our code only, never arbitrary scripts.
 *
 * Where the output goes. Windows builds the app as a GUI program (no console of its own). Started from a
 * console, Electron attaches to it ("ELECTRON_NO_ATTACH_CONSOLE: don't attach to the current console session",
 * Electron's environment variables page), so the lines appear there, but cmd.exe does not wait for a GUI program:
 * its prompt comes back at once and %ERRORLEVEL% is not the run's (use `start "" /wait "…exe" refresh …`, or
 * PowerShell's `Start-Process -Wait -PassThru`). Redirected (`> out.txt`, a pipe) the handles are inherited and
 * work (AttachConsole's remarks: "the exception to this is if the application is launched with handle
 * inheritance by its parent process"). Under Task Scheduler there is no console at all: the task's "Last Run
 * Result" is the exit code, and the output is only in the log file this run appends to (`logs/headless.log` in
 * the app's data folder, beside alerts.json and the mailbox list; the previous megabyte kept as `.1`).
 *
 * On Linux the schedule starts the app with Chromium switches that let it start without a display
 * (LINUX_HEADLESS_SWITCHES, core/schedule/launcher.ts); they come before the command and are dropped here.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { LINUX_HEADLESS_SWITCHES } from '../core/schedule/index.js';

/**
 * The commands the app runs without a window: the ones a schedule runs. `rotate-secret` (a client secret's
 * rotation, built beside this) is run the same way once electron/cli/run.ts registers it; until then the CLI
 * answers it as an unknown command, exit 2.
 */
export const HEADLESS_COMMANDS: readonly string[] = ['refresh', 'rotate-secret'];

/** Past this size the log starts again (the previous one kept as `.1`). */
export const LOG_ROTATE_BYTES = 1024 * 1024;

/**
 * The CLI arguments when the app was started with a headless command, else undefined (the window opens).
 * `defaultApp`: Electron's `process.defaultApp`, true when started as `electron <app folder> …`, whose second
 * argument is the folder.
 */
export function headlessArgsOf(argv: readonly string[], defaultApp: boolean): string[] | undefined {
  const args = argv.slice(defaultApp ? 2 : 1);
  let first = 0;
  while (first < args.length && LINUX_HEADLESS_SWITCHES.includes(args[first] ?? '')) first++;
  const rest = args.slice(first);
  return rest[0] !== undefined && HEADLESS_COMMANDS.includes(rest[0]) ? rest : undefined;
}

/** What a headless run needs from the process. */
export interface HeadlessDeps {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The log file to append to (`<data folder>/logs/headless.log`). */
  logFile: string;
  /** How a schedule starts this app again (for `rtw schedule`-like uses of the CLI's code). */
  selfCommand: readonly string[];
  now: () => Date;
}

/** Appends to the log, owner-only, rotating it first when it has grown past {@link LOG_ROTATE_BYTES}. */
function openLog(file: string): fs.WriteStream | undefined {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > LOG_ROTATE_BYTES)
      fs.renameSync(file, `${file}.1`);
    return fs.createWriteStream(file, { flags: 'a', mode: 0o600 });
  } catch {
    // No log is no reason not to refresh: the exit code still reaches the scheduler.
    return undefined;
  }
}

/** A stream writing to `target` and to the log. */
function tee(target: NodeJS.WritableStream, log: fs.WriteStream | undefined): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      log?.write(chunk);
      target.write(chunk, () => done());
    },
  });
}

/** Runs the CLI's command on the process's streams (and the log); resolves with its exit code. */
export async function runHeadless(args: readonly string[], deps: HeadlessDeps): Promise<number> {
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = (): void => {
    // As the CLI does: the first signal cancels cleanly (locks released, nothing half-written), a second exits.
    if (interrupted) process.exit(130);
    interrupted = true;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Output nobody reads (a closed pipe, no console) is not a failure of the refresh.
  deps.stdout.on('error', () => undefined);
  deps.stderr.on('error', () => undefined);

  const log = openLog(deps.logFile);
  // Which run wrote what: the time and the command (no secret is ever on a command line, the CLI refuses them).
  log?.write(`--- ${deps.now().toISOString()} pid ${process.pid}: ${args.join(' ')}\n`);
  const stdout = tee(deps.stdout, log);
  const stderr = tee(deps.stderr, log);
  let code: number;
  try {
    // Loaded only now: a window never loads the CLI.
    const { runCli } = await import('../cli/run.js');
    code = await runCli([...args], {
      stdout,
      stderr,
      stdin: deps.stdin,
      env: deps.env,
      cwd: deps.cwd,
      signal: controller.signal,
      selfCommand: deps.selfCommand,
    });
  } catch (error) {
    // A bug: its stack goes to stderr and the log, as an uncaught error of the CLI would.
    stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 1;
  }
  await Promise.all([flushed(stdout), flushed(stderr)]);
  if (log !== undefined) {
    log.write(`--- exit ${code}\n`);
    await new Promise<void>((resolve) => log.end(() => resolve()));
  }
  await Promise.all([flushed(deps.stdout), flushed(deps.stderr)]);
  return code;
}

/** Resolves once what was written to `stream` so far has been handed on. */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    // An output that is gone (EPIPE, no console) must not hold the exit: give it 2 seconds.
    const timer = setTimeout(resolve, 2000);
    timer.unref();
    stream.write('', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
