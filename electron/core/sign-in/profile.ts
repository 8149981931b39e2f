/**
 * The admin's inputs for one acquisition, their defaults, and their validation.
 *
 * Validation is written out field by field rather than as a schema: each rule carries a localized message
 * that says what to fix (a GUID-shaped secret is "the secret's ID; paste its Value"), which schema libraries
 * reduce to generic text. The IPC boundary still checks the shape with zod before calling this.
 */
import { DEFAULT_PROVIDER, PROTOCOLS, isProviderId, providerOf } from '../providers/index.js';
import type { Protocol, ProviderId, RegistrationInput } from '../providers/index.js';
import { formatLocalized } from '../i18n.js';
import type { Localized } from '../i18n.js';
import { VALIDATION_MESSAGES } from './validation-messages.js';
import type { ValidationMessageKey } from './validation-messages.js';

/** Microsoft's defaults, as the SMAIL manual registers them (`http://localhost:8001/myapp/`). */
export const DEFAULT_REDIRECT_PORT = 8001;
export const DEFAULT_REDIRECT_PATH = '/myapp/';
export const DEFAULT_OUT_FILE = 'smail_refresh_token.ini';
export const DEFAULT_TIMEOUT_SECONDS = 300;
export const DEFAULT_PROTOCOLS: readonly Protocol[] = ['smtp'];

