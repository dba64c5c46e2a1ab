import { createRouter, createWebHashHistory } from 'vue-router';

/**
 * Hash history: the built app is a folder of static files that works from any static host (or a
 * subpath of one) without server rewrites.
 */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: (to) => ({ path: '/overview', query: to.query }) },
    { path: '/overview', name: 'overview', component: () => import('@/views/OverviewView.vue') },
    { path: '/data', name: 'data', component: () => import('@/views/DataView.vue') },
  ],
});
