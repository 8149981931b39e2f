/**
 * Bundles the `rtw` command line into `dist/cli/rtw.mjs` plus one chunk per command (loaded when it runs).
 *
 * Why bundle a Node CLI: a scheduled `rtw refresh` is mostly start-up. Unbundled, Node's ES module loader
 * resolves, reads and compiles some 360 files of MSAL, our other dependencies and our own code one by one; from one file per
 * command it reads a handful (docs/benchmarks.md, figure 3). Dependencies are
 * bundled too (`ssr.noExternal`), so the CLI needs nothing from node_modules at run time.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'electron/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    // Minified by rolldown below instead: whitespace and syntax only, names kept so stack traces stay readable.
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        format: 'esm',
        entryFileNames: 'rtw.mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
        // Less to parse at every start (≈30% smaller), but no renaming: a bug report's stack trace still says
        // which function failed.
        minify: { compress: true, mangle: false },
      },
    },
  },
});
