/**
 * Figure 4: the renderer's JavaScript, gzipped, and the time to the first step being interactive in Chromium.
 *
 * "Interactive" is watched from inside the page: a MutationObserver installed before any page script notes
 * `performance.now()` (milliseconds since navigation start) at the first moment the Account step's heading is
 * rendered with its text and an input of the form is enabled, and again at the next animation frame (when
 * that state has been painted). Each run uses a fresh browser context: no HTTP or code cache.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { BenchSection } from './lib/report.js';
import { table } from './lib/report.js';
import { num, spread, summarize } from './lib/stats.js';
import { RENDERER_DIR, bridgeWizard, serveRenderer } from './lib/wizard-page.js';
import { browserInstallHint, findBrowser } from '../scripts/find-browser.mjs';

// The browser the e2e tests use (same finder): CHROMIUM_PATH, else an installed Chromium, Chrome or Edge.
const CHROMIUM = findBrowser();
const GOAL_KB = 120;
const WARMUP = 2;
const RUNS = 10;

interface Ready {
  ready: number;
  painted: number;
  headingFocused: boolean;
  heading: string;
}

/** The few DOM members the watcher uses (this project compiles without the DOM library). */
interface PageElement {
  textContent: string | null;
  getBoundingClientRect(): { height: number };
}
interface PageGlobals {
  __ready?: Ready;
  document: {
    activeElement: unknown;
    getElementById(id: string): PageElement | null;
    querySelector(selector: string): PageElement | null;
  };
  requestAnimationFrame(callback: () => void): void;
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: Record<string, boolean>): void;
  };
}

/** Runs in the page before its scripts: sets `window.__ready` when the first step can be used. */
function watchForFirstStep(): void {
  const w = globalThis as unknown as PageGlobals;
  const doc = w.document;
  const check = (): void => {
    if (w.__ready !== undefined) return;
    const heading = doc.getElementById('step-heading');
    const input = doc.querySelector('main input:not([disabled]), main select:not([disabled])');
    if (heading === null || input === null || (heading.textContent ?? '').trim() === '') return;
    if (heading.getBoundingClientRect().height === 0) return;
    const ready: Ready = {
      ready: performance.now(),
      painted: 0,
      headingFocused: doc.activeElement === heading,
      heading: heading.textContent ?? '',
    };
    w.__ready = ready;
    w.requestAnimationFrame(() => {
      ready.painted = performance.now();
      ready.headingFocused ||= doc.activeElement === heading;
    });
  };
  new w.MutationObserver(check).observe(doc, { childList: true, subtree: true, attributes: true });
}

async function gzippedScripts(): Promise<{ rows: string[][]; totalGzip: number; builtAt: Date }> {
  const assets = path.join(RENDERER_DIR, 'assets');
  const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  const rows: string[][] = [];
  let totalGzip = 0;
  for (const file of files) {
    const bytes = await readFile(path.join(assets, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    totalGzip += gz;
    rows.push([`\`assets/${file}\``, `${num(bytes.length / 1024)} KB`, `${num(gz / 1024)} KB`]);
  }
  return { rows, totalGzip, builtAt: (await stat(path.join(RENDERER_DIR, 'index.html'))).mtime };
}

/** Runs the bench. */
export async function rendererBench(): Promise<BenchSection> {
  if (CHROMIUM === undefined) throw new Error(browserInstallHint());
  const size = await gzippedScripts();
  const server = await serveRenderer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const readyMs: number[] = [];
  const paintedMs: number[] = [];
  let focused = 0;
  let heading = '';
  try {
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 760 } });
      try {
        await bridgeWizard(context);
        await context.addInitScript(watchForFirstStep);
        const page = await context.newPage();
        await page.goto(server.url);
        await page.waitForFunction(
          () => (globalThis as unknown as { __ready?: Ready }).__ready?.painted,
          undefined,
          { timeout: 15_000 },
        );
        const ready = await page.evaluate(() => (globalThis as unknown as { __ready: Ready }).__ready);
        if (run < WARMUP) continue;
        readyMs.push(ready.ready);
        paintedMs.push(ready.painted);
        if (ready.headingFocused) focused++;
        heading = ready.heading;
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const kb = size.totalGzip / 1024;
  const version = browser.version();
  return {
    title: '4. Renderer: JavaScript size and time to the first step',
    goal: `JavaScript < ${GOAL_KB} KB gzipped`,
    verdict: kb < GOAL_KB ? 'met' : 'missed',
    body: `
${table(['file', 'raw', 'gzip -9'], [...size.rows, ['**total**', '', `**${num(kb)} KB**`]])}

Built renderer of ${size.builtAt.toISOString()} (\`npx vite build\`), source maps excluded.

${table(
  ['navigation start → …', 'ms'],
  [
    [
      `Account step heading (“${heading}”) rendered and a form input enabled`,
      spread(summarize(readyMs), ' ms'),
    ],
    ['… and that state painted (next animation frame)', spread(summarize(paintedMs), ' ms')],
  ],
)}

Chromium ${version} (${CHROMIUM}, headless, software rendering), a fresh browser context per run (cold
HTTP and code caches), the page served over loopback http with \`window.wizard\` bridged to the real wizard
service (its calls — language, default output file — are part of the time). The heading had focus when
first shown in ${focused} of ${RUNS} runs. ${WARMUP} warm-up runs discarded. In Electron the page loads from
\`file://\`/asar without an HTTP server, so this is an upper bound on loading and a fair measure of script start-up.
`,
  };
}
