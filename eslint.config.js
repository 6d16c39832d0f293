import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches the backend only through renderer/api.ts.
      'no-restricted-imports': ['error', { patterns: ['**/electron/**', 'node:*', 'better-sqlite3', 'electron'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // Pure code that runs in both processes: nothing environment-specific.
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'better-sqlite3', '**/electron/**', '**/renderer/**'] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      // Plain Node, runnable without Electron.
      'no-restricted-imports': ['error', { patterns: ['electron', '**/renderer/**'] }],
    },
  },
  {
    files: ['electron/reference-site/**/*.ts'],
    rules: {
      // The reference website stands in for a vendor's site: it may know the app only through shared/.
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^\\.\\./(?!\\.\\./shared/)', message: 'The reference site imports only from shared/ and packages.' },
          { group: ['electron'], message: 'The reference site runs in plain Node.' },
        ],
      }],
    },
  },
  {
    files: ['electron/preload.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
