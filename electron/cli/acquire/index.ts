/** `rtw acquire`: sign in and write the INI file, with human progress on stderr or JSON events on stdout. */
import open from 'open';
import { explainError, formatExplanation } from '../../core/diagnose/index.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { createHttpsNetworkClient } from '../../core/transport/index.js';
import { DEFAULT_OUT_FILE, validateProfile } from '../../core/sign-in/index.js';
import { prefillFromTokenFile } from '../../core/upkeep/index.js';
import type { ReissuePrefill } from '../../core/upkeep/index.js';
import { RtwError } from '../../core/errors.js';
import type { ProfileInput } from '../../core/sign-in/index.js';
import { runDeviceCodeAcquisition } from '../../core/sign-in/index.js';
import type { DeviceCodeEvent } from '../../core/sign-in/index.js';
import { preflight } from '../../core/sign-in/index.js';
import { runAcquisition } from '../../core/sign-in/index.js';
import type { SessionEvent } from '../../core/sign-in/index.js';
import { EXIT, exitCodeFor } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { CLI_TEXT } from '../shared/messages.js';
import { UsageError, parseCommandLine, usageErrorText } from '../shared/options.js';
import type { OptionValues } from '../shared/options.js';
import { obtainSecret } from '../shared/secret.js';
import { ACQUIRE_OPTIONS } from './options.js';
import path from 'node:path';

export { acquireHelp } from './help.js';

/** Texts of re-issuing (`--from`), in both languages. */
const FROM_TEXT = {
  secretPromptKeep: {
    en: 'New client secret Value (input hidden; Enter keeps the one in the file): ',
    ja: '新しいクライアント シークレットの値 (入力は表示されません。Enter でファイルの値をそのまま使います): ',
  },
  prefilled: {
    en: 'Re-issuing from {file}: {userId}, tenant {tenant}, client ID {clientId}.',
    ja: '{file} から再発行します: {userId}、テナント {tenant}、クライアント ID {clientId}。',
  },
} as const satisfies Record<string, Localized>;

/** JSON mode prints `waiting` at the start and then every this many seconds, not every tick. */
const JSON_WAITING_EVERY_SECONDS = 30;

/** Entra's device codes live 15 minutes: wait that long unless --timeout says otherwise. */
const DEVICE_CODE_TIMEOUT_SECONDS = 900;

/** Every event `rtw acquire` may print, of either flow. */
type AcquireEvent = SessionEvent | DeviceCodeEvent;

