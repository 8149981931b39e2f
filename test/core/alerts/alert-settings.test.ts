/** Alert settings: one owner-only file; the webhook URL is a secret shown only as scheme and host. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALERT_SETTINGS_FILE,
  hasAlertChannel,
  loadAlertSettings,
  maskWebhookUrl,
  updateAlertSettings,
  viewOf,
  webhookFormatOf,
  webhookUrlProblem,
} from '../../../electron/core/alerts/alert-settings.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX';
const TEAMS =
  'https://prod-12.japaneast.logic.azure.com:443/workflows/0123456789abcdef/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=SECRETSIGNATURE';
const POWER =
  'https://default0123.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?sig=SIG';

describe('the webhook URL', () => {
  it('is shown as scheme and host only', () => {
    expect(maskWebhookUrl(SLACK)).toBe('https://hooks.slack.com/…');
    expect(maskWebhookUrl(TEAMS)).toBe('https://prod-12.japaneast.logic.azure.com/…');
    expect(maskWebhookUrl('not a url SECRET')).toBe('(…)');
  });

  it('tells Slack and Teams Workflows apart by host, anything else is JSON', () => {
    expect(webhookFormatOf(SLACK)).toBe('slack');
    expect(webhookFormatOf(TEAMS)).toBe('teams');
    expect(webhookFormatOf(POWER)).toBe('teams');
    expect(webhookFormatOf('https://alerts.example.co.jp/hook')).toBe('json');
  });

  it('must be https without user info', () => {
    expect(webhookUrlProblem(SLACK)).toBeUndefined();
    expect(webhookUrlProblem('http://hooks.slack.com/services/x')).toBe('not-https');
    expect(webhookUrlProblem('https://u:p@example.com/hook')).toBe('user-info');
    expect(webhookUrlProblem('hooks.slack.com')).toBe('not-a-url');
  });
});

describe('the settings file', () => {
  const dir = useTempDir('alert-settings');

  it('is none until set, then written owner-only and read back; the view masks the webhook', async () => {
    expect(await loadAlertSettings(dir.path)).toEqual({});
    expect(hasAlertChannel({})).toBe(false);
    await updateAlertSettings(dir.path, () => ({ webhook: { url: SLACK, format: 'slack' }, osLog: true }));
    await updateAlertSettings(dir.path, (s) => ({ ...s, email: { to: 'admin@contoso.com' }, lang: 'ja' }));
    const file = path.join(dir.path, ALERT_SETTINGS_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const settings = await loadAlertSettings(dir.path);
    expect(settings).toEqual({
      lang: 'ja',
      webhook: { url: SLACK, format: 'slack' },
      email: { to: 'admin@contoso.com' },
      osLog: true,
    });
    expect(hasAlertChannel(settings)).toBe(true);
    const view = JSON.stringify(viewOf(settings));
    expect(view).not.toContain('services');
    expect(view).toContain('https://hooks.slack.com/…');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(settings);
  });

  it('reads a damaged file as no settings', async () => {
    await writeFile(path.join(dir.path, ALERT_SETTINGS_FILE), '{"webhook": ');
    expect(await loadAlertSettings(dir.path)).toEqual({});
    await writeFile(path.join(dir.path, ALERT_SETTINGS_FILE), '{"webhook": {"url": 3}}');
    expect(await loadAlertSettings(dir.path)).toEqual({});
  });
});
