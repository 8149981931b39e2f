import { describe, expect, it } from 'vitest';
import { detectLang, format, langFromLocale } from '../../electron/core/i18n.js';
import { maskSecret, redact } from '../../electron/core/token-file/mask.js';

describe('maskSecret / redact', () => {
  const token = '1.AXsAsandbox-refresh-token-0123456789abcdef';
  it('shows a recognisable, useless form', () => {
    expect(maskSecret(token)).toBe(`1.AX…(${token.length})`);
    expect(maskSecret('short')).toBe('•••••');
    expect(maskSecret(undefined)).toBe('');
  });
  it('removes every occurrence of every secret from a text', () => {
    const text = `AUTH XOAUTH2 user=a ${token} and again ${token}`;
    const out = redact(text, [token, undefined]);
    expect(out).not.toContain(token);
    expect(out.split('1.AX…').length - 1).toBe(2);
  });
});

describe('language', () => {
  it('follows the locale', () => {
    expect(langFromLocale('ja_JP.UTF-8')).toBe('ja');
    expect(langFromLocale('ja')).toBe('ja');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('jam')).toBe('en');
    expect(detectLang({ RTW_LANG: 'ja', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(detectLang({ LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(detectLang({ LANG: 'en_US.UTF-8' })).toBe('en');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
