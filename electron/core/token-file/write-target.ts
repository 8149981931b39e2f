/**
 * Which file a write to the token file's path may go to, when another local user could have arranged the path.
 *
 * The file is written by privileged runs (root's scheduled `rtw refresh`, an administrator's `rtw acquire`), often in
 * a folder the sending program's account can write too. A symlink there is the classic way to make such a writer
 * rewrite a file of the attacker's choosing, or put the token where the attacker can read it. The rules (POSIX):
 * - A symlink is followed only when the writer (its effective uid) or root owns it AND the folder holding it is owned
 *   by the writer or root and writable by no one else (no group or other write bit). That is the case the product
 *   always supported: an admin's own link in their own folder, to keep the file where the sender expects it. Every
 *   hop of a chain is checked so.
 * - A link to nothing is never followed: no file is created where a link points.
 * - Another user's file in a folder others can write is refused: the write keeps the file's owner (the sender's
 *   service account must still read it), and someone able to write that folder may have put it there to be handed
 *   the token.
 * - Anything but a regular file at the end (a folder, a FIFO that would block the read, a device) is refused.
 * On Windows, Node's stat reports no owner (uid 0 for every file), so no link can be shown to be safe: a symlink at
 * the path is refused; a plain file is written as before.
 *
 * These checks run when the file is opened; the identity check before the replace (token-file.ts) covers what
 * changes afterwards.
 */
import type { Stats } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { RtwError } from '../errors.js';
import type { FileUnsafeReason } from '../errors.js';

/** Who writes, and where: the trusted owners are this uid and root. */
export interface Writer {
  /** Effective uid; undefined on Windows. */
  readonly uid: number | undefined;
  readonly platform: NodeJS.Platform;
}

/** The writer this process is. */
export function currentWriter(): Writer {
  return { uid: process.geteuid?.(), platform: process.platform };
}

/** Symlink hops followed before giving up, as Linux does (MAXSYMLINKS). */
const MAX_SYMLINK_HOPS = 40;

/** Group- or other-writable. */
const SHARED_WRITE = 0o022;

type Owned = Pick<Stats, 'uid' | 'mode'>;

function trusted(uid: number, writer: Writer): boolean {
  return uid === 0 || uid === writer.uid;
}

/** Why a symlink may not be followed, or undefined when it may (pure: the link's and its folder's stats). */
export function linkRefusal(link: Owned, folder: Owned, writer: Writer): FileUnsafeReason | undefined {
  if (writer.platform === 'win32' || writer.uid === undefined) return 'link-windows';
  if (!trusted(link.uid, writer)) return 'link-not-owned';
  if (!trusted(folder.uid, writer) || (folder.mode & SHARED_WRITE) !== 0) return 'link-shared-folder';
  return undefined;
}

/** Why a regular file may not be written, or undefined when it may (pure). */
export function fileRefusal(file: Owned, folder: Owned, writer: Writer): FileUnsafeReason | undefined {
  if (writer.platform === 'win32' || writer.uid === undefined) return undefined;
  return !trusted(file.uid, writer) && (folder.mode & SHARED_WRITE) !== 0 ? 'foreign-file' : undefined;
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : String(error);
}

async function lstatOrMissing(path: string): Promise<Stats | undefined> {
  try {
    return await fsp.lstat(path);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw new RtwError('file-unwritable', { path, reason: codeOf(error) }, { cause: error });
  }
}

async function folderOf(path: string): Promise<Stats> {
  try {
    return await fsp.stat(dirname(path));
  } catch (error) {
    throw new RtwError('file-unwritable', { path, reason: codeOf(error) }, { cause: error });
  }
}

/**
 * The file a write to `path` goes to: `path` itself (absolute), or the end of a chain of safe links. Throws
 * `file-unsafe` (nothing read or written) when the rules above refuse it. No file there is fine: it is created
 * at `path` (never at a link's target).
 */
export async function resolveWriteTarget(path: string, writer: Writer = currentWriter()): Promise<string> {
  const given = resolve(path);
  let current = given;
  for (let hops = 0; ; hops++) {
    const stats = await lstatOrMissing(current);
    if (stats === undefined) {
      if (current === given) return given;
      throw new RtwError('file-unsafe', { path: given, reason: 'dangling-link', target: current });
    }
    if (stats.isSymbolicLink()) {
      if (hops >= MAX_SYMLINK_HOPS) throw new RtwError('file-unwritable', { path: given, reason: 'ELOOP' });
      const next = resolve(dirname(current), await fsp.readlink(current));
      const refusal = linkRefusal(stats, await folderOf(current), writer);
      if (refusal !== undefined)
        throw new RtwError('file-unsafe', { path: given, reason: refusal, target: next, owner: stats.uid });
      current = next;
      continue;
    }
    if (!stats.isFile()) throw new RtwError('file-unsafe', { path: given, reason: 'not-a-file' });
    // The folder matters only for another user's file: the writer's own (the usual case) costs no second call.
    if (writer.uid === undefined || trusted(stats.uid, writer)) return current;
    const refusal = fileRefusal(stats, await folderOf(current), writer);
    if (refusal !== undefined)
      throw new RtwError('file-unsafe', { path: given, reason: refusal, target: current, owner: stats.uid });
    return current;
  }
}

/**
 * The name a run locks for `path`: its write target when that is allowed, else the path itself (the run is then
 * refused when it opens the file, and must not create a lock where an unsafe link points).
 */
export async function lockTargetOf(path: string): Promise<string> {
  // The real path of an allowed target, as every earlier build named the lock, so that they exclude each other.
  return resolveWriteTarget(path).then(
    (target) => fsp.realpath(target).catch(() => target),
    () => resolve(path),
  );
}
