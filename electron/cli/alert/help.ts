/** The help of `rtw alert`: its prose; the options come from options.ts. */
import type { Lang } from '../../core/i18n.js';
import { EXIT } from '../shared/exit-codes.js';
import { renderHelp } from '../shared/help.js';
import type { CommandHelp } from '../shared/help.js';
import { ALERT_OPTIONS } from './options.js';

export const ALERT_HELP: CommandHelp = {
  command: 'alert',
  usage: [
    [
      { operand: { en: 'set', ja: 'set' } },
      { optional: 'webhook' },
      { optional: 'webhook-stdin' },
      { optional: 'webhook-format' },
      { optional: 'email' },
      { optional: 'via' },
      { optional: 'smtp-host' },
      { optional: 'os-log' },
      { optional: 'alert-lang' },
    ],
    [{ operand: { en: 'show', ja: 'show' } }, { optional: 'json' }],
    [{ operand: { en: 'test [FILE|FOLDER...]', ja: 'test [ファイル|フォルダー...]' } }, { optional: 'json' }],
    [
      { operand: { en: 'clear', ja: 'clear' } },
      { optional: 'webhook' },
      { optional: 'email-off' },
      { optional: 'os-log' },
    ],
  ],
  summary: {
    en: `Configure, once, who hears about a token in trouble. Every scheduled refresh (rtw schedule) then alerts when
a refresh fails, when a token is within 14 days of its limit, or when a client secret is within 30 days of
its recorded expiry: by webhook (Teams Workflows, Slack, JSON), by e-mail sent through a mailbox's own
token, and in the OS log. Each alert names the file, the mailbox, what happened and the fix; the same
problem is alerted once a day. set changes only what it names; show prints the settings (the webhook
masked); test sends a test alert through every channel (the e-mail through FILE's mailbox, unless --via
was set); clear removes what it names, everything without options. The settings file (alerts.json) is
next to the app's mailbox list, readable by you only.`,
    ja: `問題のあるトークンを誰に知らせるかを一度だけ設定します。以後、定期更新 (rtw schedule) のたびに、更新の失敗、
期限まで 14 日以内のトークン、記録された有効期限まで 30 日以内のクライアント シークレットを通知します:
Webhook (Teams Workflows、Slack、JSON)、メールボックス自身のトークンで送るメール、OS のログ。通知には
ファイル、メールボックス、発生したこと、対処を書き、同じ問題の通知は 1 日 1 回です。set は指定した項目だけを
変更し、show は設定を表示し (Webhook はマスク)、test はすべての経路でテスト通知を送り (メールは --via が
なければ指定したファイルのメールボックスから)、clear は指定した項目を (指定がなければすべてを) 削除します。
設定ファイル (alerts.json) はアプリのメールボックス一覧と同じフォルダーにあり、本人だけが読めます。`,
  },
  notes: {
    en: `Exit codes: 0 done · 2 wrong command line or nothing configured · ${EXIT.alert} an alert channel did not deliver.`,
    ja: `終了コード: 0 完了 · 2 コマンド ラインの誤り、または何も設定されていない · ${EXIT.alert} 通知を届けられない経路がある。`,
  },
};

/** `rtw alert --help`. */
export function alertHelp(lang: Lang): string {
  return renderHelp(ALERT_HELP, ALERT_OPTIONS, lang);
}
