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
import { PROVIDERS } from '../../electron/core/providers/registry.js';
import { isCalendarDate } from '../../electron/core/sign-in/profile.js';
import { DateInput } from '../components/DateInput.js';
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
      {load.status === 'ready' ? (
        <HealthView
          health={load.health}
          saveSecretExpiry={async (expiresAt) => {
            const result = await api.setSecretExpiry({ path, expiresAt });
            if (result.ok) reload();
            return result;
          }}
        />
      ) : null}

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

/** What saving a new secret expiry answered. */
type SaveResult = Awaited<ReturnType<ReturnType<typeof useWizardApi>['setSecretExpiry']>>;

/** The label of the token's deadline: what limits it (the provider's inactivity limit, Testing, a grant). */
function tokenDaysKey(health: TokenHealth): MessageKey {
  if (health.deadlineReason === 'testing') return 'file.tokenDays.testing';
  if (health.deadlineReason === 'granted') return 'file.tokenDays.granted';
  return health.provider === 'google' ? 'file.tokenDays.google' : 'file.tokenDays';
}

/**
 * The secret's expiry, editable in place: the portal shows the date when the secret is created, and the file
 * records it (without signing in again) so health warns in time. Fix texts about an expiring secret point here.
 */
function SecretExpiryEditor({
  health,
  save,
}: {
  health: TokenHealth;
  save: (expiresAt: string) => Promise<SaveResult>;
}) {
  const t = useT();
  const lang = useLang();
  const localized = useLocalized();
  const [value, setValue] = useState(health.secretExpiresAt ?? '');
  const [status, setStatus] = useState<
    | { kind: 'idle' }
    | { kind: 'saving' }
    | { kind: 'saved' }
    | { kind: 'error'; error: IpcError }
    | { kind: 'invalid' }
  >({ kind: 'idle' });
  useEffect(() => setValue(health.secretExpiresAt ?? ''), [health.secretExpiresAt]);
  const days = (n: number | undefined): string =>
    n === undefined ? '' : n < 0 ? t('file.daysAgo', { days: -n }) : t('file.daysLeft', { days: n });
  const submit = (): void => {
    const date = value.trim();
    if (date !== '' && !isCalendarDate(date)) {
      setStatus({ kind: 'invalid' });
      document.getElementById(SECRET_EXPIRY_ID)?.focus();
      return;
    }
    setStatus({ kind: 'saving' });
    save(date).then(
      (result) => setStatus(result.ok ? { kind: 'saved' } : { kind: 'error', error: result.error }),
      () => setStatus({ kind: 'idle' }),
    );
  };
  const invalid = status.kind === 'invalid';
  return (
    <div className="secret-expiry">
      {health.secretExpiresAt === undefined ? (
        <span className="muted">{t('file.secretExpiryUnknown')}</span>
      ) : (
        <span className="health-row">
          <StateBadge state={health.secret} />
          <span>
            {t('file.secretWhen', {
              date: formatDate(health.secretExpiresAt, lang),
              days: days(health.secretDaysLeft),
            })}
          </span>
        </span>
      )}
      <div className="inline-edit">
        <label htmlFor={SECRET_EXPIRY_ID} className="visually-hidden">
          {t('file.secretExpires.edit')}
        </label>
        <DateInput
          id={SECRET_EXPIRY_ID}
          aria-invalid={invalid}
          aria-describedby={`${SECRET_EXPIRY_ID}-hint${invalid ? ` ${SECRET_EXPIRY_ID}-error` : ''}`}
          value={value}
          onChange={(v) => {
            setValue(v);
            if (status.kind !== 'saving') setStatus({ kind: 'idle' });
          }}
        />
        <button
          type="button"
          className="button button-small"
          disabled={status.kind === 'saving' || value.trim() === (health.secretExpiresAt ?? '')}
          onClick={submit}
        >
          {t('file.secretExpires.save')}
        </button>
      </div>
      <p className="field-hint" id={`${SECRET_EXPIRY_ID}-hint`}>
        {t('file.secretExpires.hint')}
      </p>
      {invalid ? (
        <p className="field-errors-line" id={`${SECRET_EXPIRY_ID}-error`}>
          <Icon name="error" />
          <span>{t('file.secretExpires.invalid', { value: value.trim() })}</span>
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {status.kind === 'saved' ? t('file.secretExpires.saved') : ''}
      </p>
      {status.kind === 'saved' ? (
        <p className="muted" aria-hidden="true">
          <Icon name="check" />
          <span>{t('file.secretExpires.saved')}</span>
        </p>
      ) : null}
      {status.kind === 'error' ? (
        <p className="row-problem">{localized(status.error.explanation.title)}</p>
      ) : null}
    </div>
  );
}

/** The id of the file view's secret expiry field, where fix texts about the secret's expiry send the admin. */
export const SECRET_EXPIRY_ID = 'file-secret-expires';

/** The file's health as facts, with a state badge for the token and the secret, and the warnings. */
export function HealthView({
  health,
  saveSecretExpiry,
}: {
  health: TokenHealth;
  /** Records a new secret expiry in the file; without it the expiry is shown only. */
  saveSecretExpiry?: (expiresAt: string) => Promise<SaveResult>;
}) {
  const t = useT();
  const lang = useLang();
  const localized = useLocalized();
  const none = t('check.token.none');
  const days = (n: number | undefined): string =>
    n === undefined ? none : n < 0 ? t('file.daysAgo', { days: -n }) : t('file.daysLeft', { days: n });
  const google = health.provider === 'google';
  return (
    <>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('result.userId')}</dt>
          <dd className="address">{health.mailbox || none}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('provider.label')}</dt>
          <dd>{localized(PROVIDERS[health.provider].displayName)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('file.providerValue')}</dt>
          <dd>
            <code className="value">{health.providerValue ?? none}</code>
            {google ? <p className="field-hint">{t('file.providerValue.googleUnconfirmed')}</p> : null}
          </dd>
        </div>
        {google ? null : (
          <div className="facts-row">
            <dt>{t('account.tenant.label')}</dt>
            <dd>{health.tenant ?? none}</dd>
          </div>
        )}
        <div className="facts-row">
          <dt>{t(google ? 'reg.clientId.labelGoogle' : 'reg.clientId.label')}</dt>
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
            <dd className="address">{health.signedInAs}</dd>
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
          <dt>{t(tokenDaysKey(health))}</dt>
          <dd className="health-row">
            <StateBadge state={health.token} />
            <span>{days(health.daysLeft)}</span>
          </dd>
        </div>
        {health.clientSecretMasked === '' ? (
          <div className="facts-row">
            <dt>{t('file.secretExpires')}</dt>
            <dd>{t('file.noSecret')}</dd>
          </div>
        ) : (
          <div className="facts-row">
            <dt>{t('file.secretExpires')}</dt>
            <dd>
              {saveSecretExpiry === undefined ? (
                health.secretExpiresAt === undefined ? (
                  t('file.secretExpiryUnknown')
                ) : (
                  <span className="health-row">
                    <StateBadge state={health.secret} />
                    <span>
                      {t('file.secretWhen', {
                        date: formatDate(health.secretExpiresAt, lang),
                        days: days(health.secretDaysLeft),
                      })}
                    </span>
                  </span>
                )
              ) : (
                <SecretExpiryEditor health={health} save={saveSecretExpiry} />
              )}
            </dd>
          </div>
        )}
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
