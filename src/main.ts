import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from '@/App.vue';
import { router } from '@/router';
import { i18n } from '@/i18n';
import { createBrowserRunner } from '@/data/engine-browser';
import { RUNNER_KEY } from '@/composables/runner';
import '@/styles.css';

// Start the engine at once, in parallel with mounting the app: its wasm is the largest download.
const runner = createBrowserRunner();

createApp(App).use(createPinia()).use(router).use(i18n).provide(RUNNER_KEY, runner).mount('#app');
