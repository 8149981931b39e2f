/** `rtw schedule add|status|remove FILE|FOLDER...`: keep token files alive with this computer's own scheduler. */
import path from 'node:path';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import {
  BACKEND_NAMES,
  createScheduler,
  scheduleFailureText,
  scheduleIdOf,
  scheduleSpecOf,
  timeText,
} from '../../core/schedule/index.js';
import type { ScheduleStatus } from '../../core/schedule/index.js';
import { EXIT } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { schedulerDepsOf } from '../shared/machine.js';
import { UsageError, parseCommandLine, usageErrorText } from '../shared/options.js';
import type { ParsedCommandLine } from '../shared/options.js';
import { SCHEDULE_OPTIONS } from './options.js';

export { scheduleHelp } from './help.js';

const ACTIONS = ['add', 'status', 'remove'] as const;
type Action = (typeof ACTIONS)[number];

const TEXT = {
  usage: {
    en: 'rtw schedule add|status|remove FILE|FOLDER...',
    ja: 'rtw schedule add|status|remove ファイル|フォルダー...',
  },
  added: {
    en: 'Scheduled: every {every} day(s) at {at}, with the {backend} ({location}).',
    ja: 'スケジュールを設定しました: {every} 日ごと {at} に実行 ({backend}、{location})。',
  },
  removed: { en: 'Removed the schedule {id}.', ja: 'スケジュール {id} を削除しました。' },
  noneToRemove: {
    en: 'There was no schedule for these files.',
    ja: 'これらのファイルのスケジュールはありません。',
  },
  header: { en: 'Schedule {id} ({backend}): {state}', ja: 'スケジュール {id} ({backend}): {state}' },
  installed: { en: 'set up', ja: '設定済み' },
  notInstalled: { en: 'not set up (rtw schedule add …)', ja: '未設定 (rtw schedule add …)' },
  files: { en: 'Files', ja: 'ファイル' },
  every: { en: 'Every', ja: '間隔' },
  everyValue: {
    en: '{every} day(s) at {at}; while signed out: {loggedOut}',
    ja: '{every} 日ごと {at}、サインアウト中も実行: {loggedOut}',
  },
  yes: { en: 'yes', ja: 'する' },
  no: { en: 'no', ja: 'しない' },
  runs: { en: 'Runs', ja: '実行するもの' },
  nextRun: { en: 'Next run', ja: '次回の実行' },
  osLastRun: { en: 'Last run (OS)', ja: '前回の実行 (OS)' },
  recorded: { en: 'Last run (recorded)', ja: '前回の実行 (記録)' },
  exit: { en: 'exit code {code}', ja: '終了コード {code}' },
  recordedValue: {
    en: '{at}, exit code {code}: {refreshed} refreshed, {needsReissue} to re-issue, {failed} failed',
    ja: '{at}、終了コード {code}: 更新 {refreshed} 件、要再発行 {needsReissue} 件、失敗 {failed} 件',
  },
  never: { en: 'not yet', ja: 'まだありません' },
  state: { en: 'State', ja: '状態' },
  note: { en: 'Note', ja: '注意' },
  noSelf: {
    en: 'Cannot tell how to start this program again: run rtw schedule from the installed app or the rtw command.',
    ja: 'このプログラムを起動し直す方法がわかりません。インストールしたアプリか rtw コマンドから実行してください。',
  },
} as const satisfies Record<string, Localized>;

function localTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
}

/** A schedule's status as lines. */
function statusLines(status: ScheduleStatus, lang: Lang): string[] {
  const t = (key: keyof typeof TEXT, params: Record<string, string | number> = {}): string =>
    format(TEXT[key][lang], params);
  const lines = [
    t('header', {
      id: status.id,
      backend: BACKEND_NAMES[status.backend][lang],
      state: t(status.installed ? 'installed' : 'notInstalled'),
    }),
  ];
  const row = (label: keyof typeof TEXT, value: string): void => {
    lines.push(`  ${TEXT[label][lang]}: ${value}`);
  };
  const { schedule, os, lastRecorded } = status;
  if (schedule !== undefined) {
    row('files', schedule.targets.join(', '));
    row(
      'every',
      t('everyValue', {
        every: schedule.everyDays,
        at: schedule.at,
        loggedOut: t(schedule.loggedOut ? 'yes' : 'no'),
      }),
    );
    row('runs', [schedule.program, ...schedule.args].join(' '));
  }
  if (os.state !== undefined) row('state', os.state);
  if (os.nextRun !== undefined) row('nextRun', localTime(os.nextRun, lang));
  if (status.installed || os.lastRun !== undefined) {
    const last = os.lastRun;
    const parts = [
      ...(last?.at === undefined ? [] : [localTime(last.at, lang)]),
      ...(last?.exitCode === undefined ? [] : [t('exit', { code: last.exitCode })]),
    ];
    row('osLastRun', parts.length === 0 ? t('never') : parts.join(', '));
  }
  if (lastRecorded !== undefined)
    row(
      'recorded',
      t('recordedValue', {
        ...lastRecorded,
        at: localTime(lastRecorded.at, lang),
        code: lastRecorded.exitCode,
      }),
    );
  for (const note of status.notes) lines.push(`  ${TEXT.note[lang]}: ${note[lang]}`);
  return lines;
}

