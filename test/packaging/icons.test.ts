/**
 * The icon files electron-builder.yml references exist, hold the sizes each platform needs, and are what
 * scripts/gen-icons.ts makes from assets/icon.svg today (so an edited drawing cannot ship with stale icons).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICON_PATHS, packIcons, PNG_SIZES, renderPngSet } from '../../scripts/icon-set.js';
import { loadBuilderConfig, ROOT } from './builder-config.js';
import type { BuilderConfig } from './builder-config.js';
import { icnsImages, icoImages, pngSize } from './icon-formats.js';

const read = (path: string): Promise<Buffer> => readFile(join(ROOT, path));

let config: BuilderConfig;
beforeAll(async () => {
  config = await loadBuilderConfig();
});

/** Mean absolute difference per RGBA channel (0–255) between two same-size PNGs. */
async function pixelDistance(a: Buffer, b: Buffer): Promise<number> {
  const [ra, rb] = await Promise.all([a, b].map((png) => sharp(png).ensureAlpha().raw().toBuffer()));
  if (ra === undefined || rb === undefined || ra.length !== rb.length) return Infinity;
  let sum = 0;
  for (let i = 0; i < ra.length; i++) sum += Math.abs((ra[i] ?? 0) - (rb[i] ?? 0));
  return sum / ra.length;
}

describe('icons', () => {
  it('Linux: the folder electron-builder.yml names holds a square PNG per size', async () => {
    expect(config.linux?.icon).toBe('assets/icons');
    for (const size of PNG_SIZES) {
      expect(pngSize(await read(ICON_PATHS.png(size))), `${size}x${size}`).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('Windows: the ICO holds 16 to 256 px, small sizes as BMP', async () => {
    expect(config.win?.icon).toBe(ICON_PATHS.ico);
    const images = icoImages(await read(ICON_PATHS.ico));
    expect(images.map((i) => i.width).sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 72, 96, 128, 256]);
    expect(images.filter((i) => i.width < 64).every((i) => i.format === 'bmp')).toBe(true);
  });

  it('macOS: the ICNS holds 16 to 1024 px', async () => {
    expect(config.mac?.icon).toBe(ICON_PATHS.icns);
    const images = icnsImages(await read(ICON_PATHS.icns));
    const pngs = new Set(images.filter((i) => i.format === 'png').map((i) => `${i.type}:${i.width}`));
    // 32@1x…512@2x as PNG (ic11…ic14, ic07…ic10); 16 and 32 also as RLE bitmaps with masks for old macOS.
    for (const chunk of [
      'ic11:32',
      'ic12:64',
      'ic07:128',
      'ic13:256',
      'ic08:256',
      'ic14:512',
      'ic09:512',
      'ic10:1024',
    ]) {
      expect(pngs).toContain(chunk);
    }
    expect(images.map((i) => i.type)).toEqual(expect.arrayContaining(['is32', 's8mk', 'il32', 'l8mk']));
  });

  it('the PNGs are what assets/icon.svg renders to today', async () => {
    const rendered = await renderPngSet(await read(ICON_PATHS.svg));
    for (const [size, png] of rendered) {
      // Pixels, not bytes: another libvips build may compress or antialias a little differently. Shrinking the
      // key's hole by 10 px moves the mean by 0.3; recolouring the key by 1.2.
      expect(await pixelDistance(png, await read(ICON_PATHS.png(size))), `${size}x${size}`).toBeLessThan(0.1);
    }
  });

  it('the ICO and ICNS are exactly what png2icons packs from the committed PNGs', async () => {
    const { ico, icns } = packIcons(await read(ICON_PATHS.png(256)), await read(ICON_PATHS.png(1024)));
    expect(ico.equals(await read(ICON_PATHS.ico))).toBe(true);
    expect(icns.equals(await read(ICON_PATHS.icns))).toBe(true);
  });
});
