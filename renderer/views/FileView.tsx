/**
 * An existing INI file: its token's health (mailbox, tenant, protocols, masked token, when it was issued and
 * last refreshed, the days left, the secret's expiry, with warnings), and what can be done with it: check it
 * against the mail servers, refresh it now, re-issue it through the wizard, keep it alive on a schedule.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Protocol } from '../../electron/core/providers/types.js';
import type { RefreshOutcome } from '../../electron/core/upkeep/refresh.js';
import type { HealthState, TokenHealth } from '../../electron/core/upkeep/token-health.js';
import type { IpcError } from '../../electron/shared/contract.js';
import { useWizardApi } from '../api-context.js';
import { checkOf } from '../check-state.js';
import type { CheckState } from '../check-state.js';
import { CheckPanel } from '../components/CheckPanel.js';
import { CopyButton } from '../components/CopyButton.js';
import { ExplanationView } from '../components/ExplanationView.js';
import { Icon } from '../components/Icon.js';
import { KeepAlivePanel } from '../components/KeepAlivePanel.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLang, useLocalized, useT } from '../i18n/context.js';
import { formatDate, formatDateTime } from './format.js';

export interface FileViewActions {
  check: (file: string, protocols: Protocol[], sendTo: string) => void;
  reissue: (file: string) => void;
}

const STATE_KEYS: Readonly<Record<HealthState, MessageKey>> = {
  ok: 'file.state.ok',
  warning: 'file.state.warning',
  expired: 'file.state.expired',
  unknown: 'file.state.unknown',
};

type Load =
  { status: 'loading' } | { status: 'ready'; health: TokenHealth } | { status: 'error'; error: IpcError };

export function FileView({
  path,
  check,
  actions,
}: {
  path: string;
  check: CheckState;
  actions: FileViewActions;
}) {
  const t = useT();
  const api = useWizardApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [refresh, setRefresh] = useState<
    | { status: 'idle' }
    | { status: 'running' }
    | { status: 'done'; outcome: RefreshOutcome }
    | { status: 'error'; error: IpcError }
  >({ status: 'idle' });
  const [checking, setChecking] = useState(() => checkOf(check, path).status !== 'idle');
  const [reissuing, setReissuing] = useState(false);

  const reload = useCallback(() => {
    let live = true;
    api.tokenHealth({ path }).then(
      (result) => {
        if (live)
          setLoad(
            result.ok ? { status: 'ready', health: result.value } : { status: 'error', error: result.error },
          );
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, path]);

  useEffect(() => {
    setLoad({ status: 'loading' });
    setRefresh({ status: 'idle' });
    return reload();
  }, [reload]);

  const refreshNow = (): void => {
    setRefresh({ status: 'running' });
    api.refreshFiles({ paths: [path] }).then(
      (result) => {
        const outcome = result.ok ? result.value[0] : undefined;
        if (!result.ok) setRefresh({ status: 'error', error: result.error });
        else if (outcome !== undefined) setRefresh({ status: 'done', outcome });
        reload();
      },
      () => setRefresh({ status: 'idle' }),
    );
  };

  const reissue = (): void => {
    setReissuing(true);
    actions.reissue(path);
  };

  return (
    <div className="step-body file-view">
      <div className="value-row">
        <code className="value">{path}</code>
        <CopyButton text={path} what={t('result.fileWhat')} />
        <button type="button" className="button button-small" onClick={() => void api.showInFolder({ path })}>
          <Icon name="folder" />
          <span>{t('result.showInFolder')}</span>
        </button>
      </div>
      {load.status === 'loading' ? (
        <p className="muted" role="status">
          <Icon name="spinner" className="spin" />
          <span>{t('file.loading')}</span>
        </p>
      ) : null}
      {load.status === 'error' ? <ExplanationView explanation={load.error.explanation} role="alert" /> : null}
      {load.status === 'ready' ? <HealthView health={load.health} /> : null}

      <div className="actions-inline">
        <button
          type="button"
          className="button"
          aria-expanded={checking}
          aria-controls="file-check"
          disabled={load.status !== 'ready'}
          onClick={() => setChecking((v) => !v)}
        >
          {t('file.action.check')}
        </button>
        <button
          type="button"
          className="button"
          disabled={load.status !== 'ready' || refresh.status === 'running'}
          onClick={refreshNow}
        >
          {refresh.status === 'running' ? <Icon name="spinner" className="spin" /> : null}
          <span>{t('file.action.refresh')}</span>
        </button>
        <button
          type="button"
          className="button"
          disabled={load.status !== 'ready' || reissuing}
          onClick={reissue}
        >
          {t('file.action.reissue')}
        </button>
      </div>

      <div role="status" className="refresh-status">
        {refresh.status === 'running' ? <p className="muted">{t('file.refresh.running')}</p> : null}
        {refresh.status === 'done' && refresh.outcome.status === 'refreshed' ? (
          <div className="banner banner-success">
            <Icon name="check" />
            <p>{t('file.refresh.done', { token: refresh.outcome.refreshTokenMasked })}</p>
          </div>
        ) : null}
      </div>
      {refresh.status === 'done' && refresh.outcome.status !== 'refreshed' ? (
        <div className="refresh-failure">
          <ExplanationView explanation={refresh.outcome.explanation} role="alert" />
          {refresh.outcome.status === 'needs-reissue' ? (
            <div className="actions-inline">
              <button type="button" className="button button-primary" onClick={reissue} disabled={reissuing}>
                {t('file.action.reissue')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {refresh.status === 'error' ? (
        <ExplanationView explanation={refresh.error.explanation} role="alert" />
      ) : null}

      {checking && load.status === 'ready' ? (
        <section id="file-check" className="file-section" aria-labelledby="file-check-title">
          <h3 id="file-check-title">{t('file.check.title')}</h3>
          <CheckPanel
            file={path}
            defaultProtocols={load.health.protocols.filter(
              (p): p is Protocol => p === 'smtp' || p === 'imap' || p === 'pop',
            )}
            check={checkOf(check, path)}
            onRun={(protocols, sendTo) => actions.check(path, protocols, sendTo)}
          />
        </section>
      ) : null}

      {load.status === 'ready' ? (
        <details className="advanced file-section schedule-panel">
          <summary>{t('keepAlive.title')}</summary>
          <KeepAlivePanel paths={[path]} />
        </details>
      ) : null}
    </div>
  );
}

/** The file's health as facts, with a state badge for the token and the secret, and the warnings. */
export function HealthView({ health }: { health: TokenHealth }) {
  const t = useT();
  const lang = useLang();
  const localized = useLocalized();
  const none = t('check.token.none');
  const days = (n: number | undefined): string =>
    n === undefined ? none : n < 0 ? t('file.daysAgo', { days: -n }) : t('file.daysLeft', { days: n });
  return (
    <>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('result.userId')}</dt>
          <dd>{health.mailbox || none}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('account.tenant.label')}</dt>
          <dd>{health.tenant ?? none}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('reg.clientId.label')}</dt>
          <dd>
            <code className="value">{health.clientId || none}</code>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('mailbox.protocols.legend')}</dt>
          <dd>
            {health.protocols.length === 0
              ? none
              : health.protocols.map((p) => p.toUpperCase()).join(t('list.separator'))}
          </dd>
        </div>
        {health.signedInAs === undefined ? null : (
          <div className="facts-row">
            <dt>{t('result.signedInAs')}</dt>
            <dd>{health.signedInAs}</dd>
          </div>
        )}
        <div className="facts-row">
          <dt>{t('result.token')}</dt>
          <dd>
            <code className="value">{health.refreshTokenMasked}</code>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('file.issuedAt')}</dt>
          <dd>{health.issuedAt === undefined ? none : formatDateTime(health.issuedAt, lang)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('file.lastRefreshedAt')}</dt>
          <dd>
            {health.lastRefreshedAt === undefined ? none : formatDateTime(health.lastRefreshedAt, lang)}
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('file.tokenDays')}</dt>
          <dd className="health-row">
            <StateBadge state={health.token} />
            <span>{days(health.daysLeft)}</span>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('file.secretExpires')}</dt>
          <dd className="health-row">
            {health.secretExpiresAt === undefined ? (
              <span>
                {health.clientSecretMasked === '' ? t('file.noSecret') : t('file.secretExpiryUnknown')}
              </span>
            ) : (
              <>
                <StateBadge state={health.secret} />
                <span>
                  {t('file.secretWhen', {
                    date: formatDate(health.secretExpiresAt, lang),
                    days: days(health.secretDaysLeft),
                  })}
                </span>
              </>
            )}
          </dd>
        </div>
      </dl>
      {health.warnings.map((warning) => (
        <div className="note note-warning" key={warning.en}>
          <Icon name="warning" />
          <p>{localized(warning)}</p>
        </div>
      ))}
    </>
  );
}

export function StateBadge({ state }: { state: HealthState }) {
  const t = useT();
  const icon =
    state === 'ok' ? 'check' : state === 'unknown' ? 'info' : state === 'warning' ? 'warning' : 'error';
  return (
    <span className={`badge badge-${state}`}>
      <Icon name={icon} />
      <span>{t(STATE_KEYS[state])}</span>
    </span>
  );
}
