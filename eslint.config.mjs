import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypeScript from 'eslint-config-next/typescript'

const TS_FILES = ['**/*.{ts,tsx,mts,cts}']

/** @type {import('eslint').Linter.Config[]} */
const config = [
  {
    name: 'cifcc/ignores',
    ignores: [
      '.next/**',
      'node_modules/**',
      'coverage/**',
      'next-env.d.ts',
      'src/payload-types.ts',
      'src/migrations/**',
      'src/app/(payload)/**',
      'media/**',
      'data/**',
      'bench/results/**',
      'tests/e2e/screenshots/**',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    name: 'cifcc/all',
    rules: {
      // No console method is allowed in app code (`{ allow: [] }` is rejected by the rule schema).
      'no-console': 'error',
      // App Router only: this rule looks for a pages/ directory and warns when there is none.
      '@next/next/no-html-link-for-pages': 'off',
      // typescript-eslint's parser and plugin apply to every file (see
      // eslint-config-next/typescript), so its variant also covers .js/.mjs.
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: 'cifcc/typescript',
    files: TS_FILES,
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  {
    // Command-line scripts, tests and benchmarks may print.
    name: 'cifcc/console-allowed',
    files: ['scripts/**', 'tests/**', 'bench/**'],
    rules: {
      'no-console': 'off',
    },
  },
]

export default config
