/** What the schedules tell the admin, per OS, in Japanese and English. */
import type { Localized } from '../i18n.js';

export const WINDOWS_NOTES = {
  signedInOnly: {
    ja: 'Windows にサインインしている間だけ実行されます。サインアウト中も実行するには「サインアウト中も実行」を選んで作り直します。',
    en: 'Runs only while you are signed in to Windows. To run it while you are signed out too, create it again with “also while signed out”.',
  },
  s4u: {
    ja: 'サインインの有無にかかわらず、パスワードを保存せずに実行されます (S4U)。この方式ではネットワーク共有 (\\\\server\\share) 上のファイルを読めないため、トークン ファイルはローカル ディスクに置いてください。アカウントに「バッチ ジョブとしてログオン」の権利が必要です。',
    en: 'Runs whether or not you are signed in, without storing your password (S4U). Tasks of this kind cannot read files on network shares (\\\\server\\share): keep the token files on a local disk. The account needs the “Log on as a batch job” right.',
  },
  s4uRefused: {
    ja: 'サインアウト中も実行するタスクの登録を Windows が拒否しました。管理者として実行したコマンド プロンプト (またはアプリ) から作り直すか、サインイン中だけ実行するタスクにします。',
    en: 'Windows refused a task that runs while you are signed out. Create it again from a prompt (or the app) run as administrator, or make it run only while you are signed in.',
  },
} as const satisfies Record<string, Localized>;

export const LAUNCHD_NOTES = {
  agent: {
    ja: 'Mac にログインしている間に実行されます (LaunchAgent)。スリープ中に時刻を過ぎた場合は、復帰後に 1 回実行されます。',
    en: 'Runs while you are logged in to the Mac (a LaunchAgent). A time missed during sleep runs once after waking.',
  },
  loggedOutUnsupported: {
    ja: 'LaunchAgent はログアウト中には実行されません。だれもログインしていない間も実行するには、管理者が LaunchDaemon として設定します (docs/scheduling.ja.md)。',
    en: 'A LaunchAgent does not run while you are logged out. To run it with nobody logged in, an administrator sets it up as a LaunchDaemon (docs/scheduling.en.md).',
  },
} as const satisfies Record<string, Localized>;

export const SYSTEMD_NOTES = {
  lingerOn: {
    ja: 'ログインしていない間も実行されます (このアカウントの lingering が有効)。電源が切れていて時刻を過ぎた場合は、次の起動後に実行されます。',
    en: 'Runs while you are not logged in too (lingering is on for this account). A time missed while the machine was off runs after the next start.',
  },
  lingerOff: {
    ja: 'このアカウントがログインしている間だけ実行されます。ログインしていない間も実行するには loginctl enable-linger {user} を実行します (「ログアウト中も実行」を選ぶとアプリが実行します)。',
    en: 'Runs only while this account is logged in. To run it while nobody is logged in, run loginctl enable-linger {user} (choosing “also while logged out” does it for you).',
  },
  lingerFailed: {
    ja: 'lingering を有効にできませんでした: {reason}。ログインしていない間も実行するには、管理者が sudo loginctl enable-linger {user} を実行します。',
    en: 'Could not turn lingering on: {reason}. For runs while nobody is logged in, an administrator runs sudo loginctl enable-linger {user}.',
  },
} as const satisfies Record<string, Localized>;

export const CRON_NOTES = {
  noCatchUp: {
    ja: 'systemd のユーザー マネージャーが使えないため cron に登録しました。cron は電源が切れていた間の実行を後から行いません。',
    en: 'Registered with cron, since no systemd user manager is available. cron does not make up for runs missed while the machine was off.',
  },
} as const satisfies Record<string, Localized>;

export const LAUNCHER_NOTES = {
  /** The app runs from a disk image or an AppImage's temporary mount: the path is gone after the next start. */
  transientApp: {
    ja: 'アプリが一時的な場所 ({path}) から実行されています。インストール (macOS は「アプリケーション」フォルダーへコピー) してから設定し直してください。',
    en: 'The app is running from a temporary location ({path}). Install it (on macOS, copy it to Applications) and set this up again.',
  },
} as const satisfies Record<string, Localized>;

/** How the scheduler's failures read. */
export const SCHEDULE_FAILURES = {
  tool: {
    ja: '{tool} が失敗しました ({status}): {output}',
    en: '{tool} failed ({status}): {output}',
  },
  notRun: { ja: '実行できません: {reason}', en: 'could not be run: {reason}' },
  exit: { ja: '終了コード {code}', en: 'exit code {code}' },
  noScheduler: {
    ja: 'このコンピューターでは systemd のユーザー マネージャーも cron (crontab) も使えません。docs/scheduling.ja.md の手動の方法で設定してください。',
    en: 'Neither a systemd user manager nor cron (crontab) is available on this computer. Set it up by hand as docs/scheduling.en.md shows.',
  },
} as const satisfies Record<string, Localized>;

/** The OS schedulers, as the admin knows them. */
export const BACKEND_NAMES = {
  'windows-task': { ja: 'Windows タスク スケジューラ', en: 'Windows Task Scheduler' },
  launchd: { ja: 'macOS の LaunchAgent', en: 'macOS LaunchAgent' },
  systemd: { ja: 'systemd のユーザー タイマー', en: 'systemd user timer' },
  cron: { ja: 'cron (crontab)', en: 'cron (crontab)' },
} as const satisfies Record<string, Localized>;
