/**
 * Builds the renderer (renderer/ → dist/renderer) with relative asset paths, so the window can load it from
 * the packaged files. The renderer imports pure core modules (profile, clouds, i18n) from ../electron.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The dev server injects inline scripts/styles (React Refresh preamble, CSS hot reload) and a websocket that
 * the production CSP forbids; relax it only when serving, never in a build.
 */
function devCsp(): Plugin {
  return {
    name: 'rtw-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(
        /content="default-src 'self';[^"]*"/,
        `content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws:; object-src 'none'; base-uri 'none'; form-action 'none'"`,
      );
    },
  };
}

export default defineConfig({
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir: resolve(root, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { fs: { allow: [root] } },
});
