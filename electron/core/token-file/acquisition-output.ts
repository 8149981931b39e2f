/**
 * The end of an acquisition, whichever flow got the token (authorization code in session.ts, device code in
 * device-code.ts): the INI file written under its lock with the same values and metadata, or the failure
 * explained. Shared so the two flows cannot drift apart in what they write or how they report.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { explainError } from '../diagnose/index.js';
import type { DiagnoseContext, Explanation } from '../diagnose/index.js';
import { RtwError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import { withFileLock } from './file-lock.js';
import { maskSecret } from './mask.js';
import type { BackupFailure } from './atomic-write.js';
import { providerOf } from '../providers/index.js';
import type { AcquiredTokens } from '../providers/index.js';
import type { Profile } from '../sign-in/index.js';
import { signInValues } from './schema.js';
import type { KeyValues, OAuth2Key } from './schema.js';
import { writeTokenFile } from './token-file.js';
import type { PortabilityWarning } from './token-file.js';

/** A written token file, as the caller reports it (the token masked, never whole). */
export interface AcquisitionSuccess {
  ok: true;
  file: string;
  backupFile?: string;
  /** The backup that could not be written, and why; the token is in the file all the same. */
  backupFailed?: BackupFailure;
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

/** Everything a sign-in writes to the file for a profile, its tokens and the scopes asked for. */
export function issuedValues(
  profile: Profile,
  tokens: Pick<AcquiredTokens, 'refreshToken' | 'username' | 'refreshTokenExpiresAt'>,
  scopes: readonly string[],
  now: Date,
): KeyValues {
  const provider = providerOf(profile.provider);
  return signInValues({
    profile,
    refreshToken: tokens.refreshToken,
    endpoints: provider.iniEndpoints(profile),
    ...(tokens.refreshTokenExpiresAt === undefined
      ? {}
      : { refreshTokenExpiresAt: tokens.refreshTokenExpiresAt }),
    scopes,
    signedInAs: tokens.username,
    now,
  });
}

/** The `[OAUTH2]` values a sign-in would write for a profile: what the wizard previews before it. */
export function oauth2ValuesFor(profile: Profile, refreshToken: string): Partial<Record<OAuth2Key, string>> {
  return issuedValues(profile, { refreshToken, username: '' }, [], new Date(0)).oauth2;
}

/**
 * Writes the token and the profile's values to the INI file, under the file's lock: a scheduled `rtw refresh`
 * reading the old token meanwhile must not write its rotation of the old chain over the token just issued.
 */
export async function writeAcquiredToken(
  profile: Profile,
  tokens: Pick<AcquiredTokens, 'refreshToken' | 'username' | 'refreshTokenExpiresAt'>,
  scopes: readonly string[],
  now: () => Date,
): Promise<{ success: AcquisitionSuccess; created: boolean }> {
  // The desktop app's default is a folder per mailbox, which may not exist yet: made here, as a save dialog's
  // "new folder" would, so the lock (a sibling directory) and the file can be created in it.
  await mkdir(dirname(profile.outFile), { recursive: true }).catch((error: unknown) => {
    throw new RtwError(
      'file-unwritable',
      { path: profile.outFile, reason: String((error as NodeJS.ErrnoException).code ?? error) },
      { cause: error },
    );
  });
  const written = await withFileLock(profile.outFile, () =>
    writeTokenFile(profile.outFile, issuedValues(profile, tokens, scopes, now())),
  );
  return {
    created: written.created,
    success: {
      ok: true,
      file: written.path,
      ...(written.backupPath === undefined ? {} : { backupFile: written.backupPath }),
      ...(written.backupFailed === undefined ? {} : { backupFailed: written.backupFailed }),
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
