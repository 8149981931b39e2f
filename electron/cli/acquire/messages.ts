/** What `rtw acquire` prints itself, in Japanese and English. Explanations of failures come from diagnose. */
import type { Localized } from '../../core/i18n.js';

export const ACQUIRE_TEXT = {
  invalidInput: { en: 'The input needs fixing:', ja: '入力を修正してください:' },
  secretNeeded: {
    en: 'No client secret: set RTW_CLIENT_SECRET, pass --secret-stdin, run in a terminal to be prompted, or use --public-client.',
    ja: 'クライアント シークレットがありません。RTW_CLIENT_SECRET を設定するか、--secret-stdin を指定するか、端末で実行してプロンプトに入力するか、--public-client を使ってください。',
  },
  listening: {
    en: 'Listening for the sign-in response at {redirectUri} ({addresses}).',
    ja: '{redirectUri} でサインインの応答を待ち受けています ({addresses})。',
  },
  browserOpened: {
    en: 'The sign-in page is open in your browser. If it did not appear, open this URL:',
    ja: 'ブラウザーでサインイン ページを開きました。表示されない場合は次の URL を開いてください:',
  },
  openThisUrl: {
    en: 'Open this URL in a browser on this computer and sign in as the mailbox (or its delegate):',
    ja: 'このコンピューターのブラウザーで次の URL を開き、メールボックス (またはその代理人) としてサインインしてください:',
  },
  waiting: { en: 'Waiting for sign-in… {time} left.', ja: 'サインインを待っています… 残り {time}。' },
  exchanging: {
    en: 'Sign-in received. Redeeming the code for tokens…',
    ja: 'サインインを受け付けました。コードをトークンに交換しています…',
  },
  written: {
    en: 'Saved the refresh token ({token}) for {userId} to {file}.',
    ja: '{userId} のリフレッシュ トークン ({token}) を {file} に保存しました。',
  },
  backup: { en: 'The previous file is kept as {backup}.', ja: '以前のファイルは {backup} に保存しました。' },
  backupFailed: {
    en: 'Warning: the previous file could not be saved as {backup} ({reason}). The new token is in the file.',
    ja: '警告: 以前のファイルを {backup} に保存できませんでした ({reason})。新しいトークンはファイルに保存されています。',
  },
  signedInAs: {
    en: 'Note: you signed in as {signedInAs}, not {userId}. That is right for a shared mailbox you are a delegate of (it needs Full Access, and Send As to send); otherwise sign in again as {userId}.',
    ja: '注意: {userId} ではなく {signedInAs} としてサインインしました。代理人として使う共有メールボックスなら問題ありません (フル アクセス権、送信には送信者権限が必要です)。そうでなければ {userId} としてサインインし直してください。',
  },
  portability: {
    en: "Warning: some INI readers other than Windows' read {keys} differently ({readers}).",
    ja: '警告: Windows 以外の一部の INI 読み取り処理は {keys} を異なる値として読みます ({readers})。',
  },
  cancelled: { en: 'Cancelled. Nothing was written.', ja: '中止しました。何も書き込んでいません。' },
  deviceCodeOpen: {
    en: 'To sign in, open {uri} in a browser on any device (a phone or another PC will do) and enter this code:',
    ja: 'サインインするには、任意の端末 (スマートフォンや別の PC でもかまいません) のブラウザーで {uri} を開き、次のコードを入力してください:',
  },
  deviceCodeWho: {
    en: 'Then sign in as {userId} (or as a delegate of that mailbox). The code expires in {time}; Ctrl+C cancels.',
    ja: 'その後 {userId} (またはそのメールボックスの代理人) としてサインインします。コードの有効期限は残り {time} です。Ctrl+C で中止します。',
  },
  deviceCodeEntra: { en: 'Microsoft says: {message}', ja: 'Microsoft からのメッセージ: {message}' },
  deviceCodeNote: {
    en: 'Device code is a public-client flow: the app registration must have “Allow public client flows” set to Yes (Authentication > Advanced settings), or Entra answers AADSTS7000218. No client secret is used, and the INI gets an empty ClientSecret: some senders require one, and a sender that sends a secret with this token fails refreshing with AADSTS700025.',
    ja: 'デバイス コードはパブリック クライアントのフローです。アプリの登録の [認証] > [詳細設定] で [パブリック クライアント フローを許可する] を [はい] にしておく必要があります (いいえのままだと AADSTS7000218 になります)。クライアント シークレットは使わず、INI の ClientSecret は空になります。ClientSecret を必須とする送信プログラムもあり、このトークンにシークレットを付けて送る送信プログラムは更新時に AADSTS700025 で失敗します。',
  },
  polling: {
    en: 'Waiting for the sign-in with the code… {time} left.',
    ja: 'コードでのサインインを待っています… 残り {time}。',
  },
  publicClientNote: {
    en: 'Public client (no secret): nothing here can expire, but the registration must list the redirect URI under “Mobile and desktop applications” or allow public client flows. The INI’s ClientSecret is empty: some senders require one, and a sender that sends a secret with this token fails refreshing with AADSTS700025.',
    ja: 'パブリック クライアント (シークレットなし): 期限切れになるシークレットはありませんが、アプリの登録でリダイレクト URI を [モバイル アプリケーションとデスクトップ アプリケーション] に登録するか、パブリック クライアント フローを許可しておく必要があります。INI の ClientSecret は空です。ClientSecret を必須とする送信プログラムもあり、このトークンにシークレットを付けて送る送信プログラムは更新時に AADSTS700025 で失敗します。',
  },
  portHint: {
    en: 'Run it again with --port {port} (or --port 0 for any free port), or with --device-code, which needs no port and no browser here.',
    ja: '--port {port} (--port 0 で空きポートを自動選択) を付けてもう一度実行するか、ポートもこの PC のブラウザーも使わない --device-code を付けて実行してください。',
  },
  preflightFailed: {
    en: 'This combination cannot sign in, so nothing was started:',
    ja: 'この組み合わせではサインインできないため、開始しませんでした:',
  },
  deviceCodeNoSecret: {
    en: '--device-code uses no client secret (it is a public-client flow): leave out --secret-stdin.',
    ja: '--device-code はクライアント シークレットを使いません (パブリック クライアントのフロー)。--secret-stdin を外してください。',
  },
  secretPromptKeep: {
    en: 'New client secret Value (input hidden; Enter keeps the one in the file): ',
    ja: '新しいクライアント シークレットの値 (入力は表示されません。Enter でファイルの値をそのまま使います): ',
  },
  prefilled: {
    en: 'Re-issuing from {file}: {userId}, tenant {tenant}, client ID {clientId}.',
    ja: '{file} から再発行します: {userId}、テナント {tenant}、クライアント ID {clientId}。',
  },
  prefilledGoogle: {
    en: 'Re-issuing from {file}: {userId}, Google, client ID {clientId}.',
    ja: '{file} から再発行します: {userId}、Google、クライアント ID {clientId}。',
  },
  googleProviderValueNote: {
    en: 'Provider={value} is what this tool writes for Google. SMAIL’s value for Google is not documented, so it is not confirmed: if your sender expects another, re-issue with --provider-value N (docs/app-registration says how to check it).',
    ja: 'Provider={value} は、このツールが Google 用に書く値です。SMAIL の Google 用の値は文書化されておらず、確認できていません。送信プログラムが別の値を期待する場合は --provider-value N を付けて再発行してください (確認方法は docs/app-registration にあります)。',
  },
  googleTestingNote: {
    en: 'The consent screen is in Testing: Google ends this token seven days after consent, and refreshing does not extend it. Publish the app (In production), or make it Internal, and re-issue.',
    ja: '同意画面が「テスト中」のため、Google はこのトークンを同意から 7 日で失効させ、更新しても延びません。アプリを公開する (本番環境) か「内部」にしてから、再発行してください。',
  },
  googlePortHint: {
    en: 'Run it again with --port 0 (any free port: Google takes any port of 127.0.0.1).',
    ja: '--port 0 (空きポートを自動選択。Google は 127.0.0.1 のどのポートも受け付けます) を付けてもう一度実行してください。',
  },
} as const satisfies Record<string, Localized>;
