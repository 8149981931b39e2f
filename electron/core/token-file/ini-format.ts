/**
 * INI text as legacy Windows senders read it (GetPrivateProfileString), and the smallest edit that writes
 * our values into it.
 *
 * The file is handled as bytes: every line is kept as a latin1 string (one char per byte), so lines we do not
 * manage (Shift_JIS, UTF-8, anything) come back out byte for byte. Our own values are UTF-8. Only ASCII bytes
 * carry meaning here (`[ ] = ; #`, whitespace, quotes, key names); UTF-8 never uses ASCII bytes inside a
 * multi-byte character, and in Shift_JIS none of `= ; #` can be a trail byte, so a key line is never misread.
 *
 * Reading model, from Wine's kernel32 profile.c (the public reimplementation of the Windows profile API):
 * - `PROFILE_Load` ends a line at CR, LF or any run of them (Wine's conformance test reads a CR-only file as
 *   Windows does), trims both ends of a line with `PROFILE_isspace` (isspace plus `\r` and
 *   ^Z), treats a line starting with `[` and containing a `]` as a section header (name = bytes up to the
 *   last `]`), and otherwise splits at the FIRST `=`: the key is trimmed, the value is everything after the
 *   `=` to the end of the line, trimmed. A line without `=` is a key with no value (lookups get the default).
 *   `;` and `#` are not special inside a value; a line starting with them is kept by Wine as a key named
 *   `;…`, which no lookup of a real key matches, so it behaves as the comment Windows treats it as.
 * - `PROFILE_Find` compares section and key names case-insensitively, searches only the first section of
 *   a name, and returns the first matching key.
 * - `PROFILE_CopyEntry` strips ONE pair of enclosing quotes when the value is at least two characters long,
 *   starts with `"` or `'` and ends with the same character.
 * Where Windows differs from Wine: Windows reads a file without a UTF-16LE BOM in the ANSI code page and does not
 * skip a UTF-8 BOM, so a section header on the BOM's line is not a header to it (test/fixtures/windows-profile-reader.ts
 * cites the sources). We parse such a file as if the header were there (to update it) and never write a header on
 * that line.
 *
 * Why not the `ini` npm package for writing: it escapes `;` and `#` as `\;` `\#` and JSON-quotes values with
 * `=`, bytes a Windows reader takes literally, and it re-serialises the whole file, losing comments and
 * the bytes of lines it does not own. It stays in the tests as one of the readers we check against.
 */
import { Buffer } from 'node:buffer';
import { RtwError } from '../errors.js';

/** The readers besides Windows that we check every written value against. */
export type OtherReader = 'ini' | 'python';

/** What a physical line of an INI file is, as the Windows profile API sees it. */
export type IniLineKind = 'blank' | 'comment' | 'section' | 'entry' | 'bare';

/** One physical line of an INI file. */
export interface IniLine {
  /** The line's bytes without its line ending, one char per byte (latin1). */
  readonly raw: string;
  readonly kind: IniLineKind;
  /** Section name (kind `section`) or key name (kinds `entry` and `bare`), as bytes. */
  readonly name?: string;
  /** The value GetPrivateProfileString returns for this line (kind `entry`), as bytes. */
  readonly value?: string;
  /** Index of the header line of the section this line is in (its own index for a header); -1 before any. */
  readonly block: number;
}

/** An INI file split into lines, keeping every byte. */
export interface ParsedIni {
  /**
   * The file started with a UTF-8 byte order mark (kept when writing back). Windows does not skip it: a section
   * header on its line (`lines[0]`) is not recognised there (see `sectionOnBomLine`).
   */
  readonly bom: boolean;
  readonly lines: readonly IniLine[];
}

/** The values to write into one section, in the order new keys are appended. */
export interface SectionUpdate {
  readonly section: string;
  readonly entries: ReadonlyArray<readonly [key: string, value: string]>;
}

/** What merging did, per section and key. */
export interface MergeResult {
  /** The new file, CRLF line endings, final CRLF. */
  readonly bytes: Buffer;
  /** Keys whose value as Windows reads it changes. */
  readonly changed: ReadonlyArray<{ section: string; key: string }>;
  /** Keys that were not present (or present only where Windows does not look) and are appended. */
  readonly added: ReadonlyArray<{ section: string; key: string }>;
  /** Keys of which later occurrences were removed (Windows ignored them; other readers would not). */
  readonly duplicatesRemoved: ReadonlyArray<{ section: string; key: string }>;
}

const UTF8_BOM = '\xEF\xBB\xBF';
const CRLF = '\r\n';

/** Wine's PROFILE_isspace on ASCII: isspace() plus CR and ^Z (the DOS end-of-file mark). */
function isProfileSpace(ch: string): boolean {
  return (
    ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r' || ch === '\x1A'
  );
}

