import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built app (dist/) served locally and driven in headless Chromium. */
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@datasets': fileURLToPath(new URL('./datasets', import.meta.url)),
    },
  },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
