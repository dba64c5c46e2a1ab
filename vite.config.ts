import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import { serveGeneratedDatasets } from './scripts/lib/serve-generated';

/**
 * The Content-Security-Policy `npm start` (vite preview) sends, and the one to send from any host
 * (README, "Deploying"): scripts and workers only from the app itself, WebAssembly compiled
 * without eval, no request to another origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The build-time answers (datasets/<id>.answers.json) must describe the Parquet file shipped
 * beside them: a build with stale answers stops and says how to make them again.
 */
function answersInSync(ids: readonly string[]): Plugin {
  return {
    name: 'answers-in-sync',
    apply: 'build',
    buildStart() {
      for (const id of ids) {
        const file = (ext: string) => fileURLToPath(new URL(`./datasets/${id}.${ext}`, import.meta.url));
        const hash = createHash('sha256')
          .update(readFileSync(file('parquet')))
          .digest('hex')
          .slice(0, 12);
        const book = JSON.parse(readFileSync(file('answers.json'), 'utf8')) as { contentHash?: string };
        if (book.contentHash !== hash) {
          this.error(
            `datasets/${id}.answers.json was computed from another datasets/${id}.parquet ` +
              `(${book.contentHash} ≠ ${hash}): run \`npm run build:datasets\` and commit both files.`,
          );
        }
      }
    },
  };
}

/**
 * The default dataset's answer book is fetched while the page is parsed, not after the app has
 * started: its first figures need nothing else from the network.
 */
function preloadAnswers(id: string): Plugin {
  return {
    name: 'preload-answers',
    apply: 'build',
    transformIndexHtml(_html, ctx) {
      const asset = Object.values(ctx.bundle ?? {}).find(
        (f) => f.type === 'asset' && (f.names ?? []).includes(`${id}.answers.json`),
      );
      if (!asset) return [];
      return [
        {
          tag: 'link',
          attrs: { rel: 'preload', href: `./${asset.fileName}`, as: 'fetch', crossorigin: '' },
          injectTo: 'head',
        },
      ];
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    vue(),
    answersInSync(['demo', 'real']),
    preloadAnswers('demo'),
    // `npm run generate:scale` output at ./generated/, with range requests (never part of a build).
    serveGeneratedDatasets(fileURLToPath(new URL('./datasets/generated', import.meta.url))),
    // Offline after the first visit: the service worker keeps the app, the bundled datasets and
    // (on first use) the engine and the PDF reader's files, so every view opens with no network.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,parquet,json,svg,ico}'],
        globIgnores: ['**/pdf.worker*', '**/duckdb-*'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // Large files used by the engine and the PDF reader: kept once fetched (their names carry a hash).
            urlPattern: /\.(wasm|bcmap|ttf|pfb)$|duckdb-browser-.*\.js$|pdf\.worker.*\.mjs$/,
            handler: 'CacheFirst',
            options: { cacheName: 'engine-and-readers', expiration: { maxEntries: 400 } },
          },
        ],
      },
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@datasets': fileURLToPath(new URL('./datasets', import.meta.url)),
    },
  },
  // The DuckDB wasm files are large; never inline them, always serve them as files.
  build: { assetsInlineLimit: 0, chunkSizeWarningLimit: 2000, target: 'es2022' },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
