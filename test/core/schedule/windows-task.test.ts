/**
 * Windows Task Scheduler (Windows is not available on this machine: the task definition is checked against the
 * published schema's structure, the arguments against Windows' own command-line splitting, and schtasks' and
 * PowerShell's answers are recorded ones).
 */
import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ScheduleToolError } from '../../../electron/core/schedule/backend.js';
import { scheduleSpecOf } from '../../../electron/core/schedule/schedule-spec.js';
import type { ScheduleSpec } from '../../../electron/core/schedule/schedule-spec.js';
import {
  parseTaskInfo,
  taskXml,
  utf16WithBom,
  windowsTaskBackend,
} from '../../../electron/core/schedule/windows-task.js';
import { recordedTools } from '../../fixtures/recorded-tools.js';
import { taskSchemaProblems, taskValue } from '../../fixtures/task-scheduler-schema.js';
import { splitWindowsCommandLine } from '../../fixtures/windows-command-line.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const APP = 'C:\\Users\\事務\\AppData\\Local\\Programs\\Refresh Token Wizard\\Refresh Token Wizard.exe';
const TARGETS = [
  'C:\\ProgramData\\送信 システム\\smail_refresh_token.ini',
  'D:\\Mail Tokens\\',
  'C:\\a"b\\c.ini',
];
const NOW = new Date(2026, 11, 6, 10, 0, 0);

function spec(overrides: Partial<Parameters<typeof scheduleSpecOf>[0]> = {}): ScheduleSpec {
  return scheduleSpecOf({ targets: TARGETS, launcher: [APP], lang: 'ja', platform: 'win32', ...overrides });
}

const xmlOf = (s: ScheduleSpec): string => taskXml(s, { user: 'CONTOSO\\jimu', now: NOW });

describe('the task definition (Windows not available here: checked against the published schema)', () => {
  it('conforms to the schema, and says what, when and as whom', () => {
    const xml = xmlOf(spec());
    expect(taskSchemaProblems(xml)).toEqual([]);
    expect(taskValue(xml, 'URI')).toBe(`\\Refresh Token Wizard\\${spec().id}`);
    expect(taskValue(xml, 'StartBoundary')).toBe('2026-12-06T03:17:00');
    expect(taskValue(xml, 'DaysInterval')).toBe('7');
    expect(taskValue(xml, 'UserId')).toBe('CONTOSO\\jimu');
    expect(taskValue(xml, 'LogonType')).toBe('InteractiveToken');
    expect(taskValue(xml, 'StartWhenAvailable')).toBe('true');
    expect(taskValue(xml, 'DisallowStartIfOnBatteries')).toBe('false');
    expect(taskValue(xml, 'Command')).toBe(APP);
    expect(taskValue(xml, 'Description')).toContain(TARGETS[0]);
  });

  it('gives the app back every argument, quotes and Japanese included, as Windows splits a command line', () => {
    const s = spec();
    expect(splitWindowsCommandLine(taskValue(xmlOf(s), 'Arguments') ?? '')).toEqual(s.args);
    expect(s.args.slice(0, 6)).toEqual(['refresh', '--scheduled', '--lang', 'ja', '--', TARGETS[0]]);
  });

  it('runs signed out without a stored password (S4U) when asked, daily or every N days at the chosen time', () => {
    const xml = xmlOf(spec({ loggedOut: true, everyDays: 1, at: { hour: 22, minute: 5 } }));
    expect(taskSchemaProblems(xml)).toEqual([]);
    expect(taskValue(xml, 'LogonType')).toBe('S4U');
    expect(taskValue(xml, 'DaysInterval')).toBe('1');
    expect(taskValue(xml, 'StartBoundary')).toBe('2026-12-06T22:05:00');
  });

  it('the schema check does fail broken definitions', () => {
    const xml = xmlOf(spec());
    expect(taskSchemaProblems(xml.replace(/<Actions[\s\S]*<\/Actions>/, ''))).toContain(
      'Task: Actions is missing',
    );
    expect(taskSchemaProblems(xml.replace('Context="Author"', 'Context="Other"'))).toContain(
      'Actions/@Context "Other" names no Principal',
    );
    expect(
      taskSchemaProblems(
        xml
          .replace('<RandomDelay>PT15M</RandomDelay>', '')
          .replace(
            '</StartBoundary>',
            '</StartBoundary><RandomDelay>PT15M</RandomDelay><Enabled>true</Enabled>',
          ),
      ),
    ).toContain('Task/Triggers/CalendarTrigger: Enabled is out of order');
    expect(
      taskSchemaProblems(xml.replace('<LogonType>InteractiveToken', '<LogonType>Interactive')),
    ).toHaveLength(1);
    expect(taskSchemaProblems(xml.replace('</Task>', ''))[0]).toMatch(/^not well-formed/);
    expect(
      taskSchemaProblems(xml.replace(`<Command>${APP}`, `<Command>C:\\${'x'.repeat(260)}`)),
    ).toHaveLength(1);
  });

  it('refuses a program path longer than the schema allows', () => {
    expect(() => xmlOf(spec({ launcher: [`C:\\${'x'.repeat(260)}.exe`] }))).toThrow(/260/);
  });

  it('is written as UTF-16 LE with a byte order mark, as Task Scheduler exports it', () => {
    const bytes = utf16WithBom('<Task>送信</Task>');
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe('<Task>送信</Task>');
  });
});

