/** `rtw refresh FILE|FOLDER...`: redeem each token file's refresh token and write the rotated one back. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatExplanation } from '../../core/diagnose/index.js';
import { DEFAULT_LOCK_WAIT_MS } from '../../core/token-file/index.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { createHttpsNetworkClient } from '../../core/transport/index.js';
import { findTokenFiles, refreshTokenFiles, summarizeRefresh } from '../../core/upkeep/index.js';
import type { RefreshEvent, RefreshOutcome } from '../../core/upkeep/index.js';
import { EXIT, exitCodeFor } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { explanationJson } from '../shared/explanation-json.js';
import { writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { CLI_TEXT } from '../shared/messages.js';

/** `rtw help` text of this command. */
export const REFRESH_HELP: Localized = {
  en: `rtw refresh FILE|FOLDER... [--json] [--wait SECONDS]
  Redeem each INI file's refresh token and write the new one back (atomically, the previous file kept as .bak),
  recording LastRefreshedAt. A folder means its *.ini files that hold an [OAUTH2] RefreshToken. Run it weekly
  (see docs/scheduling.en.md): a refresh token expires after 90 days without use.
  --json                  one JSON object per file, then a summary object, on stdout
  --wait SECONDS          how long to wait while another run holds a file (default 30), then report it busy
  Exit codes: 0 every token refreshed · 8 some need re-issuing (expired, revoked, secret expired: run
  rtw acquire --from FILE) · 9 a file was busy · otherwise the code of the first failure (4 network, 5 file…).`,
  ja: `rtw refresh ファイル|フォルダー... [--json] [--wait 秒]
  各 INI ファイルのリフレッシュ トークンを使って新しいトークンを取得し、ファイルに書き戻します (安全に置き換え、
  以前の内容は .bak に保存)。LastRefreshedAt も記録します。フォルダーを指定すると、その中の *.ini のうち
  [OAUTH2] に RefreshToken があるものが対象です。リフレッシュ トークンは 90 日間使われないと失効するため、
  毎週実行してください (docs/scheduling.ja.md)。
  --json                  ファイルごとに JSON を 1 行、最後に集計を 1 行、標準出力へ出す
  --wait 秒               ほかの処理がファイルを使用中のとき待つ時間 (既定 30)。過ぎたら「使用中」と報告
  終了コード: 0 すべて更新 · 8 再発行が必要なものがある (期限切れ、失効、シークレット期限切れ:
  rtw acquire --from ファイル を実行) · 9 使用中のファイルがある · それ以外は最初の失敗のコード (4 ネットワーク、5 ファイルなど)。`,
};

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

const OPTIONS = {
  json: { type: 'boolean' },
  wait: { type: 'string' },
  lang: { type: 'string' },
} as const;

/** 0 when all were refreshed; a failure's own code wins over "needs re-issue", which wins over success. */
export function refreshExitCode(outcomes: readonly RefreshOutcome[]): ExitCode {
  const failed = outcomes.find((o) => o.status === 'failed');
  if (failed !== undefined) return exitCodeFor(failed.code);
  return outcomes.some((o) => o.status === 'needs-reissue') ? EXIT.needsReissue : EXIT.ok;
}

function outcomeJson(outcome: RefreshOutcome, lang: Lang): Record<string, unknown> {
  if (outcome.status === 'refreshed') return { event: 'file', ...outcome };
  const { explanation, ...rest } = outcome;
  return { event: 'file', ...rest, explanation: explanationJson(explanation, lang) };
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
      return;
    case 'needs-reissue':
      writeLine(
        io.stdout,
        format(TEXT.needsReissue[lang], {
          file: outcome.file,
          title: outcome.explanation.title[lang],
          command: outcome.reissueCommand,
        }),
      );
      writeLine(io.stderr, formatExplanation(outcome.explanation, lang));
      return;
    case 'failed':
      writeLine(
        io.stdout,
        format(TEXT.failed[lang], { file: outcome.file, title: outcome.explanation.title[lang] }),
      );
      writeLine(io.stderr, formatExplanation(outcome.explanation, lang));
      return;
  }
}

/** Runs `rtw refresh` with the arguments after the command name. */
export async function refreshCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let values: { json?: boolean; wait?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true }));
    if (values.wait !== undefined && !/^\d+$/.test(values.wait))
      throw new Error(format(CLI_TEXT.notANumber[lang], { option: 'wait', value: values.wait }));
  } catch (error) {
    writeLine(io.stderr, format(CLI_TEXT.badOption[lang], { message: (error as Error).message }));
    return EXIT.usage;
  }
  const json = values.json === true;
  const { files } = await findTokenFiles(positionals.map((p) => path.resolve(io.cwd, p)));
  if (files.length === 0) {
    writeLine(io.stderr, TEXT.noFiles[lang]);
    return EXIT.usage;
  }
  const onEvent = (event: RefreshEvent): void => {
    if (event.type === 'waiting-for-lock' && !json)
      writeLine(io.stderr, format(TEXT.waiting[lang], { file: event.file }));
    if (event.type !== 'done') return;
    if (json) writeLine(io.stdout, JSON.stringify(outcomeJson(event.outcome, lang)));
    else printHuman(event.outcome, io, lang);
  };
  const outcomes = await refreshTokenFiles(files, {
    createNetworkClient: () => createHttpsNetworkClient(),
    lock: { waitMs: values.wait === undefined ? DEFAULT_LOCK_WAIT_MS : Number(values.wait) * 1000 },
    onEvent,
  });
  const summary = summarizeRefresh(outcomes);
  const exitCode = refreshExitCode(outcomes);
  if (json) writeLine(io.stdout, JSON.stringify({ event: 'summary', ...summary, exitCode }));
  else writeLine(io.stdout, format(TEXT.summary[lang], { ...summary }));
  return exitCode;
}
