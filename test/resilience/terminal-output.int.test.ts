/**
 * Terminal escape injection (issue #15, item 14): text from a server or a file — an identity provider's
 * `error_description`, a mail server's reply in a transcript, an INI value — reaches the terminal without its
 * control characters taking effect. Human output shows them escaped (`\u001b`); `--json` keeps them as JSON escapes,
 * so a program reading the JSON gets the original text back and a terminal showing it gets nothing to obey.
 */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playBrowser } from '../fixtures/browser.js';
import { startLineServer } from '../fixtures/mail/line-server.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import type { CliRun } from '../helpers/cli.js';
import { sandboxAcquireArgs, sandboxEnv } from '../helpers/cli.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';

const sandbox = sandboxPerFile();

/** A hostile text: OSC 8 hyperlink and window title, clear screen, cursor moves, CR overwrite, and C1 CSI/OSC. */
const HOSTILE =
  'AADSTS70000: ok\u001b]0;pwned\u0007\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007' +
  '\u001b[2J\u001b[1;1H\rFAKE\u009b31mred\u009d0;t\u009c\u0008\u007f\u202eevil';

/** The same in an INI value, without its CR: the Windows reader ends a line at a CR (item 4), as the parser does. */
const HOSTILE_IN_INI = HOSTILE.replace('\r', '');

/** C0 controls other than tab and newline, DEL, C1 controls, and bidi overrides: none may reach a terminal. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function expectNoRawControls(run: CliRun): void {
  expect(RAW_CONTROL.test(run.stdout), JSON.stringify(run.stdout)).toBe(false);
  expect(RAW_CONTROL.test(run.stderr), JSON.stringify(run.stderr)).toBe(false);
}

const CLIENT_ID = '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c';

/** A token file; `tokenUri` names where `rtw refresh` redeems. */
async function tokenFile(dir: string, values: { userId: string; tokenUri: string }): Promise<string> {
  const file = path.join(dir, 'hostile.ini');
  await writeFile(
    file,
    [
      '[OAUTH2]',
      `UserID=${values.userId}`,
      `ClientID=${CLIENT_ID}`,
      'ClientSecret=se4Q~abcdefghijklmnopqrstuvwxyz0123456789',
      'RefreshToken=1.AXsAexampleexampleexampleexample',
      `TokenURI=${values.tokenUri}`,
      'Provider=1',
      '',
    ].join('\r\n'),
    'utf8',
  );
  return file;
}

describe('INI values in rtw show', () => {
  it('shows a hostile UserID escaped, and gives it back exactly in --json', async () => {
    const file = await tokenFile(sandbox.dir, {
      userId: `printer${HOSTILE_IN_INI}@contoso.com`,
      tokenUri: 'https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token',
    });
    const human = await runCliInProcess(['show', file]);
    expectNoRawControls(human);
    expect(human.stdout).toContain('\\u001b]0;pwned');
    const json = await runCliInProcess(['show', file, '--json']);
    expectNoRawControls(json);
    const shown = JSON.stringify(json.events[0]);
    expect(shown).toContain(JSON.stringify(`printer${HOSTILE_IN_INI}@contoso.com`).slice(1, -1));
  });
});

describe('an identity provider’s error_description in rtw refresh', () => {
  let server: Server;
  let tokenUri: string;
  beforeAll(async () => {
    server = createServer(
      { cert: sandbox.idp.serverTls.certPem, key: sandbox.idp.serverTls.keyPem },
      (req, res) => {
        req.resume();
        req.on('end', () => {
          const body = JSON.stringify({
            error: 'invalid_grant',
            error_description: HOSTILE,
            error_codes: [70000],
          });
          res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end(body);
        });
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tokenUri = `https://127.0.0.1:${(server.address() as AddressInfo).port}/contoso.com/oauth2/v2.0/token`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('prints the refusal with the controls escaped, in both output forms', async () => {
    const file = await tokenFile(sandbox.dir, { userId: 'printer@contoso.com', tokenUri });
    const env = { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile };
    const human = await runCliInProcess(['refresh', file], { env });
    expect(human.code).not.toBe(0);
    expect(human.stderr + human.stdout).toContain('pwned');
    expectNoRawControls(human);
    const json = await runCliInProcess(['refresh', file, '--json'], { env });
    expectNoRawControls(json);
    expect(json.events.length).toBeGreaterThan(0);
  });
});

describe('a mail server’s replies in the rtw check transcript', () => {
  it('prints the transcript of a hostile POP server with the controls escaped', async () => {
    const out = path.join(sandbox.dir, 'smail_refresh_token.ini');
    let started = false;
    const acquired = await runCliInProcess(
      sandboxAcquireArgs(sandbox.idp, out, { extra: ['--json', '--protocols', 'pop'] }),
      {
        env: sandboxEnv(sandbox.idp, { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile }),
        onEvent: (event) => {
          if (event.event !== 'waiting' || started) return;
          started = true;
          void playBrowser(String(event.authorizeUrl), { dispatcher: sandbox.trust });
        },
      },
    );
    expect(acquired.code, acquired.stderr).toBe(0);
    const pop = await startLineServer({
      tls: sandbox.idp.serverTls,
      start: (io) => {
        io.send(`+OK POP3 ready ${HOSTILE}`);
        return {
          onLine: (line) => {
            if (line.startsWith('AUTH')) io.send('+ ');
            else if (line === 'QUIT') io.end();
            else io.send(`-ERR Authentication failure: ${HOSTILE}`);
          },
        };
      },
    });
    try {
      const args = ['check', out, '--pop', '--pop-host', `127.0.0.1:${pop.port}`, '--timeout', '5'];
      const env = { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile };
      const human = await runCliInProcess(args, { env });
      expect(human.code, human.stderr).toBe(10);
      expect(human.stdout + human.stderr).toContain('pwned');
      expectNoRawControls(human);
      const json = await runCliInProcess([...args, '--json'], { env });
      expectNoRawControls(json);
      expect(JSON.stringify(json.events)).toContain('pwned');
    } finally {
      await pop.close();
    }
  });
});
