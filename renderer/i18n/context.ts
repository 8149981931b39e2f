/**
 * The current language for components, and the `t` function that reads the catalogue in it.
 */
import { createContext, useCallback, useContext } from 'react';
import { format } from '../../electron/core/i18n.js';
import type { Lang, Localized } from '../../electron/core/i18n.js';
import { CATALOGUE } from './catalogue.js';
import type { MessageKey } from './catalogue.js';

export type Params = Readonly<Record<string, string | number>>;

/** Reads one catalogue text in a language, with `{placeholders}` filled. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return format(CATALOGUE[key][lang], params);
}

export const LangContext = createContext<Lang>('en');

/** The current language. */
export function useLang(): Lang {
  return useContext(LangContext);
}

/** `t(key, params)` in the current language. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useLang();
  return useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}

/** Picks the current language of a text that carries both (validation messages, explanations). */
export function useLocalized(): (text: Localized) => string {
  const lang = useLang();
  return useCallback((text: Localized) => text[lang], [lang]);
}
