/**
 * A command's options as one table: it drives the parsing (node:util parseArgs, then our checks with localized
 * messages) and renders the option list of the command's help (help.ts), in both languages, so what the help
 * says and what the command accepts cannot drift apart.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { CLI_TEXT } from './messages.js';

/** What every option has, whatever its type. */
interface OptionCommon {
  /** A one-letter alias (`-x`). */
  short?: string;
  /** May be given more than once: the value is then the list of every occurrence. */
  multiple?: boolean;
}

/** How an option appears in the help. */
type OptionRow =
  | {
      /**
       * What it does, per language. Lines are separated by `\n` and set under one another in the help's second
       * column (hand-wrapped: the width a line may take differs per language). `{default}` becomes `default`.
       */
      description: Localized;
      /** What happens without the option, as the help states it (the core applies it: the CLI leaves it unset). */
      default?: string | number;
      /** Accepted but not listed in the command's help (the general help names it). */
      listed?: boolean;
    }
  | {
      /** Listed on the row of the option above it, which describes both (`--smtp, --imap, --pop`). */
      sharesRowAbove: true;
    };

/** How a value is written in the help: `--timeout SECONDS` / `--timeout 秒`. */
interface TakesValue {
  placeholder: Localized;
}

/** An option without a value: true when given. */
export type BooleanOption = OptionCommon & OptionRow & { type: 'boolean' };

/** A string; `parse`, when given, turns it into the value the command gets (undefined: `invalid` is shown). */
export type StringOption = OptionCommon &
  OptionRow &
  TakesValue & { type: 'string' } & (
    | { parse?: undefined }
    | {
        parse: (value: string) => unknown;
        /** The message when `parse` refuses the value; `{option}` and `{value}` are filled in. */
        invalid: Localized;
      }
  );

/** A whole number written in decimal digits, optionally within a range. */
export type NumberOption = OptionCommon &
  OptionRow &
  TakesValue & {
    type: 'number';
    min?: number;
    max?: number;
    /** The message for anything else (default: "takes a whole number"); `{option}`, `{value}`, `{min}`, `{max}`. */
    invalid?: Localized;
  };

/** Comma-separated values (`smtp,imap`); empty items are dropped. */
export type ListOption = OptionCommon & OptionRow & TakesValue & { type: 'list' };

export type OptionSpec = BooleanOption | StringOption | NumberOption | ListOption;

/** A command's options by long name (without `--`), in the order its help lists them. */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** The table, its literal types kept so the parsed values are typed per option. */
export function defineOptions<const T extends OptionTable>(table: T): T {
  return table;
}

/** The options every command takes; listed in the general help only. */
export const COMMON_OPTIONS = defineOptions({
  lang: {
    type: 'string',
    placeholder: { en: 'ja|en', ja: 'ja|en' },
    description: {
      en: 'message language (default: from the OS locale)',
      ja: 'メッセージの言語 (既定: OS のロケール)',
    },
    listed: false,
  },
});

type SingleValue<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'number' }
    ? number
    : S extends { type: 'list' }
      ? string[]
      : S extends { parse: (value: string) => infer R }
        ? Exclude<R, undefined>
        : string;

/** The parsed values: an option not given is absent (its default is the core's business). */
export type OptionValues<T extends OptionTable> = {
  -readonly [K in keyof T]?: T[K] extends { multiple: true } ? Array<SingleValue<T[K]>> : SingleValue<T[K]>;
};

/**
 * A command line that cannot run. `hint`: whether the message gets "Run rtw --help." appended, as node's own
 * parser messages (in English) do; our localized messages say what to fix themselves.
 */
export class UsageError extends Error {
  readonly hint: boolean;

  constructor(message: string, hint: boolean) {
    super(message);
    this.hint = hint;
  }
}

/** The text a usage error is printed as. */
export function usageErrorText(error: UsageError, lang: Lang): string {
  return error.hint ? format(CLI_TEXT.badOption[lang], { message: error.message }) : error.message;
}

/**
 * The operands a command takes: none (the default), any, or those a check accepts. The check runs once the options
 * are parsed and before their values are checked (a missing FILE is said first), and throws a {@link UsageError}.
 */
export type Operands = boolean | ((operands: string[], lang: Lang) => void);

/** What a command line holds. */
export interface ParsedCommandLine<T extends OptionTable> {
  values: OptionValues<T>;
  operands: string[];
}

/**
 * Parses `args` (after the command name) against `table` and {@link COMMON_OPTIONS}. Throws a {@link UsageError}:
 * node's parser messages as they are, then the `operands` check's, then the first refused value in table order.
 */
export function parseCommandLine<T extends OptionTable>(
  table: T,
  args: string[],
  lang: Lang,
  operands: Operands = false,
): ParsedCommandLine<T> {
  const all: OptionTable = { ...table, ...COMMON_OPTIONS };
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(all)) {
    config[name] = {
      type: spec.type === 'boolean' ? 'boolean' : 'string',
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.multiple === true ? { multiple: true } : {}),
    };
  }
  let raw: Record<string, string | boolean | Array<string | boolean> | undefined>;
  let positionals: string[];
  try {
    ({ values: raw, positionals } = parseArgs({
      args,
      options: config,
      strict: true,
      allowPositionals: operands !== false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
  if (typeof operands === 'function') operands(positionals, lang);
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    const given = raw[name];
    if (given === undefined) continue;
    values[name] = Array.isArray(given)
      ? given.map((one) => valueOf(name, spec, one, lang))
      : valueOf(name, spec, given, lang);
  }
  return { values: values as OptionValues<T>, operands: positionals };
}

/** One occurrence's value, converted and checked as its spec says. */
function valueOf(name: string, spec: OptionSpec, given: string | boolean, lang: Lang): unknown {
  if (typeof given === 'boolean' || spec.type === 'boolean') return given;
  switch (spec.type) {
    case 'string': {
      if (spec.parse === undefined) return given;
      const parsed = spec.parse(given);
      if (parsed === undefined)
        throw new UsageError(format(spec.invalid[lang], { option: name, value: given }), false);
      return parsed;
    }
    case 'number': {
      const number = Number(given);
      // Digits only: no sign, fraction, exponent, hex or blanks, which Number() would take.
      if (
        !/^\d+$/.test(given) ||
        (spec.min !== undefined && number < spec.min) ||
        (spec.max !== undefined && number > spec.max)
      ) {
        const params = { option: name, value: given, min: spec.min ?? '', max: spec.max ?? '' };
        throw new UsageError(format((spec.invalid ?? CLI_TEXT.notANumber)[lang], params), false);
      }
      return number;
    }
    case 'list':
      return given.split(',').filter((item) => item.trim() !== '');
  }
}
