/** `rtw refresh FILE|FOLDER...`: redeem each token file's refresh token and write the rotated one back. */
import path from 'node:path';
import { DEFAULT_LOCK_WAIT_MS } from '../../core/token-file/index.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { createHttpsNetworkSession } from '../../core/transport/index.js';
import { findTokenFiles, refreshTokenFiles, summarizeRefresh } from '../../core/upkeep/index.js';
import type { RefreshEvent, RefreshOutcome } from '../../core/upkeep/index.js';
import { EXIT } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import {
  fileEventJson,
  manyFilesExitCode,
  printBackupFailed,
  printFileProblem,
} from '../shared/file-outcome.js';
import { networkOptions, writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { CLI_TEXT } from '../shared/messages.js';
import { UsageError, parseCommandLine } from '../shared/options.js';
import type { ParsedCommandLine } from '../shared/options.js';
import { REFRESH_OPTIONS } from './options.js';

export { refreshHelp } from './help.js';

const TEXT = {
  refreshed: {
    en: 'OK        {file}: refreshed the token of {mailbox} ({token}).',
    ja: 'OK        {file}: {mailbox} のトークンを更新しました ({token})。',
  },
  needsReissue: {
    en: 'RE-ISSUE  {file}: {title}. Run: {command}',
    ja: '要再発行  {file}: {title}。実行: {command}',
  },
  failed: { en: 'FAILED    {file}: {title}', ja: '失敗      {file}: {title}' },
  waiting: {
    en: 'Waiting for another run to finish with {file}…',
    ja: 'ほかの処理が {file} を使い終わるのを待っています…',
  },
  summary: {
    en: '{refreshed} refreshed, {needsReissue} to re-issue, {failed} failed.',
    ja: '更新 {refreshed} 件、要再発行 {needsReissue} 件、失敗 {failed} 件。',
  },
  noFiles: {
    en: 'No token file found: give INI files, or folders holding INI files with an [OAUTH2] RefreshToken.',
    ja: 'トークン ファイルが見つかりません。INI ファイルか、[OAUTH2] に RefreshToken がある INI ファイルを含むフォルダーを指定してください。',
  },
} as const satisfies Record<string, Localized>;

/** 0 when all were refreshed; a failure's own code wins over "needs re-issue", which wins over success. */
export function refreshExitCode(outcomes: readonly RefreshOutcome[]): ExitCode {
  return manyFilesExitCode(outcomes, 'needs-reissue');
}

function printHuman(outcome: RefreshOutcome, io: CliIo, lang: Lang): void {
  switch (outcome.status) {
    case 'refreshed':
      writeLine(
        io.stdout,
        format(TEXT.refreshed[lang], {
          file: outcome.file,
          mailbox: outcome.mailbox,
          token: outcome.refreshTokenMasked,
        }),
      );
      printBackupFailed(io, outcome, lang);
      return;
    case 'needs-reissue':
      printFileProblem(
        io,
        format(TEXT.needsReissue[lang], {
          file: outcome.file,
          title: outcome.explanation.title[lang],
          command: outcome.reissueCommand,
        }),
        outcome.explanation,
        lang,
      );
      return;
    case 'failed':
      printFileProblem(
        io,
        format(TEXT.failed[lang], { file: outcome.file, title: outcome.explanation.title[lang] }),
        outcome.explanation,
        lang,
      );
      return;
  }
}

/** Runs `rtw refresh` with the arguments after the command name. */
export async function refreshCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let parsed: ParsedCommandLine<typeof REFRESH_OPTIONS>;
  try {
    parsed = parseCommandLine(REFRESH_OPTIONS, args, lang, true);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // Unlike the other commands, refresh has always put its own messages in the "Run rtw --help" frame too (a
    // doubled full stop after --wait's): kept as it was, as the output of every command was when they became folders.
    writeLine(io.stderr, format(CLI_TEXT.badOption[lang], { message: error.message }));
    return EXIT.usage;
  }
  const { values, operands } = parsed;
  const json = values.json === true;
  const targets = operands.map((p) => path.resolve(io.cwd, p));
  // A scheduled run records itself and alerts (scheduled.ts) whatever happened, a folder found empty included.
  // Loaded only then: the alerts (their settings schema, the e-mail and OS log channels) would otherwise add
  // to the start-up of every plain `rtw refresh` (docs/benchmarks.md, figure 3).
  const finish = async (outcomes: RefreshOutcome[], code: ExitCode): Promise<ExitCode> => {
    if (values.scheduled !== true) return code;
    const { finishScheduled } = await import('./scheduled.js');
    await finishScheduled({ targets, outcomes, exitCode: code, lang }, io);
    return code;
  };
  const { files } = await findTokenFiles(targets);
  if (files.length === 0) {
    writeLine(io.stderr, TEXT.noFiles[lang]);
    return finish([], EXIT.usage);
  }
  const onEvent = (event: RefreshEvent): void => {
    if (event.type === 'waiting-for-lock' && !json)
      writeLine(io.stderr, format(TEXT.waiting[lang], { file: event.file }));
  };
  // Printed in the order the files were given, whichever answer came first.
  const onOutcome = (outcome: RefreshOutcome): void => {
    if (json) writeLine(io.stdout, JSON.stringify(fileEventJson(outcome, lang)));
    else printHuman(outcome, io, lang);
  };
  // One connection per authority (and per file at once), reused from file to file, closed when the run ends.
  const network = createHttpsNetworkSession(networkOptions(io));
  let outcomes: RefreshOutcome[];
  try {
    outcomes = await refreshTokenFiles(files, {
      createNetworkClient: () => network.client(),
      lock: { waitMs: values.wait === undefined ? DEFAULT_LOCK_WAIT_MS : values.wait * 1000 },
      onEvent,
      onOutcome,
      ...(values.parallel === undefined ? {} : { parallel: values.parallel }),
    });
  } finally {
    network.close();
  }
  const summary = summarizeRefresh(outcomes);
  const exitCode = refreshExitCode(outcomes);
  if (json) writeLine(io.stdout, JSON.stringify({ event: 'summary', ...summary, exitCode }));
  else writeLine(io.stdout, format(TEXT.summary[lang], { ...summary }));
  return finish(outcomes, exitCode);
}
