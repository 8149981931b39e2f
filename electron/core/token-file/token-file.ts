/**
 * The SMAIL token file (`smail_refresh_token.ini`): reading it, saying what a write would change, writing it.
 *
 * Legacy senders read the `[OAUTH2]` section with GetPrivateProfileString; the wizard remembers its own data
 * (issue time, tenant, cloud, scopes…) in `[RefreshTokenWizard]`, which they never ask for. Everything else
 * in the file belongs to the admin and keeps its bytes. Errors name keys and paths, never values: the values
 * are secrets.
 *
 * A write opens the file once (after write-target.ts has decided which file that may be), reads it through that
 * descriptor, and replaces it only if the path still names that file (device and inode) right before the rename:
 * a file renamed away, or replaced by another file or a link while a refresh waited for the identity provider,
 * stops the write with nothing written. The replacing file keeps the owner, group and mode of the one it replaces;
 * a read-only file is refused.
 */
import { Buffer } from 'node:buffer';
import type { BigIntStats } from 'node:fs';
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { atomicWriteFile } from './atomic-write.js';
import type { AtomicFs, BackupFailure, FileOwnership } from './atomic-write.js';
import { resolveWriteTarget } from './write-target.js';
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
  /** The backup that could not be written, and why (`ENOSPC`…): the file was written all the same. */
  backupFailed?: BackupFailure;
  warnings: PortabilityWarning[];
}

/** Test hooks for `writeTokenFile`. */
export interface TokenFileWriteOptions {
  /** Fault injection for the atomic replace. */
  fs?: AtomicFs;
}

const OAUTH2_KEY_SET: ReadonlySet<string> = new Set(OAUTH2_KEYS);

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

/** Reads the token file as legacy senders would; `{ exists: false }` when there is none. */
export async function readTokenFile(
  path: string,
): Promise<(TokenFileContent & { exists: true }) | { exists: false }> {
  const bytes = await readBytes(path);
  if (bytes === undefined) return { exists: false };
  return { exists: true, ...contentOf(parseChecked(path, bytes)) };
}

/** What a parsed file holds, as Windows reads it. */
function contentOf(parsed: ParsedIni): TokenFileContent {
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
  if (!parsed.bom) return { oauth2, meta };
  const hides = sectionOnBomLine(parsed);
  return { oauth2, meta, byteOrderMark: hides === undefined ? {} : { hides } };
}

/** A token file opened for one read–change–write (see `openTokenFile`). */
export interface OpenTokenFile {
  /** The file a write goes to: `path` itself, or where the owner's own safe link leads. */
  readonly path: string;
  /** What the file held when opened. */
  readonly content: (TokenFileContent & { exists: true }) | { exists: false };
  /** What writing the values would change, against the bytes read when opened; writes nothing. */
  plan(update: TokenFileUpdate): TokenFilePlan;
  /**
   * Writes the values: merged into the file's bytes read again through the same descriptor (an edit made in place
   * meanwhile is kept), and only if the path still names the file opened (`file-changed` otherwise, nothing
   * written). Once per opening.
   */
  write(update: TokenFileUpdate, options?: TokenFileWriteOptions): Promise<TokenFileWriteResult>;
  /** Closes the descriptor (a write closes it too); safe to call twice. */
  close(): Promise<void>;
}

/** POSIX: never follow a link the checks did not see, and never block on a FIFO swapped in; Windows has neither. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Whether two stats are the same file. */
function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Every byte of the file, from its start, through the descriptor (one read when the size is right). */
async function readAll(handle: fsp.FileHandle, sizeHint: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let position = 0, size = Math.max(sizeHint, 4096); ; size = 64 * 1024) {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(size), 0, size, position);
    if (bytesRead > 0) chunks.push(buffer.subarray(0, bytesRead));
    position += bytesRead;
    // A short read is the end (a regular file); a full one may have more behind it.
    if (bytesRead < size) return Buffer.concat(chunks);
  }
}

/** The file's identity and bytes through an open descriptor; `file-unsafe`/`file-read-only` refusals first. */
async function openChecked(
  given: string,
  target: string,
): Promise<{ handle: fsp.FileHandle; stat: BigIntStats; bytes: Buffer } | undefined> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(target, OPEN_FLAGS);
  } catch (error) {
    if (reasonOf(error) === 'ENOENT') return undefined;
    // ELOOP: a link appeared after the checks (O_NOFOLLOW); the run may simply be repeated.
    if (reasonOf(error) === 'ELOOP') throw new RtwError('file-changed', { path: given }, { cause: error });
    throw new RtwError('file-unreadable', { path: target, reason: reasonOf(error) }, { cause: error });
  }
  try {
    const stat = await handle.stat({ bigint: true });
    if (!stat.isFile()) throw new RtwError('file-unsafe', { path: given, reason: 'not-a-file' });
    // No write bit for anyone (chmod 444, Windows' read-only attribute): someone meant it not to change.
    if ((Number(stat.mode) & 0o222) === 0) throw new RtwError('file-read-only', { path: target });
    return { handle, stat, bytes: await readAll(handle, Number(stat.size) + 1) };
  } catch (error) {
    await handle.close();
    if (RtwError.is(error)) throw error;
    throw new RtwError('file-unreadable', { path: target, reason: reasonOf(error) }, { cause: error });
  }
}

