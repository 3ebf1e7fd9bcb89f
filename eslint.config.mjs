import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Layers (docs/architecture.md): imports point downwards only. */
const layerRules = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const nodeBuiltins = {
  group: [
    'node:*',
    'fs',
    'path',
    'os',
    'child_process',
    'worker_threads',
    'http',
    'crypto',
    'zlib',
    'stream',
  ],
  message: 'This layer must not use Node.',
};
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main and electron/preload may import electron.',
};
const engine = {
  group: ['**/electron/engine/**', '**/engine/**'],
  message: 'Only the adapters (main, web host, CLI) may import the engine.',
};
const adapters = {
  group: [
    '**/electron/main/**',
    '**/electron/web/**',
    '**/electron/cli/**',
    '**/electron/preload/**',
    '**/main/**',
    '**/web/**',
    '**/cli/**',
    '**/preload/**',
  ],
  message: 'Adapters are the top of the stack: nothing imports them.',
};
const renderer = { group: ['**/renderer/**'], message: 'Only the renderer imports the renderer.' };
const nativeDb = { group: ['better-sqlite3'], message: 'Only the engine touches the workspace database.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain Node scripts (start, native build, the CLI launcher) are CommonJS by design.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layerRules([nodeBuiltins, electron, engine, adapters, renderer, nativeDb]),
  },
  { files: ['electron/engine/**/*.ts'], rules: layerRules([electron, adapters, renderer]) },
  {
    files: ['electron/main/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: layerRules([renderer, nativeDb]),
  },
  {
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: layerRules([renderer, nativeDb, electron]),
  },
  { files: ['electron/preload/**/*.ts'], rules: layerRules([nodeBuiltins, engine, renderer, nativeDb]) },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: layerRules([nodeBuiltins, electron, engine, adapters, nativeDb]),
  },
);
