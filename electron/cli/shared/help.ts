/**
 * A command's help, rendered from its option table (options.ts) and a little prose: the usage lines, what the
 * command does, one row per option, and notes. Laid out as the hand-written help was: the prose indented by two,
 * the option descriptions in a column at 26 (display columns: a Japanese character takes two).
 */
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { CLI_TEXT } from './messages.js';
import type { OptionSpec, OptionTable } from './options.js';
import { padToWidth } from './text-width.js';

/**
 * One word of a usage line: an option with its value (`--client-id ID`), an optional one (`[--json]`), an operand
 * (`FILE...`), or `[options]` for the rest.
 */
export type UsageToken = { option: string } | { optional: string } | { operand: Localized } | 'options';

/** What the help says besides the options. */
export interface CommandHelp {
  /** The command's name, as typed after `rtw`. */
  command: string;
  /** One line per way of calling it. */
  usage: ReadonlyArray<readonly UsageToken[]>;
  /** What it does; lines separated by `\n`, shown under the usage. */
  summary: Localized;
  /** Shown after the options (what it never does, exit codes…); lines separated by `\n`. */
  notes?: Localized;
}

/** Where the option descriptions start, after the two-space indent. */
const FLAG_COLUMN = 24;
const INDENT = '  ';

/** The help of one command in one language. */
export function renderHelp(help: CommandHelp, table: OptionTable, lang: Lang): string {
  const lines = help.usage.map((tokens) =>
    ['rtw', help.command, ...tokens.map((token) => usageWord(token, table, lang))].join(' '),
  );
  lines.push(...indented(help.summary[lang]));
  for (const row of optionRows(table, lang)) {
    const [first = '', ...rest] = row.description.split('\n');
    lines.push(`${INDENT}${padToWidth(row.flags, FLAG_COLUMN, 2)}${first}`);
    for (const line of rest) lines.push(`${INDENT}${' '.repeat(FLAG_COLUMN)}${line}`);
  }
  if (help.notes !== undefined) lines.push(...indented(help.notes[lang]));
  return lines.join('\n');
}

/** One row of the option list: the flags as typed, and what they do. */
export interface OptionRowText {
  /** `--timeout SECONDS`, or `--smtp, --imap, --pop` for options that share a row. */
  flags: string;
  description: string;
}

/** The listed options of `table`, one row each (or one per group sharing a row), in table order. */
export function optionRows(table: OptionTable, lang: Lang): OptionRowText[] {
  const rows: OptionRowText[] = [];
  for (const [name, spec] of Object.entries(table)) {
    if ('sharesRowAbove' in spec) {
      const above = rows.at(-1);
      if (above === undefined) throw new Error(`--${name} shares the row above it, but is listed first`);
      above.flags = `${above.flags}, ${flagText(name, spec, lang)}`;
      continue;
    }
    if (spec.listed === false) continue;
    const description =
      spec.default === undefined
        ? spec.description[lang]
        : format(spec.description[lang], { default: spec.default });
    rows.push({ flags: flagText(name, spec, lang), description });
  }
  return rows;
}

/** `--name`, `--name VALUE` or `-n, --name VALUE`. */
export function flagText(name: string, spec: OptionSpec, lang: Lang): string {
  const long = spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.placeholder[lang]}`;
  return spec.short === undefined ? long : `-${spec.short}, ${long}`;
}

function usageWord(token: UsageToken, table: OptionTable, lang: Lang): string {
  if (token === 'options') return CLI_TEXT.optionsWord[lang];
  if ('operand' in token) return token.operand[lang];
  const name = 'option' in token ? token.option : token.optional;
  const spec = table[name];
  if (spec === undefined) throw new Error(`The usage names --${name}, which the table lacks`);
  const long = spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.placeholder[lang]}`;
  return 'option' in token ? long : `[${long}]`;
}

function indented(text: string): string[] {
  return text.split('\n').map((line) => `${INDENT}${line}`);
}
