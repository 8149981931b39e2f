/**
 * The product's network client (`createNetworkClient`) over undici's fetch with a given dispatcher: how in-process
 * tests send production hostnames to the sandbox IdP (`routeToSandbox`, the same dispatcher the simulated browser
 * uses), with URLs, Host header and TLS SNI unchanged. The product's own transports are node:https in the CLI
 * (electron/core/node-https-transport.ts, exercised by the CLI tests and test/integration/https-transport.int.test.ts)
 * and `net.fetch` in the Electron app.
 */
import { fetch } from 'undici';
import type { Dispatcher } from 'undici';
import {
  DEFAULT_NETWORK_TIMEOUT_MS,
  classifyNodeError,
  createNetworkClient,
} from '../../electron/core/network-client.js';
import type { IdpNetworkClient, Transport } from '../../electron/core/network-client.js';

/** A network client sending every request through `dispatcher`. */
export function createUndiciNetworkClient(options: {
  dispatcher: Dispatcher;
  timeoutMs?: number;
}): IdpNetworkClient {
  const transport: Transport = async (url, init) => {
    const response = await fetch(url, { ...init, dispatcher: options.dispatcher, redirect: 'manual' });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { status: response.status, headers, text: await response.text() };
  };
  return createNetworkClient(transport, {
    timeoutMs: options.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS,
    classify: (error, host) => classifyNodeError(error, host),
  });
}
