import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Component tests render the wizard's TSX; the same React transform as the renderer build.
  plugins: [react()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    // expect.poll waits for real processes, sockets and a browser: bound hangs generously, time nothing here.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 30_000,
    // Integration tests bind real ports (8001 among them); files run in parallel workers but each picks its own ports.
    pool: 'forks',
    // Every temp folder a test makes is removed when it ends: the run fails if anything is left behind.
    globalSetup: ['test/setup/temp-dir-guard.ts'],
  },
});
