/**
 * `rtw refresh` over many files at once, in process against the sandbox with uneven latency (answers arrive out of
 * order): the output and the exit code are those of the files' order whatever the parallelism; two runs over the
 * same folder at once never lose a token (each file under its own lock); and the connections are reused — a
 * handful of TLS handshakes at the sandbox for a folder of files, directly and through the proxy.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { tokenFingerprint } from '../../electron/core/upkeep/refresh.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { fleetOf, writeFleet } from '../helpers/fleet.js';
import type { FleetFile } from '../helpers/fleet.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { tokenIn, worksAtSandbox } from '../helpers/token-files.js';

const sandbox = sandboxPerFile();
const app = () => ({
  clientId: sandbox.idp.apps.confidential.clientId,
  secret: sandbox.idp.defaults.secrets.valid.value,
});
const env = (): NodeJS.ProcessEnv => ({ NODE_EXTRA_CA_CERTS: sandbox.idp.caFile });

afterEach(() => sandbox.idp.setTokenLatency(null));

/** Lines of the human output without the masked tokens (they differ from run to run). */
function shape(stdout: string): string[] {
  return stdout.split('\n').map((line) => line.replace(/\([^()]*…\(\d+\)\)/, '(token)'));
}

describe('rtw refresh with several files at once', () => {
  it('prints the outcomes in the files’ order and exits alike, whatever the parallelism and the answers’ order', async () => {
    const files = await writeFleet(sandbox.idp, sandbox.dir, fleetOf(12, app()));
    // A dead token third, a file held by another run sixth, an unreadable one ninth.
    sandbox.idp.expireRefreshToken(files[2]?.token ?? '');
    const busy = files[5]?.file ?? '';
    await writeFile(files[8]?.file ?? '', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    const release = await lockfile.lock(busy, { stale: 10_000 });
    const runs: Array<{ parallel: string; code: number | null; statuses: string[]; human: string[] }> = [];
    try {
      for (const [parallel, latency] of [
        ['1', () => 0],
        ['4', (n: number) => ((n * 53) % 7) * 12],
        ['8', (n: number) => (n % 2 === 0 ? 80 : 0)],
      ] as const) {
        sandbox.idp.setTokenLatency(latency);
        const json = await runCliInProcess(
          ['refresh', sandbox.dir, '--json', '--wait', '0', '--parallel', parallel],
          {
            env: env(),
          },
        );
        const human = await runCliInProcess(
          ['refresh', sandbox.dir, '--wait', '0', '--parallel', parallel, '--lang', 'en'],
          { env: env() },
        );
        expect(human.code).toBe(json.code);
        runs.push({
          parallel,
          code: json.code,
          statuses: json.events.map((e) => `${String(e.status ?? e.event)} ${path.basename(String(e.file))}`),
          human: shape(human.stdout),
        });
      }
    } finally {
      await release();
    }
    const [first, ...others] = runs;
    expect(first?.statuses).toEqual([
      ...files.map(
        (f, i) =>
          `${i === 2 ? 'needs-reissue' : i === 5 || i === 8 ? 'failed' : 'refreshed'} ${path.basename(f.file)}`,
      ),
      'summary undefined',
    ]);
    // The busy file comes before the unreadable one: its code (9) is the run's, however the answers came.
    expect(first?.code).toBe(9);
    for (const run of others) {
      expect(run.statuses, `--parallel ${run.parallel}`).toEqual(first?.statuses);
      expect(run.code, `--parallel ${run.parallel}`).toBe(first?.code);
      expect(run.human, `--parallel ${run.parallel}`).toEqual(first?.human);
    }
    expect(first?.human.at(-2)).toBe('9 refreshed, 1 to re-issue, 2 failed.');
  });

  it('two runs over the same folder at once never lose a token: each file refreshed by one, then the other', async () => {
    const files = await writeFleet(sandbox.idp, sandbox.dir, fleetOf(10, app()));
    sandbox.idp.setTokenLatency((n) => (n % 3) * 15);
    const [one, two] = await Promise.all(
      [0, 1].map(() =>
        runCliInProcess(['refresh', sandbox.dir, '--json', '--parallel', '4'], { env: env() }),
      ),
    );
    expect([one?.code, two?.code]).toEqual([0, 0]);
    for (const [index, { file, token }] of files.entries()) {
      const a = one?.events[index];
      const b = two?.events[index];
      expect([a?.file, b?.file]).toEqual([file, file]);
      const now = tokenFingerprint(await tokenIn(file));
      // One run redeemed the token the other had just written: the file holds the last one issued.
      const chained =
        (a?.previousFingerprint === tokenFingerprint(token) &&
          b?.previousFingerprint === a?.fingerprint &&
          now === b?.fingerprint) ||
        (b?.previousFingerprint === tokenFingerprint(token) &&
          a?.previousFingerprint === b?.fingerprint &&
          now === a?.fingerprint);
      expect(chained, path.basename(file)).toBe(true);
    }
    expect(sandbox.idp.requests().filter((r) => r.grantType === 'refresh_token')).toHaveLength(20);
    for (const { file } of files) expect(await worksAtSandbox(sandbox.idp, await tokenIn(file))).toBe(true);
  });

  it('reuses its connections: as many TLS handshakes as files at once, not one per file', async () => {
    await writeFleet(sandbox.idp, sandbox.dir, fleetOf(12, app()));
    // Slow enough answers that three requests are always in flight together.
    sandbox.idp.setTokenLatency(40);
    const before = sandbox.idp.connectionCounts();
    const run = await runCliInProcess(['refresh', sandbox.dir, '--json', '--parallel', '3'], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    const after = sandbox.idp.connectionCounts();
    expect(after.tls - before.tls).toBe(3);
    expect(after.tcp - before.tcp).toBe(3);
  });

  it('through the proxy too: one CONNECT tunnel per file at once, each kept for the next file', async () => {
    const route = await startSandboxRoute(sandbox.idp);
    try {
      const files: FleetFile[] = await writeFleet(sandbox.idp, sandbox.dir, fleetOf(10, app()), 'production');
      sandbox.idp.setTokenLatency(40);
      const before = sandbox.idp.connectionCounts();
      const run = await runCliInProcess(['refresh', sandbox.dir, '--json', '--parallel', '2'], {
        env: { ...route.env, NODE_EXTRA_CA_CERTS: sandbox.idp.caFile },
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.events.filter((e) => e.status === 'refreshed')).toHaveLength(files.length);
      expect(route.proxy.log().map((e) => [e.method, e.target, e.status])).toEqual([
        ['CONNECT', 'login.microsoftonline.com:443', 200],
        ['CONNECT', 'login.microsoftonline.com:443', 200],
      ]);
      expect(sandbox.idp.connectionCounts().tls - before.tls).toBe(2);
    } finally {
      await route.close();
    }
  });

  it('takes --parallel from 1 to 32 only (exit 2, nothing sent)', async () => {
    await writeFleet(sandbox.idp, sandbox.dir, fleetOf(1, app()));
    for (const parallel of ['0', '33', 'x']) {
      const run = await runCliInProcess(['refresh', sandbox.dir, '--parallel', parallel, '--lang', 'en']);
      expect(run.code, parallel).toBe(2);
      expect(run.stderr, parallel).toContain('--parallel');
    }
    expect(sandbox.idp.requests()).toEqual([]);
  });
});
