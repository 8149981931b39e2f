/**
 * Keeping token files alive: refresh, client secret rotation, re-issue from a file, the registry of managed
 * mailboxes, schedules and token health.
 */
export { APP_DIR_NAME, appDataDir } from './app-data-dir.js';
export { endpointKey, openMailboxRegistry, reissueAll, tokenEndpointOfFile } from './mailbox-registry.js';
export type {
  Encryptor,
  MailboxEntry,
  MailboxRegistry,
  ReissueStepResult,
  ReissueSummary,
} from './mailbox-registry.js';
export {
  DEFAULT_REFRESH_PARALLEL,
  MAX_REFRESH_PARALLEL,
  findTokenFiles,
  refreshTokenFiles,
  summarizeRefresh,
} from './refresh.js';
export type { RefreshEvent, RefreshOutcome } from './refresh.js';
export { prefillFromTokenFile } from './reissue.js';
export {
  newSecretIssues,
  planSecretRotation,
  rotateClientSecret,
  secretRefused,
  summarizeRotation,
} from './rotate-secret.js';
export type {
  NewClientSecret,
  RotationOutcome,
  RotationSummary,
  SecretRotationPlan,
  SecretRotationResult,
  SkipReason,
} from './rotate-secret.js';
export type { ReissuePrefill } from './reissue.js';
export { quotePosixArg, quoteSystemdArg, quoteWindowsArg, scheduleSnippets } from './scheduling.js';
export type { ScheduleSnippets, Weekday } from './scheduling.js';
export { readTokenHealth } from './token-health.js';
export type { TokenHealth } from './token-health.js';
export { recordSecretExpiry } from './secret-expiry.js';
