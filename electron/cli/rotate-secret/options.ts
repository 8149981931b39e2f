/** The options of `rtw rotate-secret`. */
import { PARALLEL_OPTION, WAIT_OPTION } from '../refresh/options.js';
import { defineOptions } from '../shared/options.js';

export const ROTATE_SECRET_OPTIONS = defineOptions({
  'client-id': {
    type: 'string',
    placeholder: { en: 'ID', ja: 'ID' },
    description: {
      en: `the Application (client) ID of the app whose secret changed; files of other apps are
skipped, and said so`,
      ja: `シークレットを変えたアプリのアプリケーション (クライアント) ID。ほかのアプリのファイルは
処理せず、その旨を表示`,
    },
  },
  'secret-stdin': {
    type: 'boolean',
    description: {
      en: `read the new secret Value from standard input (without it: RTW_CLIENT_SECRET, else a
hidden prompt)`,
      ja: `新しいシークレットの値を標準入力から読む (指定しなければ RTW_CLIENT_SECRET、
なければ非表示の入力)`,
    },
  },
  'secret-expires': {
    type: 'string',
    placeholder: { en: 'DATE', ja: '日付' },
    description: {
      en: `the new secret's expiry (YYYY-MM-DD, the Expires column in Certificates & secrets), recorded in
each file so rtw show warns 30 days before; without it the files record it as unknown`,
      ja: `新しいシークレットの有効期限 (YYYY-MM-DD、証明書とシークレットの「有効期限」)。各ファイルに記録し、
rtw show が 30 日前から警告します。指定しなければ「不明」として記録`,
    },
  },
  json: {
    type: 'boolean',
    description: {
      en: 'one JSON object per file, then a summary object, on stdout',
      ja: 'ファイルごとに JSON を 1 行、最後に集計を 1 行、標準出力へ出す',
    },
  },
  parallel: PARALLEL_OPTION,
  wait: WAIT_OPTION,
});
