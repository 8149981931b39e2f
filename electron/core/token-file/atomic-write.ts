/**
 * Replacing a file so that readers see either the old bytes or the new ones, never a half-written file, and
 * keeping the old bytes in `<file>.bak`.
 *
 * The token file holds a client secret and a refresh token (mail access for up to 90 days). A new file and every
 * backup are created owner-only (0o600). A file that replaces another keeps that one's owner, group and mode when
 * the caller asks (`keep`): the sending program may read it as another account (root's scheduled refresh of a file
 * `nobody:nogroup 0640`), and the admin chose who may read it. On Windows there is no owner or mode to give (the
 * mode's only bit is read-only), and a rename does not carry the replaced file's ACL over: the new file gets the
 * ACL inherited from its folder (MoveFileExW; Node cannot call ReplaceFileW, which would keep the DACL), so an
 * explicit ACL on the file itself is not kept: see docs/data-and-secrets.*.md.
 *
 * The new file is written before the backup: a backup that cannot be written (a full disk with room for one file)
 * is reported, not a reason to lose the new bytes, which for a refresh are a token the provider has already issued.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RtwError } from '../errors.js';

/** The file-system calls atomic writing uses; tests pass a wrapper to inject faults. */
export type AtomicFs = Pick<typeof fsp, 'open' | 'rename' | 'readFile' | 'unlink'>;

/** The owner, group and mode a replacing file is given (those of the file it replaces). */
export interface FileOwnership {
  readonly uid: number;
  readonly gid: number;
  /** Permission bits; set-id and sticky bits are not carried over. */
  readonly mode: number;
}

/** How to replace a file. */
export interface AtomicWriteOptions {
  /** Copy the file being replaced to `<file>.bak` (default true). */
  readonly backup?: boolean;
  /**
   * The bytes being replaced, as the caller read them (null: there was no file), so the backup is what the caller
   * read through its own descriptor; undefined: read `target` now.
   */
  readonly previous?: Uint8Array | null;
  /** Give the new file these (POSIX); default owner-only, the writer's. */
  readonly keep?: FileOwnership;
  /**
   * Throws when `target` no longer names the file the caller read. Called before anything but the temp file is
   * written, and again right before the rename; the error it throws is passed on as it is.
   */
  readonly verify?: () => Promise<void>;
  /** For fault-injection tests only. */
  readonly fs?: AtomicFs;
}

/** What replacing did. */
export interface AtomicWriteResult {
  /** The file did not exist before. */
  readonly created: boolean;
  /** Where the previous bytes were saved, if there were any and saving them worked. */
  readonly backupPath?: string;
  /** Where the previous bytes could not be saved, and why; the new file was written all the same. */
  readonly backupFailed?: BackupFailure;
}

/** A backup that could not be written: where it would have gone, and why (`ENOSPC`, `EISDIR`…). */
export interface BackupFailure {
  readonly file: string;
  readonly reason: string;
}

/** Owner read/write only: the file holds credentials. */
export const OWNER_ONLY = 0o600;

function errorCode(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return typeof code === 'string' ? code : error.message;
  }
  return String(error);
}

/** A name in the target's own directory (rename is atomic only within one file system) that nobody else uses. */
function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * A temp file this old is a leftover: a write takes milliseconds. Should a writer stall this long between
 * creating its temp file and renaming it, its rename fails once the file is swept: that write is reported as
 * failed and the target is left as it was, never half-written.
 */
export const STALE_TEMP_MS = 10 * 60_000;

/** Temp names `tempPath` gives `target` and its backup. */
function isTempNameOf(target: string, name: string): boolean {
  const base = basename(target);
  if (!name.startsWith(`.${base}.`) || !name.endsWith('.tmp')) return false;
  return /^(bak\.)?\d+\.[0-9a-f]{12}\.tmp$/.test(name.slice(base.length + 2));
}

/**
 * Removes the temp files a killed or crashed writer left beside `target` (a kill between creating and renaming
 * one leaves it behind: owner-only, but holding the secret and a refresh token). Best effort, after a write.
 */
async function sweepStaleTemps(target: string, now: number): Promise<void> {
  const dir = dirname(target);
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => isTempNameOf(target, n))) {
    const path = join(dir, name);
    const stat = await fsp.lstat(path).catch(() => undefined);
    if (stat?.isFile() === true && now - stat.mtimeMs > STALE_TEMP_MS)
      await fsp.unlink(path).catch(() => undefined);
  }
}

