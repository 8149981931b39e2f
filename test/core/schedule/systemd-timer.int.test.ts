/**
 * Linux, for real: the units are verified by `systemd-analyze --user verify` and their calendars by
 * `systemd-analyze calendar`; then a systemd user manager of the test's own (test/helpers/systemd-user-manager.ts)
 * runs the schedule: the timer enabled, its service started as the timer would start it, the built CLI refreshing
 * token files against the sandbox, the OS's record and the run's own record read back, and the schedule removed.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../electron/core/command-runner.js';
import { createScheduler } from '../../../electron/core/schedule/scheduler.js';
import { scheduleSpecOf } from '../../../electron/core/schedule/schedule-spec.js';
import type { ScheduleSpec } from '../../../electron/core/schedule/schedule-spec.js';
import { onCalendarOf, systemdUnits } from '../../../electron/core/schedule/systemd-timer.js';
import { CLI_PATH } from '../../helpers/cli.js';
import { sandboxPerFile } from '../../helpers/sandbox-per-file.js';
import { startUserManager } from '../../helpers/systemd-user-manager.js';
import type { UserManager } from '../../helpers/systemd-user-manager.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { issueTokenFile, tokenIn } from '../../helpers/token-files.js';

const run = promisify(execFile);

/** A folder name the unit's quoting must carry: blanks, Japanese, `$`, `%`, quotes and a backslash. */
const NASTY = `送信 トークン $HOME 100% "q" 'a' \\b`;

function spec(
  targets: string[],
  overrides: Partial<Parameters<typeof scheduleSpecOf>[0]> = {},
): ScheduleSpec {
  return scheduleSpecOf({
    targets,
    launcher: [process.execPath, CLI_PATH],
    lang: 'en',
    platform: 'linux',
    ...overrides,
  });
}

describe('the units, checked by systemd-analyze (systemd 252 here)', () => {
  const temp = useTempDir('units');

  /** `systemd-analyze --user verify` wants a runtime folder, which a container has not: one of the test's own. */
  async function verify(units: Record<string, string>): Promise<{ code: number; output: string }> {
    const runtime = path.join(temp.path, 'run');
    await mkdir(runtime, { recursive: true });
    await chmod(runtime, 0o700);
    for (const [name, text] of Object.entries(units)) await writeFile(path.join(temp.path, name), text);
    const result = await runCommand(
      'systemd-analyze',
      ['--user', 'verify', ...Object.keys(units).map((n) => path.join(temp.path, n))],
      { env: { ...process.env, XDG_RUNTIME_DIR: runtime } },
    );
    return { code: result.code ?? -1, output: result.stderr + result.stdout };
  }

  it.each([1, 7, 10, 30])('every %i day(s): verify accepts the service and the timer', async (everyDays) => {
    const s = spec([path.join(temp.path, NASTY)], { everyDays });
    const { service, timer } = systemdUnits(s);
    const result = await verify({ [`${s.id}.service`]: service, [`${s.id}.timer`]: timer });
    expect(result, result.output).toMatchObject({ code: 0 });
  });

  it('verify does refuse a service whose program is not there (the check can fail)', async () => {
    const s = spec(['/srv/a.ini'], { launcher: ['/nonexistent/refresh-token-wizard'] });
    const { service, timer } = systemdUnits(s);
    const result = await verify({ [`${s.id}.service`]: service, [`${s.id}.timer`]: timer });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('/nonexistent/refresh-token-wizard');
  });

  it.each([
    [1, '*-*-* 03:17:00'],
    [7, 'Mon *-*-* 03:17:00'],
    [10, '*-*-01/10 03:17:00'],
  ])('every %i day(s): systemd-analyze calendar reads %s', async (everyDays, normalized) => {
    const calendar = onCalendarOf({ everyDays, at: { hour: 3, minute: 17 } });
    const { stdout } = await run('systemd-analyze', ['calendar', calendar], {
      env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' },
    });
    expect(stdout).toContain(`Normalized form: ${normalized}`);
  });
});

