/**
 * `rtw rotate-secret --client-id ID FILE|FOLDER...`: every token file of one app gets the app's new client secret,
 * with no sign-in (electron/core/upkeep/rotate-secret.ts says how and why).
 */
import path from 'node:path';
import { formatExplanation } from '../../core/diagnose/index.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import { DEFAULT_LOCK_WAIT_MS } from '../../core/token-file/index.js';
import { createHttpsNetworkSession } from '../../core/transport/index.js';
import {
  findTokenFiles,
  planSecretRotation,
  rotateClientSecret,
  summarizeRotation,
} from '../../core/upkeep/index.js';
import type { RotationOutcome, SecretRotationResult } from '../../core/upkeep/index.js';
import { EXIT, exitCodeFor } from '../shared/exit-codes.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { explanationJson } from '../shared/explanation-json.js';
import {
  fileEventJson,
  manyFilesExitCode,
  printBackupFailed,
  printFileProblem,
} from '../shared/file-outcome.js';
import { networkOptions, writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { UsageError, parseCommandLine, usageErrorText } from '../shared/options.js';
import type { ParsedCommandLine } from '../shared/options.js';
import { obtainSecret } from '../shared/secret.js';
import { ROTATE_SECRET_OPTIONS } from './options.js';

export { rotateSecretHelp } from './help.js';

const TEXT = {
  rotated: {
    en: 'ROTATED   {file}: {mailbox} uses the new secret; token refreshed ({token}).',
    ja: '更新済み  {file}: {mailbox} は新しいシークレットを使います。トークンも更新しました ({token})。',
  },
  signIn: {
    en: 'SIGN-IN   {file}: {title}. Run: {command}',
    ja: '要サインイン {file}: {title}。実行: {command}',
  },
  failed: { en: 'FAILED    {file}: {title}', ja: '失敗      {file}: {title}' },
  skippedOther: {
    en: 'SKIPPED   {file}: another app (client ID {clientId}).',
    ja: '対象外    {file}: ほかのアプリのファイルです (クライアント ID {clientId})。',
  },
  skippedPublic: {
    en: 'SKIPPED   {file}: a public client of this app (no secret in the file, none needed).',
    ja: '対象外    {file}: このアプリのパブリック クライアントです (シークレットを使わないファイル)。',
  },
  waiting: {
    en: 'Waiting for another run to finish with {file}…',
    ja: 'ほかの処理が {file} を使い終わるのを待っています…',
  },
  summary: {
    en: '{rotated} rotated, {needsSignIn} need a sign-in, {failed} failed, {skipped} skipped.',
    ja: '更新 {rotated} 件、要サインイン {needsSignIn} 件、失敗 {failed} 件、対象外 {skipped} 件。',
  },
  unproven: {
    en: 'No token could be refreshed, so the new secret is not proven and no file got it: each re-issue asks for it.',
    ja: 'どのトークンも更新できなかったため新しいシークレットは確認できず、どのファイルにも書き込んでいません。再発行のときに入力してください。',
  },
  refused: {
    en: 'The new secret was refused when refreshing {file}. No file was changed.',
    ja: '{file} の更新で新しいシークレットが拒否されました。どのファイルも変更していません。',
  },
  invalidSecret: {
    en: 'The new secret cannot be right. No file was changed:',
    ja: '新しいシークレットに誤りがあります。どのファイルも変更していません:',
  },
  clientIdNeeded: {
    en: '--client-id is required: the Application (client) ID of the app whose secret changed. Run rtw rotate-secret --help.',
    ja: '--client-id を指定してください (シークレットを変えたアプリのアプリケーション (クライアント) ID)。rtw rotate-secret --help を参照してください。',
  },
  noFiles: {
    en: 'No token file found: give INI files, or folders holding INI files with an [OAUTH2] RefreshToken.',
    ja: 'トークン ファイルが見つかりません。INI ファイルか、[OAUTH2] に RefreshToken がある INI ファイルを含むフォルダーを指定してください。',
  },
  noneOfApp: {
    en: 'None of these files belongs to the app {clientId}. No file was changed.',
    ja: 'アプリ {clientId} のファイルはありません。どのファイルも変更していません。',
  },
  secretNeeded: {
    en: 'No secret given: set RTW_CLIENT_SECRET, use --secret-stdin, or run in a terminal to be asked for it.',
    ja: 'シークレットがありません。RTW_CLIENT_SECRET を設定するか、--secret-stdin を使うか、端末で実行して入力してください。',
  },
  prompt: {
    en: 'New client secret Value (input hidden): ',
    ja: '新しいクライアント シークレットの値 (入力は表示されません): ',
  },
} as const satisfies Record<string, Localized>;

/** 0 when every file of the app was rotated; a failure's own code wins over "needs a sign-in", which wins over 0. */
export function rotationExitCode(outcomes: readonly RotationOutcome[]): ExitCode {
  return manyFilesExitCode(outcomes, 'needs-sign-in');
}

function printHuman(outcome: RotationOutcome, io: CliIo, lang: Lang): void {
  switch (outcome.status) {
    case 'rotated':
      writeLine(
        io.stdout,
        format(TEXT.rotated[lang], {
          file: outcome.file,
          mailbox: outcome.mailbox,
          token: outcome.refreshTokenMasked,
        }),
      );
      printBackupFailed(io, outcome, lang);
      return;
    case 'skipped':
      writeLine(
        io.stdout,
        outcome.reason === 'other-app'
          ? format(TEXT.skippedOther[lang], { file: outcome.file, clientId: outcome.clientId ?? '' })
          : format(TEXT.skippedPublic[lang], { file: outcome.file }),
      );
      return;
    case 'needs-sign-in':
      printFileProblem(
        io,
        format(TEXT.signIn[lang], {
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

/** Prints how the rotation ended (the files were printed as they came) and returns the exit code. */
function finish(
  result: SecretRotationResult,
  clientId: string,
  json: boolean,
  io: CliIo,
  lang: Lang,
): ExitCode {
  switch (result.status) {
    case 'invalid-secret':
      if (json)
        writeLine(
          io.stdout,
          JSON.stringify({
            event: 'invalid-secret',
            issues: result.issues.map((i) => ({ field: i.field, key: i.key, message: i.message[lang] })),
            exitCode: EXIT.usage,
          }),
        );
      else {
        writeLine(io.stderr, TEXT.invalidSecret[lang]);
        for (const issue of result.issues) writeLine(io.stderr, `  - ${issue.message[lang]}`);
      }
      return EXIT.usage;
    case 'no-files':
      if (json) writeLine(io.stdout, JSON.stringify({ event: 'no-files', clientId, exitCode: EXIT.usage }));
      else writeLine(io.stderr, format(TEXT.noneOfApp[lang], { clientId }));
      return EXIT.usage;
    case 'refused': {
      const exitCode = exitCodeFor(result.code);
      if (json)
        writeLine(
          io.stdout,
          JSON.stringify({
            event: 'refused',
            file: result.file,
            code: result.code,
            explanation: explanationJson(result.explanation, lang),
            exitCode,
          }),
        );
      else {
        writeLine(io.stderr, format(TEXT.refused[lang], { file: result.file }));
        writeLine(io.stderr, formatExplanation(result.explanation, lang));
      }
      return exitCode;
    }
    case 'done': {
      const summary = summarizeRotation(result.outcomes);
      const exitCode = rotationExitCode(result.outcomes);
      if (json)
        writeLine(
          io.stdout,
          JSON.stringify({ event: 'summary', ...summary, verified: result.verified, exitCode }),
        );
      else {
        if (!result.verified) writeLine(io.stderr, TEXT.unproven[lang]);
        writeLine(io.stdout, format(TEXT.summary[lang], { ...summary }));
      }
      return exitCode;
    }
  }
}

/** Runs `rtw rotate-secret` with the arguments after the command name. */
export async function rotateSecretCommand(args: string[], io: CliIo, lang: Lang): Promise<ExitCode> {
  let parsed: ParsedCommandLine<typeof ROTATE_SECRET_OPTIONS>;
  try {
    parsed = parseCommandLine(ROTATE_SECRET_OPTIONS, args, lang, true);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLine(io.stderr, usageErrorText(error, lang));
    return EXIT.usage;
  }
  const { values, operands } = parsed;
  const json = values.json === true;
  const clientId = values['client-id']?.trim() ?? '';
  if (clientId === '') {
    writeLine(io.stderr, TEXT.clientIdNeeded[lang]);
    return EXIT.usage;
  }
  const { files } = await findTokenFiles(operands.map((p) => path.resolve(io.cwd, p)));
  if (files.length === 0) {
    writeLine(io.stderr, TEXT.noFiles[lang]);
    return EXIT.usage;
  }
  const print = (outcome: RotationOutcome): void => {
    if (json) writeLine(io.stdout, JSON.stringify(fileEventJson(outcome, lang)));
    else printHuman(outcome, io, lang);
  };
  // Read first: nobody is asked for a secret for files none of which is the app's.
  const plan = await planSecretRotation(clientId, files);
  if (plan.candidates === 0) {
    for (const entry of plan.entries) if (entry.kind === 'decided') print(entry.outcome);
    return finish({ status: 'no-files', outcomes: [] }, clientId, json, io, lang);
  }
  const secret = await obtainSecret(io, {
    fromStdin: values['secret-stdin'] === true,
    lang,
    prompt: TEXT.prompt[lang],
  });
  if (secret === undefined || secret.trim() === '') {
    writeLine(io.stderr, TEXT.secretNeeded[lang]);
    return EXIT.usage;
  }
  // One connection per authority (and per file at once), reused from file to file, closed when the run ends.
  const network = createHttpsNetworkSession(networkOptions(io));
  let result: SecretRotationResult;
  try {
    result = await rotateClientSecret(
      plan,
      {
        value: secret,
        ...(values['secret-expires'] === undefined ? {} : { expiresAt: values['secret-expires'] }),
      },
      {
        createNetworkClient: () => network.client(),
        lock: { waitMs: values.wait === undefined ? DEFAULT_LOCK_WAIT_MS : values.wait * 1000 },
        onOutcome: print,
        onWaiting: (file) => {
          if (!json) writeLine(io.stderr, format(TEXT.waiting[lang], { file }));
        },
        ...(values.parallel === undefined ? {} : { parallel: values.parallel }),
      },
    );
  } finally {
    network.close();
  }
  return finish(result, clientId, json, io, lang);
}
