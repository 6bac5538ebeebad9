import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', '**/.svelte-kit/**', '**/node_modules/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Export names explicitly (no `export *`).' },
      ],
    },
  },
  {
    files: ['packages/relay/**/*.ts'],
    rules: {
      // The relay never imports code that can decrypt (docs/ARCHITECTURE.md).
      'no-restricted-imports': ['error', { patterns: ['@trame/crypto', '@trame/sync', 'libsodium*'] }],
    },
  },
);
