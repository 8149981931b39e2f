/**
 * Catalogue entries for mail replies by the codes the standards define, whoever the server is: IMAP response codes
 * (RFC 5530 §3), POP response codes (RFC 2449 §8, RFC 3206), SMTP enhanced status codes (RFC 3463, RFC 4954 and the
 * IANA registry, plus Exchange Online's own details), and the XOAUTH2 error challenge. Each says what the code means
 * for a login with an OAuth token, and keeps the code in its title so a ticket quotes it. Provider-specific
 * wording (entries-mail.ts for Exchange) is more specific and wins when both match (mail-replies.ts).
 */
import type { CatalogueEntry } from './types.js';
import { CONNECT_EXO, DOCS, L, REISSUE, SAME_ACCOUNT, SHARED_MAILBOX } from './fragments.js';

const RFC = {
  imapCodes: 'https://datatracker.ietf.org/doc/html/rfc5530#section-3',
  imapRegistry: 'https://www.iana.org/assignments/imap-response-codes/imap-response-codes.xhtml',
  popCodes: 'https://datatracker.ietf.org/doc/html/rfc3206',
  popRespCodes: 'https://datatracker.ietf.org/doc/html/rfc2449#section-8',
  smtpRegistry:
    'https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml',
  xoauth2: 'https://developers.google.com/workspace/gmail/imap/xoauth2-protocol',
  serviceHealth: 'https://learn.microsoft.com/microsoft-365/enterprise/view-service-health',
} as const;

/** Where each provider turns a protocol on for a mailbox, shared by the IMAP and POP entries. */
const ENABLE_IMAP = L(
  'メールボックス {mailbox} で IMAP が有効か確認します。Exchange Online では Exchange 管理センター > [受信者] > [メールボックス] > {mailbox} > [メール アプリ] > [メール アプリの設定の管理] で [IMAP] をオンにするか、下のコマンドを実行します。Gmail では [設定] > [転送と POP/IMAP] で [IMAP を有効にする] を選びます。',
  'Check that IMAP is on for the mailbox {mailbox}. In Exchange Online: Exchange admin center > Recipients > Mailboxes > {mailbox} > Mail apps > Manage email apps settings, turn on IMAP (or run the command below). In Gmail: Settings > Forwarding and POP/IMAP > Enable IMAP.',
);
const ENABLE_POP = L(
  'メールボックス {mailbox} で POP が有効か確認します。Exchange Online では Exchange 管理センター > [受信者] > [メールボックス] > {mailbox} > [メール アプリ] > [メール アプリの設定の管理] で [POP3] をオンにするか、下のコマンドを実行します。Gmail では [設定] > [転送と POP/IMAP] で POP を有効にします。',
  'Check that POP is on for the mailbox {mailbox}. In Exchange Online: Exchange admin center > Recipients > Mailboxes > {mailbox} > Mail apps > Manage email apps settings, turn on POP3 (or run the command below). In Gmail: Settings > Forwarding and POP/IMAP, enable POP.',
);

/** Re-issuing with the protocol's permission, for "the token lacks the scope" causes. */
const REISSUE_WITH_PROTOCOL = L(
  'このツールで、使うプロトコルを選んでリフレッシュ トークンを取得し直します (Microsoft は https://outlook.office.com/IMAP.AccessAsUser.All などのアクセス許可、Google は https://mail.google.com/ が必要です)。',
  'Issue the refresh token again with this tool, with the protocol you use selected (Microsoft needs permissions such as https://outlook.office.com/IMAP.AccessAsUser.All; Google needs https://mail.google.com/).',
);

/** Waiting and retrying, for the temporary codes. */
const RETRY_LATER = L('しばらく待ってから、もう一度試します。', 'Wait a while and try again.');

/** The service's own status page. */
const SERVICE_HEALTH = L(
  'Microsoft 365 管理センターの [正常性] > [サービス正常性] で Exchange Online に障害が出ていないか確認します (Gmail は Google Workspace ステータス ダッシュボード)。',
  'Check for an Exchange Online incident under Health > Service health in the Microsoft 365 admin center (for Gmail, the Google Workspace Status Dashboard).',
);

/** Other programs holding the mailbox, for IN-USE and LIMIT. */
const OTHER_SESSIONS = L(
  'このメールボックスに同時に接続しているほかのプログラム (メール ソフト、別の送信プログラム、スケジュールされたジョブ) を終了するか、接続の間隔を空けます。',
  'Close other programs connected to this mailbox at the same time (mail clients, another sending program, scheduled jobs), or space their connections out.',
);

/** Basic authentication is not the way: XOAUTH2 is. */
const USE_XOAUTH2 = L(
  '送信プログラムの SMTP 認証方式を XOAUTH2 に変更し (SMAIL の場合は「SMTP 認証」で OAUTH-XOAUTH2 と STARTTLS)、このツールで作成した INI ファイルを使います。',
  'Switch the sending program’s SMTP authentication to XOAUTH2 (in SMAIL: OAUTH-XOAUTH2 with STARTTLS) and use the INI file written by this tool.',
);

