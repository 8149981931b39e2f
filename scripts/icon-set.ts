/**
 * The app's icon files, rendered from the one source drawing `assets/icon.svg`: a PNG per size for Linux, an
 * ICO for Windows and an ICNS for macOS. Pure (buffers in, buffers out) so that `scripts/gen-icons.ts` writes
 * them and `test/packaging/icons.test.ts` checks the committed files are what this renders.
 */
import png2icons from 'png2icons';
import sharp from 'sharp';

/** Sizes of the Linux PNG set (`assets/icons/{size}x{size}.png`), the sizes desktop icon themes use. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

/** The source drawing's own size (its viewBox). */
const SOURCE_SIZE = 1024;

/** Paths of the generated files, relative to the repository root. */
export const ICON_PATHS = {
  svg: 'assets/icon.svg',
  png: (size: number): string => `assets/icons/${size}x${size}.png`,
  ico: 'assets/icon.ico',
  icns: 'assets/icon.icns',
} as const;

/**
 * Renders the drawing at `size` pixels. librsvg draws the vectors at the target resolution (the density is
 * scaled), which keeps small sizes sharper than shrinking a large bitmap. The PNG is written without metadata
 * and with fixed settings, so the same libvips gives the same bytes.
 */
export async function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  return sharp(svg, { density: (72 * size) / SOURCE_SIZE })
    .resize(size, size, { fit: 'fill' })
    .png({ compressionLevel: 9, adaptiveFiltering: false, palette: false })
    .toBuffer();
}

/** Renders every PNG of the Linux set, by size. */
export async function renderPngSet(svg: Buffer): Promise<Map<number, Buffer>> {
  const pngs = new Map<number, Buffer>();
  for (const size of PNG_SIZES) pngs.set(size, await renderPng(svg, size));
  return pngs;
}

/**
 * Packs the Windows and macOS icons from the rendered PNGs (png2icons is plain JavaScript, so the same PNGs
 * always give the same bytes).
 * - ICO from the 256 px PNG (the largest size an ICO holds), in png2icons' "for Windows executables" layout:
 *   BMP below 64 px (older Explorer property dialogs misdraw small PNG entries), PNG above.
 * - ICNS from the 1024 px PNG (it carries every size up to 512@2x).
 */
export function packIcons(png256: Buffer, png1024: Buffer): { ico: Buffer; icns: Buffer } {
  png2icons.clearCache();
  const ico = png2icons.createICO(png256, png2icons.BICUBIC, 0, false, true);
  png2icons.clearCache();
  const icns = png2icons.createICNS(png1024, png2icons.BICUBIC, 0);
  png2icons.clearCache();
  if (ico === null || icns === null) throw new Error('png2icons could not pack the icons');
  return { ico, icns };
}

/** Every generated file (path relative to the repository root → contents). */
export async function renderIconFiles(svg: Buffer): Promise<Map<string, Buffer>> {
  const pngs = await renderPngSet(svg);
  const files = new Map<string, Buffer>();
  for (const [size, png] of pngs) files.set(ICON_PATHS.png(size), png);
  const { ico, icns } = packIcons(pngOf(pngs, 256), pngOf(pngs, 1024));
  files.set(ICON_PATHS.ico, ico);
  files.set(ICON_PATHS.icns, icns);
  return files;
}

function pngOf(pngs: Map<number, Buffer>, size: number): Buffer {
  const png = pngs.get(size);
  if (png === undefined) throw new Error(`no ${size} px PNG rendered`);
  return png;
}
