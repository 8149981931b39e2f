/** The machine a benchmark ran on, for the head of docs/benchmarks.md: figures mean little without it. */
import { cpus, freemem, loadavg, release, totalmem, type as osType } from 'node:os';
import { readFileSync } from 'node:fs';

/** Debian/Ubuntu's PRETTY_NAME when there is one, so "Linux 6.x" says which distribution. */
function distribution(): string | undefined {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

const GIB = 1024 ** 3;

/** A markdown list describing the machine. */
export function describeMachine(): string {
  const list = cpus();
  const distro = distribution();
  return [
    `- CPU: ${list[0]?.model.trim() ?? 'unknown'}, ${list.length} logical cores`,
    `- Memory: ${(totalmem() / GIB).toFixed(1)} GiB (${(freemem() / GIB).toFixed(1)} GiB free at start)`,
    `- Node.js: ${process.version} (V8 ${process.versions.v8})`,
    `- OS: ${osType()} ${release()}${distro === undefined ? '' : ` — ${distro}`} (${process.arch})`,
    `- Load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  ].join('\n');
}

/** The file system type holding `dir` (from /proc/self/mounts), since fsync costs depend on it entirely. */
export function fileSystemOf(dir: string): string {
  try {
    const mounts = readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter((fields) => fields.length > 2);
    let best: { point: string; type: string } = { point: '', type: 'unknown' };
    for (const [, point = '', type = ''] of mounts) {
      const inside = dir === point || dir.startsWith(point.endsWith('/') ? point : `${point}/`);
      if (inside && point.length > best.point.length) best = { point, type };
    }
    return `${best.type} (mounted at ${best.point})`;
  } catch {
    return 'unknown';
  }
}
