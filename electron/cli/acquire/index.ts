/** `rtw acquire`: sign in and write the INI file, with human progress on stderr or JSON events on stdout. */
import path from 'node:path';
import open from 'open';
import { explainError, formatExplanation } from '../../core/diagnose/index.js';
import { RtwError } from '../../core/errors.js';
import { format } from '../../core/i18n.js';
import type { Lang } from '../../core/i18n.js';
import {
  DEFAULT_OUT_FILE,
  preflight,
  runAcquisition,
  runDeviceCodeAcquisition,
  validateProfile,
} from '../../core/sign-in/index.js';
import type { ProfileInput } from '../../core/sign-in/index.js';
import { createHttpsNetworkClient } from '../../core/transport/index.js';
import { prefillFromTokenFile } from '../../core/upkeep/index.js';
import type { ReissuePrefill } from '../../core/upkeep/index.js';
import { EXIT, exitCodeFor } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { networkOptions, writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { UsageError, parseCommandLine, usageErrorText } from '../shared/options.js';
import type { OptionValues } from '../shared/options.js';
import { obtainSecret } from '../shared/secret.js';
import { ACQUIRE_TEXT } from './messages.js';
import { ACQUIRE_OPTIONS, optionOf } from './options.js';
import { createEventPrinter, eventJson } from './output.js';
import type { OutputContext } from './output.js';
import { mergePrefill } from './reissue.js';

export { acquireHelp } from './help.js';

/** Entra's device codes live 15 minutes: wait that long unless --timeout says otherwise. */
const DEVICE_CODE_TIMEOUT_SECONDS = 900;

/** Runs `rtw acquire` with the arguments after the command name. */
export async function acquireCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let values: OptionValues<typeof ACQUIRE_OPTIONS>;
  try {
    ({ values } = parseCommandLine(ACQUIRE_OPTIONS, args, lang));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLine(io.stderr, usageErrorText(error, lang));
    return EXIT.usage;
  }
  let input: ProfileInput = {
    clientId: values['client-id'],
    userId: values.user,
    tenant: values.tenant,
    cloud: values.cloud,
    authority: values.authority,
    protocols: values.protocols,
    redirectPort: values.port,
    redirectPath: values.path,
    outFile: path.resolve(io.cwd, values.out ?? values.from ?? DEFAULT_OUT_FILE),
    publicClient: values['public-client'] === true || values['device-code'] === true,
    timeoutSeconds:
      values.timeout ?? (values['device-code'] === true ? DEVICE_CODE_TIMEOUT_SECONDS : undefined),
    clientSecretExpiresAt: values['secret-expires'],
  };
  const json = values.json === true;
  const deviceCode = values['device-code'] === true;
  if (deviceCode && values['secret-stdin'] === true) {
    writeLine(io.stderr, ACQUIRE_TEXT.deviceCodeNoSecret[lang]);
    return EXIT.usage;
  }

  let prefill: ReissuePrefill | undefined;
  if (values.from !== undefined) {
    try {
      prefill = await prefillFromTokenFile(path.resolve(io.cwd, values.from));
    } catch (error) {
      const code = RtwError.is(error) ? error.code : 'unexpected';
      const explanation = explainError(error);
      if (json) writeLine(io.stdout, JSON.stringify(eventJson({ type: 'failed', code, explanation }, lang)));
      else writeLine(io.stderr, formatExplanation(explanation, lang));
      return exitCodeFor(code);
    }
    input = mergePrefill(prefill.input, input, input.publicClient === true);
    if (!json) {
      writeLine(
        io.stderr,
        format(ACQUIRE_TEXT.prefilled[lang], {
          file: input.outFile ?? '',
          userId: input.userId ?? '?',
          tenant: input.tenant ?? input.authority ?? 'common',
          clientId: input.clientId ?? '?',
        }),
      );
    }
  }

  if (!input.publicClient) {
    const keepable = prefill?.input.clientSecret;
    const given = await obtainSecret(io, {
      fromStdin: values['secret-stdin'] === true,
      lang,
      ...(keepable === undefined ? {} : { prompt: ACQUIRE_TEXT.secretPromptKeep[lang] }),
    });
    const secret = given ?? keepable;
    if (secret === undefined) {
      writeLine(io.stderr, ACQUIRE_TEXT.secretNeeded[lang]);
      return EXIT.usage;
    }
    input.clientSecret = secret;
    // A recorded expiry belongs to the file's secret: keep it with that secret, clear it ('') for a new one.
    if (prefill !== undefined && input.clientSecretExpiresAt === undefined) {
      input.clientSecretExpiresAt = secret === keepable ? (prefill.secretExpiresAt ?? undefined) : '';
    }
  }

  const validation = validateProfile(input);
  if (!validation.ok) {
    if (json) {
      for (const issue of validation.issues) {
        writeLine(
          io.stdout,
          JSON.stringify({ event: 'invalid', field: issue.field, message: issue.message[lang] }),
        );
      }
    }
    writeLine(io.stderr, ACQUIRE_TEXT.invalidInput[lang]);
    for (const issue of validation.issues)
      writeLine(io.stderr, `  --${optionOf(issue.field)}: ${issue.message[lang]}`);
    return EXIT.usage;
  }
  const profile = validation.profile;

  // The combinations that cannot sign in (a personal mailbox with a work tenant…) are caught here, before a port
  // is opened or a code shown. The redirect port is left to the session, which reports a busy one with exit 7.
  const report = await preflight(input, { checkPort: false });
  const blocking = report.findings.filter((f) => f.severity === 'error');
  if (blocking.length > 0) {
    if (json) {
      for (const finding of blocking)
        writeLine(
          io.stdout,
          JSON.stringify({
            event: 'invalid',
            id: finding.id,
            field: finding.field,
            message: finding.message[lang],
          }),
        );
    }
    writeLine(io.stderr, ACQUIRE_TEXT.preflightFailed[lang]);
    for (const finding of blocking)
      writeLine(
        io.stderr,
        `  ${finding.field === undefined ? '' : `--${optionOf(finding.field)}: `}${finding.message[lang]}`,
      );
    return EXIT.usage;
  }

  // Without a secret the INI's ClientSecret is empty: say what that means, once (device code says it with the code).
  const noteCtx: OutputContext = {
    publicClient: profile.clientSecret === undefined,
    writtenNote:
      profile.clientSecret === undefined
        ? deviceCode
          ? ACQUIRE_TEXT.deviceCodeNote
          : ACQUIRE_TEXT.publicClientNote
        : undefined,
    humanNoteOnWritten: profile.clientSecret === undefined && !deviceCode,
  };
  const onEvent = createEventPrinter(io, lang, { json, userId: profile.userId, ...noteCtx });

  const network = createHttpsNetworkClient(networkOptions(io));
  const result = deviceCode
    ? await runDeviceCodeAcquisition(profile, {
        network,
        onEvent,
        signal: io.signal,
        ...(io.clock === undefined ? {} : { clock: io.clock }),
      })
    : await runAcquisition(profile, {
        ...(io.clock === undefined ? {} : { clock: io.clock }),
        network,
        openBrowser:
          values['no-browser'] === true
            ? undefined
            : async (url) => {
                await open(url, { wait: false });
              },
        onEvent,
        lang,
        signal: io.signal,
      });
  if (
    !result.ok &&
    !json &&
    (RtwError.is(result.error, 'port-busy') || RtwError.is(result.error, 'listener-failed'))
  ) {
    // The explanation serves the wizard too; here the fix is an option of this very command.
    const params = result.error.params as { port: number; suggestedPort?: number };
    const port = params.suggestedPort ?? (params.port < 1024 ? 8001 : params.port + 1);
    writeLine(io.stderr, format(ACQUIRE_TEXT.portHint[lang], { port }));
  }
  return result.ok ? EXIT.ok : exitCodeFor(result.code);
}
