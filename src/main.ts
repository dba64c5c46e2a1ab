import { runner } from '@/engine';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from '@/App.vue';
import { router } from '@/router';
import { i18n } from '@/i18n';
import { RUNNER_KEY } from '@/composables/runner';
import '@/styles.css';
import '@/print.css';

createApp(App).use(createPinia()).use(router).use(i18n).provide(RUNNER_KEY, runner).mount('#app');
