/**
 * The managed mailboxes: the registry in the host's data folder, opened on first use (a host without one keeps no
 * list), and how a written token file joins it.
 */
import { profileEndpoints } from '../core/sign-in/index.js';
import type { Profile, SessionResult } from '../core/sign-in/index.js';
import { openMailboxRegistry } from '../core/upkeep/index.js';
import type { MailboxRegistry } from '../core/upkeep/index.js';
import type { MailboxEvent, WizardEvent } from '../shared/contract.js';
import type { Platform } from './host.js';

export interface MailboxList {
  /** The registry; throws where the host keeps no list. */
  registry(): MailboxRegistry;
  /** Whether secrets can be remembered here (the OS can encrypt them). */
  encryptionAvailable(): boolean;
  /** Lists the written file among the managed mailboxes and, if asked, remembers the secret encrypted. */
  registerAcquired(result: SessionResult, profile: Profile, rememberSecret: boolean): Promise<void>;
}

export function createMailboxList(
  platform: Platform,
  now: () => Date,
  emit: (event: WizardEvent) => void,
): MailboxList {
  let opened: MailboxRegistry | undefined;
  const registry = (): MailboxRegistry => {
    if (opened !== undefined) return opened;
    if (platform.userDataDir === undefined) throw new Error('this host keeps no mailbox list');
    const encryptor = platform.encryptor?.();
    opened = openMailboxRegistry({
      dir: platform.userDataDir(),
      ...(encryptor === undefined ? {} : { encryptor }),
      now,
    });
    return opened;
  };
  return {
    registry,
    encryptionAvailable: () => platform.encryptor?.()?.isEncryptionAvailable() === true,
    async registerAcquired(result, profile, rememberSecret) {
      if (!result.ok) return;
      try {
        const list = registry();
        await list.upsert({
          path: result.file,
          mailbox: profile.userId,
          tenant: profile.tenant,
          clientId: profile.clientId,
        });
        let secret: MailboxEvent['secret'] = 'not-requested';
        if (rememberSecret && profile.clientSecret !== undefined) {
          // For the endpoint this sign-in sent it to, and no other (issue #15, item 8).
          const remembered = await list.rememberSecret(
            profile.clientId,
            profileEndpoints(profile).tokenUri,
            profile.clientSecret,
          );
          secret = remembered.ok ? 'remembered' : 'encryption-unavailable';
        }
        emit({ channel: 'mailboxes', event: { type: 'registered', path: result.file, secret } });
      } catch {
        // The token file is written, which is what matters; the list is a convenience and says nothing here.
        emit({ channel: 'mailboxes', event: { type: 'registered', path: result.file, secret: 'failed' } });
      }
    },
  };
}
