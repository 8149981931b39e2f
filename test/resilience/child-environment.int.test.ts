/**
 * What `rtw acquire` hands to the programs it starts (issue #15, items 9 and 10), with real processes: the CLI runs
 * as the built program, and the browser launcher it starts (`open` runs `xdg-open` on Linux) is a stand-in on the
 * PATH that records its command line and its whole environment, as any program the user's desktop runs would
 * see them (and `ps` shows the command line to every local user).
 *
 * - The client secret given in RTW_CLIENT_SECRET is read once and removed: the launcher's environment (and so the
 *   browser's, and every other child's) does not have it.
 * - The command line carries only the listener's one-time start link: no state, code challenge or client ID.
 *
 * Linux (xdg-open). On Windows `open` runs PowerShell with the link base64-encoded on its command line, and the
 * browser gets it as its argument; on macOS `open` hands it over by Apple Event. The link is the same one-time link.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { playBrowser } from '../fixtures/browser.js';
import { bytesOf } from '../helpers/acquisition.js';
import { sandboxAcquireArgs, sandboxEnv, spawnCli } from '../helpers/cli.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';

const sandbox = sandboxPerFile();

/** A stand-in `xdg-open` that writes its arguments and environment (NUL-separated, as /proc shows them) to `log`. */
async function recordingLauncher(dir: string, log: string): Promise<string> {
  const bin = path.join(dir, 'bin');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(bin);
  const script = path.join(bin, 'xdg-open');
  await writeFile(
    script,
    [
      `#!${process.execPath}`,
      `const fs = require('node:fs');`,
      `const record = { argv: process.argv.slice(2), env: process.env };`,
      `fs.writeFileSync(${JSON.stringify(`${log}.tmp`)}, JSON.stringify(record));`,
      `fs.renameSync(${JSON.stringify(`${log}.tmp`)}, ${JSON.stringify(log)});`,
      '',
    ].join('\n'),
  );
  await chmod(script, 0o755);
  return bin;
}

describe('items 9 and 10: what the browser launcher gets from rtw acquire', () => {
  it('has no RTW_CLIENT_SECRET in its environment and only the one-time start link on its command line', async () => {
    const out = path.join(sandbox.dir, 'smail_refresh_token.ini');
    const log = path.join(sandbox.dir, 'launcher.json');
    const bin = await recordingLauncher(sandbox.dir, log);
    const secret = sandbox.idp.defaults.secrets.valid.value;
    const args = sandboxAcquireArgs(sandbox.idp, out, { extra: ['--json'] }).filter(
      (a) => a !== '--no-browser',
    );

    let browsed: Promise<unknown> | undefined;
    const run = await spawnCli(args, {
      env: sandboxEnv(sandbox.idp, { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }),
      onEvent: (event) => {
        if (event.event !== 'waiting' || browsed !== undefined) return;
        // The launcher was started before `waiting`: play the browser on the link it was given, as a browser would.
        browsed = (async () => {
          for (let i = 0; i < 200 && (await bytesOf(log)) === undefined; i++)
            await new Promise((resolve) => setTimeout(resolve, 25));
          const record = JSON.parse(await readFile(log, 'utf8')) as { argv: string[] };
          return playBrowser(record.argv.at(-1) ?? '', { dispatcher: sandbox.trust });
        })();
      },
    });
    await browsed;
    expect(run.code, run.stderr).toBe(0);

    const record = JSON.parse(await readFile(log, 'utf8')) as { argv: string[]; env: Record<string, string> };
    // Item 10: the secret is in no variable of the child, under any name.
    expect(Object.keys(record.env)).not.toContain('RTW_CLIENT_SECRET');
    expect(JSON.stringify(record.env)).not.toContain(secret);
    // Item 9: the command line `ps` shows.
    expect(record.argv).toHaveLength(1);
    const opened = new URL(record.argv[0] ?? '');
    expect(opened.origin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(opened.pathname).toMatch(/^\/start\/[A-Za-z0-9_-]{43}$/);
    expect(opened.search).toBe('');
    expect(record.argv.join(' ')).not.toContain(sandbox.idp.apps.confidential.clientId);
    expect(await bytesOf(out)).toBeDefined();
  });
});
