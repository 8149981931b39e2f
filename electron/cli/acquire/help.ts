/** The help of `rtw acquire`: its prose; the options come from options.ts. */
import type { Lang } from '../../core/i18n.js';
import { renderHelp } from '../shared/help.js';
import type { CommandHelp } from '../shared/help.js';
import { ACQUIRE_OPTIONS } from './options.js';

export const ACQUIRE_HELP: CommandHelp = {
  command: 'acquire',
  usage: [
    [{ option: 'client-id' }, { option: 'user' }, 'options'],
    [{ option: 'from' }, 'options'],
  ],
  summary: {
    en: 'Sign in (authorization code + PKCE) and write the refresh token to the INI file.',
    ja: 'サインイン (認可コード + PKCE) して、リフレッシュ トークンを INI ファイルに書き込みます。',
  },
  notes: {
    en: `The client secret is never taken on the command line: set RTW_CLIENT_SECRET, use --secret-stdin, or type
it at the hidden prompt. Extra certificate authorities: NODE_EXTRA_CA_CERTS; proxies: HTTPS_PROXY, NO_PROXY.
Google: --provider google with the Desktop app client's ID and secret (GOCSPX-…); the INI gets Provider=0,
a value not confirmed for SMAIL (--provider-value overrides it).`,
    ja: `クライアント シークレットはコマンド ラインでは受け付けません。RTW_CLIENT_SECRET を設定するか、--secret-stdin を
使うか、表示されないプロンプトに入力してください。追加の証明機関は NODE_EXTRA_CA_CERTS、プロキシは
HTTPS_PROXY と NO_PROXY で指定します。
Google: --provider google と、デスクトップ アプリのクライアントの ID とシークレット (GOCSPX-…) を指定します。
INI には Provider=0 を書きますが、SMAIL での値は未確認です (--provider-value で変更できます)。`,
  },
};

/** `rtw acquire --help`. */
export function acquireHelp(lang: Lang): string {
  return renderHelp(ACQUIRE_HELP, ACQUIRE_OPTIONS, lang);
}
