import type { Localized } from '../../i18n.js';

/**
 * What the admin sees when a Microsoft registration field is wrong: what to fix, not just "invalid", in the
 * portal's own words. Placeholders in braces are filled by `format`.
 */
export const MICROSOFT_VALIDATION_MESSAGES = {
  tenantRequired: {
    en: 'Enter the tenant: common, organizations, consumers, the Directory (tenant) ID, or a domain such as contoso.onmicrosoft.com.',
    ja: 'テナントを入力してください: common、organizations、consumers、ディレクトリ (テナント) ID、または contoso.onmicrosoft.com のようなドメイン名。',
  },
  tenantInvalid: {
    en: '"{value}" is not a tenant. Use common, organizations, consumers, the Directory (tenant) ID (a GUID from the app\'s Overview page), or a verified domain such as contoso.onmicrosoft.com.',
    ja: '「{value}」はテナントとして使えません。common、organizations、consumers、ディレクトリ (テナント) ID (アプリの「概要」にある GUID)、または contoso.onmicrosoft.com のような確認済みドメインを入力してください。',
  },
  clientIdRequired: {
    en: "Enter the Application (client) ID. It is on the app registration's Overview page.",
    ja: 'アプリケーション (クライアント) ID を入力してください。アプリの登録の「概要」に表示されています。',
  },
  clientIdInvalid: {
    en: "The Application (client) ID is a GUID such as 3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c. Copy it from the app registration's Overview page.",
    ja: 'アプリケーション (クライアント) ID は 3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c のような GUID です。アプリの登録の「概要」からコピーしてください。',
  },
  secretRequired: {
    en: 'Enter the client secret Value (Certificates & secrets > Client secrets > Value), or choose "no secret (public client)".',
    ja: 'クライアント シークレットの「値」を入力してください (証明書とシークレット > クライアント シークレット > 値)。シークレットを使わない場合は「シークレットなし (パブリック クライアント)」を選んでください。',
  },
  secretLooksLikeId: {
    en: "This looks like the secret's ID (a GUID), not its Value. In Certificates & secrets, copy the Value column. The Value is shown only right after the secret is created: if it is hidden now, create a new secret.",
    ja: 'これはシークレットの「シークレット ID」(GUID) のようです。「値」ではありません。証明書とシークレットで「値」の列をコピーしてください。値は作成直後にしか表示されないため、隠れている場合は新しいシークレットを作成してください。',
  },
  secretHasSpace: {
    en: 'The client secret contains a space or line break. Secret Values never do: copy the Value again without extra characters.',
    ja: 'クライアント シークレットに空白または改行が含まれています。シークレットの値には含まれないため、余分な文字を入れずにもう一度コピーしてください。',
  },
  secretTooShort: {
    en: 'The client secret is too short to be a secret Value (Entra creates 40 characters). Copy the whole Value.',
    ja: 'クライアント シークレットが短すぎます (Entra が作成する値は 40 文字です)。値全体をコピーしてください。',
  },
  secretWithPublicClient: {
    en: 'A public client sends no secret (Entra answers AADSTS700025). Clear the secret, or turn off "no secret (public client)".',
    ja: 'パブリック クライアントはシークレットを送りません (送ると Entra は AADSTS700025 を返します)。シークレットを空にするか、「シークレットなし (パブリック クライアント)」をオフにしてください。',
  },
  cloudInvalid: {
    en: '"{value}" is not a cloud. Use global, usgov, usgov-dod or china.',
    ja: '「{value}」はクラウド名ではありません。global、usgov、usgov-dod、china のいずれかを指定してください。',
  },
  consumersOnlyGlobal: {
    en: 'Personal Microsoft accounts (consumers) exist only in the global cloud. Choose the global cloud, or a work tenant.',
    ja: '個人用 Microsoft アカウント (consumers) はグローバル クラウドにしかありません。グローバル クラウドを選ぶか、職場のテナントを指定してください。',
  },
  authorityInvalid: {
    en: 'The authority must be an https URL ending in the tenant, e.g. https://login.microsoftonline.com/common.',
    ja: '機関 (authority) は https で始まりテナントで終わる URL にしてください。例: https://login.microsoftonline.com/common',
  },
} as const satisfies Record<string, Localized>;
