/**
 * Steps several catalogue entries share, written once so the portal paths and labels stay identical everywhere.
 * Japanese uses the labels of the Japanese Entra and Exchange admin centers, since that is what admins see.
 */
import type { Localized } from '../i18n.js';

/** Builds a localized text; keeps the catalogue compact and readable. */
export const L = (ja: string, en: string): Localized => ({ ja, en });

/** Microsoft Learn pages; without a locale segment they open in the reader's language. */
export const DOCS = {
  aadstsCodes: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  secrets: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials',
  redirectUri: 'https://learn.microsoft.com/entra/identity-platform/reply-url',
  publicClient: 'https://learn.microsoft.com/entra/identity-platform/msal-client-applications',
  deviceCode: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code',
  adminConsent: 'https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent',
  userConsent: 'https://learn.microsoft.com/entra/identity/enterprise-apps/configure-user-consent',
  multiTenant: 'https://learn.microsoft.com/entra/identity-platform/howto-convert-app-to-be-multi-tenant',
  conditionalAccess:
    'https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access',
  securityDefaults: 'https://learn.microsoft.com/entra/fundamentals/security-defaults',
  mfaRegister: 'https://learn.microsoft.com/entra/identity/authentication/howto-mfa-userdevicesettings',
  refreshTokens: 'https://learn.microsoft.com/entra/identity-platform/refresh-tokens',
  signInFrequency: 'https://learn.microsoft.com/entra/identity/conditional-access/concept-session-lifetime',
  nationalClouds: 'https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud',
  scopes: 'https://learn.microsoft.com/entra/identity-platform/scopes-oidc',
  oauthMail:
    'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
  smtpAuth:
    'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  popImap:
    'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access',
  sendAs:
    'https://learn.microsoft.com/exchange/recipients-in-exchange-online/manage-permissions-for-recipients',
  tls12: 'https://learn.microsoft.com/troubleshoot/microsoft-365/admin/miscellaneous/support-tls-1-2',
  userProperties: 'https://learn.microsoft.com/entra/fundamentals/how-to-manage-user-profile-info',
  passwordPolicy: 'https://learn.microsoft.com/microsoft-365/admin/manage/set-password-expiration-policy',
  nodeExtraCa: 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile',
  smartLockout: 'https://learn.microsoft.com/entra/identity/authentication/howto-password-smart-lockout',
  assignment: 'https://learn.microsoft.com/entra/identity-platform/howto-restrict-your-app-to-a-set-of-users',
  disableApp: 'https://learn.microsoft.com/entra/identity/enterprise-apps/disable-user-sign-in-portal',
  inviteGuest: 'https://learn.microsoft.com/entra/external-id/add-users-administrator',
  licences: 'https://learn.microsoft.com/microsoft-365/admin/manage/assign-licenses-to-users',
  implicitGrant: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-implicit-grant-flow',
  customDomains: 'https://learn.microsoft.com/entra/fundamentals/add-custom-domain',
  deviceCompliance:
    'https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-device-compliance',
  authCodeFlow: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow',
} as const;

/** Opens the app registration; every Entra fix starts here. */
export const OPEN_APP = L(
  'Microsoft Entra 管理センター (https://entra.microsoft.com) の [アプリの登録] > [すべてのアプリケーション] で、アプリケーション (クライアント) ID が {clientId} のアプリを開きます。',
  'In the Microsoft Entra admin center (https://entra.microsoft.com), go to App registrations > All applications and open the app whose Application (client) ID is {clientId}.',
);

/** Creates a client secret. */
export const NEW_SECRET = L(
  '[証明書とシークレット] > [クライアント シークレット] > [+ 新しいクライアント シークレット] を選び、説明と有効期限を入力して [追加] をクリックします。',
  'Open Certificates & secrets > Client secrets > + New client secret, enter a description and an expiry, and click Add.',
);

/** The one step people get wrong: the Value column, not the Secret ID column. */
export const COPY_SECRET_VALUE = L(
  '追加された行の [値] 列の文字列をすぐにコピーします ([シークレット ID] 列の GUID ではありません)。値はこの画面を離れると二度と表示されません。',
  'Copy the text in the Value column of the new row right away, not the GUID in the Secret ID column. The Value is never shown again once you leave the page.',
);

