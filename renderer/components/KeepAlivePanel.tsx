/**
 * Keep alive: one click creates the schedule that refreshes these files with this OS's own scheduler (only this
 * OS's: Windows Task Scheduler, a macOS LaunchAgent, a systemd user timer or cron), shows whether it exists,
 * when it runs next, when it last ran and how that ended, and removes it. The main process does the work (the
 * same scheduler as `rtw schedule`); the schedule runs the app itself, headless. Alerts are configured below, unless
 * the page shows them once elsewhere (the mailboxes view, where several groups' panels can be open at once).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { BackendKind } from '../../electron/core/schedule/backend.js';
import type { KeepAliveView } from '../../electron/shared/contract.js';
import type { IpcError } from '../../electron/shared/contract.js';
import { useWizardApi } from '../api-context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLang, useLocalized, useT } from '../i18n/context.js';
import { formatDateTime } from '../views/format.js';
import { AlertSettingsPanel } from './AlertSettingsPanel.js';
import { ExplanationView } from './ExplanationView.js';
import { Icon } from './Icon.js';

const BACKEND_LABELS: Readonly<Record<BackendKind, MessageKey>> = {
  'windows-task': 'keepAlive.backend.windows-task',
  launchd: 'keepAlive.backend.launchd',
  systemd: 'keepAlive.backend.systemd',
  cron: 'keepAlive.backend.cron',
};

const LOGGED_OUT_HINTS: Readonly<Record<BackendKind, MessageKey>> = {
  'windows-task': 'keepAlive.loggedOut.hint.windows-task',
  launchd: 'keepAlive.loggedOut.hint.launchd',
  systemd: 'keepAlive.loggedOut.hint.systemd',
  cron: 'keepAlive.loggedOut.hint.cron',
};

const EVERY_CHOICES = [1, 3, 7, 14, 30] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type Load =
  { status: 'loading' } | { status: 'ready'; view: KeepAliveView } | { status: 'error'; error: IpcError };

export function KeepAlivePanel({
  paths,
  alerts = true,
  disabled = false,
}: {
  paths: readonly string[];
  /** Shows the (global) alert settings below the schedule; false where the page shows them once itself. */
  alerts?: boolean;
  /** Holds every control still, e.g. while the files' other operations run. */
  disabled?: boolean;
}) {
  const t = useT();
  // Ids of its own: the mailboxes view can show one panel per app group on the same page.
  const id = useId();
  const lang = useLang();
  const localized = useLocalized();
  const api = useWizardApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [running, setRunning] = useState(false);
  const busy = running || disabled;
  const [everyDays, setEveryDays] = useState(7);
  const [at, setAt] = useState('03:17');
  const [loggedOut, setLoggedOut] = useState(false);
  const key = paths.join('\n');
  const timeValid = TIME.test(at);

  const show = useCallback((result: Awaited<ReturnType<typeof api.keepAliveStatus>>) => {
    if (!result.ok) {
      setLoad({ status: 'error', error: result.error });
      return;
    }
    setLoad({ status: 'ready', view: result.value });
    // A schedule that exists shows its own settings in the form, ready to be changed.
    if (result.value.everyDays !== undefined) setEveryDays(result.value.everyDays);
    if (result.value.at !== undefined) setAt(result.value.at);
    if (result.value.loggedOut !== undefined) setLoggedOut(result.value.loggedOut);
  }, []);

  useEffect(() => {
    let live = true;
    api.keepAliveStatus({ paths: key.split('\n') }).then(
      (result) => {
        if (live) show(result);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, key, show]);

  const run = (step: () => ReturnType<typeof api.keepAliveStatus>): void => {
    setRunning(true);
    void step()
      .then(show)
      .finally(() => setRunning(false));
  };
  const add = (): void => run(() => api.keepAliveAdd({ paths: key.split('\n'), everyDays, at, loggedOut }));
  const remove = (): void => run(() => api.keepAliveRemove({ paths: key.split('\n') }));

  if (load.status === 'loading') return <p className="muted">{t('keepAlive.loading')}</p>;
  if (load.status === 'error') return <ExplanationView explanation={load.error.explanation} level={4} />;
  const { view } = load;
  const backend = t(BACKEND_LABELS[view.backend]);
  const lastRunResult = (code: number | undefined): string =>
    code === undefined
      ? t('keepAlive.result.unknown')
      : code === 0
        ? t('keepAlive.result.ok')
        : code === 8
          ? t('keepAlive.result.reissue')
          : t('keepAlive.result.failed', { code });

  return (
    <div className="schedule keep-alive">
      <p>{t('keepAlive.intro', { backend })}</p>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('keepAlive.state')}</dt>
          <dd>
            {view.installed
              ? t('keepAlive.state.on', { every: view.everyDays ?? everyDays, at: view.at ?? at, backend })
              : t('keepAlive.state.off')}
          </dd>
        </div>
        {view.nextRun === undefined ? null : (
          <div className="facts-row">
            <dt>{t('keepAlive.nextRun')}</dt>
            <dd>{formatDateTime(view.nextRun, lang)}</dd>
          </div>
        )}
        {view.installed || view.lastRun !== undefined ? (
          <div className="facts-row">
            <dt>{t('keepAlive.lastRun')}</dt>
            <dd>
              {view.lastRun === undefined
                ? t('keepAlive.never')
                : `${view.lastRun.at === undefined ? '' : `${formatDateTime(view.lastRun.at, lang)} — `}${lastRunResult(view.lastRun.exitCode)}`}
            </dd>
          </div>
        ) : null}
        {view.lastRecorded === undefined ? null : (
          <div className="facts-row">
            <dt>{t('keepAlive.recorded')}</dt>
            <dd>
              {t('keepAlive.recordedValue', {
                at: formatDateTime(view.lastRecorded.at, lang),
                refreshed: view.lastRecorded.refreshed,
                needsReissue: view.lastRecorded.needsReissue,
                failed: view.lastRecorded.failed,
              })}
            </dd>
          </div>
        )}
      </dl>
      {view.problem === undefined ? null : (
        <div className="note note-error" role="alert">
          <Icon name="warning" />
          <p>{localized(view.problem)}</p>
        </div>
      )}
      {view.notes.map((note) => (
        <div className="note note-info" key={note.en}>
          <Icon name="info" />
          <p>{localized(note)}</p>
        </div>
      ))}
      <div className="schedule-when">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-every`}>
            {t('keepAlive.every')}
          </label>
          <select
            id={`${id}-every`}
            className="input input-compact"
            value={everyDays}
            disabled={busy}
            onChange={(e) => setEveryDays(Number(e.currentTarget.value))}
          >
            {EVERY_CHOICES.map((days) => (
              <option key={days} value={days}>
                {t('keepAlive.everyDays', { days })}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${timeValid ? '' : ' field-invalid'}`}>
          <label className="field-label" htmlFor={`${id}-at`}>
            {t('keepAlive.at')}
          </label>
          <input
            id={`${id}-at`}
            className="input input-compact input-mono"
            type="text"
            inputMode="numeric"
            value={at}
            disabled={busy}
            aria-invalid={!timeValid}
            aria-describedby={`${id}-at-hint`}
            onChange={(e) => setAt(e.currentTarget.value)}
          />
          <p className="field-hint" id={`${id}-at-hint`}>
            {t('keepAlive.atHint')}
          </p>
        </div>
      </div>
      <div className="checkbox-row">
        <input
          id={`${id}-logged-out`}
          type="checkbox"
          checked={loggedOut}
          disabled={busy}
          aria-describedby={`${id}-logged-out-hint`}
          onChange={(e) => setLoggedOut(e.currentTarget.checked)}
        />
        <label htmlFor={`${id}-logged-out`} className="checkbox-label">
          {t('keepAlive.loggedOut')}
        </label>
      </div>
      <p className="field-hint" id={`${id}-logged-out-hint`}>
        {t(LOGGED_OUT_HINTS[view.backend])}
      </p>
      <div className="actions-inline">
        <button type="button" className="button button-primary" disabled={busy || !timeValid} onClick={add}>
          {t(view.installed ? 'keepAlive.update' : 'keepAlive.add')}
        </button>
        {view.installed ? (
          <button type="button" className="button" disabled={busy} onClick={remove}>
            {t('keepAlive.remove')}
          </button>
        ) : null}
      </div>
      {alerts ? <AlertSettingsPanel paths={paths} /> : null}
    </div>
  );
}
