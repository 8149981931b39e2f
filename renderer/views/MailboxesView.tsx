/**
 * The mailboxes the app manages (every file it wrote, every file opened): each with its token's health, and
 * per row open, refresh and remove; refresh them all at once; forget an app's remembered secret; keep an app's
 * files alive (its group's Keep alive), with the alerts of every schedule set once at the end of the list.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefreshOutcome } from '../../electron/core/upkeep/refresh.js';
import type { IpcError, MailboxList } from '../../electron/shared/contract.js';
import { useWizardApi } from '../api-context.js';
import { AlertSettingsPanel } from '../components/AlertSettingsPanel.js';
import { ExplanationView } from '../components/ExplanationView.js';
import { Icon } from '../components/Icon.js';
import { KeepAlivePanel } from '../components/KeepAlivePanel.js';
import { OpenMailboxButton } from '../components/OpenMailboxButton.js';
import { RotateSecretDialog } from '../components/RotateSecretDialog.js';
import { useLang, useLocalized, useT } from '../i18n/context.js';
import type { TokenHealth } from '../../electron/core/upkeep/token-health.js';
import { PathText } from '../components/PathText.js';
import { StateBadge } from './FileView.js';
import { formatDate } from './format.js';
import { ReissueAll } from './ReissueAll.js';
import type { ReissueAllProps } from './ReissueAll.js';

/** What a re-issue of all is started with. */
type ReissueTarget = Pick<ReissueAllProps, 'clientId' | 'count' | 'remembered' | 'encryptionAvailable'>;

export interface MailboxesActions {
  open: (path: string) => void;
  /** Re-issues a file (the wizard filled in from it): a file a secret rotation found needing a sign-in. */
  reissue?: (path: string) => void;
  /** "+ Mailbox" of an app: quick mode with the app's values (client ID, tenant, cloud, provider). */
  newMailbox?: (clientId: string) => void;
  /**
   * A re-issue of all is open (dialog, walk or summary), or no longer. The app keeps the admin in this view
   * meanwhile: the walk's progress and its Skip and Cancel live here, and would be lost on leaving it.
   */
  reissueActive?: (active: boolean) => void;
}

type Load =
  { status: 'loading' } | { status: 'ready'; list: MailboxList } | { status: 'error'; error: IpcError };

