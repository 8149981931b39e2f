/** Where the CLI gets the client secret: never from argv (it would show in `ps` and shell history). */
import { read } from 'read';
import type { Lang } from '../../core/i18n.js';
import { readAll } from './io.js';
import type { CliIo } from './io.js';
import { CLI_TEXT } from './messages.js';

/** The secret from RTW_CLIENT_SECRET, standard input, or a hidden prompt; undefined when none can be had. */
export async function obtainSecret(
  io: CliIo,
  options: { fromStdin: boolean; lang: Lang; prompt?: string; envName?: string },
): Promise<string | undefined> {
  if (options.fromStdin) return (await readAll(io.stdin)).replace(/\r?\n$/, '');
  const fromEnv = io.env[options.envName ?? 'RTW_CLIENT_SECRET'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (io.stdin.isTTY !== true || io.stderr.isTTY !== true) return undefined;
  // `read` (npm's own prompt) mutes the echo; the prompt goes to stderr so --json stdout stays clean.
  const answer = await read({
    prompt: options.prompt ?? CLI_TEXT.secretPrompt[options.lang],
    silent: true,
    replace: '*',
    input: io.stdin,
    output: io.stderr,
  });
  return answer === '' ? undefined : answer;
}
