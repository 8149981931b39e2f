/**
 * The check's result as the sending program will meet it: one sentence per step ("SMAIL will log in as … with
 * XOAUTH2 at … — this worked"), in the page's language, with a button that copies them for a ticket.
 */
import type { CheckReport } from '../../electron/core/mail-check/index.js';
import { useLocalized, useT } from '../i18n/context.js';
import { CopyButton } from './CopyButton.js';

export function SenderView({ report, level = 3 }: { report: CheckReport; level?: 3 | 4 }) {
  const t = useT();
  const localized = useLocalized();
  const Heading = `h${level}` as const;
  const sentences = [report.senderView, ...report.results.map((r) => r.senderView)]
    .filter((s) => s !== undefined)
    .map(localized);
  if (sentences.length === 0) return null;
  return (
    <section className="check-section sender-view" aria-labelledby="check-sender-view-title">
      <Heading id="check-sender-view-title">{t('check.senderView.title')}</Heading>
      <ul>
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <CopyButton text={sentences.join('\n')} what={t('check.senderView.what')} />
    </section>
  );
}
