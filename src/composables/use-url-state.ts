import { watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { FILTER_PARAMS, filtersFromQuery, filtersToQuery, type QueryParams } from '@/domain/filters';
import { useFiltersStore } from '@/stores/filters';
import { useDatasetsStore } from '@/stores/datasets';
import { DEFAULT_DATASET } from '@/composables/bundled-datasets';
import { useDatasetLoader } from '@/composables/use-dataset-loader';

function flat(q: LocationQuery): QueryParams {
  const out: QueryParams = {};
  for (const [k, v] of Object.entries(q)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string') out[k] = s;
  }
  return out;
}

const same = (a: QueryParams, b: QueryParams) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Keeps what a person would share — dataset, filters, language — in the URL, so a reload or a
 * pasted link restores the same picture. The URL is the source; the stores follow it.
 */
export function useUrlState() {
  const route = useRoute();
  const router = useRouter();
  const filters = useFiltersStore();
  const datasets = useDatasetsStore();
  const { locale } = useI18n();
  const loader = useDatasetLoader();

  // Before the router has resolved the first navigation, route.query is empty: reading it then
  // would load the default dataset even when the link names another one.
  const ready = router.isReady();
  watch(
    () => route.query,
    async () => {
      await ready;
      const p = flat(route.query);
      const next = filtersFromQuery(p);
      if (!same(filtersToQuery(next), filtersToQuery(filters.filters))) filters.filters = next;
      locale.value = p.lang === 'en' ? 'en' : 'zh';
      const ds = p.ds ?? DEFAULT_DATASET;
      if (datasets.entries.some((e) => e.id === ds) && datasets.activeId !== ds) void loader.loadEntry(ds);
    },
    { immediate: true },
  );

  watch(
    () => filters.filters,
    (f) => {
      const current = flat(route.query);
      const keep = Object.fromEntries(Object.entries(current).filter(([k]) => !FILTER_PARAMS.includes(k)));
      const next = { ...keep, ...filtersToQuery(f) };
      if (!same(next, current)) void router.replace({ query: next });
    },
  );
}

/**
 * Reading and writing view choices in the URL: `param(key)` is the value or null; `setParams`
 * changes several at once (null removes one) and keeps every other parameter.
 */
export function useUrlParams() {
  const route = useRoute();
  const router = useRouter();
  const param = (key: string): string | null => {
    const v = route.query[key];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s !== '' ? s : null;
  };
  const setParams = (patch: Record<string, string | null>) => {
    const query: QueryParams = { ...flat(route.query) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete query[k];
      else query[k] = v;
    }
    void router.replace({ query });
  };
  return { param, setParams };
}

/** Sets one URL parameter (dataset, language, view-specific choices), keeping the rest. */
export function useQueryParam() {
  const { setParams } = useUrlParams();
  return (key: string, value: string | null) => setParams({ [key]: value });
}