export function MailboxesView({ actions }: { actions: MailboxesActions }) {
  const t = useT();
  const localized = useLocalized();
  const api = useWizardApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, RefreshOutcome>>(new Map());
  const [announce, setAnnounce] = useState('');
  /**
   * The app whose mailboxes are being re-issued with a new secret (dialog, walk or summary), with what the
   * dialog needs, taken when it opened: the walk stays on screen even if the list fails to reload meanwhile.
   */
  const [reissuing, setReissuing] = useState<ReissueTarget | undefined>();
  /** Where focus goes back when a re-issue closes: its app's Re-issue all button. */
  const reissueButtons = useRef(new Map<string, HTMLButtonElement>());
  const [returnFocusTo, setReturnFocusTo] = useState<string | undefined>();
  /** The app whose secret is being rotated (dialog or summary), and the button that opened it, for the focus. */
  const [rotating, setRotating] = useState<ReissueTarget | undefined>();
  const rotateOpener = useRef<HTMLButtonElement | null>(null);
  /** The app groups whose Keep alive is open (by client ID), and the one whose heading takes the focus next. */
  const [keepingAlive, setKeepingAlive] = useState<ReadonlySet<string>>(new Set());
  const [keepAliveFocus, setKeepAliveFocus] = useState<string | undefined>();
  const keepAliveButtons = useRef(new Map<string, HTMLButtonElement>());
  const alertsSection = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (keepAliveFocus === undefined) return;
    document.getElementById(`${keepAliveFocus}-keep-alive-title`)?.focus();
    setKeepAliveFocus(undefined);
  }, [keepAliveFocus]);
  useEffect(() => {
    if (rotating === undefined) rotateOpener.current?.focus();
  }, [rotating]);
  useEffect(() => {
    if (returnFocusTo === undefined) return;
    reissueButtons.current.get(returnFocusTo)?.focus();
    setReturnFocusTo(undefined);
  }, [returnFocusTo]);

  const reload = useCallback(() => {
    api.listMailboxes(undefined).then(
      (result) =>
        setLoad(
          result.ok ? { status: 'ready', list: result.value } : { status: 'error', error: result.error },
        ),
      () => undefined,
    );
  }, [api]);
  useEffect(reload, [reload]);

  const refresh = (paths: string[]): void => {
    setBusy((b) => new Set([...b, ...paths]));
    api.refreshFiles({ paths }).then(
      (result) => {
        if (result.ok) {
          setOutcomes((m) => new Map([...m, ...result.value.map((o) => [o.file, o] as const)]));
          const refreshed = result.value.filter((o) => o.status === 'refreshed').length;
          setAnnounce(t('mailboxes.refreshed', { refreshed, total: result.value.length }));
        }
        setBusy((b) => new Set([...b].filter((p) => !paths.includes(p))));
        reload();
      },
      () => setBusy(new Set()),
    );
  };

  const remove = (path: string): void => {
    void api.removeMailbox({ path }).then(reload, () => undefined);
  };

  const forget = (clientId: string): void => {
    void api.forgetSecret({ clientId }).then(reload, () => undefined);
  };

  const add = (): void => {
    void api.chooseTokenFile(undefined).then(async (path) => {
      if (path === undefined) return;
      const result = await api.addMailbox({ path });
      if (!result.ok) setLoad({ status: 'error', error: result.error });
      else reload();
    });
  };

  const mailboxes = load.status === 'ready' ? load.list.mailboxes : [];
  const clientIds = [...new Set(mailboxes.filter((m) => m.secretRemembered).map((m) => m.entry.clientId))];
  // The list grouped by app (client ID, compared as Entra does: case-insensitively), in first-seen order.
  const groups = new Map<string, typeof mailboxes>();
  for (const m of mailboxes) {
    const key = m.entry.clientId.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  // While a re-issue runs (dialog, walk or summary) the list it walks must hold still: no refresh racing a
  // sign-in for the same file, no mailbox or remembered secret removed from under it, no leaving the view (the
  // summary's own Open links end it).
  const walking = reissuing !== undefined;
  const locked = walking || rotating !== undefined;
  // Keep alive waits exactly when Re-issue all and Rotate secret beside it wait (a re-issue or rotation open, a
  // refresh running): one rule for the group's buttons while its files are in use, and the schedule is set for
  // the list as it stands once those end (a re-issue or rotation can still change what the list holds).
  const groupBusy = locked || busy.size > 0;
  const toggleKeepAlive = (clientId: string, headId: string): void => {
    const open = keepingAlive.has(clientId);
    setKeepingAlive((s) => new Set(open ? [...s].filter((c) => c !== clientId) : [...s, clientId]));
    // As the view's dialogs do: an opened panel takes the focus on its heading; a closed one gives it back.
    if (open) keepAliveButtons.current.get(clientId)?.focus();
    else setKeepAliveFocus(headId);
  };
  const { reissueActive } = actions;
  useEffect(() => {
    reissueActive?.(walking);
    return () => reissueActive?.(false);
  }, [walking, reissueActive]);

  return (
    <div className="step-body mailboxes">
      <div className="actions-inline">
        <button type="button" className="button" disabled={locked} onClick={add}>
          {t('mailboxes.add')}
        </button>
        <button
          type="button"
          className="button"
          disabled={mailboxes.length === 0 || busy.size > 0 || locked}
          onClick={() => refresh(mailboxes.map((m) => m.entry.path))}
        >
          {t('mailboxes.refreshAll')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {load.status === 'loading' ? (
        <p className="muted">
          <Icon name="spinner" className="spin" />
          <span>{t('file.loading')}</span>
        </p>
      ) : null}
      {load.status === 'error' ? <ExplanationView explanation={load.error.explanation} role="alert" /> : null}
      {load.status === 'ready' && mailboxes.length === 0 ? <p>{t('mailboxes.empty')}</p> : null}
      {reissuing === undefined ? null : (
        <ReissueAll
          key={reissuing.clientId}
          {...reissuing}
          open={actions.open}
          close={() => {
            setReturnFocusTo(reissuing.clientId);
            setReissuing(undefined);
            reload();
          }}
        />
      )}
      {rotating === undefined ? null : (
        <RotateSecretDialog
          key={rotating.clientId}
          {...rotating}
          open={actions.open}
          {...(actions.reissue === undefined ? {} : { reissue: actions.reissue })}
          close={() => {
            setRotating(undefined);
            reload();
          }}
        />
      )}
      {[...groups.values()].map((group) => {
        const first = group[0];
        const clientId = first?.entry.clientId ?? '';
        const health = group.find((m) => m.health !== undefined)?.health;
        const provider = health?.provider ?? 'microsoft';
        const tenant = health?.tenant ?? first?.entry.tenant ?? '';
        const appName = t(
          provider === 'google' ? 'mailboxes.appName.google' : 'mailboxes.appName.microsoft',
          {
            tenant,
          },
        );
        const headId = `app-${clientId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        return (
          // Named by the app and its client ID: two apps of one tenant share a heading but are different groups.
          <section key={clientId} className="mailbox-group" aria-labelledby={`${headId} ${headId}-client`}>
            <div className="mailbox-group-head">
              <div className="mailbox-app-name">
                <h3 id={headId}>{appName}</h3>
                <span className="mailbox-app-id" id={`${headId}-client`}>
                  {t('mailboxes.clientId')} <code className="value">{clientId}</code>
                </span>
                {provider === 'google' ? (
                  <span className="mailbox-app-id">
                    {t('mailboxes.providerValue', { value: health?.providerValue ?? '' })}
                  </span>
                ) : null}
              </div>
              <div className="row-actions">
                {actions.newMailbox === undefined ? null : (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={locked}
                    aria-label={t('mailboxes.newMailboxLabel', { app: appName })}
                    onClick={() => actions.newMailbox?.(clientId)}
                  >
                    {t('mailboxes.newMailbox')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button-small"
                  // Not while a refresh runs either: it would race the walk's sign-ins for the same files.
                  disabled={locked || busy.size > 0}
                  ref={(button) => {
                    if (button === null) reissueButtons.current.delete(clientId);
                    else reissueButtons.current.set(clientId, button);
                  }}
                  aria-label={t('reissueAll.actionLabel', { clientId })}
                  onClick={() =>
                    setReissuing({
                      clientId,
                      count: group.length,
                      remembered: group.some((m) => m.secretRemembered),
                      encryptionAvailable: load.status === 'ready' && load.list.encryptionAvailable,
                    })
                  }
                >
                  {t('reissueAll.action')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={locked || busy.size > 0}
                  aria-label={t('rotateSecret.actionLabel', { clientId })}
                  onClick={(e) => {
                    rotateOpener.current = e.currentTarget;
                    setRotating({
                      clientId,
                      count: group.length,
                      remembered: group.some((m) => m.secretRemembered),
                      encryptionAvailable: load.status === 'ready' && load.list.encryptionAvailable,
                    });
                  }}
                >
                  {t('rotateSecret.action')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={groupBusy}
                  ref={(button) => {
                    if (button === null) keepAliveButtons.current.delete(clientId);
                    else keepAliveButtons.current.set(clientId, button);
                  }}
                  aria-label={t('groupKeepAlive.actionLabel', { clientId })}
                  aria-expanded={keepingAlive.has(clientId)}
                  // The panel is only in the page while open: nothing to point at otherwise.
                  aria-controls={keepingAlive.has(clientId) ? `${headId}-keep-alive` : undefined}
                  onClick={() => toggleKeepAlive(clientId, headId)}
                >
                  {t('groupKeepAlive.action')}
                </button>
              </div>
            </div>
            {keepingAlive.has(clientId) ? (
              <div
                id={`${headId}-keep-alive`}
                className="group-keep-alive"
                role="region"
                aria-labelledby={`${headId}-keep-alive-title`}
              >
                <h4 id={`${headId}-keep-alive-title`} tabIndex={-1}>
                  {t('groupKeepAlive.title', { count: group.length })}
                </h4>
                {groupBusy ? <p className="muted">{t('groupKeepAlive.waiting')}</p> : null}
                {/* The alert settings are global (every schedule's): the page shows them once, at its end. */}
                <KeepAlivePanel paths={group.map((m) => m.entry.path)} alerts={false} disabled={groupBusy} />
                <p>{t('groupKeepAlive.alertsNote')}</p>
                <div className="actions-inline">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => alertsSection.current?.querySelector<HTMLElement>('h3')?.focus()}
                  >
                    {t('groupKeepAlive.toAlerts')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => toggleKeepAlive(clientId, headId)}
                  >
                    {t('groupKeepAlive.close')}
                  </button>
                </div>
              </div>
            ) : null}
            <table className="mailbox-table">
              <caption className="visually-hidden">{t('mailboxes.caption', { app: appName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('result.userId')}</th>
                  <th scope="col">{t('mailboxes.col.file')}</th>
                  <th scope="col">{t('mailboxes.col.health')}</th>
                  <th scope="col">{t('mailboxes.col.secret')}</th>
                  <th scope="col">{t('mailboxes.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {group.map(({ entry, health: fileHealth, error }) => {
                  const outcome = outcomes.get(entry.path);
                  const running = busy.has(entry.path);
                  return (
                    <tr key={entry.path}>
                      <th scope="row">
                        <span className="address">{entry.mailbox}</span>
                      </th>
                      <td className="cell-path">
                        <PathText path={entry.path} />
                      </td>
                      <td>
                        {fileHealth === undefined ? (
                          <span className="health-row">
                            <StateBadge state="expired" />
                            <span>{error === undefined ? '' : localized(error.explanation.title)}</span>
                          </span>
                        ) : (
                          <span className="health-row">
                            <StateBadge state={fileHealth.token} />
                            <span>
                              {fileHealth.daysLeft === undefined
                                ? t('file.state.unknown')
                                : fileHealth.daysLeft < 0
                                  ? t('file.daysAgo', { days: -fileHealth.daysLeft })
                                  : t('file.daysLeft', { days: fileHealth.daysLeft })}
                              {fileHealth.deadlineReason === 'testing' ? ` ${t('mailboxes.testing')}` : ''}
                              {fileHealth.deadlineReason === 'granted' ? ` ${t('mailboxes.granted')}` : ''}
                            </span>
                          </span>
                        )}
                        {running ? (
                          <span className="muted">
                            <Icon name="spinner" className="spin" />
                            <span>{t('file.refresh.running')}</span>
                          </span>
                        ) : outcome === undefined ? null : outcome.status === 'refreshed' ? (
                          <span className="muted">{t('mailboxes.row.refreshed')}</span>
                        ) : (
                          <span className="row-problem">{localized(outcome.explanation.title)}</span>
                        )}
                      </td>
                      <td>
                        <SecretExpiryCell health={fileHealth} />
                      </td>
                      <td>
                        <div className="row-actions">
                          <OpenMailboxButton
                            mailbox={entry.mailbox}
                            disabled={locked}
                            onClick={() => actions.open(entry.path)}
                          />
                          <button
                            type="button"
                            className="button button-small"
                            disabled={running || locked}
                            aria-label={t('mailboxes.refreshLabel', { mailbox: entry.mailbox })}
                            onClick={() => refresh([entry.path])}
                          >
                            {t('mailboxes.refresh')}
                          </button>
                          <button
                            type="button"
                            className="button button-small"
                            disabled={locked}
                            aria-label={t('mailboxes.removeLabel', { mailbox: entry.mailbox })}
                            onClick={() => remove(entry.path)}
                          >
                            {t('mailboxes.remove')}
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
      {load.status === 'ready' && mailboxes.length > 0 ? (
        // Alerts are global: one form for every schedule, so the fleet's view shows it once, here, rather than in
        // each group's Keep alive, where several copies of one setting would each seem to be the group's own.
        <div ref={alertsSection}>
          <AlertSettingsPanel paths={mailboxes.map((m) => m.entry.path)} />
        </div>
      ) : null}
      {load.status === 'ready' ? (
        <section className="file-section" aria-labelledby="secrets-title">
          <h3 id="secrets-title">{t('mailboxes.secrets.title')}</h3>
          <p>
            {load.list.encryptionAvailable
              ? t('mailboxes.secrets.available')
              : t('mailboxes.secrets.unavailable')}
          </p>
          {clientIds.length === 0 ? (
            <p className="muted">{t('mailboxes.secrets.none')}</p>
          ) : (
            <ul className="secret-list">
              {clientIds.map((clientId) => (
                <li key={clientId} className="value-row">
                  <code className="value">{clientId}</code>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={locked}
                    aria-label={t('mailboxes.forgetLabel', { clientId })}
                    onClick={() => forget(clientId)}
                  >
                    {t('mailboxes.forget')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}

/** The secret's expiry as the list shows it: a date with its state, "none" for a public client, or unknown. */
function SecretExpiryCell({ health }: { health: TokenHealth | undefined }) {
  const t = useT();
  const lang = useLang();
  if (health === undefined) return null;
  if (health.clientSecretMasked === '') return <span className="muted">{t('mailboxes.secret.none')}</span>;
  if (health.secretExpiresAt === undefined)
    return <span className="muted">{t('mailboxes.secret.unknown')}</span>;
  return (
    <span className="health-row">
      <StateBadge state={health.secret} />
      <span className="nowrap">{formatDate(health.secretExpiresAt, lang)}</span>
    </span>
  );
}