/** A fresh token's refusal: it is not expiry, so it is the account, the protocol setting, or the scope. */
const FRESH_TOKEN_CAUSES = L(
  'トークンを発行した直後 (このツールの確認など) なら期限切れではありません。トークンが user= ({mailbox}) と別のアカウントのもの、メールボックスでこのプロトコルが無効、またはトークンにこのプロトコルのアクセス許可がない、のいずれかです。',
  'If the token was issued moments ago (as in this tool’s check), it has not expired: the token belongs to another account than user= ({mailbox}), the protocol is turned off for the mailbox, or the token lacks the protocol’s permission.',
);

/** Entries for IMAP response codes (RFC 5530). */
export const IMAP_CODE_ENTRIES = [
  {
    id: 'imap-authenticationfailed',
    kind: 'mail',
    reply: {
      protocol: 'imap',
      responseCode: 'AUTHENTICATIONFAILED',
      phrases: [],
      example: 'A01 NO [AUTHENTICATIONFAILED] Authentication failed.',
    },
    title: L(
      'IMAP サーバーがトークンでのログインを拒否しました ([AUTHENTICATIONFAILED])',
      'The IMAP server refused the login with the token ([AUTHENTICATIONFAILED])',
    ),
    why: {
      ja: `RFC 5530 の AUTHENTICATIONFAILED は、サーバーが理由を明かさずに認証を拒否したことを示し、同じ資格情報で再試行しても成功しません。${FRESH_TOKEN_CAUSES.ja}`,
      en: `RFC 5530’s AUTHENTICATIONFAILED means the server refused the credentials without saying why; retrying the same ones will not help. ${FRESH_TOKEN_CAUSES.en}`,
    },
    steps: [SAME_ACCOUNT, ENABLE_IMAP, REISSUE_WITH_PROTOCOL, SHARED_MAILBOX],
    command: 'Set-CASMailbox -Identity {mailbox} -ImapEnabled $true',
    docsUrl: RFC.imapCodes,
  },
  {
    id: 'imap-authorizationfailed',
    kind: 'mail',
    reply: {
      protocol: 'imap',
      responseCode: 'AUTHORIZATIONFAILED',
      phrases: [],
      example: 'A01 NO [AUTHORIZATIONFAILED] No such authorization-ID',
    },
    title: L(
      'トークンは有効ですが、user= のメールボックス {mailbox} を使う権限がありません ([AUTHORIZATIONFAILED])',
      'The token is valid, but not for the mailbox in user=, {mailbox} ([AUTHORIZATIONFAILED])',
    ),
    why: L(
      'RFC 5530 の AUTHORIZATIONFAILED は、認証には成功したが、その ID では要求された別の ID として操作できないことを示します。XOAUTH2 では、トークンはサインインしたユーザーのもので、user= が別のメールボックス ({mailbox}: 共有メールボックスや代理) を指しており、そのユーザーにフル アクセス権がありません。',
      'RFC 5530’s AUTHORIZATIONFAILED means authentication succeeded, but that identity may not act as the one requested. With XOAUTH2 the token is the signed-in user’s, user= names another mailbox ({mailbox}: a shared mailbox or a delegate), and that user has no Full Access to it.',
    ),
    steps: [
      CONNECT_EXO,
      L(
        'Exchange 管理センター > [受信者] > [メールボックス] で {mailbox} を開き、[委任] > [読み取りと管理 (フル アクセス)] にサインインしたユーザーを追加するか、下のコマンドを実行します。',
        'In the Exchange admin center > Recipients > Mailboxes, open {mailbox} and add the signed-in user under Delegation > Read and manage (Full Access), or run the command below.',
      ),
      L(
        '共有メールボックスでない場合は、{mailbox} 自身でサインインしてトークンを取得し直します。',
        'If {mailbox} is not a shared mailbox, sign in as {mailbox} itself and issue the token again.',
      ),
    ],
    command:
      'Add-MailboxPermission -Identity {mailbox} -User <signed-in user> -AccessRights FullAccess -AutoMapping $false',
    docsUrl: RFC.imapCodes,
  },
  {
    id: 'imap-expired',
    kind: 'mail',
    reply: {
      protocol: 'imap',
      responseCode: 'EXPIRED',
      phrases: [],
      example: "A01 NO [EXPIRED] That password isn't valid any more",
    },
    title: L(
      'アクセス トークンの有効期限が切れています ([EXPIRED])',
      'The access token has expired ([EXPIRED])',
    ),
    why: L(
      'RFC 5530 の EXPIRED は、この資格情報ではもうアクセスできず、新しいものが必要なことを示します。XOAUTH2 では、有効期間 (約 1 時間) を過ぎたアクセス トークンが送られました。送信プログラムがリフレッシュ トークンから新しいアクセス トークンを取得せずに古いものを使い回したか、PC の時計がずれています。',
      'RFC 5530’s EXPIRED means access is no longer permitted with this credential and a new one is needed. With XOAUTH2 an access token past its lifetime (about an hour) was sent: the sending program reused an old one instead of getting a new one from the refresh token, or the PC’s clock is off.',
    ),
    steps: [
      L(
        '送信プログラムが、ログインのたびにリフレッシュ トークンから新しいアクセス トークンを取得する設定になっているか確認します。',
        'Check that the sending program gets a new access token from the refresh token for every login.',
      ),
      L(
        'Windows の [設定] > [時刻と言語] > [日付と時刻] で [時刻を自動的に設定する] をオンにし、[今すぐ同期] をクリックします。',
        'In Windows Settings > Time & language > Date & time, turn on “Set time automatically” and click Sync now.',
      ),
      L(
        'リフレッシュ トークン自体が使えない場合は、このツールで取得し直します。',
        'If the refresh token itself no longer works, issue it again with this tool.',
      ),
    ],
    command: 'w32tm /resync',
    docsUrl: RFC.imapCodes,
  },
  {
    id: 'imap-unavailable',
    kind: 'mail',
    reply: {
      protocol: 'imap',
      responseCode: 'UNAVAILABLE',
      phrases: [],
      example: "A01 NO [UNAVAILABLE] User's backend down for maintenance",
    },
    title: L(
      'IMAP サーバー側で一時的な障害が起きています ([UNAVAILABLE])',
      'The IMAP server has a temporary failure ([UNAVAILABLE])',
    ),
    why: L(
      'RFC 5530 の UNAVAILABLE は、サーバーが使う内部のシステム (認証に使うディレクトリなど) が停止しているための一時的な失敗を示します。トークンや設定の問題ではありません。',
      'RFC 5530’s UNAVAILABLE means a temporary failure because a subsystem the server relies on (such as the directory it authenticates against) is down. Neither the token nor a setting is the cause.',
    ),
    steps: [RETRY_LATER, SERVICE_HEALTH],
    docsUrl: RFC.serviceHealth,
    retryable: true,
  },
  {
    id: 'imap-privacyrequired',
    kind: 'mail',
    reply: {
      protocol: 'imap',
      responseCode: 'PRIVACYREQUIRED',
      phrases: [],
      example: 'A01 NO [PRIVACYREQUIRED] Connection offers no privacy',
    },
    title: L(
      '暗号化されていない接続ではログインできません ([PRIVACYREQUIRED])',
      'Login is refused on an unencrypted connection ([PRIVACYREQUIRED])',
    ),
    why: L(
      'RFC 5530 の PRIVACYREQUIRED は、通信が暗号化 (TLS) されていないため操作を許可しないことを示します。トークンを平文で送ることになるため、サーバーが拒否しました。',
      'RFC 5530’s PRIVACYREQUIRED means the operation is not permitted because the connection is not encrypted (TLS): the token would travel in clear text, so the server refused.',
    ),
    steps: [
      L(
        '送信プログラムの IMAP 設定を、ポート 993 の SSL/TLS (または 143 で STARTTLS) にします。',
        'Set the sending program’s IMAP connection to SSL/TLS on port 993 (or STARTTLS on 143).',
      ),
      L(
        'TLS を中継・解除するセキュリティ製品やプロキシがないか、ネットワーク管理者に確認します。',
        'Ask your network admin whether a security product or proxy terminates or strips TLS.',
      ),
    ],
    docsUrl: RFC.imapCodes,
  },
  {
    id: 'imap-contactadmin',
    kind: 'mail',
    reply: {
      protocol: 'imap',
      responseCode: 'CONTACTADMIN',
      phrases: [],
      example: 'A01 NO [CONTACTADMIN] Account disabled, contact your administrator',
    },
    title: L(
      'メール サーバーが管理者への問い合わせを求めています ([CONTACTADMIN])',
      'The mail server says to contact the administrator ([CONTACTADMIN])',
    ),
    why: L(
      'RFC 5530 の CONTACTADMIN は、利用者がシステム管理者に問い合わせるべきことを示します。トークンでのログインでは、管理者がアカウントやメールボックスをブロック・無効化している (サインインのブロック、メールボックスの無効化、ポリシーによる IMAP の禁止) ことがほとんどです。サーバーの応答: {reply}',
      'RFC 5530’s CONTACTADMIN means the user should contact the system administrator. For a token login it is almost always an account or mailbox an admin blocked or disabled (sign-in blocked, mailbox disabled, IMAP forbidden by policy). The server said: {reply}',
    ),
    steps: [
      L(
        'Microsoft Entra 管理センターの [ユーザー] > [すべてのユーザー] で {mailbox} を開き、[プロパティの編集] > [設定] で [アカウントが有効] がオンか確認します。',
        'In the Microsoft Entra admin center, open Users > All users > {mailbox} and check under Edit properties > Settings that “Account enabled” is on.',
      ),
      ENABLE_IMAP,
      L(
        '解決しない場合は、上のサーバーの応答を添えてメール サービスの管理者またはサポートに問い合わせます。',
        'If that does not solve it, contact the mail service’s administrator or support with the server reply above.',
      ),
    ],
    command: 'Set-CASMailbox -Identity {mailbox} -ImapEnabled $true',
    docsUrl: RFC.imapCodes,
  },
  {
    id: 'imap-limit',
    kind: 'mail',
    reply: {
      protocol: 'imap',
      responseCode: 'LIMIT',
      phrases: [],
      example: 'A01 NO [LIMIT] Too many simultaneous connections',
    },
    title: L('サーバーの上限に達しました ([LIMIT])', 'A server limit was reached ([LIMIT])'),
    why: L(
      'RFC 5530 の LIMIT は、操作がサーバーの実装上の上限に達したことを示します。ログイン時は、このメールボックスへの同時接続数の上限であることがほとんどです。サーバーの応答: {reply}',
      'RFC 5530’s LIMIT means the operation ran into an implementation limit of the server. At login it is almost always the limit on simultaneous connections to this mailbox. The server said: {reply}',
    ),
    steps: [OTHER_SESSIONS, RETRY_LATER],
    docsUrl: RFC.imapCodes,
    retryable: true,
  },
  {
    id: 'imap-response-code',
    kind: 'mail',
    generic: true,
    title: L(
      'IMAP サーバーが応答コード [{responseCode}] で拒否しました',
      'The IMAP server refused with response code [{responseCode}]',
    ),
    why: L(
      'このツールは応答コード {responseCode} の詳しい説明をまだ持っていません。意味は IANA の「IMAP Response Codes」一覧 (RFC 5530 など) で確認できます。サーバーの応答: {reply}',
      'This tool has no detailed explanation of the response code {responseCode} yet; the IANA “IMAP Response Codes” registry (RFC 5530 and others) says what it means. The server said: {reply}',
    ),
    steps: [
      L(
        'IANA の一覧 (下のリンク) で {responseCode} を探します。',
        'Look up {responseCode} in the IANA registry (link below).',
      ),
      SAME_ACCOUNT,
      REISSUE,
    ],
    docsUrl: RFC.imapRegistry,
  },
] as const satisfies readonly CatalogueEntry[];

