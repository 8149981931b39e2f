import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_TEMP_MS } from '../../../electron/core/token-file/atomic-write.js';
import type { AtomicFs } from '../../../electron/core/token-file/atomic-write.js';
import { RtwError } from '../../../electron/core/errors.js';
import { EMPTY_INI, mergeIni, readersMisreading } from '../../../electron/core/token-file/ini-format.js';
import {
  META_SECTION,
  OAUTH2_KEYS,
  OAUTH2_SECTION,
  planTokenFileWrite,
  readTokenFile,
  writeTokenFile,
} from '../../../electron/core/token-file/token-file.js';
import type { OAuth2Key } from '../../../electron/core/token-file/token-file.js';
import {
  iniPackageSection,
  iniPackageValue,
  pythonValue,
  readWithPython,
} from '../../fixtures/ini-readers.js';
import { getPrivateProfileString } from '../../fixtures/windows-profile-reader.js';

const FACTS_VALUES: Record<OAuth2Key, string> = {
  UserID: 'xxxxxxxxxxxxx@outlook.com',
  ClientID: '3bxxxxxxxx...',
  ClientSecret: 'se4xxxxxxxx...',
  RefreshToken: 'M.R3_BAY.-xxxxxxxx...',
  TokenURI: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  OuthURI: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
  OAUTH2_TIME_OUT: '30',
  Provider: '1',
};
const FACTS_FILE =
  '[OAUTH2]\r\n' +
  'UserID=xxxxxxxxxxxxx@outlook.com\r\n' +
  'ClientID=3bxxxxxxxx...\r\n' +
  'ClientSecret=se4xxxxxxxx...\r\n' +
  'RefreshToken=M.R3_BAY.-xxxxxxxx...\r\n' +
  'TokenURI=https://login.microsoftonline.com/common/oauth2/v2.0/token\r\n' +
  'OuthURI=https://login.microsoftonline.com/common/oauth2/v2.0/authorize\r\n' +
  'OAUTH2_TIME_OUT=30\r\n' +
  'Provider=1\r\n';

const POSIX = process.platform !== 'win32';
let dir: string;

