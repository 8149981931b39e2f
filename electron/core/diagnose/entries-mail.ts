/**
 * Catalogue entries for Exchange Online SMTP/IMAP/POP replies, as data. Order matters: for one status code the
 * entries with phrases come before the status-only fallback, and the first match wins.
 */
import type { CatalogueEntry } from './types.js';
import {
  CONNECT_EXO,
  DOCS,
  L,
  SAME_ACCOUNT,
  SHARED_MAILBOX,
  SIGN_IN_LOGS,
  WAIT_PROPAGATION,
} from './fragments.js';

/** Why a From address other than the mailbox is refused, shared by 5.7.60 and 5.2.252. */
const SEND_AS_WHY = L(
  'メールの From (差出人) アドレスが、認証したメールボックス {mailbox} と異なり、そのアドレスとして送信する権限 (Send As / 送信者として送信) がありません。',
  'The mail’s From address differs from the authenticated mailbox {mailbox}, and that mailbox has no Send As permission for it.',
);

/** The two fixes for Send As: use the mailbox's own address, or grant the permission. */
const SEND_AS_STEPS = [
  L(
    '送信プログラムの差出人 (SMAIL の場合は -f オプションや「メール送り元」) を {mailbox} にします。',
    'Set the sending program’s From address (for SMAIL, the -f option or the sender field) to {mailbox}.',
  ),
  L(
    '別のアドレスから送る必要がある場合は、Exchange 管理センター > [受信者] > [メールボックス] (グループの場合は [グループ]) で差出人のアドレスを開き、[委任] > [送信者として送信] に {mailbox} を追加します。または下のコマンドを実行します。',
    'To send from another address, open that address in the Exchange admin center > Recipients > Mailboxes (or Groups) and add {mailbox} under Delegation > Send as, or run the command below.',
  ),
  WAIT_PROPAGATION,
] as const;

/** The Send As command, with the trustee filled in. */
const SEND_AS_COMMAND =
  'Add-RecipientPermission -Identity <From address> -Trustee {mailbox} -AccessRights SendAs';

