/**
 * cron, where Linux has no systemd user manager, and how the scheduler picks the OS's scheduler (cron is not
 * installed on this machine: `crontab` is a recorded stand-in keeping the table in memory; /bin/sh splits the
 * line for real, as cron hands it to the shell).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cronLines, cronMarkerOf } from '../../../electron/core/schedule/cron-entry.js';
import { NoSchedulerError, createScheduler } from '../../../electron/core/schedule/scheduler.js';
import { scheduleSpecOf } from '../../../electron/core/schedule/schedule-spec.js';
import { SCHEDULES_FILE_NAME } from '../../../electron/core/schedule/schedule-store.js';
import { recordedTools } from '../../fixtures/recorded-tools.js';
import type { ToolCall } from '../../fixtures/recorded-tools.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const sh = promisify(execFile);
const NASTY = '/srv/送信 トークン/it\'s 100% $HOME "q".ini';

/** A crontab stand-in: `-l` prints the table (or "no crontab"), `-` replaces it with standard input. */
function crontab(initial?: string) {
  let table = initial;
  let systemd = false;
  const tools = recordedTools((call: ToolCall) => {
    if (call.program === 'systemctl')
      return systemd ? { code: 0 } : { code: 1, stderr: 'Failed to connect to bus: No medium found\n' };
    if (call.program !== 'crontab') return undefined;
    if (call.args[0] === '-l')
      return table === undefined ? { code: 1, stderr: 'no crontab for rtw\n' } : { code: 0, stdout: table };
    table = call.input ?? '';
    return { code: 0 };
  });
  return {
    tools,
    table: () => table,
    systemdAppears: () => {
      systemd = true;
    },
  };
}

describe('cron (crontab not installed here: a recorded stand-in)', () => {
  const temp = useTempDir('cron');
  const deps = (run: ReturnType<typeof crontab>['tools']['run']) => ({
    platform: 'linux' as const,
    run,
    env: {},
    home: temp.path,
    user: 'rtw',
    uid: 1000,
    now: () => new Date('2026-12-06T10:00:00Z'),
    dataDir: temp.path,
  });
  const spec = (targets = [NASTY], everyDays = 7) =>
    scheduleSpecOf({
      targets,
      launcher: ['/usr/bin/node', '/opt/rtw/dist/cli/rtw.cjs'],
      lang: 'ja',
      everyDays,
      platform: 'linux',
    });

  it('is used when no systemd user manager answers; keeps every other line of the table', async () => {
    const cron = crontab('MAILTO=admin@contoso.com\n0 1 * * * /usr/local/bin/backup\n');
    const scheduler = createScheduler(deps(cron.tools.run));
    expect(await scheduler.backendKind()).toBe('cron');
    const status = await scheduler.add(spec());
    expect(status).toMatchObject({ backend: 'cron', installed: true });
    expect(status.notes[0]?.en).toMatch(/does not make up for runs missed/);
    const lines = (cron.table() ?? '').split('\n');
    expect(lines.slice(0, 2)).toEqual(['MAILTO=admin@contoso.com', '0 1 * * * /usr/local/bin/backup']);
    expect(lines[2]).toBe(cronMarkerOf(spec().id));
    expect(lines[3]).toMatch(/^17 3 \* \* 1 /);
    // The store remembers it for status and remove.
    const stored = JSON.parse(await readFile(path.join(temp.path, SCHEDULES_FILE_NAME), 'utf8')) as {
      schedules: Record<string, unknown>;
    };
    expect(Object.keys(stored.schedules)).toEqual([spec().id]);

    // Made again: one entry, not two.
    await scheduler.add(spec());
    expect((cron.table() ?? '').split(cronMarkerOf(spec().id)).length).toBe(2);

    expect(await scheduler.remove([NASTY])).toBe(true);
    expect(cron.table()).toBe('MAILTO=admin@contoso.com\n0 1 * * * /usr/local/bin/backup\n');
    expect((await scheduler.status([NASTY])).installed).toBe(false);
  });

  it('writes a line /bin/sh splits back into the program and every argument', async () => {
    const s = spec([NASTY, '/srv/b.ini'], 10);
    const [, line = ''] = cronLines(s, '/home/rtw/.config/Refresh Token Wizard/logs/x.log');
    expect(line.startsWith('17 3 */10 * * ')).toBe(true);
    // cron removes the backslash before each % and gives the rest of the line to sh; the redirection is cut off.
    const command = line
      .slice('17 3 */10 * * '.length)
      .replace(/\\%/g, '%')
      .replace(/ >> .*$/, '');
    const { stdout } = await sh('/bin/sh', ['-c', `printf '%s\\n' ${command}`]);
    expect(stdout.split('\n').slice(0, -1)).toEqual([s.program, ...s.args]);
  });

  it('keeps a schedule with the scheduler it was made with, and moves it when made again under another', async () => {
    const cron = crontab();
    await createScheduler(deps(cron.tools.run)).add(spec());
    cron.systemdAppears();
    const later = createScheduler(deps(cron.tools.run));
    expect(await later.backendKind()).toBe('systemd');
    // Status still asks cron, where it is.
    expect(await later.status([NASTY])).toMatchObject({ backend: 'cron', installed: true });
    await later.add(spec());
    // Made again: the cron line goes, or both would run.
    expect(cron.table()).toBe('');
    expect(cron.tools.lines()).toContain('systemctl --user enable ' + `${spec().id}.timer`);
    expect((await later.status([NASTY])).backend).toBe('systemd');
  });

  it('says so when Linux has neither a systemd user manager nor cron', async () => {
    const tools = recordedTools(() => ({ code: null, error: 'ENOENT', stdout: '', stderr: '' }));
    const scheduler = createScheduler(deps(tools.run));
    const failure = await scheduler.add(spec()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NoSchedulerError);
    expect((failure as NoSchedulerError).text.ja).toContain('cron');
  });

  it('picks Task Scheduler on Windows and launchd on macOS without probing', async () => {
    const tools = recordedTools();
    expect(await createScheduler({ ...deps(tools.run), platform: 'win32' }).backendKind()).toBe(
      'windows-task',
    );
    expect(await createScheduler({ ...deps(tools.run), platform: 'darwin' }).backendKind()).toBe('launchd');
    expect(tools.calls).toEqual([]);
  });
});