describe('schtasks and PowerShell (Windows not available here: their answers are recorded)', () => {
  const temp = useTempDir('task');
  const QUERY_NOT_FOUND = { code: 1, stderr: 'ERROR: The system cannot find the file specified.\r\n' };

  it('registers the definition with schtasks /Create /XML from a file it removes afterwards', async () => {
    let written: Buffer | undefined;
    const tools = recordedTools((call) => {
      if (call.args[0] === '/Create') {
        const file = call.args[call.args.indexOf('/XML') + 1] ?? '';
        return { code: 0, stdout: `SUCCESS: ${file}` };
      }
      return undefined;
    });
    const run = tools.run;
    const backend = windowsTaskBackend({
      run: async (program, args, options) => {
        if (args[0] === '/Create') written = await readFile(args[args.indexOf('/XML') + 1] ?? '');
        return run(program, args, options);
      },
      env: { USERDOMAIN: 'CONTOSO', USERNAME: 'jimu' },
      now: () => NOW,
      tempDir: temp.path,
    });
    const s = spec();
    const result = await backend.install(s);
    expect(tools.lines()).toEqual([
      `schtasks.exe /Create /TN \\Refresh Token Wizard\\${s.id} /XML ${tools.calls[0]?.args[4] ?? ''} /F`,
    ]);
    expect(written?.subarray(2).toString('utf16le')).toBe(xmlOf(s));
    expect(await readdir(temp.path)).toEqual([]);
    expect(result.location).toBe(`\\Refresh Token Wizard\\${s.id}`);
    expect(result.notes[0]?.en).toMatch(/only while you are signed in/);
  });

  it('says what to do when Windows refuses a signed-out task, and leaves no file behind', async () => {
    const tools = recordedTools(() => ({ code: 1, stderr: 'ERROR: Access is denied.\r\n' }));
    const backend = windowsTaskBackend({ run: tools.run, env: {}, now: () => NOW, tempDir: temp.path });
    const failure = await backend.install(spec({ loggedOut: true })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ScheduleToolError);
    expect((failure as ScheduleToolError).tool).toBe('schtasks /Create');
    expect((failure as ScheduleToolError).result.stderr).toContain('Access is denied');
    expect((failure as ScheduleToolError).hint?.en).toMatch(/administrator/);
    expect(await readdir(temp.path)).toEqual([]);
  });

  it('reads the last run and the next one from Get-ScheduledTaskInfo (PowerShell 7 and 5.1 date forms)', async () => {
    const answers = [
      '{"State":"Ready","LastRunTime":"2026-12-07T03:25:10.0000000Z","LastTaskResult":8,"NextRunTime":"2026-12-14T03:17:00.0000000Z"}',
      '{"State":"Ready","LastRunTime":"/Date(1796613910000)/","LastTaskResult":0,"NextRunTime":null}',
      '{"State":"Ready","LastRunTime":null,"LastTaskResult":267011,"NextRunTime":"2026-12-14T03:17:00Z"}',
    ];
    for (const [i, json] of answers.entries()) {
      const tools = recordedTools((call) =>
        call.program === 'powershell.exe' ? { stdout: `${json}\r\n` } : undefined,
      );
      const backend = windowsTaskBackend({ run: tools.run, env: {}, now: () => NOW });
      const state = await backend.inspect('rtw-0123456789');
      expect(tools.calls.map((c) => c.program)).toEqual(['schtasks.exe', 'powershell.exe']);
      expect(tools.calls[1]?.args.at(-1)).toContain(
        "-TaskPath '\\Refresh Token Wizard\\' -TaskName 'rtw-0123456789'",
      );
      if (i === 0)
        expect(state).toEqual({
          installed: true,
          state: 'Ready',
          lastRun: { at: '2026-12-07T03:25:10.000Z', exitCode: 8 },
          nextRun: '2026-12-14T03:17:00.000Z',
        });
      if (i === 1)
        expect(state).toEqual({
          installed: true,
          state: 'Ready',
          lastRun: { at: new Date(1796613910000).toISOString(), exitCode: 0 },
        });
      // 0x41303: "the task has not yet run".
      if (i === 2)
        expect(state).toEqual({ installed: true, state: 'Ready', nextRun: '2026-12-14T03:17:00.000Z' });
    }
    expect(parseTaskInfo('not json')).toEqual({});
  });

  it('reports a task that is not there as not installed, and removes one that is', async () => {
    const missing = recordedTools(() => QUERY_NOT_FOUND);
    const backend = windowsTaskBackend({ run: missing.run, env: {}, now: () => NOW });
    expect(await backend.inspect('rtw-0123456789')).toEqual({ installed: false });
    expect(await backend.uninstall('rtw-0123456789')).toBe(false);
    expect(missing.lines().every((l) => l.includes('/Query'))).toBe(true);

    const present = recordedTools();
    const removing = windowsTaskBackend({ run: present.run, env: {}, now: () => NOW });
    expect(await removing.uninstall('rtw-0123456789')).toBe(true);
    expect(present.lines().at(-1)).toBe('schtasks.exe /Delete /TN \\Refresh Token Wizard\\rtw-0123456789 /F');
  });
});
