/**
 * Microsoft Entra ID: clouds and their hosts and scopes, account types, MSAL glue for the code and device code
 * flows, and Entra's answers and errors.
 */
export { CONSUMERS_TENANT_ID, isPersonalMailbox } from './account-type.js';
export {
  authorizeUrl,
  createMsalApp,
  msalConfiguration,
  newAuthorizationRequest,
  redeemCode,
  requestedScopes,
  tokensOf,
} from './authorize.js';
export {
  CLOUDS,
  CLOUD_NAMES,
  OFFLINE_ACCESS,
  PROTOCOLS,
  authorityFor,
  endpointsFor,
  mailScopes,
} from './clouds.js';
export type { CloudName, Protocol } from './clouds.js';
export { createDeviceCodeNetwork } from './device-code-network.js';
export type { DeviceCodeGrant } from './device-code-network.js';
export { asEntraAnswer, errorOfEntraAnswer, oauthErrorOf } from './entra-answer.js';
export { fromMsalError } from './msal-errors.js';
