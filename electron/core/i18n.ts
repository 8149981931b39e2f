/** Languages the product speaks. Every user-visible string exists in both. */
export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A user-visible text in every language. */
export type Localized = Readonly<Record<Lang, string>>;

/** True for a supported language code. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * Picks the language from a locale tag such as `ja-JP`, `ja_JP.UTF-8` or `en-US`.
 * Japanese for any `ja` locale, English otherwise (our users are in Japan or read English).
 */
export function langFromLocale(locale: string | undefined): Lang {
  return locale !== undefined && /^ja(?:[-_.]|$)/i.test(locale.trim()) ? 'ja' : 'en';
}

/**
 * The language a command-line process should speak: `RTW_LANG`, then the POSIX locale variables in their
 * order of precedence, then the ICU default locale (which follows the OS setting on Windows and macOS).
 */
export function detectLang(env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  const explicit = env.RTW_LANG;
  if (isLang(explicit)) return explicit;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value !== undefined && value !== '' && value !== 'C' && value !== 'POSIX')
      return langFromLocale(value);
  }
  return langFromLocale(Intl.DateTimeFormat().resolvedOptions().locale);
}

/** Replaces `{name}` placeholders with the given parameters; unknown placeholders are left visible. */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Formats both languages of a localized text with the same parameters. */
export function formatLocalized(
  text: Localized,
  params: Readonly<Record<string, string | number>> = {},
): Localized {
  return { ja: format(text.ja, params), en: format(text.en, params) };
}
