import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

/** The views, in the order of the navigation tabs; `nav` is the i18n key of the tab label. */
export const VIEW_ROUTES = [
  { path: '/overview', name: 'overview', nav: 'nav.overview', component: () => import('@/views/OverviewView.vue') },
  { path: '/compare', name: 'compare', nav: 'nav.compare', component: () => import('@/views/CompareView.vue') },
  { path: '/trends', name: 'trends', nav: 'nav.trends', component: () => import('@/views/TrendsView.vue') },
  { path: '/outcomes', name: 'outcomes', nav: 'nav.outcomes', component: () => import('@/views/OutcomesView.vue') },
  {
    path: '/applicants',
    name: 'applicants',
    nav: 'nav.applicants',
    component: () => import('@/views/ApplicantsView.vue'),
  },
  {
    path: '/litigation',
    name: 'litigation',
    nav: 'nav.litigation',
    component: () => import('@/views/LitigationView.vue'),
  },
  { path: '/proactive', name: 'proactive', nav: 'nav.proactive', component: () => import('@/views/ProactiveView.vue') },
  { path: '/report', name: 'report', nav: 'nav.report', component: () => import('@/views/ReportView.vue') },
  { path: '/quality', name: 'quality', nav: 'nav.quality', component: () => import('@/views/QualityView.vue') },
  { path: '/data', name: 'data', nav: 'nav.data', component: () => import('@/views/DataView.vue') },
  { path: '/import', name: 'import', nav: 'nav.import', component: () => import('@/views/ImportView.vue') },
  { path: '/glossary', name: 'glossary', nav: 'nav.glossary', component: () => import('@/views/GlossaryView.vue') },
  { path: '/briefing', name: 'briefing', nav: 'nav.briefing', component: () => import('@/views/BriefingView.vue') },
] as const;

/** Views whose figures do not depend on the global filters (the filter bar is hidden there). */
export const UNFILTERED_VIEWS: readonly string[] = ['report', 'data', 'import', 'glossary', 'briefing'];

/**
 * Views that work with no data loaded (loading it is what two of them are for; the briefing holds
 * pictures and tables already made).
 */
export const DATA_FREE_VIEWS: readonly string[] = ['data', 'import', 'glossary', 'briefing'];

/**
 * Hash history: the built app is a folder of static files that works from any static host (or a
 * subpath of one) without server rewrites.
 */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: (to) => ({ path: '/overview', query: to.query }) },
    // An unknown path opens the Overview rather than a blank page.
    { path: '/:unknown(.*)*', redirect: (to) => ({ path: '/overview', query: to.query }) },
    ...VIEW_ROUTES.map(({ path, name, component }): RouteRecordRaw => ({ path, name, component })),
  ],
});
