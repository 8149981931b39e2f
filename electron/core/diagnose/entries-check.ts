/**
 * Catalogue entries for what the token check finds that no server reply names: what the access token's claims
 * say (audience, scopes, user, tenant, expiry) and how the connection to a mail server failed (TLS, timeout,
 * refused, closed). Data only; `explainCheck` in check-explain.ts renders them.
 */
import type { CatalogueEntry } from './types.js';
import { DOCS, L, REISSUE, SHARED_MAILBOX, WAIT_PROPAGATION } from './fragments.js';

/** Re-issuing with the fully qualified mail scopes, the fix for every wrong-token finding. */
const REISSUE_FULL_SCOPES = L(
  'このツールでリフレッシュ トークンを取得し直します。このツールは常に https://outlook.office.com/ で始まる完全なスコープ (例: https://outlook.office.com/SMTP.Send) を要求します。',
  'Issue the refresh token again with this tool: it always requests fully qualified scopes starting with https://outlook.office.com/ (e.g. https://outlook.office.com/SMTP.Send).',
);

/** Firewalls and networks that block mail ports, shared by timeout and refused. */
const MAIL_PORTS_OPEN = L(
  'この PC (またはファイアウォール、UTM、ウイルス対策ソフト) が {host} の TCP ポート {port} への外向き通信を許可しているか、ネットワーク管理者に確認します。SMTP は 587、IMAP は 993、POP は 995 です。メールは HTTPS ではないため、HTTPS_PROXY などの Web プロキシ設定は使われません。',
  'Check with your network admin that this PC (and any firewall, UTM or antivirus) allows outbound TCP to {host} port {port}. SMTP uses 587, IMAP 993, POP 995. Mail is not HTTPS, so web proxy settings such as HTTPS_PROXY do not apply.',
);

/** The PowerShell connectivity test for a mail host. */
const TEST_NET_CONNECTION = 'Test-NetConnection {host} -Port {port}';

