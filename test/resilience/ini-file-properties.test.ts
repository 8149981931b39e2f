/**
 * The INI writer on a real disk (test/core/token-file/ini-format.test.ts covers the encoder and merge in memory): any
 * printable value written with writeTokenFile reads back byte-exact — through our reader and through the
 * reference model of Windows' GetPrivateProfileString on the file's bytes — with the admin's own lines kept;
 * and a value no reader could get back is refused before the disk is touched.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RtwError } from '../../electron/core/errors.js';
import { OAUTH2_KEYS, readTokenFile, writeTokenFile } from '../../electron/core/token-file/token-file.js';
import type { OAuth2Key } from '../../electron/core/token-file/token-file.js';
import { getPrivateProfileString } from '../fixtures/windows-profile-reader.js';
import { tempDir } from '../helpers/acquisition.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  await cleanup();
});

const FOREIGN =
  '; the admin wrote this\r\n[Printer]\r\nModel = MFP-9000 ; not a comment\r\n\r\n[Other]\r\nX="q"\r\n';
const isWellFormed = (s: string): boolean => Buffer.from(s, 'utf8').toString('utf8') === s;

/** Printable values: any unicode grapheme, the characters INI readers treat specially, blank/quote edges. */
const special = fc.constantFrom(
  ' ',
  '\t',
  ';',
  '#',
  '=',
  '"',
  "'",
  '\\',
  '[',
  ']',
  '%',
  '\u00a0',
  '\u3000',
  '\ufeff',
  '😀',
  'à',
);
const printable = fc
  .tuple(
    fc.constantFrom('', ' ', '"', "'", '\t'),
    fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), special), { maxLength: 12 }),
    fc.constantFrom('', ' ', '"', "'", '\t'),
  )
  .map(([a, parts, b]) => `${a}${parts.join('')}${b}`.replace(/[\r\n\0]/g, ''))
  .filter(isWellFormed);

const keySubset = fc.subarray([...OAUTH2_KEYS], { minLength: 1 });

let trial = 0;
const fileFor = (): string => path.join(dir, `t${trial++}.ini`);

describe('writeTokenFile on disk', () => {
  it('round-trips any printable values through a real write and read, keeping the admin’s lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        keySubset,
        fc.array(printable, { minLength: 8, maxLength: 8 }),
        printable,
        async (keys, values, meta) => {
          const file = fileFor();
          await writeFile(file, `[OAUTH2]\r\nUserID=old@contoso.com\r\n${FOREIGN}`);
          const oauth2: Partial<Record<OAuth2Key, string>> = {};
          keys.forEach((key, i) => (oauth2[key] = values[i] ?? ''));
          await writeTokenFile(file, { oauth2, meta: { Note: meta } });

          const bytes = await readFile(file);
          const content = await readTokenFile(file);
          expect(content.exists).toBe(true);
          if (!content.exists) return;
          for (const key of keys) {
            expect(content.oauth2[key], key).toBe(oauth2[key]);
            expect(getPrivateProfileString(bytes, 'OAUTH2', key), key).toBe(oauth2[key]);
          }
          expect(content.meta.Note).toBe(meta);
          expect(getPrivateProfileString(bytes, 'RefreshTokenWizard', 'Note')).toBe(meta);
          // Lines the wizard does not manage keep their bytes.
          expect(bytes.includes(Buffer.from('[Printer]\r\nModel = MFP-9000 ; not a comment\r\n'))).toBe(true);
          expect(getPrivateProfileString(bytes, 'Other', 'X')).toBe('q');
        },
      ),
      { numRuns: 80 },
    );
  });

  it('refuses a value containing CR, LF, NUL or a lone surrogate, leaving the file and folder untouched', async () => {
    const forbidden = fc
      .tuple(printable, fc.constantFrom('\r', '\n', '\r\n', '\0', '\ud800', '\udfff'), printable)
      .map(([a, bad, b]) => `LEAKY${a}${bad}${b}`);
    const sub = await mkdtemp(path.join(dir, 'refuse-'));
    const file = path.join(sub, 'smail_refresh_token.ini');
    const before = Buffer.from(`[OAUTH2]\r\nRefreshToken=KEEP\r\n${FOREIGN}`);
    await writeFile(file, before);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<OAuth2Key | 'meta'>(...OAUTH2_KEYS, 'meta'),
        forbidden,
        printable,
        async (where, bad, good) => {
          const update =
            where === 'meta'
              ? { oauth2: { RefreshToken: good }, meta: { Note: bad } }
              : { oauth2: { RefreshToken: good, [where]: bad } };
          const error = await writeTokenFile(file, update).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(RtwError.is(error, 'value-unwritable'), String(error)).toBe(true);
          // The message names the key, never the value (it may be a secret).
          expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('LEAKY');
          expect(await readFile(file)).toEqual(before);
          expect(await readdir(sub)).toEqual(['smail_refresh_token.ini']);
        },
      ),
      { numRuns: 100 },
    );
  });
});
