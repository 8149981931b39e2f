/**
 * Peak resident memory of a child process: GNU time's "Maximum resident set size" when /usr/bin/time is
 * there, else the kernel's high-water mark (VmHWM in /proc/<pid>/status) sampled until the process ends.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

const GNU_TIME = '/usr/bin/time';

/** A finished run and its peak RSS in KiB. */
export interface PeakRun {
  code: number | null;
  peakKiB: number;
  method: 'GNU time -v' | '/proc VmHWM';
  stderr: string;
}

/** Which method this machine uses. */
export const PEAK_METHOD: PeakRun['method'] = existsSync(GNU_TIME) ? 'GNU time -v' : '/proc VmHWM';

/** Runs `node args`, calling `onLine` for each stdout line (with the child, to react to it). */
export function peakRssOfNode(
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; onLine?: (line: string, child: ChildProcessWithoutNullStreams) => void },
): Promise<PeakRun> {
  const viaTime = PEAK_METHOD === 'GNU time -v';
  const child = viaTime
    ? spawn(GNU_TIME, ['-v', process.execPath, ...args], { env: options.env })
    : spawn(process.execPath, args, { env: options.env });
  child.stdin.end();
  createInterface({ input: child.stdout }).on('line', (line) => options.onLine?.(line, child));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let sampledKiB = 0;
  const sampler = viaTime
    ? undefined
    : setInterval(() => {
        readFile(`/proc/${String(child.pid)}/status`, 'utf8').then(
          (status) => {
            const hwm = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
            sampledKiB = Math.max(sampledKiB, hwm);
          },
          () => undefined,
        );
      }, 10);
  return new Promise((resolve, reject) => {
    const limit = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      clearInterval(sampler);
      const fromTime = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ code, peakKiB: viaTime ? fromTime : sampledKiB, method: PEAK_METHOD, stderr });
    });
  });
}
