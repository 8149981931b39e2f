/** Where the CLI's client secret comes from, and that it does not stay where children inherit it (#15, item 10). */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detachSecretVariable, obtainSecret } from '../../electron/cli/shared/secret.js';
import type { CliIo } from '../../electron/cli/shared/io.js';

const io = (env: NodeJS.ProcessEnv): CliIo => ({
  stdout: new PassThrough(),
  stderr: new PassThrough(),
  stdin: new PassThrough(),
  env,
  cwd: '/',
  signal: new AbortController().signal,
});

describe('RTW_CLIENT_SECRET', () => {
  it('leaves the inherited environment at start-up; the process keeps its own copy', () => {
    const inherited: NodeJS.ProcessEnv = { PATH: '/usr/bin', RTW_CLIENT_SECRET: 'se4Q~secret' };
    const own = detachSecretVariable(inherited);
    expect(inherited).toEqual({ PATH: '/usr/bin' });
    expect(own).toEqual({ PATH: '/usr/bin', RTW_CLIENT_SECRET: 'se4Q~secret' });
    expect(detachSecretVariable({ PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin' });
  });

  it('is read once, then gone from the environment it was read from', async () => {
    const env: NodeJS.ProcessEnv = { RTW_CLIENT_SECRET: 'se4Q~secret' };
    await expect(obtainSecret(io(env), { fromStdin: false, lang: 'en' })).resolves.toBe('se4Q~secret');
    expect(env).toEqual({});
  });
});
