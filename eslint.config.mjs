import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'public/sandbox/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'lessons/index.ts',
      '.course/**',
      'scripts/__fixtures__/**',
    ],
  },
  {
    // lib/ is framework-free: it must run under plain Node and Vitest.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'next', 'next/*', 'zustand', 'zustand/*'],
              message: 'lib/ is framework-free; UI glue belongs in app/ or lib/store.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/store/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];
export default config;