/** What the admin typed; everything optional so partial forms can be validated as they are filled. */
export interface ProfileInput extends RegistrationInput {
  /** The identity provider (default Microsoft). */
  provider?: string;
  /**
   * The INI `Provider=` value, when the sender expects another than the provider's default (SMAIL's value for
   * Google is not documented: the admin can correct it).
   */
  providerValue?: string;
  /**
   * Google: the OAuth consent screen's audience as the admin answered the checklist. `testing` means refresh tokens
   * that die seven days after consent, which Google's answers never say; the file records it for the health report.
   */
  appAudience?: string;
  /** The mailbox written as `UserID`: the address the sender logs in as. */
  userId?: string;
  protocols?: readonly string[];
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

/** Google's consent screen audiences (the checklist's question). */
export const APP_AUDIENCES = ['internal', 'production', 'testing'] as const;
export type AppAudience = (typeof APP_AUDIENCES)[number];

/** A validated profile, with every default applied. */
export interface Profile {
  provider: ProviderId;
  /** The INI `Provider=` value: the admin's, else the provider's. */
  providerValue: string;
  /** Google's consent screen audience, when the admin answered. */
  appAudience?: AppAudience;
  tenant: string;
  clientId: string;
  /** Undefined for a public client. */
  clientSecret: string | undefined;
  userId: string;
  protocols: Protocol[];
  /** The provider's cloud (Microsoft: global, usgov, usgov-dod, china; Google: global). */
  cloud: string;
  /** The provider's base URL for this registration (Microsoft: `https://host/tenant`, without a trailing slash). */
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
  /** A key of VALIDATION_MESSAGES (the account's and every provider's). */
  key: ValidationMessageKey;
  message: Localized;
}

export type ProfileValidation = { ok: true; profile: Profile } | { ok: false; issues: ValidationIssue[] };

// Deliberately simple: Exchange addresses are ASCII local@domain; the mail server is the final judge.
const MAILBOX = /^[^\s@"(),:;<>[\]\\]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const PATH = /^\/(?:[A-Za-z0-9._~-]+\/)*$/;

/**
 * The first character of `text` no mailbox can hold, with its 1-based position in characters: a C0 or C1 control
 * or DEL (NUL ends the value for a C reader, Windows trims ^Z at a value's edge, ESC starts terminal sequences, all
 * are invisible), or half of a surrogate pair (no UTF-8 form: the file could not hold it).
 */
function unusableCharacter(
  text: string,
): { kind: 'control' | 'broken'; codePoint: string; position: number } | undefined {
  let position = 0;
  for (const char of text) {
    position++;
    const code = char.codePointAt(0) ?? 0;
    const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return { kind: 'control', codePoint, position };
    // Iterating by code point, a surrogate is seen alone only when it has no partner.
    if (code >= 0xd800 && code <= 0xdfff) return { kind: 'broken', codePoint, position };
  }
  return undefined;
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

  const providerName = (input.provider ?? '').trim() || DEFAULT_PROVIDER;
  const provider = isProviderId(providerName) ? providerOf(providerName) : undefined;
  if (provider === undefined) issue('provider', 'providerInvalid', { value: providerName });
  const registration = provider?.validateRegistration(input);
  if (registration?.ok === false)
    for (const found of registration.issues)
      issues.push({ ...found, key: found.key as ValidationMessageKey });

  const providerValue = (input.providerValue ?? '').trim();
  if (providerValue !== '' && !/^\d{1,3}$/.test(providerValue))
    issue('providerValue', 'providerValueInvalid', { value: providerValue });
  const audience = (input.appAudience ?? '').trim().toLowerCase();
  if (audience !== '' && !(APP_AUDIENCES as readonly string[]).includes(audience))
    issue('appAudience', 'appAudienceInvalid', { value: audience });

  const userId = (input.userId ?? '').trim();
  const unusable = unusableCharacter(userId);
  if (userId === '') issue('userId', 'mailboxRequired');
  // Said before the shape, and without echoing the value: the character itself would be invisible, or worse.
  else if (unusable !== undefined)
    issue('userId', unusable.kind === 'control' ? 'mailboxControlCharacter' : 'mailboxBrokenCharacter', {
      codePoint: unusable.codePoint,
      position: String(unusable.position),
    });
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

  const redirectPort = input.redirectPort ?? provider?.redirect.defaultPort ?? DEFAULT_REDIRECT_PORT;
  if (!Number.isInteger(redirectPort) || redirectPort < 0 || redirectPort > 65535)
    issue('redirectPort', 'portInvalid');

  const redirectPath =
    (input.redirectPath ?? '').trim() || (provider?.redirect.defaultPath ?? DEFAULT_REDIRECT_PATH);
  if (!PATH.test(redirectPath)) issue('redirectPath', 'pathInvalid');

  const outFile = (input.outFile ?? '').trim() || DEFAULT_OUT_FILE;

  const timeoutSeconds = input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 10 || timeoutSeconds > 3600)
    issue('timeoutSeconds', 'timeoutInvalid');

  const secretExpires = input.clientSecretExpiresAt?.trim();
  if (secretExpires !== undefined && secretExpires !== '' && !isCalendarDate(secretExpires))
    issue('clientSecretExpiresAt', 'secretExpiryInvalid', { value: secretExpires });

  if (issues.length > 0 || provider === undefined || registration?.ok !== true) return { ok: false, issues };
  return {
    ok: true,
    profile: {
      provider: provider.id,
      providerValue: providerValue === '' ? provider.iniProviderValue : providerValue,
      ...(audience === '' ? {} : { appAudience: audience as AppAudience }),
      tenant: registration.registration.tenant,
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      userId,
      protocols,
      cloud: registration.registration.cloud,
      authority: registration.registration.authority,
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

/**
 * The redirect URI the listener serves and the registration must list, e.g. `http://localhost:8001/myapp/`
 * (Microsoft); the loopback host is the provider's.
 */
export function redirectUriOf(
  profile: Pick<Profile, 'redirectPort' | 'redirectPath'> & { provider?: ProviderId },
): string {
  const host = providerOf(profile.provider ?? DEFAULT_PROVIDER).redirect.host;
  return `http://${host}:${profile.redirectPort}${profile.redirectPath}`;
}

/** The INI endpoint values for a profile. */
export function profileEndpoints(profile: Pick<Profile, 'provider' | 'tenant' | 'cloud' | 'authority'>): {
  tokenUri: string;
  authorizeUri: string;
} {
  return providerOf(profile.provider).iniEndpoints(profile);
}
