/**
 * The network client MSAL uses in the desktop app: Electron's `net.fetch`, which runs on Chromium's network
 * stack, so the system proxy (PAC and WPAD included, with NTLM/Kerberos proxy auth) and the OS certificate
 * store apply exactly as in the admin's browser: a TLS-inspecting corporate proxy just works once its root is
 * trusted by the OS. The core's `createNetworkClient` turns HTTP-level failures into our errors; this file only
 * supplies the transport and says what Chromium's `net::ERR_*` failures mean.
 */
import { net } from 'electron';
import { RtwError } from '../core/errors.js';
import { DEFAULT_NETWORK_TIMEOUT_MS, createNetworkClient, readAnswerText } from '../core/transport/index.js';
import type { IdpNetworkClient, Transport } from '../core/transport/index.js';

/** The fetch the transport uses (`net.fetch`; tests pass another). */
export type NetFetch = (url: string, init: RequestInit) => Promise<Response>;

/** A transport over Chromium's network stack. */
export function createElectronTransport(fetch: NetFetch = (url, init) => net.fetch(url, init)): Transport {
  return async (url, init) => {
    const response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: init.signal,
      // An IdP endpoint never redirects; a redirect is a captive portal or a proxy's sign-in page.
      redirect: 'error',
      // The session's cookies are the app page's business, not the IdP's (and there are none to send).
      credentials: 'omit',
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { status: response.status, headers, text: await readAnswerText(response.body, response.status) };
  };
}

/** The IdP network client of the desktop app. */
export function createElectronNetworkClient(
  options: { fetch?: NetFetch; timeoutMs?: number } = {},
): IdpNetworkClient {
  return createNetworkClient(createElectronTransport(options.fetch), {
    timeoutMs: options.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS,
    classify: classifyNetError,
  });
}

/**
 * Maps a `net.fetch` failure to `idp-tls` or `idp-unreachable`, keeping Chromium's reason (`net::ERR_…`,
 * the name admins search for). Chromium rejects with `Error('net::ERR_…')`; certificate problems are
 * `ERR_CERT_*` and `ERR_SSL_*`; proxy, DNS and connection problems are everything else.
 * https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h
 */
export function classifyNetError(error: unknown, host: string): RtwError {
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    messages.push(e.message);
  const code = messages.map((m) => /\b(ERR_[A-Z0-9_]+)\b/.exec(m)?.[1]).find((c) => c !== undefined);
  if (code !== undefined) {
    const reason = `net::${code}`;
    if (isTlsError(code)) return new RtwError('idp-tls', { host, reason }, { cause: error });
    return new RtwError('idp-unreachable', { host, reason }, { cause: error });
  }
  // Electron's own wording when `redirect: 'error'` meets a redirect.
  if (messages.some((m) => m.includes('Attempted to redirect'))) {
    return new RtwError(
      'idp-unreachable',
      { host, reason: 'unexpected HTTP redirect (captive portal or proxy sign-in page?)' },
      { cause: error },
    );
  }
  return new RtwError('idp-unreachable', { host, reason: messages.at(-1) ?? 'unknown' }, { cause: error });
}

function isTlsError(code: string): boolean {
  return (
    code.startsWith('ERR_CERT_') ||
    code.startsWith('ERR_SSL_') ||
    code === 'ERR_BAD_SSL_CLIENT_AUTH_CERT' ||
    code === 'ERR_CERTIFICATE_TRANSPARENCY_REQUIRED'
  );
}
