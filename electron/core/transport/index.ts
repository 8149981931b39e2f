/**
 * HTTP to the identity provider: the network client every grant goes through, its error mapping, and the CLI's
 * node:https transport with its proxy rules.
 */
export {
  DEFAULT_NETWORK_TIMEOUT_MS,
  createNetworkClient,
  isTlsFailureCode,
  readAnswerText,
} from './network-client.js';
export type { IdpNetworkClient, Transport } from './network-client.js';
export {
  createHttpsNetworkClient,
  createHttpsNetworkSession,
  createHttpsTransport,
} from './node-https-transport.js';
export type { HttpsNetworkSession } from './node-https-transport.js';
