/**
 * Microsoft Entra ID: the provider (provider.ts), its clouds and their hosts and scopes, account types, the
 * registration's validation, MSAL glue for the code and device code flows, and Entra's answers and errors.
 */
export {
  isPersonalAccount,
  microsoft,
  PROVIDER_VALUE_MICROSOFT,
  recognizeMicrosoftUri,
  REISSUE_AADSTS,
  tokenEndpointOfAuthority,
} from './provider.js';
export { ENTRA_ACCESS_TOKENS, mailAudiences, permissionFor } from './access-token.js';
export { cloudOf } from './cloud-of.js';
export { CONSUMERS_TENANT_ID, isPersonalMailbox } from './account-type.js';
export { CLOUDS, CLOUD_NAMES, OFFLINE_ACCESS, authorityFor, endpointsFor, mailScopes } from './clouds.js';
export type { Cloud, CloudName } from './clouds.js';
export { entraDeviceCode } from './device-code.js';
export { asEntraAnswer, errorOfEntraAnswer, oauthErrorOf } from './entra-answer.js';
export { fromMsalError } from './msal-errors.js';
export { DEFAULT_TENANT, isGuid, isTenant, parseAuthority } from './validation.js';
