/**
 * The wizard service over the sandbox identity provider (routed from Microsoft's hostnames), its events recorded,
 * with a scripted browser that signs in on its own while `browser.approve` (else a sign-in waits for its redirect).
 * Its network client is the app's own (electron-network.ts over a stand-in `net.fetch` through `route`): a test
 * file using it mocks 'electron' with test/fixtures/electron-stub.ts.
 */
import type { MailCheckOverrides } from '../../electron/app/wizard-service.js';
import type { IdpNetworkClient } from '../../electron/core/transport/network-client.js';
import { createWizardService } from '../../electron/app/wizard-service.js';
import type { WizardEvent } from '../../electron/shared/contract.js';
import { playBrowser } from '../fixtures/browser.js';
import { routeToSandbox } from '../fixtures/route-to-sandbox.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { appNetworkClient } from './app-network.js';
import type { SandboxRoute } from './sandbox-network.js';
import { fakeEncryptor, fakePlatform } from './fake-platform.js';

export function sandboxService(
  idp: SandboxIdp,
  route: SandboxRoute,
  options: {
    userData: string;
    mailCheck?: MailCheckOverrides;
    encryptionAvailable?: boolean;
    /** Wraps each network client the service makes (a test records what is sent). */
    wrapNetwork?: (client: IdpNetworkClient) => IdpNetworkClient;
  },
) {
  const dispatcher = routeToSandbox(idp);
  const platform = fakePlatform({
    userDataDir: options.userData,
    encryptor: fakeEncryptor(options.encryptionAvailable ?? true),
  });
  const browser = { approve: true };
  platform.openBrowser.mockImplementation((url) => {
    if (browser.approve) void playBrowser(url, { dispatcher }).catch(() => undefined);
    return Promise.resolve();
  });
  const events: WizardEvent[] = [];
  const service = createWizardService({
    platform,
    createNetworkClient: () => (options.wrapNetwork ?? ((client) => client))(appNetworkClient(route)),
    emit: (event) => events.push(event),
    ...(options.mailCheck === undefined ? {} : { mailCheck: options.mailCheck }),
  });
  return { service, events, platform, userData: options.userData, browser };
}
