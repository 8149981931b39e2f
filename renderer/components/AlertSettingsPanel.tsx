/**
 * Alerts, configured once for every scheduled run (the same settings as `rtw alert`): a webhook (Teams Workflows,
 * Slack or JSON), an e-mail address the alert is sent to through a mailbox's own token, the OS log, and the
 * alerts' language; a test alert through all of them. The webhook URL is a secret: once saved the window only
 * ever sees its scheme and host, and the field is emptied.
 */
import { useEffect, useState } from 'react';
import type { AlertSettingsView } from '../../electron/core/alerts/alert-settings.js';
import type { Localized } from '../../electron/core/i18n.js';
import type { AlertSettingsInput, AlertTestResult } from '../../electron/shared/contract.js';
import { useWizardApi } from '../api-context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import { Icon } from './Icon.js';

const FORMATS = ['auto', 'teams', 'slack', 'json'] as const;
const FORMAT_LABELS: Readonly<Record<(typeof FORMATS)[number], MessageKey>> = {
  auto: 'alerts.format.auto',
  teams: 'alerts.format.teams',
  slack: 'alerts.format.slack',
  json: 'alerts.format.json',
};
const CHANNEL_LABELS: Readonly<Record<AlertTestResult['channels'][number]['channel'], MessageKey>> = {
  webhook: 'alerts.channel.webhook',
  email: 'alerts.channel.email',
  'os-log': 'alerts.channel.os-log',
};

export function AlertSettingsPanel({ paths }: { paths: readonly string[] }) {
  const t = useT();
  const localized = useLocalized();
  const api = useWizardApi();
  const [settings, setSettings] = useState<AlertSettingsView | undefined>();
  const [problem, setProblem] = useState<Localized | undefined>();
  const [webhookUrl, setWebhookUrl] = useState('');
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('auto');
  const [email, setEmail] = useState('');
  const [viaThisFile, setViaThisFile] = useState(false);
  const [tested, setTested] = useState<AlertTestResult | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.alertSettings(undefined).then(
      (result) => {
        if (!live || !result.ok) return;
        setSettings(result.value.settings);
        setEmail(result.value.settings.email?.to ?? '');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const save = (input: AlertSettingsInput): void => {
    setBusy(true);
    setTested(undefined);
    void api
      .setAlertSettings(input)
      .then((result) => {
        if (!result.ok) return;
        setSettings(result.value.settings);
        setProblem(result.value.problem);
        // Saved: the URL leaves the window's memory; only its masked form is shown from now on.
        if (result.value.problem === undefined && input.webhookUrl !== undefined) setWebhookUrl('');
      })
      .finally(() => setBusy(false));
  };
  const saveForm = (): void =>
    save({
      ...(webhookUrl.trim() === '' ? {} : { webhookUrl: webhookUrl.trim(), webhookFormat: format }),
      ...(email.trim() === ''
        ? {}
        : {
            email: { to: email.trim(), ...(viaThisFile && paths[0] !== undefined ? { via: paths[0] } : {}) },
          }),
    });
  const test = (): void => {
    setBusy(true);
    void api
      .testAlerts({ paths: [...paths] })
      .then((result) => setTested(result.ok ? result.value : undefined))
      .finally(() => setBusy(false));
  };

  return (
    <section className="file-section alert-settings" aria-labelledby="alerts-title">
      {/* Focusable: the mailboxes view's app groups lead here ("Go to Alerts"). */}
      <h3 id="alerts-title" tabIndex={-1}>
        {t('alerts.title')}
      </h3>
      <p>{t('alerts.intro')}</p>
      {settings === undefined ? null : (
        <dl className="facts">
          <div className="facts-row">
            <dt>{t('alerts.channel.webhook')}</dt>
            <dd>
              {settings.webhook === undefined
                ? t('alerts.none')
                : `${settings.webhook.url} (${t(FORMAT_LABELS[settings.webhook.format])})`}
            </dd>
          </div>
          <div className="facts-row">
            <dt>{t('alerts.channel.email')}</dt>
            <dd>
              {settings.email === undefined
                ? t('alerts.none')
                : t('alerts.emailValue', {
                    to: settings.email.to,
                    via: settings.email.via ?? t('alerts.anyMailbox'),
                  })}
            </dd>
          </div>
          <div className="facts-row">
            <dt>{t('alerts.channel.os-log')}</dt>
            <dd>{t(settings.osLog ? 'alerts.on' : 'alerts.off')}</dd>
          </div>
        </dl>
      )}
      <div className="field">
        <label className="field-label" htmlFor="alerts-webhook">
          {t('alerts.webhookUrl')}
        </label>
        <input
          id="alerts-webhook"
          className="input input-mono"
          // The URL is the channel's key: typed like a password, never shown back.
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={webhookUrl}
          placeholder="https://…"
          disabled={busy}
          aria-describedby="alerts-webhook-hint"
          onChange={(e) => setWebhookUrl(e.currentTarget.value)}
        />
        <p className="field-hint" id="alerts-webhook-hint">
          {t('alerts.webhookHint')}
        </p>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="alerts-format">
          {t('alerts.format')}
        </label>
        <select
          id="alerts-format"
          className="input input-compact"
          value={format}
          disabled={busy}
          onChange={(e) => setFormat(FORMATS.find((f) => f === e.currentTarget.value) ?? 'auto')}
        >
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(FORMAT_LABELS[f])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="alerts-email">
          {t('alerts.email')}
        </label>
        <input
          id="alerts-email"
          className="input"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          disabled={busy}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
      </div>
      {/* "This file's mailbox" only means something where the panel is about one file. */}
      {paths.length !== 1 ? null : (
        <div className="checkbox-row">
          <input
            id="alerts-via"
            type="checkbox"
            checked={viaThisFile}
            disabled={busy}
            onChange={(e) => setViaThisFile(e.currentTarget.checked)}
          />
          <label htmlFor="alerts-via" className="checkbox-label">
            {t('alerts.viaThisFile')}
          </label>
        </div>
      )}
      <div className="checkbox-row">
        <input
          id="alerts-os-log"
          type="checkbox"
          checked={settings?.osLog === true}
          disabled={busy || settings === undefined}
          onChange={(e) => save({ osLog: e.currentTarget.checked })}
        />
        <label htmlFor="alerts-os-log" className="checkbox-label">
          {t('alerts.osLog')}
        </label>
      </div>
      {problem === undefined ? null : (
        <div className="note note-error" role="alert">
          <Icon name="warning" />
          <p>{localized(problem)}</p>
        </div>
      )}
      <div className="actions-inline">
        <button type="button" className="button button-primary" disabled={busy} onClick={saveForm}>
          {t('alerts.save')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={test}>
          {t('alerts.test')}
        </button>
        {settings?.webhook === undefined ? null : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => save({ clearWebhook: true })}
          >
            {t('alerts.removeWebhook')}
          </button>
        )}
        {settings?.email === undefined ? null : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setEmail('');
              save({ clearEmail: true });
            }}
          >
            {t('alerts.removeEmail')}
          </button>
        )}
      </div>
      <div role="status">
        {tested?.problem === undefined ? null : <p>{localized(tested.problem)}</p>}
        {tested?.channels.map((c) => (
          <div className={`note ${c.ok ? 'note-info' : 'note-error'}`} key={c.channel}>
            <Icon name={c.ok ? 'check' : 'warning'} />
            <p>
              {t(c.ok ? 'alerts.test.sent' : 'alerts.test.failed', {
                channel: t(CHANNEL_LABELS[c.channel]),
                detail: localized(c.detail),
              })}
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}
