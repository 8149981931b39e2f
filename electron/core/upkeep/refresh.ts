/**
 * Keeping a token alive: redeem the file's refresh token and write the rotated one back.
 *
 * A refresh token expires after 90 days without use, and every redemption returns a new one (the old one is not
 * revoked). Redeeming it on a schedule, well inside 90 days, and writing the new token back keeps a rarely used
 * sender working indefinitely. The file is locked for the whole read–redeem–write, so two runs at once
 * (a scheduler overlapping a manual run) never leave an older token in the file than one already issued.
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
import { readTokenFile, refreshValues, writeTokenFile } from '../token-file/index.js';
import type { TokenFileContent } from '../token-file/index.js';

/** The token was redeemed and the new one written. */
export interface RefreshedFile {
  status: 'refreshed';
  file: string;
  mailbox: string;
  /** ISO time recorded as `LastRefreshedAt`. */
  refreshedAt: string;
  backupFile?: string;
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

/** What refreshing needs from the outside world. */
export interface RefreshDeps {
  /** A fresh client per file: each records its own last failure. */
  createNetworkClient(): IdpNetworkClient;
  now?: () => Date;
  lock?: Omit<FileLockOptions, 'onWait'>;
  onEvent?: (event: RefreshEvent) => void;
  /** How the re-issue command names the CLI (default `rtw`). */
  commandName?: string;
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
function requireTokenFields(
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
async function redeem(
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
        // Read only now, under the lock: a run that waited must redeem the token the previous run wrote.
        const content = await readTokenFile(file);
        if (!content.exists) throw new RtwError('file-unreadable', { path: file, reason: 'ENOENT' });
        mailbox = content.oauth2.UserID;
        const recorded = recordedProfile(content);
        provider = recorded.provider;
        Object.assign(context, {
          mailbox,
          clientId: content.oauth2.ClientID,
          tenant: recorded.authority?.tenant,
          authorityHost: recorded.authority?.host,
        });
        const fields = requireTokenFields(file, content, recorded);
        deps.onEvent?.({ type: 'redeeming', file });
        const rotated = await redeem(deps.createNetworkClient(), fields, recorded.scopes, now);
        const refreshedAtDate = now();
        const refreshedAt = refreshedAtDate.toISOString();
        lock.assertHeld();
        // Only the token and the time change: IssuedAt, the secret and every other key keep their bytes.
        const written = await writeTokenFile(
          file,
          refreshValues({ refreshToken: rotated, now: refreshedAtDate }),
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
        };
        return done;
      },
      { ...deps.lock, onWait: () => deps.onEvent?.({ type: 'waiting-for-lock', file }) },
    );
  } catch (error) {
    // The catalogue (every explanation, in two languages: the largest module on this path) is loaded only when
    // something failed: a scheduled run that succeeds, the usual case, does not parse it (docs/benchmarks.md, 3).
    const { explainError } = await import('../diagnose/explain.js');
    const explanation = explainError(error, context);
    const withMailbox = mailbox === undefined ? {} : { mailbox };
    if (needsReissue(error, provider) && RtwError.is(error)) {
      const command = reissueCommandFor(file, deps.commandName);
      explanation.steps = [REISSUE_STEP(command), ...explanation.steps];
      explanation.command = command;
      outcome = {
        status: 'needs-reissue',
        file,
        ...withMailbox,
        code: error.code,
        explanation,
        reissueCommand: command,
      };
    } else {
      outcome = {
        status: 'failed',
        file,
        ...withMailbox,
        code: RtwError.is(error) ? error.code : 'unexpected',
        explanation,
      };
    }
  }
  deps.onEvent?.({ type: 'done', outcome });
  return outcome;
}

/** Refreshes the files one after another (gentle on Entra, and one failure never stops the others). */
export async function refreshTokenFiles(
  files: readonly string[],
  deps: RefreshDeps,
): Promise<RefreshOutcome[]> {
  const outcomes: RefreshOutcome[] = [];
  for (const file of files) outcomes.push(await refreshTokenFile(file, deps));
  return outcomes;
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
