/** The window's language: the admin's saved choice, else the OS locale's; read once, then kept. */
import type { Lang } from '../core/i18n.js';
import type { LanguageState, WizardEvent } from '../shared/contract.js';
import type { Platform } from './host.js';

export interface Language {
  /** The language now (the saved choice is read on first use). */
  current(): Promise<LanguageState>;
  /** Saves the admin's choice (`os`: none, follow the OS) and tells the window. */
  choose(lang: Lang | 'os'): Promise<LanguageState>;
}

export function createLanguage(platform: Platform, emit: (event: WizardEvent) => void): Language {
  let state: LanguageState | undefined;
  return {
    async current() {
      if (state === undefined) {
        const saved = await platform.loadLangChoice();
        state =
          saved === undefined ? { lang: platform.osLang(), source: 'os' } : { lang: saved, source: 'user' };
      }
      return state;
    },
    async choose(lang) {
      await platform.saveLangChoice(lang === 'os' ? undefined : lang);
      state = lang === 'os' ? { lang: platform.osLang(), source: 'os' } : { lang, source: 'user' };
      emit({ channel: 'language', state });
      return state;
    },
  };
}
