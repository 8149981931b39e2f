/**
 * Runs the Electronegativity CLI on a folder and reads its CSV report.
 *
 * The CLI exits 0 whatever it finds, so the report is the verdict. The report itself is written by two
 * unordered asynchronous writes (electronegativity `util/file.js`: the header with flag 'w', then the rows with
 * flag 'a'); when the machine is busy the header's truncating open can land after the rows and wipe them, or
 * the header can overwrite the rows' first bytes. So a report whose header is not intact, or that has no rows,
 * is not trusted: the scan runs again (up to `attempts` times) before its last report is returned.
 * https://github.com/doyensec/electronegativity
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { parseCsv } from './csv.js';

const run = promisify(execFile);

const CSV_HEADER = [
  'issue',
  'severity',
  'confidence',
  'filename',
  'location',
  'sample',
  'description',
  'url',
];

/** One finding of the report. */
export interface Finding {
  readonly id: string;
  readonly severity: string;
  readonly file: string;
  readonly location: string;
  readonly description: string;
}

/** How to scan. */
export interface ScanOptions {
  readonly input: string;
  readonly report: string;
  readonly electronVersion: string;
  /** Check class names for `--exclude-checks`. */
  readonly excludeChecks: readonly string[];
  readonly timeoutMs: number;
  readonly attempts?: number;
}

/** Scans `input` and returns the findings of the first intact, non-empty report (else of the last one). */
export async function scanWithElectronegativity(options: ScanOptions): Promise<Finding[]> {
  const cli = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js');
  let findings: Finding[] | undefined;
  for (let attempt = 1; attempt <= (options.attempts ?? 3); attempt++) {
    await rm(options.report, { force: true });
    await run(
      process.execPath,
      [
        cli,
        ...['--input', options.input, '--output', options.report, '--relative', '--verbose', 'false'],
        ...['--electron-version', options.electronVersion],
        ...['--exclude-checks', options.excludeChecks.join(',')],
      ],
      // LANG: its messages in English (it looks translations up by LANG, and fails offline to en-US anyway).
      { timeout: options.timeoutMs, killSignal: 'SIGKILL', env: { ...process.env, LANG: 'en-US' } },
    );
    const [header, ...rows] = parseCsv(await readFile(options.report, 'utf8')).filter(
      (r) => r.join('') !== '',
    );
    const intact = header?.map((h) => h.trim()).join() === CSV_HEADER.join();
    findings = intact ? rows.map(toFinding) : [];
    if (intact && findings.length > 0) return findings;
  }
  return findings ?? [];
}

function toFinding([
  id = '',
  severity = '',
  ,
  file = '',
  location = '',
  ,
  description = '',
]: string[]): Finding {
  return { id, severity, file, location, description };
}
