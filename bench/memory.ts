/**
 * Figure 6: peak resident memory of the core during an acquisition, as the `rtw acquire` process (the whole
 * core — listener, MSAL, network client, INI writer — in one plain Node process), against the sandbox IdP.
 */
import path from 'node:path';
import { Agent } from 'undici';
import { playBrowser } from '../test/fixtures/browser.js';
import { createSandboxIdp } from '../test/fixtures/sandbox/idp.js';
import { tempDir } from '../test/helpers/acquisition.js';
import { CLI_PATH, sandboxAcquireArgs } from '../test/helpers/cli.js';
import { peakRssOfNode } from './lib/peak-rss.js';
import type { PeakRun } from './lib/peak-rss.js';
import type { BenchSection } from './lib/report.js';
import { table } from './lib/report.js';
import { spread, summarize } from './lib/stats.js';

const RUNS = 5;
const MIB = 1024;

/** Runs the bench. */
export async function memoryBench(): Promise<BenchSection> {
  const idp = await createSandboxIdp();
  const trust = new Agent({ connect: { ca: idp.caPem } });
  const { dir, cleanup } = await tempDir();
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8' };
  const acquireRuns: PeakRun[] = [];
  const helpRuns: PeakRun[] = [];
  const nodeRuns: PeakRun[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const out = path.join(dir, `run-${run}.ini`);
      const args = [CLI_PATH, ...sandboxAcquireArgs(idp, out, { extra: ['--json'] })];
      let browsed = false;
      const result = await peakRssOfNode(args, {
        env: { ...env, NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: idp.defaults.secrets.valid.value },
        onLine: (line) => {
          if (browsed || !line.includes('"waiting"')) return;
          browsed = true;
          const event = JSON.parse(line) as { authorizeUrl: string };
          void playBrowser(event.authorizeUrl, { dispatcher: trust });
        },
      });
      if (result.code !== 0) throw new Error(`rtw acquire exited ${String(result.code)}: ${result.stderr}`);
      acquireRuns.push(result);
      helpRuns.push(await peakRssOfNode([CLI_PATH, 'help'], { env }));
      nodeRuns.push(await peakRssOfNode(['-e', '0'], { env }));
    }
  } finally {
    await trust.close();
    await idp.close();
    await cleanup();
  }
  const mib = (runs: PeakRun[]): string => spread(summarize(runs.map((r) => r.peakKiB / MIB)), ' MiB');
  return {
    title: '6. Memory of the core during an acquisition',
    verdict: 'info',
    body: `
${table(
  ['process', 'peak RSS'],
  [
    ['`rtw acquire … --json` (a full acquisition: listen, redeem, write)', mib(acquireRuns)],
    ['`rtw help` (the CLI loaded, nothing run)', mib(helpRuns)],
    ['`node -e 0` (Node itself)', mib(nodeRuns)],
  ],
)}

Peak resident set size of the whole process, measured with ${acquireRuns[0]?.method ?? 'n/a'}. The acquisition
uses the sandbox's own address as a private authority (so MSAL also fetches instance discovery and OpenID
metadata: the heaviest path), the scripted browser signing in as soon as the CLI prints \`waiting\`. In the
desktop app the same core runs inside Electron's main process, whose own footprint is far larger.
`,
  };
}
