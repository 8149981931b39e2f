/**
 * Catalogue entries for the product's own failures (RtwError codes other than the Entra ones) and the generic
 * fallbacks, as data.
 */
import type { CatalogueEntry } from './types.js';
import { ADMIN_CONSENT_URL, DOCS, L, OPEN_APP, SIGN_IN_LOGS, START_AGAIN } from './fragments.js';

/** Where the desktop app and the CLI take their proxy from; they differ, so both are always named. */
const PROXY_SETTINGS = L(
  'プロキシ経由でインターネットに出る環境では、デスクトップ アプリは Windows のプロキシ設定 ([設定] > [ネットワークとインターネット] > [プロキシ]) を使います。コマンド ライン版は環境変数 HTTPS_PROXY (例: http://proxy.example.co.jp:8080) と NO_PROXY を設定してから実行します。',
  'Behind a proxy, the desktop app uses the Windows proxy settings (Settings > Network & internet > Proxy). For the command-line version set the HTTPS_PROXY (e.g. http://proxy.example.com:8080) and NO_PROXY environment variables before running it.',
);

/** Opening the host in a browser shows what the network in between returns. */
const OPEN_IN_BROWSER = L(
  '同じ PC のブラウザーで https://{host}/ を開き、エラー ページやプロキシのログイン画面が表示されないか確認します。',
  'Open https://{host}/ in a browser on the same PC and look for an error page or a proxy login page.',
);

/** The device code flow needs no local port, so it sidesteps every listener problem. */
const DEVICE_CODE = L(
  'またはデバイス コードでサインインします (ローカルのポートもブラウザーも使いません。コマンド ライン版: rtw acquire --device-code)。その場合はアプリの [認証] > [詳細設定] で [パブリック クライアント フローを許可する] を [はい] にしておく必要があります。INI の ClientSecret は空になるため、ClientSecret を送る送信プログラム (SMAIL など) では、この方法で取得したトークンを更新できない場合があります (AADSTS700025)。',
  'Or sign in with a device code, which needs no local port and no browser here (command line: rtw acquire --device-code). The app must then have “Allow public client flows” set to Yes under Authentication > Advanced settings. The INI’s ClientSecret is then empty, so senders that send a ClientSecret (such as SMAIL) may be unable to refresh a token obtained this way (AADSTS700025).',
);

/** Proxy credentials go into HTTPS_PROXY; special characters must be percent-encoded or the URL breaks. */
const PROXY_CREDENTIALS = L(
  'コマンド ライン版: 環境変数 HTTPS_PROXY にプロキシのユーザー名とパスワードを含めます (下のコマンド)。ユーザー名やパスワードの @ : % / などの記号は %40 %3A %25 %2F のようにエンコードします (ドメイン ユーザーの「DOMAIN\\user」は DOMAIN%5Cuser)。',
  'Command line: put the proxy user name and password into the HTTPS_PROXY environment variable (command below). Encode symbols such as @ : % / in them as %40 %3A %25 %2F (a domain user DOMAIN\\user becomes DOMAIN%5Cuser).',
);

/** Integrated Windows sign-in to a proxy is beyond the command line; the admin can open the login host instead. */
const PROXY_ADMIN = L(
  'プロキシが Windows 統合認証 (NTLM/Kerberos) しか受け付けない場合、コマンド ライン版は認証できません。デスクトップ アプリを使うか、ネットワーク管理者に {host} (サインイン) への HTTPS (443) を認証なしで許可するよう依頼します。',
  'If the proxy accepts only integrated Windows sign-in (NTLM/Kerberos), the command line cannot authenticate to it: use the desktop app, or ask your network admin to allow HTTPS (443) to {host} (the sign-in service) without proxy authentication.',
);

/** NO_PROXY, for networks where the sign-in host is reachable without the proxy. */
const NO_PROXY = L(
  '{host} にプロキシを経由せず直接接続できるネットワークなら、環境変数 NO_PROXY に {host} を加えます (例: NO_PROXY={host})。',
  'If {host} can be reached directly from this network, add it to the NO_PROXY environment variable (e.g. NO_PROXY={host}).',
);

/** Retrying later. */
const RETRY_LATER = L('数分待ってから、やり直します。', 'Wait a few minutes and try again.');

/** Asks for a bug report with the support details. */
const REPORT = L(
  '解決しない場合は、下のサポート用情報を添えて報告してください (シークレットやトークンは含まれていません)。',
  'If it keeps happening, please report it with the support details below (they contain no secret or token).',
);

