import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../electron/core/diagnose/index.js';
import { LANGS } from '../../electron/core/i18n.js';
import { renderTroubleshooting, TROUBLESHOOTING_FILES } from '../../scripts/troubleshooting-doc.js';

describe('docs/troubleshooting.{en,ja}.md', () => {
  it.each(LANGS)(
    '%s: the committed file is what the catalogue generates (run npx tsx scripts/gen-troubleshooting.ts)',
    (lang) => {
      const committed = readFileSync(
        fileURLToPath(new URL(`../../${TROUBLESHOOTING_FILES[lang]}`, import.meta.url)),
        'utf8',
      );
      expect(committed).toBe(renderTroubleshooting(lang));
    },
  );

  it.each(LANGS)('%s: every catalogue entry is in it, with its id, steps and command', (lang) => {
    const doc = renderTroubleshooting(lang);
    for (const entry of CATALOGUE) {
      expect(doc).toContain(`\`${entry.id}\``);
      if (entry.command !== undefined) expect(doc).toContain('```powershell');
    }
    expect(doc).not.toMatch(/\{\w+\}/);
  });
});
