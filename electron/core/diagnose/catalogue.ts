/**
 * The diagnose catalogue: every failure the product can explain, as data, in one list. The CLI, the wizard, the
 * listener's browser page and the generated troubleshooting doc all read it, so they say the same thing.
 * Data only (no Node APIs): the React renderer imports it too.
 */
import type { CatalogueEntry, ProviderErrorPattern } from './types.js';
import { ENTRA_ENTRIES } from './entries-entra.js';
import { OAUTH_ENTRIES } from './entries-oauth.js';
import { APP_ENTRIES, GENERIC_ENTRIES } from './entries-app.js';
import { MAIL_ENTRIES } from './entries-mail.js';
import { CHECK_ENTRIES } from './entries-check.js';
import {
  IMAP_CODE_ENTRIES,
  POP_CODE_ENTRIES,
  SMTP_CODE_ENTRIES,
  XOAUTH2_CHALLENGE_ENTRIES,
} from './entries-mail-standards.js';
import { GOOGLE_ENTRIES } from './entries-google.js';
import { HARDENING_ENTRIES } from './entries-hardening.js';

/** Every id the catalogue holds; explainers name entries by it, so a typo is a compile error. */
export type EntryId =
  | (typeof ENTRA_ENTRIES)[number]['id']
  | (typeof OAUTH_ENTRIES)[number]['id']
  | (typeof APP_ENTRIES)[number]['id']
  | (typeof MAIL_ENTRIES)[number]['id']
  | (typeof SMTP_CODE_ENTRIES)[number]['id']
  | (typeof IMAP_CODE_ENTRIES)[number]['id']
  | (typeof POP_CODE_ENTRIES)[number]['id']
  | (typeof XOAUTH2_CHALLENGE_ENTRIES)[number]['id']
  | (typeof CHECK_ENTRIES)[number]['id']
  | (typeof GOOGLE_ENTRIES)[number]['id']
  | (typeof HARDENING_ENTRIES)[number]['id']
  | (typeof GENERIC_ENTRIES)[number]['id'];

/** Everything the catalogue explains, in the order of the troubleshooting doc (and of mail-reply matching). */
export const CATALOGUE: readonly CatalogueEntry[] = [
  ...ENTRA_ENTRIES,
  ...OAUTH_ENTRIES,
  ...APP_ENTRIES,
  ...HARDENING_ENTRIES,
  ...MAIL_ENTRIES,
  ...SMTP_CODE_ENTRIES,
  ...IMAP_CODE_ENTRIES,
  ...POP_CODE_ENTRIES,
  ...XOAUTH2_CHALLENGE_ENTRIES,
  ...CHECK_ENTRIES,
  ...GOOGLE_ENTRIES,
  ...GENERIC_ENTRIES,
];

const BY_ID: ReadonlyMap<string, CatalogueEntry> = new Map(CATALOGUE.map((entry) => [entry.id, entry]));
const BY_AADSTS: ReadonlyMap<number, CatalogueEntry> = new Map(
  CATALOGUE.flatMap((entry) => (entry.aadsts === undefined ? [] : [[entry.aadsts, entry] as const])),
);
const BY_OAUTH_ERROR: ReadonlyMap<string, CatalogueEntry> = new Map(
  CATALOGUE.flatMap((entry) => (entry.oauthError === undefined ? [] : [[entry.oauthError, entry] as const])),
);
/** A provider's own error entries, in catalogue order: those with description phrases before their fallback. */
const PROVIDER_ERRORS: ReadonlyArray<CatalogueEntry & { providerError: ProviderErrorPattern }> =
  CATALOGUE.filter(
    (entry): entry is CatalogueEntry & { providerError: ProviderErrorPattern } =>
      entry.providerError !== undefined,
  );

/** The entry with this id. */
export function entryById(id: EntryId): CatalogueEntry {
  const entry = BY_ID.get(id);
  // Unreachable while EntryId is derived from the lists above; kept so a broken build fails loudly, not silently.
  if (entry === undefined) throw new Error(`Diagnose catalogue has no entry '${id}'`);
  return entry;
}

/** The entry for an AADSTS number, if the catalogue knows it. */
export function entryForAadsts(aadsts: number): CatalogueEntry | undefined {
  return BY_AADSTS.get(aadsts);
}

/** The entry for an OAuth `error` value, if the catalogue knows it. */
export function entryForOAuthError(error: string): CatalogueEntry | undefined {
  return BY_OAUTH_ERROR.get(error.trim().toLowerCase());
}

/**
 * The entry for a provider's own error answer: the first whose `error` matches and whose description phrases (if
 * it has any) occur in the description, case-insensitively.
 */
export function entryForProviderError(
  provider: ProviderErrorPattern['provider'],
  error: string,
  description: string,
): CatalogueEntry | undefined {
  const code = error.trim().toLowerCase();
  const text = description.toLowerCase();
  return PROVIDER_ERRORS.find(
    ({ providerError: p }) =>
      p.provider === provider &&
      p.error === code &&
      (p.descriptions === undefined || p.descriptions.some((phrase) => text.includes(phrase.toLowerCase()))),
  );
}
