/**
 * "Schedule refresh": when to run `rtw refresh` on the file, and the ready-to-paste commands for Windows Task
 * Scheduler, cron and a systemd timer (built by the main process, which knows where `rtw` is), each copyable.
 */
import { useEffect, useState } from 'react';
import { WEEKDAYS } from '../../electron/core/upkeep/scheduling.js';
import type { ScheduleSnippets, Weekday } from '../../electron/core/upkeep/scheduling.js';
import type { IpcError } from '../../electron/shared/contract.js';
import { useWizardApi } from '../api-context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import { CopyButton } from './CopyButton.js';
import { ExplanationView } from './ExplanationView.js';
import { Icon } from './Icon.js';

const DAY_LABELS: Readonly<Record<Weekday, MessageKey>> = {
  MON: 'schedule.day.MON',
  TUE: 'schedule.day.TUE',
  WED: 'schedule.day.WED',
  THU: 'schedule.day.THU',
  FRI: 'schedule.day.FRI',
  SAT: 'schedule.day.SAT',
  SUN: 'schedule.day.SUN',
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function SchedulePanel({ paths }: { paths: readonly string[] }) {
  const t = useT();
  const localized = useLocalized();
  const api = useWizardApi();
  const [frequency, setFrequency] = useState<'weekly' | 'daily'>('weekly');
  const [day, setDay] = useState<Weekday>('MON');
  const [time, setTime] = useState('03:17');
  const [snippets, setSnippets] = useState<ScheduleSnippets | undefined>();
  const [error, setError] = useState<IpcError | undefined>();
  const key = paths.join('\n');
  const timeValid = TIME.test(time);

  useEffect(() => {
    if (!timeValid || key === '') return;
    let live = true;
    api.scheduleSnippets({ paths: key.split('\n'), frequency, day, time }).then(
      (result) => {
        if (!live) return;
        setSnippets(result.ok ? result.value : undefined);
        setError(result.ok ? undefined : result.error);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, key, frequency, day, time, timeValid]);

  const warnings =
    snippets === undefined
      ? []
      : [
          ...new Set(
            snippets.windows.warnings
              .concat(snippets.cron.warnings, snippets.systemd.warnings)
              .map(localized),
          ),
        ];

  return (
    <div className="schedule">
      <p>{t('schedule.intro')}</p>
      <div className="schedule-when">
        <div className="field">
          <label className="field-label" htmlFor="schedule-frequency">
            {t('schedule.frequency')}
          </label>
          <select
            id="schedule-frequency"
            className="input input-compact"
            value={frequency}
            onChange={(e) => setFrequency(e.currentTarget.value === 'daily' ? 'daily' : 'weekly')}
          >
            <option value="weekly">{t('schedule.weekly')}</option>
            <option value="daily">{t('schedule.daily')}</option>
          </select>
        </div>
        {frequency === 'weekly' ? (
          <div className="field">
            <label className="field-label" htmlFor="schedule-day">
              {t('schedule.day')}
            </label>
            <select
              id="schedule-day"
              className="input input-compact"
              value={day}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDay(WEEKDAYS.find((d) => d === value) ?? 'MON');
              }}
            >
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {t(DAY_LABELS[d])}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className={`field${timeValid ? '' : ' field-invalid'}`}>
          <label className="field-label" htmlFor="schedule-time">
            {t('schedule.time')}
          </label>
          <input
            id="schedule-time"
            className="input input-compact input-mono"
            type="text"
            inputMode="numeric"
            value={time}
            aria-invalid={!timeValid}
            aria-describedby="schedule-time-hint"
            onChange={(e) => setTime(e.currentTarget.value)}
          />
          <p className="field-hint" id="schedule-time-hint">
            {t('schedule.timeHint')}
          </p>
        </div>
      </div>
      {error === undefined ? null : <ExplanationView explanation={error.explanation} level={4} />}
      {snippets === undefined ? null : (
        <>
          <Snippet title={t('schedule.windows')} text={snippets.windows.command} />
          <Snippet title={t('schedule.cron')} text={snippets.cron.line} />
          <Snippet title={t('schedule.systemd')} text={snippets.systemd.install} />
          {warnings.map((warning) => (
            <div className="note note-warning" key={warning}>
              <Icon name="warning" />
              <p>{warning}</p>
            </div>
          ))}
        </>
      )}
    </div>
  );
}

function Snippet({ title, text }: { title: string; text: string }) {
  return (
    <div className="snippet">
      <h3 className="snippet-title">{title}</h3>
      <div className="value-row">
        <pre className="value value-block snippet-text" tabIndex={0} role="region" aria-label={title}>
          {text}
        </pre>
        <CopyButton text={text} what={title} />
      </div>
    </div>
  );
}
