/**
 * Keeping a token alive: redeem the file's refresh token and write the rotated one back.
 *
 * A refresh token expires after 90 days without use, and every redemption returns a new one (the old one is not
 * revoked). Redeeming it on a schedule, well inside 90 days, and writing the new token back keeps a rarely used
 * sender working indefinitely. The file is locked for the whole read–redeem–write, so two runs at once
 * (a scheduler overlapping a manual run) never leave an older token in the file than one already issued.
 *
 * Many files are refreshed a few at a time (`parallel`), each under its own lock, their outcomes handed on in the
 * order the files were given: output, counts and exit codes do not depend on which answer came first.
 */
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type { DiagnoseContext, Explanation } from '../diagnose/index.js';
import { RtwError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import { withFileLock } from '../token-file/index.js';
import type { FileLockOptions } from '../token-file/index.js';
import type { Localized } from '../i18n.js';
import { maskSecret } from '../token-file/index.js';
import type { IdpNetworkClient } from '../transport/index.js';
import { recordedProfile } from '../token-file/index.js';
import type { RecordedProfile } from '../token-file/index.js';
import { redeemRefreshGrant } from '../oauth/index.js';
import type { RefreshGrantSettings } from '../oauth/index.js';
import { DEFAULT_PROVIDER, providerOf } from '../providers/index.js';
import type { ProviderId } from '../providers/index.js';
import { openTokenFile, readTokenFile, refreshValues } from '../token-file/index.js';
import type { AtomicFs, TokenFileContent, TokenFileWriteOptions } from '../token-file/index.js';
import { mapInOrder } from './in-order.js';

/** The token was redeemed and the new one written. */
export interface RefreshedFile {
  status: 'refreshed';
  file: string;
  mailbox: string;
  /** ISO time recorded as `LastRefreshedAt`. */
  refreshedAt: string;
  backupFile?: string;
  /** The backup that could not be written, and why (`ENOSPC`…); the new token is in the file all the same. */
  backupFailed?: { file: string; reason: string };
  refreshTokenMasked: string;
  /** Short non-secret fingerprints (see `tokenFingerprint`): which token was redeemed, which one replaced it. */
  previousFingerprint: string;
  fingerprint: string;
  /** Time spent waiting for another run to release the file. */
  waitedMs: number;
}

/** The token can no longer be redeemed (expired, revoked, secret expired…): sign in again. File untouched. */
export interface NeedsReissueFile {
  status: 'needs-reissue';
  file: string;
  mailbox?: string;
  code: ErrorCode;
  /** Ends with how to re-issue: `rtw acquire --from FILE` or the wizard. */
  explanation: Explanation;
  reissueCommand: string;
}

/** Anything else went wrong (network, file, lock busy…); the file is untouched and a later run may succeed. */
export interface FailedFile {
  status: 'failed';
  file: string;
  mailbox?: string;
  code: ErrorCode | 'unexpected';
  explanation: Explanation;
}

/** How refreshing one file ended. */
export type RefreshOutcome = RefreshedFile | NeedsReissueFile | FailedFile;

/** Progress, for a CLI or a window that shows why nothing seems to happen. */
export type RefreshEvent =
  | { type: 'waiting-for-lock'; file: string }
  | { type: 'redeeming'; file: string }
  | { type: 'done'; outcome: RefreshOutcome };

/**
 * How many files are refreshed at once unless told otherwise. Small on purpose: Entra publishes no token issuance
 * limit for workforce tenants and answers a client it finds too busy with 429 (or AADSTS50196) for every file
 * of the run; four requests in flight already make a thousand files a matter of a minute or less.
 */
export const DEFAULT_REFRESH_PARALLEL = 4;
/** The most files refreshed at once that a caller may ask for. */
export const MAX_REFRESH_PARALLEL = 32;

/** What refreshing needs from the outside world. */
export interface RefreshDeps {
  /** A fresh client per file: each records its own last failure (they may share connections). */
  createNetworkClient(): IdpNetworkClient;
  now?: () => Date;
  lock?: Omit<FileLockOptions, 'onWait'>;
  /** Progress as it happens: with several files at once, `done` comes in the order the answers came. */
  onEvent?: (event: RefreshEvent) => void;
  /** Each file's outcome in the order the files were given, as soon as it and every earlier one are known. */
  onOutcome?: (outcome: RefreshOutcome, index: number) => void;
  /** Files refreshed at once (default {@link DEFAULT_REFRESH_PARALLEL}). */
  parallel?: number;
  /** How the re-issue command names the CLI (default `rtw`). */
  commandName?: string;
  /** Fault injection into the file's atomic replace (tests only). */
  tokenFileFs?: AtomicFs;
}

/** How a run's writes reach the disk: the injected file system, if a test gave one. */
export function tokenFileWriteOptions(deps: Pick<RefreshDeps, 'tokenFileFs'>): TokenFileWriteOptions {
  return deps.tokenFileFs === undefined ? {} : { fs: deps.tokenFileFs };
}

/** The totals of one run over many files. */
export interface RefreshSummary {
  total: number;
  refreshed: number;
  needsReissue: number;
  failed: number;
}

/** True when the failure means the token must be issued again by signing in (the provider knows its codes). */
export function needsReissue(error: unknown, provider: ProviderId = DEFAULT_PROVIDER): boolean {
  return RtwError.is(error) && providerOf(provider).needsReissue(error);
}

/**
 * A short fingerprint of a token: the first 12 hex digits of its SHA-256. It tells tokens apart in output and
 * logs ("did the file change? which run wrote it?") and reveals nothing usable about the token.
 */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 12);
}

