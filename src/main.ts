import { runner, startEngine } from '@/engine';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from '@/App.vue';
import { router } from '@/router';
import { i18n } from '@/i18n';
import { browserStore, Workspace, WORKSPACE_KEY } from '@/workspace';
import { BUNDLED_DATASETS } from '@/workspace/bundled';
import '@/styles.css';
import '@/print.css';

const workspace = new Workspace(runner, undefined, startEngine);
BUNDLED_DATASETS.forEach((d) => workspace.register(d));
// The user's own files come back first, so a link or a reload that names one finds it.
void workspace.restore(browserStore());

// Diagnostics for the end-to-end tests and for support: stop the engine as a crash would.
(window as unknown as { __dashboard: object }).__dashboard = {
  stopEngine: () => workspace.runner.then((r) => r.stop?.()),
};

createApp(App).use(createPinia()).use(router).use(i18n).provide(WORKSPACE_KEY, workspace).mount('#app');
