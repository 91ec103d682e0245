import { configDefaults, defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    // Playwright's e2e/*.spec.ts must not be collected here.
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Fixture trees (scripts/__fixtures__/deps/) are data for the tests, not tests.
    exclude: [...configDefaults.exclude, '**/__fixtures__/**'],
    environment: 'node',
    // The generated lesson registry (lessons/index.ts), which tests import like the app does.
    globalSetup: ['scripts/vitest-lesson-registry.ts'],
    testTimeout: 30_000,
  },
});
