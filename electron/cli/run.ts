/** The `rtw` command line: picks the command and the language, and returns the exit code. */
import { createRequire } from 'node:module';
import { detectLang, format, isLang } from '../core/i18n.js';
import { acquireCommand } from './acquire.js';
import { EXIT } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import { writeLine } from './io.js';
import type { CliIo } from './io.js';
import { CLI_TEXT } from './messages.js';

/** Runs the CLI with argv after the program name. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  // --lang may appear anywhere; take it before the command so even usage errors speak the right language.
  const langIndex = argv.indexOf('--lang');
  const langArg = langIndex >= 0 ? argv[langIndex + 1] : undefined;
  const lang = isLang(langArg) ? langArg : detectLang(io.env);
  const [command, ...rest] = argv;
  switch (command) {
    case 'acquire':
      return acquireCommand(rest, io, lang);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      writeLine(io.stdout, CLI_TEXT.help[lang]);
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
