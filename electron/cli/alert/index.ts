/** `rtw alert set|show|test|clear`: who hears about a token in trouble, configured once for every scheduled run. */
import path from 'node:path';
import {
  ALERT_SETTINGS_FILE,
  SECRET_ALERT_DAYS,
  TOKEN_ALERT_DAYS,
  WEBHOOK_URL_PROBLEMS,
  hasAlertChannel,
  loadAlertSettings,
  sendAlerts,
  testProblem,
  updateAlertSettings,
  viewOf,
  webhookFormatOf,
  webhookUrlProblem,
} from '../../core/alerts/index.js';
import type { AlertSettings } from '../../core/alerts/index.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { findTokenFiles } from '../../core/upkeep/index.js';
import { printAlertReport } from '../shared/alert-report.js';
import { EXIT } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { alertDepsOf, dataDirOf } from '../shared/machine.js';
import { UsageError, parseCommandLine, usageErrorText } from '../shared/options.js';
import type { ParsedCommandLine } from '../shared/options.js';
import { WEBHOOK_VARIABLE, obtainSecret } from '../shared/secret.js';
import { ALERT_OPTIONS } from './options.js';

export { alertHelp } from './help.js';

const ACTIONS = ['set', 'show', 'test', 'clear'] as const;
type Action = (typeof ACTIONS)[number];

const TEXT = {
  usage: { en: 'rtw alert set|show|test|clear', ja: 'rtw alert set|show|test|clear' },
  prompt: { en: 'Webhook URL (input hidden): ', ja: 'Webhook の URL (入力は表示されません): ' },
  noWebhook: {
    en: 'No webhook URL: set RTW_WEBHOOK_URL, pipe it with --webhook-stdin, or type it at the prompt.',
    ja: 'Webhook の URL がありません。RTW_WEBHOOK_URL に設定するか、--webhook-stdin で渡すか、入力してください。',
  },
  badWebhook: {
    en: 'The webhook URL is refused: {reason}.',
    ja: 'この Webhook の URL は使えません: {reason}。',
  },
  'not-a-url': { en: 'it is not a URL', ja: 'URL ではありません' },
  'not-https': {
    en: 'it must start with https:// (the URL is the key, and plain http would show it to the network)',
    ja: 'https:// で始まる必要があります (URL が鍵であり、http ではネットワーク上で読まれます)',
  },
  'user-info': {
    en: 'it must not hold a user name or password',
    ja: 'ユーザー名やパスワードを含められません',
  },
  badEmail: {
    en: '--email takes an e-mail address, not "{value}".',
    ja: '--email にはメール アドレスを指定してください (「{value}」は使えません)。',
  },
  nothingToSet: {
    en: 'Nothing to set: give --webhook, --email, --os-log or --alert-lang (rtw alert --help).',
    ja: '設定する項目がありません。--webhook、--email、--os-log、--alert-lang のいずれかを指定してください (rtw alert --help)。',
  },
  viaNoEmail: {
    en: '--via and --smtp-host belong to the e-mail: give --email too (or set it first).',
    ja: '--via と --smtp-host はメールの設定です。--email も指定してください (または先に設定してください)。',
  },
  saved: { en: 'Alert settings saved in {file}.', ja: '通知の設定を {file} に保存しました。' },
  cleared: { en: 'Alert settings cleared ({what}).', ja: '通知の設定を削除しました ({what})。' },
  everything: { en: 'everything', ja: 'すべて' },
  title: { en: 'Alerts (settings: {file})', ja: '通知 (設定ファイル: {file})' },
  webhook: { en: 'Webhook', ja: 'Webhook' },
  email: { en: 'E-mail', ja: 'メール' },
  emailValue: { en: '{to}, sent through {via}', ja: '{to} (送信元: {via})' },
  anyMailbox: {
    en: 'a mailbox the run refreshed, with SMTP',
    ja: '実行で更新した、SMTP を使えるメールボックス',
  },
  osLog: { en: 'OS log', ja: 'OS のログ' },
  on: { en: 'on', ja: '有効' },
  off: { en: 'off', ja: '無効' },
  none: { en: '(not set)', ja: '(未設定)' },
  language: { en: 'Language', ja: '言語' },
  eachRun: { en: "each run's", ja: '各実行の言語' },
  when: {
    en: 'When: a scheduled refresh fails; a token is within {token} days of its limit; a client secret is within {secret} days of its recorded expiry. Each problem once a day.',
    ja: '通知する場合: 定期更新の失敗、期限まで {token} 日以内のトークン、記録された有効期限まで {secret} 日以内のクライアント シークレット。同じ問題は 1 日 1 回。',
  },
  nothingConfigured: {
    en: 'No alert channel is set: rtw alert set --webhook | --email ADDR | --os-log',
    ja: '通知の経路が設定されていません: rtw alert set --webhook | --email アドレス | --os-log',
  },
} as const satisfies Record<string, Localized>;