/** Entries for POP response codes (RFC 2449, RFC 3206). */
export const POP_CODE_ENTRIES = [
  {
    id: 'pop-auth',
    kind: 'mail',
    reply: {
      protocol: 'pop',
      responseCode: 'AUTH',
      phrases: [],
      example: '-ERR [AUTH] Authentication failed.',
    },
    title: L(
      'POP サーバーがトークンでのログインを拒否しました ([AUTH])',
      'The POP server refused the login with the token ([AUTH])',
    ),
    why: {
      ja: `RFC 3206 の AUTH は、失敗の原因が資格情報にあり、一時的な問題ではないことを示します。同じ資格情報で再試行しても成功しません。${FRESH_TOKEN_CAUSES.ja}`,
      en: `RFC 3206’s AUTH means the failure is about the credentials, not a passing problem: retrying the same ones will not help. ${FRESH_TOKEN_CAUSES.en}`,
    },
    steps: [SAME_ACCOUNT, ENABLE_POP, REISSUE_WITH_PROTOCOL, SHARED_MAILBOX],
    command: 'Set-CASMailbox -Identity {mailbox} -PopEnabled $true',
    docsUrl: RFC.popCodes,
  },
  {
    id: 'pop-sys-temp',
    kind: 'mail',
    reply: {
      protocol: 'pop',
      responseCode: 'SYS/TEMP',
      phrases: [],
      example: '-ERR [SYS/TEMP] Temporary system problem, try again later',
    },
    title: L(
      'POP サーバー側で一時的な障害が起きています ([SYS/TEMP])',
      'The POP server has a temporary problem ([SYS/TEMP])',
    ),
    why: L(
      'RFC 3206 の SYS/TEMP は、利用者の資格情報ではなくサーバー側の一時的な問題で失敗したことを示し、後で再試行すると成功する可能性があります。',
      'RFC 3206’s SYS/TEMP means a temporary problem on the server side, not the user’s credentials; trying again later may succeed.',
    ),
    steps: [RETRY_LATER, SERVICE_HEALTH],
    docsUrl: RFC.popCodes,
    retryable: true,
  },
  {
    id: 'pop-sys-perm',
    kind: 'mail',
    reply: {
      protocol: 'pop',
      responseCode: 'SYS/PERM',
      phrases: [],
      example: '-ERR [SYS/PERM] Mailbox not available',
    },
    title: L(
      'POP サーバー側の恒久的な問題でログインできません ([SYS/PERM])',
      'A permanent problem on the POP server prevents the login ([SYS/PERM])',
    ),
    why: L(
      'RFC 3206 の SYS/PERM は、資格情報ではなくサーバー側の問題で、再試行しても解決しにくいことを示します。アカウントで POP が有効になっていない、メールボックスが用意されていない、などが多い原因です。サーバーの応答: {reply}',
      'RFC 3206’s SYS/PERM means a problem on the server side, not the credentials, that retrying is unlikely to fix. POP not enabled for the account, or no mailbox provisioned, are the usual causes. The server said: {reply}',
    ),
    steps: [
      ENABLE_POP,
      L(
        '解決しない場合は、上のサーバーの応答を添えてメール サービスの管理者またはサポートに問い合わせます。',
        'If that does not solve it, contact the mail service’s administrator or support with the server reply above.',
      ),
    ],
    command: 'Set-CASMailbox -Identity {mailbox} -PopEnabled $true',
    docsUrl: RFC.popCodes,
  },
  {
    id: 'pop-in-use',
    kind: 'mail',
    reply: {
      protocol: 'pop',
      responseCode: 'IN-USE',
      phrases: [],
      example: '-ERR [IN-USE] Mailbox is locked by another POP3 session',
    },
    title: L(
      'メールボックスは別の POP セッションが使用中です ([IN-USE])',
      'Another POP session holds the mailbox ([IN-USE])',
    ),
    why: L(
      'RFC 2449 の IN-USE は、メールボックスの排他ロックを取得できなかったこと、おそらく別の POP3 セッションが実行中であることを示します。トークンは問題ではありません。',
      'RFC 2449’s IN-USE means the server could not get an exclusive lock on the mailbox, probably because another POP3 session is in progress. The token is not the problem.',
    ),
    steps: [OTHER_SESSIONS, RETRY_LATER],
    docsUrl: RFC.popRespCodes,
    retryable: true,
  },
  {
    id: 'pop-login-delay',
    kind: 'mail',
    reply: {
      protocol: 'pop',
      responseCode: 'LOGIN-DELAY',
      phrases: [],
      example: '-ERR [LOGIN-DELAY] Minimum time between logins not yet reached',
    },
    title: L('ログインの間隔が短すぎます ([LOGIN-DELAY])', 'Logged in again too soon ([LOGIN-DELAY])'),
    why: L(
      'RFC 2449 の LOGIN-DELAY は、前回の認証から十分な時間が経っていないことを示します。サーバーはログインの最短間隔を決めています (CAPA の LOGIN-DELAY で確認できます)。',
      'RFC 2449’s LOGIN-DELAY means not enough time has passed since the last login: the server enforces a minimum interval (its CAPA LOGIN-DELAY line says how long).',
    ),
    steps: [
      L(
        '送信・受信プログラムがメールボックスを確認する間隔を長くします。',
        'Make the program that polls this mailbox do so less often.',
      ),
      RETRY_LATER,
    ],
    docsUrl: RFC.popRespCodes,
    retryable: true,
  },
  {
    id: 'pop-response-code',
    kind: 'mail',
    generic: true,
    title: L(
      'POP サーバーが応答コード [{responseCode}] で拒否しました',
      'The POP server refused with response code [{responseCode}]',
    ),
    why: L(
      'このツールは応答コード {responseCode} の詳しい説明をまだ持っていません。POP の応答コードは RFC 2449 と RFC 3206 が定め、IANA の「POP3 Extended Response Codes」一覧に登録されています。サーバーの応答: {reply}',
      'This tool has no detailed explanation of the response code {responseCode} yet. POP response codes are defined by RFC 2449 and RFC 3206 and registered in IANA’s “POP3 Extended Response Codes”. The server said: {reply}',
    ),
    steps: [
      L(
        '{responseCode} の意味を RFC 2449 / RFC 3206 (下のリンク) で確認します。',
        'Look up {responseCode} in RFC 2449 / RFC 3206 (link below).',
      ),
      SAME_ACCOUNT,
      REISSUE,
    ],
    docsUrl: RFC.popRespCodes,
  },
] as const satisfies readonly CatalogueEntry[];

