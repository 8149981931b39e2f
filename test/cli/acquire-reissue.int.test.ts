/** `rtw acquire --from FILE` (re-issue) and `rtw show`, in process against the sandbox. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readTokenFile } from '../../electron/core/token-file/token-file.js';
import { playBrowser } from '../fixtures/browser.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { bytesOf, tempDir } from '../helpers/acquisition.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { issueTokenFile, tokenIn, worksAtSandbox } from '../helpers/token-files.js';

let idp: SandboxIdp;
let trustSandbox: Agent;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  idp = await createSandboxIdp();
  trustSandbox = new Agent({ connect: { ca: idp.caPem } });
});
afterAll(async () => {
  await idp.close();
});
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  idp.clearRequests();
});
afterEach(async () => {
  await cleanup();
});

/** Plays the browser as soon as the CLI announces the sign-in URL. */
function browseOnWaiting(): (event: Record<string, unknown>) => void {
  let started = false;
  return (event) => {
    if (event.event !== 'waiting' || started) return;
    started = true;
    void playBrowser(String(event.authorizeUrl), { dispatcher: trustSandbox });
  };
}

const FOREIGN_HEAD = '; SMAIL settings, edited by hand\r\n';
const FOREIGN_TAIL = '[Printer]\r\nModel=MFP-9000 ; keep\r\n';

async function issuedWithForeignContent(
  name = 'smail_refresh_token.ini',
): Promise<{ file: string; token: string }> {
  const file = path.join(dir, name);
  const token = await issueTokenFile(idp, file, { protocols: ['smtp', 'pop'] });
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    FOREIGN_HEAD + text.replace('Provider=1\r\n', 'Provider=1\r\nSenderName=Tokyo office\r\n') + FOREIGN_TAIL,
  );
  return { file, token };
}

const from = (file: string, extra: string[] = []): string[] => [
  'acquire',
  '--from',
  file,
  '--port',
  '0',
  '--no-browser',
  '--json',
  ...extra,
];

describe('rtw acquire --from FILE', () => {
  it('re-issues with the file’s settings and secret, rewriting it in place: foreign keys kept, .bak made', async () => {
    const { file, token } = await issuedWithForeignContent();
    const before = await readTokenFile(file);
    const previousBytes = await readFile(file);
    // No RTW_CLIENT_SECRET, no stdin, no terminal: the file's secret is used.
    const run = await runCliInProcess(from(file), {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile },
      onEvent: browseOnWaiting(),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.events.at(-1)).toMatchObject({ event: 'written', file, userId: idp.users.admin.upn });
    // The sign-in asked for the recorded protocols.
    const waiting = run.events.find((e) => e.event === 'waiting');
    expect(decodeURIComponent(String(waiting?.authorizeUrl))).toContain('POP.AccessAsUser.All');

    const after = await readTokenFile(file);
    const newToken = await tokenIn(file);
    expect(newToken).not.toBe(token);
    expect(await worksAtSandbox(idp, newToken)).toBe(true);
    expect(await readFile(`${file}.bak`)).toEqual(previousBytes);
    expect(after.exists && before.exists).toBe(true);
    if (after.exists && before.exists) {
      expect(after.oauth2.ClientSecret).toBe(before.oauth2.ClientSecret);
      expect(after.oauth2.SenderName).toBe('Tokyo office');
      expect(after.meta.Protocols).toBe('smtp,pop');
      expect(after.oauth2.TokenURI).toBe(before.oauth2.TokenURI);
    }
    const text = await readFile(file, 'utf8');
    expect(text.startsWith(`${FOREIGN_HEAD}[OAUTH2]\r\n`)).toBe(true);
    expect(text.endsWith(FOREIGN_TAIL)).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(idp.defaults.secrets.valid.value);
  });

  it('a new secret from RTW_CLIENT_SECRET replaces the file’s, and --secret-expires is recorded', async () => {
    const { file } = await issuedWithForeignContent();
    const fresh = idp.registry.addSecret(idp.apps.confidential.clientId, new Date('2099-01-01T00:00:00Z'));
    const run = await runCliInProcess(from(file, ['--secret-expires', '2027-03-31']), {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: fresh.value },
      onEvent: browseOnWaiting(),
    });
    expect(run.code, run.stderr).toBe(0);
    const after = await readTokenFile(file);
    expect(after.exists && after.oauth2.ClientSecret).toBe(fresh.value);
    expect(after.exists && after.meta.ClientSecretExpiresAt).toBe('2027-03-31');

    const show = await runCliInProcess(['show', file, '--json'], { env: { RTW_LANG: 'en' } });
    expect(show.code).toBe(0);
    expect(show.events[0]).toMatchObject({
      file,
      mailbox: idp.users.admin.upn,
      protocols: ['smtp', 'pop'],
      secretExpiresAt: '2027-03-31',
      token: 'ok',
    });
    expect(show.stdout).not.toContain(fresh.value);
    expect(show.stdout).not.toContain(await tokenIn(file));

    // Another new secret without --secret-expires: the old date no longer applies and is cleared.
    const next = idp.registry.addSecret(idp.apps.confidential.clientId, new Date('2099-01-01T00:00:00Z'));
    const again = await runCliInProcess(from(file), {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: next.value },
      onEvent: browseOnWaiting(),
    });
    expect(again.code, again.stderr).toBe(0);
    const last = await readTokenFile(file);
    expect(last.exists && last.meta.ClientSecretExpiresAt).toBe('');
  });

  it('an expired secret given on top of the file’s is used (AADSTS7000222, exit 3), the file untouched', async () => {
    const { file } = await issuedWithForeignContent();
    const before = await readFile(file);
    const run = await runCliInProcess(from(file), {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile, RTW_CLIENT_SECRET: idp.defaults.secrets.expired.value },
      onEvent: browseOnWaiting(),
    });
    expect(run.code).toBe(3);
    expect(run.events.at(-1)).toMatchObject({ event: 'failed', id: 'AADSTS7000222' });
    expect(await readFile(file)).toEqual(before);
  });

  it('options on the command line override the file (--out elsewhere leaves the original alone)', async () => {
    const { file } = await issuedWithForeignContent();
    const before = await readFile(file);
    const other = path.join(dir, 'copy for pop.ini');
    const run = await runCliInProcess(from(file, ['--out', other, '--protocols', 'pop']), {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile },
      onEvent: browseOnWaiting(),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(file)).toEqual(before);
    const copy = await readTokenFile(other);
    expect(copy.exists && copy.meta.Protocols).toBe('pop');
    expect(copy.exists && copy.oauth2.UserID).toBe(idp.users.admin.upn);
  });

  it('a missing file is explained (exit 5)', async () => {
    const run = await runCliInProcess(['acquire', '--from', path.join(dir, 'nope.ini'), '--lang', 'en']);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('nope.ini');
    expect(await bytesOf(path.join(dir, 'nope.ini'))).toBeUndefined();
  });

  it('rejects a malformed --secret-expires (exit 2)', async () => {
    const { file } = await issuedWithForeignContent();
    const run = await runCliInProcess(from(file, ['--secret-expires', '2027-02-30', '--lang', 'en']), {
      env: { NODE_EXTRA_CA_CERTS: idp.caFile },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--secret-expires');
  });
});
