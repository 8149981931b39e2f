/**
 * The only way the renderer reaches the outside world: `window.wizard`, exposed by the preload through
 * contextBridge. The renderer never touches Node; its type comes from the shared IPC contract.
 */
import type { WizardApi } from '../electron/shared/contract.js';

declare global {
  interface Window {
    /** The preload's bridge; absent only when the page is opened outside the app. */
    readonly wizard?: WizardApi;
  }
}

/** The bridge, or an error saying the page runs outside the app. */
export function getWizardApi(): WizardApi {
  const api = window.wizard;
  if (api === undefined)
    throw new Error('window.wizard is missing: this page runs only inside Refresh Token Wizard.');
  return api;
}
