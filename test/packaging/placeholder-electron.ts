/**
 * A stand-in for Electron's unpacked distribution, for `electron-builder --dir -c.electronDist=<folder>`:
 * electron-builder copies it instead of downloading Electron (which these machines cannot). It holds only
 * what packaging touches:
 * - `electron`: not a program, but it carries a fuse wire in Electron's binary format (the sentinel, version 1,
 *   the length, one byte per fuse), set to Electron's defaults, so `electronFuses` has something to flip and
 *   the test can read back what the shipped binary would say. https://github.com/electron/fuses
 * - `locales/*.pak`: so `electronLanguages` has something to prune.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Marks the start of the fuse wire in an Electron binary (@electron/fuses `SENTINEL`). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse states as bytes. */
export const FUSE_ON = 0x31;
export const FUSE_OFF = 0x30;

/** Electron's own defaults, in wire order (FuseV1Options 0…7). */
const DEFAULT_WIRE = [
  FUSE_ON, // RunAsNode
  FUSE_OFF, // EnableCookieEncryption
  FUSE_ON, // EnableNodeOptionsEnvironmentVariable
  FUSE_ON, // EnableNodeCliInspectArguments
  FUSE_OFF, // EnableEmbeddedAsarIntegrityValidation
  FUSE_OFF, // OnlyLoadAppFromAsar
  FUSE_OFF, // LoadBrowserProcessSpecificV8Snapshot
  FUSE_ON, // GrantFileProtocolExtraPrivileges
];

/** Locale files the placeholder ships; `electronLanguages` should keep en-US and ja only. */
export const PLACEHOLDER_LOCALES = ['de.pak', 'en-US.pak', 'ja.pak', 'zh-CN.pak'];

/** Writes the placeholder distribution into `dir`. */
export async function writePlaceholderElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'locales'), { recursive: true });
  const binary = Buffer.concat([
    Buffer.from('placeholder electron binary: never run\n'),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]),
    Buffer.from('\n'),
  ]);
  await writeFile(join(dir, 'electron'), binary);
  await chmod(join(dir, 'electron'), 0o755);
  for (const pak of PLACEHOLDER_LOCALES) await writeFile(join(dir, 'locales', pak), 'placeholder');
}

/** Reads the fuse wire back from a binary: one state byte per fuse, in wire order. */
export function readFuseWire(binary: Buffer): number[] {
  const at = binary.indexOf(FUSE_SENTINEL, 0, 'ascii');
  if (at === -1) throw new Error('no fuse wire in this binary');
  const start = at + FUSE_SENTINEL.length;
  const length = binary[start + 1] ?? 0;
  return [...binary.subarray(start + 2, start + 2 + length)];
}
