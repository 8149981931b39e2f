/**
 * The files the window may name (issue #15, item 8): IPC input is untrusted, and a compromised renderer could
 * otherwise have the main process read any file's settings (tokenHealth), send its secret to a mail server
 * (checkTokenFile), rewrite it (setSecretExpiry, refreshFiles, startReissue) or schedule it. An operation that
 * takes a path accepts only
 * - a path the host's own dialogs returned in this session (chooseTokenFile, chooseOutputFile),
 * - a path the mailbox registry lists (the admin added it once, by a dialog or a sign-in),
 * - the file a sign-in the admin started has written.
 * Anything else is refused with `path-not-allowed` before the operation runs. The form's output file
 * (startAcquisition, planOutputFile) is typed by the admin and stays free: a sign-in in the browser must still
 * happen before anything is written there, and the plan tells only key names.
 */
import path from 'node:path';
import { RtwError } from '../core/errors.js';
import type { OperationInput, OperationName } from '../shared/contract.js';
import type { MailboxList } from './mailbox-list.js';

export interface PathAllowList {
  /** A path a dialog returned, or a sign-in wrote. */
  allow(filePath: string): void;
  /** Throws `path-not-allowed` for the first path neither allowed here nor listed in the registry. */
  assertAllowed(paths: readonly string[]): Promise<void>;
}

/** As the registry keys its entries: resolved against the working folder, nothing else changed. */
const keyOf = (filePath: string): string => path.resolve(filePath);

export function createPathAllowList(mailboxes: MailboxList): PathAllowList {
  const allowed = new Set<string>();
  /** The registry's paths; none when the host keeps no list or it cannot be read (then only picked ones pass). */
  const listed = async (): Promise<Set<string>> => {
    try {
      return new Set((await mailboxes.registry().list()).map((m) => keyOf(m.path)));
    } catch {
      return new Set();
    }
  };
  return {
    allow(filePath) {
      allowed.add(keyOf(filePath));
    },
    async assertAllowed(paths) {
      let inRegistry: Set<string> | undefined;
      for (const filePath of paths) {
        if (allowed.has(keyOf(filePath))) continue;
        inRegistry ??= await listed();
        if (!inRegistry.has(keyOf(filePath))) throw new RtwError('path-not-allowed', { path: filePath });
      }
    },
  };
}

/**
 * The paths each operation's input names, for the operations that read, change or act on an existing file.
 * `removeMailbox` is not here: it only drops a registry entry (an unlisted path is a no-op) and touches no file.
 */
export const PATHS_OF: { [K in OperationName]?: (input: OperationInput<K>) => readonly string[] } = {
  tokenHealth: (input) => [input.path],
  checkTokenFile: (input) => [input.file],
  refreshFiles: (input) => input.paths,
  readReissueFile: (input) => [input.path],
  startReissue: (input) => [input.path],
  keepAliveStatus: (input) => input.paths,
  keepAliveAdd: (input) => input.paths,
  keepAliveRemove: (input) => input.paths,
  testAlerts: (input) => input.paths,
  setAlertSettings: (input) => (input.email?.via === undefined ? [] : [input.email.via]),
  addMailbox: (input) => [input.path],
  setSecretExpiry: (input) => [input.path],
  showInFolder: (input) => [input.path],
};
