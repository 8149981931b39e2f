/**
 * The option tables: parsing with them (node:util parseArgs, then our checks with localized messages), the help
 * they render, and that what the help calls a default is what the core applies.
 */
import { describe, expect, it } from 'vitest';
import { ACQUIRE_OPTIONS } from '../../electron/cli/acquire/options.js';
import { renderHelp, optionRows } from '../../electron/cli/shared/help.js';
import {
  UsageError,
  defineOptions,
  parseCommandLine,
  usageErrorText,
} from '../../electron/cli/shared/options.js';
import { displayWidth } from '../../electron/cli/shared/text-width.js';
import { DEFAULT_OUT_FILE, validateProfile } from '../../electron/core/sign-in/index.js';

const TABLE = defineOptions({
  verbose: { type: 'boolean', short: 'v', description: { en: 'say more', ja: '詳しく表示' } },
  quiet: { type: 'boolean', sharesRowAbove: true },
  count: {
    type: 'number',
    placeholder: { en: 'N', ja: '数' },
    min: 1,
    max: 9,
    invalid: {
      en: '--{option}: {min} to {max}, not "{value}"',
      ja: '--{option} は {min}～{max} (「{value}」は不可)',
    },
    default: 3,
    description: { en: 'how many (default {default})\nsecond line', ja: '件数 (既定 {default})\n2 行目' },
  },
  port: { type: 'number', placeholder: { en: 'P', ja: 'P' }, description: { en: 'a port', ja: 'ポート' } },
  tags: {
    type: 'list',
    placeholder: { en: 'LIST', ja: '一覧' },
    description: { en: 'comma-separated', ja: 'カンマ区切り' },
  },
  host: {
    type: 'string',
    placeholder: { en: 'H', ja: 'ホスト' },
    parse: (value: string) => (value.includes('.') ? value.toUpperCase() : undefined),
    invalid: { en: '--{option} needs a dot, not "{value}"', ja: '--{option} にはドットが必要 (「{value}」)' },
    description: { en: 'a host', ja: 'ホスト名' },
  },
  name: {
    type: 'string',
    placeholder: { en: 'NAME', ja: '名前' },
    multiple: true,
    description: { en: 'may be repeated', ja: '繰り返し可' },
  },
  secret: { type: 'boolean', listed: false, description: { en: 'hidden', ja: '非表示' } },
});

/** The error `run` throws. */
function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('no usage error');
}

describe('parseCommandLine', () => {
  it('types each value as its table says; an option not given is absent', () => {
    const { values, operands } = parseCommandLine(
      TABLE,
      [
        '--count',
        '007',
        '-v',
        '--tags',
        'a,,b, ,c',
        '--host',
        'x.y',
        '--name',
        'one',
        '--name',
        'two',
        'FILE',
      ],
      'en',
      true,
    );
    expect(values).toEqual({
      verbose: true,
      count: 7,
      tags: ['a', 'b', 'c'],
      host: 'X.Y',
      name: ['one', 'two'],
    });
    expect(operands).toEqual(['FILE']);
  });

  it('takes only decimal digits for a number, within its range, in the chosen language', () => {
    for (const value of ['0', '10', '1.5', '1e1', '0x2', ' 2', '+2', '']) {
      const error = usageError(() => parseCommandLine(TABLE, ['--count', value], 'ja'));
      expect(error.message, value).toBe(`--count は 1～9 (「${value}」は不可)`);
      expect(error.hint, value).toBe(false);
    }
    // Without a message of its own: the shared "whole number" one; no range.
    expect(usageError(() => parseCommandLine(TABLE, ['--port', 'x'], 'en')).message).toBe(
      '--port takes a whole number, not "x".',
    );
    expect(parseCommandLine(TABLE, ['--port', '0'], 'en').values.port).toBe(0);
  });

  it('a string its parse refuses: the table’s message', () => {
    const error = usageError(() => parseCommandLine(TABLE, ['--host', 'nodot'], 'en'));
    expect(usageErrorText(error, 'en')).toBe('--host needs a dot, not "nodot"');
  });

  it('node’s own refusals as they are, with "Run rtw --help" in the chosen language', () => {
    const unknown = usageError(() => parseCommandLine(TABLE, ['--nope'], 'ja'));
    expect(unknown.hint).toBe(true);
    expect(usageErrorText(unknown, 'ja')).toBe("Unknown option '--nope'。rtw --help を実行してください。");
    const operand = usageError(() => parseCommandLine(TABLE, ['FILE'], 'en'));
    expect(usageErrorText(operand, 'en')).toBe(
      "Unexpected argument 'FILE'. This command does not take positional arguments. Run rtw --help.",
    );
    const missing = usageError(() => parseCommandLine(TABLE, ['--count'], 'en'));
    expect(missing.message).toBe("Option '--count <value>' argument missing");
  });

  it('checks the operands after the options are parsed and before their values are', () => {
    const check = (operands: string[]): void => {
      if (operands.length === 0) throw new UsageError('FILE, please', false);
    };
    expect(usageError(() => parseCommandLine(TABLE, ['--count', 'x'], 'en', check)).message).toBe(
      'FILE, please',
    );
    expect(usageError(() => parseCommandLine(TABLE, ['--nope'], 'en', check)).message).toBe(
      "Unknown option '--nope'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--nope\"",
    );
  });

  it('every command takes --lang, which its table need not list', () => {
    expect(parseCommandLine(TABLE, ['--lang', 'ja'], 'en').values).toEqual({});
  });
});