beforeEach(async () => {
  dir = await fsp.mkdtemp(join(tmpdir(), 'rtw-token-file-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function modeOf(path: string): Promise<number> {
  return (await fsp.stat(path)).mode & 0o777;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('writeTokenFile: a new file', () => {
  it('is byte for byte the SMAIL example: key order, CRLF, no BOM, final CRLF, owner-only', async () => {
    const path = join(dir, 'smail_refresh_token.ini');
    const plan = await planTokenFileWrite(path, { oauth2: FACTS_VALUES });
    expect(plan).toEqual({
      exists: false,
      changedKeys: [],
      addedKeys: [...OAUTH2_KEYS],
      duplicatesRemoved: [],
      warnings: [],
    });
    // Given in a scrambled order: the file still comes out in SMAIL's.
    const scrambled = Object.fromEntries(Object.entries(FACTS_VALUES).reverse());
    const result = await writeTokenFile(path, { oauth2: scrambled });
    expect(result).toEqual({ path: await fsp.realpath(path), created: true, written: true, warnings: [] });
    expect((await fsp.readFile(path)).toString('latin1')).toBe(FACTS_FILE);
    if (POSIX) expect(await modeOf(path)).toBe(0o600);
    expect(await fsp.readdir(dir)).toEqual(['smail_refresh_token.ini']);
  });

  it('puts the wizard data in its own section, which readTokenFile returns', async () => {
    const path = join(dir, 't.ini');
    const meta = { issuedAt: '2025-06-01T09:00:00Z', tenant: 'contoso.onmicrosoft.com', scopes: 'a b' };
    await writeTokenFile(path, { oauth2: FACTS_VALUES, meta });
    expect((await fsp.readFile(path)).toString('latin1')).toBe(
      `${FACTS_FILE}\r\n[${META_SECTION}]\r\nissuedAt=2025-06-01T09:00:00Z\r\ntenant=contoso.onmicrosoft.com\r\nscopes=a b\r\n`,
    );
    expect(await readTokenFile(path)).toEqual({ exists: true, oauth2: FACTS_VALUES, meta });
    expect(await readTokenFile(join(dir, 'none.ini'))).toEqual({ exists: false });
  });
});

describe('writeTokenFile: an existing file', () => {
  const sjis = Buffer.from([0x83, 0x81, 0x81, 0x5b, 0x83, 0x8b, 0x90, 0xdd, 0x92, 0xe8]); // メール設定, with a 0x5B trail byte
  const original = Buffer.concat([
    Buffer.from('; written by SmailRefreshToken.exe\r\n[OAUTH2]\r\nuserid = old@contoso.com\r\n', 'latin1'),
    Buffer.from(
      'RefreshToken=OLD.TOKEN\r\nCustom=keep me ; not a comment\nRefreshToken=stale duplicate\r\n',
      'latin1',
    ),
    Buffer.from('\r\n; ', 'latin1'),
    sjis,
    Buffer.from('\r\n[Mail]\r\nServer=smtp.office365.com\r\nNote=', 'latin1'),
    sjis,
    Buffer.from('\r\n', 'latin1'),
  ]);

  it('updates our keys in place, keeps everything else byte for byte, and backs up the old file', async () => {
    const path = join(dir, 'smail_refresh_token.ini');
    await fsp.writeFile(path, original, { mode: 0o644 });
    await fsp.chmod(path, 0o644);
    const update = { oauth2: { UserID: 'new@contoso.com', RefreshToken: 'NEW.TOKEN', Provider: '1' } };
    expect(await planTokenFileWrite(path, update)).toEqual({
      exists: true,
      changedKeys: ['UserID', 'RefreshToken'],
      addedKeys: ['Provider'],
      duplicatesRemoved: ['RefreshToken'],
      warnings: [],
    });
    const result = await writeTokenFile(path, update);
    expect(result).toMatchObject({
      created: false,
      written: true,
      backupPath: `${await fsp.realpath(path)}.bak`,
    });

    const expected = Buffer.concat([
      Buffer.from('; written by SmailRefreshToken.exe\r\n[OAUTH2]\r\nUserID=new@contoso.com\r\n', 'latin1'),
      Buffer.from('RefreshToken=NEW.TOKEN\r\nCustom=keep me ; not a comment\r\nProvider=1\r\n', 'latin1'),
      Buffer.from('\r\n; ', 'latin1'),
      sjis,
      Buffer.from('\r\n[Mail]\r\nServer=smtp.office365.com\r\nNote=', 'latin1'),
      sjis,
      Buffer.from('\r\n', 'latin1'),
    ]);
    const written = await fsp.readFile(path);
    expect(written.toString('hex')).toBe(expected.toString('hex'));
    expect((await fsp.readFile(`${path}.bak`)).equals(original)).toBe(true);
    if (POSIX) {
      // The old file was world-readable; the credential file and its backup no longer are.
      expect(await modeOf(path)).toBe(0o600);
      expect(await modeOf(`${path}.bak`)).toBe(0o600);
    }
    expect(getPrivateProfileString(written, 'oauth2', 'REFRESHTOKEN')).toBe('NEW.TOKEN');
    expect(getPrivateProfileString(written, 'OAUTH2', 'Custom')).toBe('keep me ; not a comment');
    expect((await fsp.readdir(dir)).sort()).toEqual([
      'smail_refresh_token.ini',
      'smail_refresh_token.ini.bak',
    ]);

    // Writing the same values again changes nothing and leaves the backup alone.
    expect(await writeTokenFile(path, update)).toMatchObject({ written: false, created: false });
    expect((await fsp.readFile(`${path}.bak`)).equals(original)).toBe(true);
  });

  it('keeps a UTF-8 BOM as found', async () => {
    const path = join(dir, 'bom.ini');
    await fsp.writeFile(path, '\uFEFF[OAUTH2]\r\nRefreshToken=a\r\n');
    await writeTokenFile(path, { oauth2: { RefreshToken: 'b' } });
    expect((await fsp.readFile(path)).toString('latin1')).toBe('\xEF\xBB\xBF[OAUTH2]\r\nRefreshToken=b\r\n');
  });

  it('adds our section to a file that has none', async () => {
    const path = join(dir, 'other.ini');
    await fsp.writeFile(path, '[Mail]\nServer=x');
    await writeTokenFile(path, { oauth2: { RefreshToken: 'b' } });
    expect(await fsp.readFile(path, 'latin1')).toBe(
      '[Mail]\r\nServer=x\r\n\r\n[OAUTH2]\r\nRefreshToken=b\r\n',
    );
  });
});

describe('reader compatibility (measured with the real ini package and python3)', () => {
  /** Real-looking values: Entra secrets, MSA refresh tokens, GUIDs, addresses, URIs. */
  const token = fc.string({
    unit: fc.constantFrom(...'ABCXYZabcxyz0189*!$.-_~'.split('')),
    minLength: 1,
    maxLength: 300,
  });
  const plainUri = (u: string): boolean => /^[A-Za-z0-9:/?&=%._~!$*+,()@-]+$/.test(u);
  const realistic: ReadonlyArray<Record<OAuth2Key, string>> = [
    FACTS_VALUES,
    {
      UserID: 'info@contoso.co.jp',
      ClientID: '3b2f1c4e-0d8a-4c1e-9f5b-1234567890ab',
      ClientSecret: 'se4Q~abcDEF.ghi_jkl-MNO~pqr0123456789AbC',
      RefreshToken: `M.C520_BAY.0.U.-Cm*qp!Wz$${'AbC9!*$'.repeat(60)}`,
      TokenURI: 'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/oauth2/v2.0/token',
      OuthURI: 'https://login.partner.microsoftonline.cn/common/oauth2/v2.0/authorize',
      OAUTH2_TIME_OUT: '30',
      Provider: '1',
    },
    ...fc.sample(
      fc.record({
        // RFC 5322 allows `#` and quotes in local parts; real mailboxes do not use them.
        UserID: fc.emailAddress().filter((e) => /^[A-Za-z0-9._%+@-]+$/.test(e)),
        ClientID: fc.uuid(),
        ClientSecret: token,
        RefreshToken: token,
        // URL paths may hold `;` (RFC 3986 sub-delims); the endpoints of identity providers do not.
        TokenURI: fc.webUrl().filter(plainUri),
        OuthURI: fc.webUrl().filter(plainUri),
        OAUTH2_TIME_OUT: fc.nat().map(String),
        Provider: fc.constantFrom('1', '2'),
      }),
      { numRuns: 40, seed: 42 },
    ),
  ];

  it('gives portable values back byte-exact through Windows, ini and RawConfigParser', async () => {
    const files: Buffer[] = [];
    for (const [i, values] of realistic.entries()) {
      const path = join(dir, `f${i}.ini`);
      // Half the files start as an existing file with unrelated content.
      if (i % 2 === 1) await fsp.writeFile(path, '; admin notes\r\n[Mail]\r\nServer=smtp.office365.com\r\n');
      const result = await writeTokenFile(path, {
        oauth2: values,
        meta: { issuedAt: '2025-06-01T09:00:00Z' },
      });
      expect(result.warnings).toEqual([]);
      files.push(await fsp.readFile(path));
    }
    const python = await readWithPython(files);
    files.forEach((file, i) => {
      const values = realistic[i] ?? FACTS_VALUES;
      const reading = python[i];
      expect(reading?.ok, reading?.ok === false ? reading.error : '').toBe(true);
      for (const key of OAUTH2_KEYS) {
        expect(getPrivateProfileString(file, OAUTH2_SECTION, key)).toBe(values[key]);
        expect(iniPackageValue(file, OAUTH2_SECTION, key)).toBe(values[key]);
        expect(pythonValue(reading, OAUTH2_SECTION, key)).toBe(values[key]);
      }
      expect(pythonValue(reading, META_SECTION, 'issuedAt')).toBe('2025-06-01T09:00:00Z');
    });
  });

  it('warns exactly for the readers that misread a value (3000 values, one python3 run)', async () => {
    const unit = fc.oneof(
      fc.constantFrom(
        ' ',
        '\t',
        ';',
        '#',
        '=',
        ':',
        '"',
        "'",
        '\\',
        '~',
        '!',
        '*',
        '$',
        '%',
        '[',
        ']',
        '\v',
        '\f',
      ),
      fc.constantFrom(
        '\x1a',
        '\x1c',
        '\u00a0',
        '\u0085',
        '\u2028',
        '\u3000',
        '\ufeff',
        'à',
        '日',
        '😀',
        'a',
        '0',
      ),
      fc.constantFrom('true', 'null', '"a"', "'a'", ' "', '" '),
    );
    const values = fc
      .sample(fc.string({ unit, maxLength: 12 }), { numRuns: 3000, seed: 7 })
      .map((v) => v.replace(/[\r\n\0]/g, ''));
    // 30 files of 100 keys: the reference readers scan a file per lookup.
    const batches = Array.from({ length: 30 }, (_, b) => values.slice(b * 100, b * 100 + 100));
    const files = batches.map(
      (batch) =>
        mergeIni(EMPTY_INI, [
          { section: OAUTH2_SECTION, entries: batch.map((v, i) => [`k${i}`, v] as const) },
        ]).bytes,
    );
    const readings = await readWithPython(files);
    const tally = { ini: 0, python: 0 };
    batches.forEach((batch, b) => {
      const file = files[b] ?? Buffer.alloc(0);
      const reading = readings[b];
      expect(reading?.ok, reading?.ok === false ? reading.error : '').toBe(true);
      const iniSection = iniPackageSection(file, OAUTH2_SECTION);
      batch.forEach((value, i) => {
        const predicted = readersMisreading(value);
        expect(getPrivateProfileString(file, OAUTH2_SECTION, `k${i}`)).toBe(value);
        const iniOk = iniSection[`k${i}`] === value;
        const pythonOk = pythonValue(reading, OAUTH2_SECTION, `k${i}`) === value;
        expect({ value, ini: !iniOk, python: !pythonOk }).toEqual({
          value,
          ini: predicted.includes('ini'),
          python: predicted.includes('python'),
        });
        if (!iniOk) tally.ini++;
        if (!pythonOk) tally.python++;
      });
    });
    // Both kinds of mismatch really occur in the sample, so the comparison above is not vacuous.
    expect(tally.ini).toBeGreaterThan(100);
    expect(tally.python).toBeGreaterThan(100);
  });

  it('reports non-portable values as warnings with the readers concerned', async () => {
    const path = join(dir, 'w.ini');
    const update = { oauth2: { ClientSecret: 'ab;cd', UserID: ' x' }, meta: { note: '"q"' } };
    const expected = [
      { key: 'UserID', readers: ['python'] },
      { key: 'ClientSecret', readers: ['ini'] },
      { key: `${META_SECTION}.note`, readers: ['ini', 'python'] },
    ];
    expect((await planTokenFileWrite(path, update)).warnings).toEqual(expected);
    expect((await writeTokenFile(path, update)).warnings).toEqual(expected);
    const file = await fsp.readFile(path);
    expect(getPrivateProfileString(file, OAUTH2_SECTION, 'ClientSecret')).toBe('ab;cd');
    expect(getPrivateProfileString(file, OAUTH2_SECTION, 'UserID')).toBe(' x');
    expect(getPrivateProfileString(file, META_SECTION, 'note')).toBe('"q"');
  });
});

describe('writeTokenFile: leftovers of killed writers', () => {
  it('removes stale temp files of this file and its backup, and nothing else', async () => {
    const path = join(dir, 'smail_refresh_token.ini');
    await fsp.writeFile(path, FACTS_FILE);
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    const stale = [
      '.smail_refresh_token.ini.4242.0123456789ab.tmp',
      '.smail_refresh_token.ini.bak.77.ba9876543210.tmp',
    ];
    // A writer may be running right now (fresh), and other files' temps and look-alikes are not ours.
    const kept = [
      '.smail_refresh_token.ini.4243.fedcba987654.tmp',
      '.other.ini.4242.0123456789ab.tmp',
      '.smail_refresh_token.ini.notes.tmp',
      'smail_refresh_token.ini.4242.0123456789ab.tmp',
    ];
    for (const name of [...stale, ...kept]) {
      await fsp.writeFile(join(dir, name), 'RefreshToken=leftover\r\n', { mode: 0o600 });
      if (name !== kept[0]) await fsp.utimes(join(dir, name), old, old);
    }
    await writeTokenFile(path, { oauth2: { RefreshToken: 'NEW' } });
    const left = await fsp.readdir(dir);
    for (const name of stale) expect(left).not.toContain(name);
    for (const name of kept) expect(left).toContain(name);
    expect(left).toContain('smail_refresh_token.ini.bak');
  });
});

describe('writeTokenFile: refusals and failures leave the file as it was', () => {
  const before = Buffer.from('[OAUTH2]\r\nRefreshToken=KEEP\r\nClientSecret=KEEP2\r\n', 'latin1');

  it('refuses a value with a line break before touching the disk, without the value in the error', async () => {
    const path = join(dir, 't.ini');
    await fsp.writeFile(path, before);
    for (const bad of ['SECRET\r\n[Evil]', 'SECRET\nProvider=2', 'SECRET\0']) {
      const error = await rejection(
        writeTokenFile(path, { oauth2: { RefreshToken: 'fine', ClientSecret: bad } }),
      );
      expect(RtwError.is(error, 'value-unwritable')).toBe(true);
      expect((error as RtwError<'value-unwritable'>).params.key).toBe('ClientSecret');
      expect(JSON.stringify(error) + String(error)).not.toContain('SECRET');
      await expect(planTokenFileWrite(path, { oauth2: { ClientSecret: bad } })).rejects.toThrow(RtwError);
    }
    const badMeta = await rejection(writeTokenFile(path, { oauth2: {}, meta: { 'a=b': 'x' } }));
    expect(RtwError.is(badMeta, 'value-unwritable')).toBe(true);
    const unknownKey = { oauth2: { Password: 'x' } as Record<string, string> };
    expect(RtwError.is(await rejection(writeTokenFile(path, unknownKey)), 'value-unwritable')).toBe(true);
    expect((await fsp.readFile(path)).equals(before)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual(['t.ini']);
  });

  it('refuses UTF-16 and NUL-containing files untouched', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('[OAUTH2]\r\nRefreshToken=a\r\n', 'utf16le'),
    ]);
    const binary = Buffer.from('[OAUTH2]\r\nRefreshToken=a\0\r\n', 'latin1');
    for (const [name, bytes] of [
      ['utf16.ini', utf16],
      ['nul.ini', binary],
    ] as const) {
      const path = join(dir, name);
      await fsp.writeFile(path, bytes);
      for (const attempt of [
        () => writeTokenFile(path, { oauth2: { RefreshToken: 'b' } }),
        () => planTokenFileWrite(path, { oauth2: { RefreshToken: 'b' } }),
        () => readTokenFile(path),
      ]) {
        const error = await rejection(attempt());
        expect(RtwError.is(error, 'file-format')).toBe(true);
        expect((error as RtwError<'file-format'>).params.path).toBe(await fsp.realpath(path));
      }
      expect((await fsp.readFile(path)).equals(bytes)).toBe(true);
    }
    expect((await fsp.readdir(dir)).sort()).toEqual(['nul.ini', 'utf16.ini']);
  });

  it('reports an unwritable directory as file-unwritable, losing nothing', async (context) => {
    const sub = join(dir, 'locked');
    await fsp.mkdir(sub);
    const path = join(sub, 't.ini');
    await fsp.writeFile(path, before);
    // Root ignores directory permissions; the immutable attribute stops it (ext4, CAP_LINUX_IMMUTABLE).
    const asRoot = process.getuid?.() === 0;
    try {
      if (asRoot) execFileSync('chattr', ['+i', sub], { stdio: 'ignore' });
      else await fsp.chmod(sub, 0o500);
    } catch {
      context.skip();
    }
    try {
      const error = await rejection(writeTokenFile(path, { oauth2: { RefreshToken: 'NEW' } }));
      expect(RtwError.is(error, 'file-unwritable')).toBe(true);
      expect((error as RtwError<'file-unwritable'>).params.path).toBe(await fsp.realpath(path));
      expect(String(error)).not.toContain('NEW');
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', sub]);
      else await fsp.chmod(sub, 0o700);
    }
    expect((await fsp.readFile(path)).equals(before)).toBe(true);
    expect(await fsp.readdir(sub)).toEqual(['t.ini']);
  });

  it('removes its temp files and keeps the old file when the final rename fails', async () => {
    const path = join(dir, 't.ini');
    await fsp.writeFile(path, before);
    const failing: AtomicFs = {
      open: fsp.open,
      readFile: fsp.readFile,
      unlink: fsp.unlink,
      rename: async (from, to) => {
        if (String(to) === (await fsp.realpath(path)))
          throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        return fsp.rename(from, to);
      },
    };
    const error = await rejection(writeTokenFile(path, { oauth2: { RefreshToken: 'NEW' } }, { fs: failing }));
    expect(RtwError.is(error, 'file-unwritable')).toBe(true);
    expect((error as RtwError<'file-unwritable'>).params.reason).toBe('ENOSPC');
    expect((await fsp.readFile(path)).equals(before)).toBe(true);
    // The backup was already made (it equals the untouched file); no temp file is left.
    expect((await fsp.readdir(dir)).sort()).toEqual(['t.ini', 't.ini.bak']);
  });

  it('reports an unreadable path as file-unreadable', async () => {
    const error = await rejection(readTokenFile(dir));
    expect(RtwError.is(error, 'file-unreadable')).toBe(true);
  });
});

describe.skipIf(!POSIX)('writeTokenFile: symlinks', () => {
  it('writes through a symlink to the real file, and the link survives', async () => {
    await fsp.mkdir(join(dir, 'real'));
    const real = join(dir, 'real', 'token.ini');
    const link = join(dir, 'link.ini');
    await fsp.writeFile(real, '[OAUTH2]\r\nRefreshToken=old\r\n');
    await fsp.symlink(join('real', 'token.ini'), link);
    const result = await writeTokenFile(link, { oauth2: { RefreshToken: 'new' } });
    expect(result.path).toBe(await fsp.realpath(real));
    expect(result.backupPath).toBe(`${await fsp.realpath(real)}.bak`);
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fsp.readFile(real, 'latin1')).toBe('[OAUTH2]\r\nRefreshToken=new\r\n');
    expect(await readTokenFile(link)).toMatchObject({ exists: true, oauth2: { RefreshToken: 'new' } });
  });

  it('creates the file a dangling symlink names', async () => {
    const link = join(dir, 'link.ini');
    await fsp.symlink('target.ini', link);
    await writeTokenFile(link, { oauth2: { Provider: '1' } });
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fsp.readFile(join(dir, 'target.ini'), 'latin1')).toBe('[OAUTH2]\r\nProvider=1\r\n');
  });
});
