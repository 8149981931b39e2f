/**
 * The desktop app's network client (electron/main/electron-network.ts, as electron/main/index.ts makes it) reaching
 * the sandbox IdP at Microsoft's production hostnames, for tests of the app's service: its `net.fetch` is the
 * stand-in of test/helpers/sandbox-network.ts (undici's fetch through the routing proxy).
 */
import type { IdpNetworkClient } from '../../electron/core/transport/network-client.js';
import { createElectronNetworkClient } from '../../electron/main/electron-network.js';
import { netFetchThrough } from './sandbox-network.js';
import type { SandboxRoute } from './sandbox-network.js';

/** `createElectronNetworkClient` with `net.fetch` going through `route`. */
export function appNetworkClient(route: SandboxRoute): IdpNetworkClient {
  return createElectronNetworkClient({ fetch: netFetchThrough(route) });
}
