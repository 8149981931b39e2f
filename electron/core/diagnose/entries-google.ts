/**
 * Catalogue entries for Google (Gmail, Google Workspace), as data: its token endpoint's error answers (told apart
 * by `error` and, for `invalid_grant` and `invalid_client`, by the description Google sends), what a sign-in
 * meets that Google shows on its own page and never sends back (the sign-in timeout), Gmail's server replies, and
 * what the token check finds with Google's tokeninfo. The causes and texts are those of the research notes
 * (Google's OAuth overview "Refresh token expiration", the guide for desktop apps, Gmail's XOAUTH2 page, real
 * server sessions). Japanese uses the labels of the Japanese Google Cloud console, Gmail and the Admin console.
 */
import type { CatalogueEntry } from './types.js';
import { L } from './fragments.js';

/** Google's pages, for "More information". */
export const GOOGLE_DOCS = {
  refreshExpiration: 'https://developers.google.com/identity/protocols/oauth2#expiration',
  nativeApp: 'https://developers.google.com/identity/protocols/oauth2/native-app',
  audience: 'https://support.google.com/cloud/answer/15549945',
  clients: 'https://support.google.com/cloud/answer/15549257',
  restrictedScopes: 'https://support.google.com/cloud/answer/13464325',
  xoauth2: 'https://developers.google.com/workspace/gmail/imap/xoauth2-protocol',
  imapSmtp: 'https://developers.google.com/workspace/gmail/imap/imap-smtp',
  enableImap: 'https://support.google.com/mail/answer/7126229',
  adminPopImap: 'https://support.google.com/a/answer/105694',
  thirdPartyApps: 'https://support.google.com/a/answer/7281227',
  permissions: 'https://myaccount.google.com/permissions',
} as const;

/** Opens the OAuth client; most fixes start here. */
const OPEN_CLIENT = L(
  'Google Cloud コンソール (https://console.cloud.google.com) でプロジェクトを選び、[API とサービス] > [認証情報] の [OAuth 2.0 クライアント ID] (または Google Auth Platform > [クライアント]) で、クライアント ID が {clientId} のクライアントを開きます。',
  'In the Google Cloud console (https://console.cloud.google.com), pick the project and open the client whose client ID is {clientId} under APIs & Services > Credentials > OAuth 2.0 Client IDs (or Google Auth Platform > Clients).',
);

/** The consent screen's publishing status, the first cause of dead Google tokens. */
const PUBLISH_APP = L(
  'Google Auth Platform > [対象] で、ユーザーの種類と公開ステータスを確認します。Google Workspace の組織内だけで使うなら「内部」、それ以外の「外部」なら [アプリを公開] で「本番環境」にします。「テスト中」のままでは、リフレッシュ トークンが同意から 7 日で失効します。',
  'Under Google Auth Platform > Audience, check the user type and the publishing status. Internal suits a Google Workspace organization using it only for itself; an External app must be published (Publish app: In production). While it is in Testing, refresh tokens die seven days after consent.',
);

/** Re-issue, with the box for Gmail ticked. */
const REISSUE_GOOGLE = L(
  'このツールでトークンを再発行し、Google の同意画面で Gmail へのアクセス (「Gmail のすべてのメールの閲覧、作成、送信、完全な削除」) のチェックを入れたまま [続行] をクリックします。INI ファイルが更新されたら、送信プログラムが読み込み直すよう必要に応じて再起動します。',
  'Re-issue the token with this tool and, on Google’s consent screen, keep the box for Gmail (“Read, compose, send, and permanently delete all your email from Gmail”) ticked and click Continue. Once the INI file is updated, restart the sending program if it reads the file only at startup.',
);

/** Shown with every Google error answer, so the admin sees what Google said. */
const GOOGLE_SAID = L('Google からの応答: {error}: {description}', 'Google said: {error}: {description}');

/** Creates a new secret for the Desktop app client. */
const NEW_SECRET = L(
  'クライアントの画面で [シークレットを追加] をクリックし、表示された新しいシークレット (GOCSPX- で始まる値) をすぐにコピーします。Google はシークレットを作成時にしか表示しません。古いシークレットは、送信プログラムを移行し終えてから無効にして削除します。',
  'On the client’s page, click Add secret and copy the new secret (it starts with GOCSPX-) right away: Google shows a secret only when it is created. Disable and delete the old one once every sender has moved to the new one.',
);

