/**
 * Bundles the `rtw` command line into `dist/cli/rtw.cjs` plus one chunk per command (loaded when it runs).
 *
 * Why bundle a Node CLI: a scheduled `rtw refresh` is mostly start-up. Unbundled, Node's ES module loader
 * resolves, reads and compiles some 360 files of MSAL, our other dependencies and our own code one by one; from one file per
 * command it reads a handful (docs/benchmarks.md, figure 3). Dependencies are
 * bundled too (`ssr.noExternal`), so the CLI needs nothing from node_modules at run time.
 *
 * Why CommonJS: Node 20 starts an ES module entry ~4 ms later than a CommonJS one (its ES module loader has to be
 * set up), and loads each ES chunk as an asynchronous module job; `require` of a bundled chunk is one read and one
 * compile. Measured on `rtw refresh`: ~8 ms of ~98 (docs/benchmarks.md, figure 3).
 *
 * Mind the cycle this makes: the chunks `require("../rtw.cjs")` for the bundler's helpers, which rtw.cjs exports
 * at its end. That works because rtw.cjs only loads chunks from dynamic imports (electron/cli/run.ts), which run
 * after it has finished loading; a chunk it required while loading would see those helpers missing, and every
 * CLI test would fail.
 */
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig } from 'vite';

/**
 * `dist/cli/rtw.mjs` was the CLI's path in earlier builds (schedules and the docs named it): it stays, as a one-line ES
 * module that runs `rtw.cjs`, so a schedule written for it keeps working.
 */
const LEGACY_ENTRY = `#!/usr/bin/env node
// The CLI is dist/cli/rtw.cjs. This was its path in earlier builds: schedules written for it keep working.
import { createRequire } from 'node:module';
createRequire(import.meta.url)('./rtw.cjs');
`;

/** The command whose folder's index.ts `moduleId` is (electron/cli/<command>/index.ts), if it is one. */
function commandOf(moduleId: string | null): string | undefined {
  return moduleId === null
    ? undefined
    : /[\\/]electron[\\/]cli[\\/]([a-z-]+)[\\/]index\.ts$/.exec(moduleId)?.[1];
}

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
      // Our own modules have no side effects on load: a module the command does not use is left out even when a
      // folder's index.ts re-exports it. Without this, `rtw refresh` (which imports sign-in/index.ts for the refresh
      // grant) would also load the session, and with it MSAL (test/packaging/cli-bundle.test.ts).
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]electron[\\/]/.test(id) },
      output: {
        format: 'cjs',
        entryFileNames: 'rtw.cjs',
        // A command's chunk is named after its folder (electron/cli/refresh/index.ts → chunks/refresh-….cjs), not
        // after its file: every command is an index.ts.
        chunkFileNames: (chunk) => `chunks/${commandOf(chunk.facadeModuleId) ?? '[name]'}-[hash].cjs`,
        // Less to parse at every start (≈30% smaller), but no renaming: a bug report's stack trace still says
        // which function failed.
        minify: { compress: true, mangle: false },
      },
    },
  },
  plugins: [
    {
      name: 'rtw-legacy-entry',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'rtw.mjs', source: LEGACY_ENTRY });
      },
      // Both entries start with `#!/usr/bin/env node`: executable, they run as `rtw` (npx, npm's bin links, a
      // schedule naming the file). npm sets the bit when it installs a package, not for a checkout's own build.
      async writeBundle(options) {
        const dir = options.dir ?? 'dist/cli';
        await Promise.all(['rtw.cjs', 'rtw.mjs'].map((name) => chmod(join(dir, name), 0o755)));
      },
    },
  ],
});
