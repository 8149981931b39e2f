/**
 * `npm run bench`: runs every bench in turn (never in parallel: they would measure each other) and prints the
 * document to stdout; `npm run bench -- --write` writes it to docs/benchmarks.md instead (a tracked file, so
 * only when asked). `npm run bench -- 3` runs the benches whose title starts with "3", and never writes. A bench
 * that fails is reported as failed in the document, and the others still run.
 */
import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { idpRequestsBench } from './idp-requests.js';
import { listenerFloodBench } from './listener-flood.js';
import { describeMachine } from './lib/machine.js';
import { renderSection } from './lib/report.js';
import type { Bench, BenchSection } from './lib/report.js';
import { memoryBench } from './memory.js';
import { parallelRefreshBench } from './parallel-refresh.js';
import { redirectToDiskBench } from './redirect-to-disk.js';
import { refreshVsCurlBench } from './refresh-vs-curl.js';
import { rendererBench } from './renderer.js';

const OUTPUT = path.resolve(import.meta.dirname, '../docs/benchmarks.md');

const BENCHES: ReadonlyArray<[string, Bench]> = [
  ['1. Requests to the identity provider', idpRequestsBench],
  ['2. Redirect → INI on disk', redirectToDiskBench],
  ['3. rtw refresh vs curl', refreshVsCurlBench],
  ['4. Renderer', rendererBench],
  ['5. Listener flood', listenerFloodBench],
  ['6. Memory', memoryBench],
  ['7. Parallel refresh', parallelRefreshBench],
];

const args = process.argv.slice(2);
const write = args.includes('--write');
const only = args.filter((a) => a !== '--write');
if (write && only.length > 0) {
  // A partial document would replace the whole one.
  process.stderr.write('bench: --write needs the full run (no bench names)\n');
  process.exit(2);
}
const sections: BenchSection[] = [];
const started = performance.now();
// Figures taken on a busy machine are inflated (process start-up most): say so next to them.
const loadAtStart = loadavg()[0] ?? 0;
const machine = describeMachine();
for (const [title, bench] of BENCHES) {
  if (only.length > 0 && !only.some((o) => title.startsWith(o))) continue;
  const t0 = performance.now();
  process.stderr.write(`${title}…`);
  try {
    sections.push(await bench());
  } catch (error) {
    sections.push({
      title,
      verdict: 'missed',
      body: `The bench failed: \`${error instanceof Error ? error.message : String(error)}\``,
    });
  }
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
const total = (performance.now() - started) / 1000;

const summary = sections.map(
  (s) => `- ${s.title}: ${s.verdict}${s.goal === undefined ? '' : ` (goal: ${s.goal})`}`,
);
const doc = `# Benchmarks

Written by \`npm run bench -- --write\` (bench/*.ts) on ${new Date().toISOString()}; the whole run took ${total.toFixed(0)} s.
Every figure is the **median** of repeated runs, with min, p90 and max. Against the sandbox identity provider
(test/fixtures/sandbox), on loopback: these figures measure this product's own work, not Entra's latency.

## The machine

${machine}
${
  loadAtStart > cpus().length
    ? `
**The machine was busy** (load average ${loadAtStart.toFixed(1)} on ${cpus().length} cores: other builds and
tests were running). Timings, process start-up above all, are inflated and spread; re-run \`npm run bench\` on an
idle machine for reference figures. Counts and sizes (figures 1, 4's size, 6) do not depend on load.
`
    : ''
}
## Summary

${summary.join('\n')}

${sections.map(renderSection).join('\n')}`;

// Written as Prettier would (npm test's lint checks every tracked Markdown file), tables aligned.
if (write) await writeFile(OUTPUT, await format(doc, { ...(await resolveConfig(OUTPUT)), filepath: OUTPUT }));
else process.stdout.write(doc);
process.stderr.write(
  `${write ? `wrote ${OUTPUT}` : 'printed, not written (npm run bench -- --write writes docs/benchmarks.md)'} in ${total.toFixed(0)} s\n`,
);