/** Entries for Google and Gmail. */
export const GOOGLE_ENTRIES = [
  {
    id: 'google-invalid_grant-expired-or-revoked',
    kind: 'google',
    providerError: {
      provider: 'google',
      error: 'invalid_grant',
      descriptions: ['Token has been expired or revoked'],
    },
    title: L(
      'Google がリフレッシュ トークンを受け付けなくなりました (Token has been expired or revoked.)',
      'Google no longer accepts the refresh token (Token has been expired or revoked.)',
    ),
    why: L(
      'Google は次のどれかでリフレッシュ トークンを無効にし、どの場合も同じ応答を返します: (1) OAuth 同意画面が「外部」で公開ステータスが「テスト中」のため、同意から 7 日で失効した。(2) {mailbox} のパスワードが変更された (Gmail のスコープを含むトークンは無効になります)。(3) 6 か月間一度も使われなかった。(4) ユーザーが Google アカウントの [サードパーティ製のアプリとサービス] (myaccount.google.com/permissions) でこのアプリのアクセス権を削除したか、管理者が削除した。(5) 同じアカウントと同じ OAuth クライアントのトークンが 100 個を超え、最も古いものから無効になった (再発行を繰り返した、または同じクライアントを別のツールでも使っている)。',
      'Google ends a refresh token for any of these reasons, and answers the same for all of them: (1) the OAuth consent screen is External with the publishing status Testing, so the token died seven days after consent; (2) the password of {mailbox} changed (tokens with Gmail scopes die then); (3) it was not used for six months; (4) the user removed this app’s access under Third-party apps & services of the Google Account (myaccount.google.com/permissions), or an admin did; (5) the account has more than 100 tokens for the same OAuth client, and the oldest ones die (the token was re-issued many times, or another tool uses the same client).',
    ),
    steps: [
      PUBLISH_APP,
      REISSUE_GOOGLE,
      L(
        '定期更新 (rtw refresh) を少なくとも月に 1 回実行するよう設定します。6 か月使われないトークンは失効します。パスワードを変更したときは、その後に再発行します。',
        'Schedule rtw refresh at least monthly: a token unused for six months dies. After a password change, re-issue the token.',
      ),
      L(
        'この OAuth クライアントは送信用のトークン専用にし、他のツールと共有しないでください (1 つのクライアントでアカウントごとに有効なトークンは 100 個までです)。',
        'Keep this OAuth client for the senders’ tokens and do not share it with other tools (one client keeps at most 100 live tokens per account).',
      ),
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.refreshExpiration,
  },
  {
    id: 'google-invalid_grant-bad-request',
    kind: 'google',
    providerError: {
      provider: 'google',
      error: 'invalid_grant',
      descriptions: ['Bad Request', 'Malformed auth code'],
    },
    title: L(
      'Google がサインインのコードまたはリフレッシュ トークンを読み取れませんでした',
      'Google could not accept the sign-in code or the refresh token',
    ),
    why: L(
      'サインインで受け取ったコードは 1 回だけ、約 10 分以内に使えます。コードがすでに使われた (ブラウザーでページを再読み込みした、セキュリティ ソフトがリンクを先に開いた)、時間がたちすぎた、または別のサインインのものでした。更新のときに出た場合は、INI の RefreshToken が壊れています (手で編集した、一部だけコピーした)。',
      'The code a sign-in brings can be used once, within about ten minutes: this one was already used (the page was reloaded, or security software opened the link first), was too old, or belonged to another sign-in. When it comes from a refresh, the INI’s RefreshToken is damaged (edited by hand, or copied in part).',
    ),
    steps: [
      L(
        'サインイン中なら、このツールでサインインを最初からやり直し、ブラウザーの [続行] の後はページを再読み込みせずに待ちます。',
        'During a sign-in, start it again from the beginning in this tool, and after Continue in the browser wait without reloading the page.',
      ),
      REISSUE_GOOGLE,
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.nativeApp,
  },
  {
    id: 'google-invalid_grant-code-verifier',
    kind: 'google',
    providerError: {
      provider: 'google',
      error: 'invalid_grant',
      descriptions: ['code verifier', 'code_verifier'],
    },
    title: L(
      'サインインの照合値 (PKCE) が一致しませんでした',
      'The sign-in’s proof key (PKCE) did not match',
    ),
    why: L(
      'コードを要求したサインインと、コードを使ったサインインが同じではありませんでした。以前のサインインのブラウザー タブから戻った場合に起きます。',
      'The sign-in that asked for the code and the one that redeemed it were not the same: this happens when an older sign-in’s browser tab comes back.',
    ),
    steps: [
      L(
        '開いている Google のサインイン タブをすべて閉じ、このツールでサインインを最初からやり直します。',
        'Close every open Google sign-in tab and start the sign-in again from the beginning in this tool.',
      ),
      L(
        '何度やっても続く場合は、下のサポート用情報を添えて報告してください。',
        'If it keeps happening, please report it with the support details below.',
      ),
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.nativeApp,
  },
  {
    id: 'google-invalid_grant',
    kind: 'google',
    providerError: { provider: 'google', error: 'invalid_grant' },
    title: L(
      'Google がトークンの発行を拒否しました (invalid_grant)',
      'Google refused to issue a token (invalid_grant)',
    ),
    why: L(
      'コードまたはリフレッシュ トークンが、Google の判断で使えなくなっています (期限切れ、取り消し、組織のセッション ポリシーなど)。',
      'Google considers the code or refresh token no longer usable (expired, revoked, an organization’s session policy…).',
    ),
    steps: [REISSUE_GOOGLE, GOOGLE_SAID],
    docsUrl: GOOGLE_DOCS.refreshExpiration,
  },
  {
    id: 'google-invalid_client-secret',
    kind: 'google',
    providerError: { provider: 'google', error: 'invalid_client', descriptions: ['Unauthorized'] },
    title: L(
      'クライアント シークレットがこの OAuth クライアントのものではありません',
      'The client secret is not this OAuth client’s',
    ),
    why: L(
      'Google はクライアント ID {clientId} を知っていますが、送ったシークレットはそのクライアントのシークレットではありません (別のクライアントのシークレット、コピーの誤り、または無効にしたか削除したシークレット)。',
      'Google knows the client ID {clientId}, but the secret sent is not one of its secrets (another client’s secret, a copying mistake, or a secret that was disabled or deleted).',
    ),
    steps: [
      OPEN_CLIENT,
      L(
        '[クライアント シークレット] に表示される末尾 4 文字が、使っているシークレットの末尾と同じで、状態が「有効」か確認します。',
        'Check that a secret listed under Client secrets ends in the same four characters as the one you use, and that it is Enabled.',
      ),
      NEW_SECRET,
      L(
        '新しいシークレットでトークンを再発行します (リフレッシュ トークンはシークレットではなくクライアントに結び付いているため、rtw acquire --from で INI のシークレットを入れ替えるだけでもかまいません)。',
        'Re-issue the token with the new secret (a refresh token belongs to the client, not to the secret, so replacing the INI’s secret with rtw acquire --from is enough).',
      ),
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.clients,
  },
  {
    id: 'google-invalid_client-not-found',
    kind: 'google',
    providerError: { provider: 'google', error: 'invalid_client' },
    title: L('OAuth クライアントが見つかりません', 'The OAuth client was not found'),
    why: L(
      'Google にクライアント ID {clientId} の OAuth クライアントがありません。ID のコピーの誤り、別のプロジェクトのクライアント、または削除されて 30 日を過ぎたクライアントです。',
      'Google has no OAuth client with the client ID {clientId}: the ID was copied wrong, belongs to another project, or the client was deleted more than 30 days ago.',
    ),
    steps: [
      L(
        'Google Cloud コンソールで正しいプロジェクトを選び、[API とサービス] > [認証情報] の [OAuth 2.0 クライアント ID] で、種類が「デスクトップ」のクライアントの [クライアント ID] 全体 (末尾が .apps.googleusercontent.com) をコピーし直します。',
        'In the Google Cloud console, pick the right project and copy the whole Client ID (ending in .apps.googleusercontent.com) of the client of type Desktop under APIs & Services > Credentials > OAuth 2.0 Client IDs again.',
      ),
      L(
        'クライアントがない場合は、[認証情報を作成] > [OAuth クライアント ID] で、アプリケーションの種類「デスクトップ アプリ」のクライアントを作成し、そのクライアント ID とシークレットでトークンを発行します。',
        'If there is none, create one with Create credentials > OAuth client ID, application type Desktop app, and issue the token with its client ID and secret.',
      ),
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.clients,
  },
  {
    id: 'google-deleted_client',
    kind: 'google',
    providerError: { provider: 'google', error: 'deleted_client' },
    title: L('OAuth クライアントが削除されています', 'The OAuth client was deleted'),
    why: L(
      'クライアント ID {clientId} の OAuth クライアントは削除されています。管理者が削除したか、Google が長期間使われていないクライアントを自動で削除しました。削除から 30 日以内なら復元できます。',
      'The OAuth client with the client ID {clientId} was deleted, by an admin or by Google, which deletes clients unused for a long time. Within 30 days of the deletion it can be restored.',
    ),
    steps: [
      L(
        'Google Cloud コンソールの [API とサービス] > [認証情報] で [削除した認証情報を復元] を開き、このクライアントを復元します。復元すれば、INI のトークンはそのまま使えます。',
        'In the Google Cloud console, open APIs & Services > Credentials > Restore deleted credentials and restore this client; the INI’s token then works again as it is.',
      ),
      L(
        '復元できない場合は、種類「デスクトップ アプリ」のクライアントを新しく作成し、そのクライアント ID とシークレットでトークンを再発行します。',
        'If it cannot be restored, create a new client of type Desktop app and re-issue the token with its client ID and secret.',
      ),
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.clients,
  },
  {
    id: 'google-unauthorized_client',
    kind: 'google',
    providerError: { provider: 'google', error: 'unauthorized_client' },
    title: L(
      'リフレッシュ トークンが別の OAuth クライアントのものです',
      'The refresh token belongs to another OAuth client',
    ),
    why: L(
      'Google のリフレッシュ トークンは、発行した OAuth クライアントでしか使えません。INI の ClientID ({clientId}) とシークレットが、トークンを発行したクライアントと違います (INI を手で編集した、クライアントを作り直した、別のファイルの値を貼った)。',
      'A Google refresh token works only with the OAuth client that issued it. The INI’s ClientID ({clientId}) and secret are not that client’s (the INI was edited by hand, the client was re-created, or values from another file were pasted).',
    ),
    steps: [
      L(
        '使いたいクライアントの ID とシークレットで、トークンを再発行します。',
        'Re-issue the token with the client ID and secret of the client you mean to use.',
      ),
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.refreshExpiration,
  },
  {
    id: 'google-client-secret-missing',
    kind: 'google',
    providerError: {
      provider: 'google',
      error: 'invalid_request',
      descriptions: ['client_secret is missing'],
    },
    title: L('クライアント シークレットがありません', 'The client secret is missing'),
    why: L(
      'Google の「デスクトップ アプリ」のクライアントは、PKCE を使う場合もトークン要求にシークレットが必要です。シークレットが空のまま送られました。',
      'Google’s Desktop app clients need their secret with every token request, PKCE or not, and the secret sent was empty.',
    ),
    steps: [
      L(
        'クライアント シークレット (GOCSPX- で始まる値) を入力して、やり直します。INI の ClientSecret が空の場合は、rtw acquire --from でシークレットを入れて再発行します。',
        'Enter the client secret (it starts with GOCSPX-) and try again. If the INI’s ClientSecret is empty, re-issue with rtw acquire --from and give the secret.',
      ),
      NEW_SECRET,
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.clients,
  },
  {
    id: 'google-redirect_uri_mismatch',
    kind: 'google',
    providerError: { provider: 'google', error: 'redirect_uri_mismatch' },
    title: L(
      'リダイレクト URI が受け付けられませんでした (クライアントの種類が違います)',
      'The redirect URI was refused (the client is of the wrong type)',
    ),
    why: L(
      'このツールは Google の「デスクトップ アプリ」のクライアントとして、http://127.0.0.1:<空きポート>/ で結果を受け取ります。Google はこのアドレスをデスクトップ アプリのクライアントにしか許可しません。クライアントの種類が「ウェブ アプリケーション」などになっています。',
      'This tool signs in as a Google Desktop app client and receives the result on http://127.0.0.1:<free port>/, which Google allows only for Desktop app clients. This client is of another type, such as Web application.',
    ),
    steps: [
      L(
        'Google Cloud コンソールの [API とサービス] > [認証情報] > [認証情報を作成] > [OAuth クライアント ID] で、アプリケーションの種類に「デスクトップ アプリ」を選んでクライアントを作成します (リダイレクト URI の登録は不要です)。',
        'In the Google Cloud console, create a client with APIs & Services > Credentials > Create credentials > OAuth client ID and choose the application type Desktop app (no redirect URI to register).',
      ),
      L(
        '新しいクライアントのクライアント ID とシークレットで、トークンを発行し直します。',
        'Issue the token again with the new client’s client ID and secret.',
      ),
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.nativeApp,
  },
  {
    id: 'google-invalid_scope',
    kind: 'google',
    providerError: { provider: 'google', error: 'invalid_scope' },
    title: L('要求したスコープが受け付けられませんでした', 'The requested scope was refused'),
    why: L(
      'Google が、要求されたスコープ (https://mail.google.com/) をこのトークンには許可しませんでした。同意のときに Gmail へのアクセスのチェックが外されたか、このトークンが別のスコープで発行されました。',
      'Google did not allow the requested scope (https://mail.google.com/) for this token: the box for Gmail was unticked at consent, or the token was issued for other scopes.',
    ),
    steps: [REISSUE_GOOGLE, GOOGLE_SAID],
    docsUrl: GOOGLE_DOCS.restrictedScopes,
  },
  {
    id: 'google-access_denied',
    kind: 'google',
    providerError: { provider: 'google', error: 'access_denied' },
    title: L('Google でのサインインまたは同意が拒否されました', 'Sign-in or consent was declined at Google'),
    why: L(
      'Google の同意画面で [キャンセル] がクリックされたか、組織のポリシーがこのアプリへのアクセスを許可しませんでした。',
      'Cancel was clicked on Google’s consent screen, or an organization’s policy did not allow access to this app.',
    ),
    steps: [
      L(
        'サインインをやり直し、同意画面では Gmail へのアクセスのチェックを入れたまま [続行] をクリックします。「Google はこのアプリを確認していません」と表示された場合は、自組織で作成したアプリであることを確かめてから [詳細] > [(アプリ名)(安全ではないページ) に移動] を選びます。',
        'Sign in again and, on the consent screen, keep the box for Gmail ticked and click Continue. If it says “Google hasn’t verified this app”, make sure it is your own organization’s app, then choose Advanced > Go to (app name) (unsafe).',
      ),
      L(
        'Google Workspace では、管理者が Google 管理コンソールの [セキュリティ] > [アクセスとデータ管理] > [API の制御] > [サードパーティ製アプリのアクセスを管理] で、このクライアント ID ({clientId}) を「信頼できる」に設定する必要がある場合があります。',
        'In Google Workspace, an admin may have to set this client ID ({clientId}) to Trusted under Security > Access and data control > API controls > Manage Third-Party App Access in the Google Admin console.',
      ),
      GOOGLE_SAID,
    ],
    docsUrl: GOOGLE_DOCS.thirdPartyApps,
  },
  {
    id: 'google-oauth-error',
    kind: 'google',
    title: L('Google がエラーを返しました', 'Google answered with an error'),
    why: L(
      'Google のサインイン サービスが、このツールの知らないエラーを返しました。',
      'Google’s sign-in service answered with an error this tool does not know.',
    ),
    steps: [
      GOOGLE_SAID,
      L(
        'クライアント ID ({clientId}) とシークレットを確認してやり直します。続く場合は、下のサポート用情報を添えて報告してください。',
        'Check the client ID ({clientId}) and the secret and try again. If it keeps happening, please report it with the support details below.',
      ),
    ],
    docsUrl: GOOGLE_DOCS.nativeApp,
  },
  {
    id: 'google-sign-in-timeout',
    kind: 'google',
    title: L(
      '{seconds} 秒以内に Google からサインインの結果が届きませんでした',
      'No sign-in result came back from Google within {seconds} seconds',
    ),
    why: L(
      'ブラウザーでのサインインが完了しなかったか、Google が自分のページでエラーを表示してこのツールに戻しませんでした。Google は設定の誤りを、このツールではなくブラウザーのページに「エラー 400」「エラー 403」などとして表示します。',
      'The sign-in in the browser was not finished, or Google showed an error on its own page and never sent the browser back: Google shows configuration errors on its page (“Error 400”, “Error 403”…), not to this tool.',
    ),
    steps: [
      L(
        '「Error 400: redirect_uri_mismatch」: クライアントの種類が「デスクトップ アプリ」ではありません。[API とサービス] > [認証情報] で種類「デスクトップ アプリ」のクライアントを作成し、その ID とシークレットを使います。',
        '“Error 400: redirect_uri_mismatch”: the client is not of type Desktop app. Create a client of type Desktop app under APIs & Services > Credentials and use its ID and secret.',
      ),
      L(
        '「Error 403: access_denied」(「確認プロセスを完了していません」): 同意画面が「テスト中」で、サインインしたアカウントがテストユーザーではありません。Google Auth Platform > [対象] でアプリを公開するか、[テストユーザー] にアカウントを追加します。',
        '“Error 403: access_denied” (“has not completed the Google verification process”): the consent screen is in Testing and the account is not a test user. Publish the app, or add the account under Test users, in Google Auth Platform > Audience.',
      ),
      L(
        '「Error 403: org_internal」: ユーザーの種類が「内部」のアプリに、組織外のアカウントでサインインしました。組織のアカウントでサインインするか、ユーザーの種類を「外部」にします。',
        '“Error 403: org_internal”: an Internal app was signed in to with an account outside the organization. Sign in with an account of the organization, or make the user type External.',
      ),
      L(
        '「Error 401: invalid_client」「deleted_client」: クライアント ID ({clientId}) が間違っているか、クライアントが削除されています。「Error 400: admin_policy_enforced」: Google Workspace の管理者がこのアプリを許可していません (管理コンソールの [API の制御] で「信頼できる」に設定)。',
        '“Error 401: invalid_client” or “deleted_client”: the client ID ({clientId}) is wrong, or the client was deleted. “Error 400: admin_policy_enforced”: the Google Workspace admin has not allowed this app (set it to Trusted under API controls in the Admin console).',
      ),
      L(
        'エラーが出ていない場合は、もう一度サインインを開始し、このツールを実行している PC のブラウザーで最後まで完了します。',
        'If no error showed, start the sign-in again and finish it in a browser on the PC where this tool runs.',
      ),
    ],
    docsUrl: GOOGLE_DOCS.nativeApp,
    retryable: true,
  },
  {
    id: 'google-no-refresh-token',
    kind: 'google',
    title: L(
      'サインインは成功しましたが、Google がリフレッシュ トークンを返しませんでした',
      'Sign-in succeeded, but Google sent no refresh token',
    ),
    why: L(
      'Google は、以前に同意したアプリには、同意画面をもう一度表示しない限りリフレッシュ トークンを返しません。このツールは毎回同意画面を求めます (prompt=consent) が、今回は同意画面が表示されなかったようです。',
      'Google sends no refresh token to an app consented to before unless the consent screen is shown again. This tool always asks for it (prompt=consent), but this time it did not appear.',
    ),
    steps: [
      L(
        'サインインするアカウントで https://myaccount.google.com/permissions を開き、このアプリのアクセス権を削除してから、もう一度サインインします。',
        'Open https://myaccount.google.com/permissions with the account you sign in with, remove this app’s access, and sign in again.',
      ),
    ],
    docsUrl: GOOGLE_DOCS.permissions,
  },
  {
    id: 'google-no-device-code',
    kind: 'google',
    title: L(
      'Google のデバイス コードでのサインインは Gmail のスコープに使えません',
      'Google’s device code sign-in does not allow the Gmail scope',
    ),
    why: L(
      'Google のデバイス フロー (テレビや入力の限られた機器向け) で要求できるスコープは限られており、https://mail.google.com/ は含まれません。Google ではブラウザーでサインインします。',
      'Google’s device flow (for TVs and limited-input devices) allows only a few scopes, and https://mail.google.com/ is not one of them. With Google, sign in with a browser.',
    ),
    steps: [
      L(
        'このツールを実行している PC のブラウザーでサインインします (結果は http://127.0.0.1:<空きポート>/ で受け取ります)。',
        'Sign in with a browser on the PC where this tool runs (the result comes back to http://127.0.0.1:<free port>/).',
      ),
      L(
        'ブラウザーのないサーバーでは、rtw acquire --no-browser --port 8765 を実行し、手元の PC から ssh -L 8765:127.0.0.1:8765 でポートを転送してから、表示された URL を手元のブラウザーで開きます。',
        'On a server without a browser, run rtw acquire --no-browser --port 8765, forward the port from your own PC with ssh -L 8765:127.0.0.1:8765, and open the URL it prints in your browser.',
      ),
    ],
    docsUrl: GOOGLE_DOCS.nativeApp,
  },
  {
    id: 'gmail-smtp-535-5.7.8',
    kind: 'google',
    reply: {
      protocol: 'smtp',
      status: '5.7.8',
      phrases: ['Username and Password not accepted'],
      example:
        '535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1b2c3d4e5f6 - gsmtp',
    },
    title: L(
      'Gmail がトークンを受け付けませんでした (535 5.7.8)',
      'Gmail did not accept the token (535 5.7.8)',
    ),
    why: L(
      'Gmail は XOAUTH2 のログインを拒否するとき、まずエラー (base64 の JSON: {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}) を返し、クライアントの空行を待ってから 535 5.7.8 を返します。原因は、アクセス トークンに Gmail のスコープ (https://mail.google.com/) がない、期限が切れている、または user= ({mailbox}) とトークンのアカウントが違う、のどれかです。XOAUTH2 ではなくパスワードでログインした場合も同じ応答になります。',
      'When Gmail refuses an XOAUTH2 login, it first sends an error (base64 JSON: {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}), waits for the client’s empty line, then answers 535 5.7.8. The access token lacks the Gmail scope (https://mail.google.com/), has expired, or belongs to another account than user= ({mailbox}). A login with a password instead of XOAUTH2 gets the same answer.',
    ),
    steps: [
      L(
        'INI の UserID ({mailbox}) が、トークンを発行したときにサインインした Google アカウントと同じか確認します (Gmail には代理でのログインはありません)。',
        'Check that the INI’s UserID ({mailbox}) is the Google account that signed in when the token was issued (Gmail has no delegated login).',
      ),
      L(
        'このツールのトークンの確認を実行します。Google の tokeninfo でトークンのスコープを調べ、Gmail のスコープがなければそう表示します。',
        'Run this tool’s token check: it asks Google’s tokeninfo for the token’s scopes and says so when the Gmail scope is missing.',
      ),
      REISSUE_GOOGLE,
      L(
        '送信プログラムの認証方式が OAuth2 (XOAUTH2) になっているか確認します。',
        'Check that the sending program authenticates with OAuth2 (XOAUTH2).',
      ),
    ],
    docsUrl: GOOGLE_DOCS.xoauth2,
  },
  {
    id: 'gmail-imap-authenticationfailed',
    kind: 'google',
    reply: {
      protocol: 'imap',
      // The RFC 5530 code with Gmail's words: more precise than the code alone (entries-mail-standards.ts).
      responseCode: 'AUTHENTICATIONFAILED',
      phrases: ['Invalid credentials'],
      example: 'A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    },
    title: L(
      'Gmail (IMAP) がトークンを受け付けませんでした ([AUTHENTICATIONFAILED])',
      'Gmail (IMAP) did not accept the token ([AUTHENTICATIONFAILED])',
    ),
    why: L(
      'Gmail の IMAP サーバーは、XOAUTH2 のエラー ({"status":"400",...} の base64) に対するクライアントの空行の後で、このように拒否します。アクセス トークンに Gmail のスコープがない、期限が切れている、または user= ({mailbox}) とトークンのアカウントが違います。',
      'Gmail’s IMAP server refuses like this after the client’s empty line in answer to the XOAUTH2 error ({"status":"400",...} in base64): the access token lacks the Gmail scope, has expired, or belongs to another account than user= ({mailbox}).',
    ),
    steps: [
      L(
        'INI の UserID ({mailbox}) が、トークンを発行したときにサインインした Google アカウントと同じか確認します。',
        'Check that the INI’s UserID ({mailbox}) is the Google account that signed in when the token was issued.',
      ),
      REISSUE_GOOGLE,
    ],
    docsUrl: GOOGLE_DOCS.xoauth2,
  },
  {
    id: 'gmail-pop-invalid-credentials',
    kind: 'google',
    reply: {
      protocol: 'pop',
      responseCode: 'AUTH',
      phrases: ['Invalid credentials'],
      example: '-ERR [AUTH] Invalid credentials.',
    },
    title: L(
      'Gmail (POP) がトークンを受け付けませんでした ([AUTH])',
      'Gmail (POP) did not accept the token ([AUTH])',
    ),
    why: L(
      'Gmail の POP サーバーは、XOAUTH2 のエラー ({"status":"400",...} の base64) に対するクライアントの空行の後で、このように拒否します。アクセス トークンに Gmail のスコープがない、期限が切れている、または user= ({mailbox}) とトークンのアカウントが違います。',
      'Gmail’s POP server refuses like this after the client’s empty line in answer to the XOAUTH2 error ({"status":"400",...} in base64): the access token lacks the Gmail scope, has expired, or belongs to another account than user= ({mailbox}).',
    ),
    steps: [
      L(
        'INI の UserID ({mailbox}) が、トークンを発行したときにサインインした Google アカウントと同じか確認します。',
        'Check that the INI’s UserID ({mailbox}) is the Google account that signed in when the token was issued.',
      ),
      REISSUE_GOOGLE,
    ],
    docsUrl: GOOGLE_DOCS.xoauth2,
  },
  {
    id: 'gmail-imap-disabled-domain',
    kind: 'google',
    reply: {
      protocol: 'imap',
      phrases: ['IMAP access is disabled for your domain'],
      example:
        'A1 NO [ALERT] IMAP access is disabled for your domain. Please contact your domain administrator for questions about this feature. (Failure)',
    },
    title: L(
      'Google Workspace の設定で IMAP が無効になっています',
      'IMAP is turned off in the Google Workspace settings',
    ),
    why: L(
      'トークンは有効ですが、Google Workspace の管理者が組織 (または {mailbox} の組織部門) で IMAP のアクセスを無効にしています。',
      'The token is valid, but the Google Workspace admin has turned IMAP access off for the organization (or the organizational unit of {mailbox}).',
    ),
    steps: [
      L(
        '管理者が Google 管理コンソールの [アプリ] > [Google Workspace] > [Gmail] > [エンドユーザーのアクセス] > [POP と IMAP のアクセス] で、IMAP アクセスを有効にします (組織部門ごとに設定できます)。',
        'An admin turns IMAP access on in the Google Admin console under Apps > Google Workspace > Gmail > End User Access > POP and IMAP access (it can be set per organizational unit).',
      ),
      L(
        '反映には時間がかかることがあります。しばらく待ってから確認をやり直します。',
        'The change can take a while to apply: wait, then run the check again.',
      ),
    ],
    docsUrl: GOOGLE_DOCS.adminPopImap,
  },
  {
    id: 'gmail-imap-disabled',
    kind: 'google',
    reply: {
      protocol: 'imap',
      phrases: ['not enabled for IMAP'],
      example:
        'A1 NO [ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access. (Failure)',
    },
    title: L('このアカウントの IMAP が無効です', 'IMAP is turned off for this account'),
    why: L(
      'トークンは有効ですが、{mailbox} の Gmail の設定で IMAP が無効になっています。',
      'The token is valid, but IMAP is turned off in the Gmail settings of {mailbox}.',
    ),
    steps: [
      L(
        '{mailbox} で Gmail を開き、[設定] (歯車) > [すべての設定を表示] > [メール転送と POP/IMAP] > [IMAP アクセス] で [IMAP を有効にする] を選び、[変更を保存] をクリックします。',
        'Open Gmail as {mailbox} and, under Settings (the gear) > See all settings > Forwarding and POP/IMAP > IMAP access, choose Enable IMAP and click Save Changes.',
      ),
      L(
        '項目が表示されない Google Workspace のアカウントでは、管理者が Google 管理コンソールで IMAP のアクセスを許可する必要があります。',
        'For a Google Workspace account without this setting, an admin must allow IMAP access in the Google Admin console.',
      ),
    ],
    docsUrl: GOOGLE_DOCS.enableImap,
  },
  {
    id: 'gmail-pop-disabled',
    kind: 'google',
    reply: {
      protocol: 'pop',
      responseCode: 'SYS/PERM',
      phrases: ['not enabled for POP'],
      example:
        '-ERR [SYS/PERM] Your account is not enabled for POP access. Please visit your Gmail settings page and enable your account for POP access.',
    },
    title: L(
      'このアカウントの POP が無効です ([SYS/PERM])',
      'POP is turned off for this account ([SYS/PERM])',
    ),
    why: L(
      'トークンは有効で、ログインもできましたが、{mailbox} の Gmail の設定で POP が無効のため、Gmail はログイン後の最初のコマンドで拒否しました。',
      'The token is valid and the login worked, but POP is turned off in the Gmail settings of {mailbox}, so Gmail refused the first command after the login.',
    ),
    steps: [
      L(
        '{mailbox} で Gmail を開き、[設定] (歯車) > [すべての設定を表示] > [メール転送と POP/IMAP] > [POP ダウンロード] で [すべてのメールで POP を有効にする] (または [今後受信するメールで POP を有効にする]) を選び、[変更を保存] をクリックします。',
        'Open Gmail as {mailbox} and, under Settings (the gear) > See all settings > Forwarding and POP/IMAP > POP download, choose Enable POP for all mail (or for mail that arrives from now on) and click Save Changes.',
      ),
      L(
        'Google Workspace では、管理者が Google 管理コンソールの [アプリ] > [Google Workspace] > [Gmail] > [エンドユーザーのアクセス] > [POP と IMAP のアクセス] で POP を許可している必要があります。',
        'In Google Workspace, an admin must also allow POP in the Google Admin console under Apps > Google Workspace > Gmail > End User Access > POP and IMAP access.',
      ),
    ],
    docsUrl: GOOGLE_DOCS.adminPopImap,
  },
  {
    id: 'google-token-scope-missing',
    kind: 'google',
    title: L(
      'アクセス トークンに Gmail のスコープ (https://mail.google.com/) がありません',
      'The access token does not have the Gmail scope (https://mail.google.com/)',
    ),
    why: L(
      'Google の tokeninfo によると、このトークンのスコープは {granted} です。IMAP・POP・SMTP には https://mail.google.com/ が必要で、ないと Gmail はログインを拒否します。同意画面で Gmail へのアクセスのチェックが外されたか、別のスコープで発行されたトークンです。',
      'According to Google’s tokeninfo, the token’s scopes are: {granted}. IMAP, POP and SMTP need https://mail.google.com/; without it Gmail refuses the login. The box for Gmail was unticked on the consent screen, or the token was issued for other scopes.',
    ),
    steps: [
      L(
        'Google Auth Platform > [データアクセス] に https://mail.google.com/ が追加されているか確認します (制限付きスコープ: 「外部」で公開するアプリは Google の確認が必要になりますが、組織内だけで使うなら「内部」で不要です)。',
        'Check that https://mail.google.com/ is listed under Google Auth Platform > Data Access (a restricted scope: a published External app needs Google’s verification, an Internal one for your own organization does not).',
      ),
      REISSUE_GOOGLE,
    ],
    docsUrl: GOOGLE_DOCS.restrictedScopes,
  },
  {
    id: 'google-token-other-account',
    kind: 'google',
    title: L(
      'トークンは {signedInAs} のもので、{mailbox} のものではありません',
      'The token is {signedInAs}’s, not {mailbox}’s',
    ),
    why: L(
      'Google の tokeninfo によると、このトークンは {signedInAs} でサインインして発行されました。Gmail はサインインしたアカウント自身のログインしか受け付けず (別のメールボックスへの代理ログインはありません)、user= が {mailbox} のログインを拒否します。',
      'According to Google’s tokeninfo, the token was issued to {signedInAs}. Gmail accepts a login only as the account that signed in (there is no delegated login to another mailbox), so it refuses user= {mailbox}.',
    ),
    steps: [
      L(
        '{mailbox} としてサインインし直して、トークンを再発行します。',
        'Sign in as {mailbox} and re-issue the token.',
      ),
      L(
        '{signedInAs} から送るのが正しい場合は、INI の UserID を {signedInAs} にします。別のアドレスを差出人にするには、Gmail の [設定] > [アカウント] > [他のメールアドレスを追加] で送信元として追加します (ログインは {signedInAs} のまま)。',
        'If sending from {signedInAs} is right, set the INI’s UserID to {signedInAs}. To send with another From address, add it in Gmail under Settings > Accounts > Send mail as (the login stays {signedInAs}).',
      ),
    ],
    docsUrl: GOOGLE_DOCS.xoauth2,
  },
  {
    id: 'google-tokeninfo-invalid',
    kind: 'google',
    title: L(
      'Google の tokeninfo が、発行したばかりのアクセス トークンを無効と答えました',
      'Google’s tokeninfo says the freshly issued access token is not valid',
    ),
    why: L(
      'トークンを発行した直後に tokeninfo に問い合わせたところ、Google は invalid_token と答えました。アクセス権がその間に取り消されたか、Google 側の一時的な問題です。結果はメール サーバーへのログインで判断します。',
      'Asked right after the token was issued, tokeninfo answered invalid_token: the access was revoked meanwhile, or Google had a passing problem. The login to the mail server decides.',
    ),
    steps: [
      L(
        '下のメール サーバーへのログイン結果を確認します。ログインも失敗した場合は、トークンを再発行します。',
        'Look at the result of the logins below; if they fail too, re-issue the token.',
      ),
    ],
    docsUrl: GOOGLE_DOCS.refreshExpiration,
  },
  {
    id: 'google-tokeninfo-unavailable',
    kind: 'google',
    title: L(
      'トークンのスコープは確認できませんでした (Google の tokeninfo に接続できません)',
      'The token’s scopes were not checked (Google’s tokeninfo could not be reached)',
    ),
    why: L(
      'Google のアクセス トークンは中身を読めない形式のため、スコープは Google の tokeninfo に問い合わせて確認しますが、接続できませんでした (理由: {reason})。メール サーバーへのログインで判断します。',
      'Google’s access tokens cannot be read by their holder, so their scopes are checked by asking Google’s tokeninfo, which could not be reached (reason: {reason}). The login to the mail server decides.',
    ),
    steps: [
      L(
        '対処は不要です。下のメール サーバーへのログイン結果を確認します。',
        'Nothing to do: look at the result of the logins below.',
      ),
    ],
  },
] as const satisfies readonly CatalogueEntry[];

/** The id of a Google entry. */
export type GoogleEntryId = (typeof GOOGLE_ENTRIES)[number]['id'];
