/**
 * The identity provider failing after sign-in, through the real `rtw acquire` process: each fault gets its own
 * explanation (distinct ids, exit code 4 "network"), and an existing INI file keeps its exact bytes, no backup
 * made. Production hostnames throughout: the CLI reaches login.microsoftonline.com through HTTPS_PROXY, a
 * local CONNECT proxy routing it to the sandbox, so the failure lands on the token POST, code in hand.
 *
 * Slowness is tested in process with a 300 ms network timeout: the CLI's is 30 s, which would make this
 * folder slow for no extra coverage (the CLI builds the same network client with the default timeout).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxNetworkClient, startSandboxRoute } from '../helpers/sandbox-network.js';
import { playBrowser } from '../fixtures/browser.js';
import { startConnectProxy } from '../fixtures/connect-proxy.js';
import type { ConnectProxy } from '../fixtures/connect-proxy.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxFault, SandboxIdp } from '../fixtures/sandbox/idp.js';
import { acquire, sandboxProfile, tempDir } from '../helpers/acquisition.js';
import { sandboxAcquireArgs } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

let idp: SandboxIdp;
let proxy: ConnectProxy;
let dir: string;
let cleanup: () => Promise<void>;
const EXISTING = Buffer.from(
  '\ufeff[OAUTH2]\r\nUserID=printer@contoso.com\r\nRefreshToken=KEEP-ME\r\n[Printer]\r\nModel=MFP ; x\r\n',
  'utf8',
);

beforeAll(async () => {
  idp = await createSandboxIdp();
  proxy = await startConnectProxy({
    routes: { 'login.microsoftonline.com:443': { host: '127.0.0.1', port: idp.port } },
  });
});
afterAll(async () => {
  await proxy.close();
  await idp.close();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  idp.setFault(null);
});
afterEach(async () => {
  await cleanup();
});

interface Case {
  name: string;
  fault?: SandboxFault;
  /** Run without trusting the sandbox CA: a TLS-inspecting proxy or a wrong certificate. */
  untrusted?: boolean;
  code: string;
  id: string;
  /** Something the explanation must say (the fix depends on it). */
  says?: string;
}

const CASES: readonly Case[] = [
  { name: 'HTTP 500 (an HTML error page)', fault: { kind: 'http500' }, code: 'idp-http', id: 'idp-http-5xx' },
  {
    name: 'HTTP 429 with Retry-After',
    fault: { kind: 'http429', retryAfterSeconds: 17 },
    code: 'idp-http',
    id: 'idp-http-429',
    says: '17',
  },
  {
    name: 'malformed JSON',
    fault: { kind: 'malformed-json' },
    code: 'idp-bad-response',
    id: 'idp-bad-response',
  },
  { name: 'connection reset', fault: { kind: 'reset' }, code: 'idp-unreachable', id: 'idp-unreachable' },
  { name: 'a certificate the CLI does not trust', untrusted: true, code: 'idp-tls', id: 'idp-tls' },
];

/** Runs `rtw acquire` to the production host against the staged fault, the browser signing in on `waiting`. */
async function acquireWithFault(c: Case, out: string): Promise<Awaited<ReturnType<typeof runCliInProcess>>> {
  if (c.fault !== undefined) idp.setFault(c.fault);
  let browsed = false;
  return runCliInProcess(sandboxAcquireArgs(idp, out, { authority: null, extra: ['--json'] }), {
    env: {
      HTTPS_PROXY: proxy.url,
      RTW_CLIENT_SECRET: idp.defaults.secrets.valid.value,
      ...(c.untrusted === true ? {} : { NODE_EXTRA_CA_CERTS: idp.caFile }),
    },
    onEvent: (event) => {
      if (event.event !== 'waiting' || browsed) return;
      browsed = true;
      void playBrowser(String(event.authorizeUrl), { dispatcher: routeToSandbox(idp) });
    },
  });
}

describe('identity provider faults after sign-in, through rtw acquire', () => {
  const seenIds = new Set<string>();

  for (const c of CASES) {
    it(`${c.name}: explained as ${c.id}, exit 4, the existing INI untouched`, async () => {
      const out = path.join(dir, 'smail_refresh_token.ini');
      await writeFile(out, EXISTING);
      const run = await acquireWithFault(c, out);
      expect(run.code, run.stderr).toBe(4);
      // The browser got as far as the callback: the failure is the token POST's, not an earlier one.
      expect(run.events.map((e) => e.event)).toEqual(['listening', 'waiting', 'exchanging', 'failed']);
      const failed = run.events.at(-1) ?? {};
      expect(failed).toMatchObject({ event: 'failed', code: c.code, id: c.id });
      if (c.says !== undefined) expect(JSON.stringify(failed)).toContain(c.says);
      expect(await readFile(out)).toEqual(EXISTING);
      expect((await readdir(dir)).sort()).toEqual(['smail_refresh_token.ini']);
      seenIds.add(String(failed.id));
    });
  }

  it('an identity provider slower than the network timeout (in process, 300 ms timeout): idp-timeout', async () => {
    const out = path.join(dir, 'smail_refresh_token.ini');
    await writeFile(out, EXISTING);
    idp.setFault({ kind: 'delay', ms: 2000, times: 1 });
    const route = await startSandboxRoute(idp);
    const network = sandboxNetworkClient(route, { timeoutMs: 300 });
    const run = await acquire(idp, sandboxProfile(idp, out), { network }).finally(() => route.close());
    expect(run.result.ok || run.result.code).toBe('idp-timeout');
    if (!run.result.ok) {
      expect(run.result.explanation.id).toBe('idp-timeout');
      seenIds.add(run.result.explanation.id);
    }
    expect(await readFile(out)).toEqual(EXISTING);
    expect((await readdir(dir)).sort()).toEqual(['smail_refresh_token.ini']);
  });

  it('gives every fault its own explanation', () => {
    // Runs after the cases above (vitest keeps declaration order within a file).
    expect(seenIds.size).toBe(CASES.length + 1);
  });
});
