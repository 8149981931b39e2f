/**
 * `rtw` as a real program: the built bundle (dist/cli/rtw.cjs) in a process of its own, for what only a process
 * has. Its exit code reaching the caller, Ctrl+C and a closed terminal (signals) cancelling cleanly, a secret read
 * from a pipe, Node trusting NODE_EXTRA_CA_CERTS and the proxy variables of its environment, output nobody reads,
 * and two runs excluding each other. Everything else about the commands is tested in process (the other files
 * here), through the same `runCli` this program runs.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../../electron/core/upkeep/refresh.js';
import { startConnectProxy } from '../fixtures/connect-proxy.js';
import type { ConnectProxy } from '../fixtures/connect-proxy.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { bytesOf } from '../helpers/acquisition.js';
import { CLI_PATH, browseOnWaiting, sandboxAcquireArgs, sandboxEnv, spawnCli } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { issueTokenFile, tokenIn, worksAtSandbox } from '../helpers/token-files.js';

const sandbox = sandboxPerFile({ deviceCode: { intervalSeconds: 1 } });

function baseArgs(out: string, extra: string[] = []): string[] {
  return sandboxAcquireArgs(sandbox.idp, out, { extra });
}

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => sandboxEnv(sandbox.idp, extra);

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

describe('rtw acquire as a real process', () => {
  it('reaches login.microsoftonline.com through HTTPS_PROXY and sends it only the token request', async () => {
    const proxy: ConnectProxy = await startConnectProxy({
      routes: { 'login.microsoftonline.com:443': { host: '127.0.0.1', port: sandbox.idp.port } },
    });
    try {
      const out = path.join(sandbox.dir, 'prod.ini');
      const browse = browseOnWaiting(routeToSandbox(sandbox.idp));
      const args = sandboxAcquireArgs(sandbox.idp, out, { authority: null, extra: ['--json'] });
      const run = await spawnCli(args, {
        env: env({ HTTPS_PROXY: proxy.url }),
        onEvent: browse,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.events.map((e) => e.event)).toEqual(['listening', 'waiting', 'exchanging', 'written']);
      expect(
        sandbox.idp
          .requests()
          .filter((r) => !r.path.endsWith('/authorize'))
          .map((r) => `${r.method} ${r.path}`),
      ).toEqual(['POST /common/oauth2/v2.0/token']);
      expect(proxy.log().map((e) => `${e.method} ${e.target}`)).toEqual([
        'CONNECT login.microsoftonline.com:443',
      ]);
      expect(getPrivateProfileString((await bytesOf(out)) ?? Buffer.alloc(0), 'OAUTH2', 'TokenURI')).toBe(
        'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      );
    } finally {
      await proxy.close();
    }
  });

  it.each([
    ['Ctrl+C', 'SIGINT'],
    ['a closed terminal', 'SIGHUP'],
  ] as const)('cancels on %s (%s): exit 130, the port released, nothing written', async (_, signal) => {
    const out = path.join(sandbox.dir, 'cancel.ini');
    let port = 0;
    const run = await spawnCli(baseArgs(out, ['--json']), {
      env: env(),
      onEvent: (event, child) => {
        if (event.event === 'listening') port = Number(event.port);
        if (event.event === 'waiting') child.kill(signal);
      },
    });
    expect(run.code).toBe(130);
    expect(run.events.at(-1)).toEqual({ event: 'cancelled' });
    expect(await bytesOf(out)).toBeUndefined();
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen({ port, host: '127.0.0.1' }, () => probe.close(() => resolve(true)));
    });
    expect(free).toBe(true);
  });

  it('takes the secret from standard input, never from the command line', async () => {
    const out = path.join(sandbox.dir, 'stdin.ini');
    const browse = browseOnWaiting(sandbox.trust);
    const run = await spawnCli(baseArgs(out, ['--json', '--secret-stdin']), {
      env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile },
      stdin: `${sandbox.idp.defaults.secrets.valid.value}\n`,
      onEvent: browse,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(sandbox.idp.defaults.secrets.valid.value);
    const noSecret = await spawnCli(baseArgs(out), { env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile } });
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('RTW_CLIENT_SECRET');
    const onArgv = await spawnCli([...baseArgs(out), '--client-secret', 'x'], { env: env() });
    expect(onArgv.code).toBe(2);
  });
});

describe('rtw as a program', () => {
  it('exit codes of help, version and a wrong command line', async () => {
    const packageVersion = (
      JSON.parse(await readFile(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const help = await spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rtw acquire');
    expect((await spawnCli(['--version'])).stdout).toBe(`${packageVersion}\n`);
    expect((await spawnCli(['check', '--help', '--lang', 'ja'])).code).toBe(0);
    expect((await spawnCli([])).code).toBe(2);
    const unknown = await spawnCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('Unknown command "frobnicate". Run rtw --help.\n');
  });

  it('exits normally when nobody reads its output any more (rtw help | head -1)', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the CLI has even started: its first write meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('rtw refresh as a real process (what a scheduled run is)', () => {
  it('two runs at once on one file: they take turns, the second redeems the first one’s token, none is lost', async () => {
    const target = path.join(sandbox.dir, 'smail_refresh_token.ini');
    const original = await issueTokenFile(sandbox.idp, target);
    // The first redemption takes 1.5 s, so the second process surely arrives while the first holds the lock.
    sandbox.idp.setFault({ kind: 'delay', ms: 1500, times: 1 });
    const env = { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile };
    const first = spawnCli(['refresh', target, '--json'], { env });
    // Start the second run only once the first holds the lock (its token POST is then being delayed).
    await expect.poll(() => exists(`${target}.lock`), { interval: 10 }).toBe(true);
    const second = spawnCli(['refresh', target, '--json'], { env });
    const runs = await Promise.all([first, second]);

    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const [a, b] = runs.map((r) => r.events.find((e) => e.event === 'file') ?? {});
    expect(a?.previousFingerprint).toBe(tokenFingerprint(original));
    // The second run read the file only after the first released it: it redeemed the first run's token.
    expect(b?.previousFingerprint).toBe(a?.fingerprint);
    // It did wait for the lock (how long depends on how fast the machine starts the second process; the
    // fingerprints above are what prove the runs were serialised).
    expect(Number(b?.waitedMs)).toBeGreaterThan(0);
    const final = await tokenIn(target);
    expect(tokenFingerprint(final)).toBe(b?.fingerprint);
    expect(tokenFingerprint(await tokenIn(`${target}.bak`))).toBe(a?.fingerprint);
    expect(
      sandbox.idp
        .requests()
        .filter((r) => r.grantType === 'refresh_token')
        .map((r) => r.status),
    ).toEqual([200, 200]);
    expect(await worksAtSandbox(sandbox.idp, final)).toBe(true);
    expect(await exists(`${target}.lock`)).toBe(false);
  });

  it('refreshes through HTTPS_PROXY with credentials; even with DEBUG on, no secret is printed', async () => {
    const pass = 'Pr0xy-Pass!';
    const proxy = await startConnectProxy({
      routes: { 'login.microsoftonline.com:443': { host: '127.0.0.1', port: sandbox.idp.port } },
      requireAuth: { user: 'svc-mail', pass },
    });
    try {
      const proxyUrl = `http://svc-mail:${encodeURIComponent(pass)}@127.0.0.1:${proxy.port}`;
      const file = path.join(sandbox.dir, 'proxied.ini');
      // Issued at the production host through the proxy (in process: the issuing is not what this tests).
      const issued = await runCliInProcess(
        [
          'acquire',
          '--device-code',
          '--client-id',
          sandbox.idp.apps.public.clientId,
          '--user',
          sandbox.idp.users.admin.upn,
          '--out',
          file,
          '--json',
        ],
        {
          env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile, HTTPS_PROXY: proxyUrl },
          onEvent: (event) => {
            if (event.event === 'device-code') sandbox.idp.approveDeviceCode(String(event.userCode));
          },
        },
      );
      expect(issued.code, issued.stderr).toBe(0);
      const before = await tokenIn(file);
      expect(before.length).toBeGreaterThan(20);
      sandbox.idp.clearRequests();
      const tunnels = proxy.log().length;

      // DEBUG=* turns on the `debug` logging of any bundled library using it (https-proxy-agent prints the proxy URL
      // it is given: the CLI gives it the URL without credentials).
      const run = await spawnCli(['refresh', file, '--json'], {
        env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile, HTTPS_PROXY: proxyUrl, DEBUG: '*' },
      });
      expect(run.code, run.stderr).toBe(0);
      expect(
        proxy
          .log()
          .slice(tunnels)
          .map((e) => `${e.method} ${e.target} ${e.status}`),
      ).toEqual(['CONNECT login.microsoftonline.com:443 200']);
      expect(sandbox.idp.requests()).toMatchObject([{ grantType: 'refresh_token', status: 200 }]);
      const after = await tokenIn(file);
      expect(after.length).toBeGreaterThan(20);
      expect(after).not.toBe(before);
      const printed = run.stdout + run.stderr;
      for (const secret of [pass, encodeURIComponent(pass), before, after])
        expect(printed).not.toContain(secret);
    } finally {
      await proxy.close();
    }
  });
});
