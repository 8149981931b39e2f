/**
 * The preload: exposes `window.wizard`, one function per operation of the IPC contract plus `onEvent`, and
 * nothing else. Never `ipcRenderer` itself, nor `send`/`on`, nor the IPC event object: the page could use
 * them to reach any channel (Electron Fiddle's narrow preload; checklist item 20).
 * https://www.electronjs.org/docs/latest/tutorial/context-isolation#security-considerations
 *
 * The window is sandboxed, so this file cannot `require` our modules at run time: it is bundled with the
 * contract's few runtime values into one CommonJS file (`vite.preload.config.ts` → `dist/preload/index.cjs`)
 * whose only import is `electron`.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, OPERATION_NAMES, channelOf } from '../shared/contract.js';
import type { OperationName, WizardApi, WizardEvent } from '../shared/contract.js';

/** The part of `ipcRenderer` the API uses (a stand-in in tests). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

/** The one local capability: the path of a File the admin dropped on the window (no IPC, nothing sent). */
export type PathForFile = (file: File) => string;

/** Builds `window.wizard` over `ipc`: each function sends exactly one argument on its operation's channel. */
export function createWizardApi(ipc: RendererIpc, getPathForFile?: PathForFile): WizardApi {
  const operations = {} as Record<OperationName, (input: unknown) => Promise<unknown>>;
  for (const name of OPERATION_NAMES) {
    const channel = channelOf(name);
    operations[name] = (input) => ipc.invoke(channel, input);
  }
  const onEvent = (listener: (event: WizardEvent) => void): (() => void) => {
    // The IPC event (with `sender`, `ports`…) stays here; the page gets only the payload.
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as WizardEvent);
    ipc.on(EVENT_CHANNEL, handler);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, handler);
    };
  };
  // The functions are built from OPERATION_NAMES, which the contract checks lists every operation; the
  // results are what the main side's handlers return for that operation.
  // Sandboxed pages see no file paths (File.path is gone since Electron 32); the preload may ask for the path of
  // a File the page holds, which is one the admin dropped or picked. Anything else answers ''.
  const pathForFile = (file: File): string => {
    try {
      return getPathForFile?.(file) ?? '';
    } catch {
      return '';
    }
  };
  return { ...operations, onEvent, pathForFile } as WizardApi;
}

contextBridge.exposeInMainWorld(
  'wizard',
  createWizardApi(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
