/**
 * The SMAIL token file (`smail_refresh_token.ini`): reading it, saying what a write would change, writing it.
 *
 * Legacy senders read the `[OAUTH2]` section with GetPrivateProfileString; the wizard remembers its own data
 * (issue time, tenant, cloud, scopes…) in `[RefreshTokenWizard]`, which they never ask for. Everything else
 * in the file belongs to the admin and keeps its bytes. Errors name keys and paths, never values: the values
 * are secrets.
 */
import type { Buffer } from 'node:buffer';
import * as fsp from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { atomicWriteFile } from './atomic-write.js';
import type { AtomicFs } from './atomic-write.js';
import { RtwError } from '../errors.js';
import {
  EMPTY_INI,
  assertSectionUpdates,
  iniFormatProblem,
  mergeIni,
  parseIni,
  readIniSection,
  readersMisreading,
  sameIniName,
  sectionOnBomLine,
} from './ini-format.js';
import type { MergeResult, OtherReader, ParsedIni, SectionUpdate } from './ini-format.js';

import { META_SECTION, OAUTH2_KEYS, OAUTH2_SECTION } from './schema.js';
import type { OAuth2Key } from './schema.js';

export { META_SECTION, OAUTH2_KEYS, OAUTH2_SECTION };
export type { OAuth2Key };

/** What the file holds, as Windows reads it: known keys under their canonical spelling, others as found. */
export interface TokenFileContent {
  oauth2: Partial<Record<OAuth2Key, string>> & Record<string, string>;
  meta: Record<string, string>;
  /**
   * The file starts with a UTF-8 byte order mark, which Windows reads as text on line 1; `hides` names the section
   * whose header shares that line, so that Windows (the sender) sees none of its keys, though they are read here.
   */
  byteOrderMark?: { hides?: string };
}

/** Values to write; an absent (or undefined) key is left as it is in the file. */
export interface TokenFileUpdate {
  oauth2: Partial<Record<OAuth2Key, string>>;
  /** The wizard's own data, an opaque string map; keys are plain ASCII (`[A-Za-z0-9_.-]`). */
  meta?: Record<string, string>;
}

/**
 * A value Windows reads back exactly but another reader would not. `key` is the OAUTH2 key name, or
 * `RefreshTokenWizard.<key>` for the wizard's own data (the same naming as `changedKeys`).
 */
export interface PortabilityWarning {
  key: string;
  readers: OtherReader[];
}

/** What a write would do, for the wizard's "these keys will change" step. */
export interface TokenFilePlan {
  exists: boolean;
  /** Keys present whose value (as Windows reads it) changes. */
  changedKeys: string[];
  /** Keys not present that will be added. */
  addedKeys: string[];
  /** Keys of which later, ignored duplicates will be removed. */
  duplicatesRemoved: string[];
  warnings: PortabilityWarning[];
}

/** What a write did. */
export interface TokenFileWriteResult {
  /** The file written: the resolved target when `path` is a symlink. */
  path: string;
  /** Where the previous bytes were saved. */
  backupPath?: string;
  created: boolean;
  /** False when the file already had exactly these bytes (nothing was written, no backup made). */
  written: boolean;
  warnings: PortabilityWarning[];
}

/** Test hooks for `writeTokenFile`. */
export interface TokenFileWriteOptions {
  /** Fault injection for the atomic replace. */
  fs?: AtomicFs;
}

const OAUTH2_KEY_SET: ReadonlySet<string> = new Set(OAUTH2_KEYS);
/** Symlink hops followed before giving up, as Linux does (MAXSYMLINKS). */
const MAX_SYMLINK_HOPS = 40;

