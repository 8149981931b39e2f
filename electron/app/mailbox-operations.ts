/** The list of managed mailboxes and their remembered secrets, as the mailboxes view shows and edits them. */
import { RtwError } from '../core/errors.js';
import { readTokenHealth } from '../core/upkeep/index.js';
import type { MailboxView, WizardOperations } from '../shared/contract.js';
import { failure } from './results.js';
import type { ServiceContext } from './service-context.js';

export function mailboxOperations(
  ctx: ServiceContext,
): Pick<WizardOperations, 'listMailboxes' | 'addMailbox' | 'removeMailbox' | 'hasSecret' | 'forgetSecret'> {
  const { mailboxes, now } = ctx;
  /** Whether a secret is remembered for the client ID; no list, or no reading it, means none. */
  const hasSecret = (clientId: string): Promise<boolean> =>
    Promise.resolve()
      .then(() => mailboxes.registry().hasSecret(clientId))
      .catch(() => false);

  const mailboxView = async (entry: MailboxView['entry']): Promise<MailboxView> => {
    const secretRemembered = await hasSecret(entry.clientId);
    try {
      return { entry, health: await readTokenHealth(entry.path, now), secretRemembered };
    } catch (error) {
      return { entry, error: failure(error).error, secretRemembered };
    }
  };

  return {
    async listMailboxes() {
      try {
        const entries = await mailboxes.registry().list();
        const views = await Promise.all(entries.map(mailboxView));
        return {
          ok: true,
          value: { mailboxes: views, encryptionAvailable: mailboxes.encryptionAvailable() },
        };
      } catch (error) {
        return failure(error);
      }
    },
    async addMailbox({ path }) {
      try {
        const health = await readTokenHealth(path, now);
        for (const [key, value] of [
          ['UserID', health.mailbox],
          ['ClientID', health.clientId],
        ] as const)
          if (value.trim() === '') throw new RtwError('not-a-token-file', { path, key });
        const entry = await mailboxes.registry().upsert({
          path,
          mailbox: health.mailbox.trim(),
          tenant: health.tenant ?? '',
          clientId: health.clientId.trim(),
        });
        return { ok: true, value: entry };
      } catch (error) {
        return failure(error);
      }
    },
    async removeMailbox({ path }) {
      try {
        return { ok: true, value: { removed: await mailboxes.registry().remove(path) } };
      } catch (error) {
        return failure(error);
      }
    },
    async hasSecret({ clientId }) {
      return { remembered: await hasSecret(clientId), encryptionAvailable: mailboxes.encryptionAvailable() };
    },
    async forgetSecret({ clientId }) {
      try {
        await mailboxes.registry().forgetSecret(clientId);
        return { ok: true, value: { forgotten: true } };
      } catch (error) {
        return failure(error);
      }
    },
  };
}
