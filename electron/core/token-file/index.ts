/**
 * The INI file legacy senders read: its format under the Windows profile API's rules, the table of its keys,
 * reading and writing it atomically under a lock, what the file records of its profile, and the masked forms of
 * its secrets.
 */
export {
  failureEvent,
  failureOf,
  issuedValues,
  oauth2ValuesFor,
  writeAcquiredToken,
} from './acquisition-output.js';
export type { AcquisitionFailure, AcquisitionSuccess } from './acquisition-output.js';
export { atomicWriteFile } from './atomic-write.js';
export { DEFAULT_LOCK_WAIT_MS, withFileLock } from './file-lock.js';
export type { FileLockOptions } from './file-lock.js';
export { maskSecret, redact } from './mask.js';
export { authorityFromUri, parseProtocols, protocolsOfScopes, recordedProfile } from './recorded-profile.js';
export type { RecordedProfile } from './recorded-profile.js';
export {
  META_KEYS,
  META_SECTION,
  OAUTH2_KEYS,
  OAUTH2_SECTION,
  OAUTH2_TIME_OUT,
  TOKEN_FILE_KEYS,
  keyLabel,
  keyRow,
  refreshValues,
  secretRotationValues,
  signInValues,
} from './schema.js';
export type { KeyValues, MetaKey, OAuth2Key, SecretRotationValues, TokenFileKey } from './schema.js';
export { openTokenFile, planTokenFileWrite, readTokenFile, writeTokenFile } from './token-file.js';
export type {
  OpenTokenFile,
  PortabilityWarning,
  TokenFileContent,
  TokenFilePlan,
  TokenFileWriteOptions,
} from './token-file.js';
export type { AtomicFs } from './atomic-write.js';
