/**
 * The small page the redirect listener shows in the browser after sign-in: done, or what went wrong and the
 * fix. Both languages on one page, because the browser's language may not be the app's. Self-contained (no
 * external resources, so the page cannot leak anything through a Referer) and locked down by its own CSP.
 */
import { createHash } from 'node:crypto';
import type { Explanation } from '../diagnose/index.js';
import { LANGS, format } from '../i18n.js';
import type { Lang, Localized } from '../i18n.js';

/** What the page reports. */
export type PageOutcome =
  | { kind: 'done'; mailbox: string; file: string }
  | { kind: 'failed'; explanation: Explanation }
  | { kind: 'stale' }
  | { kind: 'duplicate' }
  | { kind: 'working' }
  /** The one-time start link was opened a second time: the attempt was stopped. */
  | { kind: 'start-used' };

const TEXT = {
  appName: { en: 'Refresh Token Wizard', ja: 'Refresh Token Wizard' },
  doneTitle: { en: 'Sign-in complete', ja: 'サインインが完了しました' },
  doneBody: {
    en: 'The refresh token for {mailbox} was saved to {file}. You can close this tab and return to Refresh Token Wizard.',
    ja: '{mailbox} のリフレッシュ トークンを {file} に保存しました。このタブを閉じて Refresh Token Wizard に戻ってください。',
  },
  failedTitle: { en: 'The token could not be obtained', ja: 'トークンを取得できませんでした' },
  fixHeading: { en: 'How to fix it', ja: '対処方法' },
  staleTitle: {
    en: 'This sign-in response is not for the current attempt',
    ja: 'このサインイン応答は現在の操作のものではありません',
  },
  staleBody: {
    en: 'It comes from an older or different sign-in (its state does not match), so it was ignored. Return to Refresh Token Wizard and use the sign-in page it opened most recently.',
    ja: '以前の、または別のサインインからの応答です (state が一致しません)。そのため無視しました。Refresh Token Wizard に戻り、最後に開いたサインイン ページを使ってください。',
  },
  duplicateTitle: { en: 'Sign-in was already received', ja: 'サインインはすでに受け付けました' },
  duplicateBody: {
    en: 'Refresh Token Wizard already has the response for this sign-in. Return to the app to see the result.',
    ja: 'このサインインの応答はすでに受け付けています。アプリに戻って結果を確認してください。',
  },
  startUsedTitle: {
    en: 'This sign-in link was already used',
    ja: 'このサインイン リンクはすでに使用されています',
  },
  startUsedBody: {
    en: 'Each sign-in link works once. It was opened before, perhaps by another program on this computer, so Refresh Token Wizard stopped this sign-in to be safe. Return to the app and start the sign-in again.',
    ja: 'サインイン リンクは 1 回だけ使えます。このリンクは以前に (この PC の別のプログラムによって) 開かれた可能性があるため、安全のためにこのサインインを中止しました。アプリに戻り、サインインをやり直してください。',
  },
  workingTitle: { en: 'Still working', ja: '処理中です' },
  workingBody: {
    en: 'Refresh Token Wizard is still saving the token. Return to the app to see the result.',
    ja: 'Refresh Token Wizard がトークンを保存しています。アプリに戻って結果を確認してください。',
  },
} as const satisfies Record<string, Localized>;

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Yu Gothic UI",Meiryo,sans-serif;margin:0;padding:2rem;line-height:1.6;color:#1b1b1b;background:#f6f7f9}
main{max-width:44rem;margin:0 auto}section{background:#fff;border-radius:10px;padding:1.25rem 1.5rem;margin:0 0 1rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.3rem;margin:0 0 .5rem}.ok h1{color:#0a7a2f}.bad h1{color:#b3261e}code{background:#eef0f3;padding:.1rem .3rem;border-radius:4px;word-break:break-all}
.brand{font-size:.85rem;color:#5f6368;margin:0 0 1rem}
@media (prefers-color-scheme:dark){body{color:#e8eaed;background:#202124}section{background:#2d2e31;box-shadow:none}code{background:#3c4043}.ok h1{color:#81c995}.bad h1{color:#f28b82}.brand{color:#9aa0a6}}`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** Security headers for every listener response; the CSP allows exactly our one inline style and nothing else. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function section(lang: Lang, cls: string, title: string, body: string): string {
  return `<section lang="${lang}" class="${cls}"><h1>${escapeHtml(title)}</h1>${body}</section>`;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

function outcomeSection(outcome: PageOutcome, lang: Lang): string {
  switch (outcome.kind) {
    case 'done':
      return section(lang, 'ok', TEXT.doneTitle[lang], paragraph(format(TEXT.doneBody[lang], outcome)));
    case 'failed': {
      const e = outcome.explanation;
      const steps = e.steps.map((s) => `<li>${escapeHtml(s[lang])}</li>`).join('');
      const command = e.command === undefined ? '' : `<p><code>${escapeHtml(e.command)}</code></p>`;
      const ids =
        e.raw === undefined
          ? ''
          : `<p><small>${escapeHtml(
              [
                e.raw.aadsts === undefined ? '' : `AADSTS${e.raw.aadsts}`,
                e.raw.traceId === undefined ? '' : `Trace ID: ${e.raw.traceId}`,
                e.raw.correlationId === undefined ? '' : `Correlation ID: ${e.raw.correlationId}`,
              ]
                .filter((s) => s !== '')
                .join(' · '),
            )}</small></p>`;
      return section(
        lang,
        'bad',
        `${TEXT.failedTitle[lang]}: ${e.title[lang]}`,
        `${paragraph(e.why[lang])}<h2>${escapeHtml(TEXT.fixHeading[lang])}</h2><ol>${steps}</ol>${command}${ids}`,
      );
    }
    case 'stale':
      return section(lang, 'bad', TEXT.staleTitle[lang], paragraph(TEXT.staleBody[lang]));
    case 'duplicate':
      return section(lang, 'bad', TEXT.duplicateTitle[lang], paragraph(TEXT.duplicateBody[lang]));
    case 'working':
      return section(lang, '', TEXT.workingTitle[lang], paragraph(TEXT.workingBody[lang]));
    case 'start-used':
      return section(lang, 'bad', TEXT.startUsedTitle[lang], paragraph(TEXT.startUsedBody[lang]));
  }
}

/** The whole HTML page for an outcome, in the preferred language first and the other one below it. */
export function renderPage(outcome: PageOutcome, preferred: Lang): string {
  const order = [preferred, ...LANGS.filter((l) => l !== preferred)];
  const title =
    outcome.kind === 'done'
      ? TEXT.doneTitle[preferred]
      : outcome.kind === 'failed'
        ? TEXT.failedTitle[preferred]
        : TEXT.appName[preferred];
  return `<!doctype html><html lang="${preferred}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} - Refresh Token Wizard</title><style>${STYLE}</style></head><body><main><p class="brand">Refresh Token Wizard</p>${order.map((l) => outcomeSection(outcome, l)).join('')}</main></body></html>`;
}

/** Page strings, exported for the catalogue completeness test. */
export const BROWSER_PAGE_TEXT: Readonly<Record<string, Localized>> = TEXT;
