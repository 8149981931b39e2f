/**
 * Validating a Microsoft registration as the admin typed it: tenant or authority, cloud, client ID, and the
 * secret Value, each rule with a message that says what to fix (a GUID-shaped secret is "the secret's ID; paste
 * its Value"). Written out field by field rather than as a schema: schema libraries reduce such messages to
 * generic text.
 */
import { formatLocalized } from '../../i18n.js';
import type {
  RegistrationField,
  RegistrationInput,
  RegistrationIssue,
  RegistrationValidation,
} from '../types.js';
import { CLOUD_NAMES, CLOUDS, authorityFor } from './clouds.js';
import type { CloudName } from './clouds.js';
import { MICROSOFT_VALIDATION_MESSAGES } from './validation-messages.js';

export const DEFAULT_TENANT = 'common';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const TENANT_ALIASES = ['common', 'organizations', 'consumers'];

/** True for a GUID such as a client ID, tenant ID or secret ID. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** True for a tenant the authority accepts: an alias, a tenant ID or a domain. */
export function isTenant(value: string): boolean {
  return TENANT_ALIASES.includes(value.toLowerCase()) || GUID.test(value) || DOMAIN.test(value);
}

/** Normalises an authority URL (https, a host, one path segment naming the tenant) or returns undefined. */
export function parseAuthority(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').filter((s) => s !== '');
  // MSAL refuses non-https authorities (authority_uri_insecure); catch it here with a message that says why.
  if (url.protocol !== 'https:' || url.search !== '' || url.hash !== '' || segments.length !== 1)
    return undefined;
  const tenant = segments[0] ?? '';
  if (!isTenant(tenant)) return undefined;
  return `https://${url.host}/${tenant}`;
}

/** Validates the registration fields of a Microsoft profile; every issue at once, so a form can show them all. */
export function validateMicrosoftRegistration(input: RegistrationInput): RegistrationValidation {
  const issues: RegistrationIssue[] = [];
  const issue = (
    field: RegistrationField,
    key: keyof typeof MICROSOFT_VALIDATION_MESSAGES,
    params: Record<string, string> = {},
  ): void => {
    issues.push({ field, key, message: formatLocalized(MICROSOFT_VALIDATION_MESSAGES[key], params) });
  };

  const cloudName = (input.cloud ?? 'global').trim() || 'global';
  const cloud = (CLOUD_NAMES as readonly string[]).includes(cloudName)
    ? CLOUDS[cloudName as CloudName]
    : undefined;
  if (cloud === undefined) issue('cloud', 'cloudInvalid', { value: cloudName });

  let tenant = (input.tenant ?? '').trim() || DEFAULT_TENANT;
  let authority: string | undefined;
  if (input.authority !== undefined && input.authority.trim() !== '') {
    authority = parseAuthority(input.authority.trim());
    if (authority === undefined) issue('authority', 'authorityInvalid');
    else tenant = authority.slice(authority.lastIndexOf('/') + 1);
  } else if (!isTenant(tenant)) {
    issue('tenant', 'tenantInvalid', { value: tenant });
  } else if (tenant.toLowerCase() === 'consumers' && cloud !== undefined && cloud.name !== 'global') {
    issue('tenant', 'consumersOnlyGlobal');
  }

  const clientId = (input.clientId ?? '').trim();
  if (clientId === '') issue('clientId', 'clientIdRequired');
  else if (!isGuid(clientId)) issue('clientId', 'clientIdInvalid');

  // Surrounding whitespace is a copy-paste artefact, never part of a secret Value.
  const secret = (input.clientSecret ?? '').trim();
  if (input.publicClient === true) {
    if (secret !== '') issue('clientSecret', 'secretWithPublicClient');
  } else if (secret === '') issue('clientSecret', 'secretRequired');
  else if (isGuid(secret)) issue('clientSecret', 'secretLooksLikeId');
  else if (/\s/.test(secret)) issue('clientSecret', 'secretHasSpace');
  else if (secret.length < 16) issue('clientSecret', 'secretTooShort');

  if (issues.length > 0 || cloud === undefined) return { ok: false, issues };
  return {
    ok: true,
    registration: {
      provider: 'microsoft',
      tenant,
      cloud: cloud.name,
      authority: authority ?? authorityFor(cloud, tenant),
    },
    clientId,
    clientSecret: input.publicClient === true ? undefined : secret,
  };
}
