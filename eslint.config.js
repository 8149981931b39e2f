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
  { files: ['electron/core/**', 'electron/cli/**'], rules: noElectron },
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
              group: [
                '**/core/session.js',
                '**/core/token-file.js',
                '**/core/atomic-write.js',
                '**/core/loopback.js',
                '**/core/authorize.js',
                '**/core/network-client.js',
                '**/core/wizard-service.js',
              ],
              allowTypeImports: true,
              message: 'This core module runs in the main process; import its types only.',
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
