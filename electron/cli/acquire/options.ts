/** The options of `rtw acquire`. */
import { DEFAULT_OUT_FILE } from '../../core/sign-in/index.js';
import type { ProfileInput } from '../../core/sign-in/index.js';
import type { Localized } from '../../core/i18n.js';
import { defineOptions } from '../shared/options.js';

const FILE: Localized = { en: 'FILE', ja: 'ファイル' };
const SECONDS: Localized = { en: 'SECONDS', ja: '秒' };

/**
 * The `default`s are those the core applies (sign-in/profile.ts; test/cli/options.test.ts compares them): the CLI
 * leaves an option it was not given unset, so a re-issue (`--from`) takes the file's value instead.
 */
export const ACQUIRE_OPTIONS = defineOptions({
  from: {
    type: 'string',
    placeholder: FILE,
    description: {
      en: `re-issue: take tenant, cloud, client ID, secret, mailbox and protocols from an existing
INI file and write the new token back to it (options given here override the file;
a secret from RTW_CLIENT_SECRET, --secret-stdin or the prompt replaces the file's)`,
      ja: `再発行: 既存の INI ファイルからテナント、クラウド、クライアント ID、シークレット、
メールボックス、プロトコルを読み取り、新しいトークンを同じファイルに書き戻す
(ここで指定したオプションが優先。RTW_CLIENT_SECRET、--secret-stdin、プロンプトで
指定したシークレットはファイルのシークレットより優先)`,
    },
  },
  provider: {
    type: 'string',
    placeholder: { en: 'P', ja: 'P' },
    default: 'microsoft',
    description: {
      en: `{default} (default: Microsoft 365 / Outlook.com) or google (Gmail / Google Workspace:
an OAuth client of type Desktop app, signed in on a free port of 127.0.0.1)`,
      ja: `{default} (既定: Microsoft 365 / Outlook.com) または google (Gmail / Google Workspace:
種類「デスクトップ アプリ」の OAuth クライアント。127.0.0.1 の空きポートでサインイン)`,
    },
  },
  'client-id': {
    type: 'string',
    placeholder: { en: 'ID', ja: 'ID' },
    description: {
      en: `Application (client) ID of the app registration (a GUID);
Google: the client ID ending in .apps.googleusercontent.com`,
      ja: `アプリの登録のアプリケーション (クライアント) ID (GUID)。
Google: 末尾が .apps.googleusercontent.com のクライアント ID`,
    },
  },
  user: {
    type: 'string',
    placeholder: { en: 'MAILBOX', ja: 'メールボックス' },
    description: {
      en: 'the mailbox written as UserID (the address the sender logs in as)',
      ja: 'UserID として書き込むメールボックス (送信プログラムがログインするアドレス)',
    },
  },
  tenant: {
    type: 'string',
    placeholder: { en: 'T', ja: 'T' },
    default: 'common',
    description: {
      en: 'Microsoft: {default} (default), organizations, consumers, a tenant ID or a domain',
      ja: 'Microsoft: {default} (既定)、organizations、consumers、テナント ID、またはドメイン',
    },
  },
  cloud: {
    type: 'string',
    placeholder: { en: 'C', ja: 'C' },
    default: 'global',
    description: {
      en: 'Microsoft: {default} (default), usgov, usgov-dod, china',
      ja: 'Microsoft: {default} (既定)、usgov、usgov-dod、china',
    },
  },
  authority: {
    type: 'string',
    placeholder: { en: 'URL', ja: 'URL' },
    description: {
      en: 'Microsoft: https://host/tenant: a national or private cloud, or the sandbox',
      ja: 'Microsoft: https://ホスト/テナント: 各国のクラウド、プライベート クラウド、サンドボックス用',
    },
  },
  protocols: {
    type: 'list',
    placeholder: { en: 'LIST', ja: '一覧' },
    default: 'smtp',
    description: {
      en: '{default} (default), imap, pop; comma-separated',
      ja: '{default} (既定)、imap、pop をカンマ区切りで',
    },
  },
  port: {
    type: 'number',
    placeholder: { en: 'N', ja: 'N' },
    default: 8001,
    description: {
      en: `redirect port (default {default}; 0 picks a free one: Entra ignores the port of localhost);
Google: a free one by default, as Google takes any port of 127.0.0.1`,
      ja: `リダイレクト ポート (既定 {default}。0 は空きポートを自動選択: localhost のポートは Entra が無視します)。
Google: 既定で空きポート (Google は 127.0.0.1 のどのポートも受け付けます)`,
    },
  },
  path: {
    type: 'string',
    placeholder: { en: 'P', ja: 'P' },
    default: '/myapp/',
    description: {
      en: 'redirect path (default {default}; Google: /)',
      ja: 'リダイレクト パス (既定 {default}。Google: /)',
    },
  },
  out: {
    type: 'string',
    placeholder: FILE,
    default: DEFAULT_OUT_FILE,
    description: {
      en: `INI file to write (default {default}); an existing one is updated,
its other keys and sections kept, the previous version saved as FILE.bak`,
      ja: `書き込む INI ファイル (既定 {default})。既存のファイルは更新し、
ほかのキーとセクションはそのまま残し、以前の内容を ファイル.bak に保存します`,
    },
  },
  'provider-value': {
    type: 'string',
    placeholder: { en: 'N', ja: 'N' },
    description: {
      en: `the INI's Provider= value, when the sender expects another than this tool writes
(Microsoft: 1, as SMAIL's manual shows; Google: 0, which is NOT confirmed: compare with
an INI SmailRefreshToken.exe wrote for Google, see docs/app-registration)`,
      ja: `INI の Provider= の値 (送信プログラムがこのツールの書く値と違う値を期待する場合)。
Microsoft: 1 (SMAIL のマニュアルのとおり)。Google: 0 (未確認の値です。SmailRefreshToken.exe が
Google 用に書いた INI と比べて確認してください。docs/app-registration を参照)`,
    },
  },
  'app-audience': {
    type: 'string',
    placeholder: { en: 'A', ja: 'A' },
    description: {
      en: `Google: the OAuth consent screen's audience, internal, production or testing
(Testing: tokens die 7 days after consent); recorded so rtw show warns in time`,
      ja: `Google: OAuth 同意画面の対象。internal (内部)、production (本番環境)、testing (テスト中)
(テスト中のトークンは同意から 7 日で失効)。記録しておくと rtw show が事前に警告します`,
    },
  },
  'public-client': {
    type: 'boolean',
    description: {
      en: `no client secret (registration "Mobile and desktop" or public client flows allowed);
the INI gets an empty ClientSecret`,
      ja: `クライアント シークレットを使わない (「モバイル アプリケーションとデスクトップ
アプリケーション」またはパブリック クライアント フローを許可した登録)。
INI の ClientSecret は空になります`,
    },
  },
  'device-code': {
    type: 'boolean',
    description: {
      en: `sign in with a code on any other device (https://microsoft.com/devicelogin): no
browser and no port needed here. A public-client flow: the registration must allow
public client flows; implies --public-client; waits up to the code's expiry (15 min).
Microsoft only: Google's device flow does not allow the Gmail scope`,
      ja: `別の端末 (https://microsoft.com/devicelogin) でコードを入力してサインインする。この PC の
ブラウザーもポートも不要。パブリック クライアントのフローなので、アプリの登録で
パブリック クライアント フローの許可が必要。--public-client を含み、コードの有効期限
(15 分) まで待つ。Microsoft のみ: Google のデバイス フローでは Gmail のスコープを要求できません`,
    },
  },
  'secret-stdin': {
    type: 'boolean',
    description: {
      en: 'read the client secret from standard input',
      ja: 'クライアント シークレットを標準入力から読む',
    },
  },
  'no-browser': {
    type: 'boolean',
    description: {
      en: 'do not open a browser; print the sign-in URL to open elsewhere',
      ja: 'ブラウザーを開かず、サインイン URL を表示する (別の端末で開く場合)',
    },
  },
  timeout: {
    type: 'number',
    placeholder: SECONDS,
    default: 300,
    description: {
      en: 'how long to wait for sign-in (default {default})',
      ja: 'サインインを待つ時間 (既定 {default})',
    },
  },
  'secret-expires': {
    type: 'string',
    placeholder: { en: 'DATE', ja: '日付' },
    description: {
      en: `the client secret's expiry (YYYY-MM-DD, the Expires column in Certificates & secrets),
recorded so rtw show warns 30 days before`,
      ja: `クライアント シークレットの有効期限 (YYYY-MM-DD、証明書とシークレットの「有効期限」)。
記録しておくと rtw show が 30 日前から警告します`,
    },
  },
  json: {
    type: 'boolean',
    description: {
      en: 'one JSON object per event on stdout (progress stays off stderr)',
      ja: 'イベントごとに JSON を 1 行ずつ標準出力へ出す (進行状況は標準エラーに出さない)',
    },
  },
});

/** The option that sets a profile field, as a validation message names it (`--client-id: …`). */
const OPTION_OF_FIELD: Partial<Record<keyof ProfileInput, string>> = {
  providerValue: 'provider-value',
  appAudience: 'app-audience',
  clientId: 'client-id',
  userId: 'user',
  clientSecret: 'client-secret (RTW_CLIENT_SECRET)',
  publicClient: 'public-client',
  redirectPort: 'port',
  redirectPath: 'path',
  outFile: 'out',
  timeoutSeconds: 'timeout',
  clientSecretExpiresAt: 'secret-expires',
};

/** The option to name for a profile field (without `--`); a field of the same name as its option is itself. */
export function optionOf(field: keyof ProfileInput): string {
  return OPTION_OF_FIELD[field] ?? field;
}
