/**
 * Sends the problems of a run to every configured channel, each problem at most once a day per channel
 * (alert-state.ts); `rtw alert test` sends regardless. A channel that fails is reported and does not stop the
 * others; it is tried again by the next run.
 */
import type { Lang } from '../i18n.js';
import type { CommandRunner } from '../command-runner.js';
import type { IdpNetworkClient, Transport } from '../transport/index.js';
import type { StepTimeouts } from '../mail-check/index.js';
import type { AlertSettings } from './alert-settings.js';
import { openAlertState } from './alert-state.js';
import type { AlertChannel, ChannelResult } from './channels.js';
import { postWebhook, sendAlertEmail, writeOsLog } from './channels.js';
import type { AlertProblem } from './problems.js';

/** What sending needs from the outside world. */
export interface AlertDeps {
  /** The app's data folder: the delivery memory lives there. */
  dataDir: string;
  now: () => Date;
  /** This machine's name, in every alert. */
  host: string;
  platform: NodeJS.Platform;
  /** Runs eventcreate / logger. */
  run: CommandRunner;
  /** The webhook's HTTPS transport. */
  transport: Transport;
  /** A network client for the identity provider (the e-mail's token). */
  createNetworkClient(): IdpNetworkClient;
  /** Extra CAs for the SMTP server. */
  extraCaPem?: string;
  mailTimeouts?: Partial<StepTimeouts>;
}

/** What was sent. */
export interface AlertReport {
  /** Problems found (sent or already sent today). */
  problems: number;
  channels: ChannelResult[];
}

/** Sends `problems` as `settings` say, in `lang` unless the settings name a language. */
export async function sendAlerts(
  problems: readonly AlertProblem[],
  settings: AlertSettings,
  options: {
    lang: Lang;
    /** Token files that may carry the e-mail (the run's refreshed files with SMTP), when no `via` is set. */
    mailCandidates?: readonly string[];
    /** Send even what was sent today (`rtw alert test`). */
    force?: boolean;
  },
  deps: AlertDeps,
): Promise<AlertReport> {
  const context = { lang: settings.lang ?? options.lang, host: deps.host };
  const state = openAlertState(deps.dataDir);
  const now = deps.now();
  const channels: ChannelResult[] = [];

  const deliver = async (
    channel: AlertChannel,
    send: (todo: AlertProblem[]) => Promise<ChannelResult>,
  ): Promise<void> => {
    const keys = problems.map((p) => p.key);
    const unsent = options.force === true ? new Set(keys) : await state.unsent(channel, keys, now);
    const todo = problems.filter((p) => unsent.has(p.key));
    if (todo.length === 0) return;
    const result = await send(todo);
    channels.push(result);
    // The OS log may have written some lines and not others: only a complete delivery counts as sent.
    if (result.ok && options.force !== true)
      await state.markSent(
        channel,
        todo.map((p) => p.key),
        now,
      );
  };

  if (problems.length > 0) {
    const { webhook, email } = settings;
    if (webhook !== undefined)
      await deliver('webhook', (todo) => postWebhook(webhook, todo, context, deps.transport));
    if (email !== undefined)
      await deliver('email', (todo) =>
        sendAlertEmail(email, options.mailCandidates ?? [], todo, context, {
          createNetworkClient: () => deps.createNetworkClient(),
          ...(deps.extraCaPem === undefined ? {} : { extraCaPem: deps.extraCaPem }),
          ...(deps.mailTimeouts === undefined ? {} : { timeouts: deps.mailTimeouts }),
        }),
      );
    if (settings.osLog === true)
      await deliver('os-log', (todo) =>
        writeOsLog(todo, context, { run: deps.run, platform: deps.platform }),
      );
  }
  return { problems: problems.length, channels };
}
