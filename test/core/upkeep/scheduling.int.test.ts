import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RtwError } from '../../../electron/core/errors.js';
import {
  cronSnippet,
  quoteWindowsArg,
  scheduleSnippets,
  systemdSnippet,
  windowsTaskSnippet,
} from '../../../electron/core/upkeep/scheduling.js';
import type { ScheduleOptions } from '../../../electron/core/upkeep/scheduling.js';
import { DOC_POSIX, DOC_WINDOWS } from '../../fixtures/scheduling-examples.js';
import { splitWindowsCommandLine } from '../../fixtures/windows-command-line.js';

/** systemd's ExecStart= parsing: `%%` and `$$` unescaped, words split outside quotes, C escapes inside. */
function splitExecStart(value: string): string[] {
  expect(value.replace(/%%/g, '')).not.toContain('%');
  expect(value.replace(/\$\$/g, '')).not.toContain('$');
  const text = value.replace(/%%/g, '%').replace(/\$\$/g, '$');
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ') i++;
    if (i >= text.length) break;
    expect(text[i]).toBe('"');
    i++;
    let arg = '';
    while (text[i] !== '"') {
      if (text[i] === '\\') i++;
      arg += text[i];
      i++;
    }
    i++;
    args.push(arg);
  }
  return args;
}

const NASTY_WINDOWS = [
  'C:\\ProgramData\\送信 システム\\smail_refresh_token.ini',
  'D:\\Mail Tokens\\',
  '\\\\fileserver\\share\\a b\\c.ini',
  'C:\\a"b\\c.ini',
];
const NASTY_POSIX = [
  '/srv/mail sender/送信 ファイル.ini',
  "/tmp/it's 100%/$HOME.ini",
  '/opt/a"b\\c/d.ini',
  '/srv/トークン/',
];

describe('Windows Task Scheduler', () => {
  it('schtasks gets one /TR argument that splits back into the program and every path', () => {
    const options: ScheduleOptions = { ...DOC_WINDOWS, files: NASTY_WINDOWS };
    const { command, warnings } = windowsTaskSnippet(options);
    const argv = splitWindowsCommandLine(command);
    expect(argv.slice(0, 2)).toEqual(['schtasks', '/Create']);
    const value = (flag: string): string | undefined => argv[argv.indexOf(flag) + 1];
    expect(value('/TN')).toBe('Refresh Token Wizard');
    expect(value('/SC')).toBe('WEEKLY');
    expect(value('/D')).toBe('MON');
    expect(value('/ST')).toBe('03:17');
    expect(argv.at(-1)).toBe('/F');
    expect(splitWindowsCommandLine(value('/TR') ?? '')).toEqual([
      ...DOC_WINDOWS.command,
      'refresh',
      ...NASTY_WINDOWS,
    ]);
    expect(warnings).toEqual([]);
    // Over 261 characters: schtasks would refuse it, so the snippet says what to do instead.
    const long = windowsTaskSnippet({ ...DOC_WINDOWS, files: Array(5).fill(NASTY_WINDOWS[0]) as string[] });
    expect(long.warnings.map((w) => w.en).join('\n')).toContain('over the schtasks limit of 261');
  });

  it('daily, another day and time, --lang; warns about cmd.exe specials and relative paths', () => {
    const { command, warnings } = windowsTaskSnippet({
      command: ['C:\\rtw\\rtw.exe'],
      files: ['C:\\100%\\a.ini', 'token.ini'],
      frequency: 'daily',
      time: '22:05',
      lang: 'ja',
    });
    const argv = splitWindowsCommandLine(command);
    expect(argv).toContain('DAILY');
    expect(argv).not.toContain('/D');
    expect(splitWindowsCommandLine(argv[argv.indexOf('/TR') + 1] ?? '')).toEqual([
      'C:\\rtw\\rtw.exe',
      'refresh',
      '--lang',
      'ja',
      'C:\\100%\\a.ini',
      'token.ini',
    ]);
    const text = warnings.map((w) => `${w.en}\n${w.ja}`).join('\n');
    expect(text).toContain('C:\\100%\\a.ini contains characters cmd.exe treats specially');
    expect(text).toContain('token.ini is not an absolute path');
    expect(windowsTaskSnippet(DOC_WINDOWS).warnings).toEqual([]);
  });

  it('quotes trailing backslashes so the closing quote survives', () => {
    expect(quoteWindowsArg('D:\\Mail Tokens\\')).toBe('"D:\\Mail Tokens\\\\"');
    expect(splitWindowsCommandLine(quoteWindowsArg('D:\\Mail Tokens\\'))).toEqual(['D:\\Mail Tokens\\']);
  });
});

