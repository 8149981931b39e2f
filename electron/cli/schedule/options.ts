/** The options of `rtw schedule`. */
import { DEFAULT_AT, DEFAULT_EVERY_DAYS, parseEvery, parseTimeOfDay } from '../../core/schedule/index.js';
import { defineOptions } from '../shared/options.js';

export const SCHEDULE_OPTIONS = defineOptions({
  every: {
    type: 'string',
    placeholder: { en: 'DAYS', ja: '日数' },
    parse: parseEvery,
    invalid: {
      en: '--{option} takes days from 1d to 30d (or weeks: 1w–4w), not "{value}".',
      ja: '--{option} には 1d～30d の日数 (または 1w～4w の週数) を指定してください (「{value}」は使えません)。',
    },
    default: `${DEFAULT_EVERY_DAYS}d`,
    description: {
      en: 'add: how often, 1d to 30d or 1w to 4w (default {default})',
      ja: 'add: 実行間隔。1d～30d または 1w～4w (既定 {default})',
    },
  },
  at: {
    type: 'string',
    placeholder: { en: 'HH:MM', ja: 'HH:MM' },
    parse: parseTimeOfDay,
    invalid: {
      en: '--{option} takes a 24-hour time such as 03:17, not "{value}".',
      ja: '--{option} には 03:17 のような 24 時間表記の時刻を指定してください (「{value}」は使えません)。',
    },
    default: DEFAULT_AT,
    description: {
      en: 'add: local time of day (default {default}; runs start up to 15 minutes later)',
      ja: 'add: 実行する時刻 (既定 {default}。最大 15 分遅れて開始)',
    },
  },
  'logged-out': {
    type: 'boolean',
    description: {
      en: `add: also run while you are signed out (Windows: without a stored password, S4U;
Linux: turns on lingering; a macOS LaunchAgent cannot)`,
      ja: `add: サインアウト中も実行する (Windows: パスワードを保存しない S4U。
Linux: lingering を有効にする。macOS の LaunchAgent では不可)`,
    },
  },
  'dry-run': {
    type: 'boolean',
    description: {
      en: 'add: print what would be written (task XML, plist, units, crontab line), change nothing',
      ja: 'add: 書き込む内容 (タスク XML、plist、ユニット、crontab の行) を表示するだけで何も変更しない',
    },
  },
  json: {
    type: 'boolean',
    description: { en: 'one JSON object on stdout', ja: '結果を JSON で標準出力へ出す' },
  },
});
