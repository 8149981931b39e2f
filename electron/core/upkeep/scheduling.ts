/**
 * Ready-to-paste schedules that run `rtw refresh` regularly: Windows Task Scheduler (`schtasks`), cron, and a
 * systemd timer with its service. Weekly by default: a refresh token lasts 90 days without use, so a weekly run
 * leaves a dozen chances to notice and fix a failure before a sender stops working.
 *
 * Every path is quoted for the shell or file format it ends up in, because token files live in folders such as
 * `C:\ProgramData\送信 システム\` or `/srv/mail sender/`: one missing quote and the task fails silently.
 */
import { RtwError } from '../errors.js';
import type { Lang, Localized } from '../i18n.js';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
/** A day of the week, as schtasks names it. */
export type Weekday = (typeof WEEKDAYS)[number];

/** What to schedule. */
export interface ScheduleOptions {
  /** Token files or folders of them (absolute paths: a scheduler's working folder is not yours). */
  files: readonly string[];
  /** The program and its fixed arguments, e.g. `['/usr/bin/node', '/opt/rtw/dist/cli/rtw.cjs']`. */
  command: readonly string[];
  /** Default weekly. */
  frequency?: 'weekly' | 'daily';
  /** Day of a weekly run; default Monday. */
  day?: Weekday;
  /** Local time `HH:MM`; default 03:17 (off the hour, when fewer jobs start). */
  time?: string;
  /** Output language of the runs' messages; default the scheduler's locale. */
  lang?: Lang;
  /** Task name (Windows) and unit name (systemd); default `Refresh Token Wizard` / `rtw-refresh`. */
  name?: string;
  /** systemd `User=`: the account that owns the token files (a refresh rewrites them as this user). */
  runAs?: string;
}

/** The Windows Task Scheduler command, pasted into cmd.exe. */
export interface WindowsSnippet {
  command: string;
  warnings: Localized[];
}

/** A crontab line (`crontab -e`). */
export interface CronSnippet {
  line: string;
  warnings: Localized[];
}

/** The systemd units, and a script that installs and starts them. */
export interface SystemdSnippet {
  serviceName: string;
  timerName: string;
  service: string;
  timer: string;
  install: string;
  warnings: Localized[];
}

/** All three. */
export interface ScheduleSnippets {
  windows: WindowsSnippet;
  cron: CronSnippet;
  systemd: SystemdSnippet;
}

/** schtasks refuses a /TR command line longer than this. */
export const SCHTASKS_TR_MAX = 261;

const WARN = {
  trTooLong: {
    ja: 'タスクのコマンド ラインが {length} 文字あり、schtasks の上限 (261 文字) を超えます。トークン ファイルを 1 つのフォルダーにまとめ、ファイルの代わりにそのフォルダーを指定してください。',
    en: 'The task command line is {length} characters, over the schtasks limit of 261. Put the token files in one folder and give the folder instead of the files.',
  },
  cmdSpecial: {
    ja: '{path} には cmd.exe で特別な意味を持つ文字 (% ^ & | < > !) が含まれるため、このコマンドは正しく貼り付けられません。フォルダー名を変えるか、タスク スケジューラの画面でタスクを作成してください。',
    en: '{path} contains characters cmd.exe treats specially (% ^ & | < > !), so this command cannot be pasted as is. Rename the folder, or create the task in the Task Scheduler window.',
  },
  notAbsolute: {
    ja: '{path} は絶対パスではありません。スケジューラは別のフォルダーで実行するため、絶対パスで指定してください。',
    en: '{path} is not an absolute path. Schedulers run in another folder: give the full path.',
  },
} as const satisfies Record<string, Localized>;

function warning(text: Localized, params: Record<string, string | number>): Localized {
  const fill = (t: string): string => t.replace(/\{(\w+)\}/g, (all, k: string) => String(params[k] ?? all));
  return { ja: fill(text.ja), en: fill(text.en) };
}

function checkOptions(options: ScheduleOptions): { time: [string, string]; day: Weekday; daily: boolean } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(options.time ?? '03:17');
  const bad: string[] = [];
  if (match === null) bad.push('time');
  if (options.files.length === 0) bad.push('files');
  if (options.command.length === 0) bad.push('command');
  // A line break or NUL cannot be quoted in any of the three formats; such a path is a mistake anyway.
  const hasControl = (p: string): boolean => [...p].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\x7f');
  if ([...options.files, ...options.command].some(hasControl)) bad.push('files');
  if (options.name !== undefined && !/^[\w .-]{1,64}$/.test(options.name)) bad.push('name');
  if (bad.length > 0) throw new RtwError('invalid-input', { fields: [...new Set(bad)].join(',') });
  return {
    time: [match?.[1] ?? '03', match?.[2] ?? '17'],
    day: options.day ?? 'MON',
    daily: options.frequency === 'daily',
  };
}

/** The argument list of the scheduled run, after the program. */
function refreshArgs(options: ScheduleOptions): { program: string; args: string[] } {
  const [program = '', ...fixed] = options.command;
  return {
    program,
    args: [
      ...fixed,
      'refresh',
      ...(options.lang === undefined ? [] : ['--lang', options.lang]),
      ...options.files,
    ],
  };
}

/**
 * Quotes one argument for a Windows program's command line (the MSVC runtime's rules, which node.exe and
 * schtasks.exe use): inside quotes, backslashes are literal except before a quote, where they are doubled.
 */
export function quoteWindowsArg(arg: string): string {
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes++;
      continue;
    }
    out += ch === '"' ? `${'\\'.repeat(backslashes * 2 + 1)}"` : `${'\\'.repeat(backslashes)}${ch}`;
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}

