/**
 * Validating a Google registration as the admin typed it: an OAuth client of type "Desktop app", its client ID
 * (`…apps.googleusercontent.com`) and secret (`GOCSPX-…`), each mistake named for what was pasted instead (an
 * Entra client ID, the client ID in the secret field, an Entra secret).
 */
import { formatLocalized } from '../../i18n.js';
import type {
  RegistrationField,
  RegistrationInput,
  RegistrationIssue,
  RegistrationValidation,
} from '../types.js';
import { GOOGLE_VALIDATION_MESSAGES } from './validation-messages.js';

/** Google's authorization server: the authority of every Google registration. */
export const GOOGLE_AUTHORITY = 'https://accounts.google.com';

const CLIENT_ID = /^\d+-[0-9a-z]+\.apps\.googleusercontent\.com$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Secrets of clients created since 2022: `GOCSPX-` and 28 base64url characters. */
const SECRET = /^GOCSPX-[A-Za-z0-9_-]{28}$/;
/** Secrets of older clients: 24 base64url characters, no prefix. */
const LEGACY_SECRET = /^[A-Za-z0-9_-]{24}$/;
/** An Entra secret Value: 40 characters with a `~` as the sixth (`Abc8Q~…`). */
const ENTRA_SECRET = /^[A-Za-z0-9_.-]{5}~[A-Za-z0-9_.~-]{34}$/;

/** True for the shape of a Google OAuth client ID. */
export function isGoogleClientId(value: string): boolean {
  return CLIENT_ID.test(value.trim());
}

/** Validates the registration fields of a Google profile; every issue at once. */
export function validateGoogleRegistration(input: RegistrationInput): RegistrationValidation {
  const issues: RegistrationIssue[] = [];
  const issue = (
    field: RegistrationField,
    key: keyof typeof GOOGLE_VALIDATION_MESSAGES,
    params: Record<string, string> = {},
  ): void => {
    issues.push({ field, key, message: formatLocalized(GOOGLE_VALIDATION_MESSAGES[key], params) });
  };

  // The form's Microsoft defaults (common, global) are not a choice the admin made: only something else is.
  const tenant = (input.tenant ?? '').trim().toLowerCase();
  const cloud = (input.cloud ?? '').trim().toLowerCase();
  if ((tenant !== '' && tenant !== 'common') || (cloud !== '' && cloud !== 'global'))
    issue(tenant !== '' && tenant !== 'common' ? 'tenant' : 'cloud', 'googleNoTenant');
  else if ((input.authority ?? '').trim() !== '') issue('authority', 'googleNoTenant');

  const clientId = (input.clientId ?? '').trim();
  if (clientId === '') issue('clientId', 'googleClientIdRequired');
  else if (GUID.test(clientId)) issue('clientId', 'googleClientIdIsGuid');
  else if (!CLIENT_ID.test(clientId)) issue('clientId', 'googleClientIdInvalid');

  // Surrounding whitespace is a copy-paste artefact, never part of a secret.
  const secret = (input.clientSecret ?? '').trim();
  if (input.publicClient === true) issue('clientSecret', 'googleNoPublicClient');
  else if (secret === '') issue('clientSecret', 'googleSecretRequired');
  else if (CLIENT_ID.test(secret)) issue('clientSecret', 'googleSecretIsClientId');
  else if (GUID.test(secret)) issue('clientSecret', 'googleSecretLooksLikeEntraId');
  else if (ENTRA_SECRET.test(secret)) issue('clientSecret', 'googleSecretLooksLikeEntraValue');
  else if (!SECRET.test(secret) && !LEGACY_SECRET.test(secret)) issue('clientSecret', 'googleSecretInvalid');

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    registration: { provider: 'google', tenant: '', cloud: 'global', authority: GOOGLE_AUTHORITY },
    clientId,
    clientSecret: secret,
  };
}
