/** Gives components the bridge; the app passes `window.wizard`, and tests may pass a fake. */
import { createContext, useContext } from 'react';
import type { WizardApi } from '../electron/shared/contract.js';

export const WizardApiContext = createContext<WizardApi | undefined>(undefined);

/** The bridge to the main process. */
export function useWizardApi(): WizardApi {
  const api = useContext(WizardApiContext);
  if (api === undefined) throw new Error('useWizardApi outside <WizardApiContext.Provider>');
  return api;
}