describe('a real systemd user manager runs the schedule (started privately for the test)', () => {
  const sandbox = sandboxPerFile();
  let manager: UserManager;
  let configDir: string;

  beforeAll(async () => {
    manager = await startUserManager({ NODE_EXTRA_CA_CERTS: sandbox.idp.caFile });
    configDir = path.join(manager.home, 'rtw-config');
    // Every service the manager starts gets this environment: the sandbox CA, and the app's data folder.
    await manager.run('systemctl', ['--user', 'set-environment', `RTW_CONFIG_DIR=${configDir}`]);
  }, 60_000);
  afterAll(() => manager.stop());

  const scheduler = () =>
    createScheduler({
      platform: 'linux',
      run: manager.run,
      env: manager.env,
      home: manager.home,
      user: 'rtw-test',
      uid: process.getuid?.() ?? 0,
      now: () => new Date(),
      dataDir: configDir,
    });

  it('adds a timer, runs its service as the timer would, reads the result back, removes it', async () => {
    const folder = path.join(sandbox.dir, NASTY);
    await mkdir(folder);
    const file = path.join(folder, 'smail_refresh_token.ini');
    const before = await issueTokenFile(sandbox.idp, file);
    const s = spec([folder]);

    const added = await scheduler().add(s);
    expect(added).toMatchObject({ id: s.id, backend: 'systemd', installed: true });
    expect(added.os.state).toBe('active');
    // The next run is the next 03:17 on a Monday (plus up to 15 minutes of randomized delay).
    const next = new Date(added.os.nextRun ?? 0).getTime();
    expect(next).toBeGreaterThan(Date.now());
    expect(next).toBeLessThan(Date.now() + 8 * 86_400_000);
    // lingering cannot be read without logind (none in this container): the note says how to turn it on.
    expect(added.notes.map((n) => n.en).join(' ')).toMatch(/loginctl enable-linger rtw-test/);
    const units = await readdir(path.join(manager.configHome, 'systemd', 'user'));
    expect(units).toEqual(expect.arrayContaining([`${s.id}.service`, `${s.id}.timer`]));

    // What the timer starts, started now: the built CLI refreshes the folder's file against the sandbox.
    const started = await manager.run('systemctl', ['--user', 'start', `${s.id}.service`]);
    expect(started.code, started.stderr).toBe(0);
    expect(await tokenIn(file)).not.toBe(before);
    const ran = await scheduler().status([folder]);
    expect(ran.os.lastRun?.exitCode).toBe(0);
    expect(new Date(ran.os.lastRun?.at ?? 0).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(ran.lastRecorded).toMatchObject({
      exitCode: 0,
      total: 1,
      refreshed: 1,
      needsReissue: 0,
      failed: 0,
    });
    expect(ran.schedule).toMatchObject({ targets: [folder], everyDays: 7, at: '03:17', backend: 'systemd' });

    // A token the provider no longer honours: the OS records exit 8, the run records why.
    sandbox.idp.expireRefreshToken(await tokenIn(file));
    const failed = await manager.run('systemctl', ['--user', 'start', `${s.id}.service`]);
    expect(failed.code).not.toBe(0);
    const after = await scheduler().status([folder]);
    expect(after.os.lastRun?.exitCode).toBe(8);
    expect(after.lastRecorded).toMatchObject({ exitCode: 8, needsReissue: 1 });

    expect(await scheduler().remove([folder])).toBe(true);
    const removed = await scheduler().status([folder]);
    expect(removed).toMatchObject({ installed: false });
    expect(removed.schedule).toBeUndefined();
    expect(await readdir(path.join(manager.configHome, 'systemd', 'user'))).not.toContain(`${s.id}.timer`);
    const timers = await manager.run('systemctl', ['--user', 'list-timers', '--all', '--no-legend']);
    expect(timers.stdout).not.toContain(s.id);
    expect(await scheduler().remove([folder])).toBe(false);
  });

  it('replaces a schedule made again with another interval', async () => {
    const file = path.join(sandbox.dir, 'a.ini');
    await issueTokenFile(sandbox.idp, file);
    await scheduler().add(spec([file]));
    const daily = await scheduler().add(spec([file], { everyDays: 1, at: { hour: 23, minute: 59 } }));
    expect(daily.schedule).toMatchObject({ everyDays: 1, at: '23:59' });
    const shown = await manager.run('systemctl', [
      '--user',
      'show',
      `${daily.id}.timer`,
      '-p',
      'TimersCalendar',
    ]);
    expect(shown.stdout).toContain('OnCalendar=*-*-* 23:59:00');
    expect(await scheduler().remove([file])).toBe(true);
  });
});
