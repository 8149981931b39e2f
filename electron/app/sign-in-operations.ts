/**
 * Signing in, one at a time: a new token (browser or device code) or a re-issue of a file, their cancel, and what
 * the form asks before (the output file's plan, a free port).
 */
import { RtwError } from '../core/errors.js';
import { DEFAULT_PROVIDER, isProviderId, providerOf } from '../core/providers/index.js';
import { findFreePort, preflight, validateProfile } from '../core/sign-in/index.js';
import type { Profile, ProfileInput } from '../core/sign-in/index.js';
import { oauth2ValuesFor, planTokenFileWrite } from '../core/token-file/index.js';
import type { WizardOperations } from '../shared/contract.js';
import { reissueProfileInput } from './reissue-input.js';
import { rememberedSecretFor } from './remembered-secret.js';
import { failure, invalidInput } from './results.js';
import type { ServiceContext } from './service-context.js';
import { browserSession, deviceCodeSession, signInLaunch } from './sign-in-run.js';
import type { Session } from './sign-in-run.js';

const PLANNED_REFRESH_TOKEN = '(the new refresh token)';

/** Entra's device codes live 15 minutes: a device code sign-in waits that long unless told otherwise (as the CLI). */
export const DEVICE_CODE_TIMEOUT_SECONDS = 900;

type Started = Awaited<ReturnType<WizardOperations['startAcquisition']>>;

export function signInOperations(
  ctx: ServiceContext,
): Pick<
  WizardOperations,
  | 'startAcquisition'
  | 'startDeviceCode'
  | 'startReissue'
  | 'cancelAcquisition'
  | 'planOutputFile'
  | 'suggestPort'
> {
  /**
   * Starts one acquisition of either flow; one at a time (the port, the browser tab or the code belong to it):
   * whatever holds the sign-in (another acquisition, a "re-issue all" walk) is stopped first and its port released.
   */
  const begin = async (profile: Profile, rememberSecret: boolean, session: Session): Promise<Started> => {
    await ctx.runs.startSignIn(signInLaunch(ctx, profile, rememberSecret, session));
    return { ok: true, value: { started: true } };
  };

  /** Validates and starts one browser acquisition (a new token or a re-issue). */
  const launch = async (input: ProfileInput, rememberSecret: boolean): Promise<Started> => {
    const { lang } = await ctx.language.current();
    const validation = validateProfile(input);
    if (!validation.ok) return invalidInput(validation.issues);
    return begin(validation.profile, rememberSecret, browserSession(ctx, validation.profile, lang));
  };

  /**
   * Validates and starts one device code acquisition: always a public client (no secret is sent or written),
   * after the pre-flight's offline checks as the CLI runs them (no port to check: none is opened).
   */
  const launchDeviceCode = async (input: ProfileInput): Promise<Started> => {
    // Google's device flow does not allow the mail scope: the UI offers none, and an API caller is told why.
    const providerName = (input.provider ?? '').trim().toLowerCase() || DEFAULT_PROVIDER;
    if (isProviderId(providerName) && providerOf(providerName).deviceCode === undefined)
      return failure(new RtwError('device-code-unsupported', { provider: providerName }));
    const deviceInput: ProfileInput = {
      ...input,
      publicClient: true,
      clientSecret: '',
      timeoutSeconds: input.timeoutSeconds ?? DEVICE_CODE_TIMEOUT_SECONDS,
    };
    // No secret, so no secret expiry: the written file records none (the admin's form may still hold one).
    delete deviceInput.clientSecretExpiresAt;
    const validation = validateProfile(deviceInput);
    if (!validation.ok) return invalidInput(validation.issues);
    const report = await preflight(deviceInput, { checkPort: false });
    const blocking = report.findings.filter((f) => f.severity === 'error');
    if (blocking.length > 0)
      return invalidInput(
        blocking.map((f) => ({
          field: f.field ?? 'tenant',
          key: `preflight.${f.id}` as const,
          message: f.message,
        })),
      );
    const profile = validation.profile;
    return begin(profile, false, deviceCodeSession(ctx, profile));
  };

  return {
    async startAcquisition({ rememberSecret, useRememberedSecret, ...input }) {
      if (useRememberedSecret !== true) return launch(input, rememberSecret === true);
      // The app's secret remembered for the token endpoint this form names, decrypted here; none (forgotten,
      // another OS user, or remembered for another tenant, cloud or host) leaves the field empty, which the
      // profile's validation explains.
      const remembered = await Promise.resolve()
        .then(() => rememberedSecretFor(ctx.mailboxes.registry(), input))
        .catch(() => undefined);
      return launch({ ...input, publicClient: false, clientSecret: remembered ?? '' }, false);
    },
    startDeviceCode(input) {
      return launchDeviceCode(input);
    },
    async startReissue({ path, changes, keepFileSecret, rememberSecret }) {
      try {
        return await launch(
          await reissueProfileInput(path, changes, keepFileSecret),
          rememberSecret === true,
        );
      } catch (error) {
        return failure(error);
      }
    },
    cancelAcquisition: () => ctx.runs.cancelSignIn(),
    async planOutputFile({ path, profile }) {
      try {
        const validation = profile === undefined ? undefined : validateProfile(profile);
        // The refresh token is unknown until sign-in, but it always changes: a value no file holds says so.
        const oauth2 =
          validation?.ok === true ? oauth2ValuesFor(validation.profile, PLANNED_REFRESH_TOKEN) : {};
        return { ok: true, value: await planTokenFileWrite(path, { oauth2 }) };
      } catch (error) {
        return failure(error);
      }
    },
    suggestPort: ({ from }) => findFreePort(from, 20),
  };
}
