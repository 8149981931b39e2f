/**
 * The provider seam: what differs per identity provider (Microsoft Entra ID, Google), behind one interface.
 *
 * The rest of the core speaks only this: a profile names its provider, and the session, the refresh, the token
 * file, the check and the health report ask the provider for endpoints, scopes, the shape of its answers and
 * errors, its mail hosts and its refresh-token rules. A new provider is a folder under providers/ implementing
 * `IdentityProvider`, plus its entries in diagnose/; nothing else in the core names a provider.
 *
 * This module and each provider's descriptor are pure (no Node, no MSAL): the renderer reads the same table to
 * draw the form. What needs Node or a heavy library (MSAL's code flow) is behind flows.ts, loaded when a sign-in
 * starts: a scheduled `rtw refresh` never loads MSAL, and the renderer's bundle never holds it.
 */
import type { RtwError } from '../errors.js';
import type { Explanation } from '../diagnose/types.js';
import type { Localized } from '../i18n.js';
import type { IdpNetworkClient } from '../transport/network-client.js';

/** Every identity provider the product supports. */
export const PROVIDER_IDS = ['microsoft', 'google'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** True for a provider this build knows. */
export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

export const PROTOCOLS = ['smtp', 'imap', 'pop'] as const;
/** A mail protocol the token is for. */
export type Protocol = (typeof PROTOCOLS)[number];

/** A mail server endpoint. */
export interface MailHost {
  host: string;
  port: number;
  /** `starttls` upgrades a plain connection (SMTP 587); `tls` is TLS from the first byte (IMAP 993, POP 995). */
  security: 'starttls' | 'tls';
}

/**
 * Where a token was issued, as a token file records it: read from its `TokenURI` (what the sender uses, so the
 * truth), else `OuthURI`, else our meta section.
 */
export interface RecordedAuthority {
  provider: ProviderId;
  /** The provider's base for this registration, e.g. `https://login.microsoftonline.com/contoso.com`. */
  authority: string;
  /** The token endpoint the sender POSTs to: the file's `TokenURI` when it names this provider. */
  tokenUri: string;
  host: string;
  /** Microsoft: the tenant in the path; Google: ''. */
  tenant: string;
  /** Microsoft: the national cloud of a Microsoft host; undefined for a private host (the sandbox) and Google. */
  cloud: string | undefined;
}

/** The registration part of a validated profile: what a provider derives from the admin's input. */
export interface Registration {
  provider: ProviderId;
  /** Microsoft: `common`, a tenant ID or a domain; Google: ''. */
  tenant: string;
  /** Microsoft: a cloud name; Google: 'global'. */
  cloud: string;
  /** The provider's base URL for this registration (Microsoft: `https://host/tenant`). */
  authority: string;
}

/** The admin's input for the registration part of a profile (the rest is the same for every provider). */
export interface RegistrationInput {
  /** Microsoft: `common`, `organizations`, `consumers`, a tenant ID or a domain. */
  tenant?: string;
  clientId?: string;
  /** The secret Value; empty or absent for a public client. */
  clientSecret?: string;
  /** No secret: Microsoft's "Mobile and desktop" registration or one allowing public client flows. */
  publicClient?: boolean;
  /** Microsoft: a national cloud. */
  cloud?: string;
  /** Microsoft: overrides cloud and tenant (a national or private cloud, or the sandbox). */
  authority?: string;
}
export type RegistrationField = keyof RegistrationInput;

/** One problem with one registration field, with what to fix. */
export interface RegistrationIssue {
  field: RegistrationField;
  key: string;
  message: Localized;
}

/** A validated registration, or every problem found. */
export type RegistrationValidation =
  | { ok: true; registration: Registration; clientId: string; clientSecret: string | undefined }
  | { ok: false; issues: RegistrationIssue[] };

/** The values a provider writes to `[OAUTH2]` besides the account's. */
export interface IniEndpoints {
  tokenUri: string;
  authorizeUri: string;
}

/** A token endpoint's successful answer, read and checked (RFC 6749 §5.1). */
export interface TokenAnswer {
  accessToken: string;
  /** Present when the provider issued one (Entra: always with offline_access; Google: on sign-in, rarely on refresh). */
  refreshToken?: string;
  expiresIn?: number;
  /** Scopes granted, as reported; the requested ones when the provider did not say. */
  scopes: string[];
  idToken?: string;
  /** Google's time-limited access: seconds until the refresh token itself dies. */
  refreshTokenExpiresIn?: number;
}

/** What a sign-in obtained. */
export interface AcquiredTokens {
  refreshToken: string;
  /** The account that signed in (a delegate for a shared mailbox); '' when the provider did not say. */
  username: string;
  /** Scopes as granted. */
  scopes: string[];
  /** Google's time-limited access: when the refresh token dies (ISO 8601). */
  refreshTokenExpiresAt?: string;
}

/** One browser sign-in under way: the URL to open, and how to redeem the code the redirect brings. */
export interface CodeFlowAttempt {
  /** The provider's authorize URL, with the attempt's PKCE challenge (S256) and `state`. */
  url: string;
  redeem(code: string): Promise<AcquiredTokens>;
}

/** The authorization code flow of one provider (Microsoft: MSAL; Google: the token client). */
export interface CodeFlow {
  begin(params: {
    clientId: string;
    clientSecret: string | undefined;
    authority: string;
    scopes: readonly string[];
    redirectUri: string;
    loginHint: string;
    /** The attempt's one-time values (oauth/pkce.ts): the listener already waits for this `state`. */
    request: { state: string; codeVerifier: string; codeChallenge: string };
    /** How the listener takes the answer (the provider's `redirect.responseMode`): the URL must ask for it. */
    responseMode: 'query' | 'form_post';
    network: IdpNetworkClient;
    now: () => Date;
  }): Promise<CodeFlowAttempt>;
}

/**
 * What a provider's access tokens say about themselves (JWT claims), for the check to explain a failure before
 * the mail server refuses. A provider whose access tokens are opaque (Google) has none.
 */
export interface AccessTokenRules {
  /** Audiences the mail servers accept for this cloud, normalised (lower case, no trailing slash). */
  audiences(cloud: string): string[];
  /** True for the classic wrong audience (Microsoft Graph, which a bare `SMTP.Send` scope names). */
  isWrongResource(audience: string): boolean;
  /** The short permission a protocol needs in the token's `scp` (`SMTP.Send`). */
  permission(cloud: string, protocol: Protocol): string;
  /** The tenant ID the token must carry for a recorded tenant, when the tenant names exactly one. */
  tenantIdOf(tenant: string): string | undefined;
}

/** What a provider says about one of its access tokens when asked (Google's tokeninfo). */
export interface AccessTokenInfo {
  /** The scopes the token carries. */
  scopes: string[];
  /** The OAuth client it was issued to. */
  audience?: string;
  /** When it expires (ISO 8601). */
  expiresAt?: string;
  /** The account, when the token's scopes let the provider name it. */
  user?: string;
}

/**
 * Asking a provider about an access token it issued, for a provider whose access tokens cannot be read by their
 * holder (Google's are opaque): the check learns the token's scopes before the mail server refuses it.
 */
export interface TokenInfoSupport {
  /** The endpoint; the token goes in an `Authorization: Bearer` header of a POST, never in the URL. */
  readonly endpoint: string;
  /** Reads a successful answer; undefined when it is not one. */
  read(answer: Record<string, unknown>): AccessTokenInfo | undefined;
}

/** An account's place at a provider, as far as choosing its mail servers is concerned. */
export interface MailAccount {
  cloud: string;
  /** Microsoft: the tenant (`consumers` means a personal account). */
  tenant: string;
  /** The mailbox (UserID). */
  userId: string;
}

/** A provider's device code sign-in (RFC 8628): where to ask for a code, and its error answers. */
export interface DeviceCodeSupport {
  /** The device authorization endpoint of an authority. */
  authorizationEndpoint(authority: string): string;
  /** Our error for an error answer of the device flow (`expired_token`, a decline, the provider's own codes). */
  errorOf(this: void, answer: Record<string, unknown>, grant: { expiresIn: number } | undefined): RtwError;
}

/** `error`: the sign-in cannot work as entered; `warning`: it may not; `info` and `ok`: for the record. */
export type PreflightSeverity = 'error' | 'warning' | 'info' | 'ok';

/** One thing the pre-flight found. */
export interface PreflightFinding {
  /** `input.<key>` for validation issues, else one of the ids below. */
  id: string;
  severity: PreflightSeverity;
  /** The form field to point at. */
  field?: RegistrationField | 'userId';
  message: Localized;
  /** For registration problems: the catalogue's full explanation (what, why, fix). */
  explanation?: Explanation;
}

/** How the registration probe came out. */
export type ProbeOutcome =
  'secret-valid' | 'refused' | 'inconclusive' | 'failed' | 'skipped-public-client' | 'skipped-consumers';

/** The profile as a provider's pre-flight sees it. */
export interface PreflightProfile extends Registration {
  clientId: string;
  clientSecret: string | undefined;
  userId: string;
}

/** A provider's checks before the browser opens. */
export interface PreflightChecks {
  /** Account and tenant combinations that cannot sign in. */
  accountFindings(profile: PreflightProfile): PreflightFinding[];
  /** A probe of the registration over the network, where the provider has a harmless one. */
  probe?(
    profile: PreflightProfile,
    network: IdpNetworkClient,
  ): Promise<{ outcome: ProbeOutcome; aadsts?: number; finding: PreflightFinding }>;
}

/** One provider. */
export interface IdentityProvider {
  readonly id: ProviderId;
  /** The name admins know, for the provider choice. */
  readonly displayName: Localized;
  /** The INI `Provider=` value SMAIL expects for this provider (overridable per file). */
  readonly iniProviderValue: string;

  /**
   * Sign-in redirect: the loopback host, the default port and path (0 = any free port), and how the provider
   * delivers its answer there: `form_post` keeps the code and state out of every URL (and so out of the browser's
   * history), where the provider offers it for this kind of client; else `query`.
   */
  readonly redirect: {
    host: 'localhost' | '127.0.0.1';
    defaultPort: number;
    defaultPath: string;
    responseMode: 'query' | 'form_post';
  };
  /** The clouds (sovereign instances) the provider has, the default first; Google has one, `global`. */
  readonly clouds: readonly string[];
  /** The device code sign-in, where the provider offers it for the mail scopes (Google's does not allow them). */
  readonly deviceCode?: DeviceCodeSupport;
  /** Why the provider has no device code sign-in for mail, said where it would be offered (CLI, app). */
  readonly noDeviceCode?: Localized;
  /** Whether a registration can be a public client (no secret). */
  readonly supportsPublicClient: boolean;

  /**
   * Refresh-token rules: days of inactivity before it dies, whether each redemption rotates it, and whether the
   * refresh names the scopes it wants (Entra: it must, one resource at a time; Google: it need not, and without
   * them gets every scope the grant holds, as a sender refreshing by Google's guide does).
   */
  readonly refreshToken: { inactivityDays: number; rotates: boolean; scopeOnRefresh: boolean };

  /** Validates the registration fields (client ID and secret shapes, tenant, cloud…) with messages that say what to fix. */
  validateRegistration(input: RegistrationInput): RegistrationValidation;
  /** The INI endpoint values of a registration. */
  iniEndpoints(registration: Registration): IniEndpoints;
  /** Fully qualified mail scopes for the protocols, in protocol order. */
  mailScopes(registration: Pick<Registration, 'cloud'>, protocols: readonly Protocol[]): string[];
  /** Scopes every token request adds to the mail ones (Entra: `openid profile offline_access`). */
  readonly extraScopes: readonly string[];
  /**
   * The scopes a sign-in asks for, as the file records them (Entra: the mail scopes and `offline_access`, MSAL
   * adding the OpenID ones; Google: the mail scope and `openid email`, so the ID token names the account).
   */
  signInScopes(mailScopes: readonly string[]): string[];
  /** The token endpoint to redeem at, for a recorded authority. */
  tokenEndpoint(recorded: RecordedAuthority): string;
  /** Reads a token file's URI as this provider's, or undefined when it is not. */
  recognize(uri: string, metaCloud: string | undefined): RecordedAuthority | undefined;
  /** Our error for a token endpoint's error answer (JSON body already parsed; `{}` when not JSON). */
  tokenError(answer: Record<string, unknown>): RtwError;
  /** True when a refresh failure means the token is dead and someone must sign in again. */
  needsReissue(error: RtwError): boolean;
  /** The mail server an account's sender logs in to for a protocol (Outlook.com accounts send elsewhere). */
  mailHost(account: MailAccount, protocol: Protocol): MailHost;
  /** How to read the provider's access tokens, when they are readable. */
  readonly accessToken?: AccessTokenRules;
  /** How to ask the provider about an access token, when its tokens are not readable but it answers questions. */
  readonly tokenInfo?: TokenInfoSupport;
  /**
   * The mail scope the provider's mail servers need, one for every protocol (Google's `https://mail.google.com/`);
   * undefined when each protocol has its own (Entra).
   */
  readonly mailScope?: string;
}