function statusJson(status: ScheduleStatus, lang: Lang): Record<string, unknown> {
  return { ...status, notes: status.notes.map((n) => n[lang]) };
}

/** Runs `rtw schedule` with the arguments after the command name. */
export async function scheduleCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let parsed: ParsedCommandLine<typeof SCHEDULE_OPTIONS>;
  try {
    parsed = parseCommandLine(SCHEDULE_OPTIONS, args, lang, (operands) => {
      const [action, ...targets] = operands;
      if (!ACTIONS.some((a) => a === action) || targets.length === 0)
        throw new UsageError(TEXT.usage[lang], true);
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLine(io.stderr, usageErrorText(error, lang));
    return EXIT.usage;
  }
  const { values, operands } = parsed;
  const [actionWord = '', ...given] = operands;
  const action = actionWord as Action;
  const targets = given.map((t) => path.resolve(io.cwd, t));
  const json = values.json === true;
  const scheduler = createScheduler(schedulerDepsOf(io));
  try {
    switch (action) {
      case 'add': {
        if (io.selfCommand === undefined || io.selfCommand.length === 0) {
          writeLine(io.stderr, TEXT.noSelf[lang]);
          return EXIT.unexpected;
        }
        const spec = scheduleSpecOf({
          targets,
          launcher: io.selfCommand,
          lang,
          ...(values.every === undefined ? {} : { everyDays: values.every }),
          ...(values.at === undefined ? {} : { at: values.at }),
          loggedOut: values['logged-out'] === true,
        });
        if (values['dry-run'] === true) {
          const { backend, files } = await scheduler.render(spec);
          if (json) writeLine(io.stdout, JSON.stringify({ id: spec.id, backend, files }));
          else
            for (const [name, text] of Object.entries(files)) {
              writeLine(io.stdout, `# ${name} (${BACKEND_NAMES[backend][lang]})`);
              writeLine(io.stdout, text.replace(/\r\n/g, '\n').trimEnd());
            }
          return EXIT.ok;
        }
        const status = await scheduler.add(spec);
        if (json) writeLine(io.stdout, JSON.stringify(statusJson(status, lang)));
        else {
          writeLine(
            io.stdout,
            format(TEXT.added[lang], {
              every: spec.everyDays,
              at: timeText(spec.at),
              backend: BACKEND_NAMES[status.backend][lang],
              location: status.schedule?.location ?? '',
            }),
          );
          for (const line of statusLines(status, lang)) writeLine(io.stdout, line);
        }
        return EXIT.ok;
      }
      case 'status': {
        const status = await scheduler.status(targets);
        if (json) writeLine(io.stdout, JSON.stringify(statusJson(status, lang)));
        else for (const line of statusLines(status, lang)) writeLine(io.stdout, line);
        return EXIT.ok;
      }
      case 'remove': {
        const id = scheduleIdOf(targets);
        const removed = await scheduler.remove(targets);
        if (json) writeLine(io.stdout, JSON.stringify({ id, removed }));
        else writeLine(io.stdout, removed ? format(TEXT.removed[lang], { id }) : TEXT.noneToRemove[lang]);
        return EXIT.ok;
      }
    }
  } catch (error) {
    const failure = scheduleFailureText(error);
    if (failure === undefined) throw error;
    const text = failure[lang];
    if (json) writeLine(io.stdout, JSON.stringify({ error: text }));
    writeLine(io.stderr, text);
    return EXIT.scheduler;
  }
}
