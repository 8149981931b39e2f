/**
 * The troubleshooting guide, rendered from the diagnose catalogue: every entry with its id, title, why, steps,
 * command and link, in one language. Generated, never hand-edited, so it cannot drift from what the CLI and the
 * wizard say (a unit test regenerates it and compares with the committed files).
 */
import { CATALOGUE, entryById, renderEntry } from '../electron/core/diagnose/index.js';
import type { CatalogueEntry, EntryKind } from '../electron/core/diagnose/index.js';
import { DESCRIBED_DETAILS, detailName, subjectName } from '../electron/core/diagnose/enhanced-status.js';
import type { Lang, Localized } from '../electron/core/i18n.js';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

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
  codes: { en: 'Every code this tool explains', ja: 'このツールが説明するコードの一覧' },
  codesIntro: {
    en: 'Find the code you got, then its diagnostic ID below. Codes Entra shows only in the browser (its own sign-in page) are explained by `rtw explain` and the box on the sign-in result page; an SMTP status code not listed by itself is read by its class, subject and detail (`smtp-enhanced-status`).',
    ja: '表示されたコードを探し、下の診断 ID の項を参照してください。Entra ID がブラウザー (自身のサインイン画面) にだけ表示するコードは、`rtw explain` とサインイン結果画面の入力欄で説明します。個別の行がない SMTP のステータス コードは、分類・主題・詳細から読み取ります (`smtp-enhanced-status`)。',
  },
  codeColumn: { en: 'Code', ja: 'コード' },
  sourceColumn: { en: 'From', ja: '発生元' },
  whenColumn: { en: 'When the reply says', ja: '応答の文言' },
  titleColumn: { en: 'What it means', ja: '意味' },
  idColumn: { en: 'Diagnostic ID', ja: '診断 ID' },
} as const satisfies Record<string, Localized>;

/** Where a code comes from, as the table names it. */
const SOURCES = {
  entra: { en: 'Entra ID', ja: 'Entra ID' },
  oauth: { en: 'OAuth error (RFC 6749)', ja: 'OAuth のエラー (RFC 6749)' },
  smtp: { en: 'SMTP server', ja: 'SMTP サーバー' },
  imap: { en: 'IMAP server', ja: 'IMAP サーバー' },
  pop: { en: 'POP server', ja: 'POP サーバー' },
  xoauth2: { en: 'XOAUTH2 error challenge', ja: 'XOAUTH2 のエラー チャレンジ' },
} as const satisfies Record<string, Localized>;

/** One row of the code table: a code, where it comes from, and the entry that explains it. */
export interface CodeRow {
  code: string;
  source: keyof typeof SOURCES;
  /** Phrases the reply must also hold (Exchange's wording); empty when the code alone decides. */
  when: readonly string[];
  title: Localized;
  id: string;
}

/** XOAUTH2 challenge entries by the status they explain. */
const CHALLENGE_STATUS: Readonly<Record<string, string>> = {
  'xoauth2-challenge-400': '400',
  'xoauth2-challenge-401': '401',
  'xoauth2-challenge-403': '403',
};

/** Every code the catalogue explains, in catalogue order, then the SMTP details read by their parts. */
export function explainedCodes(): CodeRow[] {
  const rows: CodeRow[] = [];
  for (const entry of CATALOGUE) {
    const title = renderEntry(entry).title;
    if (entry.aadsts !== undefined)
      rows.push({ code: `AADSTS${entry.aadsts}`, source: 'entra', when: [], title, id: entry.id });
    if (entry.oauthError !== undefined)
      rows.push({ code: entry.oauthError, source: 'oauth', when: [], title, id: entry.id });
    const reply = entry.reply;
    if (reply !== undefined) {
      const code = reply.status ?? (reply.responseCode === undefined ? '—' : `[${reply.responseCode}]`);
      rows.push({ code, source: reply.protocol, when: reply.phrases, title, id: entry.id });
    }
    const status = CHALLENGE_STATUS[entry.id];
    if (status !== undefined)
      rows.push({ code: `status ${status}`, source: 'xoauth2', when: [], title, id: entry.id });
  }
  // The registered details the fallback names, so a reader finds 5.2.2 as readily as 5.7.139.
  const listed = new Set(rows.filter((r) => r.source === 'smtp').map((r) => r.code));
  for (const key of DESCRIBED_DETAILS) {
    const [subject = '', detail = ''] = key.split('.');
    for (const statusClass of ['4', '5']) {
      const code = `${statusClass}.${subject}.${detail}`;
      if (listed.has(code)) continue;
      const subjectText = subjectName(Number(subject));
      const detailText = detailName(key);
      if (subjectText === undefined || detailText === undefined) continue;
      rows.push({
        code,
        source: 'smtp',
        when: [],
        title: {
          en: `${detailText.en} (${subjectText.en})`,
          ja: `${detailText.ja} (${subjectText.ja})`,
        },
        id: entryById('smtp-enhanced-status').id,
      });
    }
  }
  return rows;
}

/** Markdown table cells: pipes escaped, nothing else. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function codeTable(lang: Lang): string {
  const head = [
    LABELS.codeColumn,
    LABELS.sourceColumn,
    LABELS.whenColumn,
    LABELS.titleColumn,
    LABELS.idColumn,
  ];
  const lines = [`| ${head.map((h) => h[lang]).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const row of explainedCodes()) {
    const when = row.when.map((p) => `“${p}”`).join(', ');
    lines.push(
      `| \`${cell(row.code)}\` | ${SOURCES[row.source][lang]} | ${cell(when)} | ${cell(row.title[lang])} | \`${row.id}\` |`,
    );
  }
  return lines.join('\n');
}

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

/**
 * The whole guide in one language, as Markdown laid out by Prettier with the repository's settings: the code table
 * is aligned as `prettier --check .` wants it (column widths count East Asian characters double, which Prettier
 * knows and this file need not).
 */
export async function renderTroubleshooting(lang: Lang): Promise<string> {
  const file = resolve(import.meta.dirname, '..', TROUBLESHOOTING_FILES[lang]);
  const options = (await resolveConfig(file)) ?? {};
  return format(troubleshootingMarkdown(lang), { ...options, filepath: file });
}

/** The guide's Markdown before layout. */
function troubleshootingMarkdown(lang: Lang): string {
  const parts = [
    `# ${LABELS.title[lang]}`,
    '',
    LABELS.intro[lang],
    '',
    `_${LABELS.generated[lang]}_`,
    '',
    `## ${LABELS.codes[lang]}`,
    '',
    LABELS.codesIntro[lang],
    '',
    codeTable(lang),
  ];
  for (const kind of ORDER) {
    const entries = CATALOGUE.filter((entry) => entry.kind === kind);
    if (entries.length === 0) continue;
    parts.push('', `## ${HEADINGS[kind][lang]}`);
    for (const entry of entries) parts.push('', section(entry, lang));
  }
  return `${parts.join('\n')}\n`;
}
