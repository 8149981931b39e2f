/**
 * The token check: which protocols to log in with and an optional test-message address, then the progress
 * and the report — per protocol ok or failed with its explanation, the transcript behind a disclosure, and
 * what the access token's claims revealed (Graph audience, a missing scope, a shared mailbox).
 */
import { useState } from 'react';
import { PROTOCOLS } from '../../electron/core/providers/types.js';
import type { Protocol } from '../../electron/core/providers/types.js';
import type { CheckReport, Finding, ProtocolResult } from '../../electron/core/mail-check/index.js';
import type { CheckState } from '../check-state.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import { CopyButton } from './CopyButton.js';
import { ExplanationView } from './ExplanationView.js';
import { Icon } from './Icon.js';
import { SenderView } from './SenderView.js';

const PROTOCOL_LABELS: Readonly<Record<Protocol, MessageKey>> = {
  smtp: 'mailbox.protocol.smtp',
  imap: 'mailbox.protocol.imap',
  pop: 'mailbox.protocol.pop',
};

const PROTOCOL_NAMES: Readonly<Record<Protocol, string>> = { smtp: 'SMTP', imap: 'IMAP', pop: 'POP' };

type Level = 3 | 4;

export interface CheckPanelProps {
  file: string;
  /** The protocols ticked at first: the file's. */
  defaultProtocols: readonly Protocol[];
  /** The check of this file (idle when none ran yet). */
  check: CheckState;
  onRun: (protocols: Protocol[], sendTo: string) => void;
  /** Heading level of the report's sections, to fit the page's outline. */
  level?: Level;
}

