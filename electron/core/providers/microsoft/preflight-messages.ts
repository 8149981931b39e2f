/** What the pre-flight says of a Microsoft profile, in Japanese and English. Placeholders in braces are filled by `format`. */
import type { Localized } from '../../i18n.js';

export const MICROSOFT_PREFLIGHT_MESSAGES = {
  personalWithOrganizations: {
    en: '{mailbox} is a personal Microsoft account (Outlook.com), but the tenant "organizations" admits only work or school accounts: the sign-in would fail. Use tenant "consumers" (or "common").',
    ja: '{mailbox} は個人用 Microsoft アカウント (Outlook.com) ですが、テナント「organizations」は職場または学校のアカウントしかサインインできません。テナントを「consumers」(または「common」) にしてください。',
  },
  personalWithTenant: {
    en: '{mailbox} is a personal Microsoft account (Outlook.com), but tenant {tenant} is an organization’s directory, which personal accounts cannot sign in to. Use tenant "consumers" (or "common").',
    ja: '{mailbox} は個人用 Microsoft アカウント (Outlook.com) ですが、テナント {tenant} は組織のディレクトリで、個人用アカウントではサインインできません。テナントを「consumers」(または「common」) にしてください。',
  },
  personalNotGlobal: {
    en: '{mailbox} is a personal Microsoft account (Outlook.com), which exists only in the global cloud: choose the cloud "global".',
    ja: '{mailbox} は個人用 Microsoft アカウント (Outlook.com) で、グローバル クラウドにしか存在しません。クラウドは「global」を選んでください。',
  },
  consumersWithWorkMailbox: {
    en: 'Tenant "consumers" admits only personal Microsoft accounts, whose mailboxes are at outlook.com, hotmail.com or live.com; {mailbox} is a work or school mailbox. Use the organization’s tenant ID or domain, "organizations" or "common".',
    ja: 'テナント「consumers」は個人用 Microsoft アカウント (メールボックスは outlook.com、hotmail.com、live.com など) しかサインインできませんが、{mailbox} は職場または学校のメールボックスです。組織のテナント ID またはドメイン、「organizations」、または「common」を指定してください。',
  },
  probeSecretValid: {
    en: 'The app registration exists and accepted the client secret (checked with an app-only token request, whose token was discarded). This does not check the redirect URI or the delegated permissions: the sign-in does.',
    ja: 'アプリの登録が存在し、クライアント シークレットが受け付けられました (アプリ専用のトークン要求で確認し、そのトークンは破棄しました)。リダイレクト URI と委任されたアクセス許可は確認していません。サインイン時に確認されます。',
  },
  probeInconclusive: {
    en: 'The registration check was inconclusive: Entra refused the app-only request with AADSTS{aadsts}, which does not say whether the secret is right (a tenant may refuse app-only tokens and still accept the secret). The sign-in will tell.',
    ja: '登録の確認では判断できませんでした: Entra ID がアプリ専用の要求を AADSTS{aadsts} で拒否しましたが、シークレットが正しいかどうかはわかりません (アプリ専用トークンを拒否するテナントでもシークレットは受け付けられます)。サインイン時に判明します。',
  },
  probeFailed: {
    en: 'The registration could not be checked: the sign-in service was not reachable or answered badly (see the explanation). The sign-in would meet the same problem.',
    ja: '登録を確認できませんでした: サインイン サービスに接続できないか、応答が不正です (説明を参照)。サインインでも同じ問題が起きます。',
  },
  probeSkippedPublic: {
    en: 'No client secret (public client): there is nothing to check before the sign-in.',
    ja: 'クライアント シークレットがありません (パブリック クライアント)。サインイン前に確認できることはありません。',
  },
  probeSkippedConsumers: {
    en: 'Personal-account tenants do not issue app-only tokens, so the registration cannot be checked before the sign-in.',
    ja: '個人用アカウントのテナントはアプリ専用トークンを発行しないため、サインイン前に登録を確認できません。',
  },
  probeRefused: {
    en: 'Entra refused the app registration or its secret (AADSTS{aadsts}); the sign-in would fail the same way. See the explanation.',
    ja: 'Entra ID がアプリの登録またはシークレットを拒否しました (AADSTS{aadsts})。サインインも同じ理由で失敗します。説明を参照してください。',
  },
} as const satisfies Record<string, Localized>;
