/**
 * Checks on what a rendered screen shows, shared by the renderer tests: axe-core's violations, and the texts
 * that are neither catalogue text of the current language nor data (the rule visible-text.test.tsx states).
 */
import axe from 'axe-core';
import type { Lang } from '../../electron/core/i18n.js';
import { VALIDATION_MESSAGES } from '../../electron/core/sign-in/validation-messages.js';
import { CATALOGUE, ENDONYMS } from '../../renderer/i18n/catalogue.js';

/** axe-core's violations on the whole document (colour contrast is left to the design review: jsdom has no CSS). */
export async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** `s` as a literal inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every catalogue and validation-message template of `lang` as an anchored pattern, each `{placeholder}`
 * standing for any text. Templates made only of placeholders would match anything, so they are left out.
 */
function templateMatchers(lang: Lang): RegExp[] {
  const templates = [...Object.values(CATALOGUE), ...Object.values(VALIDATION_MESSAGES)].map((text) =>
    text[lang].trim(),
  );
  return templates
    .filter((template) => template.replace(/\{\w+\}/g, '').trim() !== '')
    .map(
      (template) =>
        new RegExp(
          `^${template
            .split(/\{\w+\}/)
            .map(escapeRegExp)
            .join('[\\s\\S]+?')}$`,
        ),
    );
}

/** What the screen shows: text nodes, accessible names given as attributes, and the window title. */
function shownTexts(): string[] {
  const texts: string[] = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
    texts.push(node.textContent ?? '');
  for (const el of document.body.querySelectorAll('[aria-label]'))
    texts.push(el.getAttribute('aria-label') ?? '');
  return texts.map((s) => s.trim()).filter((s) => s !== '');
}

/** Shown texts that are neither catalogue text of `lang` nor data (step numbers count as data). */
export function strayTexts(lang: Lang, data: readonly string[]): string[] {
  const matchers = templateMatchers(lang);
  const values = new Set([...data, ...Object.values(ENDONYMS)]);
  return shownTexts().filter(
    (text) => !values.has(text) && !/^\d+$/.test(text) && !matchers.some((m) => m.test(text)),
  );
}
