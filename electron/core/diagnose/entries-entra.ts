/**
 * Catalogue entries for Microsoft Entra ID sign-in and token errors (AADSTS codes), as data.
 * One entry per code, even where two codes share a fix, so the id a support ticket quotes is the code Entra showed.
 */
import type { CatalogueEntry } from './types.js';
import {
  ADMIN_CONSENT_PORTAL,
  ADMIN_CONSENT_URL,
  COPY_SECRET_VALUE,
  DOCS,
  L,
  NEW_SECRET,
  OPEN_APP,
  REISSUE,
  SIGN_IN_LOGS,
  START_AGAIN,
} from './fragments.js';

/** Asks the user to sign in as someone from the right directory. */
const RIGHT_ACCOUNT = L(
  'サインイン画面で [別のアカウントを使用する] を選び、アプリを登録した組織のアカウント (送信に使うメールボックス {mailbox}) でサインインし直します。',
  'On the sign-in page choose “Use another account” and sign in with an account of the organization where the app is registered (the mailbox that will send: {mailbox}).',
);

/** Personal accounts need an app that accepts them and the common endpoint. */
const PERSONAL_ACCOUNTS = L(
  'Outlook.com / Hotmail など個人の Microsoft アカウントを使う場合は、アプリの [認証] で [サポートされているアカウントの種類] を「任意の組織ディレクトリ内のアカウントと個人の Microsoft アカウント」にし、テナントには common を指定します。',
  'For a personal Microsoft account (Outlook.com, Hotmail), set the app’s Supported account types (on its Authentication page) to “Accounts in any organizational directory and personal Microsoft accounts” and use common as the tenant.',
);

/** Entra admin center path to a user. */
const OPEN_USER = L(
  'Microsoft Entra 管理センターの [ユーザー] > [すべてのユーザー] で {mailbox} を開きます。',
  'In the Microsoft Entra admin center, open Users > All users and select {mailbox}.',
);

