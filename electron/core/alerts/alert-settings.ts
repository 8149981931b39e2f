/**
 * Where alerts go, configured once: `alerts.json` in the app's data folder, beside the mailbox registry, shared
 * by the app, the CLI (`rtw alert`) and every scheduled run. Owner-only (0600), replaced atomically.
 *
 * The webhook URL is a secret: whoever has it can post into the channel (Teams Workflows and Slack put the key in
 * the URL itself). It is stored here in plain text, like the client secret in the INI file, because a scheduled
 * run must read it with nobody signed in (Windows S4U cannot use DPAPI); what protects it is the file's owner-only
 * mode and the folder's ACL. Everywhere else it is shown as {@link maskWebhookUrl} shows it: scheme and host.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LANGS } from '../i18n.js';
import type { Lang, Localized } from '../i18n.js';
import { atomicWriteFile, withFileLock } from '../token-file/index.js';

export const ALERT_SETTINGS_FILE = 'alerts.json';

/** How a webhook wants its message: a Teams Workflows Adaptive Card, Slack's `{"text"}`, or our own JSON. */
export const WEBHOOK_FORMATS = ['teams', 'slack', 'json'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The alert settings. Every channel is optional; none set means no alerts. */
export interface AlertSettings {
  /** The alerts' language; absent: the language of the run that sends them. */
  lang?: Lang;
  webhook?: { url: string; format: WebhookFormat };
  /**
   * E-mail to `to`, sent through a mailbox's own token (XOAUTH2 SMTP): the file `via`, else the first mailbox
   * of the run that refreshed and has SMTP. `smtpHost` (`host:port`) replaces the cloud's SMTP server.
   */
  email?: { to: string; via?: string; smtpHost?: string };
  /** Also write each alert to the OS log (Windows Event Log, syslog/journald, macOS unified log). */
  osLog?: boolean;
}

const settingsSchema = z.object({
  lang: z.enum(LANGS).optional(),
  webhook: z.object({ url: z.string(), format: z.enum(WEBHOOK_FORMATS) }).optional(),
  email: z.object({ to: z.string(), via: z.string().optional(), smtpHost: z.string().optional() }).optional(),
  osLog: z.boolean().optional(),
});

/** True when at least one channel is set. */
export function hasAlertChannel(settings: AlertSettings): boolean {
  return settings.webhook !== undefined || settings.email !== undefined || settings.osLog === true;
}

/**
 * A webhook URL as it may be shown: scheme and host, the rest elided (Slack's and Teams' keys are in the path and
 * the query). Not a URL at all: a fixed placeholder, never the text itself.
 */
export function maskWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(…)';
  }
}

/** The format a webhook URL's host suggests: Slack's hooks, Teams Workflows (Power Automate / Logic Apps), else JSON. */
export function webhookFormatOf(url: string): WebhookFormat {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'json';
  }
  if (host === 'hooks.slack.com') return 'slack';
  if (host.endsWith('.logic.azure.com') || host.endsWith('.api.powerplatform.com')) return 'teams';
  return 'json';
}

/** Why a webhook URL is refused, in words (never the URL itself: it is a secret, even a wrong one). */
export const WEBHOOK_URL_PROBLEMS = {
  'not-a-url': { en: 'it is not a URL', ja: 'URL ではありません' },
  'not-https': {
    en: 'it must start with https:// (the URL is the key, and plain http would show it to the network)',
    ja: 'https:// で始まる必要があります (URL が鍵であり、http ではネットワーク上で読まれます)',
  },
  'user-info': {
    en: 'it must not hold a user name or password',
    ja: 'ユーザー名やパスワードを含められません',
  },
} as const satisfies Record<string, Localized>;

/** Why a webhook URL is refused: not a URL, not https, or user info in it. */
export function webhookUrlProblem(url: string): 'not-a-url' | 'not-https' | 'user-info' | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'not-a-url';
  }
  // The key is in the URL: over plain http anyone on the path could read it and post as us.
  if (parsed.protocol !== 'https:') return 'not-https';
  if (parsed.username !== '' || parsed.password !== '') return 'user-info';
  return undefined;
}

/** The settings of the data folder `dir` (none: `{}`); a damaged file is read as none. */
export async function loadAlertSettings(dir: string): Promise<AlertSettings> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, ALERT_SETTINGS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? stripUndefined(parsed.data) : {};
  } catch {
    return {};
  }
}

/** Changes the settings under the file's lock; `change` returns the new settings. */
export async function updateAlertSettings(
  dir: string,
  change: (current: AlertSettings) => AlertSettings,
): Promise<AlertSettings> {
  const file = path.join(dir, ALERT_SETTINGS_FILE);
  await fsp.mkdir(dir, { recursive: true });
  return withFileLock(
    file,
    async (lock) => {
      const next = stripUndefined(change(await loadAlertSettings(dir)));
      lock.assertHeld();
      await atomicWriteFile(file, Buffer.from(`${JSON.stringify(next, null, 2)}\n`, 'utf8'), {
        backup: false,
      });
      return next;
    },
    { waitMs: 10_000 },
  );
}

function stripUndefined(settings: AlertSettings): AlertSettings {
  const out: AlertSettings = {};
  if (settings.lang !== undefined) out.lang = settings.lang;
  if (settings.webhook !== undefined) out.webhook = settings.webhook;
  if (settings.email !== undefined) {
    const { to, via, smtpHost } = settings.email;
    out.email = {
      to,
      ...(via === undefined ? {} : { via }),
      ...(smtpHost === undefined ? {} : { smtpHost }),
    };
  }
  if (settings.osLog === true) out.osLog = true;
  return out;
}

/** The settings as they may be shown anywhere (the webhook masked). */
export interface AlertSettingsView {
  lang?: Lang;
  webhook?: { url: string; format: WebhookFormat };
  email?: { to: string; via?: string; smtpHost?: string };
  osLog: boolean;
}

/** {@link AlertSettingsView} of `settings`. */
export function viewOf(settings: AlertSettings): AlertSettingsView {
  return {
    ...(settings.lang === undefined ? {} : { lang: settings.lang }),
    ...(settings.webhook === undefined
      ? {}
      : { webhook: { url: maskWebhookUrl(settings.webhook.url), format: settings.webhook.format } }),
    ...(settings.email === undefined ? {} : { email: settings.email }),
    osLog: settings.osLog === true,
  };
}
