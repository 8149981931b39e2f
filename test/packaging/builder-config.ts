/**
 * Reads electron-builder.yml the way electron-builder does, with the libraries electron-builder itself uses
 * (its own js-yaml and ajv, resolved from app-builder-lib), so the tests judge the file by the same rules as
 * the build.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** `require` as seen from app-builder-lib: the copies of js-yaml, ajv, @electron/asar it packages with. */
export const builderRequire = createRequire(
  createRequire(import.meta.url).resolve('app-builder-lib/package.json'),
);

/** The part of the configuration the tests look at; the schema checks the rest. */
export interface BuilderConfig {
  readonly appId?: string;
  readonly productName?: string;
  readonly artifactName?: string;
  readonly files?: readonly string[];
  readonly asar?: boolean;
  readonly electronFuses?: Readonly<Record<string, boolean>>;
  readonly electronLanguages?: readonly string[];
  readonly win?: PlatformConfig;
  readonly mac?: PlatformConfig;
  readonly linux?: PlatformConfig;
  readonly nsis?: Readonly<Record<string, unknown>>;
  readonly portable?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** One platform's section. */
export interface PlatformConfig {
  readonly icon?: string;
  readonly target?: readonly { readonly target: string; readonly arch: readonly string[] }[];
  readonly [key: string]: unknown;
}

/** The parsed electron-builder.yml. */
export async function loadBuilderConfig(): Promise<BuilderConfig> {
  const yaml = builderRequire('js-yaml') as { load: (text: string) => unknown };
  const text = await readFile(resolve(ROOT, 'electron-builder.yml'), 'utf8');
  return yaml.load(text) as BuilderConfig;
}
