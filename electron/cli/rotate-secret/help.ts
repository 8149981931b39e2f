/** The help of `rtw rotate-secret`: its prose; the options come from options.ts. */
import type { Lang } from '../../core/i18n.js';
import { renderHelp } from '../shared/help.js';
import type { CommandHelp } from '../shared/help.js';
import { ROTATE_SECRET_OPTIONS } from './options.js';

export const ROTATE_SECRET_HELP: CommandHelp = {
  command: 'rotate-secret',
  usage: [
    [
      { option: 'client-id' },
      { operand: { en: 'FILE|FOLDER...', ja: 'ファイル|フォルダー...' } },
      { optional: 'secret-stdin' },
      { optional: 'secret-expires' },
      { optional: 'json' },
      { optional: 'parallel' },
      { optional: 'wait' },
    ],
  ],
  summary: {
    en: `Give every INI file of one app its new client secret, without signing anyone in: a refresh token belongs to
the user and the app, not to the secret it was issued with. The new secret is first checked with one file's
refresh: a wrong Value stops there, explained, and no file is changed. Then each file of the app is refreshed
with it and gets the new ClientSecret, its expiry and the new token in one write (the previous file kept as .bak).
A file whose token is dead (90 days unused, revoked) gets the new secret and is listed with the command that
re-issues it.`,
    ja: `アプリのクライアント シークレットを変えたあと、そのアプリのすべての INI ファイルに新しいシークレットを
書き込みます。サインインは不要です (リフレッシュ トークンはユーザーとアプリに結び付いており、発行時の
シークレットには結び付いていません)。まず 1 つのファイルの更新で新しいシークレットを確かめ、値が間違って
いればそこで止めて理由を表示し、どのファイルも変更しません。続いてアプリの各ファイルを新しいシークレットで
更新し、ClientSecret・有効期限・新しいトークンを 1 回の書き込みで保存します (以前の内容は .bak に保存)。
トークンが失効しているファイル (90 日間未使用、取り消し) には新しいシークレットだけを書き込み、
再発行のコマンドとともに一覧にします。`,
  },
  notes: {
    en: `The secret is never taken on the command line: RTW_CLIENT_SECRET, --secret-stdin or the hidden prompt.
Exit codes: 0 every file of the app rotated · 8 some need a sign-in (rtw acquire --from FILE) · 3 the new
secret was refused (nothing changed) · 2 bad input, or no file of that app · 9 a file was busy · otherwise the
code of the first failure (4 network, 5 file…).`,
    ja: `シークレットはコマンド ラインでは受け付けません (RTW_CLIENT_SECRET、--secret-stdin、非表示の入力)。
終了コード: 0 アプリのファイルをすべて更新 · 8 サインインが必要なファイルがある (rtw acquire --from ファイル) ·
3 新しいシークレットが拒否された (何も変更していない) · 2 入力の誤り、またはそのアプリのファイルがない ·
9 使用中のファイルがある · それ以外は最初の失敗のコード (4 ネットワーク、5 ファイルなど)。`,
  },
};

/** `rtw rotate-secret --help`. */
export function rotateSecretHelp(lang: Lang): string {
  return renderHelp(ROTATE_SECRET_HELP, ROTATE_SECRET_OPTIONS, lang);
}