/** Quotes one argument for a POSIX shell: single quotes, with `'` written as `'\''`. */
export function quotePosixArg(arg: string): string {
  return /^[\w./:@+=,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Quotes one argument of a systemd `ExecStart=`: C-style escapes, `%` specifiers and `$` expansion disarmed. */
export function quoteSystemdArg(arg: string): string {
  const escaped = arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%').replace(/\$/g, '$$$$');
  return `"${escaped}"`;
}

const isWindowsAbsolute = (p: string): boolean => /^[A-Za-z]:[\\/]|^\\\\/.test(p);
const isPosixAbsolute = (p: string): boolean => p.startsWith('/');

function notAbsolute(paths: readonly string[], absolute: (p: string) => boolean): Localized[] {
  return paths.filter((p) => !absolute(p)).map((path) => warning(WARN.notAbsolute, { path }));
}

/** `schtasks /Create … /SC WEEKLY` for cmd.exe. */
export function windowsTaskSnippet(options: ScheduleOptions): WindowsSnippet {
  const { time, day, daily } = checkOptions(options);
  const { program, args } = refreshArgs(options);
  // The /TR value is itself a command line (program + arguments), passed to schtasks as one argument.
  const tr = [program, ...args].map((a) => (/^[\w.-]+$/.test(a) ? a : quoteWindowsArg(a))).join(' ');
  const schedule = daily ? '/SC DAILY' : `/SC WEEKLY /D ${day}`;
  const name = options.name ?? 'Refresh Token Wizard';
  const command = `schtasks /Create /TN ${quoteWindowsArg(name)} ${schedule} /ST ${time[0]}:${time[1]} /TR ${quoteWindowsArg(tr)} /F`;
  const warnings: Localized[] = [];
  if (tr.length > SCHTASKS_TR_MAX) warnings.push(warning(WARN.trTooLong, { length: tr.length }));
  for (const path of [program, ...options.files])
    if (/[%^&|<>!]/.test(path)) warnings.push(warning(WARN.cmdSpecial, { path }));
  warnings.push(...notAbsolute([program, ...options.files], isWindowsAbsolute));
  return { command, warnings };
}

/** A crontab line. */
export function cronSnippet(options: ScheduleOptions): CronSnippet {
  const { time, day, daily } = checkOptions(options);
  const { program, args } = refreshArgs(options);
  const dow = daily ? '*' : String((WEEKDAYS.indexOf(day) + 1) % 7);
  // cron turns an unescaped % into a line break even inside quotes; it removes the backslash before passing it on.
  const commandLine = [program, ...args].map(quotePosixArg).join(' ').replace(/%/g, '\\%');
  const line = `${Number(time[1])} ${Number(time[0])} * * ${dow} ${commandLine}`;
  return { line, warnings: notAbsolute([program, ...options.files], isPosixAbsolute) };
}

const SYSTEMD_DAYS: Readonly<Record<Weekday, string>> = {
  MON: 'Mon',
  TUE: 'Tue',
  WED: 'Wed',
  THU: 'Thu',
  FRI: 'Fri',
  SAT: 'Sat',
  SUN: 'Sun',
};

/** A systemd service and timer, with the shell script that installs and starts them. */
export function systemdSnippet(options: ScheduleOptions): SystemdSnippet {
  const { time, day, daily } = checkOptions(options);
  const { program, args } = refreshArgs(options);
  const base = (options.name ?? 'rtw-refresh').replace(/[^\w.-]+/g, '-');
  const serviceName = `${base}.service`;
  const timerName = `${base}.timer`;
  const service = [
    '[Unit]',
    'Description=Refresh Token Wizard: refresh OAuth2 refresh tokens before they expire',
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    'Type=oneshot',
    options.runAs === undefined
      ? '# User=  (the account that owns the token files: a refresh rewrites them as this user)'
      : `User=${options.runAs}`,
    `ExecStart=${[program, ...args].map(quoteSystemdArg).join(' ')}`,
    '',
  ].join('\n');
  const calendar = `${daily ? '' : `${SYSTEMD_DAYS[day]} `}*-*-* ${time[0]}:${time[1]}:00`;
  const timer = [
    '[Unit]',
    `Description=Run ${serviceName} ${daily ? 'daily' : 'weekly'}`,
    '',
    '[Timer]',
    `OnCalendar=${calendar}`,
    // A machine that was off at that time runs the refresh at the next boot instead of skipping a week.
    'Persistent=true',
    'RandomizedDelaySec=15min',
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
  // Quoted here-documents: the shell expands nothing inside, so the units are written byte for byte.
  const install = [
    `sudo tee /etc/systemd/system/${serviceName} > /dev/null <<'EOF'`,
    service.trimEnd(),
    'EOF',
    `sudo tee /etc/systemd/system/${timerName} > /dev/null <<'EOF'`,
    timer.trimEnd(),
    'EOF',
    'sudo systemctl daemon-reload',
    `sudo systemctl enable --now ${timerName}`,
    '',
  ].join('\n');
  return {
    serviceName,
    timerName,
    service,
    timer,
    install,
    warnings: notAbsolute([program, ...options.files], isPosixAbsolute),
  };
}

/** The three snippets for the same files and command. */
export function scheduleSnippets(options: ScheduleOptions): ScheduleSnippets {
  return {
    windows: windowsTaskSnippet(options),
    cron: cronSnippet(options),
    systemd: systemdSnippet(options),
  };
}
