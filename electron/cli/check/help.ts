/** The help of `rtw check`: its prose; the options come from options.ts. */
import type { Lang } from '../../core/i18n.js';
import { renderHelp } from '../shared/help.js';
import type { CommandHelp } from '../shared/help.js';
import { CHECK_OPTIONS } from './options.js';

export const CHECK_HELP: CommandHelp = {
  command: 'check',
  usage: [[{ operand: { en: 'FILE', ja: 'ファイル' } }, 'options']],
  summary: {
    en: `Redeem the refresh token in FILE and log in to the mail servers with XOAUTH2, as the sending program will:
SMTP 587 (STARTTLS), IMAP 993 (then LIST), POP 995 (then STAT). Explains every failure. FILE is not changed.`,
    ja: `ファイルのリフレッシュ トークンでアクセス トークンを取得し、送信プログラムと同じように XOAUTH2 でメール
サーバーにログインします: SMTP 587 (STARTTLS)、IMAP 993 (続けて LIST)、POP 995 (続けて STAT)。失敗した場合は
原因と対処を表示します。ファイルは変更しません。`,
  },
  notes: {
    en: `Exit code 10: a login failed or the token is wrong for the mail servers (the explanation says why).
Entra issues a new refresh token on every check; FILE keeps its token, which stays valid (Entra does not
revoke it). Extra certificate authorities: NODE_EXTRA_CA_CERTS; proxies for Entra: HTTPS_PROXY, NO_PROXY.`,
    ja: `終了コード 10: ログインに失敗したか、トークンがメール サーバーに合っていません (説明に理由が表示されます)。
確認のたびに Entra ID は新しいリフレッシュ トークンを発行しますが、ファイルのトークンはそのまま有効です
(Entra ID は古いトークンを無効にしません)。追加の証明機関は NODE_EXTRA_CA_CERTS、Entra ID へのプロキシは
HTTPS_PROXY と NO_PROXY で指定します。`,
  },
};

/** `rtw check --help`. */
export function checkHelp(lang: Lang): string {
  return renderHelp(CHECK_HELP, CHECK_OPTIONS, lang);
}
