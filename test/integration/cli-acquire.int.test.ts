import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { playBrowser } from '../fixtures/browser.js';
import { startConnectProxy } from '../fixtures/connect-proxy.js';
import type { ConnectProxy } from '../fixtures/connect-proxy.js';
import { iniPackageValue, pythonValue, readWithPython } from '../fixtures/ini-readers.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { bytesOf, tempDir } from '../helpers/acquisition.js';
import { CLI_PATH, runCli, sandboxAcquireArgs } from '../helpers/cli.js';

let idp: SandboxIdp;
let trustSandbox: Agent;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp();
  trustSandbox = new Agent({ connect: { ca: idp.caPem } });
});
afterAll(async () => {
  await idp.close();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  idp.clearRequests();
  idp.setFault(null);
});
afterEach(async () => {
  await cleanup();
});

function baseArgs(out: string, extra: string[] = []): string[] {
  return sandboxAcquireArgs(idp, out, { extra });
}

function sandboxEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: idp.defaults.secrets.valid.value, ...extra };
}

/** Plays the browser as soon as the CLI announces the sign-in URL. */
function browseOnWaiting(dispatcher = trustSandbox): { onEvent: (event: Record<string, unknown>) => void } {
  let started = false;
  const onEvent = (event: Record<string, unknown>): void => {
    if (event.event !== 'waiting' || started) return;
    started = true;
    void playBrowser(String(event.authorizeUrl), { dispatcher });
  };
  return { onEvent };
}

