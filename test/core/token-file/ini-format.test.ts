import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RtwError } from '../../../electron/core/errors.js';
import {
  EMPTY_INI,
  encodeIniValue,
  iniFormatProblem,
  mergeIni,
  parseIni,
  readIniSection,
  readersMisreading,
} from '../../../electron/core/token-file/ini-format.js';
import { iniPackageValue } from '../../fixtures/ini-readers.js';
import { getPrivateProfileBytes, getPrivateProfileString } from '../../fixtures/windows-profile-reader.js';

const FACTS_EXAMPLE = [
  '[OAUTH2]',
  'UserID=xxxxxxxxxxxxx@outlook.com',
  'ClientID=3bxxxxxxxx...',
  'ClientSecret=se4xxxxxxxx...',
  'RefreshToken=M.R3_BAY.-xxxxxxxx...',
  'TokenURI=https://login.microsoftonline.com/common/oauth2/v2.0/token',
  'OuthURI=https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
  'OAUTH2_TIME_OUT=30',
  'Provider=1',
];

/** Characters that mean something to some INI reader, plus ordinary and non-ASCII ones. */
const tricky = fc.constantFrom(
  ...[' ', '\t', ';', '#', '=', '"', "'", '\\', '~', '!', '*', '$', '[', ']', ':', '%', '\v', '\f', '\x1a'],
  ...['\u00a0', '\u0085', '\u2028', '\u3000', '\ufeff', 'à', 'é', '日', '😀', 'a', 'Z', '0', '.', '-', '_'],
);
const unit = fc.oneof(
  { weight: 3, arbitrary: tricky },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1 }) },
);
const isWellFormed = (s: string): boolean => Buffer.from(s, 'utf8').toString('utf8') === s;
/** Any writable value: no CR, LF, NUL, lone surrogate. */
const writable = fc
  .string({ unit, maxLength: 24 })
  .map((s) => s.replace(/[\r\n\0]/g, ''))
  .filter(isWellFormed);
/** Values that begin and end with quotes or blanks, the cases quoting is for. */
const edgy = fc
  .tuple(
    fc.constantFrom('"', "'", ' ', '\t', ' "', "' ", ''),
    writable,
    fc.constantFrom('"', "'", ' ', '\t', '" ', ''),
  )
  .map(([a, b, c]) => a + b + c);

