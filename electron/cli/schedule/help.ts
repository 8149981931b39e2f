/** The help of `rtw schedule`: its prose; the options come from options.ts. */
import type { Lang } from '../../core/i18n.js';
import { EXIT } from '../shared/exit-codes.js';
import { renderHelp } from '../shared/help.js';
import type { CommandHelp } from '../shared/help.js';
import { SCHEDULE_OPTIONS } from './options.js';

const TARGETS = { en: 'FILE|FOLDER...', ja: 'ファイル|フォルダー...' };

export const SCHEDULE_HELP: CommandHelp = {
  command: 'schedule',
  usage: [
    [
      { operand: { en: `add ${TARGETS.en}`, ja: `add ${TARGETS.ja}` } },
      { optional: 'every' },
      { optional: 'at' },
      { optional: 'logged-out' },
      { optional: 'dry-run' },
      { optional: 'json' },
    ],
    [{ operand: { en: `status ${TARGETS.en}`, ja: `status ${TARGETS.ja}` } }, { optional: 'json' }],
    [{ operand: { en: `remove ${TARGETS.en}`, ja: `remove ${TARGETS.ja}` } }, { optional: 'json' }],
  ],
  summary: {
    en: `Keep the tokens of these files alive with this computer's own scheduler: Windows Task Scheduler, a macOS
LaunchAgent, a systemd user timer on Linux (cron where there is no systemd user manager). The schedule runs
this program's refresh --scheduled on the files: the installed app runs it without a window. status shows
whether the schedule exists, when it runs next, and how its last run ended; remove deletes it. The same files
name the same schedule, in any order.`,
    ja: `このコンピューター自身のスケジューラでトークンを定期的に更新します: Windows タスク スケジューラ、macOS の
LaunchAgent、Linux の systemd ユーザー タイマー (systemd のユーザー マネージャーがなければ cron)。スケジュールは
このプログラムの refresh --scheduled をファイルに対して実行します (インストールしたアプリはウィンドウを開かずに実行)。
status はスケジュールの有無、次回の実行、前回の結果を表示し、remove は削除します。同じファイルの組み合わせは
順序にかかわらず同じスケジュールを指します。`,
  },
  notes: {
    en: `Exit codes: 0 done · 2 wrong command line · ${EXIT.scheduler} the OS scheduler refused or is not available (the message
says which tool and what it answered). See docs/scheduling.en.md.`,
    ja: `終了コード: 0 完了 · 2 コマンド ラインの誤り · ${EXIT.scheduler} OS のスケジューラが拒否した、または使えない (どのツールが
何と答えたかを表示)。docs/scheduling.ja.md を参照。`,
  },
};

/** `rtw schedule --help`. */
export function scheduleHelp(lang: Lang): string {
  return renderHelp(SCHEDULE_HELP, SCHEDULE_OPTIONS, lang);
}
