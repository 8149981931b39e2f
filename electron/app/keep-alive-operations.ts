/**
 * Keep alive and alerts in the app: the schedule of some token files with this OS's own scheduler (the same
 * scheduler as `rtw schedule`, running the app's headless `refresh --scheduled`), and the alert settings every
 * scheduled run reads (the same alerts.json as `rtw alert`, in the app's data folder). The OS tools, the account
 * and how a schedule starts the app come from the host (`Platform.keepAliveHost`).
 *
 * A scheduler that refuses (schtasks' "Access is denied", no systemd and no cron) is not a failure of the
 * operation: the view comes back with the tool's own words as `problem`, and the rest as it is.
 */
import { findTokenFiles } from '../core/upkeep/index.js';
import {
  hasAlertChannel,
  loadAlertSettings,
  sendAlerts,
  testProblem,
  updateAlertSettings,
  viewOf,
  webhookFormatOf,
  webhookUrlProblem,
  WEBHOOK_URL_PROBLEMS,
} from '../core/alerts/index.js';
import type { AlertDeps, AlertSettings } from '../core/alerts/index.js';
import type { Localized } from '../core/i18n.js';
import {
  createScheduler,
  parseTimeOfDay,
  scheduleFailureText,
  scheduleIdOf,
  scheduleSpecOf,
} from '../core/schedule/index.js';
import type { BackendKind, ScheduleStatus, Scheduler } from '../core/schedule/index.js';
import type { KeepAliveView, WizardOperations } from '../shared/contract.js';
import type { KeepAliveHost } from './host.js';
import type { ServiceContext } from './service-context.js';

const TEXT = {
  noHost: {
    ja: 'この環境ではスケジュールも通知も設定できません。',
    en: 'Schedules and alerts cannot be set up here.',
  },
  badEmail: {
    ja: '通知先のメール アドレスが正しくありません。',
    en: 'The alert e-mail address is not valid.',
  },
  badWebhook: {
    ja: 'この Webhook の URL は使えません: {reason}。',
    en: 'The webhook URL is refused: {reason}.',
  },
  nothingConfigured: {
    ja: '通知の経路が設定されていません。Webhook、メール、OS のログのいずれかを設定してください。',
    en: 'No alert channel is set: set a webhook, an e-mail address or the OS log first.',
  },
} as const satisfies Record<string, Localized>;

/** The scheduler each OS would use, for a view when the OS cannot even be asked. */
function defaultBackend(platform: NodeJS.Platform): BackendKind {
  return platform === 'win32' ? 'windows-task' : platform === 'darwin' ? 'launchd' : 'systemd';
}

function viewOfStatus(status: ScheduleStatus, extraNotes: readonly Localized[] = []): KeepAliveView {
  const { schedule, os } = status;
  return {
    id: status.id,
    backend: status.backend,
    installed: status.installed,
    ...(schedule === undefined
      ? {}
      : {
          everyDays: schedule.everyDays,
          at: schedule.at,
          loggedOut: schedule.loggedOut,
          command: [schedule.program, ...schedule.args].join(' '),
        }),
    ...(os.nextRun === undefined ? {} : { nextRun: os.nextRun }),
    ...(os.lastRun === undefined ? {} : { lastRun: os.lastRun }),
    ...(status.lastRecorded === undefined ? {} : { lastRecorded: status.lastRecorded }),
    notes: [...status.notes, ...extraNotes],
  };
}

export function keepAliveOperations(
  ctx: ServiceContext,
): Pick<
  WizardOperations,
  'keepAliveStatus' | 'keepAliveAdd' | 'keepAliveRemove' | 'alertSettings' | 'setAlertSettings' | 'testAlerts'
