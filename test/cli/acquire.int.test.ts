import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fakeClock } from '../helpers/fake-clock.js';
import { describe, expect, it } from 'vitest';
import { playBrowser } from '../fixtures/browser.js';
import { iniPackageValue, pythonValue, readWithPython } from '../fixtures/ini-readers.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { bytesOf } from '../helpers/acquisition.js';
import { browseOnWaiting, sandboxAcquireArgs, sandboxEnv } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';

const sandbox = sandboxPerFile();

function baseArgs(out: string, extra: string[] = []): string[] {
  return sandboxAcquireArgs(sandbox.idp, out, { extra });
}

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => sandboxEnv(sandbox.idp, extra);

describe('rtw acquire against the sandbox', () => {
  it('acquires a token and writes an INI every reader reads the same', async () => {
    const out = path.join(sandbox.dir, 'smail_refresh_token.ini');
    const browse = browseOnWaiting(sandbox.trust);
    const run = await runCliInProcess(baseArgs(out, ['--json', '--protocols', 'smtp,pop']), {
      env: env(),
      onEvent: browse,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.events.map((e) => e.event)).toEqual(['listening', 'waiting', 'exchanging', 'written']);
    expect(run.events[1]).toMatchObject({
      authorizeUrl: expect.stringContaining(
        `${sandbox.idp.authority('common')}/oauth2/v2.0/authorize?`,
      ) as unknown,
    });
    expect(run.events[3]).toMatchObject({ event: 'written', file: out, userId: sandbox.idp.users.admin.upn });
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
      `${sandbox.idp.authority('common')}/oauth2/v2.0/token`,
    );
    const token = getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken') ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(run.stdout).not.toContain(token);
    expect(run.stdout).not.toContain(sandbox.idp.defaults.secrets.valid.value);
  });

  it('explains a wrong secret in Japanese, exits 3 and leaves the existing file as it was', async () => {
    const out = path.join(sandbox.dir, 'existing.ini');
    const before = Buffer.from('[OAUTH2]\r\nRefreshToken=KEEP\r\n');
    await writeFile(out, before);
    const run = await runCliInProcess(baseArgs(out, ['--lang', 'ja']), {
      env: env({ RTW_CLIENT_SECRET: 'Qrs8Q~notTheRightValueForThisAppAtAll12345' }),
      onStderr: (line) => {
        const url = /^\s+(https:\/\/\S+authorize\S+)$/.exec(line)?.[1];
        if (url !== undefined) void playBrowser(url, { dispatcher: sandbox.trust });
      },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('AADSTS7000215');
    expect(run.stderr).toMatch(/[\u3040-\u30ff]/);
    expect(run.stderr).not.toContain('Qrs8Q~notTheRightValueForThisAppAtAll12345');
    expect(await readFile(out)).toEqual(before);
    expect(await bytesOf(`${out}.bak`)).toBeUndefined();
  });

  it('prints each sign-in’s URL for a person, also the second in one process (state is per run)', async () => {
    for (const name of ['first.ini', 'second.ini']) {
      const out = path.join(sandbox.dir, name);
      const urls: string[] = [];
      const run = await runCliInProcess(baseArgs(out, ['--lang', 'en']), {
        env: env(),
        onStderr: (line) => {
          const url = /^\s+(https:\/\/\S+authorize\S+)$/.exec(line)?.[1];
          if (url === undefined) return;
          urls.push(url);
          void playBrowser(url, { dispatcher: sandbox.trust });
        },
      });
      expect(run.code, run.stderr).toBe(0);
      expect(urls, name).toHaveLength(1);
      expect(run.stderr).toContain('Open this URL in a browser on this computer');
      expect(run.stderr).toMatch(/^Waiting for sign-in… \d+:\d\d left\.$/m);
      expect(await bytesOf(out)).toBeDefined();
    }
  });

  it('ignores a callback with the wrong state and completes with the right one', async () => {
    const out = path.join(sandbox.dir, 'state.ini');
    let stale: Promise<Response> | undefined;
    const browse = browseOnWaiting(sandbox.trust);
    const run = await runCliInProcess(baseArgs(out, ['--json']), {
      env: env(),
      onEvent: (event) => {
        if (event.event === 'listening')
          stale = fetch(`${String(event.redirectUri)}?code=forged&state=not-yours`);
        if (event.event === 'waiting' && stale !== undefined) void stale.then(() => browse(event));
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
      const args = baseArgs(path.join(sandbox.dir, 'x.ini')).map((a, i, all) =>
        all[i - 1] === '--port' ? String(port) : a,
      );
      const run = await runCliInProcess(args, { env: env() });
      expect(run.code).toBe(7);
      expect(run.stderr).toContain(String(port));
    } finally {
      blocker.close();
    }
  });

  it('times out when nobody signs in (exit 6)', async () => {
    const clock = fakeClock();
    const running = runCliInProcess(
      baseArgs(path.join(sandbox.dir, 't.ini'), ['--timeout', '10', '--json']),
      {
        env: env(),
        clock,
      },
    );
    // Waiting for the sign-in (its time-out and its countdown asleep): ten seconds pass at once.
    await clock.waitForSleepers(2);
    await clock.advance(10_000);
    const run = await running;
    expect(run.code).toBe(6);
    expect(run.events.at(-1)).toMatchObject({ event: 'failed', code: 'timeout' });
  });

  it('reports an unreachable identity provider (exit 4)', async () => {
    const args = baseArgs(path.join(sandbox.dir, 'down.ini')).map((a, i, all) =>
      all[i - 1] === '--authority' ? 'https://127.0.0.1:9/common' : a,
    );
    const run = await runCliInProcess(args, { env: env() });
    expect(run.code).toBe(4);
  });

  it('says what to fix in the input (exit 2), in the chosen language', async () => {
    const run = await runCliInProcess(
      ['acquire', '--client-id', 'nope', '--user', 'not-an-address', '--lang', 'en'],
      {
        env: env(),
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--client-id: The Application (client) ID is a GUID');
    expect(run.stderr).toContain('--user: "not-an-address" is not a mail address');
    const ja = await runCliInProcess(['acquire', '--client-id', 'nope', '--user', 'x@y.z'], {
      env: env({ LANG: 'ja_JP.UTF-8' }),
    });
    expect(ja.stderr).toContain('アプリケーション (クライアント) ID');
  });
});
