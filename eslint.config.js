// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Electron may only be imported by the shell (electron/main, electron/preload): the core and the CLI run in plain Node. */
const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message: 'electron/core and electron/cli run without Electron: inject the capability instead.',
        },
      ],
      patterns: [{ group: ['electron/*'], message: 'electron/core and electron/cli run without Electron.' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'release/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Raw IPC lives in exactly two places; everything else goes through the typed contract.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message:
                'Raw IPC lives only in electron/main/ipc.ts and electron/preload/: go through the typed contract.',
            },
          ],
        },
      ],
    },
  },
  { files: ['electron/core/**', 'electron/cli/**', 'electron/app/**'], rules: noElectron },
  {
    // The core is the bottom layer: it never reaches up into the app service, the IPC contract, the shell or the CLI.
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron['no-restricted-imports'][1],
          patterns: [
            ...noElectron['no-restricted-imports'][1].patterns,
            {
              group: ['**/app/*', '**/shared/*', '**/main/*', '**/cli/*', '**/renderer/*'],
              message:
                'electron/core is the bottom layer: the app, the contract, the shell and the CLI import it, never the other way round.',
            },
          ],
        },
      ],
      // The same for a dynamic import(), which no-restricted-imports does not see.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|\\/)(app|shared|main|cli|renderer)\\//]',
          message:
            'electron/core is the bottom layer: the app, the contract, the shell and the CLI import it, never the other way round.',
        },
      ],
    },
  },
  {
    // The contract is type-only on its import side: the preload and the renderer load its values (channel names,
    // the operation list), so a value import here would carry the core (Node) into them.
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '.*',
              allowTypeImports: true,
              message: 'electron/shared imports types only: the preload and the renderer load its values.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'electron/shared imports types only.' },
      ],
    },
  },
  {
    // The provider seam: outside providers/, the core speaks only providers/index.ts, never one provider's folder.
    files: ['electron/core/**'],
    ignores: ['electron/core/providers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron['no-restricted-imports'][1],
          patterns: [
            ...noElectron['no-restricted-imports'][1].patterns,
            {
              group: ['**/app/*', '**/shared/*', '**/main/*', '**/cli/*', '**/renderer/*'],
              message:
                'electron/core is the bottom layer: the app, the contract, the shell and the CLI import it, never the other way round.',
            },
            {
              group: ['**/providers/*/**'],
              message:
                'Outside providers/, the core goes through the provider seam (providers/index.ts, and flows.ts for the sign-in flows): no provider names its own specifics elsewhere.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer runs in a sandboxed page: browser globals only, and nothing that needs Node or Electron.
    // (tsconfig.web.json must see Node's types because the IPC contract's types reach into the core.)
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to Electron only through window.wizard.' },
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'The renderer never touches Node: ask the main process through window.wizard.',
            },
            {
              // An allow-list: values only from the contract and the core's pure, browser-safe modules; types from
              // anywhere (they vanish at build time).
              regex:
                '^(\\.\\./)+electron/(?!shared/|core/(i18n|sign-in/profile|sign-in/validation-messages|providers/types|providers/registry|providers/microsoft/clouds|providers/microsoft/validation|token-file/schema|upkeep/scheduling)\\.js$)',
              allowTypeImports: true,
              message:
                'The renderer may import values only from electron/shared and the pure core modules allowed in eslint.config.js; import types only.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  // Plain JavaScript (configs, and scripts that must run before the build): no TypeScript program to check it
  // against; scripts/*.mjs carry hand-written .d.mts types for the TypeScript that imports them.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
