/**
 * `rtw acquire --device-code` in process against the sandbox, which the test "signs in" to by control; Ctrl+C is
 * the run's abort (the signal itself: process.test.ts).
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../helpers/fake-clock.js';
import type { FakeClock } from '../helpers/fake-clock.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { bytesOf, tempDir } from '../helpers/acquisition.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

let idp: SandboxIdp;
let dir: string;
let cleanup: () => Promise<void>;
/** This test's time, for the CLI's flow and the sandbox alike: moved by the tests, never waited for. */
let clock: FakeClock = fakeClock();

beforeAll(async () => {
  idp = await createSandboxIdp({
    deviceCode: { intervalSeconds: 1, expiresInSeconds: 30 },
    now: () => new Date(clock.now()),
  });
});
afterAll(async () => {
  await idp.close();
});
beforeEach(async () => {
  clock = fakeClock();
  ({ dir, cleanup } = await tempDir());
  idp.clearRequests();
  idp.setDeviceCodeTiming({ intervalSeconds: 1, expiresInSeconds: 30 });
});
afterEach(async () => {
  await cleanup();
});

function args(out: string, extra: string[] = [], clientId = idp.apps.public.clientId): string[] {
  return [
    'acquire',
    '--device-code',
    '--authority',
    idp.authority('common'),
    '--client-id',
    clientId,
    '--user',
    idp.users.admin.upn,
    '--out',
    out,
    ...extra,
  ];
}

/** One poll's time passing: once the flow sleeps (its countdown and its poll wait), a second goes by. */
async function nextPoll(): Promise<void> {
  await clock.waitForSleepers(2);
  await clock.advance(1000);
}

// No RTW_CLIENT_SECRET: device code must not ask for one.
const env = (): NodeJS.ProcessEnv => ({ NODE_EXTRA_CA_CERTS: idp.caFile });

