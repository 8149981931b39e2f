/** Which mail server each protocol logs in to: the provider's for the account, or an override. */
import { providerOf } from '../providers/index.js';
import type { MailAccount, Protocol, ProviderId } from '../providers/index.js';
import type { MailEndpoint } from './types.js';

/** The server the account's sender logs in to for a protocol, unless `override` names another (a relay, a test server). */
export function mailEndpoint(
  provider: ProviderId,
  account: MailAccount,
  protocol: Protocol,
  override?: MailEndpoint,
): MailEndpoint {
  if (override !== undefined) return override;
  const { host, port } = providerOf(provider).mailHost(account, protocol);
  return { host, port };
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
