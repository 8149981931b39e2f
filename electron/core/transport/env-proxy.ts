/**
 * Which proxy a request to a URL goes through, from the environment: `https_proxy`, `HTTPS_PROXY`, then
 * `http_proxy`, `HTTP_PROXY` for https URLs, unless `no_proxy`/`NO_PROXY` covers the host.
 *
 * These are the rules of undici's EnvHttpProxyAgent, which the CLI used before it moved to node:https
 * (node-https-transport.ts), so that an administrator's proxy settings keep meaning what they meant. Hand-written
 * rather than taken from proxy-from-env, the usual package: it reads only `process.env` (the environment is a
 * parameter here, as for the rest of the CLI), honours `ALL_PROXY` (often a socks:// proxy that we cannot use), and
 * matches a bare NO_PROXY entry such as `contoso.com` only exactly, where curl and undici also match its subdomains.
 */

/** How a NO_PROXY entry reads: `host`, `.host` or `*.host` (that host and its subdomains), optionally `:port`. */
interface NoProxyEntry {
  host: string;
  port: number | undefined;
}

/** A proxy variable that is not an http:// or https:// URL; never repeats the value (it may hold a password). */
export class BadProxyVariableError extends Error {
  override readonly name = 'BadProxyVariableError';

  constructor(readonly variable: string) {
    super(`The proxy variable ${variable} is not an http:// or https:// URL`);
  }
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

/** A URL's hostname as sockets and certificates name it: an IPv6 address without its brackets. */
export function unbracketed(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** The proxy for `url`, or undefined for a direct connection; throws BadProxyVariableError for an unusable value. */
export function proxyForUrl(url: string, env: NodeJS.ProcessEnv): URL | undefined {
  const { hostname, port, protocol } = new URL(url);
  const variable = PROXY_VARIABLES.find((name) => (env[name] ?? '').trim() !== '');
  if (variable === undefined) return undefined;
  const host = unbracketed(hostname.toLowerCase());
  const targetPort = port === '' ? (protocol === 'http:' ? 80 : 443) : Number(port);
  if (bypassed(host, targetPort, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined;
  const value = (env[variable] ?? '').trim();
  // `proxy:8080` without a scheme is an http:// proxy, as curl reads it.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let proxy: URL;
  try {
    proxy = new URL(withScheme);
  } catch {
    throw new BadProxyVariableError(variable);
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') throw new BadProxyVariableError(variable);
  return proxy;
}

function bypassed(host: string, port: number, noProxy: string): boolean {
  const value = noProxy.trim();
  if (value === '*') return true;
  return parseNoProxy(value).some(
    (entry) =>
      (entry.port === undefined || entry.port === port) &&
      (host === entry.host || host.endsWith(`.${entry.host}`)),
  );
}

function parseNoProxy(value: string): NoProxyEntry[] {
  return value
    .split(/[,\s]+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const withPort = /^(.+):(\d+)$/.exec(entry);
      const host = (withPort?.[1] ?? entry)
        .replace(/^\*?\./, '')
        .replace(/^\[|\]$/g, '')
        .toLowerCase();
      return { host, port: withPort?.[2] === undefined ? undefined : Number(withPort[2]) };
    });
}