/** Runs `rtw alert` with the arguments after the command name. */
export async function alertCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let parsed: ParsedCommandLine<typeof ALERT_OPTIONS>;
  try {
    parsed = parseCommandLine(ALERT_OPTIONS, args, lang, (operands) => {
      const [action, ...rest] = operands;
      if (!ACTIONS.some((a) => a === action) || (action !== 'test' && rest.length > 0))
        throw new UsageError(TEXT.usage[lang], true);
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLine(io.stderr, usageErrorText(error, lang));
    return EXIT.usage;
  }
  const [action = '', ...files] = parsed.operands;
  const dir = dataDirOf(io);
  switch (action as Action) {
    case 'set':
      return set(parsed, io, lang, dir);
    case 'show':
      return show(parsed.values.json === true, io, lang, dir);
    case 'test':
      return test(files, parsed.values.json === true, io, lang, dir);
    case 'clear':
      return clear(parsed, io, lang, dir);
  }
}

async function set(
  { values }: ParsedCommandLine<typeof ALERT_OPTIONS>,
  io: CliIo,
  lang: Lang,
  dir: string,
): Promise<ExitCode> {
  const usage = (text: string): ExitCode => {
    writeLine(io.stderr, text);
    return EXIT.usage;
  };
  let webhook: AlertSettings['webhook'];
  if (values.webhook === true || values['webhook-stdin'] === true) {
    const url = (
      await obtainSecret(io, {
        fromStdin: values['webhook-stdin'] === true,
        lang,
        prompt: TEXT.prompt[lang],
        envName: WEBHOOK_VARIABLE,
      })
    )?.trim();
    if (url === undefined || url === '') return usage(TEXT.noWebhook[lang]);
    const problem = webhookUrlProblem(url);
    // The reason only: the refused URL is not echoed back.
    if (problem !== undefined)
      return usage(format(TEXT.badWebhook[lang], { reason: WEBHOOK_URL_PROBLEMS[problem][lang] }));
    const chosen = values['webhook-format'];
    webhook = { url, format: chosen === undefined || chosen === 'auto' ? webhookFormatOf(url) : chosen };
  }
  const email = values.email?.trim();
  if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    return usage(format(TEXT.badEmail[lang], { value: email }));
  const current = await loadAlertSettings(dir);
  if (
    (values.via !== undefined || values['smtp-host'] !== undefined) &&
    email === undefined &&
    current.email === undefined
  )
    return usage(TEXT.viaNoEmail[lang]);
  if (
    webhook === undefined &&
    email === undefined &&
    values.via === undefined &&
    values['smtp-host'] === undefined &&
    values['os-log'] !== true &&
    values['alert-lang'] === undefined
  )
    return usage(TEXT.nothingToSet[lang]);
  const smtpHost = values['smtp-host'];
  await updateAlertSettings(dir, (settings) => {
    const next: AlertSettings = { ...settings };
    if (webhook !== undefined) next.webhook = webhook;
    if (email !== undefined || values.via !== undefined || smtpHost !== undefined) {
      const base = next.email ?? { to: email ?? '' };
      next.email = {
        ...base,
        ...(email === undefined ? {} : { to: email }),
        ...(values.via === undefined ? {} : { via: path.resolve(io.cwd, values.via) }),
        ...(smtpHost === undefined ? {} : { smtpHost: `${smtpHost.host}:${smtpHost.port}` }),
      };
    }
    if (values['os-log'] === true) next.osLog = true;
    if (values['alert-lang'] !== undefined) next.lang = values['alert-lang'];
    return next;
  });
  writeLine(io.stdout, format(TEXT.saved[lang], { file: path.join(dir, ALERT_SETTINGS_FILE) }));
  return show(false, io, lang, dir);
}

async function show(json: boolean, io: CliIo, lang: Lang, dir: string): Promise<ExitCode> {
  const settings = await loadAlertSettings(dir);
  const view = viewOf(settings);
  if (json) {
    writeLine(io.stdout, JSON.stringify({ file: path.join(dir, ALERT_SETTINGS_FILE), ...view }));
    return EXIT.ok;
  }
  const t = TEXT;
  const lines = [
    format(t.title[lang], { file: path.join(dir, ALERT_SETTINGS_FILE) }),
    `  ${t.webhook[lang]}: ${view.webhook === undefined ? t.none[lang] : `${view.webhook.url} (${view.webhook.format})`}`,
    `  ${t.email[lang]}: ${
      view.email === undefined
        ? t.none[lang]
        : format(t.emailValue[lang], { to: view.email.to, via: view.email.via ?? t.anyMailbox[lang] }) +
          (view.email.smtpHost === undefined ? '' : ` [${view.email.smtpHost}]`)
    }`,
    `  ${t.osLog[lang]}: ${view.osLog ? t.on[lang] : t.off[lang]}`,
    `  ${t.language[lang]}: ${view.lang ?? t.eachRun[lang]}`,
    `  ${format(t.when[lang], { token: TOKEN_ALERT_DAYS, secret: SECRET_ALERT_DAYS })}`,
  ];
  for (const line of lines) writeLine(io.stdout, line);
  if (!hasAlertChannel(settings)) writeLine(io.stdout, t.nothingConfigured[lang]);
  return EXIT.ok;
}

async function test(
  operands: string[],
  json: boolean,
  io: CliIo,
  lang: Lang,
  dir: string,
): Promise<ExitCode> {
  const settings = await loadAlertSettings(dir);
  if (!hasAlertChannel(settings)) {
    writeLine(io.stderr, TEXT.nothingConfigured[lang]);
    return EXIT.usage;
  }
  const { files } = await findTokenFiles(operands.map((f) => path.resolve(io.cwd, f)));
  const deps = alertDepsOf(io);
  const report = await sendAlerts(
    [testProblem(deps.now())],
    settings,
    { lang, mailCandidates: files, force: true },
    deps,
  );
  if (json) writeLine(io.stdout, JSON.stringify(report));
  const ok = printAlertReport(report, io, lang);
  return ok ? EXIT.ok : EXIT.alert;
}

async function clear(
  { values }: ParsedCommandLine<typeof ALERT_OPTIONS>,
  io: CliIo,
  lang: Lang,
  dir: string,
): Promise<ExitCode> {
  const some = values.webhook === true || values['email-off'] === true || values['os-log'] === true;
  const what: string[] = [];
  await updateAlertSettings(dir, (settings) => {
    if (!some) return {};
    const next = { ...settings };
    if (values.webhook === true) {
      delete next.webhook;
      what.push('webhook');
    }
    if (values['email-off'] === true) {
      delete next.email;
      what.push('email');
    }
    if (values['os-log'] === true) {
      delete next.osLog;
      what.push('os-log');
    }
    return next;
  });
  writeLine(io.stdout, format(TEXT.cleared[lang], { what: some ? what.join(', ') : TEXT.everything[lang] }));
  return EXIT.ok;
}
