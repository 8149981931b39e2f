/**
 * Bundles the preload into one CommonJS file, `dist/preload/index.cjs`. A sandboxed preload runs with a
 * restricted `require` that knows `electron` (and a few Node built-ins) but not our own files, so the
 * contract's runtime values (`OPERATION_NAMES`, `channelOf`, `EVENT_CHANNEL`) are inlined and `electron` is
 * the only import left. https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts
 */
import { defineConfig } from 'vite';

export default defineConfig({
  // No public dir, no index.html: a library build of one entry.
  publicDir: false,
  logLevel: 'warn',
  build: {
    lib: {
      entry: 'electron/preload/index.ts',
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    outDir: 'dist/preload',
    emptyOutDir: true,
    // The preload runs in Electron 45's Chromium; no down-levelling needed, and readable output helps audits.
    target: 'es2023',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
