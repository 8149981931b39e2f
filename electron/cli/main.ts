#!/usr/bin/env node
/** Entry point of `rtw`: wires the real process to the CLI and turns signals into cancellation. */
import nodeModule from 'node:module';
import { setFlagsFromString } from 'node:v8';

// Node 22.1+ can keep the compiled code of the modules a process loads and reuse it next time; most of a
// scheduled `rtw refresh` is loading MSAL and undici, so every later run starts sooner. Node 20 has no such
// API (this is then a no-op). Turned on before the CLI's modules load, hence the dynamic import below.
// https://nodejs.org/api/module.html#moduleenablecompilecachecachedir
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// undici parses HTTP with llhttp compiled to WebAssembly. V8 first compiles it with its baseline compiler
// (Liftoff), then re-compiles the hot parser with TurboFan on a background thread, and a finishing Node process
// waits for that thread: 60–100 ms at the end of every `rtw refresh` for a parser that reads a few kilobytes
// (docs/benchmarks.md, figure 3). Liftoff alone is plenty for a command that sends a handful of requests.
// It is a compile-time flag, read when undici compiles the parser on its first connection, i.e. after this line.
// https://v8.dev/blog/liftoff
setFlagsFromString('--liftoff-only');

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

const { runCli } = await import('./run.js');
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
// Exit as soon as the output is out, rather than when the event loop drains: a keep-alive socket or a stray
// timer must not keep a finished CLI alive. Every file write and lock release has been awaited by now; only the
// console output may still be in flight.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);

/** Resolves once everything written to `stream` so far has been handed to the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
