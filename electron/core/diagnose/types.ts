/**
 * Shapes shared by the diagnose catalogue and its explainers. Kept free of Node-only types because the React
 * renderer imports the catalogue too.
 */
import type { Localized } from '../i18n.js';
import type { ProviderId } from '../providers/index.js';

/** Mail protocols whose server replies the catalogue recognises. */
export type MailProtocol = 'smtp' | 'imap' | 'pop';

/** What a catalogue entry explains; the troubleshooting doc groups entries by it. */
export type EntryKind = 'entra' | 'oauth' | 'app' | 'mail' | 'google' | 'generic';

/**
 * An error answer of one provider that an entry explains: its OAuth `error` and, where the provider tells cases
 * apart only by its description (Google's `invalid_grant`), phrases of the description (case-insensitive, any
 * one of them). Entries without phrases catch the rest of their `error`.
 */
export interface ProviderErrorPattern {
  readonly provider: 'google';
  readonly error: string;
  readonly descriptions?: readonly string[];
}

/**
 * How a server reply is recognised: the enhanced status code (SMTP, RFC 3463), the response code in brackets
 * (IMAP, RFC 5530; POP, RFC 2449/3206) and phrases, all case-insensitive. When several entries match, the most
 * specific wins: a code with phrases, then a code alone, then phrases alone (mail-replies.ts).
 */
export interface ReplyPattern {
  readonly protocol: MailProtocol;
  /**
   * Enhanced status code such as `5.7.139`, matched as a whole token (never inside `5.7.1390`); or a range of
   * details such as `4.7.500-699`.
   */
  readonly status?: string;
  /** Response code such as `AUTHENTICATIONFAILED` or `SYS/TEMP`, in brackets in the reply (`[SYS/TEMP/…]` counts). */
  readonly responseCode?: string;
  /** Every phrase must occur in the reply (whitespace collapsed). Empty: the code alone decides. */
  readonly phrases: readonly string[];
  /** A real reply of this kind, for the generated doc and the tests. */
  readonly example: string;
}

/** One failure the catalogue explains: templates with `{placeholders}` filled from the context and error. */
export interface CatalogueEntry {
  readonly id: string;
  readonly kind: EntryKind;
  /** Entra error number, for `kind: 'entra'`. */
  readonly aadsts?: number;
  /** OAuth `error` value (RFC 6749), for `kind: 'oauth'`. */
  readonly oauthError?: string;
  /** Server reply pattern, for `kind: 'mail'` (and Gmail's replies among `kind: 'google'`). */
  readonly reply?: ReplyPattern;
  /** A provider's own error answer, for `kind: 'google'`. */
  readonly providerError?: ProviderErrorPattern;
  /** Only the fallbacks: they say "we don't know this one" and show the raw text. */
  readonly generic?: boolean;
  readonly title: Localized;
  readonly why: Localized;
  readonly steps: readonly Localized[];
  readonly command?: string;
  readonly docsUrl?: string;
  readonly retryable?: boolean;
}

/** Raw details kept for unknown codes and support tickets. Never holds a secret. */
export interface RawDetails {
  message: string;
  aadsts?: number;
  traceId?: string;
  correlationId?: string;
  timestamp?: string;
}

/** A failure explained: what happened, why, and the fix as ordered steps, in every language. */
export interface Explanation {
  /** Stable id: 'AADSTS7000215', 'port-busy', 'smtp-535-5.7.139-smtp-auth-disabled', 'unknown-aadsts', 'unexpected'… */
  id: string;
  title: Localized;
  why: Localized;
  steps: Localized[];
  command?: string;
  docsUrl?: string;
  retryable?: boolean;
  raw?: RawDetails;
}

/** What the caller knows about the attempt; fills the placeholders of the fix. */
export interface DiagnoseContext {
  /** The identity provider of the attempt: its own entries explain what it says (default Microsoft). */
  provider?: ProviderId;
  redirectUri?: string;
  mailbox?: string;
  tenant?: string;
  clientId?: string;
  port?: number;
  authorityHost?: string;
}

/** The parts of an Entra `error_description`. */
export interface EntraErrorParts {
  aadsts?: number;
  message: string;
  traceId?: string;
  correlationId?: string;
  timestamp?: string;
}
