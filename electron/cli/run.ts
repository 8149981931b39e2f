/** The `rtw` command line: picks the command and the language, and returns the exit code. */
import { createRequire } from 'node:module';
import { detectLang, format, isLang } from '../core/i18n.js';
import type { Lang, Localized } from '../core/i18n.js';
import { ACQUIRE_HELP, acquireCommand } from './acquire.js';
import { CHECK_HELP, checkCommand } from './check.js';
import { REFRESH_HELP, refreshCommand } from './refresh.js';
import { SHOW_HELP, showCommand } from './show.js';
import { EXIT } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import { writeLine } from './io.js';
import type { CliIo } from './io.js';
import { CLI_TEXT } from './messages.js';

/** One command: its name, its help text and what runs it. Add a command here and it is in `rtw help`. */
interface Command {
  name: string;
  help: Localized;
  run(args: string[], io: CliIo, lang: Lang): Promise<ExitCode>;
}

const COMMANDS: readonly Command[] = [
  { name: 'acquire', help: ACQUIRE_HELP, run: acquireCommand },
  { name: 'refresh', help: REFRESH_HELP, run: refreshCommand },
  { name: 'show', help: SHOW_HELP, run: showCommand },
  { name: 'check', help: CHECK_HELP, run: checkCommand },
];

/** The whole help text: the general part, then each command's. */
export function helpText(lang: Lang): string {
  return [CLI_TEXT.help[lang], ...COMMANDS.map((c) => c.help[lang])].join('\n\n');
}

/** Runs the CLI with argv after the program name. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  // --lang may appear anywhere; take it before the command so even usage errors speak the right language.
  const langIndex = argv.indexOf('--lang');
  const langArg = langIndex >= 0 ? argv[langIndex + 1] : undefined;
  const lang = isLang(langArg) ? langArg : detectLang(io.env);
  const [command, ...rest] = argv;
  const found = COMMANDS.find((c) => c.name === command);
  if (found !== undefined) return found.run(rest, io, lang);
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      writeLine(io.stdout, helpText(lang));
      return command === undefined ? EXIT.usage : EXIT.ok;
    case '--version':
    case '-v': {
      const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };
      writeLine(io.stdout, pkg.version);
      return EXIT.ok;
    }
    default:
      writeLine(io.stderr, format(CLI_TEXT.unknownCommand[lang], { command }));
      return EXIT.usage;
  }
}
