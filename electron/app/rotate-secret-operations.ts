/**
 * "Rotate secret" for one app of the mailboxes view: the core's rotation (electron/core/upkeep/rotate-secret.ts)
 * over the app's listed files, with no sign-in; the remembered secret replaced (or forgotten) as the admin chose.
 * Unlike "Re-issue all" it opens no browser and holds no port, so it takes no slot in the run state: each file's
 * lock orders it with sign-ins and refreshes of the same file.
 */
import {
  endpointKey,
  planSecretRotation,
  rotateClientSecret,
  summarizeRotation,
  tokenEndpointOfFile,
} from '../core/upkeep/index.js';
import type { MailboxRegistry, RotationOutcome } from '../core/upkeep/index.js';
import type { RememberedSecretChange, WizardOperations } from '../shared/contract.js';
import { failure, invalidInput } from './results.js';
import type { ServiceContext } from './service-context.js';

export function rotateSecretOperations(ctx: ServiceContext): Pick<WizardOperations, 'rotateSecret'> {
  return {
    async rotateSecret({ clientId, newSecret, secretExpiresAt, rememberSecret }) {
      try {
        const registry = ctx.mailboxes.registry();
        const listed = await registry.reissuePlan(clientId);
        const plan = await planSecretRotation(
          clientId,
          listed.mailboxes.map((m) => m.path),
        );
        const expiresAt = secretExpiresAt?.trim();
        const result = await rotateClientSecret(
          plan,
          { value: newSecret, ...(expiresAt === undefined || expiresAt === '' ? {} : { expiresAt }) },
          { createNetworkClient: () => ctx.createNetworkClient(), now: ctx.now },
        );
        switch (result.status) {
          case 'invalid-secret':
            return invalidInput(result.issues);
          case 'refused':
            return {
              ok: true,
              value: { status: 'refused', file: result.file, explanation: result.explanation },
            };
          case 'no-files':
            return { ok: true, value: { status: 'no-files', outcomes: result.outcomes } };
          case 'done': {
            for (const outcome of result.outcomes) await recordOutcome(registry, outcome);
            const rememberedSecret = await updateRememberedSecret(
              registry,
              clientId,
              newSecret.trim(),
              rememberSecret,
              result.verified,
              result.outcomes,
            );
            return {
              ok: true,
              value: {
                status: 'done',
                verified: result.verified,
                outcomes: result.outcomes,
                summary: summarizeRotation(result.outcomes),
                rememberedSecret,
              },
            };
          }
        }
      } catch (error) {
        return failure(error);
      }
    },
  };
}

/** The list shows how each file's last refresh went: a rotation refreshed it, or found it needing a sign-in. */
async function recordOutcome(registry: MailboxRegistry, outcome: RotationOutcome): Promise<void> {
  const recorded =
    outcome.status === 'rotated'
      ? { ...outcome, status: 'refreshed' as const }
      : outcome.status === 'needs-sign-in'
        ? { ...outcome, status: 'needs-reissue' as const }
        : undefined;
  // The list is a convenience: the files are written, which is what matters.
  if (recorded !== undefined) await registry.recordRefresh(recorded).catch(() => undefined);
}

/**
 * Replaces the remembered secret with the new one once a refresh has proven it, when asked to, for the token
 * endpoints of the files it was proven with (issue #15, item 8: a secret is recalled only for the endpoint it was
 * remembered for); forgets the remembered ones when asked not to keep one (the old secret, no longer in the files).
 */
async function updateRememberedSecret(
  registry: MailboxRegistry,
  clientId: string,
  secret: string,
  remember: boolean | undefined,
  proven: boolean,
  outcomes: readonly RotationOutcome[],
): Promise<RememberedSecretChange> {
  try {
    if (remember === true) {
      if (!proven) return 'unchanged';
      const endpoints = new Map<string, string>();
      for (const outcome of outcomes) {
        if (outcome.status !== 'rotated') continue;
        const endpoint = await tokenEndpointOfFile(outcome.file);
        if (endpoint !== undefined) endpoints.set(endpointKey(endpoint), endpoint);
      }
      if (endpoints.size === 0) return 'unchanged';
      // The old secret is gone from the files: wherever it was remembered, the new one takes its place.
      await registry.forgetSecret(clientId);
      for (const endpoint of endpoints.values()) {
        const remembered = await registry.rememberSecret(clientId, endpoint, secret);
        if (!remembered.ok) return 'encryption-unavailable';
      }
      return 'replaced';
    }
    if (remember === false && (await registry.hasSecret(clientId))) {
      await registry.forgetSecret(clientId);
      return 'forgotten';
    }
    return 'unchanged';
  } catch {
    return 'failed';
  }
}
