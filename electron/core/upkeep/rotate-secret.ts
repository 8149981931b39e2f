/**
 * Client secret rotation without any sign-in: every token file of one app gets the app's new secret, and keeps
 * working.
 *
 * A refresh token is bound to the user and the app (client), not to the client secret it was issued with
 * (Microsoft identity platform, "Refresh tokens"; a secret expiring or being deleted is not among the ways a token
 * is revoked), and Google's are bound the same way. So a file keeps working once its `ClientSecret` holds the
 * new Value; nobody has to sign in a printer's mailbox again.
 *
 * What a rotation does, in order:
 * 1. It reads the files: those of other apps are skipped (and said so), as are public-client files of this app
 *    (they hold no secret: sending one would be refused, AADSTS700025).
 * 2. It checks the new secret's shape with the provider's own rules (a secret ID pasted instead of the Value…),
 *    before anything is sent.
 * 3. It proves the secret with one file's refresh. The files are tried one at a time until one token is redeemed
 *    with it: the client authenticates before its grant is looked at, so a wrong Value (AADSTS7000215, an expired
 *    secret 7000222, Google's `invalid_client`) is refused at the first try, and then the rotation stops there,
 *    explained, with no file touched. A file whose own token is dead does not prove the secret; the next is tried.
 * 4. Every other file of the app, a few at a time, each under its own lock: redeem with the new secret, then write
 *    the new `ClientSecret`, `ClientSecretExpiresAt` and the rotated token (and `LastRefreshedAt`) in one atomic
 *    write with a `.bak`. Google does not rotate its tokens: the file keeps its own.
 * 5. A file whose token is dead (the provider's rules: 90 days unused, revoked…) needs a sign-in: once the secret
 *    is proven it still gets the new secret (its token untouched), so re-issuing it (`rtw acquire --from FILE`,
 *    or one click in the app) asks for nothing but the sign-in.
 *
 * The outcomes come in the order the files were given, whichever answer came first.
 */
