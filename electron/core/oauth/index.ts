/**
 * OAuth beside MSAL: the one token endpoint client (every refresh, and the grants MSAL does not run for us),
 * and reading ID tokens.
 */
export { asJsonObject, oauthErrorOf, postForm, readTokenAnswer, requestToken } from './token-client.js';
export type { FormAnswer, JsonObject } from './token-client.js';
export { redeemRefreshGrant, refreshGrantForm } from './refresh-grant.js';
export type { RefreshGrantRequest, RefreshGrantResult, RefreshGrantSettings } from './refresh-grant.js';
export { checkIdToken, checkedUsername, jwtPayload, usernameOfIdToken } from './id-token.js';
export type { IdTokenExpectations } from './id-token.js';
export { newAuthorizationRequest } from './pkce.js';
export type { AuthorizationRequest } from './pkce.js';
export { SYSTEM_CLOCK, every } from './clock.js';
export type { Clock } from './clock.js';
export {
  DEVICE_CODE_GRANT_TYPE,
  SLOW_DOWN_STEP_MS,
  pollDeviceToken,
  requestDeviceAuthorization,
} from './device-code.js';
export type { DeviceAuthorization, DeviceCodeGrant, DeviceErrorOf, PollOptions } from './device-code.js';
