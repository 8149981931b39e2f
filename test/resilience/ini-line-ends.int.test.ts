/**
 * Issue #15, items 3 and 4: files the Windows profile API reads differently from a naive reader.
 *
 * - A UTF-8 byte order mark: GetPrivateProfileString reads the file in the ANSI code page and does not skip a UTF-8
 *   BOM, so a section header on the BOM's line is not recognised (tested on Windows 10 21H1 by Thomas Weller,
 *   Stack Overflow "How do WritePrivateProfileStringA() and Unicode go together?", 2021: "a UTF-8 BOM can break an
 *   existing file if the UTF-8 BOM and the first section are both in line 1 … If the first section is in line 2,
 *   the UTF-8 BOM will have no effect"; Tera Term's Win32 API notes, Windows 10 and 11: only a UTF-16LE BOM makes a
 *   Unicode INI, any other file is read in the ANSI code page). Wine skips a UTF-8 BOM, so Wine is no guide here.
 * - CR-only line ends: Windows ends a line at CR as well as at LF (Wine's conformance test runs the same lookups on
 *   a "CR+LF" and a "CR only" file and expects the same answers on Windows: wine dlls/kernel32/tests/profile.c,
 *   test_GetPrivateProfileString; Wine's PROFILE_Load ends a line at any run of CR and LF).
 *
 * The reference reader (test/fixtures/windows-profile-reader.ts) is checked against those facts first, then the
 * writer, the reader and `rtw show` / `rtw refresh` against the reference reader, on the real file system.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTokenFile, writeTokenFile } from '../../electron/core/token-file/token-file.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { issueTokenFile, tokenIn, worksAtSandbox } from '../helpers/token-files.js';

const sandbox = sandboxPerFile();
const BOM = '\xEF\xBB\xBF';
const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('the reference reader follows Windows', () => {
  it('does not see a section header on the line of a UTF-8 BOM, and sees one on the next line', () => {
    expect(
      getPrivateProfileString(latin1(`${BOM}[OAUTH2]\r\nRefreshToken=x\r\n`), 'OAUTH2', 'RefreshToken'),
    ).toBe(undefined);
    expect(
      getPrivateProfileString(latin1(`${BOM}\r\n[OAUTH2]\r\nRefreshToken=x\r\n`), 'OAUTH2', 'RefreshToken'),
    ).toBe('x');
    expect(
      getPrivateProfileString(
        latin1(`${BOM}; note\r\n[OAUTH2]\r\nRefreshToken=x\r\n`),
        'OAUTH2',
        'RefreshToken',
      ),
    ).toBe('x');
  });

  it('ends lines at CR, LF and CRLF alike (Wine’s “CR only” conformance file)', () => {
    const crOnly = latin1('[section1]\rname1=val1\rname2="val2"\rname3\rname4=a\r[section2]\r');
    const crlf = latin1('[section1]\r\nname1=val1\r\nname2="val2"\r\nname3\r\nname4=a\r\n[section2]\r\n');
    for (const file of [crOnly, crlf]) {
      expect(getPrivateProfileString(file, 'section1', 'name1')).toBe('val1');
      expect(getPrivateProfileString(file, 'section1', 'name2')).toBe('val2');
      expect(getPrivateProfileString(file, 'section1', 'name4')).toBe('a');
      expect(getPrivateProfileString(file, 'section2', 'name1')).toBe(undefined);
    }
    expect(getPrivateProfileString(latin1('[s]\nA=1\rB=2\n'), 's', 'B')).toBe('2');
  });
});

describe('a UTF-8 BOM (item 3)', () => {
  it('a file that is only a BOM: the section goes on a line Windows reads, the BOM is kept', async () => {
    const file = path.join(sandbox.dir, 'bom-only.ini');
    await writeFile(file, latin1(BOM));
    await writeTokenFile(file, { oauth2: { UserID: 'printer@contoso.com', RefreshToken: 'NEW' } });
    const bytes = await readFile(file);
    expect(bytes.toString('latin1')).toBe(
      `${BOM}\r\n[OAUTH2]\r\nUserID=printer@contoso.com\r\nRefreshToken=NEW\r\n`,
    );
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken')).toBe('NEW');
  });

  it('[OAUTH2] already on the BOM’s line: rewriting moves it to a line Windows reads', async () => {
    const file = path.join(sandbox.dir, 'bom.ini');
    await writeFile(file, latin1(`${BOM}[OAUTH2]\r\nUserID=printer@contoso.com\r\nRefreshToken=OLD\r\n`));
    expect(getPrivateProfileString(await readFile(file), 'OAUTH2', 'RefreshToken')).toBe(undefined);
    await writeTokenFile(file, { oauth2: { RefreshToken: 'NEW' } });
    const bytes = await readFile(file);
    expect(bytes.toString('latin1')).toBe(
      `${BOM}\r\n[OAUTH2]\r\nUserID=printer@contoso.com\r\nRefreshToken=NEW\r\n`,
    );
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken')).toBe('NEW');
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'UserID')).toBe('printer@contoso.com');
  });

  it('rtw show warns about a BOM, and says when it hides [OAUTH2] from the sender (ja/en, text and JSON)', async () => {
    const hidden = path.join(sandbox.dir, 'hidden.ini');
    const harmless = path.join(sandbox.dir, 'harmless.ini');
    const plain = path.join(sandbox.dir, 'plain.ini');
    const body = 'UserID=printer@contoso.com\r\nRefreshToken=RT\r\n';
    await writeFile(hidden, latin1(`${BOM}[OAUTH2]\r\n${body}`));
    await writeFile(harmless, latin1(`${BOM}; settings\r\n[OAUTH2]\r\n${body}`));
    await writeFile(plain, latin1(`[OAUTH2]\r\n${body}`));

    const json = await runCliInProcess(['show', hidden, harmless, plain, '--json', '--lang', 'en']);
    const [h, m, p] = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { warnings: string[] });
    expect(h?.warnings.join('\n')).toMatch(/byte order mark \(BOM\)[^\n]*\[OAUTH2\][^\n]*reads none/);
    expect(m?.warnings.join('\n')).toContain('byte order mark (BOM)');
    expect(m?.warnings.join('\n')).not.toContain('reads none');
    expect(p?.warnings.join('\n')).not.toContain('BOM');

    const ja = await runCliInProcess(['show', hidden, '--lang', 'ja']);
    expect(ja.stdout).toContain('BOM');
    expect(ja.stdout).toContain('[OAUTH2]');
  });
});

describe('CR-only line ends (item 4)', () => {
  it('reads the token of a CR-only file and replaces it in place: no second RefreshToken', async () => {
    const file = path.join(sandbox.dir, 'cr.ini');
    await writeFile(
      file,
      latin1('[OAUTH2]\rUserID=printer@contoso.com\rRefreshToken=OLD\r[Mail]\rServer=x\r'),
    );
    expect(await readTokenFile(file)).toMatchObject({ exists: true, oauth2: { RefreshToken: 'OLD' } });
    await writeTokenFile(file, { oauth2: { RefreshToken: 'NEW' } });
    const bytes = await readFile(file);
    expect(bytes.toString('latin1')).toBe(
      '[OAUTH2]\r\nUserID=printer@contoso.com\r\nRefreshToken=NEW\r\n[Mail]\r\nServer=x\r\n',
    );
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken')).toBe('NEW');
    expect(getPrivateProfileString(bytes, 'Mail', 'Server')).toBe('x');
  });

  it('rtw refresh of a CR-only token file leaves the rotated token where Windows reads it', async () => {
    const file = path.join(sandbox.dir, 'smail_refresh_token.ini');
    const issued = await issueTokenFile(sandbox.idp, file);
    await writeFile(file, (await readFile(file, 'latin1')).replace(/\r\n/g, '\r'), 'latin1');
    const run = await runCliInProcess(['refresh', file, '--json'], {
      env: { NODE_EXTRA_CA_CERTS: sandbox.idp.caFile },
    });
    expect(run.code, run.stderr).toBe(0);
    const bytes = await readFile(file);
    const windows = getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken') ?? '';
    expect(windows).not.toBe(issued);
    expect(windows).toBe(await tokenIn(file));
    expect(await worksAtSandbox(sandbox.idp, windows)).toBe(true);
    expect(bytes.toString('latin1').match(/RefreshToken=/gi)).toHaveLength(1);
  });
});