/** Entries for SMTP enhanced status codes (RFC 3463, RFC 4954, IANA; Exchange's own details marked so). */
export const SMTP_CODE_ENTRIES = [
  {
    id: 'smtp-535-5.7.8-credentials-invalid',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.8',
      phrases: [],
      example: '535 5.7.8 Authentication credentials invalid',
    },
    title: L(
      'SMTP サーバーが認証情報を受け付けませんでした (5.7.8)',
      'The SMTP server did not accept the credentials (5.7.8)',
    ),
    why: {
      ja: `5.7.8 は「認証情報が正しくありません」(RFC 4954) を意味します。${FRESH_TOKEN_CAUSES.ja}`,
      en: `5.7.8 means “Authentication credentials invalid” (RFC 4954). ${FRESH_TOKEN_CAUSES.en}`,
    },
    steps: [
      SAME_ACCOUNT,
      L(
        '送信プログラムにスコープの設定がある場合は、完全なスコープ (Microsoft は https://outlook.office.com/SMTP.Send、Google は https://mail.google.com/) にします。',
        'If the sending program has a scope setting, make it the fully qualified scope (Microsoft: https://outlook.office.com/SMTP.Send; Google: https://mail.google.com/).',
      ),
      REISSUE,
    ],
    docsUrl: RFC.smtpRegistry,
  },
  {
    id: 'smtp-5.7.0-security',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.0',
      phrases: [],
      example: '530 5.7.0 Must issue a STARTTLS command first.',
    },
    title: L('セキュリティ上の理由で拒否されました (5.7.0)', 'Refused for a security reason (5.7.0)'),
    why: L(
      '5.7.0 は「その他のセキュリティの状態」(RFC 3463) で、理由はサーバーの文言だけが示します: {reply}。STARTTLS を使っていない、認証方式が許可されていない、などがよくある原因です。',
      '5.7.0 is “Other or undefined security status” (RFC 3463): only the server’s wording says why: {reply}. Common causes are a connection without STARTTLS or an authentication method the server does not allow.',
    ),
    steps: [
      L(
        '送信プログラムでポート 587 と STARTTLS をオンにし、SMTP 認証を XOAUTH2 にします。',
        'In the sending program use port 587 with STARTTLS on, and XOAUTH2 as SMTP authentication.',
      ),
      SAME_ACCOUNT,
    ],
    docsUrl: RFC.smtpRegistry,
  },
  {
    id: 'smtp-5.7.1-not-authorized',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.1',
      phrases: [],
      example: '550 5.7.1 Client does not have permissions to send as this sender',
    },
    title: L(
      '送信が許可されず、メッセージが拒否されました (5.7.1)',
      'Delivery was not authorized and the message refused (5.7.1)',
    ),
    why: L(
      '5.7.1 は「配送が許可されず、メッセージが拒否された」(RFC 3463) を意味します。ログインしたメールボックス {mailbox} には、この差出人や宛先でこのメールを送ることが許されていません: 差出人アドレスが違う (Send As の権限がない)、ログインせずに外部へ中継しようとした、または組織のポリシー (メール フロー ルール) が拒否した、のいずれかです。サーバーの応答: {reply}',
      '5.7.1 means “Delivery not authorized, message refused” (RFC 3463). The mailbox that logged in, {mailbox}, may not send this mail with this sender or to these recipients: the From address differs (no Send As permission), the program tried to relay without logging in, or an organization policy (mail flow rule) refused it. The server said: {reply}',
    ),
    steps: [
      L(
        '送信プログラムの差出人 (From) を {mailbox} にするか、そのアドレスの [送信者として送信] 権限を {mailbox} に付与します。',
        'Make the sending program’s From address {mailbox}, or grant {mailbox} Send As on that address.',
      ),
      L(
        '送信プログラムが、MAIL FROM の前に XOAUTH2 でログインしているか確認します。',
        'Check that the sending program logs in with XOAUTH2 before MAIL FROM.',
      ),
      L(
        'Exchange 管理センター > [メール フロー] > [ルール] で、このメールを拒否するルールがないか確認します。',
        'Check in the Exchange admin center > Mail flow > Rules that no rule rejects this mail.',
      ),
    ],
    docsUrl: DOCS.sendAs,
  },
  {
    id: 'smtp-4.7.0-temporary',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '4.7.0',
      phrases: [],
      example: '454 4.7.0 Temporary authentication failure',
    },
    title: L(
      '一時的な認証またはセキュリティの問題です (4.7.0)',
      'A temporary authentication or security problem (4.7.0)',
    ),
    why: L(
      '4.7.0 は一時的なセキュリティの状態で、454 と組み合わさると「一時的な認証の失敗」(RFC 4954) を意味します。サーバーが今は資格情報を確認できなかったため、トークンの問題とは限りません。サーバーの応答: {reply}',
      '4.7.0 is a temporary security status; with 454 it means “Temporary authentication failure” (RFC 4954): the server could not check the credentials just now, so the token is not necessarily at fault. The server said: {reply}',
    ),
    steps: [RETRY_LATER, SERVICE_HEALTH],
    docsUrl: RFC.smtpRegistry,
    retryable: true,
  },
  {
    id: 'smtp-5.5.127-token-expires-soon',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.5.127',
      phrases: [],
      // Exchange High Volume Email's wording as FACTS.md records it; not found in a public capture yet.
      example: '535 5.5.127 Token will expire soon',
    },
    title: L(
      'アクセス トークンの残り時間が短すぎます (5.5.127)',
      'The access token expires too soon (5.5.127)',
    ),
    why: L(
      'Exchange Online の大量メール送信 (High Volume Email) は、有効期限が近いアクセス トークンを「Token will expire soon」として受け付けません。送信プログラムが、1 時間ほどの有効期間の終わり近くまでアクセス トークンを使い回しています。5.5.127 は Exchange 独自の詳細コードで、IANA の一覧にはありません。',
      'Exchange Online’s High Volume Email refuses an access token close to its expiry (“Token will expire soon”): the sending program kept using an access token until near the end of its hour. 5.5.127 is Exchange’s own detail, not in the IANA registry.',
    ),
    steps: [
      L(
        '送信プログラムが、送信のたびに (または期限の数分前に) リフレッシュ トークンから新しいアクセス トークンを取得するよう設定します。',
        'Make the sending program get a new access token from the refresh token for every submission (or a few minutes before expiry).',
      ),
      L(
        'PC の時計が正しいか確認します (w32tm /resync)。時計が遅れていると、期限の近いトークンを使い続けます。',
        'Check the PC’s clock (w32tm /resync): a clock that runs late keeps using tokens close to expiry.',
      ),
      RETRY_LATER,
    ],
    docsUrl: DOCS.oauthMail,
    retryable: true,
  },
  {
    id: 'smtp-550-5.7.30-basic-auth-not-supported',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '5.7.30',
      phrases: ['Basic authentication'],
      example: '550 5.7.30 Basic authentication is not supported for Client Submission.',
    },
    title: L(
      'パスワードによる送信 (Basic 認証) はサポートされていません (550 5.7.30)',
      'Sending with a password (basic authentication) is not supported (550 5.7.30)',
    ),
    why: L(
      'Exchange Online は、クライアントからの送信で Basic 認証 (AUTH LOGIN / PLAIN とパスワード) を受け付けません。OAuth の XOAUTH2 で認証する必要があります。なお IANA の一覧では 5.7.30 は「REQUIRETLS への対応が必要」(RFC 8689) で、この文言は Exchange 独自の使い方です。',
      'Exchange Online does not accept basic authentication (AUTH LOGIN / PLAIN with a password) for client submission: the program must authenticate with OAuth’s XOAUTH2. (In the IANA registry 5.7.30 is “REQUIRETLS support required”, RFC 8689; this wording is Exchange’s own use of it.)',
    ),
    steps: [
      USE_XOAUTH2,
      L(
        '送信プログラムが XOAUTH2 に対応していない場合は、対応版への更新か、別の送信方法への切り替えが必要です。',
        'If the program cannot do XOAUTH2, it needs an update or another way of sending mail.',
      ),
    ],
    docsUrl: DOCS.smtpAuth,
  },
  {
    id: 'smtp-421-4.3.2-not-accepting',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '4.3.2',
      phrases: [],
      example: '421 4.3.2 Service not available, closing transmission channel',
    },
    title: L(
      'サーバーが一時的にメッセージを受け付けていません (4.3.2)',
      'The server is not accepting messages for now (4.3.2)',
    ),
    why: L(
      '4.3.2 は「システムがネットワークからのメッセージを受け付けていない」(RFC 3463) を意味します。サーバーの保守、停止、過負荷による一時的な状態で、トークンの問題ではありません。',
      '4.3.2 means “System not accepting network messages” (RFC 3463): the server is in maintenance, shutting down or overloaded for now. The token is not the problem.',
    ),
    steps: [RETRY_LATER, SERVICE_HEALTH],
    docsUrl: RFC.smtpRegistry,
    retryable: true,
  },
  {
    id: 'smtp-4.7.500-699-throttled',
    kind: 'mail',
    reply: {
      protocol: 'smtp',
      status: '4.7.500-699',
      phrases: [],
      example: '451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)',
    },
    title: L(
      'サーバーが一時的に受け付けを制限しています (4.7.500〜4.7.699)',
      'The server is throttling for now (4.7.500 to 4.7.699)',
    ),
    why: L(
      '4.7.500〜4.7.699 は Exchange Online 独自の一時的な制限 (スロットリングや受け付けの延期) の詳細コードで、IANA の一覧にはありません。短時間に接続やメッセージが多すぎるなど、送信元の量が理由です。トークンは問題ではありません。サーバーの応答: {reply}',
      '4.7.500 to 4.7.699 are Exchange Online’s own details for temporary limits (throttling, deferral), not in the IANA registry: too many connections or messages from this sender in a short time. The token is not the problem. The server said: {reply}',
    ),
    steps: [
      RETRY_LATER,
      L(
        '送信プログラムの送信を分散し (まとめて大量に送らない)、同時接続数を減らします。',
        'Spread the sending program’s mail out over time and open fewer connections at once.',
      ),
      SERVICE_HEALTH,
    ],
    docsUrl: DOCS.smtpAuth,
    retryable: true,
  },
  {
    id: 'smtp-enhanced-status',
    kind: 'mail',
    generic: true,
    title: L(
      'SMTP サーバーが {status} で応答しました ({statusClass})',
      'The SMTP server answered {status} ({statusClass})',
    ),
    why: L(
      '拡張ステータス コード {status} の意味 (RFC 3463 と IANA の一覧): 分類は「{statusClass}」、主題は「{statusSubject}」、詳細は「{statusDetail}」です。サーバーの応答: {reply}',
      'What the enhanced status code {status} means (RFC 3463 and the IANA registry): class “{statusClass}”, subject “{statusSubject}”, detail “{statusDetail}”. The server said: {reply}',
    ),
    steps: [
      L('対処: {classAdvice}', 'What to do: {classAdvice}'),
      L(
        '送信プログラムの認証方式が XOAUTH2 で、user= がトークンを取得したアカウント {mailbox} と同じか確認します。',
        'Check that the sending program authenticates with XOAUTH2 and that user= is the account the token was issued for: {mailbox}.',
      ),
      L(
        'コード {status} とサーバーの文言で、メール サービスのドキュメントを検索します。',
        'Search the mail service’s documentation for {status} and the server’s wording.',
      ),
    ],
    docsUrl: RFC.smtpRegistry,
  },
] as const satisfies readonly CatalogueEntry[];