/** The command that re-issues a file's token; double quotes work in cmd, PowerShell and POSIX shells alike. */
export function reissueCommandFor(file: string, commandName = 'rtw'): string {
  return `${commandName} acquire --from "${file}"`;
}

const REISSUE_STEP = (command: string): Localized => ({
  ja: `トークンを再発行します: ${command} を実行するか、ウィザードの [再発行] でこのファイルを選びます。ファイルの設定が入力済みになるので、変わったもの (新しいシークレットの値など) だけを入力してサインインします。`,
  en: `Re-issue the token: run ${command}, or choose this file under Re-issue in the wizard. The file's settings are filled in: change only what changed (such as a new secret Value) and sign in.`,
});

/** Reads what a refresh needs from the file; `not-a-token-file` names the first missing key. */
export function requireTokenFields(
  file: string,
  content: TokenFileContent,
  recorded: RecordedProfile,
): RefreshGrantSettings {
  const { oauth2 } = content;
  for (const key of ['RefreshToken', 'ClientID'] as const) {
    if ((oauth2[key] ?? '').trim() === '') throw new RtwError('not-a-token-file', { path: file, key });
  }
  if (recorded.authority === undefined)
    throw new RtwError('not-a-token-file', { path: file, key: 'TokenURI' });
  const secret = (oauth2.ClientSecret ?? '').trim();
  return {
    refreshToken: (oauth2.RefreshToken ?? '').trim(),
    clientId: (oauth2.ClientID ?? '').trim(),
    // An empty secret is a public client (Mobile and desktop registration): sending one would be AADSTS700025.
    clientSecret: secret === '' ? undefined : secret,
    authority: recorded.authority,
  };
}

/**
 * Redeems the refresh token and returns the one to keep: the rotated one the provider sent, or, from a provider
 * that does not rotate (Google, as a rule), the same one. A rotating provider that sent none is a failure: the
 * file's token may be the last one that works, and nothing says the provider still honours it.
 */
export async function redeemFileToken(
  network: IdpNetworkClient,
  fields: RefreshGrantSettings,
  scopes: string[],
  now: () => Date,
): Promise<string> {
  // The run's clock: the answer's ID token is checked against it (issue #15, item 13).
  const { refreshToken } = await redeemRefreshGrant(network, { ...fields, scopes }, now);
  if (refreshToken !== undefined) return refreshToken;
  if (!providerOf(fields.authority.provider).refreshToken.rotates) return fields.refreshToken;
  throw new RtwError('no-refresh-token', {});
}

/** Refreshes one token file; never throws for expected failures (they come back as the outcome). */
export async function refreshTokenFile(file: string, deps: RefreshDeps): Promise<RefreshOutcome> {
  const now = deps.now ?? (() => new Date());
  const context: DiagnoseContext = {};
  let mailbox: string | undefined;
  let provider: ProviderId = DEFAULT_PROVIDER;
  let outcome: RefreshOutcome;
  try {
    outcome = await withFileLock(
      file,
      async (lock) => {
        // Opened only now, under the lock: a run that waited must redeem the token the previous run wrote. The
        // write goes to this file or to none: a file renamed or replaced meanwhile stops it (file-changed).
        const opened = await openTokenFile(file);
        try {
          const content = opened.content;
          if (!content.exists) throw new RtwError('file-unreadable', { path: file, reason: 'ENOENT' });
          mailbox = content.oauth2.UserID;
          const recorded = recordedProfile(content, file);
          provider = recorded.provider;
          Object.assign(context, {
            provider,
            mailbox,
            clientId: content.oauth2.ClientID,
            tenant: recorded.authority?.tenant,
            authorityHost: recorded.authority?.host,
          });
          const fields = requireTokenFields(file, content, recorded);
          deps.onEvent?.({ type: 'redeeming', file });
          const rotated = await redeemFileToken(deps.createNetworkClient(), fields, recorded.scopes, now);
          const refreshedAtDate = now();
          const refreshedAt = refreshedAtDate.toISOString();
          lock.assertHeld();
          // Only the token and the time change: IssuedAt, the secret and every other key keep their bytes.
          const written = await opened.write(
            refreshValues({ refreshToken: rotated, now: refreshedAtDate }),
            tokenFileWriteOptions(deps),
          );
          const done: RefreshedFile = {
            status: 'refreshed',
            file,
            mailbox: mailbox ?? '',
            refreshedAt,
            refreshTokenMasked: maskSecret(rotated),
            previousFingerprint: tokenFingerprint(fields.refreshToken),
            fingerprint: tokenFingerprint(rotated),
            waitedMs: lock.waitedMs,
            ...(written.backupPath === undefined ? {} : { backupFile: written.backupPath }),
            ...(written.backupFailed === undefined ? {} : { backupFailed: written.backupFailed }),
          };
          return done;
        } finally {
          await opened.close();
        }
      },
      { ...deps.lock, onWait: () => deps.onEvent?.({ type: 'waiting-for-lock', file }) },
    );
  } catch (error) {
    outcome = await failureOutcome(error, {
      file,
      mailbox,
      provider,
      context,
      commandName: deps.commandName,
    });
  }
  deps.onEvent?.({ type: 'done', outcome });
  return outcome;
}

