/**
 * The dispatcher and the help, in process: `rtw help`, each command's `--help` rendered from its option table in
 * both languages, the version, and the usage errors every command shares.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACQUIRE_OPTIONS } from '../../electron/cli/acquire/options.js';
import { ALERT_OPTIONS } from '../../electron/cli/alert/options.js';
import { CHECK_OPTIONS } from '../../electron/cli/check/options.js';
import { EXPLAIN_OPTIONS } from '../../electron/cli/explain/options.js';
import { REFRESH_OPTIONS } from '../../electron/cli/refresh/options.js';
import { ROTATE_SECRET_OPTIONS } from '../../electron/cli/rotate-secret/options.js';
import { SCHEDULE_OPTIONS } from '../../electron/cli/schedule/options.js';
import { helpText } from '../../electron/cli/run.js';
import { flagText } from '../../electron/cli/shared/help.js';
import { CLI_TEXT } from '../../electron/cli/shared/messages.js';
import type { OptionTable } from '../../electron/cli/shared/options.js';
import { displayWidth } from '../../electron/cli/shared/text-width.js';
import { SHOW_OPTIONS } from '../../electron/cli/show/options.js';
import { LANGS } from '../../electron/core/i18n.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const COMMANDS: ReadonlyArray<[string, OptionTable]> = [
  ['acquire', ACQUIRE_OPTIONS],
  ['refresh', REFRESH_OPTIONS],
  ['rotate-secret', ROTATE_SECRET_OPTIONS],
  ['show', SHOW_OPTIONS],
  ['check', CHECK_OPTIONS],
  ['explain', EXPLAIN_OPTIONS],
  ['schedule', SCHEDULE_OPTIONS],
  ['alert', ALERT_OPTIONS],
];

describe('rtw help', () => {
  it('prints help and version', async () => {
    expect((await runCliInProcess(['--help'])).stdout).toContain('rtw acquire');
    const packageJson = JSON.parse(
      await readFile(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
    ) as { version: string };
    expect((await runCliInProcess(['--version'])).stdout).toBe(`${packageJson.version}\n`);
    expect((await runCliInProcess(['-v'])).stdout).toBe(`${packageJson.version}\n`);
    expect((await runCliInProcess(['frobnicate'])).code).toBe(2);
    // Each command's own help, as `rtw <command> --help` (or -h), exit 0.
    for (const [command] of COMMANDS) {
      const run = await runCliInProcess([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toContain(`rtw ${command}`);
    }
    // After `--` it is a file name, not the help option.
    const operand = await runCliInProcess(['show', '--', '-h']);
    expect(operand.code).toBe(5);
    expect(operand.stdout).not.toContain('rtw show FILE');
    const ja = await runCliInProcess(['refresh', '-h', '--lang', 'ja']);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toMatch(/[\u3040-\u30ff]/);
  });

  it.each(LANGS)(
    'is the general part, then each command’s help (%s); without a command it exits 2',
    async (lang) => {
      const commands = await Promise.all(
        COMMANDS.map(
          async ([command]) => (await runCliInProcess([command, '--help', '--lang', lang])).stdout,
        ),
      );
      const expected = `${[CLI_TEXT.help[lang], ...commands.map((c) => c.trimEnd())].join('\n\n')}\n`;
      const help = await runCliInProcess(['help'], {
        env: { LANG: lang === 'ja' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' },
      });
      expect(help.code).toBe(0);
      expect(help.stdout).toBe(expected);
      expect(await helpText(lang)).toBe(expected.trimEnd());
      const none = await runCliInProcess([], { env: { RTW_LANG: lang } });
      expect(none.code).toBe(2);
      expect(none.stdout).toBe(expected);
    },
  );

  it.each(LANGS)(
    'of each command lists its table’s options in order, values named in that language (%s)',
    async (lang) => {
      for (const [command, table] of COMMANDS) {
        const text = (await runCliInProcess([command, '--help', '--lang', lang])).stdout;
        const rows = text.split('\n').filter((line) => /^ {2}-/.test(line));
        const listed = Object.entries(table).filter(
          ([, spec]) => !('listed' in spec && spec.listed === false),
        );
        const flags = listed.map(([name, spec]) => flagText(name, spec, lang));
        // One row per option, or one for those sharing it, in the table's order.
        expect(rows.map((row) => row.trim().split(/ {2,}/)[0]).join(', '), command).toBe(flags.join(', '));
        // Descriptions start in one terminal column, continuation lines too.
        for (const line of text.split('\n').filter((l) => /^ {2}-/.test(l) || /^ {26}\S/.test(l)))
          expect(displayWidth(/^ {2}-.*? {2,}|^ +/.exec(line)?.[0] ?? ''), line).toBe(26);
        expect(text, command).not.toMatch(/ \n/);
      }
    },
  );
});

describe('usage errors every command shares', () => {
  it.each(COMMANDS.map(([c]) => c))(
    '%s: an unknown option exits 2 with the parser’s words and the hint',
    async (command) => {
      const en = await runCliInProcess([command, '--bogus']);
      expect(en.code).toBe(2);
      expect(en.stdout).toBe('');
      expect(en.stderr).toMatch(/^Unknown option '--bogus'.*\. Run rtw --help\.\n$/);
      const ja = await runCliInProcess([command, '--bogus', '--lang', 'ja']);
      expect(ja.stderr).toMatch(/^Unknown option '--bogus'.*。rtw --help を実行してください。\n$/);
    },
  );

  it('an unknown command exits 2 and names it, in the chosen language', async () => {
    const en = await runCliInProcess(['frobnicate']);
    expect([en.code, en.stderr]).toEqual([2, 'Unknown command "frobnicate". Run rtw --help.\n']);
    const ja = await runCliInProcess(['frobnicate'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(ja.stderr).toBe('コマンド「frobnicate」はありません。rtw --help を実行してください。\n');
  });

  it('check: the file first, then one file only, then each value', async () => {
    const cases: Array<[string[], string]> = [
      [['check', '--timeout', '0'], 'Give the INI file to check: rtw check FILE.'],
      [['check', 'a', 'b'], "Unexpected argument 'b'. Run rtw --help."],
      [['check', 'a', '--pop-host', 'a:b:c', '--timeout', '0'], '--pop-host takes host:port, not "a:b:c".'],
      [['check', 'a', '--timeout', '601'], '--timeout takes seconds from 1 to 600, not "601".'],
    ];
    for (const [args, message] of cases) {
      const run = await runCliInProcess(args);
      expect([run.code, run.stderr], args.join(' ')).toEqual([2, `${message}\n`]);
    }
    const ja = await runCliInProcess(['check', 'a', '--timeout', 'x', '--lang', 'ja']);
    expect(ja.stderr).toBe('--timeout には 1～600 の秒数を指定してください (「x」は使えません)。\n');
  });

  it('acquire: whole numbers for --port and --timeout, before anything is asked or opened', async () => {
    const port = await runCliInProcess(['acquire', '--port', 'abc', '--timeout', 'x']);
    expect([port.code, port.stderr]).toEqual([2, '--port takes a whole number, not "abc".\n']);
    const timeout = await runCliInProcess(['acquire', '--timeout', '1.5', '--lang', 'ja']);
    expect(timeout.stderr).toBe('--timeout には整数を指定してください (「1.5」は使えません)。\n');
    const operand = await runCliInProcess(['acquire', 'extra']);
    expect(operand.stderr).toBe(
      "Unexpected argument 'extra'. This command does not take positional arguments. Run rtw --help.\n",
    );
  });
});