/** Entries for findings of the token check. */
export const CHECK_ENTRIES = [
  {
    id: 'token-audience-graph',
    kind: 'mail',
    title: L(
      'アクセス トークンがメール サーバー用ではなく Microsoft Graph 用です',
      'The access token is for Microsoft Graph, not for the mail servers',
    ),
    why: L(
      'トークンの対象 (aud) が {audience} (Microsoft Graph) です。Exchange Online は https://outlook.office.com 向けのトークンしか受け付けず、Graph 向けのトークンは 535 5.7.3 や NO AUTHENTICATE failed. で拒否されます。スコープをリソース接頭辞なしで (https://outlook.office.com/SMTP.Send ではなく SMTP.Send と) 要求すると、こうなります。',
      'The token’s audience (aud) is {audience}, Microsoft Graph. Exchange Online accepts only tokens for https://outlook.office.com and refuses Graph tokens with 535 5.7.3 or NO AUTHENTICATE failed. This happens when a scope is requested without its resource prefix (SMTP.Send instead of https://outlook.office.com/SMTP.Send).',
    ),
    steps: [
      L(
        '送信プログラムにスコープの設定がある場合は、https://outlook.office.com/SMTP.Send (IMAP は https://outlook.office.com/IMAP.AccessAsUser.All、POP は https://outlook.office.com/POP.AccessAsUser.All) と offline_access にします。',
        'If the sending program has a scope setting, set it to https://outlook.office.com/SMTP.Send (IMAP: https://outlook.office.com/IMAP.AccessAsUser.All, POP: https://outlook.office.com/POP.AccessAsUser.All) plus offline_access.',
      ),
      L(
        'アプリの [API のアクセス許可] で SMTP.Send などが「Microsoft Graph」の下に表示されるのは正常です。要求するときに完全なスコープが必要なだけです。',
        'That the app’s API permissions list SMTP.Send and the others under “Microsoft Graph” is normal: only the request must use the fully qualified scope.',
      ),
      REISSUE_FULL_SCOPES,
    ],
    docsUrl: DOCS.oauthMail,
  },
  {
    id: 'token-audience-other',
    kind: 'mail',
    title: L(
      'アクセス トークンの対象 (aud) がこのメール サーバーと一致しません',
      'The access token’s audience does not match this mail service',
    ),
    why: L(
      'トークンの対象は {audience} ですが、このクラウドのメール サーバーは {expected} 向けのトークンを必要とします。クラウド (global、usgov、china など) の選択が、メールボックスのあるクラウドと違う可能性があります。',
      'The token’s audience is {audience}, but this cloud’s mail servers need a token for {expected}. The cloud chosen (global, usgov, china…) may not be the one the mailbox lives in.',
    ),
    steps: [
      L(
        'メールボックスのあるクラウドを確認します (GCC High / DoD は usgov / usgov-dod、21Vianet は china、それ以外は global)。',
        'Check which cloud the mailbox lives in (GCC High / DoD: usgov / usgov-dod; 21Vianet: china; everything else: global).',
      ),
      REISSUE_FULL_SCOPES,
    ],
    docsUrl: DOCS.nationalClouds,
  },
  {
    id: 'token-scope-missing',
    kind: 'mail',
    title: L('アクセス トークンに {scope} が含まれていません', 'The access token does not include {scope}'),
    why: L(
      'トークンに付与されたアクセス許可 (scp) は {granted} です。{protocol} でログインするには {scope} が必要で、ないとサーバーはログインを拒否します。アプリの登録にこのアクセス許可がないか、同意されていないか、別のプロトコル用に取得したトークンです。',
      'The permissions granted in the token (scp) are: {granted}. Logging in with {protocol} needs {scope}; without it the server refuses the login. The app registration lacks this permission, it was not consented, or the token was obtained for another protocol.',
    ),
    steps: [
      L(
        'アプリの [API のアクセス許可] > [+ アクセス許可の追加] > [Microsoft Graph] > [委任されたアクセス許可] で、必要なアクセス許可 (SMTP.Send、IMAP.AccessAsUser.All、POP.AccessAsUser.All) と offline_access を追加します。',
        'In the app’s API permissions, choose + Add a permission > Microsoft Graph > Delegated permissions and add the permissions needed (SMTP.Send, IMAP.AccessAsUser.All, POP.AccessAsUser.All) and offline_access.',
      ),
      L(
        '組織で必要な場合は [(組織名) に管理者の同意を与えます] をクリックします。',
        'If your organization requires it, click “Grant admin consent for (your organization)”.',
      ),
      L(
        'このツールで、使うプロトコルをすべて選んでリフレッシュ トークンを取得し直します。',
        'Issue the refresh token again with this tool, with every protocol you use selected.',
      ),
    ],
    docsUrl: DOCS.oauthMail,
  },
  {
    id: 'token-other-user',
    kind: 'mail',
    title: L(
      '{signedInAs} のトークンで {mailbox} にログインします (共有メールボックスまたは代理人)',
      'The token of {signedInAs} logs in to {mailbox} (a shared mailbox or a delegate)',
    ),
    why: L(
      'トークンはサインインした {signedInAs} のもので、INI の UserID は {mailbox} です。共有メールボックスや代理人として使う場合はこれで正しく、XOAUTH2 の user= には {mailbox} が入ります。ただし {signedInAs} に {mailbox} の権限が必要です: IMAP/POP/SMTP でのログインにはフル アクセス、{mailbox} として送信するには「送信者として送信 (Send As)」。',
      'The token belongs to {signedInAs}, who signed in; UserID in the INI is {mailbox}. For a shared mailbox or a delegate that is right, and XOAUTH2’s user= carries {mailbox}. But {signedInAs} needs rights on {mailbox}: Full Access to log in with IMAP/POP/SMTP, and Send As to send as {mailbox}.',
    ),
    steps: [
      L(
        'Exchange 管理センター > [受信者] > [メールボックス] で {mailbox} を開き、[委任] の [フル アクセス] と [送信者として送信] に {signedInAs} を追加します。または下のコマンドを実行します (Exchange Online PowerShell)。',
        'In the Exchange admin center > Recipients > Mailboxes, open {mailbox} and add {signedInAs} under Delegation > Read and manage (Full Access) and Send as, or run the commands below (Exchange Online PowerShell).',
      ),
      L(
        '共有メールボックスでない場合は、{mailbox} としてサインインし直してトークンを取得します。',
        'If {mailbox} is not a shared mailbox, sign in as {mailbox} itself and issue the token again.',
      ),
      SHARED_MAILBOX,
      WAIT_PROPAGATION,
    ],
    command:
      'Add-MailboxPermission -Identity {mailbox} -User {signedInAs} -AccessRights FullAccess -AutoMapping $false; Add-RecipientPermission -Identity {mailbox} -Trustee {signedInAs} -AccessRights SendAs',
    docsUrl: DOCS.sendAs,
  },
  {
    id: 'token-tenant-mismatch',
    kind: 'mail',
    title: L(
      'トークンのテナントが INI に記録されたテナントと違います',
      'The token’s tenant differs from the tenant recorded in the INI',
    ),
    why: L(
      'トークンはテナント {tokenTenant} で発行されましたが、INI のテナントは {tenant} です。別の組織のアカウントでサインインしたか、ゲストとしてサインインした可能性があります。メールボックスはトークンのテナントにある必要があります。',
      'The token was issued by tenant {tokenTenant}, but the INI records tenant {tenant}. Someone signed in with an account of another organization, or as a guest. The mailbox must be in the token’s tenant.',
    ),
    steps: [
      L(
        'メールボックスのある組織のアカウントでサインインし直して、トークンを取得し直します。',
        'Sign in with an account of the organization the mailbox belongs to, and issue the token again.',
      ),
      L(
        'INI の Tenant を確認し、メールボックスの組織のテナント ID またはドメインを指定します。',
        'Check Tenant in the INI and use the tenant ID or domain of the mailbox’s organization.',
      ),
    ],
  },
  {
    id: 'token-expired',
    kind: 'mail',
    title: L(
      '発行されたばかりのアクセス トークンが期限切れと判定されました',
      'A freshly issued access token already counts as expired',
    ),
    why: L(
      'トークンの有効期限は {expiresAt} ですが、この PC の時計ではすでに過ぎています。PC の時計が大きくずれていると、送信プログラムもトークンを期限切れとして扱います。',
      'The token expires at {expiresAt}, which has already passed by this PC’s clock. With a clock that far off, the sending program also treats its tokens as expired.',
    ),
    steps: [
      L(
        'Windows の [設定] > [時刻と言語] > [日付と時刻] で [時刻を自動的に設定する] をオンにし、[今すぐ同期] をクリックします。',
        'In Windows Settings > Time & language > Date & time, turn on “Set time automatically” and click Sync now.',
      ),
    ],
    command: 'w32tm /resync',
  },
  {
    id: 'token-opaque',
    kind: 'mail',
    title: L(
      'アクセス トークンの中身は確認できません (個人用 Microsoft アカウント)',
      'The access token’s contents cannot be checked (personal Microsoft account)',
    ),
    why: L(
      '個人用アカウント (outlook.com、hotmail.com など) のアクセス トークンは暗号化された形式 (JWT ではない) のため、対象・スコープ・ユーザーの確認は省略しました。メール サーバーへのログインで確認します。',
      'Access tokens of personal accounts (outlook.com, hotmail.com…) are encrypted (not JWTs), so the audience, scope and user checks were skipped; the login to the mail server checks them instead.',
    ),
    steps: [
      L(
        '対処は不要です。下のメール サーバーへのログイン結果を確認します。',
        'Nothing to do: look at the result of the login to the mail server.',
      ),
    ],
  },
  {
    id: 'mail-tls',
    kind: 'mail',
    title: L(
      '{protocol} サーバー {host}:{port} との TLS 接続に失敗しました',
      'The TLS connection to the {protocol} server {host}:{port} failed',
    ),
    why: L(
      '理由: {reason}。サーバーの証明書を信頼できないか、TLS のネゴシエーションに失敗しました。メールの通信を中継・検査するセキュリティ製品 (ウイルス対策ソフトのメール スキャン、UTM) が独自の証明書を使っている場合や、サーバー名の指定が誤っている場合によく起こります。',
      'Reason: {reason}. The server’s certificate is not trusted, or the TLS negotiation failed. A security product that intercepts mail traffic (an antivirus mail scanner, a UTM) with its own certificate is the usual cause, or a wrong server name.',
    ),
    steps: [
      L(
        'サーバー名とポートを確認します (SMTP は smtp.office365.com:587 STARTTLS、IMAP は outlook.office365.com:993、POP は outlook.office365.com:995)。',
        'Check the server name and port (SMTP smtp.office365.com:587 with STARTTLS, IMAP outlook.office365.com:993, POP outlook.office365.com:995).',
      ),
      L(
        'ウイルス対策ソフトや UTM のメール スキャン (SSL/TLS 検査) を {host} について無効にするか、その製品のルート証明書を信頼済みにします。コマンド ライン版では環境変数 NODE_EXTRA_CA_CERTS にルート証明書 (PEM) のパスを設定します。',
        'Turn off the mail scanning (SSL/TLS inspection) of the antivirus or UTM for {host}, or trust that product’s root certificate. For the command-line version, set NODE_EXTRA_CA_CERTS to the root certificate’s PEM file.',
      ),
      L('PC の日付と時刻が正しいか確認します。', 'Check that the PC’s date and time are correct.'),
    ],
    docsUrl: DOCS.tls12,
  },
  {
    id: 'mail-timeout',
    kind: 'mail',
    title: L(
      '{protocol} サーバー {host}:{port} が {seconds} 秒以内に応答しませんでした ({step})',
      'The {protocol} server {host}:{port} did not answer within {seconds} seconds ({step})',
    ),
    why: L(
      '接続は途中で止まりました ({step})。ファイアウォールが通信を黙って破棄しているか、プロバイダーがポートを遮断しているか、サーバーや経路が混雑しています。',
      'The connection stalled ({step}). A firewall is silently dropping the traffic, the provider blocks the port, or the server or the route is congested.',
    ),
    steps: [
      MAIL_PORTS_OPEN,
      L(
        '下のコマンド (PowerShell) で接続を確認します。TcpTestSucceeded が False なら、ネットワークで遮断されています。',
        'Test the connection with the command below (PowerShell); TcpTestSucceeded False means the network blocks it.',
      ),
      L('しばらく待ってから、やり直します。', 'Wait a while and try again.'),
    ],
    command: TEST_NET_CONNECTION,
    retryable: true,
  },
  {
    id: 'mail-unreachable',
    kind: 'mail',
    title: L(
      '{protocol} サーバー {host}:{port} に接続できません',
      'Cannot connect to the {protocol} server {host}:{port}',
    ),
    why: L(
      '理由: {reason}。サーバー名を解決できない (ENOTFOUND)、接続が拒否された (ECONNREFUSED)、または経路がありません。',
      'Reason: {reason}. The server name does not resolve (ENOTFOUND), the connection was refused (ECONNREFUSED), or there is no route.',
    ),
    steps: [
      L(
        'サーバー名とポートが正しいか確認します (個人用の outlook.com アカウントの SMTP は smtp-mail.outlook.com:587 です)。',
        'Check the server name and port (SMTP for personal outlook.com accounts is smtp-mail.outlook.com:587).',
      ),
      MAIL_PORTS_OPEN,
    ],
    command: TEST_NET_CONNECTION,
    retryable: true,
  },
  {
    id: 'mail-connection-closed',
    kind: 'mail',
    title: L(
      '{protocol} サーバー {host}:{port} が接続を切断しました ({step})',
      'The {protocol} server {host}:{port} closed the connection ({step})',
    ),
    why: L(
      'サーバーが応答の途中で接続を閉じました ({step})。サーバー側の一時的な問題か、途中の機器が通信を切断しています。',
      'The server closed the connection before answering ({step}): a passing problem on the server, or something in between cut the connection.',
    ),
    steps: [L('しばらく待ってから、やり直します。', 'Wait a while and try again.'), MAIL_PORTS_OPEN],
    command: TEST_NET_CONNECTION,
    retryable: true,
  },
  {
    id: 'token-uri-authority-mismatch',
    kind: 'mail',
    title: L(
      'INI の TokenURI と、このツールが記録した Authority が一致しません',
      'The INI’s TokenURI and the Authority this tool recorded disagree',
    ),
    why: L(
      'SMAIL などの送信プログラムは [OAUTH2] の TokenURI ({tokenUri}) でトークンを引き換え、クライアント シークレットもそこへ送ります。確認も同じく TokenURI を使いました。ところが [RefreshTokenWizard] の Authority は {recordedAuthority} です。どちらかが手で編集されたか、別のツールで再発行されたため、このツールの更新や再発行が送信プログラムと違う前提で動くおそれがあります。',
      'Sending programs such as SMAIL redeem the token at TokenURI in [OAUTH2] ({tokenUri}) and send the client secret there; this check used TokenURI too. But Authority in [RefreshTokenWizard] says {recordedAuthority}. One of them was edited by hand, or the file was re-issued by another tool, so this tool’s refresh and re-issue may work from another assumption than the sender.',
    ),
    steps: [
      L(
        'TokenURI がアプリを登録したテナントのもの (https://{authorityHost}/{tenant}/oauth2/v2.0/token など) か確認します。違う場合、送信プログラムは誤った宛先にシークレットを送っています。',
        'Check that TokenURI belongs to the tenant where the app is registered (such as https://{authorityHost}/{tenant}/oauth2/v2.0/token). If not, the sending program sends its secret to the wrong place.',
      ),
      L(
        'このツールでトークンを再発行すると、TokenURI、OuthURI、Authority がそろって書き直されます。',
        'Re-issuing the token with this tool rewrites TokenURI, OuthURI and Authority consistently.',
      ),
    ],
  },
  {
    id: 'token-not-redeemable',
    kind: 'mail',
    title: L(
      'INI ファイルにトークンの確認に必要な項目がありません',
      'The INI file lacks what the token check needs',
    ),
    why: L(
      '{path} の [OAUTH2] に {key} がないか、値が正しくありません。このツールで取得したファイルか確認します。',
      'The [OAUTH2] section of {path} has no valid {key}. Check that the file was written by this tool.',
    ),
    steps: [REISSUE],
  },
] as const satisfies readonly CatalogueEntry[];
