/**
 * Expected failures of the product, as data. A bug throws a plain Error; everything a user can cause or meet
 * (a busy port, a wrong secret, an unreachable identity provider) is an `RtwError` with a stable `code` and
 * the parameters its explanation needs. The explanation itself (what happened, why, how to fix it, in Japanese
 * and English) comes from the diagnose catalogue, so the CLI, the wizard and the browser page say the same.
 *
 * Parameters must never hold a secret: no client secret, code, access or refresh token.
 */

/**
 * Why a token file's path is not written (`file-unsafe`): a symlink someone other than the writer or root made
 * (`link-not-owned`), a symlink in a folder others can write or another user owns (`link-shared-folder`), a symlink
 * on Windows, whose owner Node cannot read (`link-windows`), a link to nothing, where no file is created
 * (`dangling-link`), another user's file in a folder others can write (`foreign-file`: keeping its owner would hand
 * them the token), or not a file at all (`not-a-file`: a folder, pipe or device).
 */
export type FileUnsafeReason =
  'link-not-owned' | 'link-shared-folder' | 'link-windows' | 'dangling-link' | 'foreign-file' | 'not-a-file';

/** Every error code the core raises, with the parameters each carries. */
export interface ErrorParams {
  /** Input failed validation; `issues` lists the fields and what to fix. */
  'invalid-input': { fields: string };
  /** The redirect port is taken by another program. */
  'port-busy': { port: number; suggestedPort?: number };
  /** The listener could not start for another reason (permission, address not available). */
  'listener-failed': { port: number; reason: string };
  /** Nobody completed sign-in before the timeout. */
  timeout: { seconds: number };
  /** The user (or the calling program) cancelled. */
  cancelled: Record<string, never>;
  /** The identity provider redirected back with `error=` (declined consent, policy…). */
  'authorization-denied': {
    error: string;
    description: string;
    aadsts?: number;
    traceId?: string;
    correlationId?: string;
    /** Entra's own timestamp of the failure: with the IDs, what its sign-in logs and support ask for. */
    timestamp?: string;
  };
  /** The identity provider answered with an Entra error (AADSTS code). */
  aadsts: {
    aadsts: number;
    error: string;
    description: string;
    traceId?: string;
    correlationId?: string;
    timestamp?: string;
  };
  /**
   * An OAuth error without an AADSTS code (Google's, or Entra's bare `invalid_grant`); `provider` says whose
   * catalogue explains it (Microsoft when absent).
   */
  'oauth-error': { error: string; description: string; provider?: 'google' };
  /** No connection to the identity provider (DNS, refused, reset, proxy). */
  'idp-unreachable': { host: string; reason: string };
  /**
   * The HTTPS proxy (`HTTPS_PROXY`) refused to open a tunnel to the identity provider (403 and the like).
   * `proxy` is its `host:port`, never the credentials.
   */
  'proxy-refused': { proxy: string; host: string; status: number };
  /** The HTTPS proxy wants credentials (407): none were in `HTTPS_PROXY`, or the ones there were refused. */
  'proxy-auth-required': { proxy: string; host: string; credentialsGiven: boolean };
  /** The identity provider's TLS certificate was not trusted. */
  'idp-tls': { host: string; reason: string };
  /** The identity provider took longer than the network timeout. */
  'idp-timeout': { host: string; seconds: number };
  /** The identity provider answered with an HTTP error that is not an Entra error (500, 429, a proxy page). */
  'idp-http': { host: string; status: number; retryAfter?: string };
  /** The identity provider's answer was not the JSON it should be. */
  'idp-bad-response': { host: string; status: number };
  /** Sign-in succeeded but no refresh token came back (offline_access not granted). */
  'no-refresh-token': Record<string, never>;
  /** Device code flow: nobody signed in with the code before it expired (Entra's `expired_token`). */
  'device-code-expired': { seconds: number };
  /** Device code flow: the person signing in declined (Entra's `authorization_declined`). */
  'device-code-declined': Record<string, never>;
  /** Device code flow asked of a provider whose device flow does not allow the mail scopes (Google's). */
  'device-code-unsupported': { provider: 'microsoft' | 'google' };
  /**
   * Device code flow: Entra treats the app as a confidential client and wants a secret (AADSTS7000218), because
   * "Allow public client flows" is off in its registration.
   */
  'device-code-not-public': { aadsts: number; traceId?: string; correlationId?: string };
  /** The INI file could not be read. */
  'file-unreadable': { path: string; reason: string };
  /** The INI file could not be written; an existing file is untouched. */
  'file-unwritable': { path: string; reason: string };
  /** The INI file is in a form we will not rewrite without losing something (UTF-16, binary). */
  'file-format': { path: string; reason: string };
  /** A value cannot be stored in an INI file so that a reader gets it back (CR, LF or NUL). */
  'value-unwritable': { key: string; reason: string };
  /** Another run (a scheduled refresh, the wizard) holds the file's lock; nothing was changed. */
  'file-busy': { path: string; seconds: number };
  /** The file is not a token file we can refresh: `key` of `[OAUTH2]` is missing or empty. */
  'not-a-token-file': { path: string; key: string };
  /** The path is not safe to write (see FileUnsafeReason); nothing was written. `target`: where a link points. */
  'file-unsafe': { path: string; reason: FileUnsafeReason; target?: string; owner?: number };
  /** The path no longer names the file that was read (renamed, replaced, a link put there): nothing was written. */
  'file-changed': { path: string };
  /** The file is read-only (no write permission for anyone; Windows' read-only attribute): nothing was written. */
  'file-read-only': { path: string };
  /** The new file cannot be given the old file's owner and group (a writer other than root); nothing was written. */
  'file-owner': { path: string; uid: number; gid: number; reason: string };
  /** A value in the file is unusable as it is (a malformed %-escape in a URI): `key` names it, never its value. */
  'file-value-invalid': { path: string; key: string; reason: string };
  // Issue #15 (secrets and sign-in, hostile answers): codes of the hardening.
  /** The browser's one-time sign-in link was opened twice: someone else may hold the attempt; it was stopped. */
  'start-link-reused': Record<string, never>;
  /**
   * A kept (file) or remembered secret would go to another token endpoint than the one it was recorded with (the
   * authority, tenant, cloud or provider changed): the secret must be entered again. `from`/`to` are the endpoints.
   */
  'secret-reentry-required': { from: string; to: string };
  /** The account that signed in is not the mailbox, and nobody confirmed it as a delegate: nothing was written. */
  'delegate-not-confirmed': { signedInAs: string; userId: string };
  /** The token answer's ID token does not fit this sign-in (`claim`: iss, aud, tid, exp, iat, nbf, nonce, …). */
  'id-token-invalid': { host: string; claim: string };
  /**
   * The window named a file the admin neither picked in a dialog this session nor lists among the mailboxes, nor
   * wrote by a sign-in: the app does not read or change it (a compromised window could name any file).
   */
  'path-not-allowed': { path: string };
}

export type ErrorCode = keyof ErrorParams;

/** An expected failure, carrying a stable code and the parameters its explanation needs. */
export class RtwError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'RtwError';
  readonly code: C;
  readonly params: ErrorParams[C];

  constructor(code: C, params: ErrorParams[C], options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? `${code}: ${JSON.stringify(params)}`, { cause: options?.cause });
    this.code = code;
    this.params = params;
  }

  /** Narrows an unknown thrown value to an RtwError, optionally of one code. */
  static is<C extends ErrorCode>(value: unknown, code?: C): value is RtwError<C> {
    return value instanceof RtwError && (code === undefined || value.code === code);
  }
}

/** For exhaustive switches: a value the type system says cannot exist. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
