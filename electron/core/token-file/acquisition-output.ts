/**
 * The end of an acquisition, whichever flow got the token (authorization code in session.ts, device code in
 * device-code.ts): the INI file written under its lock with the same values and metadata, or the failure
 * explained. Shared so the two flows cannot drift apart in what they write or how they report.
 */
import { explainError } from '../diagnose/index.js';
import type { DiagnoseContext, Explanation } from '../diagnose/index.js';
import { RtwError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import { withFileLock } from './file-lock.js';
import { maskSecret } from './mask.js';
import type { Profile } from '../sign-in/index.js';
import { writeTokenFile } from './token-file.js';
import type { PortabilityWarning } from './token-file.js';
import { oauth2ValuesFor } from './values.js';

/** A written token file, as the caller reports it (the token masked, never whole). */
export interface AcquisitionSuccess {
  ok: true;
  file: string;
  backupFile?: string;
  userId: string;
  signedInAs: string;
  refreshTokenMasked: string;
  warnings: PortabilityWarning[];
}

/** A failed acquisition, explained. */
export interface AcquisitionFailure {
  ok: false;
  code: ErrorCode | 'unexpected';
  explanation: Explanation;
  error: unknown;
}

/** What a flow obtained from Entra. */
export interface AcquiredTokens {
  refreshToken: string;
  /** The account that signed in (a delegate for a shared mailbox). */
  username: string;
}

/**
 * Writes the token and the profile's values to the INI file, under the file's lock: a scheduled `rtw refresh`
 * reading the old token meanwhile must not write its rotation of the old chain over the token just issued.
 */
export async function writeAcquiredToken(
  profile: Profile,
  tokens: AcquiredTokens,
  scopes: readonly string[],
  now: () => Date,
): Promise<{ success: AcquisitionSuccess; created: boolean }> {
  const written = await withFileLock(profile.outFile, () =>
    writeTokenFile(profile.outFile, {
      oauth2: oauth2ValuesFor(profile, tokens.refreshToken),
      meta: {
        IssuedAt: now().toISOString(),
        Tenant: profile.tenant,
        Cloud: profile.cloud,
        Authority: profile.authority,
        Protocols: profile.protocols.join(','),
        Scopes: scopes.join(' '),
        SignedInAs: tokens.username,
        ...(profile.clientSecretExpiresAt === undefined
          ? {}
          : { ClientSecretExpiresAt: profile.clientSecretExpiresAt }),
      },
    }),
  );
  return {
    created: written.created,
    success: {
      ok: true,
      file: written.path,
      ...(written.backupPath === undefined ? {} : { backupFile: written.backupPath }),
      userId: profile.userId,
      signedInAs: tokens.username,
      refreshTokenMasked: maskSecret(tokens.refreshToken),
      warnings: written.warnings,
    },
  };
}

/** Any thrown value as a failure result: an RtwError keeps its code, anything else is 'unexpected'. */
export function failureOf(error: unknown, context: DiagnoseContext): AcquisitionFailure {
  const code = RtwError.is(error) ? error.code : 'unexpected';
  return { ok: false, code, explanation: explainError(error, context), error };
}

/** The event that reports a failure: cancelling is not a failure to explain. */
export function failureEvent(
  failure: AcquisitionFailure,
): { type: 'cancelled' } | { type: 'failed'; code: ErrorCode | 'unexpected'; explanation: Explanation } {
  return failure.code === 'cancelled'
    ? { type: 'cancelled' }
    : { type: 'failed', code: failure.code, explanation: failure.explanation };
}