describe('rtw acquire --device-code', () => {
  it('emits the code as JSON, waits for the sign-in and writes the INI with an empty ClientSecret', async () => {
    const out = path.join(dir, 'dc.ini');
    let user: Promise<void> = Promise.resolve();
    const run = await runCliInProcess(args(out, ['--json']), {
      env: env(),
      clock,
      onEvent: (event) => {
        // The person signs in after the first poll was answered "pending".
        if (event.event === 'device-code')
          user = (async () => {
            await clock.waitForSleepers(2);
            idp.approveDeviceCode(String(event.userCode));
            await clock.advance(1000);
          })();
      },
    });
    await user;
    expect(run.code, run.stderr).toBe(0);
    const kinds = run.events.map((e) => e.event);
    expect(kinds[0]).toBe('device-code');
    expect(kinds.at(-1)).toBe('written');
    expect(run.events[0]).toMatchObject({
      verificationUri: 'https://microsoft.com/devicelogin',
      expiresIn: 30,
      interval: 1,
      userCode: expect.stringMatching(/^[A-Z0-9]{9}$/) as unknown,
      message: expect.stringContaining('https://microsoft.com/devicelogin') as unknown,
      note: expect.stringContaining('Allow public client flows') as unknown,
    });
    expect(run.events.at(-1)).toMatchObject({ event: 'written', file: out, publicClient: true });
    expect(String(run.events.at(-1)?.note)).toContain('AADSTS700025');
    expect(run.stderr).toBe('');
    const bytes = (await bytesOf(out)) ?? Buffer.alloc(0);
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'ClientSecret')).toBe('');
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'TokenURI')).toBe(
      `${idp.authority('common')}/oauth2/v2.0/token`,
    );
    const token = getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken') ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(run.stdout).not.toContain(token);
  });

  it('prints the code prominently for a person, in Japanese, with the public-client requirement', async () => {
    const out = path.join(dir, 'ja.ini');
    let code = '';
    const running = runCliInProcess(args(out, ['--lang', 'ja']), {
      env: env(),
      clock,
      onStderr: (line) => {
        const shown = /^ {8}([A-Z0-9]{9})$/.exec(line)?.[1];
        if (shown !== undefined) {
          code = shown;
          idp.approveDeviceCode(shown);
        }
      },
    });
    // Approved as soon as the code is printed: the first poll or the one after it brings the tokens.
    await Promise.race([nextPoll(), running]);
    const run = await running;
    expect(run.code, run.stderr).toBe(0);
    expect(code).not.toBe('');
    expect(run.stderr).toContain('https://microsoft.com/devicelogin');
    expect(run.stderr).toContain('パブリック クライアント フローを許可する');
    expect(run.stderr).toContain('AADSTS700025');
    expect(run.stderr).toContain('保存しました');
  });

  it('a declined sign-in exits 3 with the explanation', async () => {
    const run = await runCliInProcess(args(path.join(dir, 'no.ini'), ['--json']), {
      env: env(),
      onEvent: (event) => {
        if (event.event === 'device-code') idp.declineDeviceCode(String(event.userCode));
      },
    });
    expect(run.code).toBe(3);
    expect(run.events.at(-1)).toMatchObject({ event: 'failed', code: 'device-code-declined' });
    expect(await bytesOf(path.join(dir, 'no.ini'))).toBeUndefined();
  });

  it('an expired code exits 6 and says to try again', async () => {
    idp.setDeviceCodeTiming({ expiresInSeconds: 2 });
    const running = runCliInProcess(args(path.join(dir, 'late.ini'), ['--lang', 'en']), {
      env: env(),
      clock,
    });
    await nextPoll();
    await nextPoll();
    const run = await running;
    expect(run.code).toBe(6);
    expect(run.stderr).toContain('The device code expired after 2 seconds');
    expect(run.stderr).toContain('Try again to get a new code');
  });

  it('an app without “Allow public client flows” exits 3 and names the setting', async () => {
    const run = await runCliInProcess(args(path.join(dir, 'conf.ini'), [], idp.apps.confidential.clientId), {
      env: env(),
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('AADSTS7000218');
    expect(run.stderr).toContain('“Allow public client flows” to Yes');
  });

  it('Ctrl+C cancels at once: exit 130, nothing written', async () => {
    const out = path.join(dir, 'cancel.ini');
    const run = await runCliInProcess(args(out, ['--json']), {
      env: env(),
      onEvent: (event, child) => {
        if (event.event === 'device-code') child.kill('SIGINT');
      },
    });
    expect(run.code).toBe(130);
    expect(run.events.at(-1)).toEqual({ event: 'cancelled' });
    expect(await bytesOf(out)).toBeUndefined();
  });

  it('takes no secret: --secret-stdin is a usage error, RTW_CLIENT_SECRET is not used', async () => {
    const run = await runCliInProcess(args(path.join(dir, 'x.ini'), ['--secret-stdin']), {
      env: env(),
      stdin: 'x\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--device-code uses no client secret');
    expect(idp.requests()).toEqual([]);
  });
});

describe('a busy redirect port', () => {
  it('offers --port N and --device-code, concretely', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runCliInProcess(
        [
          'acquire',
          '--authority',
          idp.authority('common'),
          '--client-id',
          idp.apps.confidential.clientId,
          '--user',
          idp.users.admin.upn,
          '--out',
          path.join(dir, 'busy.ini'),
          '--port',
          String(port),
          '--no-browser',
          '--lang',
          'en',
        ],
        { env: { ...env(), RTW_CLIENT_SECRET: idp.defaults.secrets.valid.value } },
      );
      expect(run.code).toBe(7);
      expect(run.stderr).toContain(`--port ${port + 1}`);
      expect(run.stderr).toContain('rtw acquire --device-code');
      expect(run.stderr).toContain(`Run it again with --port ${port + 1}`);
    } finally {
      blocker.close();
    }
  });
});