/** Entries for AADSTS codes, ordered roughly as an admin meets them: secret, redirect, tenant, consent, policy, tokens, account. */
export const ENTRA_ENTRIES = [
  {
    id: 'AADSTS7000215',
    kind: 'entra',
    aadsts: 7000215,
    title: L(
      'クライアント シークレットが正しくありません (AADSTS7000215)',
      'The client secret is not valid (AADSTS7000215)',
    ),
    // The form already refuses a Secret ID (a GUID): what is left is a Value cut short, another app's, or deleted.
    why: L(
      'Entra ID が、このアプリのシークレットとして受け付けませんでした。多くの場合、値が途中までしかコピーされていないか、別のアプリのシークレットか、削除されたシークレットです。値は作成直後に一度だけ表示され、後からはコピーできません。[証明書とシークレット] の [値] の列には各シークレットの先頭 3 文字が表示されるので、入力した値の先頭と比べてください。',
      'Entra ID did not accept it as a secret of this app. Usually the Value was copied only in part, belongs to another app, or was deleted. The Value is shown only once, right after the secret is created, and cannot be copied later. Certificates & secrets shows the first three characters of each secret’s Value: compare them with the start of the Value you entered.',
    ),
    steps: [
      OPEN_APP,
      NEW_SECRET,
      COPY_SECRET_VALUE,
      L(
        'コピーした値をこのツールのクライアント シークレット欄に貼り付け、リフレッシュ トークンを取得し直します。',
        'Paste that Value into this tool’s client secret field and get the refresh token again.',
      ),
      L(
        '入力を誤った古いシークレットは、ほかで使っていなければ削除します。',
        'Delete the old secret if nothing else uses it.',
      ),
    ],
    docsUrl: DOCS.secrets,
  },
  {
    id: 'AADSTS7000222',
    kind: 'entra',
    aadsts: 7000222,
    title: L(
      'クライアント シークレットの有効期限が切れています (AADSTS7000222)',
      'The client secret has expired (AADSTS7000222)',
    ),
    why: L(
      'アプリに登録したクライアント シークレットの有効期限が過ぎました。期限切れのシークレットでは、このツールでのトークン取得も、送信プログラムによるアクセス トークンの更新もできません。',
      'The app’s client secret is past its expiry date. With an expired secret neither this tool nor the sending program can get tokens.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[証明書とシークレット] の [有効期限] 列で期限切れのシークレットを確認します。',
        'Under Certificates & secrets, check the Expires column to confirm which secret expired.',
      ),
      NEW_SECRET,
      COPY_SECRET_VALUE,
      L(
        '新しい値をこのツールに入力してリフレッシュ トークンを取得し直し、INI ファイルの ClientSecret と RefreshToken を更新します。',
        'Enter the new Value in this tool and get the refresh token again, which updates ClientSecret and RefreshToken in the INI file.',
      ),
      L(
        '次の有効期限の前に更新できるよう、期限を予定表などに記録しておきます。',
        'Note the new expiry date in a calendar so you can renew it before it expires again.',
      ),
    ],
    docsUrl: DOCS.secrets,
  },
  {
    id: 'AADSTS7000218',
    kind: 'entra',
    aadsts: 7000218,
    title: L(
      'クライアント シークレットが送信されていません (AADSTS7000218)',
      'The client secret is missing (AADSTS7000218)',
    ),
    why: L(
      'リダイレクト URI がプラットフォーム「Web」で登録されているため、Entra ID はこのアプリを機密クライアントとして扱い、トークン要求にクライアント シークレットを求めます。シークレットが空のまま送られました。',
      'The redirect URI is registered under the Web platform, so Entra ID treats the app as a confidential client and requires the client secret in the token request. The secret was left empty.',
    ),
    steps: [
      L(
        'シークレットを使う場合 (SMAIL など INI の ClientSecret を送る送信プログラムは通常こちら): アプリの [証明書とシークレット] で作成したシークレットの [値] を、このツールのクライアント シークレット欄に入力してやり直します。',
        'To use a secret (the usual case for senders that send ClientSecret from the INI, such as SMAIL): enter the Value of a secret from the app’s Certificates & secrets in this tool’s client secret field and try again.',
      ),
      OPEN_APP,
      L(
        'シークレットを使わない場合: [認証] > [+ プラットフォームを追加] > [モバイル アプリケーションとデスクトップ アプリケーション] でリダイレクト URI {redirectUri} を登録し、Web プラットフォームの同じ URI は削除します。',
        'To work without a secret: under Authentication > + Add a platform > Mobile and desktop applications, register the redirect URI {redirectUri}, and remove the same URI from the Web platform.',
      ),
      L(
        '同じ [認証] 画面の [詳細設定] で [パブリック クライアント フローを許可する] を [はい] にして [保存] し、シークレット欄を空にしたままやり直します。',
        'On the same Authentication page, under Advanced settings, set “Allow public client flows” to Yes, click Save, and try again with the secret left empty.',
      ),
    ],
    docsUrl: DOCS.publicClient,
  },
  {
    id: 'AADSTS700025',
    kind: 'entra',
    aadsts: 700025,
    title: L(
      'パブリック クライアントにクライアント シークレットが送信されました (AADSTS700025)',
      'A client secret was sent for a public client (AADSTS700025)',
    ),
    why: L(
      'リダイレクト URI が [モバイル アプリケーションとデスクトップ アプリケーション] (パブリック クライアント) として登録されているため、Entra ID はシークレットを受け付けません。',
      'The redirect URI is registered under Mobile and desktop applications (a public client), and Entra ID refuses a secret from a public client.',
    ),
    steps: [
      L(
        'このツールのクライアント シークレット欄を空にして、やり直します。',
        'Clear the client secret field in this tool and try again.',
      ),
      L(
        'ただし送信プログラムが INI の ClientSecret を必ず送る場合は、トークンの更新時に同じエラーになります。その場合はアプリの [認証] でリダイレクト URI {redirectUri} を [Web] プラットフォームに登録し直し、シークレットを使ってください。',
        'If the sending program always sends ClientSecret from the INI, it will hit the same error when refreshing. In that case register the redirect URI {redirectUri} under the Web platform in the app’s Authentication page instead, and use a secret.',
      ),
    ],
    docsUrl: DOCS.publicClient,
  },
  {
    id: 'AADSTS50011',
    kind: 'entra',
    aadsts: 50011,
    title: L(
      'リダイレクト URI がアプリの登録と一致しません (AADSTS50011)',
      'The redirect URI does not match the app registration (AADSTS50011)',
    ),
    why: L(
      'サインイン要求のリダイレクト URI {redirectUri} が、アプリの [認証] に登録されたどの URI とも一致しません。末尾の「/」の有無、大文字と小文字、http と https、localhost と 127.0.0.1 の違いも不一致になります。localhost のポート番号だけは Entra ID が照合で無視します。',
      'The redirect URI of the sign-in request, {redirectUri}, matches none of the URIs on the app’s Authentication page. A missing trailing “/”, letter case, http vs https, and localhost vs 127.0.0.1 all count as different. Only the port of a localhost URI is ignored by Entra ID when matching.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[認証] > [+ プラットフォームを追加] > [Web] を選び、リダイレクト URI に {redirectUri} を一字一句そのまま入力して [構成] をクリックします (Web プラットフォームがすでにある場合は [URI の追加] で追加し [保存])。',
        'Under Authentication > + Add a platform > Web, enter exactly {redirectUri} as the redirect URI and click Configure (if the Web platform already exists, use Add URI and then Save).',
      ),
      L(
        'localhost のポート番号は照合で無視されるため、ポートだけが違う URI を複数登録する必要はありません (登録しないでください)。',
        'Because the port of localhost is ignored when matching, do not register several URIs that differ only in the port.',
      ),
      L(
        '保存後、1〜2 分待ってからサインインをやり直します。',
        'After saving, wait a minute or two and sign in again.',
      ),
    ],
    docsUrl: DOCS.redirectUri,
  },
  {
    id: 'AADSTS700016',
    kind: 'entra',
    aadsts: 700016,
    title: L(
      'サインイン先のテナントにアプリが見つかりません (AADSTS700016)',
      'The app was not found in the tenant (AADSTS700016)',
    ),
    why: L(
      'クライアント ID {clientId} のアプリが、サインイン先のテナント ({tenant}) にありません。クライアント ID の入力ミス、別のテナントで登録したアプリ、またはその組織でまだ同意されていないマルチテナント アプリが考えられます。',
      'No app with client ID {clientId} exists in the tenant you signed in to ({tenant}). The client ID may be mistyped, the app may be registered in another tenant, or it may be a multi-tenant app nobody in that organization has consented to yet.',
    ),
    steps: [
      L(
        'Microsoft Entra 管理センター (https://entra.microsoft.com) の [アプリの登録] > [すべてのアプリケーション] で対象のアプリを開き、[概要] の [アプリケーション (クライアント) ID] をコピーして、このツールのクライアント ID 欄に貼り付け直します。',
        'In the Microsoft Entra admin center (https://entra.microsoft.com), open App registrations > All applications > your app, copy “Application (client) ID” from its Overview, and paste it into this tool’s client ID field.',
      ),
      L(
        '同じ [概要] の [ディレクトリ (テナント) ID] が、このツールのテナント設定 ({tenant}) と同じ組織か確認します。送信に使うメールボックスも同じ組織のものである必要があります。',
        'Check that “Directory (tenant) ID” on the same Overview is the organization set as tenant in this tool ({tenant}). The sending mailbox must belong to that organization as well.',
      ),
      L(
        '別の組織のメールボックスで使う場合は、[認証] の [サポートされているアカウントの種類] をマルチテナントにし、その組織の管理者に同意してもらいます。',
        'To use it with mailboxes of another organization, make the app multi-tenant under Supported account types on its Authentication page, and have that organization’s admin consent to it.',
      ),
    ],
    docsUrl: DOCS.multiTenant,
  },
  {
    id: 'AADSTS50194',
    kind: 'entra',
    aadsts: 50194,
    title: L(
      'シングル テナントのアプリに /common でサインインしようとしました (AADSTS50194)',
      'A single-tenant app was used with /common (AADSTS50194)',
    ),
    why: L(
      'アプリの [サポートされているアカウントの種類] が「この組織ディレクトリのみ」(シングル テナント) ですが、要求が https://{authorityHost}/common を使いました。シングル テナントのアプリには、テナント ID またはドメインを指定した URI が必要です。',
      'The app’s Supported account types is “Accounts in this organizational directory only” (single tenant), but the request used https://{authorityHost}/common. A single-tenant app needs the tenant ID or domain in the URI.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[概要] の [ディレクトリ (テナント) ID] をコピーします。',
        'Copy “Directory (tenant) ID” from the Overview.',
      ),
      L(
        'このツールのテナント欄に、その ID (または contoso.onmicrosoft.com のようなドメイン) を入力してやり直します。INI の TokenURI と OuthURI は common ではなくテナント ID を含む URI になります。',
        'Enter that ID (or a domain such as contoso.onmicrosoft.com) as the tenant in this tool and try again. TokenURI and OuthURI in the INI then contain the tenant ID instead of common.',
      ),
      L(
        '送信プログラムが common の URI しか使えない場合は、代わりに [認証] の [サポートされているアカウントの種類] を「任意の組織ディレクトリ内のアカウントと個人の Microsoft アカウント」に変更します。',
        'If the sending program only works with the common URIs, change Supported account types on the Authentication page to “Accounts in any organizational directory and personal Microsoft accounts” instead.',
      ),
    ],
    docsUrl: DOCS.multiTenant,
  },
  {
    id: 'AADSTS65001',
    kind: 'entra',
    aadsts: 65001,
    title: L(
      'アプリへのアクセス許可にまだ同意されていません (AADSTS65001)',
      'Nobody has consented to the app’s permissions yet (AADSTS65001)',
    ),
    why: L(
      'このアプリが要求するアクセス許可 (SMTP.Send、offline_access など) に、ユーザーも管理者もまだ同意していません。組織の設定でユーザー自身による同意が許可されていない場合は、管理者の同意が必要です。',
      'Neither the user nor an admin has consented to the permissions the app asks for (SMTP.Send, offline_access…). If your organization does not let users consent themselves, an admin must consent.',
    ),
    steps: [
      ADMIN_CONSENT_URL,
      OPEN_APP,
      ADMIN_CONSENT_PORTAL,
      L('同意が済んだら、サインインをやり直します。', 'Once consent is granted, sign in again.'),
    ],
    docsUrl: DOCS.adminConsent,
  },
  {
    id: 'AADSTS90094',
    kind: 'entra',
    aadsts: 90094,
    title: L('管理者の同意が必要です (AADSTS90094)', 'Admin consent is required (AADSTS90094)'),
    why: L(
      '組織の設定により、このアプリのアクセス許可にはユーザー自身では同意できず、管理者の承認が必要です。',
      'Your organization’s settings do not let users consent to this app’s permissions themselves: an admin must approve them.',
    ),
    steps: [
      ADMIN_CONSENT_URL,
      OPEN_APP,
      ADMIN_CONSENT_PORTAL,
      L(
        '管理者の同意ワークフローが有効な組織では、サインイン画面から承認要求を送り、管理者の承認を待つこともできます。',
        'If the admin consent workflow is enabled, you can also send a request from the sign-in page and wait for an admin to approve it.',
      ),
      L('同意が済んだら、サインインをやり直します。', 'Once consent is granted, sign in again.'),
    ],
    docsUrl: DOCS.adminConsent,
  },
  {
    id: 'AADSTS65004',
    kind: 'entra',
    aadsts: 65004,
    title: L('アクセス許可への同意が拒否されました (AADSTS65004)', 'Consent was declined (AADSTS65004)'),
    why: L(
      'サインイン後の「要求されているアクセス許可」画面で [キャンセル] が選ばれたため、アプリはアクセス許可を得られませんでした。',
      'Cancel was chosen on the “Permissions requested” page after sign-in, so the app got no permissions.',
    ),
    steps: [
      L(
        'サインインをやり直し、アクセス許可の画面で内容を確認して [承諾] をクリックします。',
        'Sign in again, review the permissions page and click Accept.',
      ),
      L(
        'ユーザーに同意画面を見せたくない場合は、管理者が事前に同意しておきます: https://{authorityHost}/{tenant}/adminconsent?client_id={clientId}',
        'To spare users the consent page, an admin can consent beforehand: https://{authorityHost}/{tenant}/adminconsent?client_id={clientId}',
      ),
    ],
    docsUrl: DOCS.userConsent,
  },
  {
    id: 'AADSTS50076',
    kind: 'entra',
    aadsts: 50076,
    title: L('多要素認証が必要です (AADSTS50076)', 'Multi-factor authentication is required (AADSTS50076)'),
    why: L(
      '条件付きアクセスまたはユーザーごとの MFA の設定により、このサインインには多要素認証が必要ですが、要求の中で実行できませんでした。保存済みのリフレッシュ トークンを新しい場所 (送信サーバーの IP アドレスなど) から使った場合にも起こります。',
      'Conditional Access or per-user MFA requires multi-factor authentication for this sign-in, and the request could not perform it. It also happens when a stored refresh token is used from a new location, such as the sending server’s IP address.',
    ),
    steps: [
      L(
        'このツールでブラウザーからサインインし直し、多要素認証 (Authenticator の承認など) を完了します。',
        'Sign in again in the browser through this tool and complete multi-factor authentication (e.g. approve in Authenticator).',
      ),
      L(
        '送信プログラムがトークンを更新するたびに発生する場合は、送信サーバーの場所からのアクセスに MFA を求めないよう、条件付きアクセスで信頼できる場所 (ネームド ロケーション) を設定するか、送信用アカウントを対象外にするようセキュリティ管理者に相談します。',
        'If it happens every time the sending program refreshes its token, ask your security admin to add the sending server’s network as a trusted named location in Conditional Access, or to exclude the sending account from the MFA policy.',
      ),
      SIGN_IN_LOGS,
    ],
    docsUrl: DOCS.conditionalAccess,
  },
  {
    id: 'AADSTS50079',
    kind: 'entra',
    aadsts: 50079,
    title: L(
      '多要素認証の登録が必要です (AADSTS50079)',
      'The account must register for multi-factor authentication (AADSTS50079)',
    ),
    why: L(
      '組織のポリシーにより、このアカウントは多要素認証の方法 (Authenticator アプリや電話番号) を登録するまでサインインできません。',
      'Your organization’s policy requires this account to register a multi-factor method (Authenticator app or phone) before it can sign in.',
    ),
    steps: [
      L(
        'そのアカウント ({mailbox}) で https://aka.ms/mfasetup にサインインし、画面の指示に従って認証方法を登録します。',
        'Sign in to https://aka.ms/mfasetup with that account ({mailbox}) and register a method as prompted.',
      ),
      START_AGAIN,
    ],
    docsUrl: DOCS.mfaRegister,
  },
  {
    id: 'AADSTS53003',
    kind: 'entra',
    aadsts: 53003,
    title: L(
      '条件付きアクセスによりブロックされました (AADSTS53003)',
      'Blocked by Conditional Access (AADSTS53003)',
    ),
    why: L(
      '組織の条件付きアクセス ポリシーが、このサインイン (場所、デバイス、アプリ、アカウントの条件) を許可しませんでした。',
      'A Conditional Access policy of your organization did not allow this sign-in (because of its location, device, app or account).',
    ),
    steps: [
      SIGN_IN_LOGS,
      L(
        'ポリシーの条件を満たす場所や端末からサインインし直すか、セキュリティ管理者にポリシーの除外 (送信用アカウントやこのアプリ) を依頼します。',
        'Sign in again from a location or device the policy allows, or ask your security admin to exclude the sending account or this app from the policy.',
      ),
    ],
    docsUrl: DOCS.conditionalAccess,
  },
  {
    id: 'AADSTS530035',
    kind: 'entra',
    aadsts: 530035,
    title: L(
      'セキュリティの既定値によりブロックされました (AADSTS530035)',
      'Blocked by security defaults (AADSTS530035)',
    ),
    why: L(
      'テナントでセキュリティの既定値が有効になっており、このサインインは安全でない (多要素認証の未登録、またはレガシー認証) と判断されました。',
      'Security defaults are on for the tenant, and this sign-in was judged unsafe (no multi-factor method registered, or legacy authentication).',
    ),
    steps: [
      L(
        'アカウント {mailbox} で https://aka.ms/mfasetup にサインインして多要素認証を登録し、このツールでサインインし直します。',
        'Register multi-factor authentication for {mailbox} at https://aka.ms/mfasetup, then sign in again through this tool.',
      ),
      L(
        '状態は Microsoft Entra 管理センターの [概要] > [プロパティ] > [セキュリティの既定値の管理] で確認できます。無効にする場合は、代わりに条件付きアクセスで同等の保護を設定してから行ってください。',
        'You can check the setting in the Microsoft Entra admin center under Overview > Properties > Manage security defaults. Turn it off only after putting equivalent Conditional Access policies in place.',
      ),
    ],
    docsUrl: DOCS.securityDefaults,
  },
  {
    id: 'AADSTS50020',
    kind: 'entra',
    aadsts: 50020,
    title: L(
      'サインインしたアカウントがこのテナントに存在しません (AADSTS50020)',
      'The signed-in account is not in the tenant (AADSTS50020)',
    ),
    why: L(
      'サインインしたアカウントは、アプリを登録した組織 ({tenant}) のユーザーではありません。ブラウザーに残っていた別のアカウントでサインインした場合や、個人の Microsoft アカウントで組織専用のアプリにサインインした場合に起こります。',
      'The account you signed in with is not a user of the organization the app is registered in ({tenant}). This happens when the browser signed in with another remembered account, or with a personal Microsoft account on an organization-only app.',
    ),
    steps: [RIGHT_ACCOUNT, PERSONAL_ACCOUNTS],
    docsUrl: DOCS.multiTenant,
  },
  {
    id: 'AADSTS54005',
    kind: 'entra',
    aadsts: 54005,
    title: L(
      '認可コードはすでに使用されています (AADSTS54005)',
      'The authorization code was already redeemed (AADSTS54005)',
    ),
    why: L(
      'サインインで受け取ったコードは一度しか使えません。ブラウザーでページを再読み込みした場合や、同じサインインを二重に処理した場合に起こります。',
      'The code from a sign-in can be used only once. This happens when the browser page was reloaded or the same sign-in was processed twice.',
    ),
    steps: [
      START_AGAIN,
      L(
        'サインイン完了後のページは再読み込みせず、このツールを複数同時に起動していないか確認します。',
        'Do not reload the page shown after sign-in, and make sure only one copy of this tool is running.',
      ),
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'AADSTS501481',
    kind: 'entra',
    aadsts: 501481,
    title: L(
      'PKCE の検証コードが一致しません (AADSTS501481)',
      'The PKCE code verifier did not match (AADSTS501481)',
    ),
    why: L(
      'トークン要求で送った検証コードが、サインイン開始時のものと一致しませんでした。古いサインイン画面を使った場合や、2 つのサインインが混ざった場合に起こります。',
      'The code verifier sent with the token request did not match the one the sign-in started with. This happens when an old sign-in page was used or two sign-ins got mixed up.',
    ),
    steps: [
      L(
        '開いているサインイン画面をすべて閉じ、このツールでサインインを最初からやり直します。',
        'Close every open sign-in page and start the sign-in again from the beginning in this tool.',
      ),
      L(
        '繰り返し発生する場合はこのツールの不具合です。下のサポート用情報を添えて報告してください。',
        'If it happens again, it is a bug in this tool: please report it with the support details below.',
      ),
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'AADSTS90002',
    kind: 'entra',
    aadsts: 90002,
    title: L('テナントが見つかりません (AADSTS90002)', 'The tenant was not found (AADSTS90002)'),
    why: L(
      'テナント「{tenant}」が https://{authorityHost} に存在しません。テナント ID やドメインの入力ミス、または別のクラウド (米国政府機関向け、21Vianet が運営する中国向けなど) のテナントが考えられます。',
      'The tenant “{tenant}” does not exist at https://{authorityHost}. The tenant ID or domain may be mistyped, or the tenant may belong to another cloud (US Government, China operated by 21Vianet).',
    ),
    steps: [
      OPEN_APP,
      L(
        '[概要] の [ディレクトリ (テナント) ID] をコピーし、このツールのテナント欄に貼り付け直します (ドメインを使う場合は contoso.onmicrosoft.com のような登録済みドメイン)。',
        'Copy “Directory (tenant) ID” from the Overview and paste it as the tenant in this tool (or use a verified domain such as contoso.onmicrosoft.com).',
      ),
      L(
        '米国政府機関向けクラウドや中国のクラウドのテナントでは、このツールでそのクラウドを選びます。',
        'For a US Government or China cloud tenant, choose that cloud in this tool.',
      ),
    ],
    docsUrl: DOCS.nationalClouds,
  },
  {
    id: 'AADSTS90038',
    kind: 'entra',
    aadsts: 90038,
    title: L(
      'テナントは別のクラウドにあります (AADSTS90038)',
      'The tenant is in another cloud (AADSTS90038)',
    ),
    why: L(
      'テナント「{tenant}」は国内クラウド (米国政府機関向け、または 21Vianet が運営する中国向け) にあり、https://{authorityHost} ではサインインできません。',
      'The tenant “{tenant}” belongs to a national cloud (US Government, or China operated by 21Vianet) and cannot sign in through https://{authorityHost}.',
    ),
    steps: [
      L(
        'このツールでクラウドを選び直します: 米国政府機関 (GCC High / DoD) は login.microsoftonline.us、中国 (21Vianet) は login.partner.microsoftonline.cn です。',
        'Choose the right cloud in this tool: US Government (GCC High / DoD) uses login.microsoftonline.us, China (21Vianet) uses login.partner.microsoftonline.cn.',
      ),
      L(
        '送信プログラムのメール サーバーもそのクラウドのものにします (米国政府機関: smtp.office365.us、中国: partner.outlook.cn)。',
        'Point the sending program at that cloud’s mail servers too (US Government: smtp.office365.us, China: partner.outlook.cn).',
      ),
    ],
    docsUrl: DOCS.nationalClouds,
  },
  {
    id: 'AADSTS700022',
    kind: 'entra',
    aadsts: 700022,
    title: L(
      '1 つの要求に複数のリソースのスコープが含まれています (AADSTS700022)',
      'The request mixes scopes of several resources (AADSTS700022)',
    ),
    why: L(
      '1 回のトークン要求で指定できるのは 1 つのリソースのスコープだけです。https://outlook.office.com/SMTP.Send などのメール用スコープと、Microsoft Graph (User.Read など) のスコープが同時に要求されました。',
      'One token request can ask for scopes of a single resource only. Mail scopes such as https://outlook.office.com/SMTP.Send were requested together with Microsoft Graph scopes such as User.Read.',
    ),
    steps: [
      L(
        'スコープを手動で指定している場合は、https://outlook.office.com/ で始まるメール用スコープと offline_access だけにしてやり直します。',
        'If you set the scopes yourself, keep only the mail scopes starting with https://outlook.office.com/ plus offline_access, and try again.',
      ),
      L(
        'スコープを変更していないのに発生する場合はこのツールの不具合です。下のサポート用情報を添えて報告してください。',
        'If you did not change the scopes, it is a bug in this tool: please report it with the support details below.',
      ),
    ],
    docsUrl: DOCS.scopes,
  },
  {
    id: 'AADSTS700082',
    kind: 'entra',
    aadsts: 700082,
    title: L(
      'リフレッシュ トークンが長期間使われず期限切れになりました (AADSTS700082)',
      'The refresh token expired from inactivity (AADSTS700082)',
    ),
    why: L(
      'リフレッシュ トークンは 90 日間使われないと無効になります。送信プログラムが長期間メールを送らなかったか、INI に古いトークンが残っています。',
      'A refresh token becomes invalid after 90 days without use. The sending program sent no mail for that long, or the INI still holds an old token.',
    ),
    steps: [
      REISSUE,
      L(
        '送信が 90 日以上空くことがある場合は、定期的にテスト送信するか、期限前にトークンを取得し直す運用にします。',
        'If the program may go 90 days without sending, send a test mail regularly or re-issue the token before then.',
      ),
    ],
    docsUrl: DOCS.refreshTokens,
  },
  {
    id: 'AADSTS70008',
    kind: 'entra',
    aadsts: 70008,
    title: L(
      '認可コードまたはリフレッシュ トークンの有効期限が切れています (AADSTS70008)',
      'The authorization code or refresh token has expired (AADSTS70008)',
    ),
    why: L(
      'サインイン直後のコードは数分で、リフレッシュ トークンは 90 日間使われないと期限切れになります。',
      'The code from a sign-in expires within minutes, and a refresh token expires after 90 days without use.',
    ),
    steps: [
      L(
        'このツールのサインイン中に起きた場合は、サインインを最初からやり直し、途中で時間を空けずに完了します。',
        'If it happened while signing in with this tool, start again and complete the sign-in without pausing.',
      ),
      L(
        '送信プログラムで起きた場合は、このツールでリフレッシュ トークンを取得し直し、INI ファイルを更新します。',
        'If it happened in the sending program, get a new refresh token with this tool to update the INI file.',
      ),
    ],
    docsUrl: DOCS.refreshTokens,
  },
  {
    id: 'AADSTS50173',
    kind: 'entra',
    aadsts: 50173,
    title: L(
      'リフレッシュ トークンが失効しています (AADSTS50173)',
      'The refresh token has been revoked (AADSTS50173)',
    ),
    why: L(
      'パスワードの変更やリセット、または管理者による「セッションの取り消し」により、このアカウントのトークンが無効になりました。',
      'The account’s tokens were revoked, because its password was changed or reset, or an admin revoked its sessions.',
    ),
    steps: [
      REISSUE,
      L(
        'パスワードを変更したときは、その後にトークンを取得し直す必要があります。定期的なパスワード変更がある送信用アカウントは、その都度取得し直してください。',
        'After every password change the token must be re-issued; for sending accounts with scheduled password changes, re-issue it each time.',
      ),
    ],
    docsUrl: DOCS.refreshTokens,
  },
  {
    id: 'AADSTS70043',
    kind: 'entra',
    aadsts: 70043,
    title: L(
      '条件付きアクセスのサインイン頻度によりトークンが期限切れになりました (AADSTS70043)',
      'The token expired because of a Conditional Access sign-in frequency (AADSTS70043)',
    ),
    why: L(
      '条件付きアクセスの「サインインの頻度」設定により、一定期間ごとに再サインインが必要です。その期間を過ぎたため、リフレッシュ トークンが使えなくなりました。',
      'A Conditional Access “sign-in frequency” setting requires signing in again after a set period; that period has passed, so the refresh token no longer works.',
    ),
    steps: [
      REISSUE,
      L(
        'このままでは同じ間隔で再取得が必要です。送信用アカウントまたはこのアプリをサインイン頻度のポリシーから除外できないか、セキュリティ管理者に相談します。',
        'Otherwise you will have to re-issue it at the same interval: ask your security admin whether the sending account or this app can be excluded from the sign-in frequency policy.',
      ),
      SIGN_IN_LOGS,
    ],
    docsUrl: DOCS.signInFrequency,
  },
  {
    id: 'AADSTS9002313',
    kind: 'entra',
    aadsts: 9002313,
    title: L('要求の形式が正しくありません (AADSTS9002313)', 'The request is malformed (AADSTS9002313)'),
    why: L(
      'Entra ID が要求を解釈できませんでした。多くの場合、INI のリフレッシュ トークンが壊れています (途中で切れている、改行・引用符・空白が入った、手で編集した)。',
      'Entra ID could not read the request. Most often the refresh token in the INI is damaged: cut short, or a line break, quotes or spaces got into it when it was edited by hand.',
    ),
    steps: [
      REISSUE,
      L(
        'INI ファイルのトークンは手で編集やコピーをしないでください。',
        'Do not edit or copy the token in the INI file by hand.',
      ),
      L(
        'このツールでのサインイン中に発生した場合はこのツールの不具合です。下のサポート用情報を添えて報告してください。',
        'If it happened while signing in with this tool, it is a bug: please report it with the support details below.',
      ),
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'AADSTS50126',
    kind: 'entra',
    aadsts: 50126,
    title: L(
      'ユーザー名またはパスワードが違います (AADSTS50126)',
      'Wrong user name or password (AADSTS50126)',
    ),
    why: L(
      'サインイン画面で入力したユーザー名またはパスワードが正しくありません。',
      'The user name or password entered on the sign-in page is wrong.',
    ),
    steps: [
      L(
        'サインインをやり直し、パスワードを正しく入力します (Caps Lock と入力モードに注意)。',
        'Sign in again and type the password carefully (watch Caps Lock and the input mode).',
      ),
      OPEN_USER,
      L(
        'パスワードが分からない場合は、管理者が [パスワードのリセット] で再設定します。リセット後は、以前に取得したリフレッシュ トークンも取得し直してください。',
        'If the password is unknown, an admin resets it with Reset password. Refresh tokens issued before the reset must then be re-issued.',
      ),
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'AADSTS50034',
    kind: 'entra',
    aadsts: 50034,
    title: L(
      'ユーザー アカウントが存在しません (AADSTS50034)',
      'The user account does not exist (AADSTS50034)',
    ),
    why: L(
      '入力したサインイン名のユーザーがこのディレクトリにいません。入力ミス、別名 (エイリアス) でのサインイン、または別の組織のアカウントが考えられます。',
      'No user with that sign-in name exists in this directory: a typo, an alias instead of the sign-in name, or an account of another organization.',
    ),
    steps: [
      L(
        'サインイン名 (ユーザー プリンシパル名) を確認してサインインし直します。メール アドレスとサインイン名が違う組織もあります。',
        'Check the sign-in name (user principal name) and sign in again; in some organizations it differs from the mail address.',
      ),
      L(
        'Microsoft Entra 管理センターの [ユーザー] > [すべてのユーザー] で、{mailbox} のユーザーが存在するか確認します。',
        'In the Microsoft Entra admin center, check under Users > All users that a user for {mailbox} exists.',
      ),
      PERSONAL_ACCOUNTS,
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'AADSTS50057',
    kind: 'entra',
    aadsts: 50057,
    title: L(
      'ユーザー アカウントが無効になっています (AADSTS50057)',
      'The user account is disabled (AADSTS50057)',
    ),
    why: L(
      'このアカウントはサインインがブロックされています。共有メールボックスのアカウントは既定でサインインが無効です。',
      'Sign-in is blocked for this account. Shared mailbox accounts have sign-in disabled by default.',
    ),
    steps: [
      L(
        '共有メールボックスの場合は、そのアカウントではサインインせず、フル アクセス権のあるライセンス付きユーザーでサインインし、送信プログラムの user= に共有メールボックスのアドレスを指定します。',
        'For a shared mailbox, do not sign in as it: sign in as a licensed user with Full Access to it, and put the shared mailbox address in the sending program’s user=.',
      ),
      OPEN_USER,
      L(
        '通常のユーザーの場合は、[プロパティの編集] > [設定] で [アカウントが有効] をオンにして保存し、サインインをやり直します。',
        'For a regular user, check “Account enabled” under Edit properties > Settings, save, and sign in again.',
      ),
    ],
    docsUrl: DOCS.userProperties,
  },
  {
    id: 'AADSTS50055',
    kind: 'entra',
    aadsts: 50055,
    title: L('パスワードの有効期限が切れています (AADSTS50055)', 'The password has expired (AADSTS50055)'),
    why: L(
      'このアカウントのパスワードが有効期限を過ぎたため、変更するまでサインインできません。',
      'The account’s password has expired, so it cannot sign in until the password is changed.',
    ),
    steps: [
      L(
        'サインイン画面の指示に従ってパスワードを変更するか、管理者が [ユーザー] > [すべてのユーザー] > (ユーザー) > [パスワードのリセット] で再設定します。',
        'Change the password when the sign-in page asks, or have an admin reset it under Users > All users > (user) > Reset password.',
      ),
      START_AGAIN,
      L(
        '送信専用のアカウントでパスワードの期限切れを避けたい場合は、組織の方針に従い、下のコマンドで無期限に設定します (Microsoft Graph PowerShell、Connect-MgGraph -Scopes User.ReadWrite.All の後)。',
        'To stop a send-only account’s password from expiring, if your policy allows it, run the command below (Microsoft Graph PowerShell, after Connect-MgGraph -Scopes User.ReadWrite.All).',
      ),
    ],
    command: 'Update-MgUser -UserId {mailbox} -PasswordPolicies DisablePasswordExpiration',
    docsUrl: DOCS.passwordPolicy,
  },
  {
    id: 'AADSTS70018',
    kind: 'entra',
    aadsts: 70018,
    title: L(
      'デバイス コードが認識されませんでした (AADSTS70018)',
      'The device code was not recognised (AADSTS70018)',
    ),
    why: L(
      'Entra ID がこのデバイス コードを知りません。入力したユーザー コードが違っていたか、コードがすでに使われたか、別のアプリのコードです。',
      'Entra ID does not know this device code: the user code typed was wrong, the code was already used, or it belongs to another app.',
    ),
    steps: [
      L(
        'もう一度サインインし、新しく表示されたコードを https://microsoft.com/devicelogin に正確に入力します (前のコードは使えません)。',
        'Sign in again and type the newly shown code exactly at https://microsoft.com/devicelogin (earlier codes no longer work).',
      ),
    ],
    docsUrl: DOCS.deviceCode,
  },
  {
    id: 'AADSTS70019',
    kind: 'entra',
    aadsts: 70019,
    title: L('デバイス コードの有効期限が切れました (AADSTS70019)', 'The device code expired (AADSTS70019)'),
    why: L(
      'コードが有効なうち (通常 15 分) にサインインが完了しませんでした。',
      'The sign-in was not completed while the code was valid (usually 15 minutes).',
    ),
    steps: [
      L(
        'もう一度サインインを始めて新しいコードを受け取り、すぐに https://microsoft.com/devicelogin で入力してサインインします。',
        'Start the sign-in again for a new code, and enter it at https://microsoft.com/devicelogin and sign in right away.',
      ),
    ],
    docsUrl: DOCS.deviceCode,
    retryable: true,
  },
  // The codes admins meet most that the first catalogue lacked (issue #16), from Microsoft's error reference and the
  // answers seen on the wire (/work/notes/research-errors-os.md §1.4). Where Entra shows a code only on its own
  // sign-in page, this tool never hears it: the entry says so, and `rtw explain` reads what the browser showed.
  {
    id: 'AADSTS70000',
    kind: 'entra',
    aadsts: 70000,
    title: L(
      'リフレッシュ トークンまたは認可コードが受け付けられませんでした (AADSTS70000)',
      'The refresh token or authorization code was not accepted (AADSTS70000)',
    ),
    why: L(
      'Entra ID がこの許可 (grant) を拒否しました。トークンの更新では、要求したアクセス許可 (SMTP.Send など) がこのユーザーとアプリに付与されていない (アプリの登録からアクセス許可が削除された、同意が取り消された) か、INI のリフレッシュ トークンが壊れていることがほとんどです。サインイン中の場合は、コードの期限切れか二重使用です。',
      'Entra ID refused the grant. On a token refresh it almost always means the permissions requested (SMTP.Send…) are no longer granted to the app for this user (a permission was removed from the app registration, or consent was revoked), or the refresh token in the INI is damaged. During a sign-in it means the code expired or was used twice.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[API のアクセス許可] に、使うプロトコルのアクセス許可 (SMTP.Send、IMAP.AccessAsUser.All、POP.AccessAsUser.All) と offline_access があり、[状態] 列が「付与済み」になっているか確認します。',
        'Under API permissions, check that the permissions of the protocols you use (SMTP.Send, IMAP.AccessAsUser.All, POP.AccessAsUser.All) and offline_access are listed and show “Granted” in the Status column.',
      ),
      L(
        '[エンタープライズ アプリケーション] > [すべてのアプリケーション] > (このアプリ) > [アクセス許可] で、同意が取り消されていないか確認します。',
        'Under Enterprise apps > All applications > (this app) > Permissions, check that consent has not been revoked.',
      ),
      REISSUE,
    ],
    docsUrl: DOCS.refreshTokens,
  },
  {
    id: 'AADSTS70011',
    kind: 'entra',
    aadsts: 70011,
    title: L(
      '要求したスコープが正しくありません (AADSTS70011)',
      'The requested scope is not valid (AADSTS70011)',
    ),
    why: L(
      'Entra ID が要求のスコープを受け付けませんでした。メールのアクセス許可をリソース接頭辞 https://outlook.office.com/ なしで要求した (送信プログラム独自のスコープ設定など)、スコープ名の綴りが違う、または Microsoft Graph と Outlook のスコープを 1 つの要求に混ぜた、のいずれかです。',
      'Entra ID did not accept the scope of the request: a mail permission was requested without its resource prefix https://outlook.office.com/ (e.g. a sending program’s own scope setting), a scope name is misspelled, or Microsoft Graph and Outlook scopes were mixed in one request.',
    ),
    steps: [
      L(
        'スコープは完全な形で指定します: https://outlook.office.com/SMTP.Send (IMAP は https://outlook.office.com/IMAP.AccessAsUser.All、POP は https://outlook.office.com/POP.AccessAsUser.All) と offline_access。送信プログラムにスコープの設定がある場合は、その値を直します。',
        'Scopes must be fully qualified: https://outlook.office.com/SMTP.Send (IMAP: https://outlook.office.com/IMAP.AccessAsUser.All, POP: https://outlook.office.com/POP.AccessAsUser.All) plus offline_access. If the sending program has a scope setting, correct it there.',
      ),
      REISSUE,
      L(
        'スコープを指定していないのにこのツールで発生した場合はこのツールの不具合です。下のサポート用情報を添えて報告してください。',
        'If it happened in this tool without any scope set by you, it is a bug: please report it with the support details below.',
      ),
    ],
    docsUrl: DOCS.scopes,
  },
  {
    id: 'AADSTS500011',
    kind: 'entra',
    aadsts: 500011,
    title: L(
      'メールのリソース (Exchange Online) がテナントに見つかりません (AADSTS500011)',
      'The mail resource (Exchange Online) was not found in the tenant (AADSTS500011)',
    ),
    why: L(
      'テナント {tenant} に https://outlook.office.com のリソース (Office 365 Exchange Online) がありません。Exchange Online を含むサブスクリプションがない、まだメールボックスのないテナントである、または別のテナントやクラウドに要求を送った、のいずれかです。',
      'The tenant {tenant} has no https://outlook.office.com resource (Office 365 Exchange Online): it has no subscription that includes Exchange Online, has no mailboxes yet, or the request went to the wrong tenant or cloud.',
    ),
    steps: [
      L(
        'Microsoft 365 管理センター (https://admin.microsoft.com) の [課金情報] > [お使いの製品] で、Exchange Online を含むサブスクリプションがあるか確認します。',
        'In the Microsoft 365 admin center (https://admin.microsoft.com), check under Billing > Your products that a subscription including Exchange Online exists.',
      ),
      L(
        '[ユーザー] > [アクティブなユーザー] で {mailbox} を開き、[ライセンスとアプリ] で Exchange Online を含むライセンスが割り当てられているか確認します。',
        'Under Users > Active users, open {mailbox} and check under Licenses and apps that a licence including Exchange Online is assigned.',
      ),
      L(
        'Microsoft Entra 管理センターの [概要] の [テナント ID] が、このツールのテナント設定 ({tenant}) と同じ組織か確認します。米国政府機関向けや中国のクラウドのテナントでは、そのクラウドを選びます。',
        'Check that the Tenant ID on the Microsoft Entra admin center’s Overview is the organization set as tenant in this tool ({tenant}). For a US Government or China cloud tenant, choose that cloud.',
      ),
    ],
    docsUrl: DOCS.licences,
  },
  {
    id: 'AADSTS500113',
    kind: 'entra',
    aadsts: 500113,
    title: L(
      'アプリにリダイレクト URI (応答 URL) が登録されていません (AADSTS500113)',
      'The app has no redirect URI (reply address) registered (AADSTS500113)',
    ),
    why: L(
      'アプリの登録にリダイレクト URI が 1 つもないため、Entra ID はサインインの結果を送る先がなく、自身のサインイン画面にこのエラーを表示します。結果がこのツールに届かないので、サインインは時間切れまで待ち続けます。',
      'The app registration has no redirect URI at all, so Entra ID has nowhere to send the sign-in result and shows this error on its own sign-in page. Nothing reaches this tool, which waits until the sign-in times out.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[認証] > [+ プラットフォームを追加] > [Web] を選び、リダイレクト URI に {redirectUri} を入力して [構成] をクリックします。',
        'Under Authentication > + Add a platform > Web, enter {redirectUri} as the redirect URI and click Configure.',
      ),
      L('1〜2 分待ってから、サインインをやり直します。', 'Wait a minute or two, then sign in again.'),
    ],
    docsUrl: DOCS.redirectUri,
  },
  {
    id: 'AADSTS9002326',
    kind: 'entra',
    aadsts: 9002326,
    title: L(
      'ブラウザーからのトークン引き換えはシングルページ アプリだけに許可されています (AADSTS9002326)',
      'Redeeming from a browser is allowed only for single-page apps (AADSTS9002326)',
    ),
    why: L(
      'トークン要求に、ブラウザーが付ける Origin ヘッダーが含まれていました。Entra ID はそのような要求を「シングルページ アプリケーション」として登録されたリダイレクト URI にしか認めません。このツールと送信プログラムは Web (機密クライアント) として Origin なしで引き換えるので、Web ページやブラウザー拡張がコードやトークンを引き換えたか、途中のプロキシやセキュリティ製品が要求を書き換えています。',
      'The token request carried the Origin header a browser adds. Entra ID accepts such requests only for redirect URIs registered as “Single-page application”. This tool and the sending programs redeem as a Web (confidential) client without an Origin header, so a web page or browser extension redeemed the code or token, or a proxy or security product rewrote the request.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[認証] で {redirectUri} が [Web] プラットフォームにあり、[シングルページ アプリケーション] にはないことを確認します。',
        'On the Authentication page, check that {redirectUri} is under the Web platform and not under Single-page application.',
      ),
      L(
        'プロキシやセキュリティ製品が HTTPS 通信に Origin ヘッダーを追加していないか、ネットワーク管理者に確認します。',
        'Ask your network admin whether a proxy or security product adds an Origin header to HTTPS requests.',
      ),
      L(
        'このツールでのサインイン中に発生し、上のどれにも当たらない場合は不具合です。下のサポート用情報を添えて報告してください。',
        'If it happened while signing in with this tool and none of the above applies, it is a bug: please report it with the support details below.',
      ),
    ],
    docsUrl: DOCS.authCodeFlow,
  },
  {
    id: 'AADSTS700054',
    kind: 'entra',
    aadsts: 700054,
    title: L(
      '応答タイプ id_token がアプリで有効になっていません (AADSTS700054)',
      'The response type id_token is not enabled for the app (AADSTS700054)',
    ),
    why: L(
      'サインイン要求が、承認エンドポイントから ID トークンを直接受け取る形式 (暗黙的フロー、ハイブリッド フロー) を求めましたが、アプリの登録で許可されていません。このツールはコードだけを求めます (response_type=code)。別のプログラムか、書き換えたサインイン URL が id_token を求めています。',
      'The sign-in request asked for an ID token directly from the authorize endpoint (implicit or hybrid flow), which the app registration does not allow. This tool asks only for a code (response_type=code): another program, or a modified sign-in URL, asked for id_token.',
    ),
    steps: [
      L(
        'このツールのサインインを使います。サインイン URL は手で書き換えないでください。',
        'Use this tool’s sign-in, and do not edit the sign-in URL by hand.',
      ),
      OPEN_APP,
      L(
        'ほかのプログラムに ID トークンが必要な場合だけ、[認証] > [暗黙的な許可およびハイブリッド フロー] で [ID トークン] をオンにして [保存] します。',
        'Only if another program needs ID tokens: under Authentication > Implicit grant and hybrid flows, select ID tokens and click Save.',
      ),
    ],
    docsUrl: DOCS.implicitGrant,
  },
  {
    id: 'AADSTS50058',
    kind: 'entra',
    aadsts: 50058,
    title: L(
      '画面を出さないサインインで、サインイン中のユーザーが見つかりませんでした (AADSTS50058)',
      'A silent sign-in found no signed-in user (AADSTS50058)',
    ),
    why: L(
      'サインイン要求が画面を表示しない (prompt=none) 形式でしたが、このブラウザーでサインインしているユーザーがいないか、その Cookie が送られませんでした。設定の問題ではなく、画面でサインインする必要があります。',
      'The sign-in request asked Entra ID not to show any page (prompt=none), but nobody is signed in in this browser, or its cookies were not sent. Not a setting problem: the sign-in has to be interactive.',
    ),
    steps: [
      L(
        'このツールでサインインをやり直します (このツールは画面でサインインします)。',
        'Start the sign-in again in this tool, which signs in interactively.',
      ),
      L(
        'ブラウザーがプライベート モードであったり、サードパーティ Cookie をブロックしていたりする場合は、通常のウィンドウでサインインします。',
        'If the browser is in private mode or blocks third-party cookies, sign in in a normal window.',
      ),
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'AADSTS50053',
    kind: 'entra',
    aadsts: 50053,
    title: L('アカウントがロックされています (AADSTS50053)', 'The account is locked (AADSTS50053)'),
    why: L(
      '誤ったパスワードでのサインインが続いたため (スマート ロックアウト)、または悪意のある活動が見られる IP アドレスからのサインインだったため、Entra ID がサインインをブロックし、自身のサインイン画面に表示しました。古いパスワードで Basic 認証を試み続ける送信プログラムがロックアウトを繰り返し起こすこともあります。',
      'Entra ID blocked the sign-in and said so on its own sign-in page: too many sign-ins with a wrong password (smart lockout), or a sign-in from an IP address with malicious activity. A sending program that keeps trying basic authentication with an old password can trigger the lockout again and again.',
    ),
    steps: [
      L(
        'しばらく待ちます。ロックアウトは自動的に解除されますが、繰り返すと解除までの時間が長くなります。',
        'Wait a while: the lockout lifts by itself, but each repeat makes it last longer.',
      ),
      L(
        'Microsoft Entra 管理センターの [監視と正常性] > [サインイン ログ] で、エラー コード 50053 のサインインを開き、[失敗の理由] と IP アドレスを確認します。',
        'In the Microsoft Entra admin center, open Monitoring & health > Sign-in logs, find the sign-ins with error code 50053, and read the Failure reason and the IP address.',
      ),
      L(
        '古いパスワードでログインを試み続けているプログラム (Basic 認証のままの送信プログラムなど) を止め、XOAUTH2 に切り替えます。',
        'Stop any program still trying the old password (a sending program left on basic authentication) and switch it to XOAUTH2.',
      ),
      START_AGAIN,
    ],
    docsUrl: DOCS.smartLockout,
    retryable: true,
  },
  {
    id: 'AADSTS50105',
    kind: 'entra',
    aadsts: 50105,
    title: L(
      'このユーザーはアプリに割り当てられていません (AADSTS50105)',
      'The user is not assigned to the app (AADSTS50105)',
    ),
    why: L(
      'アプリは「割り当てが必要」に設定されており、サインインしたユーザー ({mailbox}) はアプリに直接割り当てられておらず、割り当てられたグループの直接のメンバーでもありません (入れ子のグループは数えられません)。',
      'The app requires assignment, and the signed-in user ({mailbox}) is neither assigned to it directly nor a direct member of an assigned group (nested groups do not count).',
    ),
    steps: [
      L(
        'Microsoft Entra 管理センターの [エンタープライズ アプリケーション] > [すべてのアプリケーション] で、アプリケーション ID が {clientId} のアプリを開きます。',
        'In the Microsoft Entra admin center, open Enterprise apps > All applications and select the app whose Application ID is {clientId}.',
      ),
      L(
        '[ユーザーとグループ] > [+ ユーザーまたはグループの追加] で {mailbox} (またはそのユーザーが直接属するグループ) を選び、[割り当て] をクリックします。',
        'Under Users and groups > + Add user/group, select {mailbox} (or a group the user is a direct member of) and click Assign.',
      ),
      L(
        'または、[プロパティ] で [割り当てが必要ですか?] を [いいえ] にして [保存] します (組織内の全員がこのアプリにサインインできるようになります)。',
        'Or, under Properties, set “Assignment required?” to No and click Save (everyone in the organization can then sign in to the app).',
      ),
      START_AGAIN,
    ],
    docsUrl: DOCS.assignment,
  },
  {
    id: 'AADSTS90072',
    kind: 'entra',
    aadsts: 90072,
    title: L(
      'アカウントがこのテナントに存在しないため多要素認証を行えません (AADSTS90072)',
      'The account does not exist in the tenant, so it cannot complete MFA there (AADSTS90072)',
    ),
    why: L(
      'サインインしたアカウントは別の組織のもの (または個人の Microsoft アカウント) で、アプリを登録したテナント {tenant} のユーザーでもゲストでもありません。ブラウザーに残っていた別のアカウントでサインインした場合によく起こります。',
      'The account you signed in with belongs to another organization (or is a personal Microsoft account) and is neither a user nor a guest of the tenant the app is registered in ({tenant}). It often happens when the browser signed in with another remembered account.',
    ),
    steps: [
      RIGHT_ACCOUNT,
      L(
        'そのアカウントを使う必要がある場合は、Microsoft Entra 管理センターの [ユーザー] > [すべてのユーザー] > [+ 新しいユーザー] > [外部ユーザーの招待] で招待します。ただし送信に使うメールボックスは、アプリのテナントにある必要があります。',
        'If that account must be used, invite it under Users > All users > + New user > Invite external user in the Microsoft Entra admin center. The sending mailbox must still be in the app’s tenant.',
      ),
    ],
    docsUrl: DOCS.inviteGuest,
  },
  {
    id: 'AADSTS50133',
    kind: 'entra',
    aadsts: 50133,
    title: L(
      'パスワードの期限切れまたは変更によりセッションが無効になりました (AADSTS50133)',
      'The session ended because the password expired or was changed (AADSTS50133)',
    ),
    why: L(
      'このアカウントのパスワードが期限切れになったか最近変更されたため、サインインのセッションと、それに基づくトークンが無効になりました。',
      'The account’s password expired or was changed recently, so its sign-in session, and the tokens based on it, are no longer valid.',
    ),
    steps: [
      L(
        'このツールで、現在のパスワードを使ってサインインし直します。',
        'Sign in again through this tool with the current password.',
      ),
      REISSUE,
      L(
        '送信用アカウントのパスワードを定期的に変更する運用では、変更のたびにトークンを取得し直す必要があります。',
        'Where the sending account’s password is changed on a schedule, re-issue the token after each change.',
      ),
    ],
    docsUrl: DOCS.refreshTokens,
  },
  {
    id: 'AADSTS50158',
    kind: 'entra',
    aadsts: 50158,
    title: L(
      '外部のセキュリティ チャレンジが完了していません (AADSTS50158)',
      'An external security challenge was not completed (AADSTS50158)',
    ),
    why: L(
      '条件付きアクセスのカスタム コントロールや外部の認証方法 (他社製の多要素認証、利用規約への同意など) をブラウザーで完了する必要があります。トークンの更新のように画面のない要求では完了できません。',
      'A Conditional Access custom control or external authentication method (a third-party MFA provider, terms of use) must be completed in the browser; a request without a page, such as a token refresh, cannot complete it.',
    ),
    steps: [
      L(
        'このツールでブラウザーからサインインし直し、表示される外部の確認を完了します。',
        'Sign in again in the browser through this tool and complete the external challenge it shows.',
      ),
      L(
        '送信プログラムがトークンを更新するたびに発生する場合は、Microsoft Entra 管理センターの [条件付きアクセス] > [ポリシー] で該当するポリシーの [許可] の設定を確認し、送信用アカウントまたはこのアプリを除外できないかセキュリティ管理者に相談します。',
        'If it happens every time the sending program refreshes its token, review the Grant settings of the policy under Conditional Access > Policies in the Microsoft Entra admin center, and ask your security admin whether the sending account or this app can be excluded.',
      ),
      SIGN_IN_LOGS,
    ],
    docsUrl: DOCS.conditionalAccess,
  },
  {
    id: 'AADSTS50199',
    kind: 'entra',
    aadsts: 50199,
    title: L('ユーザーの確認が必要です (AADSTS50199)', 'User confirmation is required (AADSTS50199)'),
    why: L(
      'Entra ID が、サインインの結果をアプリに渡す前に続行してよいかを確認する画面を表示しました。エラーではなく、[続行] を選べばサインインは完了します。このツールのリダイレクト先 (http://localhost) は確認不要の一覧に含まれるため、通常は表示されません。',
      'Entra ID showed a page asking whether to continue before handing the sign-in result to the app. It is not an error: choosing Continue completes the sign-in. This tool’s redirect (http://localhost) is on the list that needs no confirmation, so it normally does not appear.',
    ),
    steps: [
      L('サインイン画面で [続行] を選びます。', 'Choose Continue on the sign-in page.'),
      L(
        '毎回表示される場合は、サインインのリダイレクト URI が {redirectUri} (http://localhost) であり、独自スキームの URI ではないことを確認します。',
        'If it appears every time, check that the sign-in’s redirect URI is {redirectUri} (http://localhost), not a custom-scheme URI.',
      ),
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'AADSTS16000',
    kind: 'entra',
    aadsts: 16000,
    title: L(
      'このアカウントではアプリにアクセスできません (AADSTS16000)',
      'This account cannot access the app (AADSTS16000)',
    ),
    why: L(
      'サインインしたアカウントが、アプリを登録したテナント ({tenant}) に存在しません。ブラウザーが個人の Microsoft アカウントや別の組織のアカウントを選んだ場合によく起こります。以前の Entra ID は、パスワード変更でセッションが無効になった場合にもこのコードを返していました。',
      'The account that signed in does not exist in the tenant the app is registered in ({tenant}). It often happens when the browser picked a personal Microsoft account or an account of another organization. Earlier, Entra ID also returned this code when a password change ended the session.',
    ),
    steps: [RIGHT_ACCOUNT, PERSONAL_ACCOUNTS, START_AGAIN],
    docsUrl: DOCS.multiTenant,
  },
  {
    id: 'AADSTS90014',
    kind: 'entra',
    aadsts: 90014,
    title: L(
      '要求に必要な項目がありません (AADSTS90014)',
      'A required field is missing from the request (AADSTS90014)',
    ),
    why: L(
      'Entra ID が要求または資格情報に必要な項目を見つけられませんでした。下のメッセージに、足りない項目名 (client_id など) が示されます。送信プログラムの場合は、INI の ClientID、ClientSecret、RefreshToken のどれかが空であることが多いです。',
      'Entra ID did not find a field it needs in the request or credential; the message below names it (client_id, for example). For a sending program it is usually an empty ClientID, ClientSecret or RefreshToken in the INI.',
    ),
    steps: [
      L(
        'INI ファイルの [OAUTH2] に、ClientID、RefreshToken、TokenURI (Web として登録したアプリでは ClientSecret も) の値があるか確認します。',
        'Check that the INI file’s [OAUTH2] section has values for ClientID, RefreshToken and TokenURI (and ClientSecret for an app registered as Web).',
      ),
      REISSUE,
      L(
        'このツールでのサインイン中に発生した場合は不具合です。下のサポート用情報を添えて報告してください。',
        'If it happened while signing in with this tool, it is a bug: please report it with the support details below.',
      ),
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'AADSTS900144',
    kind: 'entra',
    aadsts: 900144,
    title: L(
      '要求に必須のパラメーターがありません (AADSTS900144)',
      'A required parameter is missing from the request (AADSTS900144)',
    ),
    why: L(
      '要求の本文に必須のパラメーターがありませんでした。どのパラメーターか (client_id、scope、grant_type、redirect_uri など) は下のメッセージに示されます。INI の値が空か、送信プログラムやサインイン URL が値を送っていません。',
      'The request body lacked a required parameter; the message below names it (client_id, scope, grant_type, redirect_uri…). A value in the INI is empty, or the sending program or sign-in URL did not send it.',
    ),
    steps: [
      L(
        'INI ファイルの [OAUTH2] に、ClientID、RefreshToken、TokenURI の値があるか確認します。送信プログラムにスコープの設定がある場合は、空になっていないか確認します。',
        'Check that the INI file’s [OAUTH2] section has values for ClientID, RefreshToken and TokenURI, and that the sending program’s scope setting, if it has one, is not empty.',
      ),
      REISSUE,
      L(
        'このツールでのサインイン中に発生した場合は不具合です。下のサポート用情報を添えて報告してください。',
        'If it happened while signing in with this tool, it is a bug: please report it with the support details below.',
      ),
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'AADSTS50059',
    kind: 'entra',
    aadsts: 50059,
    title: L('テナントを特定できません (AADSTS50059)', 'No tenant could be determined (AADSTS50059)'),
    why: L(
      '要求がテナントを含まないエンドポイント (common や organizations) に送られ、資格情報からもテナントが分かりませんでした。デバイス コードによるサインインや、テナントを指定しない要求で起こります。',
      'The request went to an endpoint without a tenant (common or organizations), and nothing in the credentials named one. It happens with device code sign-in and other requests that do not name a tenant.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[概要] の [ディレクトリ (テナント) ID] をコピーし、このツールのテナント欄に入力して、トークンを取得し直します。INI の TokenURI はそのテナントを含む URI になります。',
        'Copy “Directory (tenant) ID” from the Overview, enter it as the tenant in this tool, and issue the token again; TokenURI in the INI then names that tenant.',
      ),
    ],
    docsUrl: DOCS.multiTenant,
  },
  {
    id: 'AADSTS50128',
    kind: 'entra',
    aadsts: 50128,
    title: L('ドメイン名が正しくありません (AADSTS50128)', 'Invalid domain name (AADSTS50128)'),
    why: L(
      'テナントとして指定したドメイン ({tenant}) が、どのテナントの確認済みドメインでもありません。入力ミス、まだ確認していないカスタム ドメイン、または別のクラウドのドメインが考えられます。',
      'The domain given as tenant ({tenant}) is not a verified domain of any tenant: a typo, a custom domain not verified yet, or a domain of another cloud.',
    ),
    steps: [
      L(
        'Microsoft Entra 管理センターの [設定] > [ドメイン名] で、そのドメインの [状態] が「確認済み」か確認します。',
        'In the Microsoft Entra admin center, check under Settings > Domain names that the domain’s Status is Verified.',
      ),
      L(
        'テナント欄には、[概要] の [テナント ID] か、contoso.onmicrosoft.com のような初期ドメインを指定して、トークンを取得し直します。',
        'Enter the Tenant ID from the Overview, or the initial domain such as contoso.onmicrosoft.com, as the tenant, and issue the token again.',
      ),
    ],
    docsUrl: DOCS.customDomains,
  },
  {
    id: 'AADSTS7000112',
    kind: 'entra',
    aadsts: 7000112,
    title: L(
      'アプリケーションが無効になっています (AADSTS7000112)',
      'The application is disabled (AADSTS7000112)',
    ),
    why: L(
      'このテナントでアプリのサインインが無効になっています。[エンタープライズ アプリケーション] で「ユーザーのサインインが有効になっていますか?」が「いいえ」になっているか、Microsoft がアプリを無効にしました (不審な活動など)。後者の場合、管理者は有効に戻せず、新しいアプリの登録が必要です。',
      'Sign-in to the app is disabled in this tenant: “Enabled for users to sign-in?” is No under Enterprise apps, or Microsoft disabled the app (suspicious activity, for example). In the latter case an admin cannot turn it back on, and a new app registration is needed.',
    ),
    steps: [
      L(
        'Microsoft Entra 管理センターの [エンタープライズ アプリケーション] > [すべてのアプリケーション] で、アプリケーション ID が {clientId} のアプリを開きます。',
        'In the Microsoft Entra admin center, open Enterprise apps > All applications and select the app whose Application ID is {clientId}.',
      ),
      L(
        '[プロパティ] で [ユーザーのサインインが有効になっていますか?] を [はい] にして [保存] します。',
        'Under Properties, set “Enabled for users to sign-in?” to Yes and click Save.',
      ),
      L(
        '変更できない場合 (Microsoft が無効にした場合) は、新しくアプリを登録し、このツールで新しいクライアント ID とシークレットを使ってトークンを取得し直します。',
        'If it cannot be changed (Microsoft disabled the app), register a new app and issue the token again with this tool using the new client ID and secret.',
      ),
    ],
    docsUrl: DOCS.disableApp,
  },
  {
    id: 'AADSTS700027',
    kind: 'entra',
    aadsts: 700027,
    title: L(
      'クライアント アサーションの署名を検証できませんでした (AADSTS700027)',
      'The client assertion’s signature could not be validated (AADSTS700027)',
    ),
    why: L(
      'アプリが証明書 (クライアント アサーション) で認証しましたが、Entra ID がその署名を検証できませんでした。証明書がアプリに登録されていない、期限切れ、または置き換えられています。このツールと SMAIL はクライアント シークレットを使うので、同じアプリの登録を使う別のプログラムからの要求です。',
      'The app authenticated with a certificate (a client assertion), and Entra ID could not validate its signature: the certificate is not uploaded to the app, has expired, or was replaced. This tool and SMAIL use a client secret, so the request came from another program sharing the app registration.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[証明書とシークレット] > [証明書] で、そのプログラムが使う証明書の拇印と有効期限を確認し、必要なら新しい証明書をアップロードします。',
        'Under Certificates & secrets > Certificates, check the thumbprint and expiry of the certificate that program uses, and upload a new one if needed.',
      ),
      L(
        'このツールで発行したトークンを使う送信プログラムでは、証明書ではなくクライアント シークレットを使います。',
        'For sending programs using tokens from this tool, use a client secret rather than a certificate.',
      ),
    ],
    docsUrl: DOCS.secrets,
  },
  {
    id: 'AADSTS50097',
    kind: 'entra',
    aadsts: 50097,
    title: L('デバイス認証が必要です (AADSTS50097)', 'Device authentication is required (AADSTS50097)'),
    why: L(
      '条件付きアクセスが登録済みのデバイスを求めていますが、この要求はデバイスを証明できませんでした。送信プログラムやサーバーからのトークンの更新は、デバイス認証を行えません。',
      'Conditional Access requires a registered device, and this request could not prove one. A token refresh by a sending program or a server cannot perform device authentication.',
    ),
    steps: [
      SIGN_IN_LOGS,
      L(
        'Microsoft Entra 管理センターの [条件付きアクセス] > [ポリシー] で、デバイスを条件とするポリシーから送信用アカウントまたはこのアプリを除外できないか、セキュリティ管理者に相談します。',
        'Ask your security admin whether the sending account or this app can be excluded from the device-based policy under Conditional Access > Policies in the Microsoft Entra admin center.',
      ),
      L(
        'または、トークンの取得と更新を Microsoft Entra に登録済み (参加済み、ハイブリッド参加済み) の PC で行います。',
        'Or get and refresh the token on a PC registered with Microsoft Entra (joined or hybrid joined).',
      ),
    ],
    docsUrl: DOCS.conditionalAccess,
  },
  {
    id: 'AADSTS530003',
    kind: 'entra',
    aadsts: 530003,
    title: L('管理対象のデバイスが必要です (AADSTS530003)', 'A managed device is required (AADSTS530003)'),
    why: L(
      '条件付きアクセスが、組織の管理するデバイス (準拠済み、またはハイブリッド参加済み) からのアクセスだけを許可しています。トークンの取得または更新を行ったデバイスは管理対象ではありません。ブラウザーでは「デバイスのセキュリティ保護にご協力ください」と表示されます。',
      'Conditional Access allows access only from devices your organization manages (compliant or hybrid joined), and the device that got or refreshed the token is not one. In the browser it shows “Help us keep your device secure”.',
    ),
    steps: [
      SIGN_IN_LOGS,
      L(
        '管理対象の PC でこのツールを実行してトークンを取得し直すか、[条件付きアクセス] > [ポリシー] で該当ポリシーから送信用アカウントまたはこのアプリを除外できないか、セキュリティ管理者に相談します。',
        'Issue the token again by running this tool on a managed PC, or ask your security admin whether the sending account or this app can be excluded from the policy under Conditional Access > Policies.',
      ),
    ],
    docsUrl: DOCS.deviceCompliance,
  },
  {
    id: 'AADSTS53000',
    kind: 'entra',
    aadsts: 53000,
    title: L('準拠しているデバイスが必要です (AADSTS53000)', 'A compliant device is required (AADSTS53000)'),
    why: L(
      '条件付きアクセスが準拠済みのデバイスを求めていますが、このデバイスは準拠していません (Intune などに登録されていない、またはポリシーを満たしていない)。',
      'Conditional Access requires a compliant device, and this device is not compliant: it is not enrolled in Intune (or another MDM), or does not meet its policies.',
    ),
    steps: [
      L(
        'このツールを実行する PC を、ポータル サイト (Company Portal) アプリで Intune に登録し、準拠状態になってからサインインし直します。',
        'Enroll the PC running this tool in Intune with the Company Portal app, and sign in again once it is compliant.',
      ),
      L(
        'Microsoft Intune 管理センターの [デバイス] > [すべてのデバイス] で、その PC の [準拠] 列を確認します。',
        'In the Microsoft Intune admin center, check the Compliance column of the PC under Devices > All devices.',
      ),
      SIGN_IN_LOGS,
    ],
    docsUrl: DOCS.deviceCompliance,
  },
  {
    id: 'AADSTS53001',
    kind: 'entra',
    aadsts: 53001,
    title: L(
      'ドメインに参加しているデバイスが必要です (AADSTS53001)',
      'A domain-joined device is required (AADSTS53001)',
    ),
    why: L(
      '条件付きアクセスが Microsoft Entra ハイブリッド参加済みのデバイスを求めていますが、このデバイスはドメインに参加していません。',
      'Conditional Access requires a Microsoft Entra hybrid joined device, and this device is not domain joined.',
    ),
    steps: [
      L(
        'ドメインに参加している (ハイブリッド参加済みの) PC でこのツールを実行し、トークンを取得し直します。',
        'Run this tool on a domain-joined (hybrid joined) PC and issue the token again.',
      ),
      L(
        'または、[条件付きアクセス] > [ポリシー] で該当ポリシーから送信用アカウントまたはこのアプリを除外できないか、セキュリティ管理者に相談します。',
        'Or ask your security admin whether the sending account or this app can be excluded from the policy under Conditional Access > Policies.',
      ),
      SIGN_IN_LOGS,
    ],
    docsUrl: DOCS.deviceCompliance,
  },
  {
    id: 'AADSTS50072',
    kind: 'entra',
    aadsts: 50072,
    title: L(
      '多要素認証の登録が必要です (AADSTS50072)',
      'The user must register for multi-factor authentication (AADSTS50072)',
    ),
    why: L(
      'このアカウントは多要素認証の方法をまだ登録しておらず、組織のポリシーが登録を求めています。ブラウザーには「詳細情報が必要」と表示され、登録を済ませるとサインインを続けられます。',
      'The account has not registered a multi-factor method yet, and your organization’s policy requires one. The browser shows “More information required”; once the method is registered, the sign-in continues.',
    ),
    steps: [
      L(
        'ブラウザーの画面で [次へ] を選び、認証方法を登録します。または {mailbox} で https://aka.ms/mysecurityinfo にサインインして登録します。',
        'Choose Next on the browser page and register a method, or sign in to https://aka.ms/mysecurityinfo as {mailbox} and register there.',
      ),
      START_AGAIN,
    ],
    docsUrl: DOCS.mfaRegister,
  },
  {
    id: 'AADSTS50074',
    kind: 'entra',
    aadsts: 50074,
    title: L(
      '多要素認証が完了していません (AADSTS50074)',
      'Multi-factor authentication was not completed (AADSTS50074)',
    ),
    why: L(
      'このサインインには多要素認証が必要ですが、完了しませんでした。トークンの更新のように画面のない要求では多要素認証を行えません。',
      'This sign-in requires multi-factor authentication, and it was not completed. A request without a page, such as a token refresh, cannot perform it.',
    ),
    steps: [
      L(
        'このツールでブラウザーからサインインし直し、多要素認証を最後まで完了します。',
        'Sign in again in the browser through this tool and complete multi-factor authentication.',
      ),
      L(
        '送信プログラムがトークンを更新するたびに発生する場合は、送信サーバーのネットワークを条件付きアクセスのネームド ロケーションに加えるか、送信用アカウントを対象外にするよう、セキュリティ管理者に相談します。',
        'If it happens every time the sending program refreshes its token, ask your security admin to add the sending server’s network as a Conditional Access named location, or to exclude the sending account.',
      ),
      SIGN_IN_LOGS,
    ],
    docsUrl: DOCS.conditionalAccess,
  },
] as const satisfies readonly CatalogueEntry[];
