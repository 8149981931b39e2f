/**
 * The app's own settings, as a small JSON file in Electron's `userData` folder. Today only the language the
 * admin chose in the window; absent means "follow the OS". A missing or damaged file is the same as no
 * choice: settings are a convenience, never a reason not to start.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isLang } from '../core/i18n.js';
import type { Lang } from '../core/i18n.js';

/** The settings file's name inside `userData`. */
export const SETTINGS_FILE = 'settings.json';

/** Loads and saves the language choice. */
export interface LanguageChoiceStore {
  load(): Promise<Lang | undefined>;
  save(lang: Lang | undefined): Promise<void>;
}

/** A store over `<dir>/settings.json`; other keys in the file are kept. */
export function createSettingsStore(dir: string): LanguageChoiceStore {
  const file = join(dir, SETTINGS_FILE);

  const readAll = async (): Promise<Record<string, unknown>> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  };

  return {
    async load() {
      const { lang } = await readAll();
      return isLang(lang) ? lang : undefined;
    },
    async save(lang) {
      const next = await readAll();
      if (lang === undefined) delete next.lang;
      else next.lang = lang;
      await mkdir(dir, { recursive: true });
      // Write then rename: a crash mid-write leaves the old file, not half a JSON document.
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
      await rename(temp, file);
    },
  };
}
