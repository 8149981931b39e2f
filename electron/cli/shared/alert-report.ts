/** How the CLI says what alerting did: one line per channel, on stderr (stdout stays the command's own). */
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import type { AlertChannel, AlertReport } from '../../core/alerts/index.js';
import { writeLine } from './io.js';
import type { CliIo } from './io.js';

const TEXT = {
  sent: { en: 'Alert sent ({channel}): {detail}', ja: '通知を送信しました ({channel}): {detail}' },
  failed: {
    en: 'Alert NOT sent ({channel}): {detail}',
    ja: '通知を送信できませんでした ({channel}): {detail}',
  },
} as const satisfies Record<string, Localized>;

export const CHANNEL_NAMES: Readonly<Record<AlertChannel, Localized>> = {
  webhook: { en: 'webhook', ja: 'Webhook' },
  email: { en: 'e-mail', ja: 'メール' },
  'os-log': { en: 'OS log', ja: 'OS のログ' },
};

/** Prints the report; true when every channel that was used delivered. */
export function printAlertReport(report: AlertReport, io: CliIo, lang: Lang): boolean {
  for (const result of report.channels)
    writeLine(
      io.stderr,
      format((result.ok ? TEXT.sent : TEXT.failed)[lang], {
        channel: CHANNEL_NAMES[result.channel][lang],
        detail: result.detail[lang],
      }),
    );
  return report.channels.every((c) => c.ok);
}
