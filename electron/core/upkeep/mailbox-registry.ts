/**
 * The mailboxes the wizard manages: which token file serves which mailbox, tenant and app, and how its last
 * refresh went. Kept as JSON in a folder the shell chooses (the app's user-data folder), owner-only, replaced
 * atomically, and locked for each read–modify–write so the window and a scheduled run never undo each other.
 *
 * Client secrets are NOT kept here unless the admin asks, and then only encrypted through the injected
 * `Encryptor` (Electron passes `safeStorage`: DPAPI on Windows, Keychain on macOS, libsecret on Linux). If no
 * encryption is available the secret is refused rather than written in the clear: the INI file is the only
 * plaintext copy, where the sender needs it.
 *
 * A remembered secret is keyed by client ID *and* the token endpoint it was remembered for (issue #15, item 8): it is
 * recalled only for a sign-in whose profile names that same endpoint, so a form (or a compromised renderer) that
 * names another tenant, cloud or host gets nothing and the secret has to be typed again. Secrets remembered before,
 * by client ID only, are kept for the one endpoint the app's listed token files name; when the files name several
 * (or none can be read) the old secret is dropped, which asks for it again.
 */
import { Buffer } from 'node:buffer';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWriteFile } from '../token-file/index.js';
import type { Explanation } from '../diagnose/index.js';
import { RtwError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import { withFileLock } from '../token-file/index.js';
import { profileEndpoints, validateProfile } from '../sign-in/index.js';
import type { RefreshOutcome } from './refresh.js';
import { prefillFromTokenFile } from './reissue.js';

/** Encrypts strings for this OS user; Electron's `safeStorage` has exactly this shape. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** One managed mailbox. */
export interface MailboxEntry {
  /** Absolute path of its token file; the key of the entry. */
  path: string;
  mailbox: string;
  tenant: string;
  clientId: string;
  addedAt: string;
  lastRefreshedAt?: string;
  /** How the last refresh the wizard saw ended. */
  lastStatus?: RefreshOutcome['status'];
}

/** Remembering a secret either worked or was refused because nothing can encrypt it. */
export type RememberSecretResult = { ok: true } | { ok: false; reason: 'encryption-unavailable' };

/** The mailboxes to re-issue with one app, walked through in this order (one sign-in each). */
export interface ReissuePlan {
  clientId: string;
  mailboxes: MailboxEntry[];
}

/** How one re-issue in the walk ended: the session's own result, reduced to what a summary shows. */
export type ReissueStepResult =
  | { ok: true; signedInAs?: string }
  | { ok: false; code: ErrorCode | 'unexpected'; explanation: Explanation }
  /** The admin skipped this mailbox; the walk goes on. */
  | { ok: false; skipped: true };

/** The end of a "re-issue all with this app" walk. */
export interface ReissueSummary {
  clientId: string;
  total: number;
  reissued: Array<{ path: string; mailbox: string; signedInAs?: string }>;
  failed: Array<{ path: string; mailbox: string; code: ErrorCode | 'unexpected'; explanation: Explanation }>;
  /** Skipped by the admin. */
  skipped: Array<{ path: string; mailbox: string }>;
  /** Not attempted because the admin cancelled the walk. */
  notReached: Array<{ path: string; mailbox: string }>;
}

/** The managed mailboxes and, on request, encrypted app secrets. */
export interface MailboxRegistry {
  /** The registry file (for tests and support). */
  readonly file: string;
  list(): Promise<MailboxEntry[]>;
  /** Adds or updates the entry for `entry.path` (resolved); keeps `addedAt` and the refresh record. */
  upsert(entry: Omit<MailboxEntry, 'addedAt' | 'lastRefreshedAt' | 'lastStatus'>): Promise<MailboxEntry>;
  /** Forgets a mailbox (its token file is not touched); false when it was not listed. */
  remove(filePath: string): Promise<boolean>;
  /** Records how a refresh of a listed file ended; unlisted files are ignored. */
  recordRefresh(outcome: RefreshOutcome): Promise<void>;
  /**
   * Remembers an app's secret for one token endpoint (the one a sign-in just sent it to), encrypted; refused when
   * encryption is unavailable.
   */
  rememberSecret(clientId: string, tokenEndpoint: string, secret: string): Promise<RememberSecretResult>;
  /** Forgets the app's secret for one token endpoint, or for every endpoint when none is named. */
  forgetSecret(clientId: string, tokenEndpoint?: string): Promise<void>;
  /** The token endpoints the app has a secret remembered for (as {@link endpointKey} writes them). */
  secretEndpoints(clientId: string): Promise<string[]>;
  /** Whether a secret is remembered for the app at that token endpoint (at any, when none is named). */
  hasSecret(clientId: string, tokenEndpoint?: string): Promise<boolean>;
  /**
   * The secret remembered for the app at exactly that token endpoint, decrypted; undefined when none is
   * remembered there or it cannot be decrypted here.
   */
  recallSecret(clientId: string, tokenEndpoint: string): Promise<string | undefined>;
  /** The mailboxes using an app, in the order to re-issue them. */
  reissuePlan(clientId: string): Promise<ReissuePlan>;
}

export const REGISTRY_FILE_NAME = 'mailboxes.json';

const entrySchema = z.object({
  path: z.string(),
  mailbox: z.string(),
  tenant: z.string(),
  clientId: z.string(),
  addedAt: z.string(),
  lastRefreshedAt: z.string().optional(),
  lastStatus: z.enum(['refreshed', 'needs-reissue', 'failed']).optional(),
});
const secretSchema = z.object({
  /** Lower case, trimmed. */
  clientId: z.string(),
  /** The token endpoint the secret may be sent to, as {@link endpointKey} writes it. */
  tokenEndpoint: z.string(),
  /** Base64 of the Encryptor's output. Never plaintext. */
  encrypted: z.string(),
});
const fileSchema = z.object({
  version: z.literal(1),
  mailboxes: z.array(entrySchema),
  /**
   * Before issue #15: client ID → base64 of the Encryptor's output, for any endpoint. Read to migrate it (see
   * {@link settleLegacySecrets}) and written empty, so a previous version still reads the file.
   */
  encryptedSecrets: z.record(z.string(), z.string()),
  /** Remembered secrets, one per client ID and token endpoint. */
  secrets: z.array(secretSchema).default([]),
});
type RegistryData = z.infer<typeof fileSchema>;

const EMPTY: RegistryData = { version: 1, mailboxes: [], encryptedSecrets: {}, secrets: [] };

const sameId = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const idKey = (clientId: string): string => clientId.trim().toLowerCase();
/**
 * A token endpoint as secrets are keyed: the URL as WHATWG parses it, in lower case (hosts and Entra's tenant
 * segment are case-insensitive); a string that is no URL stays as it is and matches only itself.
 */
export function endpointKey(tokenEndpoint: string): string {
  const trimmed = tokenEndpoint.trim();
  try {
    return new URL(trimmed).href.toLowerCase();
  } catch {
    return trimmed.toLowerCase();
  }
}

/** The token endpoint a listed token file's settings name, or undefined when it cannot be read or validated. */
export async function tokenEndpointOfFile(filePath: string): Promise<string | undefined> {
  try {
    const validation = validateProfile((await prefillFromTokenFile(filePath)).input);
    return validation.ok ? profileEndpoints(validation.profile).tokenUri : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves secrets remembered by client ID only (before issue #15) to the one token endpoint the app's listed files
 * name; a secret whose files name several endpoints, or none that can be read, is dropped: it is asked for again
 * rather than sent where it may not belong.
 */
async function settleLegacySecrets(data: RegistryData): Promise<void> {
  for (const [clientId, encrypted] of Object.entries(data.encryptedSecrets)) {
    const files = data.mailboxes.filter((m) => sameId(m.clientId, clientId));
    const endpoints = await Promise.all(files.map((m) => tokenEndpointOfFile(m.path)));
    const keys = new Set(endpoints.map((e) => (e === undefined ? undefined : endpointKey(e))));
    const [only] = [...keys];
    if (keys.size === 1 && only !== undefined) {
      const known = data.secrets.some((s) => s.clientId === idKey(clientId) && s.tokenEndpoint === only);
      if (!known) data.secrets.push({ clientId: idKey(clientId), tokenEndpoint: only, encrypted });
    }
  }
  data.encryptedSecrets = {};
}

/** Whether a remembered secret is the app's, at that endpoint (at any, when undefined). */
const matches = (
  secret: z.infer<typeof secretSchema>,
  clientId: string,
  tokenEndpoint: string | undefined,
): boolean =>
  secret.clientId === clientId && (tokenEndpoint === undefined || secret.tokenEndpoint === tokenEndpoint);

/** Opens (lazily) the registry in `dir`. */
export function openMailboxRegistry(deps: {
  dir: string;
  encryptor?: Encryptor;
  now?: () => Date;
}): MailboxRegistry {
  const file = path.join(deps.dir, REGISTRY_FILE_NAME);
  const now = deps.now ?? (() => new Date());

  const read = async (): Promise<RegistryData> => {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY);
      throw new RtwError('file-unreadable', {
        path: file,
        reason: String((error as NodeJS.ErrnoException).code),
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new RtwError('file-format', { path: file, reason: 'not JSON' });
    }
    const result = fileSchema.safeParse(parsed);
    if (!result.success) throw new RtwError('file-format', { path: file, reason: 'not a mailbox list' });
    return result.data;
  };

  /** Read–modify–write under the lock; the change returns what the caller gets back. */
  const update = async <T>(change: (data: RegistryData) => T): Promise<T> => {
    // Owner-only folder: the file is owner-only too, but a readable folder would still list it.
    await fsp.mkdir(deps.dir, { recursive: true, mode: 0o700 });
    return withFileLock(
      file,
      async (lock) => {
        const data = await read();
        await settleLegacySecrets(data);
        const result = change(data);
        lock.assertHeld();
        await atomicWriteFile(file, Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'), {
          backup: false,
        });
        return result;
      },
      { waitMs: 10_000 },
    );
  };

  /** The registry as read, with secrets remembered by client ID only settled (the file is rewritten on the next change). */
  const settled = async (): Promise<RegistryData> => {
    const data = await read();
    await settleLegacySecrets(data);
    return data;
  };

  return {
    file,
    async list() {
      return (await read()).mailboxes;
    },
    upsert(entry) {
      const key = path.resolve(entry.path);
      return update((data) => {
        const existing = data.mailboxes.find((m) => m.path === key);
        const next: MailboxEntry = {
          ...existing,
          path: key,
          mailbox: entry.mailbox,
          tenant: entry.tenant,
          clientId: entry.clientId,
          addedAt: existing?.addedAt ?? now().toISOString(),
        };
        data.mailboxes = [...data.mailboxes.filter((m) => m.path !== key), next];
        return next;
      });
    },
    remove(filePath) {
      const key = path.resolve(filePath);
      return update((data) => {
        const before = data.mailboxes.length;
        data.mailboxes = data.mailboxes.filter((m) => m.path !== key);
        return data.mailboxes.length !== before;
      });
    },
    async recordRefresh(outcome) {
      const key = path.resolve(outcome.file);
      await update((data) => {
        const entry = data.mailboxes.find((m) => m.path === key);
        if (entry === undefined) return;
        entry.lastStatus = outcome.status;
        if (outcome.status === 'refreshed') entry.lastRefreshedAt = outcome.refreshedAt;
      });
    },
    async rememberSecret(clientId, tokenEndpoint, secret) {
      const encryptor = deps.encryptor;
      if (encryptor === undefined || !encryptor.isEncryptionAvailable())
        return { ok: false, reason: 'encryption-unavailable' };
      const encrypted = Buffer.from(encryptor.encryptString(secret)).toString('base64');
      const key = { clientId: idKey(clientId), tokenEndpoint: endpointKey(tokenEndpoint) };
      await update((data) => {
        data.secrets = [
          ...data.secrets.filter((s) => !matches(s, key.clientId, key.tokenEndpoint)),
          { ...key, encrypted },
        ];
      });
      return { ok: true };
    },
    async forgetSecret(clientId, tokenEndpoint) {
      const endpoint = tokenEndpoint === undefined ? undefined : endpointKey(tokenEndpoint);
      await update((data) => {
        data.secrets = data.secrets.filter((s) => !matches(s, idKey(clientId), endpoint));
      });
    },
    async secretEndpoints(clientId) {
      return (await settled()).secrets
        .filter((s) => matches(s, idKey(clientId), undefined))
        .map((s) => s.tokenEndpoint);
    },
    async hasSecret(clientId, tokenEndpoint) {
      const endpoint = tokenEndpoint === undefined ? undefined : endpointKey(tokenEndpoint);
      return (await settled()).secrets.some((s) => matches(s, idKey(clientId), endpoint));
    },
    async recallSecret(clientId, tokenEndpoint) {
      const endpoint = endpointKey(tokenEndpoint);
      const stored = (await settled()).secrets.find((s) => matches(s, idKey(clientId), endpoint))?.encrypted;
      const encryptor = deps.encryptor;
      if (stored === undefined || encryptor === undefined || !encryptor.isEncryptionAvailable())
        return undefined;
      try {
        return encryptor.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        // Encrypted for another OS user or machine (a copied profile): as good as not remembered.
        return undefined;
      }
    },
    async reissuePlan(clientId) {
      const mailboxes = (await read()).mailboxes
        .filter((m) => sameId(m.clientId, clientId))
        .sort((a, b) => a.mailbox.localeCompare(b.mailbox) || a.path.localeCompare(b.path));
      return { clientId, mailboxes };
    },
  };
}

/**
 * Walks a re-issue plan in turn: `reissueOne` runs one sign-in (the wizard's session for that file) and the
 * walk stops early only when the admin cancels, so one failure never blocks the other mailboxes.
 */
export async function reissueAll(
  plan: ReissuePlan,
  reissueOne: (entry: MailboxEntry, index: number) => Promise<ReissueStepResult>,
  options: { signal?: AbortSignal; onStep?: (entry: MailboxEntry, result: ReissueStepResult) => void } = {},
): Promise<ReissueSummary> {
  const summary: ReissueSummary = {
    clientId: plan.clientId,
    total: plan.mailboxes.length,
    reissued: [],
    failed: [],
    skipped: [],
    notReached: [],
  };
  let stopped = false;
  for (const [index, entry] of plan.mailboxes.entries()) {
    const who = { path: entry.path, mailbox: entry.mailbox };
    if (stopped || options.signal?.aborted === true) {
      summary.notReached.push(who);
      continue;
    }
    const result = await reissueOne(entry, index);
    options.onStep?.(entry, result);
    if (result.ok) {
      summary.reissued.push(
        result.signedInAs === undefined ? who : { ...who, signedInAs: result.signedInAs },
      );
    } else if ('skipped' in result) {
      summary.skipped.push(who);
    } else if (result.code === 'cancelled') {
      stopped = true;
      summary.notReached.push(who);
    } else {
      summary.failed.push({ ...who, code: result.code, explanation: result.explanation });
    }
  }
  return summary;
}
