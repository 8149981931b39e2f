/**
 * Just enough of the PNG, ICO and ICNS formats to list the images a file holds and their sizes.
 * ICO: https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10) · ICNS:
 * https://en.wikipedia.org/wiki/Apple_Icon_Image_format
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One image inside an icon file. */
export interface IconImage {
  /** `png`, `bmp` (ICO), or the raw ICNS chunk type (`is32`, `s8mk`…). */
  readonly format: string;
  readonly width: number;
  readonly height: number;
  /** ICNS chunk type; undefined for ICO entries. */
  readonly type?: string;
}

/** Width and height from a PNG's IHDR, or undefined when `data` is not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The images of an ICO file: directory sizes checked against each image's own header. */
export function icoImages(ico: Buffer): IconImage[] {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const images: IconImage[] = [];
  for (let i = 0; i < ico.readUInt16LE(4); i++) {
    const entry = 6 + 16 * i;
    const width = ico.readUInt8(entry) || 256;
    const height = ico.readUInt8(entry + 1) || 256;
    const size = ico.readUInt32LE(entry + 8);
    const data = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + size);
    const png = pngSize(data);
    // A BMP entry's DIB header stores twice the height (the colour bitmap, then the AND mask).
    const own = png ?? { width: data.readInt32LE(4), height: data.readInt32LE(8) / 2 };
    if (own.width !== width || own.height !== height)
      throw new Error(`ICO entry ${i}: directory and image disagree`);
    images.push({ format: png ? 'png' : 'bmp', width, height });
  }
  return images;
}

/** Pixel size of the ICNS chunk types png2icons writes (PNG chunks carry their own size too). */
const ICNS_RAW_SIZES: Readonly<Record<string, number>> = { is32: 16, s8mk: 16, il32: 32, l8mk: 32 };

/** The chunks of an ICNS file. */
export function icnsImages(icns: Buffer): IconImage[] {
  if (icns.toString('ascii', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) {
    throw new Error('not an ICNS file');
  }
  const images: IconImage[] = [];
  for (let at = 8; at < icns.length;) {
    const type = icns.toString('ascii', at, at + 4);
    const length = icns.readUInt32BE(at + 4);
    if (length < 8) throw new Error(`ICNS chunk ${type}: bad length`);
    const png = pngSize(icns.subarray(at + 8, at + length));
    const side = png?.width ?? ICNS_RAW_SIZES[type];
    if (side === undefined) throw new Error(`ICNS chunk ${type}: unknown`);
    images.push({ format: png ? 'png' : type, type, width: side, height: png?.height ?? side });
    at += length;
  }
  return images;
}
