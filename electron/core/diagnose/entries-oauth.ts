/**
 * Catalogue entries for OAuth `error` values (RFC 6749) that came without an AADSTS code, and the fallbacks for
 * the `authorization-denied` and `oauth-error` RtwErrors, as data.
 */
import type { CatalogueEntry } from './types.js';
import { ADMIN_CONSENT_URL, DOCS, L, OPEN_APP, REISSUE, SIGN_IN_LOGS, START_AGAIN } from './fragments.js';

/** Shown with every OAuth error, so the admin sees what the provider said. */
const PROVIDER_SAID = L(
  'サインイン サービスからの応答: {error}: {description}',
  'The sign-in service said: {error}: {description}',
);

/** Entries keyed by the OAuth `error` value. */
export const OAUTH_ENTRIES = [
  {
    id: 'oauth-access_denied',
    kind: 'oauth',
    oauthError: 'access_denied',
    title: L('サインインまたは同意が拒否されました', 'Sign-in or consent was denied'),
    why: L(
      'サインイン画面でキャンセルされたか、アクセス許可への同意が拒否されたか、組織のポリシーがこのアプリへのアクセスを許可しませんでした。',
      'The sign-in was cancelled, consent to the permissions was declined, or an organization policy did not allow access to this app.',
    ),
    steps: [
      L(
        'サインインをやり直し、アクセス許可の画面では [承諾] をクリックします。',
        'Sign in again and click Accept on the permissions page.',
      ),
      ADMIN_CONSENT_URL,
      PROVIDER_SAID,
    ],
    docsUrl: DOCS.adminConsent,
  },
  {
    id: 'oauth-invalid_scope',
    kind: 'oauth',
    oauthError: 'invalid_scope',
    title: L(
      '要求したアクセス許可 (スコープ) が受け付けられませんでした',
      'The requested permissions (scopes) were rejected',
    ),
    why: L(
      'サインイン サービスが、要求したスコープ (https://outlook.office.com/SMTP.Send など) を認識しないか、このアカウントの種類では使えないと判断しました。',
      'The sign-in service did not recognise the requested scopes (such as https://outlook.office.com/SMTP.Send) or does not allow them for this kind of account.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[API のアクセス許可] に、Microsoft Graph の委任されたアクセス許可 SMTP.Send (IMAP なら IMAP.AccessAsUser.All、POP なら POP.AccessAsUser.All) と offline_access があるか確認し、なければ [+ アクセス許可の追加] で追加します。',
        'Check that API permissions lists the delegated Microsoft Graph permissions SMTP.Send (IMAP.AccessAsUser.All for IMAP, POP.AccessAsUser.All for POP) and offline_access; add missing ones with + Add a permission.',
      ),
      START_AGAIN,
      PROVIDER_SAID,
    ],
    docsUrl: DOCS.oauthMail,
  },
  {
    id: 'oauth-consent_required',
    kind: 'oauth',
    oauthError: 'consent_required',
    title: L('アクセス許可への同意が必要です', 'Consent to the permissions is required'),
    why: L(
      'このアプリのアクセス許可にまだ同意されていません。組織の設定によっては管理者の同意が必要です。',
      'Nobody has consented to this app’s permissions yet; depending on your organization’s settings, an admin must consent.',
    ),
    steps: [ADMIN_CONSENT_URL, START_AGAIN, PROVIDER_SAID],
    docsUrl: DOCS.adminConsent,
  },
  {
    id: 'oauth-interaction_required',
    kind: 'oauth',
    oauthError: 'interaction_required',
    title: L(
      '追加の操作 (多要素認証など) が必要です',
      'An extra step, such as multi-factor authentication, is required',
    ),
    why: L(
      '組織のポリシーにより、このサインインには多要素認証や利用規約への同意などの操作が必要ですが、完了できませんでした。',
      'An organization policy requires a step for this sign-in, such as multi-factor authentication or accepting terms of use, and it was not completed.',
    ),
    steps: [
      L(
        'このツールでブラウザーからサインインし直し、表示される操作をすべて完了します。',
        'Sign in again in the browser through this tool and complete every step it asks for.',
      ),
      SIGN_IN_LOGS,
      PROVIDER_SAID,
    ],
    docsUrl: DOCS.conditionalAccess,
  },
  {
    id: 'oauth-login_required',
    kind: 'oauth',
    oauthError: 'login_required',
    title: L('サインインが必要です', 'Sign-in is required'),
    why: L(
      'ブラウザーにサインイン済みのセッションがなく、画面を表示しないサインインができませんでした。',
      'The browser had no signed-in session, so a sign-in without showing a page was not possible.',
    ),
    steps: [START_AGAIN, PROVIDER_SAID],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'oauth-server_error',
    kind: 'oauth',
    oauthError: 'server_error',
    title: L('サインイン サービスでエラーが発生しました', 'The sign-in service had an internal error'),
    why: L(
      'Microsoft 側のサーバーで一時的なエラーが起きました。設定の問題ではありません。',
      'A server on Microsoft’s side had a temporary error; it is not a problem with your settings.',
    ),
    steps: [
      L('数分待ってから、サインインをやり直します。', 'Wait a few minutes and sign in again.'),
      L(
        '続く場合は Microsoft 365 管理センターの [正常性] > [サービス正常性] で障害が出ていないか確認します。',
        'If it persists, check Health > Service health in the Microsoft 365 admin center for an incident.',
      ),
      PROVIDER_SAID,
    ],
    retryable: true,
  },
  {
    id: 'oauth-temporarily_unavailable',
    kind: 'oauth',
    oauthError: 'temporarily_unavailable',
    title: L('サインイン サービスが一時的に利用できません', 'The sign-in service is temporarily unavailable'),
    why: L(
      'Microsoft のサインイン サービスが混雑しているか、メンテナンス中です。',
      'Microsoft’s sign-in service is overloaded or under maintenance.',
    ),
    steps: [
      L('数分待ってから、サインインをやり直します。', 'Wait a few minutes and sign in again.'),
      PROVIDER_SAID,
    ],
    retryable: true,
  },
  {
    id: 'oauth-invalid_grant',
    kind: 'oauth',
    oauthError: 'invalid_grant',
    title: L(
      '認可コードまたはリフレッシュ トークンが無効です',
      'The authorization code or refresh token is not valid',
    ),
    why: L(
      'コードまたはリフレッシュ トークンが期限切れ、使用済み、失効済み (パスワード変更など)、または別のアプリ用のものです。',
      'The code or refresh token has expired, was already used, was revoked (e.g. by a password change), or belongs to another app.',
    ),
    steps: [REISSUE, PROVIDER_SAID],
    docsUrl: DOCS.refreshTokens,
  },
  {
    id: 'oauth-invalid_client',
    kind: 'oauth',
    oauthError: 'invalid_client',
    title: L('クライアント ID またはシークレットが正しくありません', 'The client ID or secret is not valid'),
    why: L(
      'サインイン サービスがアプリを認証できませんでした。クライアント ID の誤り、シークレットの「値」ではなく「シークレット ID」の入力、または期限切れのシークレットが考えられます。',
      'The sign-in service could not authenticate the app: a wrong client ID, the secret’s Secret ID entered instead of its Value, or an expired secret.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[概要] の [アプリケーション (クライアント) ID] がこのツールのクライアント ID と同じか確認します。',
        'Check that “Application (client) ID” on the Overview equals the client ID in this tool.',
      ),
      L(
        '[証明書とシークレット] で新しいクライアント シークレットを作成し、[値] 列 (シークレット ID ではなく) をコピーして入力し直します。',
        'Create a new client secret under Certificates & secrets and enter its Value column (not the Secret ID).',
      ),
      PROVIDER_SAID,
    ],
    docsUrl: DOCS.secrets,
  },
  {
    id: 'oauth-unauthorized_client',
    kind: 'oauth',
    oauthError: 'unauthorized_client',
    title: L(
      'このアプリにはこのサインイン方法が許可されていません',
      'The app is not allowed to use this sign-in method',
    ),
    why: L(
      'アプリの登録内容 (プラットフォームの種類、サポートされているアカウントの種類、パブリック クライアント フロー) が、このサインイン方法やアカウントに合っていません。',
      'The app registration (platform type, supported account types, public client flows) does not allow this sign-in method or this kind of account.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[認証] でリダイレクト URI {redirectUri} が登録されていること、[サポートされているアカウントの種類] がサインインするアカウントに合っていることを確認します。',
        'On the Authentication page, check that the redirect URI {redirectUri} is registered and that Supported account types covers the account you sign in with.',
      ),
      L(
        'デバイス コードでサインインする場合は、[詳細設定] の [パブリック クライアント フローを許可する] を [はい] にします。',
        'To sign in with a device code, set “Allow public client flows” to Yes under Advanced settings.',
      ),
      PROVIDER_SAID,
    ],
    docsUrl: DOCS.publicClient,
  },
  {
    id: 'oauth-invalid_request',
    kind: 'oauth',
    oauthError: 'invalid_request',
    title: L('サインイン要求が正しくありません', 'The sign-in request is not valid'),
    why: L(
      'サインイン サービスが要求を受け付けませんでした。入力値 (テナント、クライアント ID、リダイレクト URI) の誤りか、このツールの不具合が考えられます。',
      'The sign-in service rejected the request: a wrong value (tenant, client ID, redirect URI) or a bug in this tool.',
    ),
    steps: [
      L(
        'テナント ({tenant})、クライアント ID ({clientId})、リダイレクト URI ({redirectUri}) を確認して、やり直します。',
        'Check the tenant ({tenant}), client ID ({clientId}) and redirect URI ({redirectUri}), and try again.',
      ),
      PROVIDER_SAID,
      L(
        '入力に誤りがないのに続く場合は、下のサポート用情報を添えて報告してください。',
        'If the values are right and it keeps happening, please report it with the support details below.',
      ),
    ],
    docsUrl: DOCS.aadstsCodes,
  },
] as const satisfies readonly CatalogueEntry[];
