/**
 * Sign-in: the profile an acquisition starts from (inputs, defaults, validation), the pre-flight checks, the
 * loopback redirect listener and its browser pages, one acquisition as a session (browser or device code), and
 * the refresh grant.
 */
export { runDeviceCodeAcquisition } from './device-code.js';
export type { DeviceCodeEvent } from './device-code.js';
export { findFreePort } from './loopback.js';
export { preflight } from './preflight.js';
export { DEFAULT_OUT_FILE, isCalendarDate, isGuid, profileEndpoints, validateProfile } from './profile.js';
export type { Profile, ProfileField, ProfileInput, ValidationIssue } from './profile.js';
export { redeemRefreshGrant } from './refresh-grant.js';
export type { RefreshGrantSettings } from './refresh-grant.js';
export { runAcquisition } from './session.js';
export type { SessionEvent, SessionResult } from './session.js';