/** Entries for Exchange Online replies. */
export const MAIL_ENTRIES = [
  {
    id: 'smtp-535-5.7.139-smtp-auth-disabled',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.139',
      phrases: ['SmtpClientAuthentication is disabled'],
      example:
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    },
    title: L(
      'SMTP AUTH (認証付き SMTP 送信) が無効になっています (535 5.7.139)',
      'SMTP AUTH (authenticated SMTP submission) is turned off (535 5.7.139)',
    ),
    why: L(
      'テナント全体またはメールボックス {mailbox} で SMTP AUTH が無効です。OAuth (XOAUTH2) で送信する場合も SMTP AUTH の有効化が必要です。新しいテナントでは既定で無効で、セキュリティの既定値が有効な場合も無効になります。',
      'SMTP AUTH is turned off for the tenant or for the mailbox {mailbox}. Sending with OAuth (XOAUTH2) still needs SMTP AUTH. It is off by default in new tenants, and security defaults turn it off too.',
    ),
    steps: [
      CONNECT_EXO,
      L(
        '下のコマンドで、メールボックス {mailbox} の SMTP AUTH を有効にします。メールボックス単位の設定は組織全体の設定より優先されます。',
        'Turn SMTP AUTH on for the mailbox {mailbox} with the command below. The mailbox setting overrides the organization-wide one.',
      ),
      L(
        'または Exchange 管理センター > [受信者] > [メールボックス] > {mailbox} > [メール アプリ] > [メール アプリの設定の管理] で [認証済み SMTP] をオンにして保存します。',
        'Or, in the Exchange admin center > Recipients > Mailboxes > {mailbox} > Mail apps > Manage email apps settings, turn on Authenticated SMTP and save.',
      ),
      L(
        '組織全体で有効にする場合は Set-TransportConfig -SmtpClientAuthenticationDisabled $false を実行しますが、必要なメールボックスだけ有効にする方が安全です。',
        'Set-TransportConfig -SmtpClientAuthenticationDisabled $false turns it on for the whole organization, but enabling only the mailboxes that need it is safer.',
      ),
      L(
        'セキュリティの既定値が有効な組織では、Microsoft Entra 管理センターの [概要] > [プロパティ] > [セキュリティの既定値の管理] も確認します。',
        'If your organization uses security defaults, also check Overview > Properties > Manage security defaults in the Microsoft Entra admin center.',
      ),
      WAIT_PROPAGATION,
    ],
    command: 'Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false',
    docsUrl: DOCS.smtpAuth,
  },
  {
    id: 'smtp-535-5.7.139-basic-auth-disabled',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.139',
      phrases: ['basic authentication is disabled'],
      example:
        '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [TYCP286CA0001.JPNP286.PROD.OUTLOOK.COM]',
    },
    title: L(
      'パスワードによる SMTP 認証 (Basic 認証) は使えません (535 5.7.139)',
      'SMTP login with a password (basic authentication) is disabled (535 5.7.139)',
    ),
    why: L(
      '送信プログラムが AUTH LOGIN または AUTH PLAIN でパスワードを送りました。Exchange Online では Basic 認証が廃止されており、XOAUTH2 で認証する必要があります。',
      'The sending program sent a password with AUTH LOGIN or AUTH PLAIN. Exchange Online has retired basic authentication: the program must authenticate with XOAUTH2.',
    ),
    steps: [
      L(
        '送信プログラムの SMTP 認証方式を XOAUTH2 に変更します (SMAIL の場合は「SMTP 認証」で OAUTH-XOAUTH2 を選び、STARTTLS をオンにします)。',
        'Switch the sending program’s SMTP authentication to XOAUTH2 (in SMAIL, choose OAUTH-XOAUTH2 as SMTP authentication and turn STARTTLS on).',
      ),
      L(
        'このツールで作成した INI ファイルを、送信プログラムが読み込む場所 (SMAIL なら smail.exe と同じフォルダー) に置きます。',
        'Put the INI file this tool wrote where the sending program reads it (for SMAIL, the folder of smail.exe).',
      ),
      L(
        '送信プログラムが XOAUTH2 に対応していない場合は、対応版への更新か、別の送信方法への切り替えが必要です。',
        'If the program cannot do XOAUTH2, it needs an update or another way of sending mail.',
      ),
    ],
    docsUrl: DOCS.oauthMail,
  },
  {
    id: 'smtp-535-5.7.139-security-defaults',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.139',
      phrases: ['security defaults'],
      example:
        "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    },
    title: L(
      'セキュリティの既定値により SMTP 認証がブロックされました (535 5.7.139)',
      'Security defaults blocked the SMTP login (535 5.7.139)',
    ),
    why: L(
      'テナントでセキュリティの既定値が有効になっており、この SMTP 認証 (多くの場合パスワードによる Basic 認証) がブロックされました。',
      'Security defaults are on for the tenant and blocked this SMTP login (usually one with a password, i.e. basic authentication).',
    ),
    steps: [
      L(
        '送信プログラムの認証方式を XOAUTH2 にし、このツールで取得したリフレッシュ トークンを使います。',
        'Make the sending program authenticate with XOAUTH2, using the refresh token from this tool.',
      ),
      L(
        'それでも続く場合は、Microsoft Entra 管理センターの [概要] > [プロパティ] > [セキュリティの既定値の管理] を確認します。無効にするなら、代わりに条件付きアクセスで同等の保護を設定してから行います。',
        'If it persists, check Overview > Properties > Manage security defaults in the Microsoft Entra admin center; turn them off only after putting equivalent Conditional Access policies in place.',
      ),
    ],
    docsUrl: DOCS.securityDefaults,
  },
  {
    id: 'smtp-535-5.7.139-conditional-access',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.139',
      phrases: ['did not meet the criteria'],
      example:
        '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
    },
    title: L(
      '条件付きアクセスにより SMTP 認証が拒否されました (535 5.7.139)',
      'Conditional Access refused the SMTP login (535 5.7.139)',
    ),
    why: L(
      'トークンは正しくても、サインインが組織の条件付きアクセス ポリシーの条件 (場所、デバイス、クライアント アプリ) を満たしませんでした。送信サーバーの IP アドレスが許可された場所にない場合によく起こります。',
      'The token may be fine, but the sign-in did not meet the conditions of a Conditional Access policy (location, device, client app). It often happens when the sending server’s IP address is not in an allowed location.',
    ),
    steps: [
      SIGN_IN_LOGS,
      L(
        'Microsoft Entra 管理センターの [条件付きアクセス] > [ポリシー] で該当ポリシーを開き、送信サーバーのネットワークをネームド ロケーションに加えるか、送信用アカウントを除外できないかセキュリティ管理者に相談します。',
        'Open the policy under Conditional Access > Policies in the Microsoft Entra admin center, and ask your security admin to add the sending server’s network as a named location or to exclude the sending account.',
      ),
    ],
    docsUrl: DOCS.conditionalAccess,
  },
  {
    id: 'smtp-535-5.7.139-credentials-incorrect',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.139',
      phrases: ['user credentials were incorrect'],
      example:
        '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [CH2PR15CA0029.namprd15.prod.outlook.com]',
    },
    title: L(
      'SMTP のユーザー名またはパスワードが違います (535 5.7.139)',
      'The SMTP user name or password is wrong (535 5.7.139)',
    ),
    why: L(
      'Exchange Online が、パスワードによる認証 (AUTH LOGIN / PLAIN) の資格情報を誤りと判断しました。パスワードでの送信は廃止が進んでおり、XOAUTH2 で認証するのが確実です。',
      'Exchange Online found the credentials of a password login (AUTH LOGIN / PLAIN) wrong. Sending with a password is being retired: authenticating with XOAUTH2 is the reliable way.',
    ),
    steps: [
      L(
        '送信プログラムの SMTP 認証方式を XOAUTH2 に変更し (SMAIL の場合は「SMTP 認証」で OAUTH-XOAUTH2 と STARTTLS)、このツールで作成した INI ファイルを使います。',
        'Switch the sending program’s SMTP authentication to XOAUTH2 (in SMAIL: OAUTH-XOAUTH2 with STARTTLS) and use the INI file written by this tool.',
      ),
      SAME_ACCOUNT,
    ],
    docsUrl: DOCS.oauthMail,
  },
  {
    id: 'smtp-535-5.7.139-organization-configuration',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.139',
      phrases: ['organization configuration'],
      example:
        "535 5.7.139 Authentication unsuccessful, the organization configuration doesn't allow this authentication request.",
    },
    title: L(
      '組織の構成がこの認証を許可していません (535 5.7.139)',
      'The organization’s configuration does not allow this login (535 5.7.139)',
    ),
    why: L(
      'Exchange Online の組織の設定 (セキュリティの既定値、または SMTP の Basic 認証を禁止する認証ポリシー) がこの認証方式を許可していません。大量メール送信 (High Volume Email) でよく見られます。',
      'An organization setting of Exchange Online (security defaults, or an authentication policy that blocks basic authentication for SMTP) does not allow this way of logging in. Often seen with High Volume Email.',
    ),
    steps: [
      L(
        '送信プログラムの認証方式を XOAUTH2 にし、このツールで取得したリフレッシュ トークンを使います。',
        'Make the sending program authenticate with XOAUTH2, using the refresh token from this tool.',
      ),
      L(
        'Microsoft Entra 管理センターの [概要] > [プロパティ] > [セキュリティの既定値の管理] と、Exchange Online PowerShell の Get-AuthenticationPolicy (AllowBasicAuthSmtp) を確認します。',
        'Check Overview > Properties > Manage security defaults in the Microsoft Entra admin center, and Get-AuthenticationPolicy (AllowBasicAuthSmtp) in Exchange Online PowerShell.',
      ),
    ],
    docsUrl: DOCS.smtpAuth,
  },
  {
    id: 'smtp-535-5.7.139-authentication-unsuccessful',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.139',
      phrases: [],
      example: '535 5.7.139 Authentication unsuccessful [TYCP286CA0001.JPNP286.PROD.OUTLOOK.COM]',
    },
    title: L(
      '組織の設定により SMTP 認証が拒否されました (535 5.7.139)',
      'An organization setting refused the SMTP login (535 5.7.139)',
    ),
    why: L(
      'トークンの問題ではなく、メールボックスの SMTP AUTH 設定、条件付きアクセス、セキュリティの既定値、アカウントのロックなど組織側の設定により認証が拒否されました。',
      'Not the token: a setting of the organization refused the login, such as the mailbox’s SMTP AUTH setting, Conditional Access, security defaults or a locked account.',
    ),
    steps: [
      CONNECT_EXO,
      L(
        '下のコマンドでメールボックス {mailbox} の SMTP AUTH を有効にします。',
        'Turn SMTP AUTH on for the mailbox {mailbox} with the command below.',
      ),
      SIGN_IN_LOGS,
      WAIT_PROPAGATION,
    ],
    command: 'Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false',
    docsUrl: DOCS.smtpAuth,
  },
  {
    id: 'smtp-535-5.7.3-authentication-unsuccessful',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.3',
      phrases: ['Authentication unsuccessful'],
      example: '535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
    },
    title: L(
      'SMTP 認証でアクセス トークンが受け付けられませんでした (535 5.7.3)',
      'The SMTP server rejected the access token (535 5.7.3)',
    ),
    why: L(
      'Exchange Online が XOAUTH2 のトークンを拒否しました。主な原因は、(1) トークンが https://outlook.office.com/SMTP.Send ではなく Microsoft Graph 向け (接頭辞なしの SMTP.Send) に発行された、(2) XOAUTH2 の user= がトークンのアカウントと違う、(3) トークンの期限切れ、のいずれかです。',
      'Exchange Online rejected the XOAUTH2 token. The usual causes: (1) the token was issued for Microsoft Graph (a bare SMTP.Send) instead of https://outlook.office.com/SMTP.Send, (2) user= in XOAUTH2 differs from the token’s account, (3) the token has expired.',
    ),
    steps: [
      L(
        'このツールでリフレッシュ トークンを取得し直します (スコープ https://outlook.office.com/SMTP.Send と offline_access)。送信プログラムにスコープの設定がある場合は https://outlook.office.com/SMTP.Send にします。',
        'Get a new refresh token with this tool (scopes https://outlook.office.com/SMTP.Send and offline_access). If the sending program has a scope setting, set it to https://outlook.office.com/SMTP.Send.',
      ),
      SAME_ACCOUNT,
      SHARED_MAILBOX,
      L(
        'サインインしたユーザーに Exchange Online を含むライセンスが割り当てられ、メールボックスがあることを確認します。',
        'Check that the signed-in user has a licence that includes Exchange Online, and a mailbox.',
      ),
    ],
    docsUrl: DOCS.oauthMail,
  },
  {
    id: 'smtp-550-5.7.60-send-as-denied',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.60',
      phrases: ['send as'],
      example: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
    },
    title: L(
      'この差出人アドレスで送信する権限がありません (550 5.7.60)',
      'No permission to send as this sender (550 5.7.60)',
    ),
    why: SEND_AS_WHY,
    steps: SEND_AS_STEPS,
    command: SEND_AS_COMMAND,
    docsUrl: DOCS.sendAs,
  },
  {
    id: 'smtp-554-5.2.252-send-as-denied',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.2.252',
      phrases: ['SendAsDenied'],
      example:
        '554 5.2.252 SendAsDenied; user@contoso.co.jp not allowed to send as sales@contoso.co.jp; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied',
    },
    title: L(
      'この差出人アドレスでの送信が拒否されました (554 5.2.252 SendAsDenied)',
      'Sending as this sender was refused (554 5.2.252 SendAsDenied)',
    ),
    why: SEND_AS_WHY,
    steps: SEND_AS_STEPS,
    command: SEND_AS_COMMAND,
    docsUrl: DOCS.sendAs,
  },
  {
    id: 'smtp-530-5.7.57-not-authenticated',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.57',
      phrases: ['not authenticated'],
      example: '530 5.7.57 Client not authenticated to send mail. [TYCP286CA0001.JPNP286.PROD.OUTLOOK.COM]',
    },
    title: L(
      'SMTP 認証をせずに送信しようとしました (530 5.7.57)',
      'The program tried to send without logging in (530 5.7.57)',
    ),
    why: L(
      '送信プログラムが SMTP 認証を行わずに MAIL FROM を送りました。SMTP 認証の設定がオフか、STARTTLS を使っていないため AUTH コマンドが使えていません。',
      'The sending program sent MAIL FROM without logging in: SMTP authentication is off in its settings, or it did not use STARTTLS so AUTH was not available.',
    ),
    steps: [
      L(
        '送信プログラムの設定を確認します: サーバー smtp.office365.com、ポート 587、STARTTLS オン、SMTP 認証は XOAUTH2 (SMAIL の場合は OAUTH-XOAUTH2)。',
        'Check the sending program’s settings: server smtp.office365.com, port 587, STARTTLS on, SMTP authentication XOAUTH2 (OAUTH-XOAUTH2 in SMAIL).',
      ),
      L(
        '送信プログラムが INI ファイルを見つけられているか確認します (SMAIL は smail.exe と同じフォルダー)。',
        'Check that the program finds the INI file (for SMAIL, in the folder of smail.exe).',
      ),
    ],
    docsUrl: DOCS.smtpAuth,
  },
  {
    id: 'smtp-421-4.7.66-tls-version',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '4.7.66',
      phrases: ['TLS'],
      example:
        '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.',
    },
    title: L(
      'TLS 1.0 / 1.1 では接続できません (421 4.7.66)',
      'TLS 1.0 and 1.1 are not accepted (421 4.7.66)',
    ),
    why: L(
      'Exchange Online は TLS 1.2 以上を必要としますが、送信プログラムまたは Windows が古い TLS で接続しました。',
      'Exchange Online requires TLS 1.2 or later, but the sending program or Windows connected with an older TLS version.',
    ),
    steps: [
      L(
        'Windows を最新の状態にし、TLS 1.2 を有効にします (Windows Server 2008 SP2 は KB4019276 の適用が必要です)。',
        'Update Windows and enable TLS 1.2 (Windows Server 2008 SP2 needs KB4019276).',
      ),
      L(
        '送信プログラムを TLS 1.2 に対応した版に更新します。',
        'Update the sending program to a version that supports TLS 1.2.',
      ),
    ],
    docsUrl: DOCS.tls12,
  },
  {
    id: 'smtp-504-5.7.4-unrecognized-auth',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.4',
      phrases: ['Unrecognized authentication type'],
      example: '504 5.7.4 Unrecognized authentication type [TYCP286CA0001.JPNP286.PROD.OUTLOOK.COM]',
    },
    title: L(
      'サーバーがこの認証方式を受け付けませんでした (504 5.7.4)',
      'The server does not accept this authentication method (504 5.7.4)',
    ),
    why: L(
      'STARTTLS で暗号化する前に AUTH を送ったか、サーバーが提供していない認証方式を使いました。smtp.office365.com は STARTTLS の後にだけ AUTH XOAUTH2 を受け付けます。',
      'AUTH was sent before STARTTLS, or with a method the server does not offer. smtp.office365.com offers AUTH XOAUTH2 only after STARTTLS.',
    ),
    steps: [
      L(
        '送信プログラムでポート 587 と STARTTLS をオンにし、SMTP 認証を XOAUTH2 にします (SMAIL の場合は OAUTH-XOAUTH2)。',
        'In the sending program use port 587 with STARTTLS on, and XOAUTH2 as SMTP authentication (OAUTH-XOAUTH2 in SMAIL).',
      ),
    ],
    docsUrl: DOCS.smtpAuth,
  },
  {
    id: 'imap-no-authenticate-failed',
    kind: 'mail',
    reply: {
      protocol: 'imap',
      phrases: ['AUTHENTICATE failed'],
      example: 'A01 NO AUTHENTICATE failed.',
    },
    title: L(
      'IMAP の認証に失敗しました (NO AUTHENTICATE failed.)',
      'The IMAP login failed (NO AUTHENTICATE failed.)',
    ),
    why: L(
      'Exchange Online が XOAUTH2 のトークンを拒否しました。トークンに https://outlook.office.com/IMAP.AccessAsUser.All が含まれていない (SMTP 用に取得したトークンなど)、user= がトークンのアカウントと違う、メールボックスで IMAP が無効、トークンの期限切れ、のいずれかが考えられます。',
      'Exchange Online rejected the XOAUTH2 token: it lacks https://outlook.office.com/IMAP.AccessAsUser.All (e.g. a token obtained for SMTP), user= differs from the token’s account, IMAP is off for the mailbox, or the token has expired.',
    ),
    steps: [
      L(
        'アプリの [API のアクセス許可] に Microsoft Graph の委任されたアクセス許可 IMAP.AccessAsUser.All を追加し、このツールで IMAP 用にリフレッシュ トークンを取得し直します。',
        'Add the delegated Microsoft Graph permission IMAP.AccessAsUser.All under the app’s API permissions, and get a new refresh token for IMAP with this tool.',
      ),
      SAME_ACCOUNT,
      L(
        'メールボックス {mailbox} で IMAP が有効か確認し、無効なら下のコマンドで有効にします (Exchange Online PowerShell)。',
        'Check that IMAP is on for the mailbox {mailbox}, and turn it on with the command below if not (Exchange Online PowerShell).',
      ),
      SHARED_MAILBOX,
    ],
    command: 'Set-CASMailbox -Identity {mailbox} -ImapEnabled $true',
    docsUrl: DOCS.popImap,
  },
  {
    id: 'imap-bad-authenticated-but-not-connected',
    kind: 'mail',
    reply: {
      protocol: 'imap',
      phrases: ['authenticated but not connected'],
      example: 'A02 BAD User is authenticated but not connected.',
    },
    title: L(
      'IMAP でメールボックスに接続できません (User is authenticated but not connected.)',
      'IMAP cannot open the mailbox (User is authenticated but not connected.)',
    ),
    why: L(
      'トークン自体は受け付けられましたが、user= のメールボックスを開けません。user= がトークンのアカウントと違うか、共有メールボックスへのフル アクセス権がありません。',
      'The token itself was accepted, but the mailbox named in user= cannot be opened: user= differs from the token’s account, or there is no Full Access to the shared mailbox.',
    ),
    steps: [SAME_ACCOUNT, SHARED_MAILBOX, WAIT_PROPAGATION],
    docsUrl: DOCS.oauthMail,
  },
  {
    id: 'pop-err-authentication-failure',
    kind: 'mail',
    reply: {
      protocol: 'pop',
      phrases: ['-ERR', 'Authentication failure'],
      example: '-ERR Authentication failure: unknown user name or bad password.',
    },
    title: L(
      'POP の認証に失敗しました (-ERR Authentication failure)',
      'The POP login failed (-ERR Authentication failure)',
    ),
    why: L(
      'Exchange Online が XOAUTH2 のトークンを拒否しました。トークンに https://outlook.office.com/POP.AccessAsUser.All が含まれていない、user= がトークンのアカウントと違う、メールボックスで POP が無効、トークンの期限切れ、のいずれかが考えられます。',
      'Exchange Online rejected the XOAUTH2 token: it lacks https://outlook.office.com/POP.AccessAsUser.All, user= differs from the token’s account, POP is off for the mailbox, or the token has expired.',
    ),
    steps: [
      L(
        'アプリの [API のアクセス許可] に Microsoft Graph の委任されたアクセス許可 POP.AccessAsUser.All があるか確認し、このツールで POP 用にリフレッシュ トークンを取得し直します。',
        'Check that the delegated Microsoft Graph permission POP.AccessAsUser.All is under the app’s API permissions, and get a new refresh token for POP with this tool.',
      ),
      SAME_ACCOUNT,
      L(
        'メールボックス {mailbox} で POP が有効か確認し、無効なら下のコマンドで有効にします (Exchange Online PowerShell)。',
        'Check that POP is on for the mailbox {mailbox}, and turn it on with the command below if not (Exchange Online PowerShell).',
      ),
      SHARED_MAILBOX,
    ],
    command: 'Set-CASMailbox -Identity {mailbox} -PopEnabled $true',
    docsUrl: DOCS.popImap,
  },
] as const satisfies readonly CatalogueEntry[];
