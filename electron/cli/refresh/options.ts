/** The options of `rtw refresh`. */
import { DEFAULT_LOCK_WAIT_MS } from '../../core/token-file/index.js';
import { defineOptions } from '../shared/options.js';

export const REFRESH_OPTIONS = defineOptions({
  json: {
    type: 'boolean',
    description: {
      en: 'one JSON object per file, then a summary object, on stdout',
      ja: 'ファイルごとに JSON を 1 行、最後に集計を 1 行、標準出力へ出す',
    },
  },
  wait: {
    type: 'number',
    placeholder: { en: 'SECONDS', ja: '秒' },
    default: DEFAULT_LOCK_WAIT_MS / 1000,
    description: {
      en: 'how long to wait while another run holds a file (default {default}), then report it busy',
      ja: 'ほかの処理がファイルを使用中のとき待つ時間 (既定 {default})。過ぎたら「使用中」と報告',
    },
  },
  scheduled: {
    type: 'boolean',
    description: {
      en: `run as a schedule does (rtw schedule): record how the run went for rtw schedule status,
then send the alerts configured with rtw alert`,
      ja: `スケジュールとして実行する (rtw schedule): 結果を rtw schedule status 用に記録し、
rtw alert で設定した通知を送る`,
    },
  },
});
