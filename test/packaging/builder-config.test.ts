/**
 * electron-builder.yml is valid against electron-builder's own schema (app-builder-lib/scheme.json, JSON
 * Schema draft-07) and says what the packaging issue asks: the targets, the names, the files, the fuses.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builderRequire, loadBuilderConfig, ROOT } from './builder-config.js';
import type { BuilderConfig } from './builder-config.js';

interface SchemaError {
  readonly instancePath: string;
  readonly message?: string;
}
type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
interface Ajv {
  compile(schema: object): Validate;
}
type AjvClass = new (options: { allErrors: boolean; strict: boolean }) => Ajv;

let config: BuilderConfig;
let validate: Validate;

beforeAll(async () => {
  config = await loadBuilderConfig();
  const schema = JSON.parse(
    await readFile(builderRequire.resolve('app-builder-lib/scheme.json'), 'utf8'),
  ) as {
    $schema: string;
  };
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  // ajv 8, the copy electron-builder validates with; its default class speaks draft-07.
  const Ajv = (builderRequire('ajv') as { default: AjvClass }).default;
  // `strict` is about how a schema is written (ajv-keywords' `typeof`, union types), not about the data: it is
  // off, as electron-builder has it. Unlike electron-builder, no `coerceTypes`: a value must have its exact
  // type ("false" as a string is an error here, not a quiet false).
  validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
});

const problems = (): string[] => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const valid = validate(config);
    expect(problems()).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator does reject a wrong configuration', () => {
    expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).toBe(false);
    expect(validate({ ...config, noSuchOption: true })).toBe(false);
  });

  it('names the app and its artifacts with version, OS and architecture', () => {
    expect(config.productName).toBe('Refresh Token Wizard');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.artifactName).toBe('${productName}-${version}-${os}-${arch}.${ext}');
    // The portable exe and the installer are both .exe: they need different names.
    expect(config.portable?.['artifactName']).not.toBe(config.artifactName);
  });

  it('builds NSIS + portable, dmg, AppImage + deb, each for x64 and arm64, with icons', () => {
    const targets = (section: BuilderConfig['win']): string[] =>
      (section?.target ?? []).map((t) => `${t.target}:${[...t.arch].sort().join('+')}`);
    expect(targets(config.win)).toEqual(['nsis:arm64+x64', 'portable:arm64+x64']);
    expect(targets(config.mac)).toEqual(['dmg:arm64+x64']);
    expect(targets(config.linux)).toEqual(['AppImage:arm64+x64', 'deb:arm64+x64']);
    expect(config.win?.icon).toBe('assets/icon.ico');
    expect(config.mac?.icon).toBe('assets/icon.icns');
    expect(config.linux?.icon).toBe('assets/icons');
  });

  it('packs into asar only the built files the app runs', () => {
    expect(config.asar).toBe(true);
    const included = (config.files ?? []).filter((f) => !f.startsWith('!'));
    for (const pattern of included)
      expect(pattern).toMatch(
        /^(package\.json|dist\/package\.json|dist\/(electron\/(main|app|cli|core|shared)|preload|renderer)\/)/,
      );
    // The CLI's commands run headless in the app; its entry, which runs whatever process loads it, does not ship.
    expect(config.files).toContain('!dist/electron/cli/main.js');
    expect(config.files).toEqual(expect.arrayContaining(['!**/*.map', '!**/*.d.ts', '!**/*.tsbuildinfo*']));
  });

  it('sets every Electron fuse explicitly', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // On while the window loads from file:// (electron-builder.yml says why).
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('points package.json main at a file the asar holds', async () => {
    const pkg = JSON.parse(await readFile(resolve(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main/index.js');
  });
});
