import type { Localized } from '../../i18n.js';

/**
 * What the admin sees when a Google registration field is wrong, in the Google Cloud console's own words.
 * Placeholders in braces are filled by `format`.
 */
export const GOOGLE_VALIDATION_MESSAGES = {
  googleClientIdRequired: {
    en: 'Enter the OAuth client ID (Google Cloud console > APIs & Services > Credentials > OAuth 2.0 Client IDs). It ends with .apps.googleusercontent.com.',
    ja: 'OAuth クライアント ID を入力してください (Google Cloud コンソール > [API とサービス] > [認証情報] > [OAuth 2.0 クライアント ID])。末尾が .apps.googleusercontent.com の値です。',
  },
  googleClientIdIsGuid: {
    en: 'This is a GUID, the form of a Microsoft Entra Application (client) ID. A Google OAuth client ID ends with .apps.googleusercontent.com: copy it from the Credentials page of the Google Cloud console, or choose Microsoft as the provider.',
    ja: 'これは GUID で、Microsoft Entra のアプリケーション (クライアント) ID の形式です。Google の OAuth クライアント ID は末尾が .apps.googleusercontent.com です。Google Cloud コンソールの [認証情報] からコピーするか、プロバイダーに Microsoft を選んでください。',
  },
  googleClientIdInvalid: {
    en: 'A Google OAuth client ID looks like 123456789012-abc123def456.apps.googleusercontent.com. Copy the whole Client ID of the "Desktop app" client from the Credentials page.',
    ja: 'Google の OAuth クライアント ID は 123456789012-abc123def456.apps.googleusercontent.com のような形式です。[認証情報] ページで「デスクトップ アプリ」のクライアントの [クライアント ID] 全体をコピーしてください。',
  },
  googleSecretRequired: {
    en: 'Enter the client secret of the "Desktop app" OAuth client (it starts with GOCSPX-). Google shows it only when the client or a new secret is created: if it is hidden now, add a secret to the client.',
    ja: '「デスクトップ アプリ」の OAuth クライアントのクライアント シークレット (GOCSPX- で始まる値) を入力してください。シークレットはクライアントまたは新しいシークレットの作成時にしか表示されないため、隠れている場合はクライアントにシークレットを追加してください。',
  },
  googleSecretIsClientId: {
    en: 'This is the client ID, not the secret. The client secret starts with GOCSPX-.',
    ja: 'これはクライアント ID で、シークレットではありません。クライアント シークレットは GOCSPX- で始まります。',
  },
  googleSecretLooksLikeEntraId: {
    en: 'This is a GUID, the form of a Microsoft Entra secret ID. A Google client secret starts with GOCSPX-: copy it from the Google Cloud console, or choose Microsoft as the provider.',
    ja: 'これは GUID で、Microsoft Entra のシークレット ID の形式です。Google のクライアント シークレットは GOCSPX- で始まります。Google Cloud コンソールからコピーするか、プロバイダーに Microsoft を選んでください。',
  },
  googleSecretLooksLikeEntraValue: {
    en: 'This looks like a Microsoft Entra secret Value (40 characters with a ~). A Google client secret starts with GOCSPX-: copy it from the Google Cloud console, or choose Microsoft as the provider.',
    ja: 'これは Microsoft Entra のシークレットの値 (~ を含む 40 文字) のようです。Google のクライアント シークレットは GOCSPX- で始まります。Google Cloud コンソールからコピーするか、プロバイダーに Microsoft を選んでください。',
  },
  googleSecretInvalid: {
    en: 'This is not a Google client secret: it starts with GOCSPX- followed by 28 letters, digits, - or _ (older clients have 24 characters without the prefix). Copy it again without extra characters.',
    ja: 'Google のクライアント シークレットではありません。GOCSPX- に続けて英数字・-・_ が 28 文字並ぶ形式です (古いクライアントでは接頭辞のない 24 文字)。余分な文字を入れずにもう一度コピーしてください。',
  },
  googleNoPublicClient: {
    en: 'A Google "Desktop app" client always has a secret, and Google refuses the token request without it ("client_secret is missing"). Turn off "no secret (public client)" and enter the secret.',
    ja: 'Google の「デスクトップ アプリ」クライアントには必ずシークレットがあり、シークレットなしのトークン要求は拒否されます (client_secret is missing)。「シークレットなし (パブリック クライアント)」をオフにして、シークレットを入力してください。',
  },
  googleNoTenant: {
    en: 'Google has no tenants or national clouds: leave the tenant, cloud and authority empty.',
    ja: 'Google にはテナントや各国のクラウドがありません。テナント、クラウド、機関 (authority) は空にしてください。',
  },
} as const satisfies Record<string, Localized>;