/**
 * Opens the token file for a read–change–write: decides which file a write may go to (write-target.ts: no link
 * someone else could have made, no link to nothing), opens it once without following links, refuses a read-only
 * one, and reads it. Hold it across the wait for the identity provider, under the file's lock; close it after.
 */
export async function openTokenFile(path: string): Promise<OpenTokenFile> {
  const file = await open(path);
  return { ...file, write: (update, options = {}) => file.write(update, options, true) };
}

/** `openTokenFile`, with a write that may skip reading the file again (`reread` false: it was read just now). */
async function open(path: string): Promise<
  Omit<OpenTokenFile, 'write'> & {
    write(
      update: TokenFileUpdate,
      options: TokenFileWriteOptions,
      reread: boolean,
    ): Promise<TokenFileWriteResult>;
  }
> {
  const target = await resolveWriteTarget(path);
  const opened = await openChecked(path, target);
  const parsed = opened === undefined ? EMPTY_INI : parseChecked(target, opened.bytes);
  let handle = opened?.handle;
  let used = false;
  const close = async (): Promise<void> => {
    const open = handle;
    handle = undefined;
    await open?.close();
  };

  /** Throws `file-changed` unless the path still leads to the file opened (or still to no file). */
  const verify = async (): Promise<void> => {
    const now = await fsp.lstat(target, { bigint: true }).catch((error: unknown) => {
      if (reasonOf(error) === 'ENOENT') return undefined;
      throw error;
    });
    const same =
      opened === undefined ? now === undefined : now?.isFile() === true && sameFile(now, opened.stat);
    // Through the owner's own link: the link must still lead here (only its owner or root can change it).
    const leads = target === path || (await fsp.realpath(path).catch(() => undefined)) === target;
    if (!same || !leads) throw new RtwError('file-changed', { path });
  };

  const write = async (
    update: TokenFileUpdate,
    options: TokenFileWriteOptions,
    reread: boolean,
  ): Promise<TokenFileWriteResult> => {
    if (used) throw new Error('an opened token file is written once');
    used = true;
    const updates = toSectionUpdates(update);
    const warnings = warningsFor(updates);
    try {
      // Read again through the descriptor: the same file, with any edit an admin saved in place meanwhile.
      const existing =
        handle === undefined || opened === undefined || !reread
          ? opened?.bytes
          : await readAll(handle, opened.bytes.length + 1);
      const merge = mergeIni(
        existing === undefined
          ? EMPTY_INI
          : existing === opened?.bytes
            ? parsed
            : parseChecked(target, existing),
        updates,
      );
      if (existing?.equals(merge.bytes)) return { path: target, created: false, written: false, warnings };
      const keep: FileOwnership | undefined =
        opened === undefined
          ? undefined
          : { uid: Number(opened.stat.uid), gid: Number(opened.stat.gid), mode: Number(opened.stat.mode) };
      const result = await atomicWriteFile(target, merge.bytes, {
        previous: existing ?? null,
        ...(keep === undefined ? {} : { keep }),
        // Closed before the rename (Windows may refuse to replace a file that is open), once the temp is written.
        verify: async () => {
          await close();
          await verify();
        },
        ...(options.fs === undefined ? {} : { fs: options.fs }),
      });
      return { path: target, ...result, written: true, warnings };
    } finally {
      await close();
    }
  };

  const plan = (update: TokenFileUpdate): TokenFilePlan => {
    const updates = toSectionUpdates(update);
    const merge = mergeIni(parsed, updates);
    const names = (list: MergeResult['changed']): string[] => list.map((k) => qualifiedKey(k.section, k.key));
    return {
      exists: opened !== undefined,
      // A new file "adds" every key; nothing "changes".
      changedKeys: names(merge.changed),
      addedKeys: names(merge.added),
      duplicatesRemoved: names(merge.duplicatesRemoved),
      warnings: warningsFor(updates),
    };
  };

  let content: OpenTokenFile['content'] | undefined;
  return {
    path: target,
    get content() {
      content ??= opened === undefined ? { exists: false } : { exists: true, ...contentOf(parsed) };
      return content;
    },
    plan,
    write,
    close,
  };
}

/**
 * Says which keys a write would change or add, and which values other readers would misread; writes nothing.
 * Refuses, as the write would, a path that is not safe to write or a read-only file: before a sign-in.
 */
export async function planTokenFileWrite(path: string, update: TokenFileUpdate): Promise<TokenFilePlan> {
  toSectionUpdates(update);
  const file = await open(path);
  try {
    return file.plan(update);
  } finally {
    await file.close();
  }
}

/**
 * Writes the values into the token file: atomically, with the previous file kept in `<file>.bak`, every line
 * we do not manage kept byte for byte (see `openTokenFile` for what is refused). Every value is checked before
 * the disk is touched.
 */
export async function writeTokenFile(
  path: string,
  update: TokenFileUpdate,
  options: TokenFileWriteOptions = {},
): Promise<TokenFileWriteResult> {
  toSectionUpdates(update);
  const file = await open(path);
  return file.write(update, options, false);
}
