/** The help of `rtw refresh`: its prose; the options come from options.ts. */
import type { Lang } from '../../core/i18n.js';
import { renderHelp } from '../shared/help.js';
import type { CommandHelp } from '../shared/help.js';
import { REFRESH_OPTIONS } from './options.js';

export const REFRESH_HELP: CommandHelp = {
  command: 'refresh',
  usage: [
    [
      { operand: { en: 'FILE|FOLDER...', ja: 'ファイル|フォルダー...' } },
      { optional: 'json' },
      { optional: 'parallel' },
      { optional: 'wait' },
    ],
  ],
  summary: {
    en: `Redeem each INI file's refresh token and write the new one back (atomically, the previous file kept as .bak),
recording LastRefreshedAt. A folder means its *.ini files that hold an [OAUTH2] RefreshToken. Run it weekly
(see docs/scheduling.en.md): a refresh token expires after 90 days without use. Several files are refreshed at
once over kept-alive connections; the results are printed in the order the files were given.`,
    ja: `各 INI ファイルのリフレッシュ トークンを使って新しいトークンを取得し、ファイルに書き戻します (安全に置き換え、
以前の内容は .bak に保存)。LastRefreshedAt も記録します。フォルダーを指定すると、その中の *.ini のうち
[OAUTH2] に RefreshToken があるものが対象です。リフレッシュ トークンは 90 日間使われないと失効するため、
毎週実行してください (docs/scheduling.ja.md)。複数のファイルを同時に、接続を再利用しながら更新し、
結果は指定したファイルの順に表示します。`,
  },
  notes: {
    en: `Exit codes: 0 every token refreshed · 8 some need re-issuing (expired, revoked, secret expired: run
rtw acquire --from FILE) · 9 a file was busy · otherwise the code of the first failure (4 network, 5 file…).`,
    ja: `終了コード: 0 すべて更新 · 8 再発行が必要なものがある (期限切れ、失効、シークレット期限切れ:
rtw acquire --from ファイル を実行) · 9 使用中のファイルがある · それ以外は最初の失敗のコード (4 ネットワーク、5 ファイルなど)。`,
  },
};

/** `rtw refresh --help`. */
export function refreshHelp(lang: Lang): string {
  return renderHelp(REFRESH_HELP, REFRESH_OPTIONS, lang);
}