/** Entries for RtwError codes, in the order of ErrorParams in errors.ts. */
export const APP_ENTRIES = [
  {
    id: 'invalid-input',
    kind: 'app',
    title: L('入力内容に誤りがあります', 'Some input is not valid'),
    why: L('次の項目を確認してください: {fields}', 'Please check these fields: {fields}'),
    steps: [
      L(
        '表示された項目を直します。クライアント ID はアプリの [概要] の [アプリケーション (クライアント) ID] (GUID)、クライアント シークレットは [証明書とシークレット] で作成したシークレットの [値]、テナントは [ディレクトリ (テナント) ID] またはドメインです。',
        'Correct the fields listed. The client ID is “Application (client) ID” (a GUID) on the app’s Overview, the client secret is the Value of a secret made under Certificates & secrets, and the tenant is “Directory (tenant) ID” or a domain.',
      ),
      L('直したら、もう一度試します。', 'Then try again.'),
    ],
  },
  {
    id: 'port-busy',
    kind: 'app',
    title: L('ポート {port} は別のプログラムが使用中です', 'Port {port} is in use by another program'),
    why: L(
      'このツールはサインイン結果を http://localhost:{port}/ で受け取りますが、そのポートを別のプログラム (もう 1 つのこのツール、ウイルス対策ソフトの内部プロキシなど) が使っています。',
      'This tool receives the sign-in result on http://localhost:{port}/, but another program is using that port (another copy of this tool, an antivirus program’s internal proxy…).',
    ),
    steps: [
      L(
        '別のポート (例: {suggestedPort}) を指定してやり直します (コマンド ライン版: --port {suggestedPort}。--port 0 で空きポートを自動選択)。Entra ID は localhost のリダイレクト URI のポート番号を照合で無視するため、アプリの登録 ({redirectUri}) は変更不要です。',
        'Try again with another port, such as {suggestedPort} (command line: --port {suggestedPort}; --port 0 picks a free one). Entra ID ignores the port of localhost redirect URIs when matching, so the registration ({redirectUri}) stays as it is.',
      ),
      L(
        'ポート {port} を使っているプログラムは、下のコマンドで表示される最後の列 (PID) をタスク マネージャーの [詳細] タブで探すと分かります。不要なら終了します。',
        'To find the program holding port {port}, run the command below and look up the last column (PID) on the Details tab of Task Manager; close it if it is not needed.',
      ),
      DEVICE_CODE,
    ],
    command: 'netstat -ano | findstr :{port}',
    docsUrl: DOCS.redirectUri,
  },
  {
    id: 'listener-failed',
    kind: 'app',
    title: L(
      'サインイン結果の受け取り (ポート {port}) を開始できませんでした',
      'Could not start listening for the sign-in result on port {port}',
    ),
    why: L(
      '理由: {reason}。ポートを開く権限がない (1024 未満のポートには管理者権限が必要な OS があります)、localhost のアドレスが使えない、セキュリティ ソフトがブロックした、などが考えられます。',
      'Reason: {reason}. The port may need privileges (some systems reserve ports below 1024 for administrators), the localhost address may be unavailable, or security software blocked it.',
    ),
    steps: [
      L(
        '1024 以上の別のポート (例: {suggestedPort}) を指定してやり直します。localhost のポート番号は Entra ID が照合で無視するため、アプリの登録は変更不要です。',
        'Try again with another port of 1024 or above, such as {suggestedPort}. Entra ID ignores the port of localhost, so the app registration need not change.',
      ),
      L(
        'セキュリティ ソフトやファイアウォールが、このツールの localhost での待ち受けを許可しているか確認します。',
        'Check that security software or the firewall allows this tool to listen on localhost.',
      ),
      DEVICE_CODE,
    ],
  },
  {
    id: 'timeout',
    kind: 'app',
    title: L(
      '{seconds} 秒以内にサインインが完了しませんでした',
      'Sign-in was not completed within {seconds} seconds',
    ),
    why: L(
      'ブラウザーでのサインインが完了しなかったか、完了後のリダイレクトがこのツールに届きませんでした (別の PC やブラウザーでサインインした、プロキシやセキュリティ ソフトが localhost への接続を妨げた、など)。',
      'The sign-in in the browser was not finished, or the redirect after it never reached this tool (signed in on another PC or browser, or a proxy or security software blocked the connection to localhost).',
    ),
    steps: [
      L(
        'もう一度サインインを開始し、このツールを実行している PC のブラウザーで最後まで完了します。',
        'Start the sign-in again and finish it in a browser on the PC where this tool runs.',
      ),
      L(
        'サインイン後に「localhost に接続できません」などと表示される場合は、ブラウザーのプロキシ設定で「ローカル (イントラネット) のアドレスにはプロキシ サーバーを使わない」をオンにします。',
        'If the browser says it cannot reach localhost after sign-in, turn on “Don’t use the proxy server for local (intranet) addresses” in the proxy settings.',
      ),
      DEVICE_CODE,
      L(
        'ブラウザーに「サインインできませんでした」(Sorry, but we’re having trouble signing you in) と AADSTS で始まるコードが表示された場合、Entra ID はエラーをこのツールに送っていません。その「Message: AADSTS…」の行を、このツールの結果画面の入力欄か rtw explain に貼り付けると、原因と対処が表示されます。',
        'If the browser showed “Sorry, but we’re having trouble signing you in” with a code starting with AADSTS, Entra ID never sent that error to this tool: paste its “Message: AADSTS…” line into the box on this tool’s result page, or into rtw explain, to see the cause and the fix.',
      ),
    ],
    retryable: true,
  },
  {
    id: 'cancelled',
    kind: 'app',
    title: L('処理を中止しました', 'Cancelled'),
    why: L(
      'ユーザーまたは呼び出し元のプログラムが処理を中止しました。INI ファイルは変更されていません。',
      'You or the calling program cancelled. The INI file was not changed.',
    ),
    steps: [L('続ける場合は、もう一度試します。', 'Try again to continue.')],
  },
  {
    id: 'authorization-denied',
    kind: 'app',
    title: L('サインインが完了しませんでした ({error})', 'The sign-in was not completed ({error})'),
    why: L(
      'サインイン サービスが次の理由でサインインを完了しませんでした: {description}',
      'The sign-in service did not complete the sign-in: {description}',
    ),
    steps: [START_AGAIN, SIGN_IN_LOGS, REPORT],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'oauth-error',
    kind: 'app',
    title: L(
      'サインイン サービスがエラーを返しました ({error})',
      'The sign-in service returned an error ({error})',
    ),
    why: L('サインイン サービスからの説明: {description}', 'The sign-in service said: {description}'),
    steps: [
      L(
        '説明の内容に従って設定 (クライアント ID、シークレット、テナント、リダイレクト URI) を確認し、やり直します。',
        'Check the settings the message points at (client ID, secret, tenant, redirect URI) and try again.',
      ),
      REPORT,
    ],
    docsUrl: DOCS.aadstsCodes,
  },
  {
    id: 'idp-unreachable',
    kind: 'app',
    title: L(
      'サインイン サービス ({host}) に接続できません',
      'Cannot connect to the sign-in service ({host})',
    ),
    why: L(
      '理由: {reason}。DNS で名前を解決できない、プロキシ経由でしかインターネットに出られない、ファイアウォールが HTTPS (ポート 443) を止めている、などが考えられます。',
      'Reason: {reason}. DNS may not resolve the name, the network may only reach the internet through a proxy, or a firewall may block HTTPS (port 443).',
    ),
    steps: [
      OPEN_IN_BROWSER,
      PROXY_SETTINGS,
      L(
        '下のコマンド (PowerShell) で接続を確認し、失敗する場合は {host} への HTTPS (443) を許可するようネットワーク管理者に依頼します。',
        'Test the connection with the command below (PowerShell); if it fails, ask your network admin to allow HTTPS (443) to {host}.',
      ),
    ],
    command: 'Test-NetConnection {host} -Port 443',
    retryable: true,
  },
  {
    id: 'proxy-refused',
    kind: 'app',
    title: L(
      'プロキシ {proxy} が {host} への接続を拒否しました (HTTP {status})',
      'The proxy {proxy} refused the connection to {host} (HTTP {status})',
    ),
    why: L(
      'このネットワークのプロキシが、サインイン サービス {host} への HTTPS 接続を許可していません。社内のプロキシが接続先を許可リストで制限している場合によく起こります。',
      'The network’s proxy does not allow HTTPS connections to the sign-in service {host}. This is common where a corporate proxy only lets listed destinations through.',
    ),
    steps: [
      L(
        'ネットワーク管理者に、{host} (サインイン) への HTTPS (443) をプロキシで許可するよう依頼します。Microsoft 365 のグローバル クラウドでは login.microsoftonline.com です。',
        'Ask your network admin to let the proxy allow HTTPS (443) to {host} (the sign-in service); in Microsoft 365’s global cloud that is login.microsoftonline.com.',
      ),
      NO_PROXY,
      L(
        '使うプロキシが正しいか確認します (コマンド ライン版は環境変数 HTTPS_PROXY、デスクトップ アプリは Windows のプロキシ設定)。',
        'Check that the right proxy is used (command line: the HTTPS_PROXY environment variable; desktop app: the Windows proxy settings).',
      ),
    ],
    command: 'Test-NetConnection {host} -Port 443',
  },
  {
    id: 'proxy-auth-required',
    kind: 'app',
    title: L(
      'プロキシ {proxy} が認証を求めています (HTTP 407)',
      'The proxy {proxy} requires authentication (HTTP 407)',
    ),
    why: L(
      'サインイン サービス {host} への接続に、プロキシがユーザー名とパスワードを求めましたが、HTTPS_PROXY に資格情報が含まれていません。',
      'The proxy asked for a user name and password before connecting to the sign-in service {host}, but HTTPS_PROXY carries no credentials.',
    ),
    steps: [PROXY_CREDENTIALS, PROXY_ADMIN, NO_PROXY],
    command: "$env:HTTPS_PROXY = 'http://USER:PASSWORD@{proxy}'",
  },
  {
    id: 'proxy-auth-rejected',
    kind: 'app',
    title: L(
      'プロキシ {proxy} が資格情報を受け付けませんでした (HTTP 407)',
      'The proxy {proxy} did not accept the credentials (HTTP 407)',
    ),
    why: L(
      'HTTPS_PROXY に含めたユーザー名とパスワードで、プロキシが {host} への接続を許可しませんでした。パスワードの誤りや期限切れ、記号のエンコード漏れが考えられます。',
      'The proxy did not accept the user name and password in HTTPS_PROXY for the connection to {host}: a wrong or expired password, or symbols left unencoded.',
    ),
    steps: [
      L(
        'ユーザー名とパスワードが正しいか (ブラウザーでプロキシにログインできるか) 確認します。',
        'Check the user name and password (can you log in to the proxy in a browser?).',
      ),
      PROXY_CREDENTIALS,
      PROXY_ADMIN,
    ],
    command: "$env:HTTPS_PROXY = 'http://USER:PASSWORD@{proxy}'",
  },
  {
    id: 'idp-tls',
    kind: 'app',
    title: L('{host} の証明書を信頼できません', 'The certificate of {host} is not trusted'),
    why: L(
      '理由: {reason}。社内で TLS インスペクション (SSL 復号) を行うプロキシやセキュリティ ソフトが、独自の証明書で通信を中継している場合によく起こります。PC の時計が大きくずれている場合も起こります。',
      'Reason: {reason}. This usually means a proxy or security product that inspects TLS traffic re-signs it with its own certificate. A badly wrong PC clock causes it too.',
    ),
    steps: [
      L(
        'デスクトップ アプリ: プロキシのルート証明書を Windows の「信頼されたルート証明機関」に登録します (多くの場合ネットワーク管理者がグループ ポリシーで配布します)。',
        'Desktop app: install the proxy’s root certificate into the Windows “Trusted Root Certification Authorities” store (network admins usually deploy it by Group Policy).',
      ),
      L(
        'コマンド ライン版: ルート証明書を PEM 形式で保存し、環境変数 NODE_EXTRA_CA_CERTS にそのパスを設定してから実行します (下のコマンド)。',
        'Command-line version: save the root certificate as a PEM file and set the NODE_EXTRA_CA_CERTS environment variable to its path before running (command below).',
      ),
      L(
        'または {host} を TLS インスペクションの対象外にするよう、ネットワーク管理者に依頼します。',
        'Or ask your network admin to exempt {host} from TLS inspection.',
      ),
      L('PC の日付と時刻が正しいか確認します。', 'Check that the PC’s date and time are correct.'),
    ],
    command: "$env:NODE_EXTRA_CA_CERTS = 'C:\\path\\to\\proxy-root-ca.pem'",
    docsUrl: DOCS.nodeExtraCa,
  },
  {
    id: 'idp-timeout',
    kind: 'app',
    title: L(
      '{host} から {seconds} 秒以内に応答がありませんでした',
      '{host} did not answer within {seconds} seconds',
    ),
    why: L(
      'ネットワークやプロキシが遅いか、一時的に混雑しています。',
      'The network or proxy is slow or temporarily congested.',
    ),
    steps: [RETRY_LATER, PROXY_SETTINGS],
    retryable: true,
  },
  {
    id: 'idp-http-429',
    kind: 'app',
    title: L(
      'サインイン サービスへの要求が多すぎます (HTTP 429)',
      'Too many requests to the sign-in service (HTTP 429)',
    ),
    why: L(
      '短時間に要求が集中したため、{host} が一時的に要求を制限しています。',
      '{host} is temporarily limiting requests because too many arrived in a short time.',
    ),
    steps: [
      L(
        'サーバーが指定した時間 ({retryAfter}) 待ってから、やり直します。',
        'Wait as long as the server asked ({retryAfter}) and try again.',
      ),
      L(
        '複数の PC やスクリプトから同時に実行している場合は、間隔を空けます。',
        'If several PCs or scripts run it at the same time, space them out.',
      ),
    ],
    retryable: true,
  },
  {
    id: 'idp-http-5xx',
    kind: 'app',
    title: L(
      'Microsoft のサインイン サービスでエラーが発生しました (HTTP {status})',
      'Microsoft’s sign-in service had an error (HTTP {status})',
    ),
    why: L(
      '{host} がサーバー エラーを返しました。Microsoft 側の一時的な問題で、設定の問題ではありません。',
      '{host} returned a server error. It is a temporary problem on Microsoft’s side, not in your settings.',
    ),
    steps: [
      RETRY_LATER,
      L(
        '続く場合は Microsoft 365 管理センターの [正常性] > [サービス正常性] で障害が出ていないか確認します。',
        'If it persists, check Health > Service health in the Microsoft 365 admin center for an incident.',
      ),
    ],
    retryable: true,
  },
  {
    id: 'idp-http',
    kind: 'app',
    title: L(
      'サインイン サービスへの要求が HTTP {status} で失敗しました',
      'The request to the sign-in service failed with HTTP {status}',
    ),
    why: L(
      '{host} への要求に、Entra ID のエラーではない HTTP {status} が返りました。多くの場合、プロキシやファイアウォールが返したエラー ページです (407 はプロキシの認証が必要という意味です)。',
      'The request to {host} got HTTP {status}, which is not an Entra ID error. It is usually an error page from a proxy or firewall (407 means the proxy wants credentials).',
    ),
    steps: [
      OPEN_IN_BROWSER,
      PROXY_SETTINGS,
      L(
        '米国政府機関向けや中国のクラウドを使う場合は、このツールで正しいクラウドを選んでいるか確認します。',
        'If you use a US Government or China cloud, check that the right cloud is selected in this tool.',
      ),
    ],
  },
  {
    id: 'idp-bad-response',
    kind: 'app',
    title: L(
      '{host} の応答を読み取れませんでした (HTTP {status})',
      'Could not read the answer of {host} (HTTP {status})',
    ),
    why: L(
      'サインイン サービスの応答が想定した JSON 形式ではありません。プロキシや、ホテル・来客用 Wi-Fi のログイン画面が代わりにページを返したか、サインイン サービスのホスト名が正しくない可能性があります。',
      'The sign-in service’s answer was not the expected JSON. A proxy or a hotel/guest Wi-Fi login page may have answered instead, or the sign-in host name may be wrong.',
    ),
    steps: [OPEN_IN_BROWSER, PROXY_SETTINGS, RETRY_LATER],
  },
  {
    id: 'no-refresh-token',
    kind: 'app',
    title: L(
      'サインインは成功しましたが、リフレッシュ トークンが返されませんでした',
      'Sign-in succeeded, but no refresh token came back',
    ),
    why: L(
      'アクセス許可 offline_access (データへのアクセスの維持) が付与されていないため、Entra ID がリフレッシュ トークンを発行しませんでした。',
      'The offline_access permission (maintain access to data) was not granted, so Entra ID issued no refresh token.',
    ),
    steps: [
      OPEN_APP,
      L(
        '[API のアクセス許可] > [+ アクセス許可の追加] > [Microsoft Graph] > [委任されたアクセス許可] で offline_access を選び、[アクセス許可の追加] をクリックします。',
        'Under API permissions > + Add a permission > Microsoft Graph > Delegated permissions, select offline_access and click Add permissions.',
      ),
      L(
        'ユーザーの同意が許可されていない組織では、[(組織名) に管理者の同意を与えます] をクリックします。',
        'If users may not consent in your organization, click “Grant admin consent for (your organization)”.',
      ),
      L(
        'サインインをやり直し、アクセス許可の画面が表示されたら [承諾] をクリックします。',
        'Sign in again and click Accept if the permissions page appears.',
      ),
    ],
    docsUrl: DOCS.scopes,
  },
  {
    id: 'device-code-expired',
    kind: 'app',
    title: L(
      'デバイス コードの有効期限 ({seconds} 秒) が切れました',
      'The device code expired after {seconds} seconds',
    ),
    why: L(
      'コードが有効なうちに、https://microsoft.com/devicelogin でコードを入力してサインインを完了した人がいませんでした。INI ファイルは変更していません。',
      'Nobody entered the code at https://microsoft.com/devicelogin and finished signing in while it was valid. The INI file was not changed.',
    ),
    steps: [
      L(
        'もう一度試すと新しいコードが表示されます。古いコードは使えません。',
        'Try again to get a new code; the old one no longer works.',
      ),
      L(
        '表示されたら、スマートフォンや別の PC のブラウザーで https://microsoft.com/devicelogin を開き、コードを入力して、メールボックス {mailbox} (またはその代理人) としてサインインします。',
        'When it shows, open https://microsoft.com/devicelogin in a browser on a phone or another PC, enter the code, and sign in as the mailbox {mailbox} (or its delegate).',
      ),
    ],
    retryable: true,
  },
  {
    id: 'device-code-declined',
    kind: 'app',
    title: L('デバイス コードでのサインインが拒否されました', 'The device code sign-in was declined'),
    why: L(
      'https://microsoft.com/devicelogin でコードを入力した人が、サインインまたはアクセス許可の確認を [キャンセル] で断りました。INI ファイルは変更していません。',
      'Whoever entered the code at https://microsoft.com/devicelogin cancelled the sign-in or declined the permissions. The INI file was not changed.',
    ),
    steps: [
      L(
        'もう一度サインインし、表示されたアプリ名とアクセス許可を確認して [続行] / [承諾] をクリックします。',
        'Sign in again, check the app name and permissions shown, and click Continue / Accept.',
      ),
      L(
        '見覚えのないコードの入力を求められた場合は断るのが正解です。このツールが表示したコードだけを入力してください。',
        'Declining is right for a code you did not start yourself: only enter the code this tool showed.',
      ),
      ADMIN_CONSENT_URL,
    ],
    docsUrl: DOCS.deviceCode,
  },
  {
    id: 'device-code-not-public',
    kind: 'app',
    title: L(
      'アプリの登録でパブリック クライアント フローが許可されていません (AADSTS{aadsts})',
      'The app registration does not allow public client flows (AADSTS{aadsts})',
    ),
    why: L(
      'デバイス コードはシークレットを使わないパブリック クライアントのフローです。アプリの [パブリック クライアント フローを許可する] が [いいえ] のため、Entra ID はこのアプリを機密クライアントとして扱い、クライアント シークレットを求めました (AADSTS{aadsts}: client_assertion または client_secret が必要)。',
      'The device code flow is a public-client flow, with no secret. With “Allow public client flows” set to No, Entra ID treats the app as a confidential client and asked for a client secret (AADSTS{aadsts}: client_assertion or client_secret required).',
    ),
    steps: [
      OPEN_APP,
      L(
        '[認証] > [詳細設定] の [パブリック クライアント フローを許可する] を [はい] にして [保存] し、やり直します。',
        'Under Authentication > Advanced settings, set “Allow public client flows” to Yes, click Save, and try again.',
      ),
      L(
        '取得したトークンの INI では ClientSecret が空になります。ClientSecret を必ず送る送信プログラムはトークンの更新時に AADSTS700025 になるため、その場合はデバイス コードではなく、Web プラットフォームとシークレットでブラウザー サインインしてください。',
        'The INI then gets an empty ClientSecret. A sender that always sends a ClientSecret fails refreshing with AADSTS700025: for such a sender sign in with the browser, a Web platform and a secret instead of a device code.',
      ),
    ],
    docsUrl: DOCS.publicClient,
  },
  {
    id: 'file-unreadable',
    kind: 'app',
    title: L('INI ファイルを読み込めません', 'Cannot read the INI file'),
    why: L(
      '{path} を開けませんでした (理由: {reason})。ファイルやフォルダーがない、読み取り権限がない、またはほかのプログラムが開いたままになっている可能性があります。',
      'Could not open {path} (reason: {reason}). The file or folder may not exist, you may lack read permission, or another program may hold it open.',
    ),
    steps: [
      L('ファイルの場所と名前が正しいか確認します。', 'Check the file’s location and name.'),
      L(
        'エクスプローラーでファイルを右クリックし、[プロパティ] > [セキュリティ] で自分のアカウントに読み取り権限があるか確認します。',
        'In Explorer, right-click the file and check under Properties > Security that your account may read it.',
      ),
      L(
        'ほかのプログラムで開いていれば閉じてから、やり直します。',
        'Close any program that has it open, then try again.',
      ),
    ],
  },
  {
    id: 'file-unwritable',
    kind: 'app',
    title: L('INI ファイルに書き込めません', 'Cannot write the INI file'),
    why: L(
      '{path} に保存できませんでした (理由: {reason})。元のファイルは変更されていません。',
      'Could not save {path} (reason: {reason}). The existing file was not changed.',
    ),
    steps: [
      L(
        'C:\\Program Files などのフォルダーは管理者権限が必要です。このツールを管理者として実行するか、書き込める場所 (デスクトップなど) に保存してから送信プログラムのフォルダーへコピーします。',
        'Folders such as C:\\Program Files need administrator rights: run this tool as administrator, or save to a writable place (e.g. the desktop) and copy the file into the sending program’s folder.',
      ),
      L(
        '送信プログラムやエディター (メモ帳、Excel など) でファイルを開いていれば閉じます。',
        'Close the file if the sending program or an editor (Notepad, Excel…) has it open.',
      ),
      L(
        'ファイルの [プロパティ] で [読み取り専用] がオンならオフにします。',
        'If “Read-only” is checked in the file’s Properties, clear it.',
      ),
      L(
        'ウイルス対策ソフトのフォルダー保護 (Windows セキュリティの「コントロールされたフォルダー アクセス」など) が書き込みを止めていないか確認し、やり直します。',
        'Check that antivirus folder protection (such as Windows Security’s “Controlled folder access”) is not blocking the write, then try again.',
      ),
    ],
  },
  {
    id: 'file-format',
    kind: 'app',
    title: L(
      'この形式の INI ファイルは書き換えられません',
      'This INI file is in a form that cannot be rewritten safely',
    ),
    why: L(
      '{path} は {reason} のため、書き換えると内容が失われるおそれがあります (UTF-16 で保存された INI など)。ファイルは変更していません。',
      '{path} is {reason}, so rewriting it could lose content (for example an INI saved as UTF-16). The file was not changed.',
    ),
    steps: [
      L(
        'メモ帳でファイルを開き、[名前を付けて保存] の [エンコード] で「ANSI」または「UTF-8」を選んで保存します。「UTF-8 (BOM 付き)」は避けてください (古い送信プログラムが先頭のセクション名を読めなくなります)。',
        'Open the file in Notepad and use Save As with Encoding “ANSI” or “UTF-8”. Avoid “UTF-8 with BOM”: older senders then fail to read the first section name.',
      ),
      L('保存し直したら、やり直します。', 'Then try again.'),
    ],
  },
  {
    id: 'value-unwritable',
    kind: 'app',
    title: L(
      '{key} の値を INI ファイルに書き込めません',
      'The value of {key} cannot be written to the INI file',
    ),
    why: L(
      '値に改行などの制御文字が含まれています ({reason})。INI ファイルの値は 1 行に収まる必要があり、送信プログラムが正しく読み取れなくなります。',
      'The value contains a line break or another control character ({reason}). An INI value must fit on one line, or the sending program reads it wrong.',
    ),
    steps: [
      L(
        'コピーしたときに改行や空白が紛れ込んでいないか確認し、{key} の値を入力し直します (メモ帳に貼り付けると確認できます)。',
        'Check whether a line break or space came along when copying, and enter the {key} value again (pasting it into Notepad shows it).',
      ),
      L('入力し直したら、もう一度試します。', 'Then try again.'),
    ],
  },
  {
    id: 'file-busy',
    kind: 'app',
    title: L('ほかの処理がこの INI ファイルを更新中です', 'Another run is updating this INI file'),
    why: L(
      '{path} はほかの処理 (スケジュールされた更新、ウィザード、別の rtw) がロックしていて、{seconds} 秒待っても解放されませんでした。同時に書き込むと新しいトークンが失われるため、このファイルは変更していません。',
      '{path} is locked by another run (a scheduled refresh, the wizard, another rtw) and was not released within {seconds} seconds. Writing at the same time could lose the newer token, so this file was not changed.',
    ),
    steps: [
      L(
        'ほかの処理が終わるのを待ってから、やり直します。終わった処理がトークンを更新していれば、やり直す必要はありません。',
        'Wait for the other run to finish, then try again. If it refreshed the token, there is nothing more to do.',
      ),
      L(
        '処理が強制終了されてロックが残った場合は、数十秒で自動的に解除されます。',
        'If a run was killed and left its lock behind, the lock is released by itself within a minute.',
      ),
    ],
    retryable: true,
  },
  {
    id: 'not-a-token-file',
    kind: 'app',
    title: L('INI ファイルにトークンの情報がありません', 'The INI file holds no token to work with'),
    why: L(
      '{path} の [OAUTH2] セクションに {key} がないか、値が空です。このツールで取得したトークン ファイルではないか、途中までしか書かれていません。',
      'The [OAUTH2] section of {path} has no {key}, or it is empty. The file was not written by this tool, or only partly.',
    ),
    steps: [
      L('ファイル名が正しいか確認します。', 'Check that this is the right file.'),
      L(
        'このツールでトークンを取得し直します: rtw acquire --from "{path}" (足りない項目はオプションで指定します)、またはウィザードの [再発行]。',
        'Issue the token again with this tool: rtw acquire --from "{path}" (give what is missing as options), or Re-issue in the wizard.',
      ),
    ],
  },
  // The token file's path and identity (issue #15): refused before anything is written.
  {
    id: 'file-unsafe-link',
    kind: 'app',
    title: L(
      'INI ファイルがシンボリック リンクで、安全に書き込めません',
      'The INI file is a symbolic link that is not safe to write through',
    ),
    why: L(
      '{path} は {target} へのシンボリック リンクです。{detail}リンク先を書き換えると、ほかのユーザーが選んだファイルを書き換えることになりかねないため、何も書き込んでいません。',
      '{path} is a symbolic link to {target}. {detail} Writing through it could rewrite a file someone else chose, so nothing was written.',
    ),
    steps: [
      L(
        '送信プログラムにはリンクではなく実際のファイル ({target}) を指定するか、リンクを削除して実際のファイルを {path} に置きます。',
        'Point the sending program at the real file ({target}), or remove the link and put the file itself at {path}.',
      ),
      L(
        '自分で作成したリンクを使い続ける場合は (Linux、macOS)、リンクを自分 (または root) の所有にし、リンクのあるフォルダーを自分だけが書き込めるようにしてから (chmod go-w)、やり直します。',
        'To keep a link you made yourself (Linux, macOS): it must be yours (or root’s), in a folder that is yours and that only you can write (chmod go-w); then try again.',
      ),
    ],
  },
  {
    id: 'file-dangling-link',
    kind: 'app',
    title: L(
      'INI ファイルが、存在しないファイルへのリンクです',
      'The INI file is a link to a file that does not exist',
    ),
    why: L(
      '{path} は {target} へのシンボリック リンクですが、リンク先のファイルがありません。リンク先 (ほかのユーザーが選んだ場所かもしれません) に新しいファイルは作成しないため、何も書き込んでいません。',
      '{path} is a symbolic link to {target}, which does not exist. No file is created where a link points (someone else may have chosen where), so nothing was written.',
    ),
    steps: [
      L(
        'ここにファイルを作成する場合は、リンクを削除してからやり直します。',
        'If the file should be created here, remove the link, then try again.',
      ),
      L(
        'リンクが正しい場合は、先にリンク先 ({target}) にトークン ファイルを置いて (既存のファイルをコピーするなど)、やり直します。',
        'If the link is right, first put a token file at {target} (copy an existing one), then try again.',
      ),
    ],
  },
  {
    id: 'file-foreign-owner',
    kind: 'app',
    title: L(
      'INI ファイルはほかのユーザーのもので、フォルダーはほかのユーザーも書き込めます',
      'The INI file belongs to another user, in a folder others can write',
    ),
    why: L(
      '{path} はほかのユーザー (UID {uid}) が所有し、そのフォルダーはほかのユーザーも書き込めます。誰が置いたファイルかわからず、書き込むと所有者を保ったままトークンを渡すことになるため、何も書き込んでいません。',
      '{path} belongs to another user (uid {uid}), and its folder can be written by others, any of whom could have put it there. Writing would keep that owner and hand them the token, so nothing was written.',
    ),
    steps: [
      L(
        'そのユーザー (送信プログラムのサービス アカウントなど) のファイルで正しい場合は、フォルダーを所有者だけが書き込めるようにして (chmod go-w)、やり直します。',
        'If the file is meant to be that user’s (the sending program’s service account), make its folder writable by its owner only (chmod go-w), then try again.',
      ),
      L(
        '心当たりがない場合はファイルを削除してから、やり直します。新しいファイルは実行したユーザーだけが読めるように作成されます。',
        'If you do not know the file, remove it and try again: a new file is created readable by you only.',
      ),
    ],
  },
  {
    id: 'file-not-regular',
    kind: 'app',
    title: L('INI ファイルのパスがファイルではありません', 'The INI path is not a file'),
    why: L(
      '{path} はフォルダー、パイプ、またはデバイスで、ファイルではありません。何も書き込んでいません。',
      '{path} is a folder, a pipe or a device, not a file. Nothing was written.',
    ),
    steps: [L('INI ファイルそのもののパスを指定します。', 'Give the path of the INI file itself.')],
  },
  {
    id: 'file-changed',
    kind: 'app',
    title: L(
      '更新中に INI ファイルが置き換えられました',
      'The INI file was replaced while it was being updated',
    ),
    why: L(
      '{path} は読み込んだときのファイルではなくなっています (名前が変わった、別のファイルやリンクに置き換えられた)。ほかの誰かが置いたファイルにトークンを書き込まないよう、何も書き込んでいません。',
      '{path} is no longer the file that was read: it was renamed, or replaced by another file or a link. So that the token is not written into a file someone else put there, nothing was written.',
    ),
    steps: [
      L(
        'ファイルを置き換えて保存するエディターや同期ツールで開いていた場合は、閉じてからやり直します。',
        'If an editor or a sync tool that saves by replacing the file had it open, close it and try again.',
      ),
      L(
        '心当たりがない場合は、{path} のフォルダーに誰が書き込めるかを確認し、所有者だけが書き込めるようにします。ほかのユーザーが、自分で読める場所にトークンを書き込ませようとしている可能性があります。',
        'If not, check who can write the folder of {path} and make it writable by its owner only: another user may be trying to have the token written where they can read it.',
      ),
      L(
        'ファイルのトークンは変更していないので、やり直しても問題ありません。',
        'The file’s token was not changed, so trying again is safe.',
      ),
    ],
    retryable: true,
  },
  {
    id: 'file-read-only',
    kind: 'app',
    title: L('INI ファイルが読み取り専用です', 'The INI file is read-only'),
    why: L(
      '{path} は読み取り専用です (誰にも書き込み権限がない、または Windows の読み取り専用属性)。意図して設定されているものとして置き換えず、何も書き込んでいません。',
      '{path} is read-only (no one may write it, or Windows’ read-only attribute is set). That is taken as meant, so the file was not replaced and nothing was written.',
    ),
    steps: [
      L(
        'トークンを更新してよいファイルなら書き込みを許可します: Windows ではファイルの [プロパティ] で [読み取り専用] をオフにし、Linux や macOS では chmod u+w を実行します。',
        'If the token in it should be kept up to date, allow writing: on Windows clear “Read-only” in the file’s Properties; on Linux or macOS run chmod u+w on it.',
      ),
      L('それから、やり直します。', 'Then try again.'),
    ],
  },
  {
    id: 'file-owner',
    kind: 'app',
    title: L(
      'INI ファイルの所有者を保てないため、書き込めません',
      'The INI file’s owner cannot be kept, so it was not written',
    ),
    why: L(
      '{path} の所有者は UID {uid}、グループは GID {gid} です。送信プログラムがその権限で読めるよう、新しいファイルにも同じ所有者とグループが必要ですが、この実行では設定できません (理由: {reason})。何も書き込んでいません。',
      '{path} belongs to uid {uid}, group gid {gid}. The new file must keep them (the sending program may read it as that user), and this run may not give them away (reason: {reason}). Nothing was written.',
    ),
    steps: [
      L(
        '管理者 (root、sudo) として、またはファイルの所有者として実行します。',
        'Run this as root (sudo), or as the user who owns the file.',
      ),
      L(
        '自分の所有にしてよいファイルなら、先に所有者を変更してから (chown)、やり直します。',
        'If the file may be yours, change its owner first (chown), then try again.',
      ),
    ],
  },
  {
    id: 'file-value-invalid',
    kind: 'app',
    title: L('INI ファイルの {key} の値が使えません', 'The value of {key} in the INI file cannot be used'),
    why: L(
      '{path} の {key} は URL として使えません。% のあとに正しいエスケープ (UTF-8 を表す 2 桁の 16 進数、例: %E0%A4%A8) が続いていない箇所があります。送信プログラムもこの値は使えません。ファイルは変更していません。',
      'The value of {key} in {path} is not a usable URL: a % is not followed by a valid escape (two hexadecimal digits forming UTF-8, such as %E0%A4%A8). The sending program cannot use it either. The file was not changed.',
    ),
    steps: [
      L(
        'メモ帳でファイルを開き、{key} を直します。Microsoft 365 では https://login.microsoftonline.com/<テナント>/oauth2/v2.0/token (TokenURI) または …/authorize (OuthURI) で、<テナント> はテナント ID かドメインです。',
        'Open the file in Notepad and correct {key}. For Microsoft 365 it is https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token (TokenURI) or …/authorize (OuthURI), <tenant> being the tenant ID or domain.',
      ),
      L(
        'または、設定をすべて指定してトークンを発行し直します (ほかの行はそのまま残ります): rtw acquire --out "{path}" --tenant <テナント> --client-id <クライアント ID> --user <メールボックス>',
        'Or issue the token again with every setting given (the file’s other lines are kept): rtw acquire --out "{path}" --tenant <tenant> --client-id <client-id> --user <mailbox>',
      ),
    ],
  },
] as const satisfies readonly CatalogueEntry[];

