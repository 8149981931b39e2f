/** The help of `rtw explain`: its prose; the options come from options.ts. */
import type { Lang } from '../../core/i18n.js';
import { renderHelp } from '../shared/help.js';
import type { CommandHelp } from '../shared/help.js';
import { EXPLAIN_OPTIONS } from './options.js';

export const EXPLAIN_HELP: CommandHelp = {
  command: 'explain',
  usage: [[{ operand: { en: 'TEXT...', ja: 'テキスト...' } }, 'options']],
  summary: {
    en: `Explain an error this tool did not see itself: what Entra showed on its own sign-in page ("Message: AADSTS…",
which never reaches this tool), an AADSTS code, an Entra JSON error, or a mail server's reply from a sending
program's log ("535 5.7.139 …", "A1 NO [AUTHENTICATIONFAILED] …", "-ERR [SYS/PERM] …").
TEXT - reads the text from standard input.`,
    ja: `このツール自身が受け取っていないエラーを説明します: Entra ID が自身のサインイン画面に表示したもの
(「Message: AADSTS…」。このツールには届きません)、AADSTS コード、Entra ID の JSON エラー、送信プログラムの
ログにあるメール サーバーの応答 (「535 5.7.139 …」「A1 NO [AUTHENTICATIONFAILED] …」「-ERR [SYS/PERM] …」)。
テキストに - を指定すると標準入力から読みます。`,
  },
  notes: {
    en: `Exit code 0 whenever something was printed: the diagnostic ID says which entry explained it (unknown-aadsts,
unknown-mail-reply and unknown-text are the general ones). Nothing is sent anywhere.`,
    ja: `説明を表示した場合の終了コードは 0 です。どの説明かは診断 ID でわかります (unknown-aadsts、unknown-mail-reply、
unknown-text は一般的な説明)。何もネットワークへ送りません。`,
  },
};

/** `rtw explain --help`. */
export function explainHelp(lang: Lang): string {
  return renderHelp(EXPLAIN_HELP, EXPLAIN_OPTIONS, lang);
}
