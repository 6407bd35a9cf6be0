// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layer rule (docs/architecture.md): which folders each layer may import from. */
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'src/generated/**', 'force-app/**/staticresources/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['src/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['sim/**/*.ts', 'test/**/*.ts', 'scripts/**', '*.mjs', 'src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  { files: ['sim/**/*.ts', 'scripts/**', 'test/bench/**'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  layer(
    ['src/domain/**/*.ts'],
    ['**/cic/**', '**/crm/**', '**/phone/**', '**/app/**', '**/ui/**', 'lit', 'lit/*', 'zod', 'zod/*', 'sip.js', 'node:*'],
    'src/domain is pure: it imports nothing outside itself (no zod, Lit, SIP.js, DOM or Node).',
  ),
  layer(
    ['src/cic/**/*.ts'],
    ['**/crm/**', '**/phone/**', '**/app/**', '**/ui/**', '**/domain/*/**', 'lit', 'lit/*', 'sip.js', 'node:*'],
    'src/cic imports only the domain public index (../domain/index.js) and zod.',
  ),
  layer(
    ['src/crm/**/*.ts'],
    ['**/cic/**', '**/phone/**', '**/app/**', '**/ui/**', '**/domain/*/**', 'lit', 'lit/*', 'sip.js', 'node:*'],
    'src/crm imports only the domain public index.',
  ),
  layer(
    ['src/phone/**/*.ts'],
    ['**/cic/**', '**/crm/**', '**/app/**', '**/ui/**', '**/domain/*/**', 'lit', 'lit/*', 'node:*'],
    'src/phone imports only the domain public index and sip.js.',
  ),
  layer(
    ['src/app/**/*.ts'],
    ['**/ui/**', '**/domain/*/**', 'lit', 'lit/*', 'node:*'],
    'src/app works through ports: it imports the domain public index, never the UI.',
  ),
  layer(
    ['src/ui/**/*.ts'],
    ['**/cic/**', '**/crm/**', '**/phone/**', '**/domain/*/**', 'zod', 'zod/*', 'sip.js', 'node:*'],
    'src/ui renders state and raises intents: it imports only domain/index.js and app.',
  ),
  {
    files: ['src/**/*.test.ts', 'src/**/*.browser.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