export function CheckPanel({ file, defaultProtocols, check, onRun, level = 3 }: CheckPanelProps) {
  const t = useT();
  const [protocols, setProtocols] = useState<Protocol[]>(() =>
    defaultProtocols.length > 0 ? [...defaultProtocols] : ['smtp'],
  );
  const [sendTo, setSendTo] = useState('');
  const running = check.status === 'running';
  const toggle = (protocol: Protocol, on: boolean): void =>
    setProtocols((current) => PROTOCOLS.filter((p) => (p === protocol ? on : current.includes(p))));

  return (
    <div className="check-panel" data-file={file}>
      <fieldset className="choice-group check-protocols">
        <legend>{t('check.protocols')}</legend>
        {PROTOCOLS.map((protocol) => (
          <div className="checkbox-row" key={protocol}>
            <input
              id={`check-protocol-${protocol}`}
              type="checkbox"
              checked={protocols.includes(protocol)}
              disabled={running}
              onChange={(e) => toggle(protocol, e.currentTarget.checked)}
            />
            <label htmlFor={`check-protocol-${protocol}`} className="checkbox-label">
              {t(PROTOCOL_LABELS[protocol])}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor="check-send-to">
          {t('check.sendTo.label')}
        </label>
        <input
          id="check-send-to"
          className="input"
          type="email"
          value={sendTo}
          autoComplete="off"
          spellCheck={false}
          disabled={running || !protocols.includes('smtp')}
          aria-describedby="check-send-to-hint"
          onChange={(e) => setSendTo(e.currentTarget.value)}
        />
        <p className="field-hint" id="check-send-to-hint">
          {t('check.sendTo.hint')}
        </p>
      </div>
      <div className="actions-inline">
        <button
          type="button"
          className="button button-primary"
          disabled={running || protocols.length === 0}
          onClick={() => onRun(protocols, protocols.includes('smtp') ? sendTo.trim() : '')}
        >
          {running ? <Icon name="spinner" className="spin" /> : null}
          <span>{check.status === 'idle' ? t('check.run') : t('check.runAgain')}</span>
        </button>
      </div>
      <CheckProgress check={check} />
      {check.status === 'done' ? <CheckReportView report={check.report} level={level} /> : null}
      {check.status === 'error' ? (
        <ExplanationView explanation={check.error.explanation} role="alert" level={level} />
      ) : null}
    </div>
  );
}

/** What the running check is doing, announced politely. */
function CheckProgress({ check }: { check: CheckState }) {
  const t = useT();
  let text = '';
  if (check.status === 'running') {
    if (check.connecting !== undefined)
      text = t('check.progress.connecting', {
        protocol: PROTOCOL_NAMES[check.connecting.protocol],
        server: `${check.connecting.host}:${check.connecting.port}`,
      });
    else if (check.redeeming) text = t('check.progress.redeeming');
    else text = t('check.progress.working');
  } else if (check.status === 'done') {
    text = check.report.ok ? t('check.summary.ok') : t('check.summary.failed');
  }
  return (
    <p className="muted check-progress" role="status">
      {check.status === 'running' ? <Icon name="spinner" className="spin" /> : null}
      {check.status === 'running' ? <span>{text}</span> : <span className="visually-hidden">{text}</span>}
    </p>
  );
}

/** The report of a finished check. */
export function CheckReportView({ report, level = 3 }: { report: CheckReport; level?: Level }) {
  const t = useT();
  const Heading = `h${level}` as const;
  const sub = (level + 1) as 4 | 5;
  const claims = report.token?.claims;
  return (
    <div className="check-report">
      {report.ok ? (
        <div className="banner banner-success">
          <Icon name="check" />
          <p>{t('check.summary.ok')}</p>
        </div>
      ) : (
        <div className="banner banner-error">
          <Icon name="error" />
          <p>{t('check.summary.failed')}</p>
        </div>
      )}
      {report.failure === undefined ? null : (
        <ExplanationView explanation={report.failure.explanation} level={level} idSuffix="check" />
      )}
      {report.token === undefined || claims === undefined ? null : (
        <section className="check-section" aria-labelledby="check-token-title">
          <Heading id="check-token-title">{t('check.token.title')}</Heading>
          {claims.readable ? (
            <dl className="facts">
              <div className="facts-row">
                <dt>{t('check.token.audience')}</dt>
                <dd>
                  <code className="value">{claims.audience ?? t('check.token.none')}</code>
                </dd>
              </div>
              <div className="facts-row">
                <dt>{t('check.token.scopes')}</dt>
                <dd>
                  <code className="value">{(claims.scopes ?? []).join(' ') || t('check.token.none')}</code>
                </dd>
              </div>
              <div className="facts-row">
                <dt>{t('check.token.user')}</dt>
                <dd>{claims.user ?? t('check.token.none')}</dd>
              </div>
            </dl>
          ) : (
            <p>{t('check.token.opaque')}</p>
          )}
          {report.token.rotated ? (
            <div className="note note-info">
              <Icon name="info" />
              <p>{t('check.token.rotated')}</p>
            </div>
          ) : null}
        </section>
      )}
      {report.findings.length === 0 ? null : (
        <section className="check-section" aria-labelledby="check-findings-title">
          <Heading id="check-findings-title">{t('check.findings.title')}</Heading>
          {report.findings.map((finding, i) => (
            <FindingView key={`${finding.id}-${i}`} finding={finding} index={i} level={sub} />
          ))}
        </section>
      )}
      {report.results.length === 0 ? null : (
        <section className="check-section" aria-labelledby="check-results-title">
          <Heading id="check-results-title">{t('check.results.title')}</Heading>
          <ul className="check-results">
            {report.results.map((result) => (
              <ResultView key={result.protocol} result={result} level={sub} />
            ))}
          </ul>
        </section>
      )}
      <SenderView report={report} level={level} />
    </div>
  );
}

function FindingView({ finding, index, level }: { finding: Finding; index: number; level: 4 | 5 }) {
  return (
    <div className={`finding finding-${finding.severity}`}>
      <ExplanationView
        explanation={finding.explanation}
        level={level}
        idSuffix={`finding-${index}`}
        tone={finding.severity}
      />
    </div>
  );
}

function ResultView({ result, level }: { result: ProtocolResult; level: 4 | 5 }) {
  const t = useT();
  const localized = useLocalized();
  const Heading = `h${level}` as const;
  const name = PROTOCOL_NAMES[result.protocol];
  const titleId = `check-result-${result.protocol}`;
  return (
    <li className={`check-result ${result.ok ? 'is-ok' : 'is-failed'}`}>
      <Heading className="check-result-title" id={titleId}>
        <Icon name={result.ok ? 'check' : 'error'} />
        <span>
          {t(result.ok ? 'check.result.ok' : 'check.result.failed', {
            protocol: name,
            server: `${result.host}:${result.port}`,
          })}
        </span>
      </Heading>
      {result.messageSent === true ? <p>{t('check.result.messageSent')}</p> : null}
      {result.explanation === undefined ? null : result.ok ? (
        <div className="note note-info">
          <Icon name="info" />
          <div>
            <p className="note-title">{localized(result.explanation.title)}</p>
            <p>{localized(result.explanation.why)}</p>
          </div>
        </div>
      ) : (
        <ExplanationView
          explanation={result.explanation}
          level={(level + 1) as 5}
          idSuffix={result.protocol}
        />
      )}
      <details className="raw transcript">
        <summary>{t('check.transcript', { protocol: name, lines: result.transcript.length })}</summary>
        <pre
          className="value value-block transcript-text"
          // Scrollable: focusable so a keyboard can scroll it, named for what it holds.
          tabIndex={0}
          role="region"
          aria-label={t('check.transcriptWhat', { protocol: name })}
        >
          {result.transcript.join('\n')}
        </pre>
        <CopyButton
          text={result.transcript.join('\n')}
          what={t('check.transcriptWhat', { protocol: name })}
        />
      </details>
    </li>
  );
}