describe('rtw acquire (a real process against the sandbox)', () => {
  it('acquires a token and writes an INI every reader reads the same', async () => {
    const out = path.join(dir, 'smail_refresh_token.ini');
    const browser = browseOnWaiting();
    const run = await runCli(baseArgs(out, ['--json', '--protocols', 'smtp,pop']), {
      env: sandboxEnv(),
      onEvent: browser.onEvent,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.events.map((e) => e.event)).toEqual(['listening', 'waiting', 'exchanging', 'written']);
    expect(run.events[1]).toMatchObject({
      authorizeUrl: expect.stringContaining(`${idp.authority('common')}/oauth2/v2.0/authorize?`) as unknown,
    });
    expect(run.events[3]).toMatchObject({ event: 'written', file: out, userId: idp.users.admin.upn });
    expect(run.stderr).toBe('');

    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    expect(bytes.subarray(0, 10).toString()).toBe('[OAUTH2]\r\n');
    const [python] = await readWithPython([bytes]);
    for (const key of [
      'UserID',
      'ClientID',
      'ClientSecret',
      'RefreshToken',
      'TokenURI',
      'OuthURI',
      'OAUTH2_TIME_OUT',
      'Provider',
    ]) {
      const windows = getPrivateProfileString(bytes, 'OAUTH2', key);
      expect(windows, key).toBeDefined();
      expect(iniPackageValue(bytes, 'OAUTH2', key), key).toBe(windows);
      expect(pythonValue(python, 'OAUTH2', key), key).toBe(windows);
    }
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'TokenURI')).toBe(
      `${idp.authority('common')}/oauth2/v2.0/token`,
    );
    const token = getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken') ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(run.stdout).not.toContain(token);
    expect(run.stdout).not.toContain(idp.defaults.secrets.valid.value);
  });

  it('reaches login.microsoftonline.com through HTTPS_PROXY and sends it only the token request', async () => {
    const proxy: ConnectProxy = await startConnectProxy({
      routes: { 'login.microsoftonline.com:443': { host: '127.0.0.1', port: idp.port } },
    });
    try {
      const out = path.join(dir, 'prod.ini');
      const browser = browseOnWaiting(routeToSandbox(idp));
      const args = sandboxAcquireArgs(idp, out, { authority: null, extra: ['--json'] });
      const run = await runCli(args, {
        env: sandboxEnv({ HTTPS_PROXY: proxy.url }),
        onEvent: browser.onEvent,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(
        idp
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

  it('explains a wrong secret in Japanese, exits 3 and leaves the existing file as it was', async () => {
    const out = path.join(dir, 'existing.ini');
    const before = Buffer.from('[OAUTH2]\r\nRefreshToken=KEEP\r\n');
    await writeFile(out, before);
    const run = await runCli(baseArgs(out, ['--lang', 'ja']), {
      env: sandboxEnv({ RTW_CLIENT_SECRET: 'Qrs8Q~notTheRightValueForThisAppAtAll12345' }),
      onStderr: (line) => {
        const url = /^\s+(https:\/\/\S+authorize\S+)$/.exec(line)?.[1];
        if (url !== undefined) void playBrowser(url, { dispatcher: trustSandbox });
      },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('AADSTS7000215');
    expect(run.stderr).toMatch(/[\u3040-\u30ff]/);
    expect(run.stderr).not.toContain('Qrs8Q~notTheRightValueForThisAppAtAll12345');
    expect(await readFile(out)).toEqual(before);
    expect(await bytesOf(`${out}.bak`)).toBeUndefined();
  });

  it('ignores a callback with the wrong state and completes with the right one', async () => {
    const out = path.join(dir, 'state.ini');
    let stale: Promise<Response> | undefined;
    const browser = browseOnWaiting();
    const run = await runCli(baseArgs(out, ['--json']), {
      env: sandboxEnv(),
      onEvent: (event) => {
        if (event.event === 'listening')
          stale = fetch(`${String(event.redirectUri)}?code=forged&state=not-yours`);
        if (event.event === 'waiting' && stale !== undefined) void stale.then(() => browser.onEvent(event));
      },
    });
    expect(run.code, run.stderr).toBe(0);
    expect((await stale)?.status).toBe(400);
  });

  it('names a busy port and suggests another (exit 7)', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const args = baseArgs(path.join(dir, 'x.ini')).map((a, i, all) =>
        all[i - 1] === '--port' ? String(port) : a,
      );
      const run = await runCli(args, { env: sandboxEnv() });
      expect(run.code).toBe(7);
      expect(run.stderr).toContain(String(port));
    } finally {
      blocker.close();
    }
  });

  it.each([
    ['Ctrl+C', 'SIGINT'],
    ['a closed terminal', 'SIGHUP'],
  ] as const)('cancels on %s (%s): exit 130, the port released, nothing written', async (_, signal) => {
    const out = path.join(dir, 'cancel.ini');
    let port = 0;
    const run = await runCli(baseArgs(out, ['--json']), {
      env: sandboxEnv(),
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

  it('times out when nobody signs in (exit 6)', async () => {
    const run = await runCli(baseArgs(path.join(dir, 't.ini'), ['--timeout', '10', '--json']), {
      env: sandboxEnv(),
    });
    expect(run.code).toBe(6);
    expect(run.events.at(-1)).toMatchObject({ event: 'failed', code: 'timeout' });
  });

  it('reports an unreachable identity provider (exit 4)', async () => {
    const args = baseArgs(path.join(dir, 'down.ini')).map((a, i, all) =>
      all[i - 1] === '--authority' ? 'https://127.0.0.1:9/common' : a,
    );
    const run = await runCli(args, { env: sandboxEnv() });
    expect(run.code).toBe(4);
  });

  it('takes the secret from standard input, never from the command line', async () => {
    const out = path.join(dir, 'stdin.ini');
    const browser = browseOnWaiting();
    const run = await runCli(baseArgs(out, ['--json', '--secret-stdin']), {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile },
      stdin: `${idp.defaults.secrets.valid.value}\n`,
      onEvent: browser.onEvent,
    });
    expect(run.code, run.stderr).toBe(0);
    const noSecret = await runCli(baseArgs(out), { env: { NODE_EXTRA_CA_CERTS: idp.caFile } });
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('RTW_CLIENT_SECRET');
    const onArgv = await runCli([...baseArgs(out), '--client-secret', 'x'], { env: sandboxEnv() });
    expect(onArgv.code).toBe(2);
  });

  it('says what to fix in the input (exit 2), in the chosen language', async () => {
    const run = await runCli(['acquire', '--client-id', 'nope', '--user', 'not-an-address', '--lang', 'en'], {
      env: sandboxEnv(),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--client-id: The Application (client) ID is a GUID');
    expect(run.stderr).toContain('--user: "not-an-address" is not a mail address');
    const ja = await runCli(['acquire', '--client-id', 'nope', '--user', 'x@y.z'], {
      env: sandboxEnv({ LANG: 'ja_JP.UTF-8' }),
    });
    expect(ja.stderr).toContain('アプリケーション (クライアント) ID');
  });

  it('prints help and version', async () => {
    expect((await runCli(['--help'])).stdout).toContain('rtw acquire');
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    // Each command's own help, as `rtw <command> --help` (or -h), exit 0.
    for (const command of ['acquire', 'refresh', 'show', 'check']) {
      const run = await runCli([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toContain(`rtw ${command}`);
    }
    // After `--` it is a file name, not the help option.
    const operand = await runCli(['show', '--', '-h']);
    expect(operand.code).toBe(5);
    expect(operand.stdout).not.toContain('rtw show FILE');
    const ja = await runCli(['refresh', '-h', '--lang', 'ja']);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toMatch(/[\u3040-\u30ff]/);
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
