/**
 * Electronegativity (Doyensec's Electron security scanner) over the app's sources, `electron/` and
 * `renderer/`, scanned together so its global checks (navigation limits, permission handler, CSP) see the
 * main process and the page at once. Any HIGH or MEDIUM finding fails, unless electronegativity-config.ts
 * accepts it with a reason.
 *
 * The findings come from the tool's programmatic API (scan-electronegativity.ts, which says why not its CSV
 * report); a file it cannot parse fails the scan, since it would otherwise go unscanned.
 * https://github.com/doyensec/electronegativity
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './builder-config.js';
import { ACCEPTED_FINDINGS, EXCLUDED_CHECKS } from './electronegativity-config.js';
import { scanWithElectronegativity } from './scan-electronegativity.js';
import type { Finding } from './scan-electronegativity.js';

/** One scan takes ~8 s here (offline it first waits for a translations download). */
const SCAN_TIMEOUT_MS = 60_000;

/** The Electron version the app ships (the scanner would otherwise guess from package.json). */
const ELECTRON_VERSION = (
  JSON.parse(await readFile(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;

let work: string;
let findings: Finding[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rtw-electronegativity-'));
  // One input folder holding both trees: paths in the report are then relative to the repository root.
  const input = join(work, 'src');
  for (const dir of ['electron', 'renderer'])
    await cp(join(ROOT, dir), join(input, dir), { recursive: true });
  findings = await scanWithElectronegativity({
    input,
    report: join(work, 'findings.json'),
    electronVersion: ELECTRON_VERSION,
    excludeChecks: EXCLUDED_CHECKS.map((c) => c.check),
    timeoutMs: SCAN_TIMEOUT_MS,
  });
}, SCAN_TIMEOUT_MS + 30_000);

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

const serious = (): Finding[] => findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const isAccepted = (f: Finding): boolean => ACCEPTED_FINDINGS.some((a) => a.id === f.id && a.file === f.file);

describe('Electronegativity scan of electron/ and renderer/', () => {
  it('reports no HIGH or MEDIUM finding beyond the accepted ones', () => {
    const open = serious()
      .filter((f) => !isAccepted(f))
      .map((f) => `${f.severity} ${f.id} ${f.file}:${f.location} ${f.description}`);
    expect(open).toEqual([]);
  });

  it('finds each accepted finding exactly as often as accepted (a new or vanished one needs a review)', () => {
    for (const accepted of ACCEPTED_FINDINGS) {
      const found = serious()
        .filter((f) => f.id === accepted.id && f.file === accepted.file)
        .map((f) => `${f.file}:${f.location}`);
      expect(found, `${accepted.id} in ${accepted.file}`).toHaveLength(accepted.occurrences);
    }
  });

  it('explains every exclusion', () => {
    for (const entry of [...EXCLUDED_CHECKS, ...ACCEPTED_FINDINGS])
      expect(entry.why.length).toBeGreaterThan(40);
  });
});
