/**
 * What an alert is about: a problem with one token file, said as the admin needs it — which file, which mailbox,
 * what happened, and the fix — from a scheduled run's outcomes (the diagnose catalogue's explanation of each
 * failure) and from each file's health (token-health.ts: each provider's own limit, the recorded secret expiry).
 *
 * Every problem has a key that stays the same while the problem does (the file, the kind, the failure's code):
 * the same problem is alerted once a day, not once per run (alert-state.ts).
 */
import { formatLocalized } from '../i18n.js';
import type { Localized } from '../i18n.js';
import type { RefreshOutcome, TokenHealth } from '../upkeep/index.js';

/** Alert when this few days are left before the token's limit. */
export const TOKEN_ALERT_DAYS = 14;
/** Alert when this few days are left before the client secret's recorded expiry. */
export const SECRET_ALERT_DAYS = 30;

/** What kind of problem. */
export type ProblemKind =
  'refresh-failed' | 'needs-reissue' | 'token-expiring' | 'secret-expiring' | 'run-failed' | 'test';

/** One problem, ready to be said. */
export interface AlertProblem {
  /** The same while the problem is the same: `<kind>|<file>|<detail>`. */
  key: string;
  kind: ProblemKind;
  file: string;
  mailbox: string;
  /** What happened, one line. */
  what: Localized;
  /** Why, or more detail. */
  detail?: Localized;
  /** What to do, in order. */
  fix: Localized[];
  /** A command that fixes it, if there is one. */
  command?: string;
}

const TEXT = {
  tokenExpiring: {
    ja: 'リフレッシュ トークンの期限まであと {days} 日です ({deadline})',
    en: 'The refresh token expires in {days} days ({deadline})',
  },
  tokenExpired: {
    ja: 'リフレッシュ トークンは期限切れの可能性があります ({deadline})',
    en: 'The refresh token has probably expired ({deadline})',
  },
  tokenDetail: {
    ja: '定期更新が成功していないか、更新しても期限が延びないトークンです。このままではメールを送れなくなります。',
    en: 'Scheduled refreshes are not succeeding, or refreshing does not extend this token. Mail will stop when it expires.',
  },
  secretExpiring: {
    ja: 'クライアント シークレットの有効期限まであと {days} 日です ({date})',
    en: 'The client secret expires in {days} days ({date})',
  },
  secretExpired: {
    ja: 'クライアント シークレットの有効期限 ({date}) を過ぎています',
    en: 'The client secret expired on {date}',
  },
  secretDetail: {
    ja: '期限を過ぎると、このアプリのすべてのトークンが更新できなくなります (AADSTS7000222)。',
    en: 'Once it expires, no token of this app can be refreshed any more (AADSTS7000222).',
  },
  runFailed: {
    ja: '定期更新を実行できませんでした (終了コード {code})',
    en: 'The scheduled refresh could not run (exit code {code})',
  },
  runFailedFix: {
    ja: 'ログ ({log}) を確認し、rtw refresh を手動で実行して原因を確かめてください。',
    en: 'Read the log ({log}) and run rtw refresh by hand to see what goes wrong.',
  },
  test: {
    ja: 'Refresh Token Wizard のテスト通知です。この通知が届いていれば、通知の設定は正しく動作しています。',
    en: 'This is a test alert from Refresh Token Wizard. If you can read it, alerts reach you.',
  },
  testFix: { ja: '対応は不要です。', en: 'Nothing to do.' },
} as const satisfies Record<string, Localized>;

/** The problems a refresh outcome is: a failure, or a token that needs signing in again. */
function outcomeProblem(outcome: RefreshOutcome): AlertProblem | undefined {
  if (outcome.status === 'refreshed') return undefined;
  const { explanation } = outcome;
  const kind: ProblemKind = outcome.status === 'needs-reissue' ? 'needs-reissue' : 'refresh-failed';
  return {
    // The explanation's id (AADSTS700082, idp-unreachable…) is what changes when the problem does.
    key: `${kind}|${outcome.file}|${explanation.id}`,
    kind,
    file: outcome.file,
    mailbox: outcome.mailbox ?? '',
    what: explanation.title,
    detail: explanation.why,
    fix: explanation.steps,
    ...(explanation.command === undefined ? {} : { command: explanation.command }),
  };
}

/** The problems a file's health shows: a token within its last days, a secret within 30 days of expiry. */
export function healthProblems(health: TokenHealth): AlertProblem[] {
  const problems: AlertProblem[] = [];
  // token-health words its advice per provider (refresh now, re-issue, publish a Testing consent screen…); the
  // secret's advice is the one that names the client secret.
  const isSecretAdvice = (w: Localized): boolean => /client secret/i.test(w.en);
  const warnings = health.warnings;
  if (health.daysLeft !== undefined && health.daysLeft <= TOKEN_ALERT_DAYS) {
    const params = { days: Math.max(health.daysLeft, 0), deadline: health.inactivityDeadline ?? '' };
    problems.push({
      key: `token-expiring|${health.file}|${health.deadlineReason ?? 'inactivity'}`,
      kind: 'token-expiring',
      file: health.file,
      mailbox: health.mailbox,
      what: formatLocalized(health.token === 'expired' ? TEXT.tokenExpired : TEXT.tokenExpiring, params),
      detail: TEXT.tokenDetail,
      fix: warnings.filter((w) => !isSecretAdvice(w)),
    });
  }
  if (health.secretDaysLeft !== undefined && health.secretDaysLeft <= SECRET_ALERT_DAYS) {
    const params = { days: Math.max(health.secretDaysLeft, 0), date: health.secretExpiresAt ?? '' };
    problems.push({
      key: `secret-expiring|${health.file}|${health.secretExpiresAt ?? ''}`,
      kind: 'secret-expiring',
      file: health.file,
      mailbox: health.mailbox,
      what: formatLocalized(health.secret === 'expired' ? TEXT.secretExpired : TEXT.secretExpiring, params),
      detail: TEXT.secretDetail,
      fix: warnings.filter(isSecretAdvice),
    });
  }
  return problems;
}

/** The problems of a scheduled run: its failures first, then what the files' health says. */
export function runProblems(
  outcomes: readonly RefreshOutcome[],
  healths: readonly TokenHealth[],
): AlertProblem[] {
  const failed = outcomes.map(outcomeProblem).filter((p): p is AlertProblem => p !== undefined);
  // A token that needs signing in again is dead: its days left would only say so twice. A refresh that failed
  // otherwise (network, busy file) leaves the token as it was, and how long it has left is what makes it urgent.
  const dead = new Set(outcomes.filter((o) => o.status === 'needs-reissue').map((o) => o.file));
  const health = healths.filter((h) => !dead.has(h.file)).flatMap(healthProblems);
  return [...failed, ...health];
}

/** A run that ended without refreshing anything (a crash, no files found): the targets as the "file". */
export function runFailedProblem(targets: readonly string[], exitCode: number, log: string): AlertProblem {
  const file = targets.join(', ');
  return {
    key: `run-failed|${file}|${exitCode}`,
    kind: 'run-failed',
    file,
    mailbox: '',
    what: formatLocalized(TEXT.runFailed, { code: exitCode }),
    fix: [formatLocalized(TEXT.runFailedFix, { log })],
  };
}

/** The problem `rtw alert test` sends. */
export function testProblem(now: Date): AlertProblem {
  return {
    key: `test|${now.toISOString()}`,
    kind: 'test',
    file: '-',
    mailbox: '-',
    what: TEXT.test,
    fix: [TEXT.testFix],
  };
}
