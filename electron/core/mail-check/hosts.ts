/** Which mail server each protocol logs in to: the cloud's, the personal-account SMTP host, or an override. */
import { CLOUDS } from '../providers/microsoft/index.js';
import type { CloudName, Protocol } from '../providers/microsoft/index.js';
import type { MailEndpoint } from './types.js';

/** The server for a protocol; `personal` picks Outlook.com's SMTP host (smtp-mail.outlook.com). */
export function mailEndpoint(
  cloud: CloudName,
  protocol: Protocol,
  options: { personal?: boolean; override?: MailEndpoint } = {},
): MailEndpoint {
  if (options.override !== undefined) return options.override;
  const c = CLOUDS[cloud];
  const host =
    protocol === 'smtp' && options.personal === true ? (c.personalSmtp ?? c.mail.smtp) : c.mail[protocol];
  return { host: host.host, port: host.port };
}

/** Parses `host:port` (or `[v6]:port`, or a bare host with the default port); undefined when malformed. */
export function parseEndpoint(text: string, defaultPort: number): MailEndpoint | undefined {
  const match = /^(?:\[([^\]]+)\]|([^:[\]\s]+))(?::(\d{1,5}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const host = match[1] ?? match[2] ?? '';
  const port = match[3] === undefined ? defaultPort : Number(match[3]);
  if (host === '' || port < 1 || port > 65535) return undefined;
  return { host, port };
}
