#!/usr/bin/env node
/** Entry point of `rtw`: wires the real process to the CLI and turns signals into cancellation. */
import { realpathSync } from 'node:fs';
import nodeModule from 'node:module';
import { EXIT } from './shared/exit-codes.js';
import { detachSecretVariable } from './shared/secret.js';
import { runCli } from './run.js';

// The client secret may come in RTW_CLIENT_SECRET. Every program this one starts (the browser launcher, the browser)
// inherits process.env: the variable leaves it before anything runs, and only this process's own copy has it.
const env = detachSecretVariable(process.env);

// Output nobody reads any more (`rtw help | head -1`) is not an error of the command: without these handlers
// the EPIPE would surface as an unhandled 'error' event and a crash.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

const controller = new AbortController();
let interrupted = false;
const onSignal = (): void => {
  // First Ctrl+C cancels cleanly (the port is released, nothing half-written); a second one exits at once.
  if (interrupted) process.exit(130);
  interrupted = true;
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// A closed terminal: cancel cleanly too (the lock released, nothing half-written) rather than die mid-write.
process.on('SIGHUP', onSignal);

// Bundled as CommonJS (vite.cli.config.ts), where there is no top-level await. Should the event loop ever run dry
// before `main` settles (a promise nobody resolves: a bug), the process ends with this code, not a success.
process.exitCode = EXIT.unexpected;
void main();

/** Runs the command line, waits for its output to be handed over, and exits with its code. */
async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env,
    cwd: process.cwd(),
    signal: controller.signal,
    // The script's real path (npm links `rtw` to it), with this very Node: what a schedule should start.
    selfCommand: [process.execPath, realpathSync(process.argv[1] ?? '')],
  });
  // Exit as soon as the output is out, rather than when the event loop drains: a keep-alive socket or a stray
  // timer must not keep a finished CLI alive. Every file write and lock release has been awaited by now; only the
  // console output may still be in flight, and an output nobody reads gets 2 seconds, not forever.
  setTimeout(() => process.exit(code), 2000).unref();
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // With NODE_COMPILE_CACHE set, Node saves compiled code at a normal exit, which process.exit skips: save it now
  // (module.flushCompileCache, Node 22.10+; a no-op without a cache). https://github.com/vitejs/vite/issues/19537
  (nodeModule as { flushCompileCache?: () => void }).flushCompileCache?.();
  process.exit(code);
}

/** Resolves once everything written to `stream` so far has been handed to the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
