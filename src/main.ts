import { runner, startEngine } from '@/engine';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from '@/App.vue';
import { router } from '@/router';
import { i18n } from '@/i18n';
import { browserStore, localChoiceStore, Workspace, WORKSPACE_KEY } from '@/workspace';
import { BUNDLED_DATASETS } from '@/workspace/bundled';
import { armQueryFault } from '@/composables/query-faults';
import { sql } from '@/data/sql';
import '@/styles.css';
import '@/print.css';

const workspace = new Workspace(runner, undefined, startEngine, localChoiceStore());
BUNDLED_DATASETS.forEach((d) => workspace.register(d));
// The user's own files come back first, so a link or a reload that names one finds it.
void workspace.restore(browserStore());

/**
 * Offline after the first visit: the service worker keeps what it serves, but the engine's files
 * were fetched before it controlled the page. Ask for them again through it once it does (the
 * browser's HTTP cache answers), so the next visit starts with no network.
 */
function keepEngineOffline(urls: readonly string[]): void {
  const sw = navigator.serviceWorker;
  if (!sw || !urls.length) return;
  const warm = () => urls.forEach((u) => void fetch(u).catch(() => undefined));
  if (sw.controller) warm();
  else sw.addEventListener('controllerchange', warm, { once: true });
}
void workspace.runner.then(
  (r) => keepEngineOffline(r.assets ?? []),
  () => undefined,
);

// Diagnostics for the end-to-end tests, the browser benchmark and support: stop the engine as a
// crash would; the memory the engine's buffer manager holds (bytes); and, only on a page opened
// with `?faults` (before the hash), make the next view query matching a pattern fail, as a broken
// query would.
(window as unknown as { __dashboard: object }).__dashboard = {
  stopEngine: () => workspace.runner.then((r) => r.stop?.()),
  engineMemory: async () =>
    Number((await (await workspace.runner).query(sql`SELECT sum(memory_usage_bytes) AS b FROM duckdb_memory()`))[0]?.b),
  ...(new URLSearchParams(window.location.search).has('faults') ? { failNextQuery: armQueryFault } : {}),
};

createApp(App).use(createPinia()).use(router).use(i18n).provide(WORKSPACE_KEY, workspace).mount('#app');