/** Where a redemption failed, for its outcome. */
export interface FailureScene {
  file: string;
  mailbox: string | undefined;
  provider: ProviderId;
  context: DiagnoseContext;
  /** How the re-issue command names the CLI (default `rtw`). */
  commandName: string | undefined;
  /** Said first in the re-issue step (what is already done for it). */
  reissueNote?: Localized;
}

/**
 * The outcome of a failed redemption: `needs-reissue` (with the command that re-issues the file, first among the
 * steps) when the provider says the token is dead, else `failed`; both explained.
 */
export async function failureOutcome(
  error: unknown,
  scene: FailureScene,
): Promise<NeedsReissueFile | FailedFile> {
  const { file, mailbox, provider, context } = scene;
  // The catalogue (every explanation, in two languages: the largest module on this path) is loaded only when
  // something failed: a scheduled run that succeeds, the usual case, does not parse it (docs/benchmarks.md, 3).
  const { explainError } = await import('../diagnose/explain.js');
  const explanation = explainError(error, context);
  const withMailbox = mailbox === undefined ? {} : { mailbox };
  if (needsReissue(error, provider) && RtwError.is(error)) {
    const command = reissueCommandFor(file, scene.commandName);
    const step = REISSUE_STEP(command);
    const note = scene.reissueNote;
    explanation.steps = [
      note === undefined ? step : { ja: `${note.ja}${step.ja}`, en: `${note.en} ${step.en}` },
      ...explanation.steps,
    ];
    explanation.command = command;
    return {
      status: 'needs-reissue',
      file,
      ...withMailbox,
      code: error.code,
      explanation,
      reissueCommand: command,
    };
  }
  return {
    status: 'failed',
    file,
    ...withMailbox,
    code: RtwError.is(error) ? error.code : 'unexpected',
    explanation,
  };
}

/**
 * Refreshes the files, `deps.parallel` at a time (one failure never stops the others); the outcomes come back, and
 * to `onOutcome`, in the files' order.
 */
export async function refreshTokenFiles(
  files: readonly string[],
  deps: RefreshDeps,
): Promise<RefreshOutcome[]> {
  return mapInOrder(
    files,
    deps.parallel ?? DEFAULT_REFRESH_PARALLEL,
    (file) => refreshTokenFile(file, deps),
    deps.onOutcome,
  );
}

/** Counts outcomes by status. */
export function summarizeRefresh(outcomes: readonly RefreshOutcome[]): RefreshSummary {
  return {
    total: outcomes.length,
    refreshed: outcomes.filter((o) => o.status === 'refreshed').length,
    needsReissue: outcomes.filter((o) => o.status === 'needs-reissue').length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
  };
}

/** Files given directly, and files found in given folders. */
export interface FoundTokenFiles {
  files: string[];
  /** `*.ini` files in a folder without an `[OAUTH2]` refresh token (another program's settings). */
  skipped: string[];
}

/**
 * Expands arguments into token files: a file is taken as given (its errors are reported when refreshed); a
 * folder contributes its `*.ini` files (not its subfolders) that hold an `[OAUTH2]` RefreshToken, sorted.
 */
export async function findTokenFiles(args: readonly string[]): Promise<FoundTokenFiles> {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const arg of args) {
    const stat = await fsp.stat(arg).catch(() => undefined);
    if (stat?.isDirectory() !== true) {
      files.push(arg);
      continue;
    }
    const names = (await fsp.readdir(arg)).filter((n) => n.toLowerCase().endsWith('.ini')).sort();
    for (const name of names) {
      const file = path.join(arg, name);
      if (!(await fsp.stat(file).catch(() => undefined))?.isFile()) continue;
      let content: Awaited<ReturnType<typeof readTokenFile>> | undefined;
      try {
        content = await readTokenFile(file);
      } catch {
        // Unreadable or in a form we do not rewrite: refreshing it reports why, which a schedule must not hide.
        files.push(file);
        continue;
      }
      if (content.exists && (content.oauth2.RefreshToken ?? '').trim() !== '') files.push(file);
      else skipped.push(file);
    }
  }
  return { files: [...new Set(files)], skipped };
}
