/**
 * "Re-issue all with this app" after a secret rotation: a walk over the app's listed mailboxes, one browser
 * sign-in per file in turn with the new secret, in the run state's sign-in slot; skip and cancel steer it.
 */
import { explainError } from '../core/diagnose/index.js';
import { RtwError } from '../core/errors.js';
import { validateProfile } from '../core/sign-in/index.js';
import type { ProfileInput } from '../core/sign-in/index.js';
import { endpointKey, reissueAll, tokenEndpointOfFile } from '../core/upkeep/index.js';
import type { MailboxRegistry, ReissueStepResult } from '../core/upkeep/index.js';
import type { WizardOperations } from '../shared/contract.js';
import { reissueProfileInput } from './reissue-input.js';
import { rememberedSecretFor } from './remembered-secret.js';
import { failure, invalidInput } from './results.js';
import type { SignInRun, StoppableRun } from './run-state.js';
import type { ServiceContext } from './service-context.js';
import { browserSession, signInLaunch } from './sign-in-run.js';

/** The new secret a walk signs in with. */
interface WalkSecret {
  /** The secret typed; undefined: each file's step recalls the one remembered for that file's token endpoint. */
  value: string | undefined;
  expiresAt?: string;
  redirectPort?: number;
}

export function reissueAllOperations(
  ctx: ServiceContext,
): Pick<WizardOperations, 'startReissueAll' | 'skipReissueAllStep' | 'cancelReissueAll'> {
  /** Re-issues one file of the walk with the new secret; the session's result reduced for the summary. */
  const reissueStep = async (
    path: string,
    secret: WalkSecret,
    walk: StoppableRun,
  ): Promise<ReissueStepResult> => {
    const cancelled = (): ReissueStepResult => ({
      ok: false,
      code: 'cancelled',
      explanation: explainError(new RtwError('cancelled', {})),
    });
    try {
      const changes: ProfileInput = {
        ...(secret.value === undefined ? {} : { clientSecret: secret.value }),
        publicClient: false,
        ...(secret.expiresAt === undefined ? {} : { clientSecretExpiresAt: secret.expiresAt }),
        ...(secret.redirectPort === undefined ? {} : { redirectPort: secret.redirectPort }),
      };
      const input = await reissueProfileInput(path, changes, false);
      // A remembered secret only for the endpoint it was remembered for (issue #15, item 8): a file naming
      // another is refused with the secret field's problem, and the admin types it.
      if (secret.value === undefined)
        input.clientSecret =
          (await rememberedSecretFor(ctx.mailboxes.registry(), input).catch(() => undefined)) ?? '';
      const validation = validateProfile(input);
      if (!validation.ok) {
        const { explanation } = invalidInput(validation.issues).error;
        return { ok: false, code: 'invalid-input', explanation };
      }
      const { lang } = await ctx.language.current();
      const { profile } = validation;
      const launch = signInLaunch(ctx, profile, false, browserSession(ctx, profile, lang));
      let step: SignInRun | undefined;
      // Refused when the walk was stopped meanwhile: no sign-in starts for a walk that has ended.
      const started = ctx.runs.startStep(walk, (run) => {
        step = run;
        return launch(run);
      });
      if (started === undefined) return cancelled();
      const outcome = await started;
      if (outcome.ok) return { ok: true, signedInAs: outcome.signedInAs };
      if (step?.skipped === true && !walk.controller.signal.aborted) return { ok: false, skipped: true };
      // Stopped from outside (cancel all, or another acquisition): the walk ends here.
      if (walk.controller.signal.aborted)
        return { ok: false, code: 'cancelled', explanation: outcome.explanation };
      return { ok: false, code: outcome.code, explanation: outcome.explanation };
    } catch (error) {
      return {
        ok: false,
        code: RtwError.is(error) ? error.code : 'unexpected',
        explanation: explainError(error),
      };
    }
  };

  return {
    async startReissueAll({
      clientId,
      newSecret,
      useRememberedSecret,
      secretExpiresAt,
      rememberSecret,
      redirectPort,
    }) {
      try {
        const registry = ctx.mailboxes.registry();
        const given = newSecret?.trim() ?? '';
        const fromMemory = given === '' && useRememberedSecret === true;
        // The secret's own checks below see a remembered one (each file's step recalls its endpoint's own).
        const value = fromMemory ? ((await anyRememberedSecret(registry, clientId)) ?? '') : given;
        const expiresAt = given === '' ? undefined : secretExpiresAt?.trim() || undefined;
        // The secret's own checks (a secret ID instead of its Value…), as the wizard's form makes them.
        const check = validateProfile({
          clientId,
          clientSecret: value,
          ...(expiresAt === undefined ? {} : { clientSecretExpiresAt: expiresAt }),
        });
        const secretIssues = check.ok
          ? []
          : check.issues.filter((i) => i.field === 'clientSecret' || i.field === 'clientSecretExpiresAt');
        if (secretIssues.length > 0) return invalidInput(secretIssues);
        const plan = await registry.reissuePlan(clientId);
        const secret: WalkSecret = {
          value: fromMemory ? undefined : value,
          ...(expiresAt === undefined ? {} : { expiresAt }),
          ...(redirectPort === undefined ? {} : { redirectPort }),
        };
        const remembered = new Set<string>();
        const total = plan.mailboxes.length;
        await ctx.runs.startWalk((walk) =>
          reissueAll(
            plan,
            async (entry, index) => {
              ctx.emit({
                channel: 'reissue-all',
                event: { type: 'step', index, total, path: entry.path, userId: entry.mailbox },
              });
              const result = await reissueStep(entry.path, secret, walk);
              // Remembered once a sign-in has shown the secret works, for the endpoint that sign-in sent it to.
              if (result.ok && rememberSecret === true && given !== '') {
                const endpoint = await tokenEndpointOfFile(entry.path);
                if (endpoint !== undefined && !remembered.has(endpointKey(endpoint))) {
                  remembered.add(endpointKey(endpoint));
                  await registry.rememberSecret(clientId, endpoint, value).catch(() => undefined);
                }
              }
              return result;
            },
            { signal: walk.controller.signal },
          ).then((summary) => ctx.emit({ channel: 'reissue-all', event: { type: 'done', summary } })),
        );
        return { ok: true, value: { total } };
      } catch (error) {
        return failure(error);
      }
    },
    skipReissueAllStep: () => ctx.runs.skipStep(),
    cancelReissueAll: () => ctx.runs.cancelWalk(),
  };
}

/** One of the app's remembered secrets (for the secret's own checks before the walk), if any can be read here. */
async function anyRememberedSecret(registry: MailboxRegistry, clientId: string): Promise<string | undefined> {
  for (const endpoint of await registry.secretEndpoints(clientId)) {
    const secret = await registry.recallSecret(clientId, endpoint);
    if (secret !== undefined) return secret;
  }
  return undefined;
}
