/**
 * Every text the wizard shows, in Japanese and English.
 *
 * Why a typed catalogue rather than i18next: the core (validation messages, error explanations) and the CLI
 * already speak in `Localized` records (`{ja, en}`), so one shape serves all three and a text can move between
 * them unchanged; and `satisfies Record<string, Localized>` makes a missing language a compile error, where
 * i18next finds a missing key only at run time (as a fallback the admin sees). Two languages, no plural rules
 * beyond what a sentence can avoid, no lazy loading: a library would add weight and nothing we need.
 *
 * Japanese uses the labels of the Japanese Entra admin center, since that is the screen admins compare with.
 * Placeholders in braces are filled by `format` (core/i18n.ts).
 */
import type { Lang, Localized } from '../../electron/core/i18n.js';

export const CATALOGUE = {
  'app.title': { ja: 'リフレッシュ トークン ウィザード', en: 'Refresh Token Wizard' },
  'app.bridgeFailed.title': { ja: 'アプリ内部で問題が起きました', en: 'Something went wrong inside the app' },
  'app.bridgeFailed.why': {
    ja: 'ウィンドウとアプリ本体の間の通信が失敗しました。入力内容は失われていません。',
    en: 'The window could not reach the rest of the app. Nothing you entered was lost.',
  },
  'app.bridgeFailed.step': {
    ja: 'もう一度お試しください。繰り返し起きる場合は、アプリを再起動してください。',
    en: 'Try again. If it keeps happening, restart the app.',
  },

  'header.language': { ja: '表示言語', en: 'Language' },
  'header.languageOs': { ja: 'OS の設定に従う', en: 'Follow the OS' },

  'rail.label': { ja: '手順', en: 'Steps' },
  'rail.stepNumber': { ja: '手順 {n}: ', en: 'Step {n}: ' },
  'rail.done': { ja: ' (完了)', en: ' (done)' },

  'step.count': { ja: '手順 {n} / {total}', en: 'Step {n} of {total}' },
  'step.account.title': { ja: 'アカウント', en: 'Account' },
  'step.account.description': {
    ja: 'サインインするアカウントの種類と、アプリを登録したテナントを選びます。',
    en: 'Choose the kind of account that signs in, and the tenant the app is registered in.',
  },
  'step.registration.title': { ja: 'アプリの登録', en: 'App registration' },
  'step.registration.description': {
    ja: 'Microsoft Entra 管理センターで登録したアプリの値を入力し、下のチェックリストどおりに設定されているか確認します。',
    en: 'Enter the values of the app you registered in the Microsoft Entra admin center, and check it is set up as the checklist below says.',
  },
  'step.mailbox.title': { ja: 'メールボックス', en: 'Mailbox' },
  'step.mailbox.description': {
    ja: '送信元のメールボックスと、使うプロトコルを指定します。',
    en: 'Enter the mailbox the sender uses, and the protocols it speaks.',
  },
  'step.output.title': { ja: '出力ファイル', en: 'Output file' },
  'step.output.description': {
    ja: 'リフレッシュ トークンを書き込む INI ファイルを選びます (SMAIL などが読む smail_refresh_token.ini)。',
    en: 'Choose the INI file to write the refresh token to (smail_refresh_token.ini, read by SMAIL and other senders).',
  },
  'step.signin.title': { ja: 'サインイン', en: 'Sign in' },
  'step.signin.description': {
    ja: 'ブラウザーでサインインし、アクセスを許可します。完了すると、このアプリがトークンを受け取ってファイルに書き込みます。',
    en: 'Sign in and consent in your browser. When you are done, the app receives the token and writes the file.',
  },
  'step.signin.deviceCode.description': {
    ja: '表示されるコードを、任意の端末のブラウザーの確認ページで入力してサインインします。完了すると、このアプリがトークンを受け取ってファイルに書き込みます。',
    en: 'Enter the code shown here at the verification page, in a browser on any device, and sign in. When you are done, the app receives the token and writes the file.',
  },
  'step.result.title': { ja: '結果', en: 'Result' },
  'step.result.description': {
    ja: '結果と、次に行うことです。',
    en: 'What happened, and what to do next.',
  },

  'nav.back': { ja: '戻る', en: 'Back' },
  'nav.next': { ja: '次へ', en: 'Next' },

  'copy.button': { ja: 'コピー', en: 'Copy' },
  'copy.done': { ja: 'コピーしました', en: 'Copied' },
  'copy.label': { ja: '{what} をコピー', en: 'Copy {what}' },
  'copy.announce': { ja: '{what} をクリップボードにコピーしました', en: '{what} copied to the clipboard' },
  'copy.failed': { ja: 'コピーできませんでした', en: 'Could not copy' },

  'secret.show': { ja: '表示', en: 'Show' },
  'secret.hide': { ja: '非表示', en: 'Hide' },

  'list.separator': { ja: '、', en: ', ' },

  // Step 1: account
  'account.type.legend': { ja: 'アカウントの種類', en: 'Account type' },
  'account.type.work': {
    ja: '職場または学校のアカウント (Microsoft 365)',
    en: 'Work or school account (Microsoft 365)',
  },
  'account.type.workHint': {
    ja: '会社や組織の Microsoft 365 のメールボックス。共有メールボックスもこちらです。',
    en: 'A mailbox in your organization’s Microsoft 365, shared mailboxes included.',
  },
  'account.type.personal': {
    ja: '個人用アカウント (Outlook.com、Hotmail)',
    en: 'Personal account (Outlook.com, Hotmail)',
  },
  'account.type.personalHint': {
    ja: '個人用 Microsoft アカウントのメールボックス。テナントは consumers になります。',
    en: 'A personal Microsoft account’s mailbox. The tenant is consumers.',
  },
  'account.personalTenant': {
    ja: 'テナントは consumers (個人用 Microsoft アカウント) に自動で設定されます。',
    en: 'The tenant is set to consumers (personal Microsoft accounts) for you.',
  },
  'account.customAuthority': {
    ja: 'このファイルは、ここに一覧にないサインイン先 {authority} (専用またはテスト用の環境) を使います。再発行でもそのまま使い、アカウントの種類、テナント、クラウドはそこから決まります。',
    en: 'This file signs in at {authority}, an authority outside the clouds listed here (a private or test deployment). The re-issue keeps it: the account type, tenant and cloud come from it.',
  },
  'account.tenant.label': { ja: 'テナント', en: 'Tenant' },
  'account.tenant.hintCommon': {
    ja: 'common: 職場アカウントと個人用アカウントの両方を受け付けるアプリ (SMAIL の手順どおりの登録)。',
    en: 'common: an app that accepts work and personal accounts (registered as the SMAIL manual says).',
  },
  'account.tenant.hintOrganizations': {
    ja: 'organizations: 任意の組織の職場アカウントだけを受け付けるアプリ (マルチテナント)。',
    en: 'organizations: an app that accepts work accounts of any organization (multitenant).',
  },
  'account.tenant.hintSingle': {
    ja: 'ディレクトリ (テナント) ID または contoso.onmicrosoft.com のようなドメイン: この組織だけのアプリ (シングル テナント)。迷ったらこれが確実です。',
    en: 'The Directory (tenant) ID or a domain such as contoso.onmicrosoft.com: an app for this organization only (single tenant). The safe choice when unsure.',
  },
  'account.advanced': { ja: '詳細設定', en: 'Advanced' },
  'account.cloud.label': { ja: 'クラウド', en: 'Cloud' },
  'account.cloud.hint': {
    ja: '政府機関向けや中国のクラウドを使う場合だけ変更します。',
    en: 'Change this only for a government or China cloud.',
  },
  'account.cloud.personalHint': {
    ja: '個人用アカウントはグローバル クラウドだけです。',
    en: 'Personal accounts exist only in the global cloud.',
  },
  'account.cloud.global': { ja: 'グローバル (Microsoft 365)', en: 'Global (Microsoft 365)' },
  'account.cloud.usgov': { ja: '米国政府 (GCC High)', en: 'US Government (GCC High)' },
  'account.cloud.usgovDod': { ja: '米国政府 (DoD)', en: 'US Government (DoD)' },
  'account.cloud.china': { ja: '中国 (21Vianet が運営)', en: 'China (operated by 21Vianet)' },

  // Step 2: app registration
  'reg.clientId.label': { ja: 'アプリケーション (クライアント) ID', en: 'Application (client) ID' },
  'reg.clientId.hint': {
    ja: 'アプリの登録の「概要」にある GUID です。',
    en: 'The GUID on the app registration’s Overview page.',
  },
  'reg.public.label': { ja: 'シークレットなし (パブリック クライアント)', en: 'No secret (public client)' },
  'reg.public.hint': {
    ja: 'アプリを「モバイル アプリケーションとデスクトップ アプリケーション」として登録した場合に選びます。シークレットの期限切れがなく、INI の ClientSecret は空になります。',
    en: 'Choose this when the app is registered as “Mobile and desktop applications”. No secret to expire; ClientSecret in the INI file stays empty.',
  },
  'reg.secret.label': { ja: 'クライアント シークレットの値', en: 'Client secret Value' },
  'reg.secret.hint': {
    ja: '「証明書とシークレット」の「値」の列です (「シークレット ID」ではありません)。値は作成直後にしか表示されません。',
    en: 'The Value column in Certificates & secrets (not the Secret ID). The Value is shown only right after the secret is created.',
  },
  'reg.openPortal': { ja: 'Entra 管理センターを開く', en: 'Open the Entra admin center' },
  'reg.check.title': { ja: 'Entra で設定すること', en: 'What to set in Entra' },
  'reg.check.introWeb': {
    ja: 'シークレットを使うアプリ (Web プラットフォーム) の設定です。',
    en: 'For an app with a secret (Web platform):',
  },
  'reg.check.introPublic': {
    ja: 'シークレットを使わないアプリ (パブリック クライアント) の設定です。',
    en: 'For an app without a secret (public client):',
  },
  'reg.check.accountTypes': {
    ja: 'サポートされているアカウントの種類 (「概要」または「認証」)',
    en: 'Supported account types (Overview or Authentication)',
  },
  'reg.check.accountTypes.common': {
    ja: '任意の組織ディレクトリ内のアカウントと個人用の Microsoft アカウント',
    en: 'Accounts in any organizational directory and personal Microsoft accounts',
  },
  'reg.check.accountTypes.organizations': {
    ja: '任意の組織ディレクトリ内のアカウント (マルチテナント)',
    en: 'Accounts in any organizational directory (multitenant)',
  },
  'reg.check.accountTypes.single': {
    ja: 'この組織ディレクトリのみに含まれるアカウント (シングル テナント) で構いません。',
    en: 'Accounts in this organizational directory only (single tenant) is fine.',
  },
  'reg.check.accountTypes.personal': {
    ja: '任意の組織ディレクトリ内のアカウントと個人用の Microsoft アカウント、または個人用 Microsoft アカウントのみ',
    en: 'Accounts in any organizational directory and personal Microsoft accounts, or personal Microsoft accounts only',
  },
  'reg.check.platform': {
    ja: 'プラットフォーム (「認証」 > 「プラットフォームを追加」)',
    en: 'Platform (Authentication > Add a platform)',
  },
  'reg.check.platformWeb': { ja: 'Web (「Web」を選びます)', en: 'Web' },
  'reg.check.platformPublic': {
    ja: 'モバイル アプリケーションとデスクトップ アプリケーション (カスタム リダイレクト URI に下の URI を入力)',
    en: 'Mobile and desktop applications (enter the URI below as a custom redirect URI)',
  },
  'reg.check.redirectUri': { ja: 'リダイレクト URI (そのまま入力)', en: 'Redirect URI (exactly as shown)' },
  'reg.check.redirectUriWhat': { ja: 'リダイレクト URI', en: 'the redirect URI' },
  'reg.check.redirectUriNote': {
    ja: 'http と末尾の「/」まで同じにしてください。localhost のポート番号は照合で無視されるため、ポートを変えても登録し直す必要はありません。',
    en: 'Keep the http and the trailing “/”. Entra ignores the port of localhost redirect URIs, so a different port needs no new registration.',
  },
  'reg.check.secret': {
    ja: 'クライアント シークレット (「証明書とシークレット」 > 「新しいクライアント シークレット」)',
    en: 'Client secret (Certificates & secrets > New client secret)',
  },
  'reg.check.secretValue': {
    ja: '作成直後に表示される「値」をコピーして、上の欄に貼り付けます。',
    en: 'Copy the Value shown right after creating it, and paste it above.',
  },
  'reg.check.permissions': {
    ja: 'API のアクセス許可 (委任されたアクセス許可)',
    en: 'API permissions (delegated permissions)',
  },
  'reg.check.permissionsHow': {
    ja: '「アクセス許可の追加」 > 「Microsoft Graph」 > 「委任されたアクセス許可」で、次のアクセス許可を追加します (ポータルでは URL なしの名前で表示されます)。',
    en: 'Add permission > Microsoft Graph > Delegated permissions, then add these (the portal lists them without the URL prefix).',
  },
  'reg.check.permissionsNote': {
    ja: 'このアプリは完全な名前で要求します。URL なしの SMTP.Send を要求すると Microsoft Graph 向けのトークンになり、メール サーバーが 535 5.7.3 で拒否します。手順 3 で IMAP や POP を選ぶと、ここに追加されます。',
    en: 'The wizard requests them fully qualified: a bare SMTP.Send would be a Microsoft Graph token, which the mail server rejects with 535 5.7.3. Choosing IMAP or POP in step 3 adds them here.',
  },
  'reg.check.publicFlows': {
    ja: 'パブリック クライアント フローを許可する (「認証」 > 「詳細設定」)',
    en: 'Allow public client flows (Authentication > Advanced settings)',
  },
  'reg.check.publicFlowsYes': { ja: '「はい」にします。', en: 'Yes' },
  'reg.check.publicFlowsNo': { ja: '「いいえ」のままにします。', en: 'No (leave it off)' },
  'reg.check.publicFlowsDeviceCode': {
    ja: 'デバイス コードでサインインする場合は「はい」にします (シークレットは使わず、INI の ClientSecret は空になります)。',
    en: 'Yes if you sign in with a device code (no secret is used; the INI gets an empty ClientSecret).',
  },

  // Step 3: mailbox
  'mailbox.userId.label': { ja: 'メールボックス (UserID)', en: 'Mailbox (UserID)' },
  'mailbox.userId.hint': {
    ja: '送信元のアドレスです。INI ファイルの UserID に書き込まれ、送信プログラムはこのアドレスでログインします。',
    en: 'The sender’s address. It is written as UserID in the INI file, and the sender logs in as it.',
  },
  'mailbox.shared.title': { ja: '共有メールボックスの場合', en: 'For a shared mailbox' },
  'mailbox.shared.body': {
    ja: '共有メールボックス自身ではサインインできません。フル アクセス権を持つユーザーでサインインしてください。そのアドレスから送信するには「送信者」(Send As) 権限も必要です。',
    en: 'A shared mailbox cannot sign in itself: sign in as a user with Full Access to it. To send from its address, that user also needs Send As.',
  },
  'mailbox.protocols.legend': { ja: 'プロトコル', en: 'Protocols' },
  'mailbox.protocols.hint': {
    ja: '送信プログラムが使うものを選びます。アプリの登録には、選んだものに対応するアクセス許可が必要です (手順 2 のチェックリスト)。',
    en: 'Choose what the sender uses. The app registration needs the matching permission (the checklist in step 2).',
  },
  'mailbox.protocol.smtp': { ja: 'SMTP (メール送信)', en: 'SMTP (sending mail)' },
  'mailbox.protocol.imap': { ja: 'IMAP (メール受信)', en: 'IMAP (reading mail)' },
  'mailbox.protocol.pop': { ja: 'POP (メール受信)', en: 'POP (reading mail)' },
  'mailbox.protocol.server': { ja: 'サーバー: {server}', en: 'Server: {server}' },

  // Step 4: output
  'output.file.label': { ja: 'INI ファイル', en: 'INI file' },
  'output.file.hint': {
    ja: 'SMAIL の場合は、後で smail.exe と同じフォルダーに置きます。',
    en: 'For SMAIL, it goes into the same folder as smail.exe later.',
  },
  'output.choose': { ja: '選択…', en: 'Choose…' },
  'output.plan.loading': { ja: 'ファイルを確認しています…', en: 'Checking the file…' },
  'output.plan.new': { ja: '新しいファイルを作成します。', en: 'A new file will be created.' },
  'output.plan.exists': { ja: 'このファイルは既にあります。', en: 'This file exists.' },
  'output.plan.backup': {
    ja: '書き込む前に、今の内容を {backup} に保存します。',
    en: 'Before writing, its current content is saved as {backup}.',
  },
  'output.plan.keys': {
    ja: '[OAUTH2] セクションの次のキーを書き込みます: {keys}',
    en: 'These keys of the [OAUTH2] section are written: {keys}',
  },
  'output.plan.changed': { ja: '値が変わるキー: {keys}', en: 'Keys whose value changes: {keys}' },
  'output.plan.added': { ja: '追加されるキー: {keys}', en: 'Keys added: {keys}' },
  'output.plan.duplicates': {
    ja: '読まれない重複したキーを削除します: {keys}',
    en: 'Ignored duplicate keys are removed: {keys}',
  },
  'output.plan.kept': {
    ja: 'ほかのセクションとキー、コメントはそのまま残します。',
    en: 'Other sections, keys and comments stay as they are.',
  },
  'output.warnings.title': {
    ja: 'ほかのプログラムでは正しく読めない値があります',
    en: 'Some values other programs would misread',
  },
  'output.warnings.item': {
    ja: '{key}: Windows (SMAIL など) は正しく読めますが、{readers} では別の値として読まれます。',
    en: '{key}: Windows (SMAIL and others) reads it correctly, but {readers} would read another value.',
  },
  'output.reader.ini': { ja: 'Node.js の ini パッケージ', en: 'the Node.js ini package' },
  'output.reader.python': { ja: 'Python の configparser', en: 'Python’s configparser' },

  // Step 5: sign in
  'signin.summary.mailbox': { ja: 'メールボックス', en: 'Mailbox' },
  'signin.summary.redirectUri': { ja: 'リダイレクト URI', en: 'Redirect URI' },
  'signin.summary.file': { ja: '出力ファイル', en: 'Output file' },
  'signin.intro': {
    ja: 'ボタンを押すとブラウザーが開きます。{mailbox} (または、そのメールボックスにフル アクセス権を持つユーザー) でサインインし、アクセス許可に同意してください。',
    en: 'The button opens your browser. Sign in as {mailbox} (or as a user with Full Access to it) and accept the permissions.',
  },
  'signin.start': { ja: 'ブラウザーでサインイン', en: 'Sign in with the browser' },
  'signin.advanced': { ja: '詳細設定', en: 'Advanced' },
  'signin.port.label': { ja: 'リダイレクト ポート', en: 'Redirect port' },
  'signin.port.hint': {
    ja: '既定は 8001 です。Entra は localhost のポート番号を無視するため、登録を変えずに別のポートを使えます。',
    en: 'Default 8001. Entra ignores the port of localhost redirect URIs, so another port works without changing the registration.',
  },
  'signin.cancelled': {
    ja: 'キャンセルしました。ポートは解放されています。もう一度サインインできます。',
    en: 'Cancelled. The port was released; you can sign in again.',
  },
  'signin.now.idle': { ja: '待機中です。', en: 'Ready.' },
  'signin.now.starting': { ja: '準備しています…', en: 'Getting ready…' },
  'signin.now.waiting': {
    ja: 'ブラウザーでのサインインを待っています。{mailbox} でサインインしてください。',
    en: 'Waiting for you to sign in in the browser, as {mailbox}.',
  },
  'signin.now.exchanging': {
    ja: 'サインインを確認しました。リフレッシュ トークンを受け取り、ファイルに書き込んでいます…',
    en: 'Signed in. Getting the refresh token and writing the file…',
  },
  'signin.now.cancelling': { ja: 'キャンセルしています…', en: 'Cancelling…' },
  'signin.stage.listen': { ja: 'リダイレクトの受信を開始', en: 'Listen for the redirect' },
  'signin.stage.browser': { ja: 'ブラウザーでサインイン', en: 'Sign in in the browser' },
  'signin.stage.exchange': {
    ja: 'トークンの受け取りとファイルへの書き込み',
    en: 'Get the token and write the file',
  },
  'signin.stageState.done': { ja: ' (完了)', en: ' (done)' },
  'signin.stageState.active': { ja: ' (実行中)', en: ' (in progress)' },
  'signin.stageState.todo': { ja: ' (未実行)', en: ' (not started)' },
  'signin.listening': {
    ja: 'ポート {port} で待ち受けています: {uri}',
    en: 'Listening on port {port}: {uri}',
  },
  'signin.countdownLabel': { ja: 'サインインの残り時間', en: 'Time left to sign in' },
  'signin.countdown': { ja: '残り {time}', en: '{time} left' },
  'signin.announce.minutes': {
    ja: 'サインインの残り時間は約 {minutes} 分です',
    en: 'About {minutes} minutes left to sign in',
  },
  'signin.announce.lastMinute': {
    ja: 'サインインの残り時間は 1 分を切りました',
    en: 'Less than a minute left to sign in',
  },
  'signin.noBrowser.title': { ja: 'ブラウザーを開けませんでした', en: 'The browser did not open' },
  'signin.noBrowser.body': {
    ja: '次の URL をコピーし、このコンピューターのブラウザーで開いてください (サインイン後の戻り先がこのコンピューターの localhost のため)。',
    en: 'Copy this URL and open it in a browser on this computer (sign-in returns to localhost on this computer).',
  },
  'signin.url.summary': {
    ja: 'ブラウザーが開かない、またはタブを閉じてしまった場合',
    en: 'Browser did not open, or you closed the tab?',
  },
  'signin.url.what': { ja: 'サインイン URL', en: 'the sign-in URL' },
  'signin.cancel': { ja: 'キャンセル', en: 'Cancel' },
  'signin.portBusy.searching': { ja: '空いているポートを探しています…', en: 'Looking for a free port…' },
  'signin.portBusy.none': {
    ja: 'ポート {port} の近くに空いているポートが見つかりませんでした。ポートを使っているプログラムを終了するか、「詳細設定」で別のポートを指定してください。',
    en: 'No free port was found near {port}. Close the program using it, or enter another port under Advanced.',
  },
  'signin.portBusy.offer': {
    ja: 'Entra は localhost のリダイレクト URI のポート番号を無視するため、登録済みの {registered} のまま {used} で受け取れます。アプリの登録を変える必要はありません。',
    en: 'Entra ignores the port of localhost redirect URIs, so the registered {registered} also matches {used}. No change to the app registration is needed.',
  },
  'signin.portBusy.retry': { ja: 'ポート {port} で再試行', en: 'Retry on port {port}' },
  'signin.portBusy.details': {
    ja: 'ポートを使っているプログラムを調べるには',
    en: 'Find the program using the port',
  },

  'signin.deviceCode.offer': { ja: '代わりにデバイス コードを使う', en: 'Use a device code instead' },
  'signin.deviceCode.offerHint': {
    ja: 'この PC にブラウザーがない場合や、リダイレクト ポートを開けない場合に。表示されるコードを別の端末 (スマートフォンでも可) で入力してサインインします。',
    en: 'For a machine without a browser, or where the redirect port cannot be opened: you enter a code on any other device (a phone will do) and sign in there.',
  },
  'signin.deviceCode.title': { ja: 'デバイス コードでサインイン', en: 'Sign in with a device code' },
  'signin.deviceCode.intro': {
    ja: 'Microsoft Entra から短いコードを受け取ります。確認ページでコードを入力し、{mailbox} (または、そのメールボックスにフル アクセス権を持つユーザー) でサインインしてください。この PC はその間待機し、ファイルに書き込みます。ブラウザーもポートも使いません。',
    en: 'Microsoft Entra gives a short code. Enter it at the verification page on any device and sign in as {mailbox} (or as a user with Full Access to it); this PC waits and writes the file. No browser here, no port.',
  },
  'signin.deviceCode.needsPublic': {
    ja: 'アプリの登録で「認証」 > 「詳細設定」 > 「パブリック クライアント フローを許可する」を「はい」にする必要があります (「いいえ」のままだと AADSTS7000218 になります)。',
    en: 'The app registration needs Authentication > Advanced settings > Allow public client flows set to Yes (otherwise Entra answers AADSTS7000218).',
  },
  'signin.deviceCode.emptySecret': {
    ja: 'シークレットは使いません。INI ファイルの ClientSecret は空になります。送信側によってはシークレットが必須です。また、このトークンでシークレットを送る送信側は、更新時に AADSTS700025 で失敗します。',
    en: 'No secret is used: the INI file gets an empty ClientSecret. Some senders require one, and a sender that sends a secret with this token fails to refresh it with AADSTS700025.',
  },
  'signin.deviceCode.start': { ja: 'コードを取得', en: 'Get a code' },
  'signin.deviceCode.useBrowser': {
    ja: '代わりにブラウザーでサインイン',
    en: 'Sign in with the browser instead',
  },
  'signin.deviceCode.now.starting': {
    ja: 'Microsoft Entra にコードを要求しています…',
    en: 'Asking Microsoft Entra for a code…',
  },
  'signin.deviceCode.now.waiting': {
    ja: 'コードの入力と {mailbox} でのサインインを待っています。この PC が数秒ごとに確認します。',
    en: 'Waiting for the code to be entered and for the sign-in as {mailbox}. This PC checks every few seconds.',
  },
  'signin.deviceCode.code': { ja: 'コード', en: 'Code' },
  'signin.deviceCode.codeWhat': { ja: 'コード', en: 'the code' },
  'signin.deviceCode.page': { ja: '確認ページ', en: 'Verification page' },
  'signin.deviceCode.pageWhat': { ja: '確認ページの URL', en: 'the verification page URL' },
  'signin.deviceCode.open': { ja: 'このコンピューターで開く', en: 'Open on this computer' },
  'signin.deviceCode.step.open': {
    ja: '確認ページを開きます (この PC でも、スマートフォンなど別の端末でもかまいません)。',
    en: 'Open the verification page, on this computer or any other device (a phone will do).',
  },
  'signin.deviceCode.step.enter': { ja: 'コードを入力します。', en: 'Enter the code.' },
  'signin.deviceCode.step.signIn': {
    ja: '{mailbox} でサインインし、アクセス許可に同意します。',
    en: 'Sign in as {mailbox} and accept the permissions.',
  },
  'signin.deviceCode.entra': { ja: 'Microsoft Entra からのメッセージ', en: 'Microsoft Entra says' },
  'signin.deviceCode.countdownLabel': {
    ja: 'コードの有効期限までの残り時間',
    en: 'Time left before the code expires',
  },
  'signin.deviceCode.countdown': { ja: 'コードの有効期限まで残り {time}', en: 'The code expires in {time}' },
  'signin.deviceCode.announce.minutes': {
    ja: 'コードの有効期限まで約 {minutes} 分です',
    en: 'About {minutes} minutes left before the code expires',
  },
  'signin.deviceCode.announce.lastMinute': {
    ja: 'コードの有効期限まで 1 分を切りました',
    en: 'Less than a minute left before the code expires',
  },
  'signin.deviceCode.cancelled': {
    ja: 'キャンセルしました。コードは使われません。もう一度コードを取得できます。',
    en: 'Cancelled. The code will not be used; you can get a new one.',
  },

  // Step 6: result
  'result.success.created': {
    ja: 'リフレッシュ トークンを取得し、新しいファイルに書き込みました。',
    en: 'The refresh token was saved to a new file.',
  },
  'result.success.updated': {
    ja: 'リフレッシュ トークンを取得し、ファイルを更新しました。',
    en: 'The refresh token was saved; the file was updated.',
  },
  'result.file': { ja: 'ファイル', en: 'File' },
  'result.fileWhat': { ja: 'ファイルのパス', en: 'the file path' },
  'result.showInFolder': { ja: 'フォルダーに表示', en: 'Show in folder' },
  'result.backup': { ja: '以前の内容', en: 'Previous content' },
  'result.userId': { ja: 'メールボックス (UserID)', en: 'Mailbox (UserID)' },
  'result.signedInAs': { ja: 'サインインしたアカウント', en: 'Signed in as' },
  'result.token': { ja: 'リフレッシュ トークン', en: 'Refresh token' },
  'result.tokenNote': {
    ja: '安全のため先頭の数文字と長さだけを表示しています。トークン全体はファイルにだけ書き込まれています。',
    en: 'Only its first characters and length are shown, for safety. The whole token is only in the file.',
  },
  'result.otherAccount': {
    ja: '{signedInAs} でサインインしましたが、ファイルの UserID は {userId} です。{signedInAs} が {userId} にフル アクセス権 (送信するには「送信者」権限も) を持っていれば使えます。そうでなければ、{userId} でサインインし直してください。',
    en: 'You signed in as {signedInAs}, but the file’s UserID is {userId}. This works only if {signedInAs} has Full Access to {userId} (and Send As, to send from it); otherwise sign in again as {userId}.',
  },
  'result.next.title': { ja: '次に行うこと', en: 'Next' },
  'result.next.copy': {
    ja: '送信プログラムがこのファイルを読めるようにします (SMAIL の場合は smail.exe と同じフォルダーにコピー)。',
    en: 'Make the file available to the sender (for SMAIL, copy it into the folder of smail.exe).',
  },
  'result.next.smail': {
    ja: 'SMAIL では、SMTP 認証に OAUTH-XOAUTH2 を選びます。SMTP のユーザー ID とパスワードは使われません。',
    en: 'In SMAIL, choose OAUTH-XOAUTH2 as the SMTP authentication. The SMTP user ID and password are not used.',
  },
  'result.next.expiry': {
    ja: 'リフレッシュ トークンは 90 日間使われないと失効します。使うたびに更新されるので、定期的に送信していれば再取得は不要です。',
    en: 'The refresh token expires after 90 days without use. Each use renews it, so a sender that runs regularly never needs a new one.',
  },
  'result.fix': { ja: '「{step}」に戻って修正', en: 'Fix it in “{step}”' },
  'result.retry': { ja: 'サインインをやり直す', en: 'Try signing in again' },
  'result.restart': { ja: '最初からやり直す', en: 'Start again' },

  // Header navigation and views
  'nav.views': { ja: '画面', en: 'Views' },
  'nav.wizard': { ja: 'トークンの取得', en: 'Get a token' },
  'nav.openFile': { ja: 'INI ファイルを開く…', en: 'Open an INI file…' },
  'nav.mailboxes': { ja: 'メールボックス一覧', en: 'Mailboxes' },
  'drop.busy': {
    ja: 'サインインまたは一括再発行の実行中は、ほかのファイルを開けません。終了するか中止してから、もう一度ドロップしてください。',
    en: 'A file cannot be opened while a sign-in or a re-issue of all is running. Let it finish or cancel it, then drop the file again.',
  },
  'drop.notIni': {
    ja: 'ドロップされたものは INI ファイルではありません。.ini ファイルをウィンドウにドロップしてください。',
    en: 'That is not an INI file. Drop a .ini file on the window.',
  },
  'reissue.note': {
    ja: '{file} のトークンを再発行します。ファイルの設定が入力済みなので、変わったもの (新しいシークレットの値など) だけを変更してサインインしてください。ファイルは同じ場所に書き直され、ほかのキーはそのまま残り、以前の内容は .bak に保存されます。',
    en: 'Re-issuing the token of {file}. The form is filled in from the file: change only what changed (such as a new secret Value) and sign in. The file is rewritten in place, its other keys kept, its previous content saved as .bak.',
  },

  // Step 7: check
  'step.check.title': { ja: 'トークンの確認', en: 'Check' },
  'step.check.description': {
    ja: '送信プログラムと同じ方法 (XOAUTH2) で、メール サーバーにログインできるか確かめます。ファイルは変更しません。',
    en: 'Log in to the mail servers with the token, as the sender will (XOAUTH2). The file is not changed.',
  },
  'result.checkNow': { ja: '今すぐトークンを確認', en: 'Check the token now' },
  'result.registered': {
    ja: 'このファイルをメールボックス一覧に追加しました。',
    en: 'The file was added to your mailboxes.',
  },
  'result.registered.remembered': {
    ja: 'このファイルをメールボックス一覧に追加し、シークレットを OS のキーチェーンで暗号化して保存しました。',
    en: 'The file was added to your mailboxes, and the secret was saved, encrypted with the OS keychain.',
  },
  'result.registered.noEncryption': {
    ja: 'このファイルをメールボックス一覧に追加しました。このコンピューターでは暗号化が使えないため、シークレットは保存していません。',
    en: 'The file was added to your mailboxes. The secret was not saved: this computer offers no encryption for it.',
  },
  'result.registered.failed': {
    ja: 'このファイルをメールボックス一覧に追加できませんでした。ファイルは書き込まれています。',
    en: 'The file could not be added to your mailboxes. It was written all the same.',
  },
  'check.protocols': { ja: 'ログインするプロトコル', en: 'Protocols to log in with' },
  'check.sendTo.label': {
    ja: 'テスト メッセージの送信先 (省略可)',
    en: 'Send a test message to (optional)',
  },
  'check.sendTo.hint': {
    ja: 'SMTP のログイン後、このアドレスにテスト メッセージを 1 通送ります。空欄ならログインだけを確認します。',
    en: 'After the SMTP login, one test message is sent to this address. Leave it empty to check the login only.',
  },
  'check.run': { ja: 'トークンを確認', en: 'Check the token' },
  'check.runAgain': { ja: 'もう一度確認', en: 'Check again' },
  'check.progress.redeeming': {
    ja: 'リフレッシュ トークンでアクセス トークンを取得しています…',
    en: 'Getting an access token with the refresh token…',
  },
  'check.progress.connecting': {
    ja: '{protocol} サーバー {server} にログインしています…',
    en: 'Logging in to the {protocol} server {server}…',
  },
  'check.progress.working': { ja: '確認しています…', en: 'Checking…' },
  'check.summary.ok': {
    ja: 'トークンは使えます。選んだすべてのプロトコルでログインできました。',
    en: 'The token works: every protocol checked logged in.',
  },
  'check.summary.failed': {
    ja: '問題が見つかりました。下の説明に従って修正してください。',
    en: 'The check found problems. Each is explained below with its fix.',
  },
  'check.token.title': { ja: 'アクセス トークン', en: 'Access token' },
  'check.token.audience': { ja: '対象 (aud)', en: 'Audience (aud)' },
  'check.token.scopes': { ja: 'スコープ (scp)', en: 'Scopes (scp)' },
  'check.token.user': { ja: 'ユーザー', en: 'User' },
  'check.token.none': { ja: '(なし)', en: '(none)' },
  'check.token.opaque': {
    ja: 'このアクセス トークンは中身を読めない形式です (個人用アカウント)。使えるかどうかは下のログイン結果でわかります。',
    en: 'This access token cannot be read (a personal account’s). The logins below tell whether it works.',
  },
  'check.token.rotated': {
    ja: '確認中に Entra が新しいリフレッシュ トークンを発行しました。ファイルのトークンは引き続き有効なので、書き換えていません。',
    en: 'Entra issued a new refresh token during the check. The token in the file stays valid and was not replaced.',
  },
  'check.findings.title': { ja: '気づいたこと', en: 'Findings' },
  'check.results.title': { ja: 'ログインの結果', en: 'Logins' },
  'check.result.ok': {
    ja: '{protocol} ({server}): ログインできました',
    en: '{protocol} ({server}): logged in',
  },
  'check.result.failed': {
    ja: '{protocol} ({server}): ログインできませんでした',
    en: '{protocol} ({server}): login failed',
  },
  'check.result.messageSent': {
    ja: 'テスト メッセージはサーバーに受け付けられました。',
    en: 'The test message was accepted by the server.',
  },
  'check.transcript': {
    ja: '{protocol} のやり取り ({lines} 行、トークンは伏せてあります)',
    en: '{protocol} transcript ({lines} lines, tokens masked)',
  },
  'check.transcriptWhat': { ja: '{protocol} のやり取り', en: 'the {protocol} transcript' },

  // The file view
  'file.title': { ja: 'INI ファイル', en: 'INI file' },
  'file.description': {
    ja: 'トークンの状態と、確認・更新・再発行・定期更新の設定です。',
    en: 'The token’s health, and checking, refreshing, re-issuing and scheduling it.',
  },
  'file.loading': { ja: '読み込んでいます…', en: 'Loading…' },
  'file.issuedAt': { ja: '発行日時', en: 'Issued' },
  'file.lastRefreshedAt': { ja: '最終更新日時', en: 'Last refreshed' },
  'file.tokenDays': { ja: 'トークンの期限 (90 日)', en: 'Token (90-day limit)' },
  'file.secretExpires': { ja: 'シークレットの有効期限', en: 'Secret expires' },
  'file.secretWhen': { ja: '{date} まで ({days})', en: '{date} ({days})' },
  'file.secretExpiryUnknown': {
    ja: '記録がありません (再発行時に入力すると、期限前に警告します)',
    en: 'Not recorded (enter it when re-issuing to be warned in time)',
  },
  'file.noSecret': { ja: 'シークレットなし (パブリック クライアント)', en: 'No secret (public client)' },
  'file.daysLeft': { ja: '残り {days} 日', en: '{days} days left' },
  'file.daysAgo': { ja: '{days} 日前に期限切れ', en: 'expired {days} days ago' },
  'file.state.ok': { ja: '正常', en: 'OK' },
  'file.state.warning': { ja: '期限間近', en: 'Expires soon' },
  'file.state.expired': { ja: '期限切れ', en: 'Expired' },
  'file.state.unknown': { ja: '不明', en: 'Unknown' },
  'file.action.check': { ja: '確認', en: 'Check' },
  'file.action.refresh': { ja: '今すぐ更新', en: 'Refresh now' },
  'file.action.reissue': { ja: '再発行', en: 'Re-issue' },
  'file.refresh.running': { ja: '更新しています…', en: 'Refreshing…' },
  'file.refresh.done': {
    ja: 'トークンを更新し、ファイルに書き込みました (新しいトークン: {token})。以前の内容は .bak に保存されています。',
    en: 'The token was refreshed and written to the file (new token: {token}). The previous content is saved as .bak.',
  },
  'file.check.title': { ja: 'トークンの確認', en: 'Check the token' },
  // Keep alive (the file view): this OS's scheduler only
  'keepAlive.title': { ja: '自動更新 (Keep alive)', en: 'Keep alive' },
  'keepAlive.intro': {
    ja: 'トークンは 90 日間使われないと失効します。{backend} にスケジュールを登録すると、このアプリがウィンドウを開かずに定期的に更新し、送信の少ないプログラムでも使い続けられます。',
    en: 'A token expires after 90 days without use. With a schedule in {backend}, this app refreshes it regularly without opening a window, so even a rarely used sender keeps working.',
  },
  'keepAlive.loading': { ja: 'スケジュールを確認しています…', en: 'Looking for the schedule…' },
  'keepAlive.backend.windows-task': { ja: 'Windows タスク スケジューラ', en: 'Windows Task Scheduler' },
  'keepAlive.backend.launchd': { ja: 'macOS の LaunchAgent', en: 'a macOS LaunchAgent' },
  'keepAlive.backend.systemd': { ja: 'systemd のユーザー タイマー', en: 'a systemd user timer' },
  'keepAlive.backend.cron': { ja: 'cron (ユーザーの crontab)', en: 'cron (crontab)' },
  'keepAlive.state': { ja: '状態', en: 'Status' },
  'keepAlive.state.on': {
    ja: '有効: {every} 日ごと {at} ({backend})',
    en: 'On: every {every} day(s) at {at} ({backend})',
  },
  'keepAlive.state.off': { ja: '設定されていません', en: 'Not set up' },
  'keepAlive.nextRun': { ja: '次回の実行', en: 'Next run' },
  'keepAlive.lastRun': { ja: '前回の実行', en: 'Last run' },
  'keepAlive.never': { ja: 'まだ実行されていません', en: 'Not run yet' },
  'keepAlive.result.ok': { ja: '成功', en: 'succeeded' },
  'keepAlive.result.reissue': { ja: '再発行が必要なトークンがあります', en: 'a token needs re-issuing' },
  'keepAlive.result.failed': { ja: '失敗 (終了コード {code})', en: 'failed (exit code {code})' },
  'keepAlive.result.unknown': { ja: '結果不明', en: 'result unknown' },
  'keepAlive.recorded': { ja: '前回の結果', en: 'Last result' },
  'keepAlive.recordedValue': {
    ja: '{at}: 更新 {refreshed} 件、要再発行 {needsReissue} 件、失敗 {failed} 件',
    en: '{at}: {refreshed} refreshed, {needsReissue} to re-issue, {failed} failed',
  },
  'keepAlive.every': { ja: '間隔', en: 'How often' },
  'keepAlive.everyDays': { ja: '{days} 日ごと', en: 'Every {days} day(s)' },
  'keepAlive.at': { ja: '時刻', en: 'Time' },
  'keepAlive.atHint': {
    ja: '24 時間表記の HH:MM (例: 03:17)。最大 15 分遅れて開始します。',
    en: 'HH:MM, 24-hour (e.g. 03:17). Runs start up to 15 minutes later.',
  },
  'keepAlive.loggedOut': { ja: 'サインアウト中も実行する', en: 'Also while signed out' },
  'keepAlive.loggedOut.hint.windows-task': {
    ja: 'パスワードを保存せずに実行します (S4U)。この場合、ネットワーク共有上のファイルは読めません。登録に管理者権限が必要な場合があります。',
    en: 'Runs without storing your password (S4U). Files on network shares cannot be read then. Registering it may need administrator rights.',
  },
  'keepAlive.loggedOut.hint.launchd': {
    ja: 'LaunchAgent はログイン中だけ実行されます。ログアウト中も実行するには管理者が LaunchDaemon として設定します (ドキュメント参照)。',
    en: 'A LaunchAgent runs only while you are logged in. To run logged out, an administrator sets it up as a LaunchDaemon (see the docs).',
  },
  'keepAlive.loggedOut.hint.systemd': {
    ja: 'このアカウントの lingering を有効にします (loginctl enable-linger)。',
    en: 'Turns lingering on for this account (loginctl enable-linger).',
  },
  'keepAlive.loggedOut.hint.cron': {
    ja: 'cron はログインしていなくても実行されます。',
    en: 'cron runs whether or not you are logged in.',
  },
  'keepAlive.add': { ja: '自動更新を設定', en: 'Turn on' },
  'keepAlive.update': { ja: '設定を変更', en: 'Update' },
  'keepAlive.remove': { ja: '自動更新を解除', en: 'Turn off' },

  // Alerts (in the Keep alive panel)
  'alerts.title': { ja: '通知', en: 'Alerts' },
  'alerts.intro': {
    ja: '定期更新が失敗したとき、トークンの期限まで 14 日以内になったとき、クライアント シークレットの有効期限まで 30 日以内になったときに知らせます。同じ問題の通知は 1 日 1 回です。設定はすべてのスケジュールに共通です。',
    en: 'Tells you when a scheduled refresh fails, when a token is within 14 days of its limit, and when a client secret is within 30 days of its expiry. The same problem is alerted once a day. The settings apply to every schedule.',
  },
  'alerts.channel.webhook': { ja: 'Webhook 通知', en: 'Webhook' },
  'alerts.channel.email': { ja: 'メール', en: 'E-mail' },
  'alerts.channel.os-log': { ja: 'OS のログ', en: 'OS log' },
  'alerts.none': { ja: '未設定', en: 'Not set' },
  'alerts.on': { ja: '有効', en: 'On' },
  'alerts.off': { ja: '無効', en: 'Off' },
  'alerts.emailValue': { ja: '{to} (送信元: {via})', en: '{to} (sent by {via})' },
  'alerts.anyMailbox': {
    ja: '更新に成功した、SMTP を使えるメールボックス',
    en: 'a mailbox the run refreshed, with SMTP',
  },
  'alerts.webhookUrl': { ja: 'Webhook の URL', en: 'Webhook URL' },
  'alerts.webhookHint': {
    ja: 'Teams の Workflows (「Webhook 要求を受信したらチャネルに投稿する」)、Slack の Incoming Webhook などの URL。URL は鍵なので、保存後は表示しません。',
    en: 'The URL of a Teams Workflows trigger (“Post to a channel when a webhook request is received”), a Slack incoming webhook, or another receiver. The URL is a key: it is not shown again once saved.',
  },
  'alerts.format': { ja: '形式', en: 'Format' },
  'alerts.format.auto': { ja: 'URL から判断', en: 'From the URL' },
  'alerts.format.teams': { ja: 'Teams (アダプティブ カード)', en: 'Teams (Adaptive Card)' },
  'alerts.format.slack': { ja: 'Slack 形式', en: 'Slack' },
  'alerts.format.json': { ja: 'JSON 形式', en: 'JSON' },
  'alerts.email': { ja: '通知先のメール アドレス', en: 'Send alerts by e-mail to' },
  'alerts.viaThisFile': {
    ja: 'このファイルのメールボックスから送信する',
    en: 'Send them from this file’s mailbox',
  },
  'alerts.osLog': {
    ja: 'OS のログにも書き込む (イベント ログ、syslog、統合ログ)',
    en: 'Also write them to the OS log (Event Log, syslog, unified log)',
  },
  'alerts.save': { ja: '通知の設定を保存', en: 'Save alert settings' },
  'alerts.test': { ja: 'テスト通知を送信', en: 'Send a test alert' },
  'alerts.removeWebhook': { ja: 'Webhook を削除', en: 'Remove the webhook' },
  'alerts.removeEmail': { ja: 'メールの通知を削除', en: 'Remove the e-mail' },
  'alerts.test.sent': { ja: '送信しました ({channel}): {detail}', en: 'Sent ({channel}): {detail}' },
  'alerts.test.failed': {
    ja: '送信できませんでした ({channel}): {detail}',
    en: 'Not sent ({channel}): {detail}',
  },

  // The mailboxes view
  'mailboxes.title': { ja: 'メールボックス一覧', en: 'Mailboxes' },
  'mailboxes.description': {
    ja: 'このアプリで書き込んだファイルと開いたファイルです。トークンの状態を確認し、まとめて更新できます。',
    en: 'The files this app wrote or opened: their tokens’ health, refreshed one by one or all at once.',
  },
  'mailboxes.add': { ja: 'INI ファイルを追加…', en: 'Add an INI file…' },
  'mailboxes.refreshAll': { ja: 'すべて更新', en: 'Refresh all' },
  'mailboxes.refreshed': {
    ja: '{total} 件中 {refreshed} 件を更新しました',
    en: '{refreshed} of {total} refreshed',
  },
  'mailboxes.empty': {
    ja: 'まだありません。トークンを取得するか、INI ファイルを開くと、ここに表示されます。',
    en: 'None yet. Files appear here once you get a token or open an INI file.',
  },
  'mailboxes.caption': { ja: '{app} のメールボックス', en: 'Mailboxes of {app}' },
  'mailboxes.col.file': { ja: 'ファイル', en: 'File' },
  'mailboxes.col.health': { ja: '状態', en: 'Health' },
  'mailboxes.col.actions': { ja: '操作', en: 'Actions' },
  'mailboxes.app': { ja: 'アプリ: {clientId}', en: 'App: {clientId}' },
  'mailboxes.open': { ja: '開く', en: 'Open' },
  'mailboxes.openLabel': { ja: '{mailbox} のファイルを開く', en: 'Open the file of {mailbox}' },
  'mailboxes.refresh': { ja: '更新', en: 'Refresh' },
  'mailboxes.refreshLabel': { ja: '{mailbox} のトークンを更新', en: 'Refresh the token of {mailbox}' },
  'mailboxes.remove': { ja: '一覧から外す', en: 'Remove' },
  'mailboxes.removeLabel': {
    ja: '{mailbox} を一覧から外す (ファイルは残ります)',
    en: 'Remove {mailbox} from the list (the file stays)',
  },
  'mailboxes.row.refreshed': { ja: '更新しました', en: 'Refreshed' },
  'mailboxes.secrets.title': { ja: '保存したシークレット', en: 'Saved secrets' },
  'mailboxes.secrets.available': {
    ja: 'シークレットは、取得時に「シークレットを保存する」を選んだ場合だけ、OS のキーチェーンで暗号化して保存されます。',
    en: 'A secret is saved only when you tick “Remember the secret” while getting a token, encrypted with the OS keychain.',
  },
  'mailboxes.secrets.unavailable': {
    ja: 'このコンピューターでは OS の暗号化が使えないため、シークレットは保存できません。',
    en: 'This computer offers no OS encryption, so no secret can be saved.',
  },
  'mailboxes.secrets.none': { ja: '保存したシークレットはありません。', en: 'No secret is saved.' },
  'mailboxes.forget': { ja: '削除', en: 'Forget' },
  'mailboxes.forgetLabel': {
    ja: 'アプリ {clientId} のシークレットを削除',
    en: 'Forget the secret of app {clientId}',
  },

  // Mailboxes: re-issue every mailbox of one app with a new secret
  'reissueAll.action': { ja: '新しいシークレットですべて再発行', en: 'Re-issue all with a new secret' },
  'reissueAll.actionLabel': {
    ja: '新しいシークレットですべて再発行 (アプリ {clientId})',
    en: 'Re-issue all with a new secret (app {clientId})',
  },
  'reissueAll.title': {
    ja: 'アプリ {clientId} のメールボックスをすべて再発行',
    en: 'Re-issue all mailboxes of app {clientId}',
  },
  'reissueAll.intro': {
    ja: 'Entra でシークレットを新しくしたら、新しい値をここで一度だけ入力します。{count} 個のメールボックスで順にサインインします。各ファイルの設定と独自の項目はそのまま残り、元のファイルは .bak に保存されます。',
    en: 'After renewing the secret in Entra, enter its new Value here once. Each of the {count} mailboxes then signs in again in turn; each file keeps its settings and its other keys, and the previous file is saved as .bak.',
  },
  'reissueAll.useRemembered': { ja: '保存したシークレットを使う', en: 'Use the remembered secret' },
  'reissueAll.start': { ja: '再発行を開始', en: 'Start re-issuing' },
  'reissueAll.dismiss': { ja: 'キャンセル', en: 'Cancel' },
  'reissueAll.starting': { ja: '開始しています…', en: 'Starting…' },
  'reissueAll.step': {
    ja: 'メールボックス {n}/{total}: {mailbox}',
    en: 'Mailbox {n} of {total}: {mailbox}',
  },
  'reissueAll.waiting': {
    ja: 'ブラウザーでサインイン ページを開きました。このメールボックスのアカウントでサインインしてください。',
    en: 'The sign-in page is open in your browser: sign in as this mailbox.',
  },
  'reissueAll.skip': { ja: 'このメールボックスをスキップ', en: 'Skip this mailbox' },
  'reissueAll.cancelAll': { ja: 'すべて中止', en: 'Cancel all' },
  'reissueAll.summary.title': { ja: '再発行の結果', en: 'Re-issue summary' },
  'reissueAll.summary.counts': {
    ja: '再発行 {reissued} 件、スキップ {skipped} 件、失敗 {failed} 件',
    en: '{reissued} re-issued, {skipped} skipped, {failed} failed',
  },
  'reissueAll.summary.notReached': {
    ja: '中止したため、{count} 件は再発行していません。',
    en: 'Cancelled: {count} not re-issued.',
  },
  'reissueAll.summary.reissued': { ja: '再発行しました', en: 'Re-issued' },
  'reissueAll.summary.skipped': { ja: 'スキップしました', en: 'Skipped' },
  'reissueAll.summary.failed': { ja: '失敗しました', en: 'Failed' },
  'reissueAll.summary.notReachedRow': { ja: '中止により未実施', en: 'Not reached (cancelled)' },
  'reissueAll.summary.close': { ja: '閉じる', en: 'Close' },

  // Mailboxes: rotate one app's client secret in every file, with no sign-in
  'rotateSecret.action': { ja: 'シークレットを更新', en: 'Rotate secret' },
  'rotateSecret.actionLabel': {
    ja: 'シークレットを更新 (アプリ {clientId})',
    en: 'Rotate secret (app {clientId})',
  },
  'rotateSecret.title': {
    ja: 'アプリ {clientId} のシークレットを更新',
    en: 'Rotate the secret of app {clientId}',
  },
  'rotateSecret.intro': {
    ja: 'Entra でシークレットを追加したら、新しい値をここで一度だけ入力します。{count} 個のファイルに書き込み、それぞれのトークンも新しいシークレットで更新します。サインインは不要です。値が間違っていれば、どのファイルも変更しません。',
    en: 'After adding a new secret in Entra, enter its Value here once: each of the {count} files gets it, and its token is refreshed with it. Nobody signs in. A wrong Value changes no file.',
  },
  'rotateSecret.secret.label': { ja: '新しいシークレットの値', en: 'New secret Value' },
  'rotateSecret.secretRequired': {
    ja: '新しいシークレットの値を入力してください (シークレット ID ではなく「値」の列)。',
    en: 'Enter the new secret’s Value (the Value column, not the Secret ID).',
  },
  'rotateSecret.rememberReplace': {
    ja: '保存しているシークレットを新しい値に置き換える (OS のキーチェーンで暗号化)',
    en: 'Replace the remembered secret with the new one (encrypted with the OS keychain)',
  },
  'rotateSecret.start': { ja: 'シークレットを今すぐ更新', en: 'Rotate the secret now' },
  'rotateSecret.dismiss': { ja: 'キャンセル', en: 'Cancel' },
  'rotateSecret.running': {
    ja: '{count} 個のファイルを更新しています…',
    en: 'Rotating the secret in {count} files…',
  },
  'rotateSecret.refused': {
    ja: '{file} の更新で新しいシークレットが拒否されました。どのファイルも変更していません。',
    en: 'The new secret was refused when refreshing {file}. No file was changed.',
  },
  'rotateSecret.summary.title': { ja: 'シークレット更新の結果', en: 'Secret rotation summary' },
  'rotateSecret.summary.counts': {
    ja: '更新 {rotated} 件、要サインイン {needsSignIn} 件、失敗 {failed} 件、対象外 {skipped} 件',
    en: '{rotated} rotated, {needsSignIn} need a sign-in, {failed} failed, {skipped} skipped',
  },
  'rotateSecret.summary.noFiles': {
    ja: 'このアプリのファイルで、シークレットを書き込めるものはありませんでした。どのファイルも変更していません。',
    en: 'None of this app’s files could take the secret. No file was changed.',
  },
  'rotateSecret.summary.unproven': {
    ja: 'どのトークンも更新できなかったため、新しいシークレットは確認できず、どのファイルにも書き込んでいません。再発行のときに入力してください。',
    en: 'No token could be refreshed, so the new secret is not proven and no file got it: enter it when you re-issue.',
  },
  'rotateSecret.remembered.replaced': {
    ja: '保存していたシークレットを新しい値に置き換えました。',
    en: 'The remembered secret is now the new one.',
  },
  'rotateSecret.remembered.forgotten': {
    ja: '保存していた古いシークレットは削除しました。',
    en: 'The remembered (old) secret was forgotten.',
  },
  'rotateSecret.remembered.unavailable': {
    ja: 'この OS では暗号化できないため、シークレットは保存していません。',
    en: 'The secret was not remembered: this system cannot encrypt it.',
  },
  'rotateSecret.remembered.failed': {
    ja: 'シークレットの保存を変更できませんでした。ファイルは更新済みです。',
    en: 'The remembered secret could not be changed; the files are written.',
  },
  'rotateSecret.row.rotated': { ja: '更新しました', en: 'Rotated' },
  'rotateSecret.row.signIn': { ja: 'サインインが必要です', en: 'Needs a sign-in' },
  'rotateSecret.row.signInRecorded': {
    ja: 'サインインが必要です (新しいシークレットは書き込み済み)',
    en: 'Needs a sign-in (the new secret is already in the file)',
  },
  'rotateSecret.row.failed': { ja: '失敗しました', en: 'Failed' },
  'rotateSecret.row.otherApp': {
    ja: 'ほかのアプリのファイル (クライアント ID {clientId})',
    en: 'Another app’s file (client ID {clientId})',
  },
  'rotateSecret.row.publicClient': {
    ja: 'パブリック クライアント (シークレットを使わない)',
    en: 'A public client (uses no secret)',
  },
  'rotateSecret.reissue': { ja: '再発行', en: 'Re-issue' },
  'rotateSecret.reissueLabel': { ja: '{mailbox} を再発行', en: 'Re-issue {mailbox}' },
  'rotateSecret.summary.close': { ja: '閉じる', en: 'Close' },

  // Registration step: re-issue and remembered secrets
  'reg.keepSecret.label': { ja: 'ファイルのシークレットをそのまま使う', en: 'Keep the file’s secret' },
  'reg.keepSecret.hint': {
    ja: 'シークレットを新しくした場合だけ、チェックを外して新しい値を入力します。',
    en: 'Untick this only if you created a new secret, and enter its Value.',
  },
  'reg.keepSecret.hintExpires': {
    ja: 'このシークレットの有効期限は {date} です。シークレットを新しくした場合だけ、チェックを外して新しい値を入力します。',
    en: 'This secret expires on {date}. Untick this only if you created a new secret, and enter its Value.',
  },
  'reg.secretExpires.label': {
    ja: 'シークレットの有効期限 (省略可)',
    en: 'Secret expires on (optional)',
  },
  'reg.secretExpires.hint': {
    ja: '「証明書とシークレット」の「有効期限」を YYYY-MM-DD で入力すると、期限の 30 日前から警告します。',
    en: 'The Expires date in Certificates & secrets, as YYYY-MM-DD: you are warned 30 days ahead.',
  },
  'reg.remember.label': {
    ja: 'シークレットを保存する (OS のキーチェーンで暗号化)',
    en: 'Remember the secret (encrypted with the OS keychain)',
  },
  'reg.remember.hint': {
    ja: '同じアプリのメールボックスを再発行するときに使えます。保存したシークレットは「メールボックス一覧」で削除できます。',
    en: 'For re-issuing this app’s mailboxes later. Saved secrets can be forgotten under Mailboxes.',
  },

  // Quick mode: one screen for the common case; the guided wizard one click away
  'quick.title': { ja: 'リフレッシュ トークンを取得', en: 'Get a refresh token' },
  'quick.description': {
    ja: 'メールボックス、クライアント ID、シークレットの値を入力して [サインイン] を押すと、ブラウザーでのサインイン後に INI ファイルが書き込まれます。初めての場合や、アプリをまだ登録していない場合は [手順を追って設定] を使ってください。',
    en: 'Enter the mailbox, the client ID and the secret Value, then Sign in: after the sign-in in your browser, the INI file is written. New to this, or no app registered yet? Use Guided setup.',
  },
  'quick.userId.hint': {
    ja: '送信プログラムがログインするアドレスです (INI の UserID)。',
    en: 'The address the sender logs in as (UserID in the INI file).',
  },
  'quick.app.label': { ja: 'アプリ', en: 'App' },
  'quick.app.new': { ja: '新しいアプリ (値を入力)', en: 'A new app (enter its values)' },
  'quick.app.option': {
    ja: '{provider} · {tenant} · {clientId} (メールボックス {count} 個)',
    en: '{provider} · {tenant} · {clientId} ({count} mailboxes)',
  },
  'quick.app.optionNoTenant': {
    ja: '{provider} · {clientId} (メールボックス {count} 個)',
    en: '{provider} · {clientId} ({count} mailboxes)',
  },
  'quick.app.hint': {
    ja: 'このアプリで使ったことのあるアプリを選ぶと、クライアント ID、テナント、クラウドが入力されます。',
    en: 'Choosing an app used here before fills in its client ID, tenant and cloud.',
  },
  'quick.options': {
    ja: 'オプション (テナント、クラウド、プロトコルなど)',
    en: 'Options (tenant, cloud, protocols…)',
  },
  'quick.signIn': { ja: 'サインイン', en: 'Sign in' },
  'mode.toGuided': { ja: '手順を追って設定', en: 'Guided setup' },
  'mode.toQuick': { ja: 'クイック モードに戻る', en: 'Back to quick mode' },
  'lastFailure.label': { ja: '前回のサインインが失敗した理由', en: 'Why the last sign-in failed' },
  'rail.failed': { ja: ' (失敗)', en: ' (failed)' },
  'nav.file': { ja: 'INI ファイル', en: 'INI file' },

  // The provider, the first choice as in SmailRefreshToken.exe
  'provider.label': { ja: 'プロバイダー', en: 'Provider' },
  'provider.hint.microsoft': {
    ja: 'Microsoft 365 (Exchange Online) と Outlook.com のメールボックス。アプリは Microsoft Entra 管理センターで登録します。',
    en: 'Mailboxes in Microsoft 365 (Exchange Online) and Outlook.com, with an app registered in the Microsoft Entra admin center.',
  },
  'provider.hint.google': {
    ja: 'Gmail と Google Workspace のメールボックス。Google Cloud コンソールで種類が [デスクトップ アプリ] の OAuth クライアントを作成します。',
    en: 'Gmail and Google Workspace mailboxes, with an OAuth client of type “Desktop app” created in the Google Cloud console.',
  },

  // The tenant as three choices
  'tenant.common': {
    ja: 'SMAIL のマニュアルどおり (common)',
    en: 'As in the SMAIL manual (common)',
  },
  'tenant.commonHint': {
    ja: '職場のアカウントと個人用アカウントの両方を受け付けるアプリ (マルチテナントと個人用アカウント) の場合です。',
    en: 'For an app that accepts work and personal accounts (multitenant and personal accounts).',
  },
  'tenant.organization': {
    ja: '自分の組織だけ (ドメインまたはテナント ID)',
    en: 'My organization only (domain or tenant ID)',
  },
  'tenant.organizationHint': {
    ja: 'アプリが [この組織ディレクトリのみ] (シングル テナント) の場合です。迷ったらこれが確実です。',
    en: 'For an app registered for “this organizational directory only” (single tenant). The safe choice when unsure.',
  },
  'tenant.organizationField': {
    ja: 'ドメインまたはディレクトリ (テナント) ID',
    en: 'Domain or Directory (tenant) ID',
  },
  'tenant.other': { ja: 'その他', en: 'Other' },
  'tenant.otherHint': {
    ja: 'organizations (任意の組織の職場アカウント) や consumers (個人用アカウントのみ) などを指定します。',
    en: 'Such as organizations (work accounts of any organization) or consumers (personal accounts only).',
  },
  'tenant.otherField': { ja: 'テナント', en: 'Tenant' },

  // A file per mailbox; a file holding another mailbox's token
  'output.file.hintPerMailbox': {
    ja: 'メールボックスごとに別のフォルダーに保存します: {folder}。SMAIL が読む名前 (smail_refresh_token.ini) のままなので、そのまま smail.exe のフォルダーにコピーできます。',
    en: 'Each mailbox gets its own folder: {folder}. The file keeps the name SMAIL reads (smail_refresh_token.ini), so it can be copied next to smail.exe as it is.',
  },
  'output.file.hintPerMailboxEmpty': {
    ja: 'メールボックスを入力すると、そのアドレスの名前のフォルダーに保存します。2 つ目のメールボックスが 1 つ目のファイルを上書きすることはありません。',
    en: 'Once the mailbox is entered, the file goes into a folder named after its address: a second mailbox never overwrites the first.',
  },
  'output.file.usePerMailbox': {
    ja: 'このメールボックスの既定のファイルに戻す',
    en: 'Use this mailbox’s default file',
  },
  'output.replace.title': {
    ja: 'このファイルには別のメールボックス ({other}) のトークンが入っています',
    en: 'This file holds the token of another mailbox ({other})',
  },
  'output.replace.titleUnknown': {
    ja: 'このファイルには {mailbox} 以外のメールボックスのトークンが入っています',
    en: 'This file holds the token of a mailbox other than {mailbox}',
  },
  'output.replace.body': {
    ja: '書き込むと UserID とトークンが置き換わり、元のトークンは {backup} にしか残りません。メールボックスごとに別のファイルを使うか、置き換えることを確認してください。',
    en: 'Writing replaces its UserID and token: the other token then survives only in {backup}. Use a file per mailbox, or confirm the replacement.',
  },
  'output.replace.confirm': {
    ja: '{other} のトークンを置き換える',
    en: 'Replace the token of {other}',
  },
  'output.replace.otherUnknown': { ja: '別のメールボックス', en: 'the other mailbox' },

  // Remembered apps and secrets
  'reg.useRemembered.label': { ja: '保存したシークレットを使う', en: 'Use the remembered secret' },
  'reg.useRemembered.hint': {
    ja: 'このアプリのシークレットは OS のキーチェーンで暗号化して保存されています。新しいシークレットを作成した場合だけ、チェックを外して値を入力します。',
    en: 'This app’s secret is saved, encrypted with the OS keychain. Untick this only if you created a new secret, and enter its Value.',
  },

  // Registration: one paste in Azure Cloud Shell
  'cloudShell.title': {
    ja: 'アプリをまだ登録していない場合: Azure Cloud Shell で 1 回貼り付けて登録',
    en: 'No app yet? Register it with one paste in Azure Cloud Shell',
  },
  'cloudShell.intro': {
    ja: 'アプリを登録できる管理者が、次のコマンドを Azure Cloud Shell (Bash) に貼り付けて実行すると、上の選択どおりのアプリが登録され (リダイレクト URI、プラットフォーム、アクセス許可、シークレット)、1 行の結果が表示されます。その行をここに貼り付けると、クライアント ID、テナント、シークレットの値と有効期限が入力されます。',
    en: 'An admin who may register apps runs this command in Azure Cloud Shell (Bash): it registers the app as chosen above (redirect URI, platform, permissions, a secret) and prints one line. Paste that line here to fill in the client ID, the tenant, the secret Value and its expiry.',
  },
  'cloudShell.step.open': {
    ja: 'Azure Cloud Shell を開き、Bash を選びます。',
    en: 'Open Azure Cloud Shell and choose Bash.',
  },
  'cloudShell.open': { ja: 'Azure Cloud Shell を開く', en: 'Open Azure Cloud Shell' },
  'cloudShell.step.paste': {
    ja: 'このコマンドをコピーして Cloud Shell に貼り付け、Enter キーを押します。既存のシークレットは削除されません (--append)。',
    en: 'Copy this command, paste it into Cloud Shell and press Enter. Existing secrets are kept (--append).',
  },
  'cloudShell.commandLabel': { ja: 'Azure Cloud Shell のコマンド', en: 'The Azure Cloud Shell command' },
  'cloudShell.commandWhat': { ja: 'Cloud Shell のコマンド', en: 'the Cloud Shell command' },
  'cloudShell.step.back': {
    ja: '最後に表示された 1 行 ({"rtw":1,… で始まる行) をここに貼り付けます',
    en: 'Paste the line it printed last (it starts with {"rtw":1,…) here',
  },
  'cloudShell.pasteHint': {
    ja: 'シークレットの値を含むので、ほかの場所には貼り付けないでください。読み取った後、この欄は空になります。',
    en: 'It holds the secret Value: paste it nowhere else. The box is emptied once read.',
  },
  'cloudShell.fill': { ja: '入力欄に反映', en: 'Fill in' },
  'cloudShell.filled': {
    ja: 'クライアント ID、テナント、シークレットの値と有効期限を入力しました。',
    en: 'The client ID, the tenant, the secret Value and its expiry were filled in.',
  },
  'cloudShell.consent': {
    ja: 'テナントでユーザーの同意が制限されている場合は、管理者が Microsoft Entra 管理センターのアプリの [API のアクセス許可] で [<テナント> に管理者の同意を与えます] を選ぶ必要があります (詳しくはアプリの登録のドキュメントを参照)。',
    en: 'Where the tenant restricts user consent, an admin must still grant it: in the Microsoft Entra admin center, the app’s API permissions > Grant admin consent for <tenant> (see the app registration guide).',
  },
  'cloudShell.paste.empty': {
    ja: '何も貼り付けられていません。コマンドが最後に表示した 1 行を貼り付けてください。',
    en: 'Nothing was pasted. Paste the one line the command printed last.',
  },
  'cloudShell.paste.notJson': {
    ja: 'コマンドの結果の行が見つかりません。{"rtw":1, で始まる 1 行全体を貼り付けてください (エラーが表示された場合は、その内容を確認してください)。',
    en: 'The command’s line is not there. Paste the whole line starting with {"rtw":1, (if Cloud Shell showed an error instead, read it first).',
  },
  'cloudShell.paste.notOurs': {
    ja: 'この行はこのコマンドの結果ではありません (az ad app credential reset などの出力かもしれません)。上のコマンドが最後に表示した行を貼り付けてください。',
    en: 'This line is not the command’s (perhaps the output of az ad app credential reset alone). Paste the line the command above printed last.',
  },
  'cloudShell.paste.clientId': {
    ja: '行の clientId がアプリケーション (クライアント) ID (GUID) ではありません。行全体をもう一度コピーしてください。',
    en: 'The line’s clientId is not an Application (client) ID (a GUID). Copy the whole line again.',
  },
  'cloudShell.paste.tenantId': {
    ja: '行の tenantId がディレクトリ (テナント) ID (GUID) ではありません。行全体をもう一度コピーしてください。',
    en: 'The line’s tenantId is not a Directory (tenant) ID (a GUID). Copy the whole line again.',
  },
  'cloudShell.paste.secret': {
    ja: '行の secret がシークレットの値ではありません (空白を含むか、シークレット ID の形式です)。行全体をもう一度コピーしてください。',
    en: 'The line’s secret is not a secret Value (it has spaces, or the form of a secret ID). Copy the whole line again.',
  },
  'cloudShell.paste.expiry': {
    ja: '行の secretExpires が日付ではありません。行全体をもう一度コピーしてください。',
    en: 'The line’s secretExpires is not a date. Copy the whole line again.',
  },
  'cloudShell.paste.audience': {
    ja: '行の signInAudience が、このコマンドで作成するアカウントの種類ではありません。行全体をもう一度コピーしてください。',
    en: 'The line’s signInAudience is not one this command creates. Copy the whole line again.',
  },
  'reg.check.requestedAs': {
    ja: '要求するスコープ: {scope}',
    en: 'Requested as {scope}',
  },
  'reg.check.consent': {
    ja: '管理者の同意 (テナントが求める場合)',
    en: 'Admin consent (where the tenant requires it)',
  },
  'reg.check.consentHow': {
    ja: 'ユーザーの同意が制限されているテナントでは、管理者が [API のアクセス許可] で [<テナント> に管理者の同意を与えます] を選びます。',
    en: 'In a tenant that restricts user consent, an admin chooses API permissions > Grant admin consent for <tenant>.',
  },

  // Google
  'step.registration.descriptionGoogle': {
    ja: 'Google Cloud コンソールで作成した OAuth クライアントの値を入力し、下のチェックリストどおりに設定されているか確認します。',
    en: 'Enter the values of the OAuth client you created in the Google Cloud console, and check it is set up as the checklist below says.',
  },
  'reg.clientId.labelGoogle': { ja: 'クライアント ID', en: 'Client ID' },
  'reg.clientId.hintGoogle': {
    ja: '[認証情報] の OAuth 2.0 クライアント ID です (末尾が .apps.googleusercontent.com)。',
    en: 'The OAuth 2.0 Client ID on the Credentials page (it ends with .apps.googleusercontent.com).',
  },
  'reg.secret.labelGoogle': { ja: 'クライアント シークレット', en: 'Client secret' },
  'reg.secret.hintGoogle': {
    ja: 'GOCSPX- で始まる値です。クライアントまたは新しいシークレットの作成時にだけ表示されます。',
    en: 'It starts with GOCSPX-. It is shown only when the client, or a new secret, is created.',
  },
  'google.audience.legend': {
    ja: 'OAuth 同意画面の公開状態 (Google Auth Platform > [対象])',
    en: 'How the OAuth consent screen is published (Google Auth Platform > Audience)',
  },
  'google.audience.internal': {
    ja: '内部 (Google Workspace の組織内)',
    en: 'Internal (your Google Workspace organization)',
  },
  'google.audience.internalHint': {
    ja: '組織のユーザーだけが使えます。Google の審査は不要です。Workspace のドメインではこれが確実です。',
    en: 'Only your organization’s users can use it, and Google’s verification is not needed. The safe choice for a Workspace domain.',
  },
  'google.audience.production': { ja: '外部 (本番環境)', en: 'External, in production' },
  'google.audience.productionHint': {
    ja: 'Gmail のアカウントなど組織外のユーザー向けです。https://mail.google.com/ は制限付きスコープのため、Google の審査が必要になる場合があります。',
    en: 'For users outside an organization, such as Gmail accounts. https://mail.google.com/ is a restricted scope: Google’s verification may be needed.',
  },
  'google.audience.testing': { ja: '外部 (テスト中)', en: 'External, in Testing' },
  'google.audience.testingHint': {
    ja: 'テスト ユーザーだけが使えます。リフレッシュ トークンは 7 日で失効します。',
    en: 'Only test users can use it, and refresh tokens die after 7 days.',
  },
  'google.audience.testingWarning': {
    ja: '「テスト中」のアプリのリフレッシュ トークンは、同意から 7 日で失効し、更新しても延びません。送信を続けるには、[対象] でアプリを「本番環境」に公開するか、組織内なら「内部」にしてから取得してください。',
    en: 'Refresh tokens of an app in Testing die 7 days after consent, and refreshing does not extend them. To keep sending, publish the app (In production) under Audience, or make it Internal for your organization, before getting the token.',
  },
  'google.providerValue.label': { ja: 'INI の Provider の値', en: 'INI Provider value' },
  'google.providerValue.hint': {
    ja: '空欄なら {value} を書き込みます。SMAIL が Google に期待する値は確認できていません (マニュアルにあるのは Microsoft Azure の 1 だけです)。SmailRefreshToken.exe で Google 用に作成した INI がある場合は、その Provider の値を入力してください。',
    en: 'Empty writes {value}. The value SMAIL expects for Google is unconfirmed (its manual shows only 1, for Microsoft Azure): if you have a Google INI written by SmailRefreshToken.exe, enter its Provider value.',
  },
  'google.check.title': { ja: 'Google Cloud で設定すること', en: 'What to set in Google Cloud' },
  'google.check.client': {
    ja: 'OAuth クライアント ([API とサービス] > [認証情報])',
    en: 'OAuth client (APIs & Services > Credentials)',
  },
  'google.check.clientHow': {
    ja: '[認証情報を作成] > [OAuth クライアント ID] で、アプリケーションの種類に [デスクトップ アプリ] を選びます。表示されたクライアント ID とクライアント シークレットを上の欄に貼り付けます。',
    en: 'Create credentials > OAuth client ID, with Application type “Desktop app”. Paste the Client ID and Client secret it shows above.',
  },
  'google.check.openCredentials': { ja: '[認証情報] を開く', en: 'Open Credentials' },
  'google.check.audience': {
    ja: 'OAuth 同意画面 (Google Auth Platform > [対象])',
    en: 'OAuth consent screen (Google Auth Platform > Audience)',
  },
  'google.check.audienceHow': {
    ja: 'Workspace のドメインでは「内部」にします。「外部」の場合は「本番環境」に公開します (「テスト中」のトークンは 7 日で失効します)。',
    en: 'Internal for a Workspace domain. External apps must be published (In production): tokens of an app in Testing die after 7 days.',
  },
  'google.check.openAudience': { ja: '[対象] を開く', en: 'Open Audience' },
  'google.check.scope': {
    ja: 'スコープ (Google Auth Platform > [データアクセス])',
    en: 'Scope (Google Auth Platform > Data Access)',
  },
  'google.check.scopeNote': {
    ja: 'SMTP、IMAP、POP のすべてにこの 1 つを使います。制限付きスコープのため、外部の本番アプリでは Google の審査が必要になる場合があります。自分のドメイン用に「内部」で作成すれば審査は不要です。',
    en: 'This one scope covers SMTP, IMAP and POP. It is restricted: an external app in production may need Google’s verification, which an app made Internal for your own domain avoids.',
  },
  'google.check.api': { ja: 'API の有効化', en: 'APIs to enable' },
  'google.check.apiHow': {
    ja: '不要です。SMTP、IMAP、POP には Gmail API を有効にする必要はありません。',
    en: 'None: SMTP, IMAP and POP need no Gmail API enabled.',
  },
  'google.check.gmail': { ja: 'Gmail の設定', en: 'Gmail settings' },
  'google.check.gmailHow': {
    ja: 'IMAP や POP を使う場合は、Gmail の [設定] > [すべての設定を表示] > [メール転送と POP/IMAP] で有効にします (Workspace では管理コンソールでも許可が必要です)。SMTP での送信には不要です。',
    en: 'For IMAP or POP, turn them on in Gmail: Settings > See all settings > Forwarding and POP/IMAP (Workspace: the Admin console must allow them too). Sending with SMTP needs nothing here.',
  },
  'google.check.redirect': { ja: 'リダイレクト URI', en: 'Redirect URI' },
  'google.check.redirectHow': {
    ja: '登録は不要です。デスクトップ アプリのクライアントは、このコンピューターの空いているポート (http://127.0.0.1:<ポート>/) への戻りを受け付けます。',
    en: 'Nothing to register: a Desktop app client accepts the return to a free port on this computer (http://127.0.0.1:<port>/).',
  },
  'mailbox.google.title': { ja: 'Gmail と Google Workspace の場合', en: 'For Gmail and Google Workspace' },
  'mailbox.google.body': {
    ja: 'このメールボックスのアカウント自身でサインインします (代理アクセスのアカウントでは、そのアカウントのトークンになります)。',
    en: 'Sign in as this mailbox’s own account: a delegate’s sign-in gives a token for the delegate.',
  },
  'signin.intro.google': {
    ja: 'ボタンを押すとブラウザーが開きます。{mailbox} でサインインし、Gmail へのアクセスを許可してください。',
    en: 'The button opens your browser. Sign in as {mailbox} and allow access to Gmail.',
  },
  'signin.summary.googleRedirect': {
    ja: 'http://127.0.0.1 の空いているポート (サインイン時に決まります)',
    en: 'A free port of http://127.0.0.1, chosen when signing in',
  },
  'signin.deviceCode.notGoogle': {
    ja: 'Google ではデバイス コードは使えません。Google のデバイス フローは Gmail のスコープ (https://mail.google.com/) を許可しないためです。サインインはこのコンピューターのブラウザーで行います。',
    en: 'No device code for Google: Google’s device flow does not allow the Gmail scope (https://mail.google.com/). The sign-in happens in a browser on this computer.',
  },
  'signin.deviceCode.entraLead': {
    ja: 'Microsoft Entra が選んだ言語で表示しています (英語の場合があります)。内容は上の手順と同じです。',
    en: 'In the language Microsoft Entra chose; it says the same as the steps above.',
  },

  // Result: another mailbox, and the secret that was sent
  'result.anotherMailbox': { ja: '別のメールボックス (同じアプリ)', en: 'Another mailbox (same app)' },
  'result.anotherMailboxHint': {
    ja: 'アプリの値はそのままで、メールボックスとファイルを新しく入力します。このファイルはそのまま残ります。',
    en: 'Keeps the app’s values and clears the mailbox and the file: this file stays as it is.',
  },
  'result.secretPrefix.before': {
    ja: '入力したシークレットの値は次の文字で始まります: ',
    en: 'The secret Value you entered starts with ',
  },
  'result.secretPrefix.after': {
    ja: '。[証明書とシークレット] の [値] の列には、各シークレットの先頭 3 文字が表示されます。どれとも一致しない場合は、別のアプリのシークレットか、削除されたシークレットです。',
    en: '. Certificates & secrets shows the first three characters of each secret in its Value column: if none starts like this, the Value is another app’s or was deleted.',
  },

  // Mailboxes: Keep alive for every file of one app (its group), the alerts set once for the page
  'groupKeepAlive.action': { ja: '自動更新…', en: 'Keep alive…' },
  'groupKeepAlive.actionLabel': {
    ja: '自動更新 (アプリ {clientId} のすべてのファイル)',
    en: 'Keep alive (every file of app {clientId})',
  },
  'groupKeepAlive.title': {
    ja: 'このアプリの {count} 件のファイルを自動更新',
    en: 'Keep this app’s {count} file(s) alive',
  },
  'groupKeepAlive.waiting': {
    ja: 'この一覧で更新、再発行、またはシークレットの更新が進行中です。終わると変更できます。',
    en: 'A refresh, re-issue or secret rotation is under way in this list; this can be changed once it ends.',
  },
  'groupKeepAlive.alertsNote': {
    ja: '通知はすべてのスケジュールに共通です。この一覧の最後の「通知」で一度だけ設定します。',
    en: 'Alerts apply to every schedule: they are set once, under “Alerts” at the end of this list.',
  },
  'groupKeepAlive.toAlerts': { ja: '通知の設定へ', en: 'Go to Alerts' },
  'groupKeepAlive.close': { ja: '閉じる', en: 'Close' },

  // Mailboxes: the app named, a secret-expiry column, "+ Mailbox"
  'mailboxes.appName.microsoft': { ja: 'Microsoft のアプリ ({tenant})', en: 'Microsoft app ({tenant})' },
  'mailboxes.appName.google': { ja: 'Google の OAuth クライアント', en: 'Google OAuth client' },
  'mailboxes.clientId': { ja: 'クライアント ID:', en: 'Client ID:' },
  'mailboxes.providerValue': {
    ja: 'INI の Provider={value} (Google の値は未確認)',
    en: 'INI Provider={value} (unconfirmed for Google)',
  },
  'mailboxes.newMailbox': { ja: '+ メールボックス', en: '+ Mailbox' },
  'mailboxes.newMailboxLabel': {
    ja: '{app} にメールボックスを追加',
    en: 'Add a mailbox to {app}',
  },
  'mailboxes.col.secret': { ja: 'シークレットの有効期限', en: 'Secret expires' },
  'mailboxes.secret.none': { ja: 'なし (パブリック クライアント)', en: 'None (public client)' },
  'mailboxes.secret.unknown': { ja: '未記録', en: 'Not recorded' },
  'mailboxes.testing': { ja: '(テスト中: 7 日)', en: '(Testing: 7 days)' },
  'mailboxes.granted': { ja: '(期限付きのアクセス)', en: '(time-limited access)' },

  // The file view: the provider, its Provider= value, the secret expiry edited in place
  'file.providerValue': { ja: 'INI の Provider の値', en: 'INI Provider value' },
  'file.providerValue.googleUnconfirmed': {
    ja: 'SMAIL が Google に期待する値は確認できていません。SmailRefreshToken.exe で Google 用に作成した INI がある場合は、その Provider の値と比べてください (再発行時に変更できます)。',
    en: 'The value SMAIL expects for Google is unconfirmed: compare it with the Provider value of a Google INI written by SmailRefreshToken.exe, if you have one (re-issue to change it).',
  },
  'file.tokenDays.google': {
    ja: 'トークンの期限 (6 か月使われないと失効)',
    en: 'Token (dies after 6 months unused)',
  },
  'file.tokenDays.testing': {
    ja: 'トークンの期限 (同意画面がテスト中: 7 日)',
    en: 'Token (consent screen in Testing: 7 days)',
  },
  'file.tokenDays.granted': {
    ja: 'トークンの期限 (期限付きのアクセス)',
    en: 'Token (time-limited access)',
  },
  'file.secretExpires.edit': {
    ja: 'シークレットの有効期限 (YYYY-MM-DD)',
    en: 'Secret expires on (YYYY-MM-DD)',
  },
  'file.secretExpires.save': { ja: '有効期限を保存', en: 'Save the expiry' },
  'file.secretExpires.hint': {
    ja: '新しいシークレットを作成したら、その有効期限 ([証明書とシークレット] の [有効期限]) をここに入力します。期限の 30 日前から警告します。空にして保存すると未記録に戻ります。',
    en: 'After creating a new secret, enter its expiry here (the Expires column of Certificates & secrets): you are warned 30 days ahead. Saving it empty clears it.',
  },
  'file.secretExpires.invalid': {
    ja: '「{value}」は日付ではありません。YYYY-MM-DD の形式で入力してください (例: 2026-03-31)。',
    en: '"{value}" is not a date. Enter it as YYYY-MM-DD (e.g. 2026-03-31).',
  },
  'file.secretExpires.saved': {
    ja: '有効期限をファイルに保存しました (以前の内容は .bak に保存されています)。',
    en: 'The expiry was saved in the file (the previous content is kept as .bak).',
  },

  // Explanations of failures (their texts come from the diagnose catalogue; these are the labels around them)
  'explanation.steps': { ja: '解決方法', en: 'How to fix it' },
  'explanation.command': { ja: '実行するコマンド', en: 'Command to run' },
  'explanation.commandWhat': { ja: 'コマンド', en: 'the command' },
  'explanation.docs': { ja: '参考資料:', en: 'Documentation:' },
  'explanation.docsWhat': { ja: '資料の URL', en: 'the documentation URL' },
  'explanation.raw': { ja: '技術的な詳細 (サポートへの問い合わせ用)', en: 'Technical details (for support)' },
  'explanation.rawWhat': { ja: '技術的な詳細', en: 'the technical details' },
  'explanation.aadsts': { ja: 'エラー コード', en: 'Error code' },
  'explanation.message': { ja: 'メッセージ', en: 'Message' },
  'explanation.traceId': { ja: 'トレース ID', en: 'Trace ID' },
  'explanation.correlationId': { ja: '相関 ID', en: 'Correlation ID' },
  'explanation.timestamp': { ja: '日時', en: 'Timestamp' },

  // The check's sender view (SenderView.tsx): the sentences an admin pastes into a ticket
  'check.senderView.title': { ja: '送信プログラムから見た結果', en: 'As the sender will see it' },
  'check.senderView.what': { ja: '送信プログラムから見た結果', en: 'the sender’s view' },

  // What the browser showed (PastedErrorExplainer.tsx): Entra's own error page never reaches the app
  'pasted.title': { ja: 'ブラウザーにエラーが表示されましたか?', en: 'Did the browser show an error?' },
  'pasted.label': {
    ja: 'ブラウザーに表示されたエラー (Message: AADSTS… の行) を貼り付けます',
    en: 'Paste the error the browser showed (the “Message: AADSTS…” line)',
  },
  'pasted.hint': {
    ja: 'Entra ID が自身の画面に表示したエラーは、このアプリには届きません。送信プログラムのログにあるメール サーバーの応答 (535 5.7.139 … など) も説明できます。',
    en: 'Errors Entra ID shows on its own page never reach this app. A mail server’s reply from a sending program’s log (535 5.7.139 …) can be explained too.',
  },
  'pasted.explain': { ja: '原因と対処を表示', en: 'Explain it' },
} as const satisfies Record<string, Localized>;

export type MessageKey = keyof typeof CATALOGUE;

/**
 * Language names as their speakers write them, shown the same in every language (a Japanese reader of an
 * English screen still finds「日本語」). Deliberately outside the catalogue.
 */
export const ENDONYMS: Readonly<Record<Lang, string>> = { ja: '日本語', en: 'English' };
