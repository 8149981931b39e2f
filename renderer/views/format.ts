/** Dates as the admin reads them, in the window's language. */
import type { Lang } from '../../electron/core/i18n.js';

const LOCALES: Readonly<Record<Lang, string>> = { ja: 'ja-JP', en: 'en-US' };

/** An ISO time, e.g. 2025年3月1日 14:05 / Mar 1, 2025, 2:05 PM; the input itself when it is not a time. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar date `YYYY-MM-DD`, shown as the date it names (UTC: no time zone may move it a day). */
export function formatDate(day: string, lang: Lang): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
