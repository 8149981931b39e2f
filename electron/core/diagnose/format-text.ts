/**
 * Plain-text rendering of an Explanation for a terminal: title, why, numbered steps, command, docs link and the
 * raw IDs a support ticket needs. No colours or box drawing: output is often pasted into mails and tickets.
 */
import type { Lang, Localized } from '../i18n.js';
import type { Explanation } from './types.js';

const LABELS = {
  steps: { ja: '対処方法:', en: 'How to fix:' },
  command: { ja: '実行するコマンド:', en: 'Command:' },
  docs: { ja: '参考情報:', en: 'More information:' },
  retry: { ja: '時間をおいて再試行すると解決する場合があります。', en: 'Trying again later may work.' },
  support: { ja: 'サポート用情報:', en: 'For a support request:' },
  diagnostic: { ja: '診断 ID', en: 'Diagnostic ID' },
  message: { ja: 'メッセージ', en: 'Message' },
} as const satisfies Record<string, Localized>;

const INDENT = '  ';

/** Plain text for a terminal, in one language. */
export function formatExplanation(e: Explanation, lang: Lang): string {
  const blocks: string[] = [e.title[lang], e.why[lang]];
  if (e.steps.length > 0) {
    const width = String(e.steps.length).length;
    const steps = e.steps.map((step, i) => `${INDENT}${String(i + 1).padStart(width)}. ${step[lang]}`);
    blocks.push([LABELS.steps[lang], ...steps].join('\n'));
  }
  if (e.command !== undefined) blocks.push(`${LABELS.command[lang]}\n${INDENT}${e.command}`);
  if (e.docsUrl !== undefined) blocks.push(`${LABELS.docs[lang]} ${e.docsUrl}`);
  if (e.retryable === true) blocks.push(LABELS.retry[lang]);
  blocks.push(supportBlock(e, lang));
  return `${blocks.join('\n\n')}\n`;
}

function supportBlock(e: Explanation, lang: Lang): string {
  const lines = [LABELS.support[lang], `${INDENT}${LABELS.diagnostic[lang]}: ${e.id}`];
  const raw = e.raw;
  if (raw !== undefined) {
    // Entra's own labels stay in English: they are what the sign-in logs and Microsoft support ask for.
    const message = raw.aadsts === undefined ? raw.message : `AADSTS${raw.aadsts}: ${raw.message}`;
    if (message.trim() !== '') lines.push(`${INDENT}${LABELS.message[lang]}: ${message}`);
    if (raw.traceId !== undefined) lines.push(`${INDENT}Trace ID: ${raw.traceId}`);
    if (raw.correlationId !== undefined) lines.push(`${INDENT}Correlation ID: ${raw.correlationId}`);
    if (raw.timestamp !== undefined) lines.push(`${INDENT}Timestamp: ${raw.timestamp}`);
  }
  return lines.join('\n');
}
