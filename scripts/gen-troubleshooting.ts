/** Writes docs/troubleshooting.{en,ja}.md from the diagnose catalogue: `npx tsx scripts/gen-troubleshooting.ts`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LANGS } from '../electron/core/i18n.js';
import { renderTroubleshooting, TROUBLESHOOTING_FILES } from './troubleshooting-doc.js';

const root = resolve(import.meta.dirname, '..');
for (const lang of LANGS) {
  const file = resolve(root, TROUBLESHOOTING_FILES[lang]);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await renderTroubleshooting(lang));
  process.stdout.write(`wrote ${TROUBLESHOOTING_FILES[lang]}\n`);
}
