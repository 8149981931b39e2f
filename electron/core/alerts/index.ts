/**
 * Alerts: configured once (alerts.json beside the mailbox registry), sent when a scheduled refresh fails, a token
 * nears its limit or a client secret its recorded expiry — by webhook, e-mail through a mailbox's own token, and
 * the OS log — each problem at most once a day.
 */
export {
  ALERT_SETTINGS_FILE,
  WEBHOOK_FORMATS,
  WEBHOOK_URL_PROBLEMS,
  hasAlertChannel,
  loadAlertSettings,
  maskWebhookUrl,
  updateAlertSettings,
  viewOf,
  webhookFormatOf,
  webhookUrlProblem,
} from './alert-settings.js';
export type { AlertSettings, AlertSettingsView, WebhookFormat } from './alert-settings.js';
export { ALERT_STATE_FILE, localDay } from './alert-state.js';
export { alertSubject, alertText, jsonPayload, slackPayload, teamsPayload } from './alert-message.js';
export type { AlertContext } from './alert-message.js';
export { OS_LOG_TAG, osLogCommand, osLogLine } from './channels.js';
export type { AlertChannel, ChannelResult } from './channels.js';
export {
  SECRET_ALERT_DAYS,
  TOKEN_ALERT_DAYS,
  healthProblems,
  runFailedProblem,
  runProblems,
  testProblem,
} from './problems.js';
export type { AlertProblem, ProblemKind } from './problems.js';
export { sendAlerts } from './send-alerts.js';
export type { AlertDeps, AlertReport } from './send-alerts.js';
