/** Where the CLI gets the client secret: never from argv (it would show in `ps` and shell history). */
import { read } from 'read';
import type { Lang } from '../../core/i18n.js';
import { readAll } from './io.js';
import type { CliIo } from './io.js';
import { CLI_TEXT } from './messages.js';

/** The environment variable the client secret may come in. */
export const SECRET_VARIABLE = 'RTW_CLIENT_SECRET';
/** The environment variable `rtw alert set` takes the webhook URL from (its key makes it a secret). */
export const WEBHOOK_VARIABLE = 'RTW_WEBHOOK_URL';

/**
 * Takes the secret variables out of `processEnv` (the environment every child process inherits: the browser
 * launcher, the browser, the OS scheduler's tools) and returns a copy for this process's own use that still has
 * them (issue #15, item 10). On Windows `process.env` is case-insensitive, so a variable is read and deleted
 * whatever its case there.
 */
export function detachSecretVariable(processEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const own: NodeJS.ProcessEnv = { ...processEnv };
  for (const name of [SECRET_VARIABLE, WEBHOOK_VARIABLE]) {
    const value = processEnv[name];
    if (value !== undefined) own[name] = value;
    delete processEnv[name];
  }
  return own;
}

/** The secret from RTW_CLIENT_SECRET, standard input, or a hidden prompt; undefined when none can be had. */
export async function obtainSecret(
  io: CliIo,
  options: { fromStdin: boolean; lang: Lang; prompt?: string; envName?: string },
): Promise<string | undefined> {
  if (options.fromStdin) return (await readAll(io.stdin)).replace(/\r?\n$/, '');
  const name = options.envName ?? SECRET_VARIABLE;
  const fromEnv = io.env[name];
  // Read once: whatever this process starts after this (the browser) must not inherit it.
  delete io.env[name];
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