function reasonOf(error: unknown): string {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

function qualifiedKey(section: string, key: string): string {
  return section === OAUTH2_SECTION ? key : `${section}.${key}`;
}

/** The update as section updates, every name and value checked before the disk is touched. */
function toSectionUpdates(update: TokenFileUpdate): SectionUpdate[] {
  const oauth2: Array<[string, string]> = [];
  // Canonical order, so keys appended to a file (or a new file) come out in SMAIL's order.
  for (const key of OAUTH2_KEYS) {
    const value = update.oauth2[key];
    if (value !== undefined) oauth2.push([key, value]);
  }
  for (const key of Object.keys(update.oauth2)) {
    if (!OAUTH2_KEY_SET.has(key))
      throw new RtwError('value-unwritable', { key, reason: 'unknown-oauth2-key' });
  }
  const updates: SectionUpdate[] = [{ section: OAUTH2_SECTION, entries: oauth2 }];
  if (update.meta !== undefined)
    updates.push({ section: META_SECTION, entries: Object.entries(update.meta) });
  assertSectionUpdates(updates);
  return updates;
}

function warningsFor(updates: readonly SectionUpdate[]): PortabilityWarning[] {
  return updates.flatMap(({ section, entries }) =>
    entries.flatMap(([key, value]) => {
      const readers = readersMisreading(value);
      return readers.length > 0 ? [{ key: qualifiedKey(section, key), readers }] : [];
    }),
  );
}

/** The file's bytes, or undefined if there is no file. */
async function readBytes(path: string): Promise<Buffer | undefined> {
  try {
    return await fsp.readFile(path);
  } catch (error) {
    if (reasonOf(error) === 'ENOENT') return undefined;
    throw new RtwError('file-unreadable', { path, reason: reasonOf(error) }, { cause: error });
  }
}

function parseChecked(path: string, bytes: Buffer): ParsedIni {
  const problem = iniFormatProblem(bytes);
  if (problem !== undefined) throw new RtwError('file-format', { path, reason: problem });
  return parseIni(bytes);
}

/**
 * The real file behind `path`, so a symlink is written through and survives (renaming over the link would
 * replace it with a plain file). A dangling link leads to the file it names, which is then created.
 */
async function resolveTarget(path: string, hops = 0): Promise<string> {
  try {
    return await fsp.realpath(path);
  } catch (error) {
    if (reasonOf(error) !== 'ENOENT') {
      throw new RtwError('file-unwritable', { path, reason: reasonOf(error) }, { cause: error });
    }
  }
  let link: string;
  try {
    link = await fsp.readlink(path);
  } catch {
    return resolve(path); // Not a link (or nothing there): a new file at this path.
  }
  if (hops >= MAX_SYMLINK_HOPS) throw new RtwError('file-unwritable', { path, reason: 'ELOOP' });
  return resolveTarget(resolve(dirname(path), link), hops + 1);
}

/** Reads the token file as legacy senders would; `{ exists: false }` when there is none. */
export async function readTokenFile(
  path: string,
): Promise<(TokenFileContent & { exists: true }) | { exists: false }> {
  const bytes = await readBytes(path);
  if (bytes === undefined) return { exists: false };
  const parsed = parseChecked(path, bytes);
  const oauth2: Record<string, string> = {};
  for (const { key, value } of readIniSection(parsed, OAUTH2_SECTION)) {
    // A key without `=` hides later ones from Windows but has no value: leave it out.
    if (value === undefined) continue;
    const canonical = OAUTH2_KEYS.find((known) => sameIniName(known, key)) ?? key;
    oauth2[canonical] = value;
  }
  const meta: Record<string, string> = {};
  for (const { key, value } of readIniSection(parsed, META_SECTION)) {
    if (value !== undefined) meta[key] = value;
  }
  if (!parsed.bom) return { exists: true, oauth2, meta };
  const hides = sectionOnBomLine(parsed);
  return { exists: true, oauth2, meta, byteOrderMark: hides === undefined ? {} : { hides } };
}

async function planAt(
  path: string,
  updates: readonly SectionUpdate[],
): Promise<{ existing?: Buffer; merge: MergeResult }> {
  const existing = await readBytes(path);
  const parsed = existing === undefined ? EMPTY_INI : parseChecked(path, existing);
  return existing === undefined
    ? { merge: mergeIni(parsed, updates) }
    : { existing, merge: mergeIni(parsed, updates) };
}

/** Says which keys a write would change or add, and which values other readers would misread; writes nothing. */
export async function planTokenFileWrite(path: string, update: TokenFileUpdate): Promise<TokenFilePlan> {
  const updates = toSectionUpdates(update);
  const { existing, merge } = await planAt(path, updates);
  const names = (list: MergeResult['changed']): string[] => list.map((k) => qualifiedKey(k.section, k.key));
  return {
    exists: existing !== undefined,
    // A new file "adds" every key; nothing "changes".
    changedKeys: names(merge.changed),
    addedKeys: names(merge.added),
    duplicatesRemoved: names(merge.duplicatesRemoved),
    warnings: warningsFor(updates),
  };
}

/**
 * Writes the values into the token file: atomically, with the previous file kept in `<file>.bak`, every line
 * we do not manage kept byte for byte. Every value is checked before the disk is touched.
 */
export async function writeTokenFile(
  path: string,
  update: TokenFileUpdate,
  options: TokenFileWriteOptions = {},
): Promise<TokenFileWriteResult> {
  const updates = toSectionUpdates(update);
  const warnings = warningsFor(updates);
  const target = await resolveTarget(path);
  const { existing, merge } = await planAt(target, updates);
  if (existing?.equals(merge.bytes)) return { path: target, created: false, written: false, warnings };
  const result = await atomicWriteFile(target, merge.bytes, options.fs ? { fs: options.fs } : {});
  return { path: target, ...result, written: true, warnings };
}