function trimProfile(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isProfileSpace(s.charAt(start))) start++;
  while (end > start && isProfileSpace(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

/** PROFILE_CopyEntry: one pair of enclosing quotes goes, only if there are two characters to strip. */
function stripQuotes(s: string): string {
  const first = s.charAt(0);
  return s.length >= 2 && (first === '"' || first === "'") && s.charAt(s.length - 1) === first
    ? s.slice(1, -1)
    : s;
}

/**
 * ASCII-only case folding. `toLowerCase()` on a latin1 string would also fold bytes 0xC0–0xDE, which are
 * parts of UTF-8 or Shift_JIS characters, not letters; our names are ASCII anyway.
 */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** Section and key names compare case-insensitively, as in the Windows profile API. */
export function sameIniName(a: string, b: string): boolean {
  return asciiLower(a) === asciiLower(b);
}

/** A UTF-8 string as latin1 bytes-in-a-string, the form the parsed file is in. */
function toBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** Bytes-in-a-string back to text; values we wrote are UTF-8. */
function fromBytes(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

/** Why the file's bytes cannot be edited as an ANSI/UTF-8 INI file, or undefined if they can. */
export function iniFormatProblem(bytes: Uint8Array): string | undefined {
  // UTF-16 (and UTF-32) files are legal for the profile API, but editing their bytes as ANSI would corrupt
  // them; a NUL byte means binary or UTF-16 without a BOM.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.includes(0)) return 'nul-bytes';
  return undefined;
}

function classify(raw: string): Omit<IniLine, 'block'> {
  const t = trimProfile(raw);
  if (t === '') return { raw, kind: 'blank' };
  if (t.startsWith('[')) {
    // Wine looks for the LAST `]` (memrchrW); text after it is ignored. Without one it is a key line.
    const end = t.lastIndexOf(']');
    if (end > 0) return { raw, kind: 'section', name: t.slice(1, end) };
  }
  if (t.startsWith(';') || t.startsWith('#')) return { raw, kind: 'comment' };
  const eq = t.indexOf('=');
  if (eq < 0) return { raw, kind: 'bare', name: t };
  return {
    raw,
    kind: 'entry',
    name: trimProfile(t.slice(0, eq)),
    value: stripQuotes(trimProfile(t.slice(eq + 1))),
  };
}

/**
 * Splits INI bytes into lines, keeping every byte but the line ends; check `iniFormatProblem` first. CR, LF and
 * CRLF all end a line, as for Windows: a CR-only file (old Mac editors, some printers' exports) is as many lines.
 */
export function parseIni(bytes: Uint8Array): ParsedIni {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const bom = text.startsWith(UTF8_BOM);
  if (bom) text = text.slice(UTF8_BOM.length);
  const rawLines = text.split(/\r\n|\r|\n/);
  // "a\r\n" splits into ["a", ""]: the empty tail is not a line.
  if (rawLines[rawLines.length - 1] === '') rawLines.pop();
  const lines: IniLine[] = [];
  let block = -1;
  for (const rawLine of rawLines) {
    const line = classify(rawLine);
    if (line.kind === 'section') block = lines.length;
    lines.push({ ...line, block });
  }
  return { bom, lines };
}

function isKeyLine(line: IniLine): boolean {
  return line.kind === 'entry' || line.kind === 'bare';
}

/** Index of the first header of a section: the only one Windows reads. */
function firstHeader(parsed: ParsedIni, section: string): number {
  return parsed.lines.findIndex((l) => l.kind === 'section' && sameIniName(l.name ?? '', toBytes(section)));
}

/**
 * The keys of a section as Windows sees them: the first section of that name, first occurrence of each key.
 * A key present without `=` has value `undefined` (Windows returns the caller's default).
 */
export function readIniSection(parsed: ParsedIni, section: string): Array<{ key: string; value?: string }> {
  const header = firstHeader(parsed, section);
  if (header < 0) return [];
  const seen = new Set<string>();
  const out: Array<{ key: string; value?: string }> = [];
  for (const line of parsed.lines) {
    if (line.block !== header || !isKeyLine(line)) continue;
    const folded = asciiLower(line.name ?? '');
    if (seen.has(folded)) continue;
    seen.add(folded);
    const key = fromBytes(line.name ?? '');
    out.push(line.value === undefined ? { key } : { key, value: fromBytes(line.value) });
  }
  return out;
}

/**
 * The name of the section whose header shares line 1 with a UTF-8 BOM, which Windows does not see as a header (its
 * keys then belong to no section for the sender), or undefined.
 */
export function sectionOnBomLine(parsed: ParsedIni): string | undefined {
  const first = parsed.lines[0];
  return parsed.bom && first?.kind === 'section' ? first.name : undefined;
}

/** Whether the section exists (its first header). */
export function hasIniSection(parsed: ParsedIni, section: string): boolean {
  return firstHeader(parsed, section) >= 0;
}

/** Key and section names we write: plain ASCII that every reader takes literally and cannot mistake. */
const PLAIN_NAME = /^[A-Za-z0-9_.-]+$/;

/** Refuses a key or section name no reader would give back unchanged. */
export function assertIniName(name: string): void {
  // `[`, `=`, `;`, `#`, `:` (Python's other delimiter), whitespace and `[]` (ini's array suffix) would all be
  // read as structure by some reader; `__proto__` is dropped by the `ini` package.
  if (!PLAIN_NAME.test(name) || name === '__proto__') {
    throw new RtwError('value-unwritable', { key: name, reason: 'name-not-plain' });
  }
}

/** Refuses a value that no INI reader can give back: line breaks, NUL, or text that is not valid Unicode. */
export function assertIniValue(key: string, value: string): void {
  if (typeof value !== 'string') throw new RtwError('value-unwritable', { key, reason: 'not-a-string' });
  // A CR or LF would end the line (and could start a new key or section); NUL ends C strings.
  if (/[\r\n\0]/.test(value)) throw new RtwError('value-unwritable', { key, reason: 'line-break-or-nul' });
  // A lone surrogate has no UTF-8 form: it would be written as U+FFFD and read back different.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    throw new RtwError('value-unwritable', { key, reason: 'invalid-unicode' });
  }
}

/**
 * An edge code point some reader trims: ASCII whitespace and controls, DEL, C1 controls (U+0085 is Python
 * whitespace), and Unicode whitespace (Wine trims with isspaceW after decoding, so a system whose ANSI code
 * page is UTF-8 trims U+3000 or U+00A0; JS `\s` is the same set plus U+FEFF).
 */
function isBlankEdge(codePoint: number): boolean {
  return (
    codePoint <= 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    /\s/u.test(String.fromCodePoint(codePoint))
  );
}

/**
 * Whether the value must be written in double quotes for Windows to read it back.
 *
 * Non-ASCII values stay raw unless an edge is blank: UTF-8 lead bytes are never blank in any code page, but a
 * value whose LAST byte is 0xA0 (a code point ending in 0x20 in its low six bits, such as `à` = C3 A0) would
 * end in a no-break space when an ANSI reader decodes it as code page 1252, and isspace trims that.
 */
function needsQuotes(value: string): boolean {
  if (value === '') return false;
  const first = value.codePointAt(0) ?? 0;
  const lastUnit = value.charCodeAt(value.length - 1);
  const last =
    lastUnit >= 0xdc00 && lastUnit <= 0xdfff ? (value.codePointAt(value.length - 2) ?? 0) : lastUnit;
  if (isBlankEdge(first) || isBlankEdge(last) || (last >= 0x80 && (last & 0x3f) === 0x20)) return true;
  // A value that itself starts and ends with one quote char would lose those quotes: wrap it in another pair.
  // A lone `"` is wrapped too: Wine would keep it, but a reader that strips a 1-char "pair" would not.
  const quote = value.charAt(0);
  return (quote === '"' || quote === "'") && value.charAt(value.length - 1) === quote;
}

/**
 * The text after `Key=` that GetPrivateProfileString reads back as exactly `value`.
 *
 * Raw when that is safe; otherwise wrapped in one pair of double quotes, which Windows strips after trimming,
 * so the inside (spaces, tabs, quotes and all) is returned as is. Nothing is escaped: Windows has no escapes.
 */
export function encodeIniValue(key: string, value: string): string {
  assertIniValue(key, value);
  return needsQuotes(value) ? `"${value}"` : value;
}

/**
 * The readers besides Windows that would read something other than `value` from `encodeIniValue`'s text
 * (measured against ini 6 and Python 3.11's RawConfigParser; see the tests).
 *
 * - `ini`: reads raw text with `;`/`#` as comment starts and `\\` `\;` `\#` as escapes; JSON-parses text in
 *   double quotes (so it gets quoted values back unless they hold `"`, `\` or control characters); turns
 *   `true`/`false`/`null` into non-strings; skips a line holding U+2028/U+2029 (its regex `.` stops there).
 * - `python`: strips whitespace and never strips quotes, so it misreads exactly the quoted values.
 */
export function readersMisreading(value: string): OtherReader[] {
  const quoted = needsQuotes(value);
  const readers: OtherReader[] = [];
  if (!iniReadsBack(value, quoted)) readers.push('ini');
  if (quoted) readers.push('python');
  return readers;
}

function iniReadsBack(value: string, quoted: boolean): boolean {
  if (/[\u2028\u2029]/.test(value)) return false;
  if (value === 'true' || value === 'false' || value === 'null') return false;
  // eslint-disable-next-line no-control-regex -- JSON strings cannot hold raw control characters
  if (quoted) return !/["\\\u0000-\u001f]/.test(value);
  return !/[;#]/.test(value) && !value.includes('\\\\');
}

/** Refuses bad names, bad values and keys repeated (case-insensitively) before anything is computed. */
export function assertSectionUpdates(updates: readonly SectionUpdate[]): void {
  const sections = new Set<string>();
  for (const update of updates) {
    assertIniName(update.section);
    if (sections.has(asciiLower(update.section))) {
      throw new RtwError('value-unwritable', { key: update.section, reason: 'duplicate-section' });
    }
    sections.add(asciiLower(update.section));
    const keys = new Set<string>();
    for (const [key, value] of update.entries) {
      assertIniName(key);
      // Keys are case-insensitive for Windows and Python: `a` and `A` would be one key.
      if (keys.has(asciiLower(key))) throw new RtwError('value-unwritable', { key, reason: 'duplicate-key' });
      keys.add(asciiLower(key));
      assertIniValue(key, value);
    }
  }
}

/**
 * Writes the updates into a parsed file (or a new one), changing only the lines of the keys written.
 *
 * - A key's first occurrence in the first section of its name is rewritten in place as `Key=value` (canonical
 *   spelling and encoding) unless it is already exactly that; a key not there is appended after the
 *   section's last key line; a missing section is appended at the end of the file.
 * - Later occurrences of a written key (in that section or in a later section of the same name) are removed:
 *   Windows never reads them, but the `ini` package takes the LAST occurrence (it would read the stale value)
 *   and Python's strict parser refuses duplicates altogether.
 * - Every other line keeps its bytes; all lines end in CRLF; a UTF-8 BOM stays, on a line of its own when a
 *   section header would follow it (Windows would not see that header).
 */
export function mergeIni(parsed: ParsedIni, updates: readonly SectionUpdate[]): MergeResult {
  assertSectionUpdates(updates);
  const { lines } = parsed;
  const replaced = new Map<number, string>();
  const removed = new Set<number>();
  const appended = new Map<number, string[]>();
  const newSections: string[][] = [];
  const changed: Array<{ section: string; key: string }> = [];
  const added: Array<{ section: string; key: string }> = [];
  const duplicatesRemoved: Array<{ section: string; key: string }> = [];

  for (const { section, entries } of updates) {
    const header = firstHeader(parsed, section);
    const inSection = (line: IniLine): boolean =>
      line.block >= 0 && sameIniName(lines[line.block]?.name ?? '', section);
    let anchor = header;
    lines.forEach((line, i) => {
      if (header >= 0 && line.block === header && isKeyLine(line)) anchor = i;
    });
    const fresh: string[] = [];
    for (const [key, value] of entries) {
      const text = toBytes(`${key}=${encodeIniValue(key, value)}`);
      const occurrences = lines.flatMap((line, i) =>
        isKeyLine(line) && inSection(line) && sameIniName(line.name ?? '', key) ? [i] : [],
      );
      const first = occurrences[0];
      let duplicates = occurrences;
      if (first !== undefined && lines[first]?.block === header) {
        const old = lines[first];
        if (old.value !== toBytes(value)) changed.push({ section, key });
        if (old.raw !== text) replaced.set(first, text);
        duplicates = occurrences.slice(1);
      } else {
        added.push({ section, key });
        if (header >= 0) appended.set(anchor, [...(appended.get(anchor) ?? []), text]);
        else fresh.push(text);
      }
      for (const i of duplicates) removed.add(i);
      if (duplicates.length > 0) duplicatesRemoved.push({ section, key });
    }
    if (fresh.length > 0) newSections.push([`[${section}]`, ...fresh]);
  }

  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!removed.has(i)) out.push(replaced.get(i) ?? line.raw);
    out.push(...(appended.get(i) ?? []));
  });
  for (const sectionLines of newSections) {
    const last = out[out.length - 1];
    if (last !== undefined && trimProfile(last) !== '') out.push('');
    out.push(...sectionLines);
  }
  // A file that is only a BOM, or one whose first header shares the BOM's line: the header moves to line 2.
  if (parsed.bom && out[0] !== undefined && classify(out[0]).kind === 'section') out.unshift('');
  const text = (parsed.bom ? UTF8_BOM : '') + out.map((l) => l + CRLF).join('');
  return { bytes: Buffer.from(text, 'latin1'), changed, added, duplicatesRemoved };
}

/** An empty file, for creating one with `mergeIni`. */
export const EMPTY_INI: ParsedIni = { bom: false, lines: [] };
