/** Google (Gmail, Google Workspace): the provider, its endpoints and its registration's validation. */
export {
  GMAIL_SCOPE,
  GOOGLE_AUTHORIZE_URI,
  GOOGLE_TOKENINFO_URI,
  GOOGLE_TOKEN_URI,
  PROVIDER_VALUE_GOOGLE,
  google,
  recognizeGoogleUri,
} from './provider.js';
export { GOOGLE_AUTHORITY, isGoogleClientId, validateGoogleRegistration } from './validation.js';
export { GOOGLE_VALIDATION_MESSAGES } from './validation-messages.js';
