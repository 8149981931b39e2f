/**
 * The installed app started with a command: the built main process (dist/electron/main/index.js) in a process of
 * its own, with the stand-in `electron` (the real binary cannot be downloaded here: test/fixtures/
 * electron-stub-process.ts), refreshes token files against the sandbox with exactly the CLI's output and exit
 * code, appends the same to its log, and opens no window, takes no single-instance lock, turns on no sandbox.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { headlessArgsOf } from '../../electron/main/headless.js';
import { OutputLines, baseEnv, spawnCli } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { issueTokenFile, tokenIn } from '../helpers/token-files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'dist/electron/main/index.js');
const REGISTER = path.join(ROOT, 'test/fixtures/electron-stub-register.mjs');

const sandbox = sandboxPerFile();

interface AppRun extends CliRun {
  /** What the main process did with `electron`, and how many windows it made. */
  stub: { calls: Array<{ name: string; args: unknown[] }>; windows: number };
}

/** `"Refresh Token Wizard" …args`, as the app's executable would be started by a schedule. */
async function spawnApp(args: string[], env: NodeJS.ProcessEnv = {}): Promise<AppRun> {
  const callsFile = path.join(sandbox.dir, `stub-calls-${Math.random().toString(36).slice(2)}.json`);
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', REGISTER, MAIN, ...args], {
    env: baseEnv({
      RTW_STUB_CALLS: callsFile,
      RTW_STUB_USER_DATA: path.join(sandbox.dir, 'user-data'),
      NODE_EXTRA_CA_CERTS: sandbox.idp.caFile,
      ...env,
    }),
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = new OutputLines({}, child);
  createInterface({ input: child.stdout }).on('line', (line) => lines.stdoutLine(line));
  createInterface({ input: child.stderr }).on('line', (line) => lines.stderrLine(line));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  const stub = JSON.parse(await readFile(callsFile, 'utf8')) as AppRun['stub'];
  return { code, signal, events: lines.events, stdout: lines.stdout, stderr: lines.stderr, stub };
}

const cli = (args: string[]): Promise<CliRun> =>
  spawnCli(args, { env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile } });

/** Trace and correlation IDs and times differ from one request to the next; the rest must not. */
const steady = (text: string): string =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<guid>')
    .replace(/\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?Z?/g, '<time>');

/** No window, no lock, no sandbox switch: only the data folder asked for, and the exit. */
function expectNoWindow(run: AppRun, code: number): void {
  expect(run.stub.windows).toBe(0);
  expect(run.stub.calls.map((c) => c.name)).toEqual(['app.exit']);
  expect(run.stub.calls.at(-1)?.args).toEqual([code]);
}

describe('the app started with a command (the built main process, a stand-in electron)', () => {
  it('refresh: the CLI’s exact output and exit code, the token really refreshed, no window', async () => {
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    const first = await issueTokenFile(sandbox.idp, file);
    const byCli = await cli(['refresh', file, '--lang', 'en']);
    const afterCli = await tokenIn(file);
    expect(afterCli).not.toBe(first);
    const byApp = await spawnApp(['refresh', file, '--lang', 'en']);
    expect(byApp.code, byApp.stderr).toBe(0);
    expect(byApp.code).toBe(byCli.code);
    expect(byApp.stdout).toBe(byCli.stdout);
    expect(byApp.stderr).toBe(byCli.stderr);
    expect(byApp.stdout).toMatch(/^OK {8}.+smail_refresh_token\.ini: refreshed the token of /);
    expect(await tokenIn(file)).not.toBe(afterCli);
    expectNoWindow(byApp, 0);

    // What a scheduled task sees (no console on Windows): the same lines in the app's log.
    const log = await readFile(path.join(sandbox.dir, 'user-data', 'logs', 'headless.log'), 'utf8');
    expect(log).toContain(`refresh ${file} --lang en\n${byApp.stdout}`);
    expect(log).toMatch(/--- exit 0\n$/);
  });

  it('refresh --json and a token that needs re-issuing: exit 8 and the same events and explanation as the CLI', async () => {
    const good = path.join(sandbox.dir, 'a.ini');
    const stale = path.join(sandbox.dir, 'b.ini');
    await issueTokenFile(sandbox.idp, good);
    sandbox.idp.expireRefreshToken(await issueTokenFile(sandbox.idp, stale));
    const byCli = await cli(['refresh', sandbox.dir, '--lang', 'ja']);
    const byApp = await spawnApp(['refresh', sandbox.dir, '--lang', 'ja']);
    expect([byApp.code, byCli.code]).toEqual([8, 8]);
    expect(byApp.stdout).toBe(byCli.stdout);
    expect(steady(byApp.stderr)).toBe(steady(byCli.stderr));
    expect(byApp.stderr).toContain('AADSTS700082');
    expectNoWindow(byApp, 8);

    const jsonCli = await cli(['refresh', sandbox.dir, '--json']);
    const jsonApp = await spawnApp(['refresh', sandbox.dir, '--json']);
    const shape = (run: CliRun) =>
      run.events.map((e) => [
        e.event,
        e.status,
        e.file,
        e.code,
        (e.explanation as { id?: string } | undefined)?.id,
        e.exitCode,
      ]);
    expect(shape(jsonApp)).toEqual(shape(jsonCli));
    expect(jsonApp.code).toBe(jsonCli.code);
  });

  it('drops the Chromium switches a Linux schedule puts first, and answers a wrong command line as the CLI does', async () => {
    const file = path.join(sandbox.dir, 'x.ini');
    await issueTokenFile(sandbox.idp, file);
    const run = await spawnApp([
      '--ozone-platform=headless',
      '--disable-gpu',
      'refresh',
      file,
      '--lang',
      'en',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectNoWindow(run, 0);
    const wrong = await spawnApp(['refresh', '--no-such-option', file]);
    const wrongCli = await cli(['refresh', '--no-such-option', file]);
    expect([wrong.code, wrong.stderr]).toEqual([wrongCli.code, wrongCli.stderr]);
  });

  it('rotate-secret goes the same headless way (whatever the CLI answers, the app answers the same)', async () => {
    const byApp = await spawnApp(['rotate-secret', '--help', '--lang', 'en']);
    const byCli = await cli(['rotate-secret', '--help', '--lang', 'en']);
    expect([byApp.code, byApp.stdout, byApp.stderr]).toEqual([byCli.code, byCli.stdout, byCli.stderr]);
    expectNoWindow(byApp, byCli.code ?? -1);
  });
});

describe('which command lines run headless', () => {
  it.each([
    [['C:\\…\\Refresh Token Wizard.exe'], false, undefined],
    [['/opt/rtw/refresh-token-wizard', 'refresh', '/srv/a.ini'], false, ['refresh', '/srv/a.ini']],
    [['electron', '.', 'refresh', '--json', 'a.ini'], true, ['refresh', '--json', 'a.ini']],
    [['app', '--ozone-platform=headless', '--disable-gpu', 'refresh', 'a'], false, ['refresh', 'a']],
    [['app', 'rotate-secret', '--client-id', 'x'], false, ['rotate-secret', '--client-id', 'x']],
    // Anything else opens the window: a file dropped on the icon, a protocol link, `--help`.
    [['app', '/srv/a.ini'], false, undefined],
    [['app', '--help'], false, undefined],
    [['app', 'acquire'], false, undefined],
    [['electron', 'refresh'], true, undefined],
  ])('%j (defaultApp %s) → %j', (argv, defaultApp, expected) => {
    expect(headlessArgsOf(argv, defaultApp)).toEqual(expected);
  });
});
