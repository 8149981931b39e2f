#!/usr/bin/env node
/** Entry point of `rtw`: wires the real process to the CLI and turns signals into cancellation. */
import { runCli } from './run.js';

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

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = code;
// Nothing should be left running, but a stray keep-alive socket must not keep a finished CLI alive.
setTimeout(() => process.exit(code), 2000).unref();
