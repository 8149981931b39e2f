/** The `rtw` command line: picks the command and the language, and returns the exit code. */
// Imported, not read at run time: the bundler inlines it into dist/cli/rtw.cjs, whatever the folder layout.
import packageJson from '../../package.json' with { type: 'json' };
import { detectLang, format, isLang } from '../core/i18n.js';
import type { Lang } from '../core/i18n.js';
import { EXIT } from './shared/exit-codes.js';
import type { ExitCode } from './shared/exit-codes.js';
import { writeLine } from './shared/io.js';
import type { CliIo } from './shared/io.js';
import { CLI_TEXT } from './shared/messages.js';

/** One command: its help text and what runs it. */
interface Command {
  help(lang: Lang): string;
  run(args: string[], io: CliIo, lang: Lang): Promise<ExitCode>;
}

/**
 * Every command, loaded only when used: each pulls in its own dependencies (MSAL, imapflow, nodemailer…), and a
 * scheduled `rtw refresh` should not pay for loading the mail clients of `rtw check`. Add a command here and
 * it is in `rtw help`.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  acquire: async () => {
    const m = await import('./acquire/index.js');
    return { help: m.acquireHelp, run: m.acquireCommand };
  },
  refresh: async () => {
    const m = await import('./refresh/index.js');
    return { help: m.refreshHelp, run: m.refreshCommand };
  },
  'rotate-secret': async () => {
    const m = await import('./rotate-secret/index.js');
    return { help: m.rotateSecretHelp, run: m.rotateSecretCommand };
  },
  show: async () => {
    const m = await import('./show/index.js');
    return { help: m.showHelp, run: m.showCommand };
  },
  check: async () => {
    const m = await import('./check/index.js');
    return { help: m.checkHelp, run: m.checkCommand };
  },
  explain: async () => {
    const m = await import('./explain/index.js');
    return { help: m.explainHelp, run: m.explainCommand };
  },
  schedule: async () => {
    const m = await import('./schedule/index.js');
    return { help: m.scheduleHelp, run: m.scheduleCommand };
  },
  alert: async () => {
    const m = await import('./alert/index.js');
    return { help: m.alertHelp, run: m.alertCommand };
  },
};

/** The whole help text: the general part, then each command's. */
export async function helpText(lang: Lang): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return [CLI_TEXT.help[lang], ...commands.map((c) => c.help(lang))].join('\n\n');
}

/** Runs the CLI with argv after the program name. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  // Options may appear anywhere before a `--`; what follows it is operands (a file named `-h`), never options.
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  // --lang: taken before the command so even usage errors speak the right language.
  const langIndex = options.indexOf('--lang');
  const langArg = langIndex >= 0 ? argv[langIndex + 1] : undefined;
  const lang = isLang(langArg) ? langArg : detectLang(io.env);
  const [command, ...rest] = argv;
  const load = command === undefined || !Object.hasOwn(COMMANDS, command) ? undefined : COMMANDS[command];
  if (load !== undefined) {
    const loaded = await load();
    // `rtw acquire --help` as admins type it: that command's help, whatever else is on the line.
    if (options.includes('--help') || options.includes('-h')) {
      writeLine(io.stdout, loaded.help(lang));
      return EXIT.ok;
    }
    return loaded.run(rest, io, lang);
  }
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      writeLine(io.stdout, await helpText(lang));
      return command === undefined ? EXIT.usage : EXIT.ok;
    case '--version':
    case '-v':
      writeLine(io.stdout, packageJson.version);
      return EXIT.ok;
    default:
      writeLine(io.stderr, format(CLI_TEXT.unknownCommand[lang], { command }));
      return EXIT.usage;
  }
}
