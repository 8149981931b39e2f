/** The options of `rtw check`. */
import { parseEndpoint } from '../../core/mail-check/index.js';
import type { Localized } from '../../core/i18n.js';
import type { Protocol } from '../../core/providers/index.js';
import { defineOptions } from '../shared/options.js';

/** The port of a mail server given without one. */
const DEFAULT_PORTS: Readonly<Record<Protocol, number>> = { smtp: 587, imap: 993, pop: 995 };

/** The message for a mail server that is not host:port. */
const BAD_HOST: Localized = {
  en: '--{option} takes host:port, not "{value}".',
  ja: '--{option} には ホスト:ポート を指定してください (「{value}」は使えません)。',
};

const HOST_PORT: Localized = { en: 'H:P', ja: 'H:P' };

export const CHECK_OPTIONS = defineOptions({
  smtp: {
    type: 'boolean',
    description: {
      en: 'protocols to check (default: those recorded in FILE, else SMTP)',
      ja: '確認するプロトコル (既定: ファイルに記録されたもの。なければ SMTP)',
    },
  },
  imap: { type: 'boolean', sharesRowAbove: true },
  pop: { type: 'boolean', sharesRowAbove: true },
  'send-to': {
    type: 'string',
    placeholder: { en: 'ADDR', ja: 'アドレス' },
    description: {
      en: 'also send a test message from UserID to ADDR (tests Send As)',
      ja: 'UserID からアドレスへテスト メールも送信する (送信者として送信の権限を確認)',
    },
  },
  'smtp-host': {
    type: 'string',
    placeholder: HOST_PORT,
    parse: (value) => parseEndpoint(value, DEFAULT_PORTS.smtp),
    invalid: BAD_HOST,
    description: {
      en: `SMTP server instead of the cloud's (default smtp.office365.com:587;
smtp-mail.outlook.com:587 for Outlook.com accounts)`,
      ja: `SMTP サーバー (既定 smtp.office365.com:587。Outlook.com のアカウントは
smtp-mail.outlook.com:587)`,
    },
  },
  'imap-host': {
    type: 'string',
    placeholder: HOST_PORT,
    parse: (value) => parseEndpoint(value, DEFAULT_PORTS.imap),
    invalid: BAD_HOST,
    description: {
      en: 'IMAP server (default outlook.office365.com:993)',
      ja: 'IMAP サーバー (既定 outlook.office365.com:993)',
    },
  },
  'pop-host': {
    type: 'string',
    placeholder: HOST_PORT,
    parse: (value) => parseEndpoint(value, DEFAULT_PORTS.pop),
    invalid: BAD_HOST,
    description: {
      en: 'POP server (default outlook.office365.com:995)',
      ja: 'POP サーバー (既定 outlook.office365.com:995)',
    },
  },
  timeout: {
    type: 'number',
    placeholder: { en: 'SECONDS', ja: '秒' },
    min: 1,
    max: 600,
    invalid: {
      en: '--{option} takes seconds from {min} to {max}, not "{value}".',
      ja: '--{option} には {min}～{max} の秒数を指定してください (「{value}」は使えません)。',
    },
    description: {
      en: 'limit for each step: connect, greeting, each command (default 15–20)',
      ja: '各段階 (接続、グリーティング、各コマンド) の制限時間 (既定 15～20)',
    },
  },
  json: {
    type: 'boolean',
    description: {
      en: 'one JSON object per protocol result, then a summary, on stdout',
      ja: 'プロトコルごとの結果と最後に概要を、JSON で 1 行ずつ標準出力へ出す',
    },
  },
});
