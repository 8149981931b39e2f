import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../renderer/i18n/catalogue.js';

/** Hiragana, katakana, CJK ideographs, Japanese punctuation and full-width forms. */
const JAPANESE = /[\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

describe('catalogue', () => {
  const entries = Object.entries(CATALOGUE);

  it('has every key in both languages, non-empty', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const [key, text] of entries) {
      expect(text.ja.trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
    }
  });

  it('writes Japanese in Japanese, and English without Japanese', () => {
    for (const [key, text] of entries) {
      expect(JAPANESE.test(text.ja), `${key}: ${text.ja}`).toBe(true);
      expect(JAPANESE.test(text.en), `${key}: ${text.en}`).toBe(false);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of entries) expect(placeholders(text.ja), key).toEqual(placeholders(text.en));
  });
});
