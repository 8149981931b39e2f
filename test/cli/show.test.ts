/**
 * `rtw show` in process: what a token file holds, for a person (columns aligned in both languages, East Asian
 * characters two columns wide) and as JSON, and its exit codes. Files written here; no network.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../electron/cli/shared/text-width.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rtw-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DAY_MS = 86_400_000;

/** A token file issued `daysAgo` days ago (by the clock of this run), its secret expiring in `secretDays`. */
async function tokenFile(name: string, daysAgo: number, secretDays: number): Promise<string> {
  const file = path.join(dir, name);
  const issued = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
  const secretExpires = new Date(Date.now() + secretDays * DAY_MS).toISOString().slice(0, 10);
  await writeFile(
    file,
    [
      '[OAUTH2]',
      'UserID=printer@contoso.com',
      'ClientID=3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
      'ClientSecret=Abc8Q~aVeryLongSecretValueForTheTest1234',
      'RefreshToken=1.AXyzabcdefghijklmnopqrstuvwxyz0123456789',
      'TokenURI=https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
      'OuthURI=https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
      'OAUTH2_TIME_OUT=30',
      'Provider=1',
      '[RefreshTokenWizard]',
      `IssuedAt=${issued}`,
      'Protocols=smtp,pop',
      'SignedInAs=admin@contoso.com',
      `ClientSecretExpiresAt=${secretExpires}`,
      '',
    ].join('\r\n'),
  );
  return file;
}

describe('rtw show', () => {
  it('a person reads the file in aligned columns, secrets masked, in English and Japanese (exit 0)', async () => {
    const file = await tokenFile('ok.ini', 10, 200);
    for (const lang of ['en', 'ja']) {
      const run = await runCliInProcess(['show', file, '--lang', lang]);
      expect(run.code, lang).toBe(0);
      expect(run.stderr, lang).toBe('');
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0], lang).toMatch(lang === 'en' ? /^File: +\// : /^ファイル: +\//);
      // Every value starts in the same terminal column, whatever the label's script.
      const columns = lines.map((line) => displayWidth(/^.*?: +/.exec(line)?.[0] ?? ''));
      expect(new Set(columns).size, lang).toBe(1);
      expect(run.stdout, lang).toContain('1.AX…(42)');
      expect(run.stdout, lang).toContain('Abc8…(40)');
      expect(run.stdout, lang).not.toContain('aVeryLongSecret');
      expect(run.stdout, lang).not.toContain('abcdefghijklmnop');
    }
    const en = await runCliInProcess(['show', file, '--lang', 'en']);
    expect(en.stdout).toMatch(/^Days left \(90-day limit\): (79|80) \(until /m);
    expect(en.stdout).toContain('Signed in as:             admin@contoso.com\n');
  });

  it('JSON, one object per file; an expired token exits 8, an unreadable file 5, and the others are still shown', async () => {
    const ok = await tokenFile('ok.ini', 10, 200);
    const expired = await tokenFile('expired.ini', 120, 200);
    const missing = path.join(dir, 'missing.ini');
    const run = await runCliInProcess(['show', ok, expired, missing, '--json', '--lang', 'en']);
    expect(run.code).toBe(5);
    expect(run.events.map((e) => [e.file, e.token ?? e.code])).toEqual([
      [ok, 'ok'],
      [expired, 'expired'],
      [missing, 'file-unreadable'],
    ]);
    expect(run.events[1]?.warnings).toEqual([expect.stringContaining(`rtw acquire --from "${expired}"`)]);
    expect((await runCliInProcess(['show', ok, expired])).code).toBe(8);
  });

  it('needs a file (exit 2); after `--` a name like -h is a file, not the help', async () => {
    const none = await runCliInProcess(['show', '--lang', 'ja']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('rtw show FILE。rtw --help を実行してください。\n');
    const operand = await runCliInProcess(['show', '--', '-h'], { cwd: dir });
    expect(operand.code).toBe(5);
    expect(operand.stderr).toContain(path.join(dir, '-h'));
  });

  it('a Microsoft file reads exactly as it always has; a Provider= other than 1 adds one warning', async () => {
    // Half a day off the whole: the days left do not depend on the milliseconds this run takes.
    const issuedMs = Date.now() - 10 * DAY_MS + DAY_MS / 2;
    const issued = new Date(issuedMs).toISOString();
    const file = path.join(dir, 'exact.ini');
    const lines = (provider: string): string =>
      [
        '[OAUTH2]',
        'UserID=printer@contoso.com',
        'ClientID=3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
        'ClientSecret=Abc8Q~aVeryLongSecretValueForTheTest1234',
        'RefreshToken=1.AXyzabcdefghijklmnopqrstuvwxyz0123456789',
        'TokenURI=https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
        'OuthURI=https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
        'OAUTH2_TIME_OUT=30',
        `Provider=${provider}`,
        '[RefreshTokenWizard]',
        `IssuedAt=${issued}`,
        'Protocols=smtp,pop',
        '',
      ].join('\r\n');
    await writeFile(file, lines('1'));
    const until = new Date(issuedMs + 90 * DAY_MS).toISOString();
    const expected = [
      `File:                     ${file}`,
      'Mailbox:                  printer@contoso.com',
      'Tenant:                   contoso.onmicrosoft.com',
      'Cloud:                    global',
      'Client ID:                3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
      'Protocols:                smtp, pop',
      'Refresh token:            1.AX…(42)',
      'Client secret:            Abc8…(40)',
      `Issued:                   ${issued}`,
      'Last refreshed:           (not recorded)',
      `Days left (90-day limit): 80 (until ${until})`,
      'Secret expires:           (not recorded)',
      '',
    ].join('\n');
    expect((await runCliInProcess(['show', file, '--lang', 'en'])).stdout).toBe(expected);

    await writeFile(file, lines('2'));
    const other = await runCliInProcess(['show', file, '--lang', 'en']);
    expect(other.stdout).toBe(
      `${expected}To do:\n  - The INI’s Provider= is 2, not 1, which this tool writes for Microsoft 365 / Outlook.com (Entra ID). That is right if your sender expects 2 (a re-issue keeps it); otherwise re-issue with rtw acquire --from "${file}" --provider-value 1.\n`,
    );
    expect(other.code).toBe(0);
  });
});
