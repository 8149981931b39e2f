/**
 * The main side of the IPC contract: one `ipcMain.handle` per operation, the sender check, and the event push.
 * The only file that touches `ipcMain` (the preload is the only one that touches `ipcRenderer`), as GitHub
 * Desktop keeps raw IPC behind its typed wrappers.
 *
 * Every handler distrusts its caller: the frame must be the app page's main frame, and the input is handed
 * untouched to `dispatch`, which parses it with the operation's schema and never throws.
 * https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { explainError } from '../core/diagnose/index.js';
import { EVENT_CHANNEL, OPERATION_NAMES, channelOf } from '../shared/contract.js';
import type { IpcError, OperationName, WizardEvent } from '../shared/contract.js';

/** Dispatches untrusted IPC input by operation name: the service's `dispatch`, possibly wrapped. */
export type Dispatch = (name: OperationName, rawInput: unknown) => Promise<unknown>;

/** What the handlers need. */
export interface IpcDeps {
  dispatch: Dispatch;
  /** True for the app page's URL (see `appPageOf`). */
  isAppUrl: (url: string) => boolean;
}

/** True when an IPC message comes from the app page's top frame, not an iframe or another page. */
export function isTrustedSender(frame: WebFrameMain | null, isAppUrl: (url: string) => boolean): boolean {
  if (frame === null) return false; // the frame navigated away or was destroyed since it sent
  try {
    return frame.parent === null && isAppUrl(frame.url);
  } catch {
    // Reading a disposed frame throws: it cannot be our live page.
    return false;
  }
}

/** The result a refused sender gets: the request never reaches the service. */
export function untrustedSenderResult(url: string | undefined): { ok: false; error: IpcError } {
  return {
    ok: false,
    error: {
      code: 'untrusted-sender',
      explanation: explainError(
        new Error(`IPC refused: sender frame ${url ?? '(gone)'} is not the app page`),
      ),
    },
  };
}

/** Registers one handler per operation; returns a function that removes them. */
export function registerIpc(deps: IpcDeps): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(channelOf(name), (event: IpcMainInvokeEvent, rawInput: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame, deps.isAppUrl)) return untrustedSenderResult(safeUrl(frame));
      return deps.dispatch(name, rawInput);
    });
  }
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}

function safeUrl(frame: WebFrameMain | null): string | undefined {
  try {
    return frame?.url;
  } catch {
    return undefined;
  }
}

/** An `emit` for the service: pushes each event to the window's contents while it lives, drops it after. */
export function createEventSender(target: () => WebContents | undefined): (event: WizardEvent) => void {
  return (event) => {
    const contents = target();
    if (contents === undefined || contents.isDestroyed()) return;
    contents.send(EVENT_CHANNEL, event);
  };
}
