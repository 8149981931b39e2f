/**
 * The product's own network clients reaching the sandbox IdP at Microsoft's production hostnames, with no product
 * code bent for it: a local CONNECT proxy (test/fixtures/connect-proxy.ts) sends the login hosts to the sandbox and
 * refuses every other destination, and the clients go through it as they would through a corporate proxy, trusting
 * the sandbox CA. URLs, Host header and TLS name stay the production ones, and the certificate is checked against
 * them.
 * - The CLI's node:https transport (`createHttpsNetworkClient`): `HTTPS_PROXY` in its `env`, the CA as `extraCaPem`.
 * - The desktop app's transport (`createElectronNetworkClient`, electron/main/electron-network.ts) takes the stand-in
 *   for Chromium's `net.fetch` that {@link netFetchThrough} makes.
 * The sandbox's own address (127.0.0.1, for a test that names it) bypasses the proxy (`NO_PROXY`).
 */
import { ProxyAgent, fetch as undiciFetch } from 'undici';
import type { RequestInit as UndiciRequestInit } from 'undici';
import type { IdpNetworkClient } from '../../electron/core/transport/network-client.js';
import { createHttpsNetworkClient } from '../../electron/core/transport/node-https-transport.js';
import type { NetFetch } from '../../electron/main/electron-network.js';
import { startConnectProxy } from '../fixtures/connect-proxy.js';
import type { ConnectProxy } from '../fixtures/connect-proxy.js';
import { PRODUCTION_LOGIN_HOSTS } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';

/** A running route from production login hosts to the sandbox. */
export interface SandboxRoute {
  /** The proxy variables a client reads: `HTTPS_PROXY` naming the routing proxy, loopback bypassing it. */
  env: NodeJS.ProcessEnv;
  /** The sandbox CA, to trust in addition to the public roots. */
  caPem: string;
  proxy: ConnectProxy;
  close(): Promise<void>;
}

/** Starts a proxy routing `hosts` (port 443) to the sandbox; any other destination is refused (502). */
export async function startSandboxRoute(
  idp: Pick<SandboxIdp, 'caPem' | 'port'>,
  hosts: readonly string[] = PRODUCTION_LOGIN_HOSTS,
): Promise<SandboxRoute> {
  const proxy = await startConnectProxy({
    routes: Object.fromEntries(
      hosts.map((h) => [`${h.toLowerCase()}:443`, { host: '127.0.0.1', port: idp.port }]),
    ),
    refuseUnrouted: true,
  });
  return {
    env: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1,localhost,::1' },
    caPem: idp.caPem,
    proxy,
    close: () => proxy.close(),
  };
}

/** The CLI's network client (node:https), through `route`. */
export function sandboxNetworkClient(
  route: SandboxRoute,
  options: { timeoutMs?: number } = {},
): IdpNetworkClient {
  return createHttpsNetworkClient({
    env: route.env,
    extraCaPem: route.caPem,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
}

/**
 * A stand-in for Chromium's `net.fetch` for the desktop app's transport: Chromium's network stack cannot run in
 * Node, so undici's fetch (the same Fetch API) goes through `route`'s proxy, as Chromium goes through the system
 * proxy, trusting the sandbox CA as the OS store would once it is installed.
 */
export function netFetchThrough(route: SandboxRoute): NetFetch {
  const dispatcher = new ProxyAgent({
    uri: route.proxy.url,
    requestTls: { ca: route.caPem },
  });
  const send = (url: string, init: object): Promise<unknown> =>
    undiciFetch(url, { ...(init as UndiciRequestInit), dispatcher });
  // The same Fetch API: only the type declarations of undici's and the platform's fetch differ.
  return send as NetFetch;
}
