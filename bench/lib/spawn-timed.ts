/** Runs a program to its end and times it from spawn to exit, the way a scheduler sees it. */
import { spawn } from 'node:child_process';

/** What a timed run produced. */
export interface TimedRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `command args`, collects its output, and resolves when it exits (or rejects after `limitMs`). */
export function spawnTimed(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; limitMs?: number } = {},
): Promise<TimedRun> {
  const start = performance.now();
  const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} did not finish in ${options.limitMs ?? 30_000} ms: ${stderr}`));
    }, options.limitMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - start, code, stdout, stderr });
    });
  });
}
