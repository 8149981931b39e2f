/** The options of `rtw alert`. */
import { WEBHOOK_FORMATS } from '../../core/alerts/index.js';
import type { WebhookFormat } from '../../core/alerts/index.js';
import { isLang } from '../../core/i18n.js';
import { parseEndpoint } from '../../core/mail-check/index.js';
import { defineOptions } from '../shared/options.js';

const formatOf = (value: string): WebhookFormat | 'auto' | undefined =>
  value === 'auto' || WEBHOOK_FORMATS.some((f) => f === value)
    ? (value as WebhookFormat | 'auto')
    : undefined;

export const ALERT_OPTIONS = defineOptions({
  webhook: {
    type: 'boolean',
    description: {
      en: `set: send alerts to a webhook; its URL from RTW_WEBHOOK_URL or a hidden prompt (never
on the command line: the URL is the key); clear: remove it`,
      ja: `set: Webhook に通知する。URL は RTW_WEBHOOK_URL か非表示の入力から (URL が鍵なので
コマンド ラインには書かない)。clear: 削除する`,
    },
  },
  'webhook-stdin': {
    type: 'boolean',
    description: {
      en: 'set: read the webhook URL from standard input instead',
      ja: 'set: Webhook の URL を標準入力から読む',
    },
  },
  'webhook-format': {
    type: 'string',
    placeholder: { en: 'TYPE', ja: '形式' },
    parse: formatOf,
    invalid: {
      en: '--{option} takes auto, teams, slack or json, not "{value}".',
      ja: '--{option} には auto、teams、slack、json のいずれかを指定してください (「{value}」は使えません)。',
    },
    default: 'auto',
    description: {
      en: `set: teams (Workflows, an Adaptive Card), slack ({"text"}) or json (our own);
auto (default) picks by the URL's host`,
      ja: `set: teams (Workflows の Adaptive Card)、slack ({"text"})、json (独自形式)。
auto (既定) は URL のホストで判断`,
    },
  },
  email: {
    type: 'string',
    placeholder: { en: 'ADDR', ja: 'アドレス' },
    description: {
      en: "set: send alerts by e-mail to ADDR, through a mailbox's own token (XOAUTH2 SMTP)",
      ja: 'set: アドレスへメールで通知する (メールボックス自身のトークンで XOAUTH2 SMTP 送信)',
    },
  },
  via: {
    type: 'string',
    placeholder: { en: 'FILE', ja: 'ファイル' },
    description: {
      en: `set: the token file whose mailbox sends the e-mail (default: a mailbox the same run
refreshed, whose token has SMTP)`,
      ja: `set: メールを送信するメールボックスのトークン ファイル (既定: 同じ実行で更新した、
SMTP を使えるメールボックス)`,
    },
  },
  'smtp-host': {
    type: 'string',
    placeholder: { en: 'H:P', ja: 'H:P' },
    parse: (value) => parseEndpoint(value, 587),
    invalid: {
      en: '--{option} takes host:port, not "{value}".',
      ja: '--{option} には ホスト:ポート を指定してください (「{value}」は使えません)。',
    },
    description: {
      en: "set: SMTP server for the e-mail instead of the cloud's (a relay)",
      ja: 'set: メールの SMTP サーバー (既定はクラウドのもの)',
    },
  },
  'os-log': {
    type: 'boolean',
    description: {
      en: `set: also write alerts to the OS log (Windows Event Log, syslog/journald, macOS unified
log); clear: stop`,
      ja: `set: OS のログにも書く (Windows のイベント ログ、syslog/journald、macOS の統合ログ)。
clear: やめる`,
    },
  },
  'email-off': {
    type: 'boolean',
    description: { en: 'clear: stop e-mail alerts', ja: 'clear: メールでの通知をやめる' },
  },
  'alert-lang': {
    type: 'string',
    placeholder: { en: 'ja|en', ja: 'ja|en' },
    parse: (value) => (isLang(value) ? value : undefined),
    invalid: {
      en: '--{option} takes ja or en, not "{value}".',
      ja: '--{option} には ja か en を指定してください (「{value}」は使えません)。',
    },
    description: {
      en: "set: the alerts' language (default: that of each run, its --lang or the OS's)",
      ja: 'set: 通知の言語 (既定: 各実行の言語。--lang か OS のロケール)',
    },
  },
  json: {
    type: 'boolean',
    description: { en: 'show, test: JSON on stdout', ja: 'show、test: JSON で標準出力へ出す' },
  },
});