import type { DiagnoseContext, Explanation } from '../diagnose/index.js';
import { RtwError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { Localized } from '../i18n.js';
import { DEFAULT_PROVIDER } from '../providers/index.js';
import type { ProviderId } from '../providers/index.js';
import { validateProfile } from '../sign-in/index.js';
import type { ValidationIssue } from '../sign-in/index.js';
import {
  maskSecret,
  readTokenFile,
  recordedProfile,
  secretRotationValues,
  withFileLock,
  openTokenFile,
} from '../token-file/index.js';
import type { TokenFileContent } from '../token-file/index.js';
import { mapInOrder } from './in-order.js';
import {
  DEFAULT_REFRESH_PARALLEL,
  failureOutcome,
  redeemFileToken,
  tokenFileWriteOptions,
  requireTokenFields,
  tokenFingerprint,
} from './refresh.js';
import type { RefreshDeps, RefreshedFile } from './refresh.js';

/**
 * The file now holds the new secret, its expiry and the token redeemed with it: what a refresh reports, and the
 * same token for a provider that does not rotate (fingerprint = previousFingerprint).
 */
export type RotatedFile = Omit<RefreshedFile, 'status'> & { status: 'rotated' };

/** The file's token is dead: someone must sign in again. */
export interface NeedsSignInFile {
  status: 'needs-sign-in';
  file: string;
  mailbox?: string;
  code: ErrorCode;
  /** Ends with how to re-issue: the command, or the wizard's re-issue. */
  explanation: Explanation;
  reissueCommand: string;
  /** The new secret was written into the file (its token left as it was), so a re-issue keeps it. */
  secretRecorded: boolean;
  backupFile?: string;
}

/** Anything else went wrong (network, file, lock busy…); the file is untouched. */
export interface FailedRotation {
  status: 'failed';
  file: string;
  mailbox?: string;
  code: ErrorCode | 'unexpected';
  explanation: Explanation;
}

/** Why a file was left alone. */
export type SkipReason =
  /** It belongs to another app (its client ID is given). */
  | 'other-app'
  /** It belongs to this app, as a public client: it holds no secret, and must not get one. */
  | 'public-client';

/** Left alone, on purpose. */
export interface SkippedFile {
  status: 'skipped';
  file: string;
  mailbox?: string;
  reason: SkipReason;
  /** The file's client ID (not a secret), for `other-app`. */
  clientId?: string;
}

/** How one file came out of the rotation. */
export type RotationOutcome = RotatedFile | NeedsSignInFile | FailedRotation | SkippedFile;

/** A file of the app, to be rotated. */
interface Candidate {
  kind: 'candidate';
  file: string;
  provider: ProviderId;
}

/** The files of a rotation, read: what is to be rotated, and what is already decided (skipped, unreadable). */
export interface SecretRotationPlan {
  clientId: string;
  /** The provider of the app's files (the first one's); undefined when the app has none among them. */
  provider: ProviderId | undefined;
  /** In the order the files were given. */
  entries: Array<Candidate | { kind: 'decided'; outcome: SkippedFile | FailedRotation }>;
  /** How many files of the app are to be rotated. */
  candidates: number;
}

/** The new secret, as the admin gave it. */
export interface NewClientSecret {
  value: string;
  /** `YYYY-MM-DD`; absent: recorded as unknown (the old secret's date would be wrong). */
  expiresAt?: string;
}

/** How a rotation ended. */
export type SecretRotationResult =
  /** The secret's shape is wrong (its ID pasted instead of its Value…): nothing was sent or written. */
  | { status: 'invalid-secret'; issues: ValidationIssue[] }
  /** None of the files belongs to the app: nothing was sent or written. */
  | { status: 'no-files'; outcomes: RotationOutcome[] }
  /** The identity provider refused the secret at the first file: nothing was written. */
  | { status: 'refused'; file: string; code: ErrorCode; explanation: Explanation }
  /**
   * Every file of the app was tried. `verified`: a token was redeemed with the new secret (when none could be,
   * because every token was dead or the network failed, the secret is unproven and was written nowhere).
   */
  | { status: 'done'; verified: boolean; outcomes: RotationOutcome[] };

/** The totals of a rotation. */
export interface RotationSummary {
  total: number;
  rotated: number;
  needsSignIn: number;
  failed: number;
  skipped: number;
}

/** What a rotation needs from the outside world: a refresh's, with outcomes of its own. */
export interface SecretRotationDeps extends Omit<RefreshDeps, 'onEvent' | 'onOutcome'> {
  /** Each file's outcome in the order the files were given, as soon as it and every earlier one are known. */
  onOutcome?: (outcome: RotationOutcome, index: number) => void;
  /** A file is held by another run: waiting for it. */
  onWaiting?: (file: string) => void;
}

const sameClientId = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * RFC 6749 §5.2's `invalid_client`: the client failed to authenticate, i.e. the secret was refused (Entra's
 * AADSTS7000215 wrong Value, 7000222 expired, 700025 a public client; Google's `invalid_client`). It stops a
 * rotation before any file is written.
 */
export function secretRefused(error: unknown): error is RtwError<'aadsts'> | RtwError<'oauth-error'> {
  if (!RtwError.is(error)) return false;
  if (error.code === 'aadsts') return (error as RtwError<'aadsts'>).params.error === 'invalid_client';
  if (error.code === 'oauth-error')
    return (error as RtwError<'oauth-error'>).params.error === 'invalid_client';
  return false;
}

/** Reads the files and sorts them: the app's, to rotate; others' and public clients', skipped; unreadable, failed. */
export async function planSecretRotation(
  clientId: string,
  files: readonly string[],
): Promise<SecretRotationPlan> {
  const entries = await mapInOrder(files, 8, async (file): Promise<SecretRotationPlan['entries'][number]> => {
    let content: TokenFileContent;
    try {
      const read = await readTokenFile(file);
      if (!read.exists) throw new RtwError('file-unreadable', { path: file, reason: 'ENOENT' });
      content = read;
    } catch (error) {
      return { kind: 'decided', outcome: await failedOutcome(error, file, undefined) };
    }
    const decided = skipReason(content, clientId, file);
    if (decided !== undefined) return { kind: 'decided', outcome: decided };
    return { kind: 'candidate', file, provider: recordedProfile(content, file).provider };
  });
  const first = entries.find((e): e is Candidate => e.kind === 'candidate');
  return {
    clientId: clientId.trim(),
    provider: first?.provider,
    entries,
    candidates: entries.filter((e) => e.kind === 'candidate').length,
  };
}

/** Why the file is not this app's to rotate, if it is not. */
function skipReason(content: TokenFileContent, clientId: string, file: string): SkippedFile | undefined {
  const fileClientId = (content.oauth2.ClientID ?? '').trim();
  const mailbox = content.oauth2.UserID;
  const withMailbox = mailbox === undefined ? {} : { mailbox };
  if (!sameClientId(fileClientId, clientId))
    return { status: 'skipped', file, ...withMailbox, reason: 'other-app', clientId: fileClientId };
  if ((content.oauth2.ClientSecret ?? '').trim() === '')
    return { status: 'skipped', file, ...withMailbox, reason: 'public-client' };
  return undefined;
}

/** The new secret's own problems (its ID instead of its Value, a bad date…), by the provider's rules. */
export function newSecretIssues(
  provider: ProviderId | undefined,
  clientId: string,
  secret: NewClientSecret,
): ValidationIssue[] {
  const expiresAt = secret.expiresAt?.trim();
  const validation = validateProfile({
    provider: provider ?? DEFAULT_PROVIDER,
    clientId,
    clientSecret: secret.value,
    ...(expiresAt === undefined || expiresAt === '' ? {} : { clientSecretExpiresAt: expiresAt }),
  });
  return validation.ok
    ? []
    : validation.issues.filter((i) => i.field === 'clientSecret' || i.field === 'clientSecretExpiresAt');
}

/** How trying one file went, before the outcome is final. */
type Attempt =
  | { kind: 'outcome'; outcome: RotationOutcome }
  /** The provider refused the secret itself. */
  | { kind: 'refused'; error: RtwError }
  /** The token is dead; the secret was not written (it is not proven yet). */
  | { kind: 'dead'; outcome: NeedsSignInFile; token: string };

/** Tries one file with the new secret, under its lock. */
async function attemptFile(
  file: string,
  clientId: string,
  secret: { value: string; expiresAt: string | undefined },
  proven: boolean,
  deps: SecretRotationDeps,
): Promise<Attempt> {
  const now = deps.now ?? (() => new Date());
  const context: DiagnoseContext = {};
  let mailbox: string | undefined;
  let provider: ProviderId = DEFAULT_PROVIDER;
  try {
    return await withFileLock(
      file,
      async (lock): Promise<Attempt> => {
        // Opened again under the lock: another run may have written the file since it was planned. The writes go
        // to this file or to none: a file renamed or replaced meanwhile stops them (file-changed), as in refresh.
        const opened = await openTokenFile(file);
        try {
          const content = opened.content;
          if (!content.exists) throw new RtwError('file-unreadable', { path: file, reason: 'ENOENT' });
          mailbox = content.oauth2.UserID;
          const skipped = skipReason(content, clientId, file);
          if (skipped !== undefined) return { kind: 'outcome', outcome: skipped };
          const recorded = recordedProfile(content, file);
          provider = recorded.provider;
          Object.assign(context, {
            provider,
            mailbox,
            clientId: content.oauth2.ClientID,
            tenant: recorded.authority?.tenant,
            authorityHost: recorded.authority?.host,
          });
          const fields = { ...requireTokenFields(file, content, recorded), clientSecret: secret.value };
          let rotated: string;
          try {
            rotated = await redeemFileToken(deps.createNetworkClient(), fields, recorded.scopes, now);
          } catch (error) {
            if (secretRefused(error)) return { kind: 'refused', error };
            const failed = await failureOutcome(error, scene(file, mailbox, provider, context, deps));
            if (failed.status === 'failed') return { kind: 'outcome', outcome: failed };
            const dead = needsSignIn(failed, false);
            if (!proven) return { kind: 'dead', outcome: dead, token: fields.refreshToken };
            lock.assertHeld();
            const written = await opened.write(
              secretRotationValues(rotationOf(secret)),
              tokenFileWriteOptions(deps),
            );
            return { kind: 'outcome', outcome: recordedIn(dead, written.backupPath) };
          }
          const refreshedAt = now();
          lock.assertHeld();
          // One write: the secret, its expiry, the token and the time, or (if it fails) none of them.
          const written = await opened.write(
            secretRotationValues(rotationOf(secret), { refreshToken: rotated, now: refreshedAt }),
            tokenFileWriteOptions(deps),
          );
          const done: RotatedFile = {
            status: 'rotated',
            file,
            mailbox: mailbox ?? '',
            refreshedAt: refreshedAt.toISOString(),
            refreshTokenMasked: maskSecret(rotated),
            previousFingerprint: tokenFingerprint(fields.refreshToken),
            fingerprint: tokenFingerprint(rotated),
            waitedMs: lock.waitedMs,
            ...(written.backupPath === undefined ? {} : { backupFile: written.backupPath }),
            ...(written.backupFailed === undefined ? {} : { backupFailed: written.backupFailed }),
          };
          return { kind: 'outcome', outcome: done };
        } finally {
          await opened.close();
        }
      },
      { ...deps.lock, onWait: () => deps.onWaiting?.(file) },
    );
  } catch (error) {
    // The lock, the file or the write failed: nothing was written.
    return { kind: 'outcome', outcome: await failedOutcome(error, file, mailbox, context) };
  }
}

/**
 * Writes the proven secret into a file whose token was found dead before the secret was proven, if the file
 * still holds that token (a re-issue meanwhile has written its own values, which are left alone).
 */
async function recordSecretInDeadFile(
  dead: NeedsSignInFile,
  token: string,
  secret: { value: string; expiresAt: string | undefined },
  deps: SecretRotationDeps,
): Promise<RotationOutcome> {
  try {
    return await withFileLock(
      dead.file,
      async (lock) => {
        const opened = await openTokenFile(dead.file);
        try {
          const content = opened.content;
          if (!content.exists || (content.oauth2.RefreshToken ?? '').trim() !== token) return dead;
          lock.assertHeld();
          const written = await opened.write(
            secretRotationValues(rotationOf(secret)),
            tokenFileWriteOptions(deps),
          );
          return recordedIn(dead, written.backupPath);
        } finally {
          await opened.close();
        }
      },
      { ...deps.lock, onWait: () => deps.onWaiting?.(dead.file) },
    );
  } catch {
    // The secret could not be recorded: the file still needs a sign-in, and a re-issue asks for the secret.
    return dead;
  }
}

/**
 * Rotates the app's secret in the planned files (see the module comment for the order of things). Never throws
 * for expected failures: they come back as the result or as outcomes.
 */
export async function rotateClientSecret(
  plan: SecretRotationPlan,
  newSecret: NewClientSecret,
  deps: SecretRotationDeps,
): Promise<SecretRotationResult> {
  const decidedOutcomes = (): RotationOutcome[] =>
    plan.entries.flatMap((e) => (e.kind === 'decided' ? [e.outcome] : []));
  if (plan.candidates === 0) return { status: 'no-files', outcomes: decidedOutcomes() };
  const issues = newSecretIssues(plan.provider, plan.clientId, newSecret);
  if (issues.length > 0) return { status: 'invalid-secret', issues };
  // Surrounding whitespace is a copy-paste artefact, never part of a secret (the validation trims it too).
  const expiresAt = newSecret.expiresAt?.trim();
  const secret = { value: newSecret.value.trim(), expiresAt: expiresAt === '' ? undefined : expiresAt };

  // Proving the secret: one file at a time, in order, until a token is redeemed with it.
  const outcomes: Array<RotationOutcome | undefined> = plan.entries.map(() => undefined);
  const deadBeforeProof: Array<{ index: number; dead: NeedsSignInFile; token: string }> = [];
  let proven = false;
  let next = 0;
  for (; next < plan.entries.length && !proven; next++) {
    const entry = plan.entries[next];
    if (entry === undefined) continue;
    if (entry.kind === 'decided') {
      outcomes[next] = entry.outcome;
      continue;
    }
    const attempt = await attemptFile(entry.file, plan.clientId, secret, false, deps);
    switch (attempt.kind) {
      case 'refused': {
        const { explainError } = await import('../diagnose/explain.js');
        return {
          status: 'refused',
          file: entry.file,
          code: attempt.error.code,
          explanation: explainError(attempt.error, { clientId: plan.clientId }),
        };
      }
      case 'dead':
        deadBeforeProof.push({ index: next, dead: attempt.outcome, token: attempt.token });
        outcomes[next] = attempt.outcome;
        break;
      case 'outcome':
        outcomes[next] = attempt.outcome;
        proven = attempt.outcome.status === 'rotated';
        break;
    }
  }
  if (proven)
    for (const { index, dead, token } of deadBeforeProof)
      outcomes[index] = await recordSecretInDeadFile(dead, token, secret, deps);
  const first = outcomes.slice(0, next).filter((o): o is RotationOutcome => o !== undefined);
  first.forEach((outcome, index) => deps.onOutcome?.(outcome, index));

  // The rest, a few at a time, each under its own lock.
  const rest = await mapInOrder(
    plan.entries.slice(next),
    deps.parallel ?? DEFAULT_REFRESH_PARALLEL,
    async (entry): Promise<RotationOutcome> => {
      if (entry.kind === 'decided') return entry.outcome;
      const attempt = await attemptFile(entry.file, plan.clientId, secret, true, deps);
      if (attempt.kind === 'outcome') return attempt.outcome;
      if (attempt.kind === 'dead') return attempt.outcome;
      // Refused after it was proven (deleted or expired meanwhile): this file fails, explained.
      return failedOutcome(attempt.error, entry.file, undefined);
    },
    (outcome, index) => deps.onOutcome?.(outcome, next + index),
  );
  return { status: 'done', verified: proven, outcomes: [...first, ...rest] };
}

/** Counts outcomes by status. */
export function summarizeRotation(outcomes: readonly RotationOutcome[]): RotationSummary {
  const count = (status: RotationOutcome['status']): number =>
    outcomes.filter((o) => o.status === status).length;
  return {
    total: outcomes.length,
    rotated: count('rotated'),
    needsSignIn: count('needs-sign-in'),
    failed: count('failed'),
    skipped: count('skipped'),
  };
}

const SECRET_RECORDED: Localized = {
  ja: '新しいシークレットはこのファイルに書き込み済みです (トークンはそのまま)。',
  en: 'The new secret is already in this file (its token is unchanged).',
};

function rotationOf(secret: { value: string; expiresAt: string | undefined }) {
  return { clientSecret: secret.value, clientSecretExpiresAt: secret.expiresAt };
}

function scene(
  file: string,
  mailbox: string | undefined,
  provider: ProviderId,
  context: DiagnoseContext,
  deps: SecretRotationDeps,
) {
  return { file, mailbox, provider, context, commandName: deps.commandName };
}

/** A refresh's needs-reissue outcome as a rotation's. */
function needsSignIn(
  failed: {
    file: string;
    mailbox?: string;
    code: ErrorCode;
    explanation: Explanation;
    reissueCommand: string;
  },
  secretRecorded: boolean,
): NeedsSignInFile {
  const explanation = structuredClone(failed.explanation);
  const first = explanation.steps[0];
  if (secretRecorded && first !== undefined)
    explanation.steps[0] = {
      ja: `${SECRET_RECORDED.ja}${first.ja}`,
      en: `${SECRET_RECORDED.en} ${first.en}`,
    };
  return {
    status: 'needs-sign-in',
    file: failed.file,
    ...(failed.mailbox === undefined ? {} : { mailbox: failed.mailbox }),
    code: failed.code,
    explanation,
    reissueCommand: failed.reissueCommand,
    secretRecorded,
  };
}

function recordedIn(outcome: NeedsSignInFile, backupFile: string | undefined): NeedsSignInFile {
  return { ...needsSignIn(outcome, true), ...(backupFile === undefined ? {} : { backupFile }) };
}

async function failedOutcome(
  error: unknown,
  file: string,
  mailbox: string | undefined,
  context: DiagnoseContext = {},
): Promise<FailedRotation> {
  const { explainError } = await import('../diagnose/explain.js');
  return {
    status: 'failed',
    file,
    ...(mailbox === undefined ? {} : { mailbox }),
    code: RtwError.is(error) ? error.code : 'unexpected',
    explanation: explainError(error, context),
  };
}
