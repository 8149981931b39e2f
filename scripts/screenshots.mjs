/**
 * `npm run screenshots`: refreshes the README's pictures (docs/screenshots) on purpose. A test run never writes
 * there; this runs the end-to-end suite with its screenshots in test-results/screenshots and, only when every
 * test passed, makes docs/screenshots exactly that set — a failed run leaves the committed pictures untouched,
 * and a picture the suite no longer takes goes away. Review with `git status docs/screenshots` and commit.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join('test-results', 'screenshots');
const docs = path.join(root, 'docs', 'screenshots');

// Only this run's pictures: a stale one from an earlier run must not reach docs/.
rmSync(path.join(root, output), { recursive: true, force: true });
const vitest = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'e2e'], {
  cwd: root,
  stdio: 'inherit',
  // The temp guard is off so that the pictures show short paths (see test/setup/temp-dir-guard.ts).
  env: { ...process.env, RTW_SCREENSHOTS_DIR: output, RTW_TEMP_GUARD: 'off' },
});
if (run.status !== 0) {
  process.stderr.write('screenshots: the end-to-end tests failed; docs/screenshots is unchanged\n');
  process.exit(run.status ?? 1);
}

const taken = readdirSync(path.join(root, output)).filter((f) => f.endsWith('.png'));
mkdirSync(docs, { recursive: true });
for (const old of readdirSync(docs).filter((f) => f.endsWith('.png'))) rmSync(path.join(docs, old));
for (const file of taken) copyFileSync(path.join(root, output, file), path.join(docs, file));
process.stdout.write(`screenshots: ${taken.length} pictures in docs/screenshots; review them and commit\n`);
