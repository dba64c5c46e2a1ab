import { runner } from '@/engine';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from '@/App.vue';
import { router } from '@/router';
import { i18n } from '@/i18n';
import { browserStore, Workspace, WORKSPACE_KEY } from '@/workspace';
import { BUNDLED_DATASETS } from '@/workspace/bundled';
import '@/styles.css';
import '@/print.css';

const workspace = new Workspace(runner);
BUNDLED_DATASETS.forEach((d) => workspace.register(d));
// The user's own files come back first, so a link or a reload that names one finds it.
void workspace.restore(browserStore());

createApp(App).use(createPinia()).use(router).use(i18n).provide(WORKSPACE_KEY, workspace).mount('#app');