function fileWith(values: readonly string[]): Buffer {
  return mergeIni(EMPTY_INI, [{ section: 'OAUTH2', entries: values.map((v, i) => [`k${i}`, v] as const) }])
    .bytes;
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('encodeIniValue', () => {
  it('round-trips every writable value through the Windows reader', () => {
    fc.assert(
      fc.property(fc.oneof(writable, edgy), (value) => {
        const line = Buffer.from(`[S]\r\nKey=${encodeIniValue('Key', value)}\r\n`, 'utf8');
        expect(getPrivateProfileString(line, 'S', 'Key')).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes real tokens, secrets, GUIDs, addresses and URIs raw', () => {
    for (const value of [
      'M.C520_BAY.0.U.-Cm*qp!Wz$abc.def_ghi-jkl',
      'se4Q~abcDEF.ghi_jkl-MNO~pqr0123456789',
      '3b2f1c4e-0d8a-4c1e-9f5b-1234567890ab',
      'someone@contoso.onmicrosoft.com',
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      '30',
      '1',
      '',
    ]) {
      expect(encodeIniValue('k', value)).toBe(value);
      expect(readersMisreading(value)).toEqual([]);
    }
  });

  it('quotes values with blank edges or enclosing quotes, and nothing else', () => {
    expect(encodeIniValue('k', ' a')).toBe('" a"');
    expect(encodeIniValue('k', 'a\t')).toBe('"a\t"');
    expect(encodeIniValue('k', '"a"')).toBe('""a""');
    expect(encodeIniValue('k', "'a'")).toBe(`"'a'"`);
    expect(encodeIniValue('k', '"')).toBe('"""');
    expect(encodeIniValue('k', '"a')).toBe('"a');
    expect(encodeIniValue('k', 'a;b#c=d')).toBe('a;b#c=d');
    expect(encodeIniValue('k', 'à')).toBe('"à"'); // ends in byte 0xA0
    expect(encodeIniValue('k', 'àb')).toBe('àb');
  });

  it('refuses CR, LF, NUL and lone surrogates, without the value in the error', () => {
    const bad = fc
      .tuple(writable, fc.constantFrom('\r', '\n', '\0', '\r\n', '\ud800', '\udc00'), writable)
      .map(([a, b, c]) => `SECRET${a}${b}${c}`);
    fc.assert(
      fc.property(bad, (value) => {
        const error = errorOf(() => encodeIniValue('ClientSecret', value));
        expect(RtwError.is(error, 'value-unwritable')).toBe(true);
        expect((error as RtwError<'value-unwritable'>).params.key).toBe('ClientSecret');
        expect(String((error as Error).message)).not.toContain('SECRET');
        expect(() => mergeIni(EMPTY_INI, [{ section: 'OAUTH2', entries: [['k', value]] }])).toThrow(RtwError);
      }),
    );
  });
});

describe('readersMisreading', () => {
  it('predicts exactly what the ini package reads', () => {
    fc.assert(
      fc.property(fc.oneof(writable, edgy), (value) => {
        const file = fileWith([value]);
        const readsBack = iniPackageValue(file, 'OAUTH2', 'k0') === value;
        expect(readersMisreading(value).includes('ini')).toBe(!readsBack);
      }),
      { numRuns: 2000 },
    );
  });

  it('flags the non-portable values the brief lists', () => {
    expect(readersMisreading('a;b')).toEqual(['ini']);
    expect(readersMisreading('a#b')).toEqual(['ini']);
    expect(readersMisreading('a\\\\b')).toEqual(['ini']);
    expect(readersMisreading('true')).toEqual(['ini']);
    expect(readersMisreading(' a')).toEqual(['python']);
    expect(readersMisreading('"a"')).toEqual(['ini', 'python']);
    expect(readersMisreading('a\\b')).toEqual([]);
  });
});

describe('parseIni', () => {
  it('reads the FACTS.md example as Windows does', () => {
    const parsed = parseIni(Buffer.from(FACTS_EXAMPLE.join('\r\n') + '\r\n', 'latin1'));
    const section = readIniSection(parsed, 'oauth2');
    expect(section.map((e) => e.key)).toEqual(FACTS_EXAMPLE.slice(1).map((l) => l.split('=')[0]));
    expect(section[4]).toEqual({
      key: 'TokenURI',
      value: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    });
  });

  it('follows the profile API: first `=`, trimming, one quote pair, no inline comments, first key wins', () => {
    const text = [
      'stray=before any section',
      '  [ Other ]',
      'UserID=not this one',
      '[oauth2] ; text after the last bracket is ignored',
      '; UserID=commented',
      '# ClientID=commented',
      '  userid  =  " a=b;c#d "  ',
      'USERID=later duplicate',
      "ClientID='x'",
      'ClientSecret=""a""',
      'RefreshToken',
      'RefreshToken=hidden by the bare key',
      'TokenURI=\t\x1A',
      '[OAUTH2]',
      'Provider=second section is never read',
    ].join('\n');
    const bytes = Buffer.from(text, 'latin1');
    const parsed = parseIni(bytes);
    expect(readIniSection(parsed, 'OAUTH2')).toEqual([
      { key: 'userid', value: ' a=b;c#d ' },
      { key: 'ClientID', value: 'x' },
      { key: 'ClientSecret', value: '"a"' },
      { key: 'RefreshToken' },
      { key: 'TokenURI', value: '' },
    ]);
    // The reference reader agrees line for line.
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'UserID')).toBe(' a=b;c#d ');
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken')).toBeUndefined();
    expect(getPrivateProfileString(bytes, 'OAUTH2', 'Provider')).toBeUndefined();
    expect(getPrivateProfileString(bytes, ' Other ', 'UserID')).toBe('not this one');
  });

  it('recognises formats it must not rewrite', () => {
    expect(iniFormatProblem(Buffer.from([0xff, 0xfe, 0x5b, 0x00]))).toBe('utf-16le');
    expect(iniFormatProblem(Buffer.from([0xfe, 0xff, 0x00, 0x5b]))).toBe('utf-16be');
    expect(iniFormatProblem(Buffer.from('[A]\r\nk=v\0\r\n', 'latin1'))).toBe('nul-bytes');
    expect(iniFormatProblem(Buffer.from([0xef, 0xbb, 0xbf, 0x5b, 0x41, 0x5d]))).toBeUndefined();
  });
});

describe('mergeIni', () => {
  /** Lines a reader of ours never sees as our keys: comments, other sections, unknown keys, raw bytes. */
  const foreignLine = fc.oneof(
    fc.constantFrom('', '; comment', '# comment', '  ', 'Unknown=1', 'x = y ; z', '\x82\xb1\x82\xf1=SJIS'),
    fc.uint8Array({ minLength: 0, maxLength: 12 }).map((b) =>
      Buffer.from(b)
        .toString('latin1')
        .replace(/[\r\n\0[]/g, '')
        .replace(/^\s*(userid|clientid|oauth2|refresh|provider)/i, 'x'),
    ),
  );

  it('keeps every line it does not manage byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(foreignLine, { maxLength: 6 }),
        fc.array(foreignLine, { maxLength: 6 }),
        fc.array(foreignLine, { maxLength: 6 }),
        fc.boolean(),
        writable,
        (before, inside, after, lf, value) => {
          const eol = lf ? '\n' : '\r\n';
          const lines = [...before, '[OAUTH2]', ...inside, 'RefreshToken=old', '[Other]', ...after];
          const input = Buffer.from(lines.join(eol) + eol, 'latin1');
          const { bytes } = mergeIni(parseIni(input), [
            { section: 'OAUTH2', entries: [['RefreshToken', value]] },
          ]);
          const out = bytes.toString('latin1').split('\r\n');
          expect(out.pop()).toBe('');
          const written = `RefreshToken=${Buffer.from(encodeIniValue('k', value), 'utf8').toString('latin1')}`;
          expect(out).toEqual(lines.map((l) => (l === 'RefreshToken=old' ? written : l)));
          expect(getPrivateProfileString(bytes, 'OAUTH2', 'RefreshToken')).toBe(value);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('updates in place, appends missing keys after the last key, removes ignored duplicates', () => {
    const input = Buffer.from(
      '\xEF\xBB\xBF[OAUTH2]\nuserid=a\nClientID=c\nUSERID=stale\n\n; next\n[Other]\nx=1\n[oauth2]\nUserID=stale2\nProvider=9',
      'latin1',
    );
    const result = mergeIni(parseIni(input), [
      {
        section: 'OAUTH2',
        entries: [
          ['UserID', 'b'],
          ['ClientID', 'c'],
          ['Provider', '1'],
        ],
      },
      { section: 'RefreshTokenWizard', entries: [['issuedAt', '2025-01-01T00:00:00Z']] },
    ]);
    // The BOM stays, on a line of its own: Windows would not see a header on its line.
    expect(result.bytes.toString('latin1')).toBe(
      '\xEF\xBB\xBF\r\n[OAUTH2]\r\nUserID=b\r\nClientID=c\r\nProvider=1\r\n\r\n; next\r\n[Other]\r\nx=1\r\n[oauth2]\r\n' +
        '\r\n[RefreshTokenWizard]\r\nissuedAt=2025-01-01T00:00:00Z\r\n',
    );
    expect(result.changed).toEqual([{ section: 'OAUTH2', key: 'UserID' }]);
    expect(result.added).toEqual([
      { section: 'OAUTH2', key: 'Provider' },
      { section: 'RefreshTokenWizard', key: 'issuedAt' },
    ]);
    expect(result.duplicatesRemoved).toEqual([
      { section: 'OAUTH2', key: 'UserID' },
      { section: 'OAUTH2', key: 'Provider' },
    ]);
  });

  it('refuses names that readers would parse as structure', () => {
    for (const key of ['a=b', '[x]', ';c', 'a b', 'a:b', 'k[]', '__proto__', '', 'é']) {
      const error = errorOf(() => mergeIni(EMPTY_INI, [{ section: 'S', entries: [[key, 'v']] }]));
      expect(RtwError.is(error, 'value-unwritable')).toBe(true);
    }
    const dup = errorOf(() =>
      mergeIni(EMPTY_INI, [
        {
          section: 'S',
          entries: [
            ['a', '1'],
            ['A', '2'],
          ],
        },
      ]),
    );
    expect(RtwError.is(dup, 'value-unwritable')).toBe(true);
  });

  it('gives byte-exact values through the reference reader for many keys at once', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(writable, edgy), { maxLength: 20 }), (values) => {
        const file = fileWith(values);
        values.forEach((v, i) => {
          expect(getPrivateProfileBytes(file, 'OAUTH2', `k${i}`)?.equals(Buffer.from(v, 'utf8'))).toBe(true);
        });
      }),
    );
  });
});