> {
  const { platform } = ctx;
  const hostOf = (): { host: KeepAliveHost; dataDir: string } => {
    const host = platform.keepAliveHost?.();
    const dataDir = platform.userDataDir?.();
    if (host === undefined || dataDir === undefined) throw new Error(TEXT.noHost.en);
    return { host, dataDir };
  };
  const schedulerOf = (host: KeepAliveHost, dataDir: string): Scheduler =>
    createScheduler({
      platform: host.platform,
      run: host.run,
      env: host.env,
      home: host.home,
      user: host.user,
      uid: host.uid,
      now: ctx.now,
      dataDir,
    });

  /** Runs a scheduler step; a refusal becomes the view of what is there, with the tool's words. */
  const withScheduler = async (
    paths: string[],
    step: (scheduler: Scheduler, host: KeepAliveHost) => Promise<KeepAliveView>,
  ): Promise<{ ok: true; value: KeepAliveView }> => {
    const { host, dataDir } = hostOf();
    const scheduler = schedulerOf(host, dataDir);
    try {
      return { ok: true, value: await step(scheduler, host) };
    } catch (error) {
      const problem = scheduleFailureText(error);
      if (problem === undefined) throw error;
      let status: KeepAliveView;
      try {
        status = viewOfStatus(await scheduler.status(paths));
      } catch {
        status = {
          id: scheduleIdOf(paths, host.platform),
          backend: defaultBackend(host.platform),
          installed: false,
          notes: [],
        };
      }
      return { ok: true, value: { ...status, problem } };
    }
  };

  const alertDeps = (host: KeepAliveHost, dataDir: string): AlertDeps => ({
    dataDir,
    now: ctx.now,
    host: host.hostname,
    platform: host.platform,
    run: host.run,
    transport: host.transport,
    createNetworkClient: () => ctx.createNetworkClient(),
    ...(ctx.mailCheck.extraCaPem === undefined ? {} : { extraCaPem: ctx.mailCheck.extraCaPem }),
    ...(ctx.mailCheck.timeouts === undefined ? {} : { mailTimeouts: ctx.mailCheck.timeouts }),
  });

  return {
    keepAliveStatus: ({ paths }) =>
      withScheduler(paths, async (scheduler) => viewOfStatus(await scheduler.status(paths))),
    keepAliveAdd: ({ paths, everyDays, at, loggedOut }) =>
      withScheduler(paths, async (scheduler, host) => {
        const { lang } = await ctx.language.current();
        const launcher = host.launcher();
        // The IPC schema already holds `at` to HH:MM.
        const time = parseTimeOfDay(at);
        const spec = scheduleSpecOf({
          targets: paths,
          launcher: launcher.command,
          lang,
          everyDays,
          ...(time === undefined ? {} : { at: time }),
          loggedOut,
          platform: host.platform,
        });
        return viewOfStatus(await scheduler.add(spec), launcher.notes);
      }),
    keepAliveRemove: ({ paths }) =>
      withScheduler(paths, async (scheduler) => {
        await scheduler.remove(paths);
        return viewOfStatus(await scheduler.status(paths));
      }),

    async alertSettings() {
      const { dataDir } = hostOf();
      return { ok: true, value: { settings: viewOf(await loadAlertSettings(dataDir)) } };
    },
    async setAlertSettings(input) {
      const { dataDir } = hostOf();
      const refuse = async (problem: Localized) => ({
        ok: true as const,
        value: { settings: viewOf(await loadAlertSettings(dataDir)), problem },
      });
      const url = input.webhookUrl?.trim();
      if (url !== undefined) {
        const problem = webhookUrlProblem(url);
        if (problem !== undefined) {
          const reason = WEBHOOK_URL_PROBLEMS[problem];
          return refuse({
            ja: TEXT.badWebhook.ja.replace('{reason}', reason.ja),
            en: TEXT.badWebhook.en.replace('{reason}', reason.en),
          });
        }
      }
      const to = input.email?.to.trim();
      if (to !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to)) return refuse(TEXT.badEmail);
      const settings = await updateAlertSettings(dataDir, (current) => {
        const next: AlertSettings = { ...current };
        if (input.clearWebhook === true) delete next.webhook;
        if (url !== undefined) {
          const chosen = input.webhookFormat;
          next.webhook = {
            url,
            format: chosen === undefined || chosen === 'auto' ? webhookFormatOf(url) : chosen,
          };
        } else if (
          input.webhookFormat !== undefined &&
          input.webhookFormat !== 'auto' &&
          next.webhook !== undefined
        )
          next.webhook = { ...next.webhook, format: input.webhookFormat };
        if (input.clearEmail === true) delete next.email;
        if (to !== undefined) {
          next.email = {
            ...(next.email?.smtpHost === undefined ? {} : { smtpHost: next.email.smtpHost }),
            to,
            ...(input.email?.via === undefined ? {} : { via: input.email.via }),
          };
        }
        if (input.osLog !== undefined) next.osLog = input.osLog;
        if (input.lang === 'run') delete next.lang;
        else if (input.lang !== undefined) next.lang = input.lang;
        return next;
      });
      return { ok: true, value: { settings: viewOf(settings) } };
    },
    async testAlerts({ paths }) {
      const { host, dataDir } = hostOf();
      const settings = await loadAlertSettings(dataDir);
      if (!hasAlertChannel(settings))
        return { ok: true, value: { channels: [], problem: TEXT.nothingConfigured } };
      const { files } = await findTokenFiles(paths);
      const { lang } = await ctx.language.current();
      const deps = alertDeps(host, dataDir);
      const report = await sendAlerts(
        [testProblem(ctx.now())],
        settings,
        { lang, mailCandidates: files, force: true },
        deps,
      );
      return { ok: true, value: { channels: report.channels } };
    },
  };
}
