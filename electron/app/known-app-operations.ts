/**
 * The apps the wizard already knows, for "+ Mailbox" and the form's list of remembered apps: the client IDs of
 * the listed mailboxes, each with the provider, tenant and cloud its files record (read from the files, which
 * are the truth, rather than kept twice), and whether its secret is remembered. Read-only; never a secret.
 */
import { PROTOCOLS } from '../core/providers/index.js';
import type { Protocol } from '../core/providers/index.js';
import { readTokenFile } from '../core/token-file/index.js';
import { readTokenHealth } from '../core/upkeep/index.js';
import type { MailboxEntry, TokenHealth } from '../core/upkeep/index.js';
import type { KnownApp, WizardOperations } from '../shared/contract.js';
import { failure } from './results.js';
import type { ServiceContext } from './service-context.js';

/** One file of an app, as far as it could be read. */
interface AppFile {
  entry: MailboxEntry;
  health?: TokenHealth;
  appAudience?: string;
}

/** What a group of files says about their app: the newest readable file's registration, the union of protocols. */
function knownAppOf(files: readonly AppFile[], secretRemembered: boolean): KnownApp {
  const readable = files.filter((f): f is AppFile & { health: TokenHealth } => f.health !== undefined);
  const newest = [...readable].sort((a, b) =>
    (b.health.issuedAt ?? '').localeCompare(a.health.issuedAt ?? ''),
  )[0];
  const first = files[0]?.entry;
  const protocols = new Set<Protocol>();
  for (const f of readable)
    for (const p of f.health.protocols)
      if ((PROTOCOLS as readonly string[]).includes(p)) protocols.add(p as Protocol);
  const expiries = readable.map((f) => f.health.secretExpiresAt).filter((d): d is string => d !== undefined);
  const audience = newest?.appAudience;
  return {
    clientId: newest?.health.clientId || (first?.clientId ?? ''),
    provider: newest?.health.provider ?? 'microsoft',
    tenant: newest === undefined ? (first?.tenant ?? '') : (newest.health.tenant ?? ''),
    cloud: newest?.health.cloud ?? 'global',
    publicClient: newest !== undefined && newest.health.clientSecretMasked === '',
    protocols: PROTOCOLS.filter((p) => protocols.has(p)),
    mailboxes: files.length,
    secretRemembered,
    ...(expiries.length === 0 ? {} : { secretExpiresAt: expiries.sort().at(-1) }),
    ...(audience === 'internal' || audience === 'production' || audience === 'testing'
      ? { appAudience: audience }
      : {}),
  };
}

export function knownAppOperations(ctx: ServiceContext): Pick<WizardOperations, 'listKnownApps'> {
  const { mailboxes, now } = ctx;
  const readFile = async (entry: MailboxEntry): Promise<AppFile> => {
    try {
      const [health, content] = await Promise.all([
        readTokenHealth(entry.path, now),
        readTokenFile(entry.path),
      ]);
      const appAudience = content.exists ? content.meta.AppAudience : undefined;
      return { entry, health, ...(appAudience === undefined ? {} : { appAudience }) };
    } catch {
      // A moved or unreadable file still names its app: the registry's client ID and tenant.
      return { entry };
    }
  };
  return {
    async listKnownApps() {
      try {
        const registry = mailboxes.registry();
        const files = await Promise.all((await registry.list()).map(readFile));
        // One app per client ID, compared as Entra and Google do: case-insensitively; in first-listed order.
        const groups = new Map<string, AppFile[]>();
        for (const file of files) {
          const key = file.entry.clientId.trim().toLowerCase();
          if (key !== '') groups.set(key, [...(groups.get(key) ?? []), file]);
        }
        const apps = await Promise.all(
          [...groups.values()].map(async (group) => {
            const clientId = group[0]?.entry.clientId ?? '';
            const remembered = await registry.hasSecret(clientId).catch(() => false);
            return knownAppOf(group, remembered);
          }),
        );
        return { ok: true, value: apps };
      } catch (error) {
        return failure(error);
      }
    },
  };
}
