import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

/** Records the build-time answers (scripts/answers): the app's views mounted in a DOM. */
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@datasets': fileURLToPath(new URL('./datasets', import.meta.url)),
    },
  },
  test: {
    include: ['scripts/answers/*.run.ts'],
    environment: 'happy-dom',
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
