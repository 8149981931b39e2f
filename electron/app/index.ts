/**
 * The desktop app's service behind the IPC contract, without Electron: `createWizardService` (every operation,
 * and `dispatch` for untrusted input) and what its host must provide. electron/main wires it to ipcMain; the
 * end-to-end harness and the benchmarks wire the same service to a browser page.
 */
export { createWizardService } from './wizard-service.js';
export type {
  KeepAliveHost,
  MailCheckOverrides,
  Platform,
  WizardService,
  WizardServiceDeps,
} from './wizard-service.js';
export { OPERATION_SCHEMAS } from './ipc-schemas.js';
export { reissueProfileInput } from './reissue-input.js';
