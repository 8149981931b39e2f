/** The help of `rtw show`: its prose; the options come from options.ts. */
import type { Lang } from '../../core/i18n.js';
import { renderHelp } from '../shared/help.js';
import type { CommandHelp } from '../shared/help.js';
import { SHOW_OPTIONS } from './options.js';

export const SHOW_HELP: CommandHelp = {
  command: 'show',
  usage: [[{ operand: { en: 'FILE...', ja: 'ファイル...' } }, { optional: 'json' }]],
  summary: {
    en: `Show a token file: mailbox, tenant, protocols, masked secret and token, when the token was issued and last
refreshed, the days left before the 90-day inactivity limit, and the client secret's expiry if recorded
(rtw acquire --secret-expires), with a warning 30 days ahead.`,
    ja: `トークン ファイルの内容を表示します: メールボックス、テナント、プロトコル、マスクしたシークレットとトークン、
トークンの発行日時と最終更新日時、90 日の無操作期限までの残り日数、記録されていればクライアント シークレットの
有効期限 (rtw acquire --secret-expires)。期限の 30 日前から警告します。`,
  },
  notes: {
    en: 'Exit codes: 0 fine or warnings only · 8 the token or the secret has expired (re-issue) · 5 unreadable file.',
    ja: '終了コード: 0 問題なし・警告のみ · 8 トークンまたはシークレットが期限切れ (再発行が必要) · 5 ファイルを読めない。',
  },
};

/** `rtw show --help`. */
export function showHelp(lang: Lang): string {
  return renderHelp(SHOW_HELP, SHOW_OPTIONS, lang);
}
