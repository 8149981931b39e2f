/**
 * An alert in words, in one language: the same facts for every channel — the machine, and per problem the file,
 * the mailbox, what happened, why, the fix step by step and the command — as plain text (e-mail, the OS log),
 * Slack's `{"text"}`, a Teams Workflows message with an Adaptive Card, or our own JSON for anything else.
 *
 * Teams: a Workflows webhook ("Post to a channel when a webhook request is received") iterates the body's
 * `attachments` and fails inside the flow, after answering 202, when there are none or a card lacks
 * `"type": "AdaptiveCard"`; so the card is minimal and always valid.
 * https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
 */
import { format } from '../i18n.js';
import type { Lang, Localized } from '../i18n.js';
import type { AlertProblem } from './problems.js';

const LABELS = {
  heading: {
    ja: 'Refresh Token Wizard ({host}): 対応が必要な問題が {count} 件あります',
    en: 'Refresh Token Wizard ({host}): {count} problem(s) need attention',
  },
  subject: {
    ja: '[Refresh Token Wizard] {host}: {first}',
    en: '[Refresh Token Wizard] {host}: {first}',
  },
  more: { ja: '{text} ほか {count} 件', en: '{text} and {count} more' },
  file: { ja: 'ファイル', en: 'File' },
  mailbox: { ja: 'メールボックス', en: 'Mailbox' },
  what: { ja: '発生したこと', en: 'What happened' },
  why: { ja: '理由', en: 'Why' },
  fix: { ja: '対処', en: 'Fix' },
  command: { ja: 'コマンド', en: 'Command' },
  footer: {
    ja: '同じ問題の通知は 1 日に 1 回です。通知の設定: rtw alert show',
    en: 'The same problem is alerted once a day. Alert settings: rtw alert show',
  },
} as const satisfies Record<string, Localized>;

/** What every rendering needs. */
export interface AlertContext {
  lang: Lang;
  /** The machine the run is on (a fleet has many). */
  host: string;
}

const none = (text: string): string => (text === '' ? '-' : text);

/** The heading line. */
export function alertHeading(problems: readonly AlertProblem[], context: AlertContext): string {
  return format(LABELS.heading[context.lang], { host: context.host, count: problems.length });
}

/** An e-mail subject: the machine and the first problem. */
export function alertSubject(problems: readonly AlertProblem[], context: AlertContext): string {
  const [first] = problems;
  const what = first === undefined ? '' : first.what[context.lang];
  const text =
    problems.length > 1
      ? format(LABELS.more[context.lang], { text: what, count: problems.length - 1 })
      : what;
  return format(LABELS.subject[context.lang], { host: context.host, first: text });
}

/** One problem as lines of text. */
export function problemLines(problem: AlertProblem, lang: Lang): string[] {
  const lines = [
    `${LABELS.file[lang]}: ${none(problem.file)}`,
    `${LABELS.mailbox[lang]}: ${none(problem.mailbox)}`,
    `${LABELS.what[lang]}: ${problem.what[lang]}`,
  ];
  if (problem.detail !== undefined) lines.push(`${LABELS.why[lang]}: ${problem.detail[lang]}`);
  if (problem.fix.length > 0) {
    lines.push(`${LABELS.fix[lang]}:`);
    problem.fix.forEach((step, i) => lines.push(`  ${i + 1}. ${step[lang]}`));
  }
  if (problem.command !== undefined) lines.push(`${LABELS.command[lang]}: ${problem.command}`);
  return lines;
}

/** The whole alert as plain text. */
export function alertText(problems: readonly AlertProblem[], context: AlertContext): string {
  const blocks = problems.map((p, i) =>
    [`[${i + 1}]`, ...problemLines(p, context.lang).map((l) => `    ${l}`)].join('\n'),
  );
  return [
    alertHeading(problems, context),
    '',
    ...blocks.flatMap((b) => [b, '']),
    LABELS.footer[context.lang],
    '',
  ].join('\n');
}

/** Slack's incoming webhook body. `&`, `<` and `>` are escaped as its formatting requires. */
export function slackPayload(problems: readonly AlertProblem[], context: AlertContext): { text: string } {
  const text = alertText(problems, context)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return { text };
}

/** A Teams Workflows message: one Adaptive Card (1.2) in `attachments`. */
export function teamsPayload(
  problems: readonly AlertProblem[],
  context: AlertContext,
): Record<string, unknown> {
  const { lang } = context;
  const body: Array<Record<string, unknown>> = [
    {
      type: 'TextBlock',
      text: alertHeading(problems, context),
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
  ];
  for (const problem of problems) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: problem.what[lang], weight: 'Bolder', wrap: true, color: 'Attention' },
        {
          type: 'FactSet',
          facts: [
            { title: LABELS.file[lang], value: none(problem.file) },
            { title: LABELS.mailbox[lang], value: none(problem.mailbox) },
            ...(problem.command === undefined
              ? []
              : [{ title: LABELS.command[lang], value: problem.command }]),
          ],
        },
        ...(problem.detail === undefined
          ? []
          : [{ type: 'TextBlock', text: problem.detail[lang], wrap: true }]),
        ...(problem.fix.length === 0
          ? []
          : [
              {
                type: 'TextBlock',
                // Adaptive Cards' Markdown: a numbered list, one step per line.
                text: problem.fix.map((step, i) => `${i + 1}. ${step[lang]}`).join('\n'),
                wrap: true,
              },
            ]),
      ],
    });
  }
  body.push({ type: 'TextBlock', text: LABELS.footer[lang], isSubtle: true, size: 'Small', wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.2',
          body,
        },
      },
    ],
  };
}

/** Our own JSON, for any other receiver: every field in the alert's language. */
export function jsonPayload(
  problems: readonly AlertProblem[],
  context: AlertContext,
): Record<string, unknown> {
  const { lang } = context;
  return {
    source: 'refresh-token-wizard',
    host: context.host,
    lang,
    heading: alertHeading(problems, context),
    problems: problems.map((p) => ({
      kind: p.kind,
      file: p.file,
      mailbox: p.mailbox,
      what: p.what[lang],
      ...(p.detail === undefined ? {} : { detail: p.detail[lang] }),
      fix: p.fix.map((step) => step[lang]),
      ...(p.command === undefined ? {} : { command: p.command }),
    })),
  };
}