/**
 * Creates a new file with the bytes, flushed to disk: owner-only, or with `keep`'s owner, group and mode (given
 * before a byte is written); returns its path.
 */
async function writeTemp(
  fs: AtomicFs,
  target: string,
  data: Uint8Array,
  temps: string[],
  keep?: FileOwnership,
): Promise<string> {
  const path = tempPath(target);
  // `wx`: fail rather than follow a symlink or reuse a file someone planted under the temp name.
  const handle = await fs.open(path, 'wx', OWNER_ONLY);
  temps.push(path);
  try {
    if (keep !== undefined && process.platform !== 'win32') {
      const made = await handle.stat();
      if (made.uid !== keep.uid || made.gid !== keep.gid) {
        try {
          await handle.chown(keep.uid, keep.gid);
        } catch (error) {
          throw new RtwError(
            'file-owner',
            { path: target, uid: keep.uid, gid: keep.gid, reason: errorCode(error) },
            { cause: error },
          );
        }
      }
      await handle.chmod(keep.mode & 0o777);
    } else {
      // The umask can only remove bits from 0o600; chmod makes the mode exact either way.
      await handle.chmod(OWNER_ONLY);
    }
    await handle.writeFile(data);
    // Flushed before the rename: otherwise a crash can leave the new name pointing at an empty file.
    await handle.sync();
  } finally {
    await handle.close();
  }
  return path;
}

/** Flushes the directory entry of a rename; best effort. */
async function syncDirectory(fs: AtomicFs, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory (EISDIR/EPERM) and some file systems refuse fsync on one (EINVAL):
    // there the rename is as durable as the platform allows. Any other failure comes after the rename, when
    // the new file is already in place; reporting the write as failed would then be false.
  }
}

/**
 * Atomically replaces (or creates) `target` with `data`: temp file in the same directory (given `keep`'s owner and
 * mode), fsync, `verify`, backup of the old bytes to `<target>.bak` (itself replaced atomically; a failure is
 * reported as `backupFailed`), `verify` again, rename, directory fsync.
 * On failure the temp files are removed, `target` is untouched, and `verify`'s error or an RtwError (`file-owner`,
 * else `file-unwritable`) is thrown. After a success, stale temp files of earlier, killed writers are removed too.
 */
export async function atomicWriteFile(
  target: string,
  data: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<AtomicWriteResult> {
  const fs = options.fs ?? fsp;
  const temps: string[] = [];
  let backupPath: string | undefined;
  let backupFailed: BackupFailure | undefined;
  let created = true;
  try {
    const temp = await writeTemp(fs, target, data, temps, options.keep);
    await options.verify?.();
    // Read now, not when the caller planned the change, so the backup is what is actually replaced (unless the
    // caller read it through its own descriptor and passes those bytes).
    const previous =
      options.previous === undefined ? await readIfExists(fs, target) : (options.previous ?? undefined);
    if (previous !== undefined) {
      created = false;
      if (options.backup !== false) {
        try {
          const backupTemp = await writeTemp(fs, `${target}.bak`, previous, temps);
          await fs.rename(backupTemp, `${target}.bak`);
          temps.splice(temps.indexOf(backupTemp), 1);
          backupPath = `${target}.bak`;
        } catch (error) {
          // The new file matters more than the copy of the old one: go on, and say so.
          backupFailed = { file: `${target}.bak`, reason: errorCode(error) };
          const backupTemps = temps.filter((t) => t !== temp);
          await Promise.all(backupTemps.map((path) => fs.unlink(path).catch(() => undefined)));
          temps.splice(0, temps.length, temp);
        }
      }
    }
    await options.verify?.();
    await fs.rename(temp, target);
    temps.splice(temps.indexOf(temp), 1);
  } catch (error) {
    await Promise.all(temps.map((path) => fs.unlink(path).catch(() => undefined)));
    if (RtwError.is(error)) throw error;
    throw new RtwError('file-unwritable', { path: target, reason: errorCode(error) }, { cause: error });
  }
  await syncDirectory(fs, dirname(target));
  await sweepStaleTemps(target, Date.now());
  return {
    created,
    ...(backupPath === undefined ? {} : { backupPath }),
    ...(backupFailed === undefined ? {} : { backupFailed }),
  };
}

async function readIfExists(fs: AtomicFs, path: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}
