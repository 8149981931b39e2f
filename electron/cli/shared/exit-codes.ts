/**
 * The CLI's exit codes: stable, documented in the README, so schedulers and scripts can act on them.
 */
import type { ErrorCode } from '../../core/errors.js';

export const EXIT = {
  ok: 0,
  /** A bug: please report it. */
  unexpected: 1,
  /** Wrong command line or input: the message says what to fix. */
  usage: 2,
  /** Entra refused: sign-in declined, wrong secret, missing consent… (the explanation says which). */
  signIn: 3,
  /** The identity provider could not be reached or answered badly (network, proxy, TLS, 5xx, 429). */
  network: 4,
  /** The INI file could not be read or written (an existing file is left as it was). */
  file: 5,
  /** Nobody completed sign-in in time (or before the device code expired). */
  timeout: 6,
  /** The redirect port could not be opened (busy: the message suggests another). */
  listener: 7,
  /** Interrupted (Ctrl+C), as shells report SIGINT. */
  cancelled: 130,
  /** `rtw refresh`/`show`: a token expired or was revoked; re-issue it (`rtw acquire --from FILE`). */
  needsReissue: 8,
  /** Another run holds the file's lock; nothing was changed (try again later). */
  busy: 9,
  /** `rtw check`: a mail login failed, or the token does not fit the mail servers (the explanation says why). */
  mailCheck: 10,
  /** `rtw acquire`: the account that signed in is not the mailbox (`--allow-delegate` for a shared mailbox). */
  delegate: 11,
  /** `rtw schedule`: the OS scheduler refused (its answer is shown) or none is available. */
  scheduler: 12,
  /** `rtw alert test`: an alert channel did not deliver (which one and why is shown). */
  alert: 13,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code for an error code. */
export function exitCodeFor(code: ErrorCode | 'unexpected'): ExitCode {
  switch (code) {
    case 'invalid-input':
    case 'value-unwritable':
    case 'device-code-unsupported':
      return EXIT.usage;
    case 'authorization-denied':
    case 'aadsts':
    case 'oauth-error':
    case 'no-refresh-token':
    case 'device-code-declined':
    case 'device-code-not-public':
    case 'start-link-reused':
      return EXIT.signIn;
    case 'delegate-not-confirmed':
      return EXIT.delegate;
    case 'secret-reentry-required':
    case 'path-not-allowed':
      return EXIT.usage;
    case 'id-token-invalid':
      return EXIT.network;
    case 'idp-unreachable':
    case 'proxy-refused':
    case 'proxy-auth-required':
    case 'idp-tls':
    case 'idp-timeout':
    case 'idp-http':
    case 'idp-bad-response':
      return EXIT.network;
    case 'file-unreadable':
    case 'file-unwritable':
    case 'file-format':
    case 'not-a-token-file':
    case 'file-unsafe':
    case 'file-changed':
    case 'file-read-only':
    case 'file-owner':
    case 'file-value-invalid':
      return EXIT.file;
    case 'file-busy':
      return EXIT.busy;
    case 'timeout':
    case 'device-code-expired':
      return EXIT.timeout;
    case 'port-busy':
    case 'listener-failed':
      return EXIT.listener;
    case 'cancelled':
      return EXIT.cancelled;
    case 'unexpected':
      return EXIT.unexpected;
  }
}