/** Fallbacks: the failure is real, but the catalogue does not know this one, so the raw text leads. */
export const GENERIC_ENTRIES = [
  {
    id: 'unknown-aadsts',
    kind: 'generic',
    generic: true,
    title: L('Entra ID がエラー AADSTS{aadsts} を返しました', 'Entra ID returned error AADSTS{aadsts}'),
    why: L(
      'Entra ID のメッセージ (原文): {message} — このコードはこのツールの一覧にまだないため、下の Microsoft の説明ページと Trace ID・Correlation ID で調べます。',
      'Entra ID said: {message} — this code is not in this tool’s list yet, so Microsoft’s look-up page and the Trace ID and Correlation ID below are the way to find out more.',
    ),
    steps: [
      L(
        'https://login.microsoftonline.com/error?code={aadsts} を開き、エラー コードの説明を確認します。',
        'Open https://login.microsoftonline.com/error?code={aadsts} to read what the code means.',
      ),
      SIGN_IN_LOGS,
      L(
        '解決しない場合は、下の Trace ID、Correlation ID、タイムスタンプを添えて Microsoft サポートに問い合わせます。',
        'If that does not solve it, open a Microsoft support request with the Trace ID, Correlation ID and timestamp below.',
      ),
    ],
  },
  {
    id: 'unknown-mail-reply',
    kind: 'generic',
    generic: true,
    title: L(
      '{protocol} サーバーの応答を判別できませんでした',
      'The {protocol} server’s reply is not one this tool recognises',
    ),
    why: L('サーバーの応答: {reply}', 'The server replied: {reply}'),
    steps: [
      L(
        '応答の拡張ステータス コード (5.7.139 など) と文言で Microsoft のドキュメントを検索します。',
        'Search Microsoft’s documentation for the enhanced status code (such as 5.7.139) and the wording of the reply.',
      ),
      L(
        '送信プログラムの認証方式が XOAUTH2 で、user= がトークンを取得したアカウント {mailbox} と同じか確認します。',
        'Check that the sending program authenticates with XOAUTH2 and that user= is the account the token was issued for: {mailbox}.',
      ),
      L(
        'このツールでリフレッシュ トークンを取得し直してから、もう一度試します。',
        'Get a new refresh token with this tool and try once more.',
      ),
    ],
    docsUrl: DOCS.oauthMail,
  },
  {
    id: 'unknown-text',
    kind: 'generic',
    generic: true,
    title: L('この文字列を判別できませんでした', 'This text is not one this tool recognises'),
    why: L(
      '貼り付けられた文字列に、Entra ID のエラー コード (AADSTS…) も、メール サーバーの応答 (535 5.7.139 …、NO […]、-ERR …) も見つかりませんでした: {message}',
      'The text holds neither an Entra ID error code (AADSTS…) nor a mail server reply (535 5.7.139 …, NO […], -ERR …): {message}',
    ),
    steps: [
      L(
        'ブラウザーに「サインインできませんでした」などと表示された場合は、その画面の [詳細] にある「Message: AADSTS…」の行をそのまま貼り付けます。',
        'If the browser showed “Sorry, but we’re having trouble signing you in”, paste the “Message: AADSTS…” line from its details.',
      ),
      L(
        '送信プログラムのログの場合は、サーバーの応答の行 (535、NO、-ERR などで始まる行) を貼り付けます。',
        'From a sending program’s log, paste the server’s reply line (the one starting with 535, NO, -ERR…).',
      ),
    ],
  },
  {
    id: 'unexpected',
    kind: 'generic',
    generic: true,
    title: L('予期しないエラーが発生しました', 'An unexpected error occurred'),
    why: L(
      'このツールが想定していないエラーです: {message}',
      'This tool did not expect this error: {message}',
    ),
    steps: [
      L('もう一度試します。', 'Try again.'),
      L(
        '繰り返し発生する場合は、このメッセージを添えて報告してください。',
        'If it happens again, please report it with this message.',
      ),
    ],
  },
] as const satisfies readonly CatalogueEntry[];
