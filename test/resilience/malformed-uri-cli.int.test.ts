/**
 * Issue #15, item 6: a malformed percent-escape in an endpoint of the file (`…/%E0%A4%A/…`) once crashed `rtw show`,
 * `refresh` and `acquire --from` with "unexpected error: URI malformed"; the provider recognition no longer throws,
 * but the file must still not pass as fine (show), as a file "with no TokenURI" (refresh), or as a file re-issued
 * for tenant `common` (acquire --from). Each command reports a file error that names the key, in both languages,
 * before any network request. The real CLI in process, on real files; nothing listens, so nothing is reached.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir('malformed-uri');
const GOOD = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0';
const BAD = 'https://login.microsoftonline.com/%E0%A4%A/oauth2/v2.0';

async function tokenFile(tokenUri: string, authorizeUri: string): Promise<string> {
  const file = path.join(tmp.path, 'smail_refresh_token.ini');
  await writeFile(
    file,
    '[OAUTH2]\r\nUserID=printer@contoso.com\r\nClientID=3b2f1c4e-0d8a-4c1e-9f5b-1234567890ab\r\n' +
      'ClientSecret=se4Q~abcDEF.ghi_jkl-MNO~pqr0123456789AbC\r\nRefreshToken=M.R3_BAY.token\r\n' +
      `TokenURI=${tokenUri}/token\r\nOuthURI=${authorizeUri}/authorize\r\nOAUTH2_TIME_OUT=30\r\nProvider=1\r\n`,
  );
  return file;
}

const COMMANDS: ReadonlyArray<{ name: string; args: (file: string) => string[] }> = [
  { name: 'show', args: (file) => ['show', file] },
  { name: 'refresh', args: (file) => ['refresh', file] },
  { name: 'acquire --from', args: (file) => ['acquire', '--from', file, '--no-browser', '--port', '0'] },
];

describe('a malformed %-escape in an endpoint of the file', () => {
  for (const { name, args } of COMMANDS) {
    for (const [key, tokenUri, authorizeUri] of [
      ['TokenURI', BAD, GOOD],
      ['OuthURI', GOOD, BAD],
    ] as const) {
      it(`rtw ${name}: a file error naming ${key} (exit 5, ja/en, JSON), nothing sent`, async () => {
        const file = await tokenFile(tokenUri, authorizeUri);
        // HTTPS_PROXY at a closed port: a request that should not be made fails loudly instead of reaching out.
        const env = { HTTPS_PROXY: 'http://127.0.0.1:9', RTW_CLIENT_SECRET: 'x'.repeat(40) };
        const en = await runCliInProcess([...args(file), '--lang', 'en'], { env });
        expect(en.code, en.stdout + en.stderr).toBe(5);
        expect(en.stderr).toContain(key);
        expect(en.stderr).toContain('%');
        expect(en.stderr).not.toContain('unexpected');
        expect(en.stderr).not.toContain('URI malformed');
        const ja = await runCliInProcess([...args(file), '--lang', 'ja', '--json'], { env });
        expect(ja.code).toBe(5);
        const failure = ja.events.find((e) => e.code !== undefined);
        expect(failure).toMatchObject({ code: 'file-value-invalid' });
        expect(JSON.stringify(failure)).toContain(key);
      });
    }
  }
});
