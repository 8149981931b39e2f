/**
 * Runs Electronegativity on a folder through its documented programmatic API (`run(options)` resolves to the
 * findings), in a child process, and returns the findings.
 *
 * Why not the CLI's CSV report: the CLI writes it with two unordered asynchronous writes (electronegativity
 * `util/file.js`: the header with flag 'w', then the rows with flag 'a'), so on a busy machine the header can
 * land on top of the first row and silently drop a finding; CI saw exactly that. The API hands the findings
 * over in memory, and the child writes them in one synchronous write.
 * Why a child process: the tool registers its i18n function on `global`, configures global loggers and, offline,
 * waits for a translations download; a child keeps that out of the test worker and can be killed on a timeout.
 * https://github.com/doyensec/electronegativity#programmatically
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One finding. */
export interface Finding {
  readonly id: string;
  readonly severity: string;
  /** Relative to the scanned folder. */
  readonly file: string;
  /** `line:column`. */
  readonly location: string;
  readonly description: string;
}

/** How to scan. */
export interface ScanOptions {
  readonly input: string;
  /** Where the child writes the findings (JSON). */
  readonly report: string;
  readonly electronVersion: string;
  /** Check class names to leave out. */
  readonly excludeChecks: readonly string[];
  readonly timeoutMs: number;
}

/** Runs in the child: argv = [runner module, options JSON, report path]. */
const CHILD = `
const [runnerPath, options, report] = process.argv.slice(1);
require(runnerPath)(JSON.parse(options)).then((result) => {
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    file: i.file,
    location: i.location.line + ':' + i.location.column,
    description: i.description,
  }));
  const unparsed = result.errors.filter((e) => !e.tolerable).map((e) => e.file + ': ' + e.message);
  require('node:fs').writeFileSync(report, JSON.stringify({ findings, unparsed }));
});
`;

/** Scans `input`; throws when the tool fails or could not parse a file (a file it did not scan). */
export async function scanWithElectronegativity(options: ScanOptions): Promise<Finding[]> {
  const runner = createRequire(import.meta.url).resolve('@doyensec/electronegativity');
  const apiOptions = {
    input: options.input,
    isRelative: true,
    // The README calls it `electronVersion`, but runner.js reads `electronVersionOverride`.
    electronVersionOverride: options.electronVersion,
    excludeFromScan: options.excludeChecks,
  };
  await run(process.execPath, ['-e', CHILD, runner, JSON.stringify(apiOptions), options.report], {
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
    // LANG: descriptions in English (it looks translations up by LANG, and falls back to en-US offline).
    env: { ...process.env, LANG: 'en-US' },
  });
  const { findings, unparsed } = JSON.parse(await readFile(options.report, 'utf8')) as {
    findings: Finding[];
    unparsed: string[];
  };
  if (unparsed.length > 0) throw new Error(`Electronegativity could not parse: ${unparsed.join('; ')}`);
  return findings;
}
