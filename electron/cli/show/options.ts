/** The options of `rtw show`. */
import { defineOptions } from '../shared/options.js';

export const SHOW_OPTIONS = defineOptions({
  json: {
    type: 'boolean',
    description: {
      en: 'one JSON object per file on stdout',
      ja: 'ファイルごとに JSON を 1 行、標準出力へ出す',
    },
  },
});
