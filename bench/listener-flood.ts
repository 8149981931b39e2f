/**
 * Figure 5: the redirect listener under a flood of junk requests from another process, and the latency of the
 * real callback during that flood (side by side with the same callback on a quiet listener).
 *
 * The junk is autocannon (a separate Node process, so the flood does not share the listener's event loop)
 * sending callbacks with a wrong `state` to the exact redirect path: the most expensive junk the listener
 * answers, since it renders the "stale sign-in tab" page for each; cheaper junk (wrong path, method or Host)
 * is turned away earlier. Bounded: a few seconds per round, a request cap.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import path from 'node:path';
import { fetch } from 'undici';
import { startRedirectListener } from '../electron/core/sign-in/loopback.js';
import type { BenchSection } from './lib/report.js';
import { table } from './lib/report.js';
import { num, spread, summarize } from './lib/stats.js';

const ROUNDS = 5;
const QUIET_WARMUP = 3;
const QUIET_RUNS = 10;
const FLOOD_SECONDS = 3;
const CONNECTIONS = 32;
const CALLBACK_AFTER_MS = 1200;
const AUTOCANNON = path.resolve(import.meta.dirname, '../node_modules/autocannon/autocannon.js');

interface FloodResult {
  requestsPerSecond: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** Starts autocannon against `url`; resolves with its JSON summary when it ends. */
function flood(url: string): Promise<FloodResult> {
  const child = spawn(
    process.execPath,
    [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(FLOOD_SECONDS), '-t', '5', '-j', url],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.resume();
  return new Promise((resolve, reject) => {
    const limit = setTimeout(() => child.kill('SIGKILL'), (FLOOD_SECONDS + 10) * 1000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(limit);
      try {
        const json = JSON.parse(out) as {
          requests: { average: number; total: number };
          errors: number;
          timeouts: number;
          non2xx: number;
        };
        resolve({
          requestsPerSecond: json.requests.average,
          total: json.requests.total,
          errors: json.errors,
          timeouts: json.timeouts,
          non2xx: json.non2xx,
        });
      } catch (error) {
        reject(new Error(`autocannon gave no JSON: ${out.slice(0, 200)}`, { cause: error }));
      }
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One real callback: ms until the listener delivered the code, and until the browser got its answer. */
async function realCallback(
  withFlood: boolean,
): Promise<{ delivered: number; answered: number; flood?: FloodResult }> {
  const state = randomBytes(16).toString('base64url');
  const listener = await startRedirectListener({
    port: 0,
    path: '/myapp/',
    expectedState: state,
    lang: 'en',
  });
  try {
    const base = `http://localhost:${listener.port}/myapp/`;
    const flooding = withFlood ? flood(`${base}?code=junk&state=not-the-state`) : undefined;
    if (withFlood) await sleep(CALLBACK_AFTER_MS);
    const waiting = listener.waitForCallback();
    const sent = performance.now();
    const answer = fetch(`${base}?code=0.AXreal&state=${state}`, { redirect: 'manual' });
    const callback = await waiting;
    const delivered = performance.now() - sent;
    if (!callback.ok || callback.code !== '0.AXreal')
      throw new Error('the listener delivered the wrong callback');
    void callback.respond({ kind: 'done', mailbox: 'bench@contoso.com', file: 'bench.ini' }, 0);
    const response = await answer;
    await response.body?.cancel();
    const answered = performance.now() - sent;
    if (response.status !== 303) throw new Error(`the real callback got ${response.status}`);
    const result = await flooding;
    return result === undefined ? { delivered, answered } : { delivered, answered, flood: result };
  } finally {
    await listener.close();
  }
}

/** Runs the bench. */
export async function listenerFloodBench(): Promise<BenchSection> {
  const quiet = [];
  for (let run = 0; run < QUIET_WARMUP + QUIET_RUNS; run++) quiet.push(await realCallback(false));
  const busy = [];
  for (let run = 0; run < ROUNDS; run++) busy.push(await realCallback(true));
  const floods = busy.flatMap((b) => (b.flood === undefined ? [] : [b.flood]));
  const rps = summarize(floods.map((f) => f.requestsPerSecond));
  // The first ones warm up the HTTP parser, page rendering and the client's resolver.
  const quietRuns = quiet.slice(QUIET_WARMUP);
  const sum = (pick: (f: FloodResult) => number): number => floods.reduce((n, f) => n + pick(f), 0);
  return {
    title: '5. The redirect listener under a flood of junk requests',
    verdict: 'info',
    body: `
${table(
  ['', 'quiet listener', `during the flood`],
  [
    [
      'real callback: request sent → code delivered to the session',
      spread(summarize(quietRuns.map((q) => q.delivered)), ' ms'),
      spread(summarize(busy.map((b) => b.delivered)), ' ms'),
    ],
    [
      'real callback: request sent → browser gets its 303',
      spread(summarize(quietRuns.map((q) => q.answered)), ' ms'),
      spread(summarize(busy.map((b) => b.answered)), ' ms'),
    ],
    ['junk requests served per second', '—', spread(rps, ' req/s', 0)],
  ],
)}

Each of ${ROUNDS} rounds starts a fresh listener, floods it for ${FLOOD_SECONDS} s from an autocannon process
(${CONNECTIONS} keep-alive connections; autocannon bounds a run by duration or by count, not both, so by duration, with a kill as the backstop) with
\`GET /myapp/?code=junk&state=not-the-state\`, and ${CALLBACK_AFTER_MS} ms in sends the real callback on a new
connection. Junk answered in total: ${sum((f) => f.total)} (all 400 “stale tab” pages: ${sum((f) => f.non2xx)} non-2xx),
${sum((f) => f.errors)} errors, ${sum((f) => f.timeouts)} timeouts. Every round the real code was delivered exactly
once and the listener released its port. The flood and the listener share the machine's ${num(cpus().length, 0)} cores, so the figure is the listener's throughput with a competing client on the same CPUs.
`,
  };
}