/** What the decoded challenge showed, shared by the challenge entries. */
const CHALLENGE_SAID = L(
  'サーバーは XOAUTH2 のエラー チャレンジ (status {xoauth2Status}、schemes {xoauth2Schemes}、scope {xoauth2Scope}) を返し、最後に次の応答で拒否しました: {reply}',
  'The server sent an XOAUTH2 error challenge (status {xoauth2Status}, schemes {xoauth2Schemes}, scope {xoauth2Scope}) and then refused with: {reply}',
);

/** Entries for the XOAUTH2 error challenge, by its HTTP-like status (Google's XOAUTH2 protocol, "Error response"). */
export const XOAUTH2_CHALLENGE_ENTRIES = [
  {
    id: 'xoauth2-challenge-400',
    kind: 'mail',
    title: L(
      '{protocol} サーバーがトークンを受け付けませんでした (XOAUTH2 status 400)',
      'The {protocol} server did not accept the token (XOAUTH2 status 400)',
    ),
    why: {
      ja: `${CHALLENGE_SAID.ja}。status 400 は、サーバーがこの資格情報を受け付けなかったことを示します。トークンが user= ({mailbox}) と別のアカウントのもの、期限切れか取り消されたもの、または scope に示された {xoauth2Scope} のアクセス許可がない、のいずれかです。`,
      en: `${CHALLENGE_SAID.en}. Status 400 means the server did not accept these credentials: the token belongs to another account than user= ({mailbox}), has expired or been revoked, or lacks the permission the scope names, {xoauth2Scope}.`,
    },
    steps: [
      SAME_ACCOUNT,
      L(
        'トークンのスコープに {xoauth2Scope} が含まれているか確認し、含まれていなければそのスコープでこのツールからトークンを取得し直します。',
        'Check that the token’s scopes include {xoauth2Scope}; if not, issue the token again with this tool for that scope.',
      ),
      REISSUE,
    ],
    docsUrl: RFC.xoauth2,
  },
  {
    id: 'xoauth2-challenge-401',
    kind: 'mail',
    title: L(
      '{protocol} サーバーがトークンを無効と判断しました (XOAUTH2 status 401)',
      'The {protocol} server found the token not valid (XOAUTH2 status 401)',
    ),
    why: {
      ja: `${CHALLENGE_SAID.ja}。status 401 (Unauthorized) は、トークンが有効なものとして認められなかったことを示します。期限切れ、取り消し、または別のサービス向けのトークンです。`,
      en: `${CHALLENGE_SAID.en}. Status 401 (Unauthorized) means the token was not recognised as valid: it expired, was revoked, or was issued for another service.`,
    },
    steps: [
      L(
        'もう一度確認します。確認のたびにリフレッシュ トークンから新しいアクセス トークンを取得するため、期限切れならこれで解決します。',
        'Check again: every check gets a new access token from the refresh token, which solves an expired one.',
      ),
      L(
        'PC の時計が正しいか確認します (w32tm /resync)。',
        'Check that the PC’s clock is right (w32tm /resync).',
      ),
      REISSUE,
    ],
    docsUrl: RFC.xoauth2,
    retryable: true,
  },
  {
    id: 'xoauth2-challenge-403',
    kind: 'mail',
    title: L(
      '{protocol} サーバーがこのアクセスを禁止しました (XOAUTH2 status 403)',
      'The {protocol} server forbade this access (XOAUTH2 status 403)',
    ),
    why: {
      ja: `${CHALLENGE_SAID.ja}。status 403 (Forbidden) は、トークン自体は有効でも、このアクセスが許可されていないことを示します。トークンに {xoauth2Scope} のアクセス許可がないか、管理者がこのアカウントでのプロトコルの利用を禁止しています。`,
      en: `${CHALLENGE_SAID.en}. Status 403 (Forbidden) means the token is valid but this access is not allowed: the token lacks the permission {xoauth2Scope}, or an admin forbade this protocol for the account.`,
    },
    steps: [
      L(
        'アプリの登録 (Google Cloud コンソールの OAuth 同意画面、または Entra のアプリの [API のアクセス許可]) に {xoauth2Scope} があるか確認し、トークンを取得し直します。',
        'Check that the app registration has {xoauth2Scope} (the OAuth consent screen in the Google Cloud console, or API permissions of the Entra app), and issue the token again.',
      ),
      L(
        '管理者がこのアカウントで IMAP / POP / SMTP を禁止していないか確認します (Google Workspace 管理コンソール、Exchange 管理センター)。',
        'Check that an admin has not forbidden IMAP / POP / SMTP for this account (Google Workspace Admin console, Exchange admin center).',
      ),
    ],
    docsUrl: RFC.xoauth2,
  },
  {
    id: 'xoauth2-challenge',
    kind: 'mail',
    title: L(
      '{protocol} サーバーがトークンを拒否しました (XOAUTH2 status {xoauth2Status})',
      'The {protocol} server refused the token (XOAUTH2 status {xoauth2Status})',
    ),
    why: {
      ja: `${CHALLENGE_SAID.ja}。status は HTTP のステータス コードと同じ意味で使われます。`,
      en: `${CHALLENGE_SAID.en}. The status has the meaning of the HTTP status code of the same number.`,
    },
    steps: [SAME_ACCOUNT, REISSUE],
    docsUrl: RFC.xoauth2,
  },
] as const satisfies readonly CatalogueEntry[];
