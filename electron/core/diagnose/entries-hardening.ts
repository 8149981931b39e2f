/**
 * Catalogue entries for the refusals of the hardening (issue #15): a sign-in link opened twice, a kept secret that
 * would go to another authority, an account other than the mailbox not confirmed, an ID token that does not fit, a
 * file the window names that the admin never chose.
 * Each stops before anything is written or sent, and says so.
 */
import type { CatalogueEntry } from './types.js';
import { L, START_AGAIN } from './fragments.js';

export const HARDENING_ENTRIES = [
  {
    id: 'start-link-reused',
    kind: 'app',
    title: L(
      'サインイン リンクが 2 回開かれたため中止しました',
      'Sign-in stopped: the sign-in link was opened twice',
    ),
    why: L(
      'ブラウザーに渡すサインイン リンク (http://localhost:…/start/…) は 1 回だけ使えます。2 回目の要求があったため、この PC の別のプログラムや別のユーザーがリンクを先に開いた可能性があります。その相手が別のアカウントでサインインした結果を送り込めないよう、サインインを中止しました。INI ファイルは変更されていません。',
      'The sign-in link given to the browser (http://localhost:…/start/…) works once. It was requested a second time, so another program or user on this computer may have opened it first. The sign-in was stopped so that nobody can bring back a sign-in of another account. The INI file was not changed.',
    ),
    steps: [
      START_AGAIN,
      L(
        '繰り返し起きる場合は、この PC で動いているほかのユーザーのプロセスを確認します (Windows: タスク マネージャーの [詳細] タブ、Linux/macOS: ps aux)。',
        'If it keeps happening, look for other users’ processes on this computer (Windows: the Details tab of Task Manager; Linux/macOS: ps aux).',
      ),
    ],
  },
  {
    id: 'secret-reentry-required',
    kind: 'app',
    title: L(
      'サインイン先が変わるため、クライアント シークレットを入力し直してください',
      'The sign-in service changes: enter the client secret again',
    ),
    why: L(
      '保存されているクライアント シークレットは、それを記録したトークン エンドポイント ({from}) にだけ送ります。今回のサインイン先は {to} のため、保存されたシークレットは使いません。',
      'A kept or remembered client secret is only ever sent to the token endpoint it was recorded with ({from}). This sign-in goes to {to}, so the kept secret is not used.',
    ),
    steps: [
      L(
        'サインイン先 (テナント、クラウド、機関 URL、プロバイダー) の変更が意図したものか確認します。',
        'Check that the change of tenant, cloud, authority or provider is what you meant.',
      ),
      L(
        '意図したものなら、そのアプリのクライアント シークレットの値を入力して、もう一度実行します。',
        'If it is, enter the app’s client secret Value and run it again.',
      ),
    ],
  },
  {
    id: 'delegate-not-confirmed',
    kind: 'app',
    title: L(
      '{userId} ではなく {signedInAs} としてサインインしました',
      'You signed in as {signedInAs}, not {userId}',
    ),
    why: L(
      'サインインしたアカウントがメールボックス (UserID) と異なります。共有メールボックスを代理人として使う場合は正しい組み合わせですが、そうでなければ別の人のトークンを書き込むことになります。確認されなかったため、INI ファイルには何も書き込んでいません。',
      'The account that signed in is not the mailbox (UserID). That is right for a shared mailbox used through a delegate; otherwise the file would hold someone else’s token. It was not confirmed, so nothing was written to the INI file.',
    ),
    steps: [
      L(
        '共有メールボックスを代理人として使う場合: アプリでは確認画面で [このアカウントで続ける] を選びます。コマンド ライン版では --allow-delegate を付けて実行し直します。',
        'For a shared mailbox used through a delegate: in the app, choose “Continue with this account” when asked; on the command line, run it again with --allow-delegate.',
      ),
      L(
        'そうでない場合は、{userId} としてサインインし直します (サインイン画面でアカウントを選び直します)。',
        'Otherwise sign in again as {userId} (pick the account again on the sign-in page).',
      ),
    ],
  },
  {
    id: 'id-token-invalid',
    kind: 'app',
    title: L(
      '{host} の ID トークンが今回のサインインのものではありません ({claim})',
      'The ID token from {host} does not belong to this sign-in ({claim})',
    ),
    why: L(
      'トークン応答の ID トークンの {claim} が想定と一致しません (発行者、対象のアプリ、テナント、有効期限、nonce のいずれか)。誰がサインインしたかを確かめられないため、何も書き込んでいません。プロキシやセキュリティ製品が応答を書き換えたか、PC の時計が大きくずれている可能性があります。',
      'The {claim} of the ID token in the token answer is not what this sign-in expects (its issuer, app, tenant, validity or nonce). Who signed in cannot be trusted, so nothing was written. A proxy or security product may have changed the answer, or this computer’s clock may be far off.',
    ),
    steps: [
      L(
        'PC の時計 (日付、時刻、タイム ゾーン) が正しいか確認します。',
        'Check this computer’s clock (date, time and time zone).',
      ),
      L(
        'プロキシやセキュリティ製品がサインイン サービスの通信を検査・書き換えしていないか、ネットワーク管理者に確認します。',
        'Ask your network admin whether a proxy or security product inspects or rewrites traffic to the sign-in service.',
      ),
      START_AGAIN,
    ],
  },
  {
    id: 'path-not-allowed',
    kind: 'app',
    title: L(
      'このファイルは、ダイアログで選んだファイルではないため開きません',
      'This file was not opened: it was not chosen in a dialog',
    ),
    why: L(
      'アプリが読み書きするのは、この起動中にファイル選択ダイアログで選んだファイル、メールボックス一覧にあるファイル、このアプリがサインインで書き込んだファイルだけです。{path} はどれにも当たらないため、読み取りも変更もしていません (画面側から任意のファイルを指定されても、中身を読み出したり書き換えたりしないための制限です)。',
      'The app reads and writes only files chosen in a file dialog since it started, files in the mailbox list, and files it wrote by a sign-in. {path} is none of these, so it was neither read nor changed (this keeps the window from naming any file on this computer and reading or changing it).',
    ),
    steps: [
      L(
        '[INI ファイルを開く…] でそのファイルを選んでから (選ぶとメールボックス一覧にも追加されます)、もう一度実行します。',
        'Choose the file with “Open an INI file…” (which also adds it to the mailbox list), and run it again.',
      ),
    ],
  },
  {
    id: 'mail-protocol-violation',
    kind: 'mail',
    title: L(
      '{protocol} サーバー {host}:{port} がプロトコルに従っていません ({step})',
      'The {protocol} server {host}:{port} broke the protocol ({step})',
    ),
    why: L(
      'サーバーが{violation}。正常なメール サーバーはこうしないため、確認を中止しました (メモリを使い果たしたり、偽の応答を成功と誤認したりしないため)。接続先が本物のメール サーバーではないか、途中の機器が通信を書き換えている可能性があります。',
      'The server {violation}. A working mail server never does, so the check stopped (rather than buffer without end, or take a forged answer for a success). The host may not be the real mail server, or something in between rewrites the traffic.',
    ),
    steps: [
      L(
        '接続先のホスト名とポートが正しいか確認します (Exchange Online: smtp.office365.com:587、outlook.office365.com:993/995)。',
        'Check the host name and port (Exchange Online: smtp.office365.com:587, outlook.office365.com:993/995).',
      ),
      L(
        'プロキシ、ウイルス対策ソフト、ファイアウォールがメールの通信を検査・中継していないか確認します。',
        'Check whether a proxy, antivirus or firewall inspects or relays mail traffic.',
      ),
    ],
  },
] as const satisfies readonly CatalogueEntry[];
