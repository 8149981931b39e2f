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
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, OPERATION_NAMES, channelOf } from '../shared/contract.js';
import type { OperationName, WizardApi, WizardEvent } from '../shared/contract.js';

/** The part of `ipcRenderer` the API uses (a stand-in in tests). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

/** Builds `window.wizard` over `ipc`: each function sends exactly one argument on its operation's channel. */
export function createWizardApi(ipc: RendererIpc): WizardApi {
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
  return { ...operations, onEvent } as WizardApi;
}

contextBridge.exposeInMainWorld('wizard', createWizardApi(ipcRenderer));
