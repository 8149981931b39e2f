/**
 * A failure explained: what happened, why, the fix as numbered steps, a command to copy, and the raw IDs a
 * support ticket needs. Texts come from the diagnose catalogue in both languages.
 */
import type { Explanation } from '../../electron/core/diagnose/types.js';
import { useLocalized, useT } from '../i18n/context.js';
import { CopyButton } from './CopyButton.js';
import { Icon } from './Icon.js';

export interface ExplanationViewProps {
  explanation: Explanation;
  /** Heading level of the title, to fit the page's outline. */
  level?: 2 | 3 | 4 | 5;
  /** `alert` for a failure that just happened, so screen readers read it at once. */
  role?: 'alert';
  /** False when the surrounding panel already shows the title and the why (e.g. the busy-port panel). */
  header?: boolean;
  /** Makes the title's id unique when several explanations are shown at once (one per protocol). */
  idSuffix?: string;
  /** `warning` and `info` for findings that do not fail (a shared-mailbox note); default `error`. */
  tone?: 'error' | 'warning' | 'info';
}

export function ExplanationView({
  explanation,
  level = 3,
  role,
  header = true,
  idSuffix,
  tone = 'error',
}: ExplanationViewProps) {
  const t = useT();
  const localized = useLocalized();
  const Heading = `h${level}` as const;
  const Subtitle = `h${level + 1}` as 'h3' | 'h4' | 'h5' | 'h6';
  const raw = explanation.raw;
  const rawLines = raw === undefined ? [] : rawDetails(raw, t);
  const titleId = `explanation-${explanation.id}${idSuffix === undefined ? '' : `-${idSuffix}`}`;
  return (
    <section
      className={`explanation explanation-${tone}`}
      role={role}
      aria-labelledby={header ? titleId : undefined}
    >
      {header ? (
        <>
          <Heading className="explanation-title" id={titleId}>
            <Icon name={tone} />
            <span>{localized(explanation.title)}</span>
          </Heading>
          <p className="explanation-why">{localized(explanation.why)}</p>
        </>
      ) : null}
      {explanation.steps.length > 0 ? (
        <>
          <Subtitle className="explanation-subtitle">{t('explanation.steps')}</Subtitle>
          <ol className="explanation-steps">
            {explanation.steps.map((step, i) => (
              <li key={i}>{localized(step)}</li>
            ))}
          </ol>
        </>
      ) : null}
      {explanation.command === undefined ? null : (
        <div className="command">
          <Subtitle className="explanation-subtitle">{t('explanation.command')}</Subtitle>
          <div className="value-row">
            <code className="value value-block">{explanation.command}</code>
            <CopyButton text={explanation.command} what={t('explanation.commandWhat')} />
          </div>
        </div>
      )}
      {explanation.docsUrl === undefined ? null : (
        <div className="value-row">
          <span className="value-label">{t('explanation.docs')}</span>
          <code className="value">{explanation.docsUrl}</code>
          <CopyButton text={explanation.docsUrl} what={t('explanation.docsWhat')} />
        </div>
      )}
      {rawLines.length === 0 ? null : (
        <details className="raw">
          <summary>{t('explanation.raw')}</summary>
          <dl className="facts">
            {rawLines.map(([label, value]) => (
              <div key={label} className="facts-row">
                <dt>{label}</dt>
                <dd>
                  <code className="value">{value}</code>
                </dd>
              </div>
            ))}
          </dl>
          <CopyButton
            text={rawLines.map(([label, value]) => `${label}: ${value}`).join('\n')}
            what={t('explanation.rawWhat')}
          />
        </details>
      )}
    </section>
  );
}

function rawDetails(
  raw: NonNullable<Explanation['raw']>,
  t: ReturnType<typeof useT>,
): [label: string, value: string][] {
  const lines: [string, string][] = [];
  if (raw.aadsts !== undefined) lines.push([t('explanation.aadsts'), `AADSTS${raw.aadsts}`]);
  if (raw.message !== '') lines.push([t('explanation.message'), raw.message]);
  if (raw.traceId !== undefined) lines.push([t('explanation.traceId'), raw.traceId]);
  if (raw.correlationId !== undefined) lines.push([t('explanation.correlationId'), raw.correlationId]);
  if (raw.timestamp !== undefined) lines.push([t('explanation.timestamp'), raw.timestamp]);
  return lines;
}
