/**
 * Keeping existing token files alive: open one, read its health, check its token against the mail servers (one
 * check at a time, in the run state's check slot), refresh, and read it for a re-issue. Keeping it alive on a
 * schedule, and alerts, are keep-alive-operations.ts.
 */
import { checkTokenFile } from '../core/mail-check/index.js';
import {
  prefillFromTokenFile,
  readTokenHealth,
  recordSecretExpiry,
  refreshTokenFiles,
} from '../core/upkeep/index.js';
import type { WizardOperations } from '../shared/contract.js';
import { failure } from './results.js';
import type { ServiceContext } from './service-context.js';

export function upkeepOperations(
  ctx: ServiceContext,
): Pick<
  WizardOperations,
  | 'chooseTokenFile'
  | 'tokenHealth'
  | 'checkTokenFile'
  | 'refreshFiles'
  | 'readReissueFile'
  | 'setSecretExpiry'
> {
  const { platform, now } = ctx;
  return {
    async chooseTokenFile() {
      const chosen = await (platform.chooseTokenFile?.() ?? Promise.resolve(undefined));
      // The admin picked it in the host's own dialog: the window may name it from now on.
      if (chosen !== undefined) ctx.paths.allow(chosen);
      return chosen;
    },
    async tokenHealth({ path }) {
      try {
        return { ok: true, value: await readTokenHealth(path, now) };
      } catch (error) {
        return failure(error);
      }
    },
    async checkTokenFile({ file, protocols, sendTo }) {
      // One check at a time: a new one replaces the one the window no longer shows.
      const overrides = ctx.mailCheck;
      const report = await ctx.runs.startCheck((signal) =>
        checkTokenFile(
          file,
          {
            ...(protocols === undefined ? {} : { protocols }),
            ...(sendTo === undefined || sendTo.trim() === '' ? {} : { sendTo: sendTo.trim() }),
            ...(overrides.endpoints === undefined ? {} : { endpoints: overrides.endpoints }),
            ...(overrides.timeouts === undefined ? {} : { timeouts: overrides.timeouts }),
          },
          {
            network: ctx.createNetworkClient(),
            ...(overrides.extraCaPem === undefined ? {} : { extraCaPem: overrides.extraCaPem }),
            now,
            signal,
            onEvent: (event) => ctx.emit({ channel: 'check', file, event }),
            // The rotated refresh token is dropped: the file's token stays valid, and the check never writes.
          },
        ),
      );
      return { ok: true, value: report };
    },
    async refreshFiles({ paths }) {
      // No run state: a refresh holds no port, and the file's lock orders it with sign-ins and other refreshes.
      const outcomes = await refreshTokenFiles(paths, {
        createNetworkClient: () => ctx.createNetworkClient(),
        now,
      });
      for (const outcome of outcomes)
        await Promise.resolve()
          .then(() => ctx.mailboxes.registry().recordRefresh(outcome))
          .catch(() => undefined);
      return { ok: true, value: outcomes };
    },
    async readReissueFile({ path }) {
      try {
        const prefill = await prefillFromTokenFile(path);
        // The secret stays here: the renderer learns only that the file has one.
        const input = { ...prefill.input };
        delete input.clientSecret;
        return { ok: true, value: { ...prefill, input } };
      } catch (error) {
        return failure(error);
      }
    },
    async setSecretExpiry({ path, expiresAt }) {
      try {
        return { ok: true, value: await recordSecretExpiry(path, expiresAt) };
      } catch (error) {
        return failure(error);
      }
    },
  };
}
