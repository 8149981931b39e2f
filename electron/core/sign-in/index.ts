/**
 * Sign-in: the profile an acquisition starts from (inputs, defaults, validation), the pre-flight checks, the
 * loopback redirect listener and its browser pages, and one acquisition as a session (browser or device code).
 */
export { runDeviceCodeAcquisition } from './device-code.js';
export type { DeviceCodeEvent } from './device-code.js';
export { findFreePort } from './loopback.js';
export { preflight } from './preflight.js';
export {
  DEFAULT_OUT_FILE,
  isCalendarDate,
  profileEndpoints,
  redirectUriOf,
  validateProfile,
} from './profile.js';
export type { AppAudience, Profile, ProfileField, ProfileInput, ValidationIssue } from './profile.js';
export { runAcquisition } from './session.js';
export type { SessionEvent, SessionResult } from './session.js';
