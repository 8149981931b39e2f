/** What the pre-flight check says, in Japanese and English. Placeholders in braces are filled by `format`. */
import type { Localized } from '../i18n.js';

export const PREFLIGHT_MESSAGES = {
  portBusy: {
    en: 'Port {port} is in use by another program, so the sign-in response could not be received. Use port {suggestedPort}: Entra ignores the port of a localhost redirect URI, so the registration stays as it is.',
    ja: 'ポート {port} は別のプログラムが使用中のため、サインインの応答を受け取れません。ポート {suggestedPort} を使ってください。Entra ID は localhost のリダイレクト URI のポートを無視するため、アプリの登録は変更不要です。',
  },
  portBusyNoSuggestion: {
    en: 'Port {port} is in use by another program, so the sign-in response could not be received. Choose another port (0 picks a free one).',
    ja: 'ポート {port} は別のプログラムが使用中のため、サインインの応答を受け取れません。別のポートを指定してください (0 で空きポートを自動選択)。',
  },
  portFree: {
    en: 'Port {port} is free for the sign-in response.',
    ja: 'ポート {port} は空いていて、サインインの応答を受け取れます。',
  },
} as const satisfies Record<string, Localized>;

export type PreflightMessageKey = keyof typeof PREFLIGHT_MESSAGES;