/** Gets a new refresh token. */
export const REISSUE = L(
  'このツールでリフレッシュ トークンを取得し直し、INI ファイルを更新します。送信プログラムが INI を読み込み直すよう、必要なら再起動します。',
  'Get a new refresh token with this tool so it updates the INI file. Restart the sending program if it only reads the INI at startup.',
);

/** Admin consent through the URL, which works even when the admin cannot find the app in the portal. */
export const ADMIN_CONSENT_URL = L(
  '管理者 (全体管理者など同意を付与できるロール) が次の URL をブラウザーで開き、アクセス許可を確認して [承諾] をクリックします: https://{authorityHost}/{tenant}/adminconsent?client_id={clientId}',
  'An administrator who can grant consent (e.g. a Global Administrator) opens this URL in a browser, reviews the permissions and clicks Accept: https://{authorityHost}/{tenant}/adminconsent?client_id={clientId}',
);

/** Admin consent from the app registration. */
export const ADMIN_CONSENT_PORTAL = L(
  'または、アプリの [API のアクセス許可] で [(組織名) に管理者の同意を与えます] をクリックし、[はい] を選びます。すべてのアクセス許可の [状態] 列に緑のチェックが付けば完了です。',
  'Or, in the app’s API permissions, click “Grant admin consent for (your organization)” and choose Yes. It is done when every permission shows a green check in the Status column.',
);

/** Finds the policy behind a blocked sign-in. */
export const SIGN_IN_LOGS = L(
  'Microsoft Entra 管理センターの [監視と正常性] > [サインイン ログ] で失敗したサインインを開き (下の Trace ID が「要求 ID」、Correlation ID が「相関 ID」です)、[条件付きアクセス] タブで適用されたポリシーと理由を確認します。',
  'In the Microsoft Entra admin center, open Monitoring & health > Sign-in logs and find the failed sign-in (the Trace ID below is its “Request ID”, the Correlation ID its “Correlation ID”); the Conditional Access tab shows which policy applied and why.',
);

/** Starts the sign-in over; for one-shot failures of a single attempt. */
export const START_AGAIN = L(
  'このツールでサインインを最初からやり直します。',
  'Start the sign-in again from the beginning in this tool.',
);

/** Where the signed-in account must match the mailbox. */
export const SAME_ACCOUNT = L(
  '送信プログラムの認証ユーザー (INI の UserID、XOAUTH2 の user=) が、トークンを取得したときにサインインしたアカウント {mailbox} と同じか確認します。',
  'Check that the sending program’s user (UserID in the INI, user= in XOAUTH2) is the account you signed in with when getting the token: {mailbox}.',
);

/** Shared mailboxes: sign in as a user, name the shared mailbox in user=. */
export const SHARED_MAILBOX = L(
  '共有メールボックスを使う場合は、ライセンスのあるユーザーでサインインしてトークンを取得し、user= には共有メールボックスのアドレスを指定します。そのユーザーには共有メールボックスのフル アクセス権が必要です (Add-MailboxPermission -Identity <共有メールボックス> -User {mailbox} -AccessRights FullAccess)。',
  'For a shared mailbox, sign in as a licensed user to get the token and put the shared mailbox address in user=. That user needs Full Access to the shared mailbox (Add-MailboxPermission -Identity <shared mailbox> -User {mailbox} -AccessRights FullAccess).',
);

/** Connects to Exchange Online PowerShell before any Exchange command. */
export const CONNECT_EXO = L(
  '管理者の PC で PowerShell を開き、Exchange Online に接続します (Install-Module ExchangeOnlineManagement の後、Connect-ExchangeOnline)。',
  'Open PowerShell on an admin PC and connect to Exchange Online (Install-Module ExchangeOnlineManagement once, then Connect-ExchangeOnline).',
);

/** Exchange settings take a while to apply. */
export const WAIT_PROPAGATION = L(
  '設定の反映には時間がかかることがあります。しばらく (最大 1 時間ほど) 待ってから送信をやり直します。',
  'Changes can take a while to apply: wait (up to about an hour) before sending again.',
);
