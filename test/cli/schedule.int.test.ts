/**
 * `rtw schedule` in process, on Linux for real: a systemd user manager of the test's own (see
 * test/helpers/systemd-user-manager.ts) receives the timer, and status reads back what the OS and the run recorded.
 * Windows and macOS are not available here: their artifacts and tools are tested in test/core/schedule/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { CLI_PATH } from '../helpers/cli.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { startUserManager } from '../helpers/systemd-user-manager.js';
import type { UserManager } from '../helpers/systemd-user-manager.js';
import { issueTokenFile } from '../helpers/token-files.js';

const sandbox = sandboxPerFile();
let manager: UserManager;

beforeAll(async () => {
  manager = await startUserManager({ NODE_EXTRA_CA_CERTS: sandbox.idp.caFile });
}, 60_000);
afterAll(() => manager.stop());

/** The CLI as the admin runs it in a session of that manager: its runtime folder, home and unit folder. */
function rtw(args: string[]) {
  const config = path.join(manager.home, 'config');
  return runCliInProcess(args, {
    env: { ...manager.env, RTW_CONFIG_DIR: config, NODE_EXTRA_CA_CERTS: sandbox.idp.caFile },
  });
}

describe('rtw schedule (Linux: a real systemd user manager, started privately for the test)', () => {
  it('add, status, a run, remove: in JSON and for a human, both languages', async () => {
    await manager.run('systemctl', [
      '--user',
      'set-environment',
      `RTW_CONFIG_DIR=${path.join(manager.home, 'config')}`,
    ]);
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    await issueTokenFile(sandbox.idp, file);

    const added = await rtw([
      'schedule',
      'add',
      sandbox.dir,
      '--every',
      '2w',
      '--at',
      '04:05',
      '--json',
      '--lang',
      'en',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const status = JSON.parse(added.stdout) as {
      id: string;
      backend: string;
      installed: boolean;
      schedule: Record<string, unknown>;
    };
    expect(status).toMatchObject({ backend: 'systemd', installed: true });
    expect(status.schedule).toMatchObject({
      targets: [sandbox.dir],
      everyDays: 14,
      at: '04:05',
      program: process.execPath,
      args: [CLI_PATH, 'refresh', '--scheduled', '--lang', 'en', '--', sandbox.dir],
    });

    const ran = await manager.run('systemctl', ['--user', 'start', `${status.id}.service`]);
    expect(ran.code, ran.stderr).toBe(0);

    const en = await rtw(['schedule', 'status', sandbox.dir, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(`Schedule ${status.id} (systemd user timer): set up`);
    expect(en.stdout).toContain(`Files: ${sandbox.dir}`);
    expect(en.stdout).toContain('Every: 14 day(s) at 04:05; while signed out: no');
    expect(en.stdout).toMatch(/Last run \(OS\): .+, exit code 0/);
    expect(en.stdout).toMatch(/Last run \(recorded\): .+, exit code 0: 1 refreshed, 0 to re-issue, 0 failed/);
    const ja = await rtw(['schedule', 'status', sandbox.dir, '--lang', 'ja']);
    expect(ja.stdout).toContain('(systemd のユーザー タイマー): 設定済み');
    expect(ja.stdout).toContain('更新 1 件');

    const removed = await rtw(['schedule', 'remove', sandbox.dir, '--lang', 'en']);
    expect(removed.stdout).toBe(`Removed the schedule ${status.id}.\n`);
    const gone = await rtw(['schedule', 'status', sandbox.dir, '--lang', 'en']);
    expect(gone.stdout).toContain('not set up (rtw schedule add …)');
    expect((await rtw(['schedule', 'remove', sandbox.dir, '--lang', 'en'])).stdout).toBe(
      'There was no schedule for these files.\n',
    );
  });

  it('--dry-run prints the units and changes nothing', async () => {
    const run = await rtw([
      'schedule',
      'add',
      '/srv/mail tokens',
      '--dry-run',
      '--every',
      '1d',
      '--lang',
      'en',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^# rtw-[0-9a-f]{10}\.service \(systemd user timer\)$/m);
    expect(run.stdout).toContain('OnCalendar=*-*-* 03:17:00');
    expect(run.stdout).toContain(`ExecStart="${process.execPath}" "${CLI_PATH}" "refresh" "--scheduled"`);
    const listed = await manager.run('systemctl', ['--user', 'list-timers', '--all', '--no-legend']);
    expect(listed.stdout).not.toContain('rtw-');
  });

  it('refuses wrong command lines (exit 2), and says when no scheduler can be reached (exit 11)', async () => {
    for (const args of [
      ['schedule'],
      ['schedule', 'add'],
      ['schedule', 'list', '/srv'],
      ['schedule', 'add', '/srv', '--every', '40d'],
      ['schedule', 'add', '/srv', '--at', '25:00'],
    ])
      expect((await rtw(args)).code, args.join(' ')).toBe(2);
    const every = await rtw(['schedule', 'add', '/srv', '--every', 'weekly', '--lang', 'ja']);
    expect(every.stderr).toContain('--every には 1d～30d の日数');
    const nowhere = await runCliInProcess(['schedule', 'status', '/srv', '--lang', 'en'], {
      env: { PATH: '/nonexistent', HOME: manager.home, RTW_CONFIG_DIR: path.join(manager.home, 'config') },
    });
    expect(nowhere.code).toBe(12);
    expect(nowhere.stderr).toContain('Neither a systemd user manager nor cron');
  });
});
