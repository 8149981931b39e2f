import type { Localized } from '../i18n.js';
import { PROVIDER_VALIDATION_MESSAGES } from '../providers/index.js';

/**
 * What the admin sees when an input is wrong: what to fix, not just "invalid". The account's fields are the same
 * for every provider; each provider adds the messages of its registration fields.
 * Placeholders in braces are filled by `format`.
 */
export const VALIDATION_MESSAGES = {
  ...PROVIDER_VALIDATION_MESSAGES,
  providerInvalid: {
    en: '"{value}" is not an identity provider this tool supports. Use microsoft or google.',
    ja: '「{value}」はこのツールが対応している ID プロバイダーではありません。microsoft または google を指定してください。',
  },
  providerValueInvalid: {
    en: 'The INI Provider value "{value}" must be a number, as the sender reads it (SMAIL: 1 for Microsoft Azure).',
    ja: 'INI の Provider の値「{value}」は、送信プログラムが読むとおり数字にしてください (SMAIL: Microsoft Azure は 1)。',
  },
  appAudienceInvalid: {
    en: '"{value}" is not an audience of the OAuth consent screen. Use internal, production or testing (Google Cloud console > Google Auth Platform > Audience).',
    ja: '「{value}」は OAuth 同意画面の対象ではありません。internal、production、testing のいずれかを指定してください (Google Cloud コンソール > Google Auth Platform > [対象])。',
  },
  appAudienceRequired: {
    en: 'Answer how the OAuth consent screen is published (Google Cloud console > Google Auth Platform > Audience): Internal, External in production, or External in Testing, whose tokens die after 7 days.',
    ja: 'OAuth 同意画面の公開状態を選んでください (Google Cloud コンソール > Google Auth Platform > [対象]): 内部、外部 (本番環境)、外部 (テスト中) のいずれかです。テスト中のトークンは 7 日で失効します。',
  },
  mailboxRequired: {
    en: 'Enter the mailbox address the sender will use (UserID), e.g. printer@contoso.com.',
    ja: '送信に使うメールボックスのアドレス (UserID) を入力してください。例: printer@contoso.com',
  },
  mailboxInvalid: {
    en: '"{value}" is not a mail address. Enter the mailbox as name@domain, e.g. printer@contoso.com.',
    ja: '「{value}」はメール アドレスではありません。name@domain の形式で入力してください。例: printer@contoso.com',
  },
  mailboxControlCharacter: {
    en: 'The mailbox (UserID) holds an invisible control character, {codePoint}, at character {position}. Such characters come along when copying from other programs and are never part of a mail address: type the address again.',
    ja: 'メールボックス (UserID) の {position} 文字目に、目に見えない制御文字 ({codePoint}) が含まれています。ほかのプログラムからコピーしたときに紛れ込む文字で、メール アドレスには使えません。アドレスを入力し直してください。',
  },
  mailboxBrokenCharacter: {
    en: 'The mailbox (UserID) holds a broken character, {codePoint} (half of a character pair), at character {position}. It cannot be written to the file as it is: type the address again.',
    ja: 'メールボックス (UserID) の {position} 文字目に、壊れた文字 ({codePoint}、対になる半分が欠けた文字) が含まれています。このままではファイルに書き込めません。アドレスを入力し直してください。',
  },
  protocolsRequired: {
    en: 'Choose at least one protocol: SMTP (sending), IMAP or POP.',
    ja: 'プロトコルを 1 つ以上選んでください: SMTP (送信)、IMAP、POP。',
  },
  protocolInvalid: {
    en: '"{value}" is not a protocol. Use smtp, imap or pop.',
    ja: '「{value}」はプロトコルではありません。smtp、imap、pop のいずれかを指定してください。',
  },
  portInvalid: {
    en: 'The redirect port must be a whole number from 0 to 65535 (default 8001; 0 picks a free port).',
    ja: 'リダイレクト ポートは 0 から 65535 までの整数で指定してください (既定は 8001、0 は空いているポートを自動で選びます)。',
  },
  pathInvalid: {
    en: 'The redirect path must start and end with "/" and contain only letters, digits and - . _ ~ (default /myapp/). It must match the redirect URI registered in Entra.',
    ja: 'リダイレクト パスは「/」で始まり「/」で終わり、英数字と - . _ ~ だけを含めてください (既定は /myapp/)。Entra に登録したリダイレクト URI と一致させる必要があります。',
  },
  outFileRequired: {
    en: 'Choose the INI file to write, e.g. smail_refresh_token.ini.',
    ja: '書き込む INI ファイルを指定してください。例: smail_refresh_token.ini',
  },
  timeoutInvalid: {
    en: 'The sign-in timeout must be a whole number of seconds from 10 to 3600 (default 300).',
    ja: 'サインインのタイムアウトは 10 から 3600 までの秒数 (整数) で指定してください (既定は 300)。',
  },
  secretExpiryInvalid: {
    en: 'The secret\'s expiry "{value}" must be a date written YYYY-MM-DD, as the Expires column of Certificates & secrets shows it (e.g. 2026-03-31).',
    ja: 'シークレットの有効期限「{value}」は YYYY-MM-DD 形式の日付で入力してください (証明書とシークレットの「有効期限」の列の日付。例: 2026-03-31)。',
  },
} as const satisfies Record<string, Localized>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;
