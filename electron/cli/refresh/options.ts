/** The options of `rtw refresh`. */
import { DEFAULT_LOCK_WAIT_MS } from '../../core/token-file/index.js';
import { DEFAULT_REFRESH_PARALLEL, MAX_REFRESH_PARALLEL } from '../../core/upkeep/index.js';
import { defineOptions } from '../shared/options.js';

/** `--parallel N`: how many files at once (rotate-secret takes it too). */
export const PARALLEL_OPTION = {
  type: 'number',
  placeholder: { en: 'N', ja: 'N' },
  min: 1,
  max: MAX_REFRESH_PARALLEL,
  default: DEFAULT_REFRESH_PARALLEL,
  description: {
    en: `how many files at once, 1 to ${MAX_REFRESH_PARALLEL} (default {default}); each file still under its own lock,
the output in the order the files were given`,
    ja: `同時に処理するファイル数、1～${MAX_REFRESH_PARALLEL} (既定 {default})。各ファイルはそれぞれロックしたうえで処理し、
出力は指定した順`,
  },
} as const;

/** `--wait SECONDS`: how long a file held by another run is waited for (rotate-secret takes it too). */
export const WAIT_OPTION = {
  type: 'number',
  placeholder: { en: 'SECONDS', ja: '秒' },
  default: DEFAULT_LOCK_WAIT_MS / 1000,
  description: {
    en: 'how long to wait while another run holds a file (default {default}), then report it busy',
    ja: 'ほかの処理がファイルを使用中のとき待つ時間 (既定 {default})。過ぎたら「使用中」と報告',
  },
} as const;

export const REFRESH_OPTIONS = defineOptions({
  json: {
    type: 'boolean',
    description: {
      en: 'one JSON object per file, then a summary object, on stdout',
      ja: 'ファイルごとに JSON を 1 行、最後に集計を 1 行、標準出力へ出す',
    },
  },
  parallel: PARALLEL_OPTION,
  wait: WAIT_OPTION,
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