/** What the output says about a missing secret. */
interface OutputContext {
  publicClient: boolean;
  /** The note the `written` JSON event carries. */
  writtenNote: Localized | undefined;
  /** Whether the human output repeats it after writing (device code said it with the code already). */
  humanNoteOnWritten: boolean;
}

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
    writeLine(io.stderr, CLI_TEXT.deviceCodeNoSecret[lang]);
    return EXIT.usage;
  }

  let prefill: ReissuePrefill | undefined;
  if (values.from !== undefined) {
    try {
      prefill = await prefillFromTokenFile(path.resolve(io.cwd, values.from));
    } catch (error) {
      const code = RtwError.is(error) ? error.code : 'unexpected';
      const explanation = explainError(error);
      if (json) writeLine(io.stdout, JSON.stringify(toJson({ type: 'failed', code, explanation }, lang)));
      else writeLine(io.stderr, formatExplanation(explanation, lang));
      return exitCodeFor(code);
    }
    input = mergePrefill(prefill.input, input, input.publicClient === true);
    if (!json) {
      writeLine(
        io.stderr,
        format(FROM_TEXT.prefilled[lang], {
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
      ...(keepable === undefined ? {} : { prompt: FROM_TEXT.secretPromptKeep[lang] }),
    });
    const secret = given ?? keepable;
    if (secret === undefined) {
      writeLine(io.stderr, CLI_TEXT.secretNeeded[lang]);
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
    writeLine(io.stderr, CLI_TEXT.invalidInput[lang]);
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
    writeLine(io.stderr, CLI_TEXT.preflightFailed[lang]);
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
          ? CLI_TEXT.deviceCodeNote
          : CLI_TEXT.publicClientNote
        : undefined,
    humanNoteOnWritten: profile.clientSecret === undefined && !deviceCode,
  };
  let lastJsonWaiting = Number.POSITIVE_INFINITY;
  const onEvent = (event: AcquireEvent): void => {
    if (json) {
      if (event.type === 'waiting' || event.type === 'polling') {
        if (
          lastJsonWaiting - event.secondsLeft < JSON_WAITING_EVERY_SECONDS &&
          lastJsonWaiting !== Number.POSITIVE_INFINITY
        )
          return;
        lastJsonWaiting = event.secondsLeft;
      }
      writeLine(io.stdout, JSON.stringify(toJson(event, lang, noteCtx)));
      return;
    }
    printHuman(event, io, lang, { userId: profile.userId, ...noteCtx });
  };

  const network = createHttpsNetworkClient({ env: io.env });
  const result = deviceCode
    ? await runDeviceCodeAcquisition(profile, { network, onEvent, signal: io.signal })
    : await runAcquisition(profile, {
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
    writeLine(io.stderr, format(CLI_TEXT.portHint[lang], { port }));
  }
  return result.ok ? EXIT.ok : exitCodeFor(result.code);
}

const FIELD_OPTIONS: Partial<Record<keyof ProfileInput, string>> = {
  clientId: 'client-id',
  userId: 'user',
  clientSecret: 'client-secret (RTW_CLIENT_SECRET)',
  publicClient: 'public-client',
  redirectPort: 'port',
  redirectPath: 'path',
  outFile: 'out',
  timeoutSeconds: 'timeout',
  clientSecretExpiresAt: 'secret-expires',
};

/**
 * The file's values with the command line's on top. A tenant or cloud given here replaces an authority taken
 * from the file (the sandbox or a private cloud), which would otherwise win over both.
 */
function mergePrefill(fromFile: ProfileInput, cli: ProfileInput, publicClientFlag: boolean): ProfileInput {
  const merged: ProfileInput = { ...fromFile };
  for (const [key, value] of Object.entries(cli) as Array<[keyof ProfileInput, unknown]>) {
    if (value !== undefined && key !== 'publicClient') Object.assign(merged, { [key]: value });
  }
  if ((cli.tenant !== undefined || cli.cloud !== undefined) && cli.authority === undefined)
    delete merged.authority;
  // The flag can only say "public"; without it the file decides (an empty secret we wrote means public).
  merged.publicClient = publicClientFlag || fromFile.publicClient === true;
  if (merged.publicClient) delete merged.clientSecret;
  return merged;
}

function optionOf(field: keyof ProfileInput): string {
  return FIELD_OPTIONS[field] ?? field;
}

/** The JSON form of an event: `event` names it; explanations and notes come in the chosen language. */
function toJson(
  event: AcquireEvent,
  lang: Lang,
  ctx: OutputContext = { publicClient: false, writtenNote: undefined, humanNoteOnWritten: false },
): Record<string, unknown> {
  const { type, ...rest } = event;
  if (event.type === 'device-code') return { event: type, ...rest, note: CLI_TEXT.deviceCodeNote[lang] };
  if (event.type === 'written')
    return {
      event: type,
      ...rest,
      publicClient: ctx.publicClient,
      ...(ctx.writtenNote === undefined ? {} : { note: ctx.writtenNote[lang] }),
    };
  if (event.type === 'failed') {
    const e = event.explanation;
    return {
      event: type,
      code: event.code,
      id: e.id,
      title: e.title[lang],
      why: e.why[lang],
      steps: e.steps.map((s) => s[lang]),
      ...(e.command === undefined ? {} : { command: e.command }),
      ...(e.raw === undefined ? {} : { raw: e.raw }),
    };
  }
  return { event: type, ...rest };
}

function minutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

let lastHumanWaiting = Number.POSITIVE_INFINITY;

/** The user code, set apart so it is found at a glance in a terminal full of text. */
function printDeviceCode(
  event: Extract<DeviceCodeEvent, { type: 'device-code' }>,
  io: CliIo,
  lang: Lang,
  userId: string,
): void {
  const t = CLI_TEXT;
  const rule = '='.repeat(Math.max(24, event.userCode.length + 16));
  writeLine(io.stderr);
  writeLine(io.stderr, rule);
  writeLine(io.stderr, format(t.deviceCodeOpen[lang], { uri: event.verificationUri }));
  writeLine(io.stderr);
  writeLine(io.stderr, `        ${event.userCode}`);
  writeLine(io.stderr);
  writeLine(io.stderr, format(t.deviceCodeWho[lang], { userId, time: minutes(event.expiresIn) }));
  writeLine(io.stderr, rule);
  if (event.message !== '') writeLine(io.stderr, format(t.deviceCodeEntra[lang], { message: event.message }));
  writeLine(io.stderr, t.deviceCodeNote[lang]);
  writeLine(io.stderr);
}

function printHuman(
  event: AcquireEvent,
  io: CliIo,
  lang: Lang,
  ctx: { userId: string } & OutputContext,
): void {
  const t = CLI_TEXT;
  switch (event.type) {
    case 'device-code':
      printDeviceCode(event, io, lang, ctx.userId);
      return;
    case 'polling':
      // A line a minute, as for `waiting`.
      if (lastHumanWaiting - event.secondsLeft >= 60 || lastHumanWaiting === Number.POSITIVE_INFINITY) {
        lastHumanWaiting = event.secondsLeft;
        writeLine(io.stderr, format(t.polling[lang], { time: minutes(event.secondsLeft) }));
      }
      return;
    case 'listening':
      writeLine(
        io.stderr,
        format(t.listening[lang], { redirectUri: event.redirectUri, addresses: event.addresses.join(', ') }),
      );
      return;
    case 'waiting':
      if (lastHumanWaiting === Number.POSITIVE_INFINITY) {
        writeLine(io.stderr, event.browserOpened ? t.browserOpened[lang] : t.openThisUrl[lang]);
        writeLine(io.stderr, `  ${event.authorizeUrl}`);
      }
      // A line a minute is enough in a terminal and keeps logs readable.
      if (lastHumanWaiting - event.secondsLeft >= 60 || lastHumanWaiting === Number.POSITIVE_INFINITY) {
        lastHumanWaiting = event.secondsLeft;
        writeLine(io.stderr, format(t.waiting[lang], { time: minutes(event.secondsLeft) }));
      }
      return;
    case 'exchanging':
      writeLine(io.stderr, t.exchanging[lang]);
      return;
    case 'written':
      writeLine(
        io.stderr,
        format(t.written[lang], { token: event.refreshTokenMasked, userId: event.userId, file: event.file }),
      );
      if (event.backupFile !== undefined)
        writeLine(io.stderr, format(t.backup[lang], { backup: event.backupFile }));
      if (event.signedInAs.toLowerCase() !== ctx.userId.toLowerCase()) {
        writeLine(
          io.stderr,
          format(t.signedInAs[lang], { signedInAs: event.signedInAs, userId: ctx.userId }),
        );
      }
      for (const w of event.warnings)
        writeLine(io.stderr, format(t.portability[lang], { keys: w.key, readers: w.readers.join(', ') }));
      if (ctx.humanNoteOnWritten && ctx.writtenNote !== undefined)
        writeLine(io.stderr, ctx.writtenNote[lang]);
      return;
    case 'failed':
      writeLine(io.stderr, formatExplanation(event.explanation, lang));
      return;
    case 'cancelled':
      writeLine(io.stderr, t.cancelled[lang]);
      return;
  }
}
