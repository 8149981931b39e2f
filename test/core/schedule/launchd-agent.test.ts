/**
 * macOS LaunchAgent (macOS is not available on this machine: the property list is read back with the `plist`
 * parser, as plutil would read it, and launchctl's answers are recorded ones from real machines).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import {
  agentPlist,
  launchdBackend,
  launchdLabelOf,
  parseLaunchctlPrint,
} from '../../../electron/core/schedule/launchd-agent.js';
import { scheduleSpecOf } from '../../../electron/core/schedule/schedule-spec.js';
import type { ScheduleSpec } from '../../../electron/core/schedule/schedule-spec.js';
import { recordedTools } from '../../fixtures/recorded-tools.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const APP = '/Applications/Refresh Token Wizard.app/Contents/MacOS/Refresh Token Wizard';
const TARGETS = ['/Users/jimu/送信 トークン/smail & co.ini', "/Users/jimu/it's <100%>.ini"];

function spec(overrides: Partial<Parameters<typeof scheduleSpecOf>[0]> = {}): ScheduleSpec {
  return scheduleSpecOf({ targets: TARGETS, launcher: [APP], lang: 'en', platform: 'darwin', ...overrides });
}

/** `launchctl print` of a loaded agent that ran and failed (macOS 14, trimmed). */
const PRINT_LOADED = `gui/501/jp.refresh-token-wizard.rtw-0123456789 = {
\tactive count = 0
\tpath = /Users/jimu/Library/LaunchAgents/jp.refresh-token-wizard.rtw-0123456789.plist
\ttype = LaunchAgent
\tstate = not running

\tprogram = /Applications/Refresh Token Wizard.app/Contents/MacOS/Refresh Token Wizard
\truns = 3
\tlast exit code = 8
}
`;
const PRINT_NOT_FOUND = {
  code: 113,
  stderr: 'Could not find service "jp.refresh-token-wizard.rtw-0123456789" in domain for user gui: 501\n',
};

describe('the agent property list (macOS not available here: read back with the plist parser)', () => {
  it('parses, and holds the label, every argument, the output log and a weekly calendar', () => {
    const s = spec();
    const parsed = plist.parse(agentPlist(s, '/Users/jimu')) as Record<string, unknown>;
    expect(parsed).toEqual({
      Label: launchdLabelOf(s.id),
      ProgramArguments: [APP, 'refresh', '--scheduled', '--lang', 'en', '--', ...TARGETS],
      StartCalendarInterval: { Weekday: 1, Hour: 3, Minute: 17 },
      ProcessType: 'Background',
      StandardOutPath: `/Users/jimu/Library/Logs/Refresh Token Wizard/${s.id}.log`,
      StandardErrorPath: `/Users/jimu/Library/Logs/Refresh Token Wizard/${s.id}.log`,
    });
  });

  it('daily, and every N days as days of the month', () => {
    const daily = plist.parse(
      agentPlist(spec({ everyDays: 1, at: { hour: 6, minute: 0 } }), '/Users/j'),
    ) as Record<string, unknown>;
    expect(daily.StartCalendarInterval).toEqual({ Hour: 6, Minute: 0 });
    const tenDays = plist.parse(agentPlist(spec({ everyDays: 10 }), '/Users/j')) as Record<string, unknown>;
    expect(tenDays.StartCalendarInterval).toEqual(
      [1, 11, 21, 31].map((Day) => ({ Day, Hour: 3, Minute: 17 })),
    );
  });
});

describe('launchctl (macOS not available here: its answers are recorded)', () => {
  const home = useTempDir('launchd');

  it('writes the agent and bootstraps it into the gui domain; a loaded one is booted out first', async () => {
    const s = spec();
    const label = launchdLabelOf(s.id);
    const fresh = recordedTools((call) => (call.args[0] === 'print' ? PRINT_NOT_FOUND : undefined));
    const backend = launchdBackend({ run: fresh.run, home: home.path, uid: 501 });
    const result = await backend.install(s);
    const file = path.join(home.path, 'Library', 'LaunchAgents', `${label}.plist`);
    expect(result.location).toBe(file);
    expect(await readFile(file, 'utf8')).toBe(agentPlist(s, home.path));
    // launchd refuses an agent others can write.
    expect((await stat(file)).mode & 0o022).toBe(0);
    expect(fresh.lines()).toEqual([
      `launchctl print gui/501/${label}`,
      `launchctl bootstrap gui/501 ${file}`,
    ]);

    const again = recordedTools((call) => (call.args[0] === 'print' ? { stdout: PRINT_LOADED } : undefined));
    await launchdBackend({ run: again.run, home: home.path, uid: 501 }).install(s);
    expect(again.lines()).toEqual([
      `launchctl print gui/501/${label}`,
      `launchctl bootout gui/501/${label}`,
      `launchctl bootstrap gui/501 ${file}`,
    ]);
    expect(result.notes.map((n) => n.en).join(' ')).toMatch(/while you are logged in/);
  });

  it('says an agent cannot run logged out when that is asked', async () => {
    const tools = recordedTools((call) => (call.args[0] === 'print' ? PRINT_NOT_FOUND : undefined));
    const result = await launchdBackend({ run: tools.run, home: home.path, uid: 501 }).install(
      spec({ loggedOut: true }),
    );
    expect(result.notes.map((n) => n.en).join(' ')).toMatch(/LaunchDaemon/);
  });

  it('reads state and last exit code from launchctl print, and removes the agent', async () => {
    expect(parseLaunchctlPrint(PRINT_LOADED)).toEqual({ state: 'not running', lastRun: { exitCode: 8 } });
    expect(parseLaunchctlPrint('\tstate = running\n\tlast exit code = (never exited)\n')).toEqual({
      state: 'running',
    });
    expect(parseLaunchctlPrint('\tlast exit status = 0\n')).toEqual({ lastRun: { exitCode: 0 } });

    const s = spec();
    const loaded = recordedTools((call) => (call.args[0] === 'print' ? { stdout: PRINT_LOADED } : undefined));
    const backend = launchdBackend({ run: loaded.run, home: home.path, uid: 501 });
    await backend.install(s);
    expect(await backend.inspect(s.id)).toEqual({
      installed: true,
      state: 'not running',
      lastRun: { exitCode: 8 },
    });
    expect(await backend.uninstall(s.id)).toBe(true);
    await expect(
      stat(path.join(home.path, 'Library', 'LaunchAgents', `${launchdLabelOf(s.id)}.plist`)),
    ).rejects.toThrow();
    expect(loaded.lines().at(-1)).toBe(`launchctl bootout gui/501/${launchdLabelOf(s.id)}`);

    const gone = recordedTools(() => PRINT_NOT_FOUND);
    const none = launchdBackend({ run: gone.run, home: home.path, uid: 501 });
    expect(await none.inspect(s.id)).toEqual({ installed: false });
    expect(await none.uninstall(s.id)).toBe(false);
  });
});
