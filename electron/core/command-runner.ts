/**
 * Running the OS's own tools (schtasks, launchctl, systemctl, crontab, logger, eventcreate): injected, so the
 * tests run the real logic against recorded answers, or against the real tool where this machine has it.
 *
 * Never through a shell: arguments go to the program as they are, so a token folder called `$(rm -rf ~)` or
 * `a & b` is a path, nothing more. Nothing secret is ever an argument (the tools' command lines are visible to
 * every local user).
 */
import { execFile } from 'node:child_process';

/** How a tool ended. `code` is null when it could not be started at all (`error` says why: ENOENT…). */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The system error when the program could not be run (not found, not executable). */
  error?: string;
}

/** Options of one run. */
export interface CommandOptions {
  /** Written to the tool's standard input (crontab -). */
  input?: string;
  /** Replaces the environment (the default is this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Runs `program` with `args`; resolves with its result, whatever it is. */
export type CommandRunner = (
  program: string,
  args: readonly string[],
  options?: CommandOptions,
) => Promise<CommandResult>;

/** A tool that hangs (a launchctl waiting on a dead domain) must not hang the schedule command. */
const TIMEOUT_MS = 60_000;

/** The real runner: `execFile`, no shell, no window on Windows, output as UTF-8 (PowerShell is asked for it). */
export const runCommand: CommandRunner = (program, args, options = {}) =>
  new Promise((resolve) => {
    const child = execFile(
      program,
      [...args],
      {
        env: options.env ?? process.env,
        timeout: TIMEOUT_MS,
        windowsHide: true,
        maxBuffer: 4 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ code: 0, stdout, stderr });
          return;
        }
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number') resolve({ code, stdout, stderr });
        else resolve({ code: null, stdout, stderr, error: typeof code === 'string' ? code : error.message });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
