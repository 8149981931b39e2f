/**
 * Regenerates every icon file from `assets/icon.svg`: `assets/icons/{size}x{size}.png` (Linux),
 * `assets/icon.ico` (Windows), `assets/icon.icns` (macOS). Run after editing the drawing, and commit the
 * results: `npx tsx scripts/gen-icons.ts`. The packaging tests fail while the files and the drawing disagree.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ICON_PATHS, renderIconFiles } from './icon-set.js';

const root = resolve(import.meta.dirname, '..');

const svg = await readFile(resolve(root, ICON_PATHS.svg));
for (const [path, contents] of await renderIconFiles(svg)) {
  const file = resolve(root, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, contents);
  console.log(`${path}  ${contents.length} bytes`);
}
