/**
 * The troubleshooting guide, rendered from the diagnose catalogue: every entry with its id, title, why, steps,
 * command and link, in one language. Generated, never hand-edited, so it cannot drift from what the CLI and the
 * wizard say (a unit test regenerates it and compares with the committed files).
 */
import { CATALOGUE, renderEntry } from '../electron/core/diagnose/index.js';
import type { CatalogueEntry, EntryKind } from '../electron/core/diagnose/index.js';
import type { Lang, Localized } from '../electron/core/i18n.js';

/** Where the generated files live, relative to the repository root. */
export const TROUBLESHOOTING_FILES: Readonly<Record<Lang, string>> = {
  en: 'docs/troubleshooting.en.md',
  ja: 'docs/troubleshooting.ja.md',
};

const HEADINGS: Readonly<Record<EntryKind, Localized>> = {
  entra: { en: 'Sign-in errors from Entra ID (AADSTS)', ja: 'Entra ID のサインイン エラー (AADSTS)' },
  oauth: { en: 'OAuth errors', ja: 'OAuth のエラー' },
  app: { en: 'This tool, the network and the INI file', ja: 'このツール、ネットワーク、INI ファイル' },
  mail: { en: 'Mail servers and the token check', ja: 'メール サーバーとトークンの確認' },
  google: { en: 'Google (Gmail, Google Workspace)', ja: 'Google (Gmail、Google Workspace)' },
  generic: { en: 'Anything else', ja: 'その他' },
};

const ORDER: readonly EntryKind[] = ['entra', 'oauth', 'app', 'mail', 'google', 'generic'];

const LABELS = {
  title: { en: 'Troubleshooting', ja: 'トラブルシューティング' },
  intro: {
    en: 'Every failure Refresh Token Wizard explains, as the desktop app and `rtw` show it. Find an entry by the diagnostic ID the tool prints (`Diagnostic ID: …`), by the AADSTS code, or by the server reply. Words in angle brackets (`<mailbox>`) stand for your own values, which the tool fills in.',
    ja: 'Refresh Token Wizard が説明するすべてのエラーの一覧です (デスクトップ アプリと `rtw` の表示と同じ内容)。ツールが表示する診断 ID (`診断 ID: …`)、AADSTS コード、またはサーバーの応答で探してください。山かっこ (`<mailbox>`) の部分は、ツールが実際の値で埋めます。',
  },
  generated: {
    en: 'Generated from `electron/core/diagnose/` by `npx tsx scripts/gen-troubleshooting.ts`; do not edit by hand.',
    ja: '`electron/core/diagnose/` から `npx tsx scripts/gen-troubleshooting.ts` で生成しています。手で編集しないでください。',
  },
  id: { en: 'Diagnostic ID', ja: '診断 ID' },
  reply: { en: 'Server reply, for example', ja: 'サーバーの応答の例' },
  why: { en: 'Why', ja: '原因' },
  steps: { en: 'How to fix', ja: '対処方法' },
  command: { en: 'Command', ja: 'コマンド' },
  docs: { en: 'More information', ja: '参考情報' },
  retry: { en: 'Trying again later may work.', ja: '時間をおいて再試行すると解決する場合があります。' },
} as const satisfies Record<string, Localized>;

function section(entry: CatalogueEntry, lang: Lang): string {
  const e = renderEntry(entry);
  const lines = [`### ${e.title[lang]}`, '', `${LABELS.id[lang]}: \`${entry.id}\``];
  if (entry.reply !== undefined)
    lines.push(
      '',
      `${LABELS.reply[lang]} (${entry.reply.protocol.toUpperCase()}):`,
      '',
      '```',
      entry.reply.example,
      '```',
    );
  lines.push('', `**${LABELS.why[lang]}:** ${e.why[lang]}`, '', `**${LABELS.steps[lang]}:**`, '');
  e.steps.forEach((step, i) => lines.push(`${i + 1}. ${step[lang]}`));
  if (e.command !== undefined)
    lines.push('', `**${LABELS.command[lang]}:**`, '', '```powershell', e.command, '```');
  if (e.retryable === true) lines.push('', LABELS.retry[lang]);
  if (e.docsUrl !== undefined) lines.push('', `${LABELS.docs[lang]}: <${e.docsUrl}>`);
  return lines.join('\n');
}

/** The whole guide in one language, as Markdown. */
export function renderTroubleshooting(lang: Lang): string {
  const parts = [`# ${LABELS.title[lang]}`, '', LABELS.intro[lang], '', `_${LABELS.generated[lang]}_`];
  for (const kind of ORDER) {
    const entries = CATALOGUE.filter((entry) => entry.kind === kind);
    if (entries.length === 0) continue;
    parts.push('', `## ${HEADINGS[kind][lang]}`);
    for (const entry of entries) parts.push('', section(entry, lang));
  }
  return `${parts.join('\n')}\n`;
}
