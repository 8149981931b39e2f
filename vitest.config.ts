import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The suite is split by file name, a rule that holds wherever the tests move:
 * - `*.e2e.test.ts` — end-to-end: the wizard in a real browser (`npm run test:e2e`);
 * - `*.int.test.ts(x)` — integration: real sockets, other processes (the CLI, python3, electron-builder), the
 *   build output (`npm run test:integration`);
 * - every other `*.test.ts(x)` — unit: in-process only, which test/setup/unit-isolation.ts enforces
 *   (`npm run test:unit`).
 */
const E2E = ['test/**/*.e2e.test.ts'];
const INTEGRATION = ['test/**/*.int.test.ts', 'test/**/*.int.test.tsx'];

export default defineConfig({
  // Component tests render the wizard's TSX; the same React transform as the renderer build.
  plugins: [react()],
  test: {
    testTimeout: 30_000,
    // expect.poll waits for real processes, sockets and a browser: bound hangs generously, time nothing here.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 30_000,
    // Integration tests bind real ports (8001 among them); files run in parallel workers but each picks its own ports.
    pool: 'forks',
    // Every temp folder a test makes is removed when it ends: the run fails if anything is left behind.
    globalSetup: ['test/setup/temp-dir-guard.ts'],
    // Each project inherits the options above (`extends: true`); `include` is set per project only, since
    // inherited arrays are concatenated.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...E2E, ...INTEGRATION],
          setupFiles: ['test/setup/unit-isolation.ts'],
        },
      },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
      {
        extends: true,
        // One e2e test walks the whole wizard in a browser (~20 s alone); with the other projects (or other
        // checkouts) sharing 2 cores it went over 30 s. A bound on hangs, not a measure: nothing here is timed.
        test: { name: 'e2e', include: E2E, testTimeout: 60_000 },
      },
    ],
  },
});
