/** The options of `rtw explain`. */
import type { MailProtocol } from '../../core/diagnose/index.js';
import { defineOptions } from '../shared/options.js';

const PROTOCOLS: readonly MailProtocol[] = ['smtp', 'imap', 'pop'];

export const EXPLAIN_OPTIONS = defineOptions({
  protocol: {
    type: 'string',
    placeholder: { en: 'P', ja: 'P' },
    parse: (value) => PROTOCOLS.find((p) => p === value.toLowerCase()),
    invalid: {
      en: '--{option} takes smtp, imap or pop, not "{value}".',
      ja: '--{option} には smtp、imap、pop のどれかを指定してください (「{value}」は使えません)。',
    },
    description: {
      en: 'read TEXT as a reply of this mail protocol: smtp, imap, pop\n(default: recognised by its shape)',
      ja: 'テキストをこのプロトコルのサーバー応答として読む: smtp、imap、pop\n(既定: 形から判断)',
    },
  },
  json: {
    type: 'boolean',
    description: {
      en: 'the explanation as one JSON object on stdout',
      ja: '説明を JSON 1 行で標準出力へ出す',
    },
  },
});
