/**
 * The check's result as the sending program will meet it, one sentence per step an admin can paste into a ticket:
 * where SMAIL redeems the refresh token (the file's TokenURI) and where and as whom it logs in (XOAUTH2, host and
 * port, UserID) — and whether that worked in this check. Both languages, so the CLI, its JSON and the wizard say
 * the same.
 */
import type { Explanation } from '../diagnose/index.js';
import { format } from '../i18n.js';
import type { Localized } from '../i18n.js';
import type { Protocol } from '../providers/index.js';

const REDEEM: Readonly<Record<'ok' | 'failed', Localized>> = {
  ok: {
    en: 'SMAIL will redeem the refresh token at {tokenUri} (TokenURI) as app {clientId} — this worked.',
    ja: 'SMAIL は {tokenUri} (TokenURI) でアプリ {clientId} としてリフレッシュ トークンを引き換えます — この確認では成功しました。',
  },
  failed: {
    en: 'SMAIL will redeem the refresh token at {tokenUri} (TokenURI) as app {clientId} — this failed: {reason}',
    ja: 'SMAIL は {tokenUri} (TokenURI) でアプリ {clientId} としてリフレッシュ トークンを引き換えます — この確認では失敗しました: {reason}',
  },
};

const LOGIN: Readonly<Record<'ok' | 'sent' | 'failed', Localized>> = {
  ok: {
    en: 'SMAIL will log in as {user} with XOAUTH2 at {host}:{port} ({protocol}) — this worked.',
    ja: 'SMAIL は {host}:{port} ({protocol}) に {user} として XOAUTH2 でログインします — この確認では成功しました。',
  },
  sent: {
    en: 'SMAIL will log in as {user} with XOAUTH2 at {host}:{port} ({protocol}) and send from {user} — this worked: a test message to {to} was accepted.',
    ja: 'SMAIL は {host}:{port} ({protocol}) に {user} として XOAUTH2 でログインし、{user} から送信します — この確認では成功しました ({to} 宛てのテスト メールが受け付けられました)。',
  },
  failed: {
    en: 'SMAIL will log in as {user} with XOAUTH2 at {host}:{port} ({protocol}) — this failed: {reason}',
    ja: 'SMAIL は {host}:{port} ({protocol}) に {user} として XOAUTH2 でログインします — この確認では失敗しました: {reason}',
  },
};

/** Fills both languages; a failed step's reason is the failure's title in that language. */
function fill(text: Localized, params: Record<string, string | number>, failure?: Explanation): Localized {
  return {
    ja: format(text.ja, { ...params, reason: failure?.title.ja ?? '' }),
    en: format(text.en, { ...params, reason: failure?.title.en ?? '' }),
  };
}

/** The redemption, as the sender does it: at the file's TokenURI, with its ClientID. */
export function redeemSentence(tokenUri: string, clientId: string, failure?: Explanation): Localized {
  return fill(REDEEM[failure === undefined ? 'ok' : 'failed'], { tokenUri, clientId }, failure);
}

/** One protocol's login, as the sender does it. */
export function loginSentence(
  login: { protocol: Protocol; user: string; host: string; port: number; sentTo?: string },
  failure?: Explanation,
): Localized {
  const params = {
    protocol: login.protocol.toUpperCase(),
    user: login.user,
    host: login.host,
    port: login.port,
    to: login.sentTo ?? '',
  };
  if (failure !== undefined) return fill(LOGIN.failed, params, failure);
  return fill(login.sentTo === undefined ? LOGIN.ok : LOGIN.sent, params);
}
