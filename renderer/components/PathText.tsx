/**
 * A file path as its name and its folder: the name in full, the folder shortened in the middle when it does not
 * fit (its start and its end stay readable, where the mailbox folder and the drive are). The whole path stays in
 * the text (screen readers, copy) and in the tooltip.
 */
import { pathParts } from '../state.js';

export function PathText({ path }: { path: string }) {
  const { folder, name } = pathParts(path);
  // The folder's last name stays whole (with a file per mailbox it is the mailbox); the rest gives way.
  const cut = Math.max(folder.lastIndexOf('/'), folder.lastIndexOf('\\'));
  const head = cut <= 0 ? '' : folder.slice(0, cut);
  const tail = folder.slice(head.length);
  return (
    <span className="path-text" title={path}>
      <span className="path-name">{name}</span>
      {folder === '' ? null : (
        <span className="path-folder">
          <span className="path-folder-head">{head}</span>
          <span className="path-folder-tail">{tail}</span>
        </span>
      )}
    </span>
  );
}