describe('renderHelp', () => {
  const help = {
    command: 'demo',
    usage: [
      [{ option: 'count' }, { operand: { en: 'FILE...', ja: 'ファイル...' } }, 'options'],
      [{ optional: 'verbose' }],
    ],
    summary: { en: 'Does things.\nTwo lines.', ja: '処理します。\n2 行。' },
    notes: { en: 'Exit 0.', ja: '終了 0。' },
  } as const;

  it('usage, prose indented by two, the option rows with descriptions in one column', () => {
    expect(renderHelp(help, TABLE, 'en')).toBe(
      [
        'rtw demo --count N FILE... [options]',
        'rtw demo [--verbose]',
        '  Does things.',
        '  Two lines.',
        '  -v, --verbose, --quiet  say more',
        '  --count N               how many (default 3)',
        '                          second line',
        '  --port P                a port',
        '  --tags LIST             comma-separated',
        '  --host H                a host',
        '  --name NAME             may be repeated',
        '  Exit 0.',
      ].join('\n'),
    );
  });

  it('counts a Japanese character as two columns, so the descriptions line up in a terminal', () => {
    const text = renderHelp(help, TABLE, 'ja');
    expect(text.split('\n').slice(0, 3)).toEqual([
      'rtw demo --count 数 ファイル... [オプション]',
      'rtw demo [--verbose]',
      '  処理します。',
    ]);
    const rows = text.split('\n').filter((line) => line.startsWith('  -') || line.startsWith('    '));
    for (const row of rows) expect(displayWidth(/^ {2}\S.*? {2,}|^ +/.exec(row)?.[0] ?? ''), row).toBe(26);
    expect(text).toContain('  --host ホスト           ホスト名');
  });

  it('a row too wide for the column still gets two spaces', () => {
    const wide = defineOptions({
      'a-very-long-option-name': { type: 'boolean', description: { en: 'long', ja: '長い' } },
    });
    expect(optionRows(wide, 'en')).toEqual([{ flags: '--a-very-long-option-name', description: 'long' }]);
    expect(renderHelp({ ...help, notes: undefined, usage: [] }, wide, 'en')).toBe(
      '  Does things.\n  Two lines.\n  --a-very-long-option-name  long',
    );
  });

  it('refuses a table whose first row shares the row above, or a usage naming an option it lacks', () => {
    const orphan = defineOptions({ quiet: { type: 'boolean', sharesRowAbove: true } });
    expect(() => optionRows(orphan, 'en')).toThrow('--quiet shares the row above it');
    expect(() => renderHelp({ ...help, usage: [[{ option: 'nope' }]] }, TABLE, 'en')).toThrow('--nope');
  });
});

describe('the defaults the help of rtw acquire states', () => {
  it('are those the core applies when the option is not given', () => {
    const validation = validateProfile({
      clientId: '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
      userId: 'printer@contoso.com',
      clientSecret: 'Abc8Q~aVeryLongSecretValueForTheTest1234',
    });
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    const p = validation.profile;
    const o = ACQUIRE_OPTIONS;
    expect([o.tenant.default, o.cloud.default, o.protocols.default]).toEqual([
      p.tenant,
      p.cloud,
      p.protocols.join(','),
    ]);
    expect([o.port.default, o.path.default, o.timeout.default]).toEqual([
      p.redirectPort,
      p.redirectPath,
      p.timeoutSeconds,
    ]);
    expect(o.out.default).toBe(DEFAULT_OUT_FILE);
    expect(p.outFile.endsWith(DEFAULT_OUT_FILE)).toBe(true);
  });
});
