/** Identity providers behind one interface (types.ts): the registry, and each provider's public face. */
export { PROTOCOLS, PROVIDER_IDS, isProviderId } from './types.js';
export type {
  AcquiredTokens,
  CodeFlow,
  CodeFlowAttempt,
  DeviceCodeSupport,
  IdentityProvider,
  AccessTokenInfo,
  AccessTokenRules,
  IniEndpoints,
  MailAccount,
  MailHost,
  PreflightChecks,
  PreflightFinding,
  PreflightProfile,
  PreflightSeverity,
  ProbeOutcome,
  Protocol,
  ProviderId,
  RecordedAuthority,
  Registration,
  RegistrationField,
  RegistrationInput,
  RegistrationIssue,
  RegistrationValidation,
  TokenAnswer,
  TokenInfoSupport,
} from './types.js';
export { DEFAULT_PROVIDER, PROVIDERS, providerOf, recognizeUri } from './registry.js';
export { PROVIDER_VALIDATION_MESSAGES } from './messages.js';