describe('cron', () => {
  it('a weekly line that /bin/sh splits back into every path (after cron unescapes %)', () => {
    const printer = [process.execPath, '-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))'];
    const { line, warnings } = cronSnippet({ command: printer, files: NASTY_POSIX });
    expect(warnings).toEqual([]);
    const fields = line.split(' ');
    expect(fields.slice(0, 5)).toEqual(['17', '3', '*', '*', '1']);
    // Unescaped % would end the command at that point: cron turns it into a line break.
    const command = fields.slice(5).join(' ');
    expect(command.replace(/\\%/g, '')).not.toContain('%');
    const asCronRunsIt = command.replace(/\\%/g, '%');
    const argv = JSON.parse(execFileSync('/bin/sh', ['-c', asCronRunsIt], { encoding: 'utf8' })) as string[];
    expect(argv).toEqual(['refresh', ...NASTY_POSIX]);
  });

  it('daily and another day', () => {
    expect(cronSnippet({ ...DOC_POSIX, frequency: 'daily' }).line.startsWith('17 3 * * * ')).toBe(true);
    expect(cronSnippet({ ...DOC_POSIX, day: 'SUN', time: '23:45' }).line.startsWith('45 23 * * 0 ')).toBe(
      true,
    );
  });
});

describe('systemd', () => {
  it('a oneshot service whose ExecStart splits back into every path, and a persistent weekly timer', () => {
    const s = systemdSnippet({ ...DOC_POSIX, files: NASTY_POSIX });
    expect(s.serviceName).toBe('rtw-refresh.service');
    const exec = /^ExecStart=(.*)$/m.exec(s.service)?.[1] ?? '';
    expect(splitExecStart(exec)).toEqual([...DOC_POSIX.command, 'refresh', ...NASTY_POSIX]);
    expect(s.service).toContain('Type=oneshot');
    expect(s.service).toContain('User=mailsender');
    expect(s.timer).toContain('OnCalendar=Mon *-*-* 03:17:00');
    expect(s.timer).toContain('Persistent=true');
    expect(s.install).toContain("sudo tee /etc/systemd/system/rtw-refresh.service > /dev/null <<'EOF'");
    expect(s.install).toContain(s.service.trimEnd());
    expect(s.install).toContain(s.timer.trimEnd());
    expect(s.install.trimEnd().endsWith('sudo systemctl enable --now rtw-refresh.timer')).toBe(true);
    expect(systemdSnippet({ ...DOC_POSIX, frequency: 'daily' }).timer).toContain('OnCalendar=*-*-* 03:17:00');
  });
});

describe('input checks', () => {
  it.each([
    [{ ...DOC_POSIX, time: '3:17' }, 'time'],
    [{ ...DOC_POSIX, files: [] }, 'files'],
    [{ ...DOC_POSIX, files: ['/srv/a\nb.ini'] }, 'files'],
    [{ ...DOC_POSIX, name: 'x; rm -rf /' }, 'name'],
  ] as const)('refuses %j', (options, field) => {
    let error: unknown;
    try {
      scheduleSnippets(options);
    } catch (e) {
      error = e;
    }
    expect(RtwError.is(error, 'invalid-input') && error.params.fields).toBe(field);
  });
});

describe('docs/scheduling.*.md', () => {
  it.each(['en', 'ja'])('%s shows exactly the snippets the code produces', (lang) => {
    const doc = readFileSync(
      fileURLToPath(new URL(`../../../docs/scheduling.${lang}.md`, import.meta.url)),
      'utf8',
    );
    expect(doc).toContain(windowsTaskSnippet(DOC_WINDOWS).command);
    expect(doc).toContain(cronSnippet(DOC_POSIX).line);
    expect(doc).toContain(systemdSnippet(DOC_POSIX).install.trimEnd());
  });
});
