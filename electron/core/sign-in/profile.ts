/**
 * The admin's inputs for one acquisition, their defaults, and their validation.
 *
 * Validation is written out field by field rather than as a schema: each rule carries a localized message
 * that says what to fix (a GUID-shaped secret is "the secret's ID; paste its Value"), which schema libraries
 * reduce to generic text. The IPC boundary still checks the shape with zod before calling this.
 */
import { CLOUD_NAMES, CLOUDS, PROTOCOLS, authorityFor, endpointsFor } from '../providers/microsoft/index.js';
import type { CloudName, Protocol } from '../providers/microsoft/index.js';
import { formatLocalized } from '../i18n.js';
import type { Localized } from '../i18n.js';
import { VALIDATION_MESSAGES } from './validation-messages.js';
import type { ValidationMessageKey } from './validation-messages.js';

export const DEFAULT_TENANT = 'common';
export const DEFAULT_REDIRECT_PORT = 8001;
export const DEFAULT_REDIRECT_PATH = '/myapp/';
export const DEFAULT_OUT_FILE = 'smail_refresh_token.ini';
export const DEFAULT_TIMEOUT_SECONDS = 300;
export const DEFAULT_PROTOCOLS: readonly Protocol[] = ['smtp'];

/** What the admin typed; everything optional so partial forms can be validated as they are filled. */
export interface ProfileInput {
  tenant?: string;
  clientId?: string;
  /** The secret Value; empty or absent for a public client. */
  clientSecret?: string;
  /** No secret: the registration is "Mobile and desktop" or allows public client flows. */
  publicClient?: boolean;
  /** The mailbox written as `UserID`: the address the sender logs in as. */
  userId?: string;
  protocols?: readonly string[];
  cloud?: string;
  /** Overrides cloud and tenant: a national or private cloud, or the sandbox. */
  authority?: string;
  redirectPort?: number;
  redirectPath?: string;
  outFile?: string;
  timeoutSeconds?: number;
  /**
   * When the client secret expires (YYYY-MM-DD, as the portal shows it), recorded so `rtw show` can warn
   * before it does; '' records "unknown" (a new secret whose expiry was not given replaces an old date).
   */
  clientSecretExpiresAt?: string;
}

/** A validated profile, with every default applied. */
export interface Profile {
  tenant: string;
  clientId: string;
  /** Undefined for a public client. */
  clientSecret: string | undefined;
  userId: string;
  protocols: Protocol[];
  cloud: CloudName;
  /** `https://host/tenant`, without a trailing slash. */
  authority: string;
  redirectPort: number;
  redirectPath: string;
  outFile: string;
  timeoutSeconds: number;
  /** YYYY-MM-DD, '' for "unknown", undefined for "not given" (the file keeps what it had). */
  clientSecretExpiresAt?: string;
}

export type ProfileField = keyof ProfileInput;

/** One problem with one field. */
export interface ValidationIssue {
  field: ProfileField;
  key: ValidationMessageKey;
  message: Localized;
}

export type ProfileValidation = { ok: true; profile: Profile } | { ok: false; issues: ValidationIssue[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// Deliberately simple: Exchange addresses are ASCII local@domain; the mail server is the final judge.
const MAILBOX = /^[^\s@"(),:;<>[\]\\]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const PATH = /^\/(?:[A-Za-z0-9._~-]+\/)*$/;
const TENANT_ALIASES = ['common', 'organizations', 'consumers'];

/** True for a GUID such as a client ID, tenant ID or secret ID. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** True for a tenant the authority accepts: an alias, a tenant ID or a domain. */
export function isTenant(value: string): boolean {
  return TENANT_ALIASES.includes(value.toLowerCase()) || GUID.test(value) || DOMAIN.test(value);
}

/** Validates the admin's inputs; returns every issue at once so a form can show them all. */
export function validateProfile(input: ProfileInput): ProfileValidation {
  const issues: ValidationIssue[] = [];
  const issue = (
    field: ProfileField,
    key: ValidationMessageKey,
    params: Record<string, string> = {},
  ): void => {
    issues.push({ field, key, message: formatLocalized(VALIDATION_MESSAGES[key], params) });
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

  const userId = (input.userId ?? '').trim();
  if (userId === '') issue('userId', 'mailboxRequired');
  else if (!MAILBOX.test(userId)) issue('userId', 'mailboxInvalid', { value: userId });

  const protocols: Protocol[] = [];
  for (const raw of input.protocols ?? DEFAULT_PROTOCOLS) {
    const p = raw.trim().toLowerCase();
    if ((PROTOCOLS as readonly string[]).includes(p)) {
      if (!protocols.includes(p as Protocol)) protocols.push(p as Protocol);
    } else issue('protocols', 'protocolInvalid', { value: raw });
  }
  if (protocols.length === 0 && !issues.some((i) => i.field === 'protocols'))
    issue('protocols', 'protocolsRequired');

  const redirectPort = input.redirectPort ?? DEFAULT_REDIRECT_PORT;
  if (!Number.isInteger(redirectPort) || redirectPort < 0 || redirectPort > 65535)
    issue('redirectPort', 'portInvalid');

  const redirectPath = (input.redirectPath ?? '').trim() || DEFAULT_REDIRECT_PATH;
  if (!PATH.test(redirectPath)) issue('redirectPath', 'pathInvalid');

  const outFile = (input.outFile ?? '').trim() || DEFAULT_OUT_FILE;

  const timeoutSeconds = input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 10 || timeoutSeconds > 3600)
    issue('timeoutSeconds', 'timeoutInvalid');

  const secretExpires = input.clientSecretExpiresAt?.trim();
  if (secretExpires !== undefined && secretExpires !== '' && !isCalendarDate(secretExpires))
    issue('clientSecretExpiresAt', 'secretExpiryInvalid', { value: secretExpires });

  if (issues.length > 0 || cloud === undefined) return { ok: false, issues };
  return {
    ok: true,
    profile: {
      tenant,
      clientId,
      clientSecret: input.publicClient === true ? undefined : secret,
      userId,
      protocols,
      cloud: cloud.name,
      authority: authority ?? authorityFor(cloud, tenant),
      redirectPort,
      redirectPath,
      outFile,
      timeoutSeconds,
      ...(secretExpires === undefined ? {} : { clientSecretExpiresAt: secretExpires }),
    },
  };
}

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Normalises an authority URL (https, a host, one path segment naming the tenant) or returns undefined. */
function parseAuthority(text: string): string | undefined {
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

/** The redirect URI the listener serves and the registration must list, e.g. `http://localhost:8001/myapp/`. */
export function redirectUriOf(profile: Pick<Profile, 'redirectPort' | 'redirectPath'>): string {
  return `http://localhost:${profile.redirectPort}${profile.redirectPath}`;
}

/** The INI endpoint values for a profile. */
export function profileEndpoints(profile: Pick<Profile, 'authority'>): {
  tokenUri: string;
  authorizeUri: string;
} {
  return endpointsFor(profile.authority);
}
