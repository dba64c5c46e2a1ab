import { computed, watch, type ComputedRef } from 'vue';
import { useRoute, useRouter, type RouteLocationRaw } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { filtersToQuery, type Filters } from '@/domain/filters';
import {
  canonicalQuery,
  flatQuery,
  globalQuery,
  migrateLegacy,
  readGlobal,
  readView,
  sameQuery,
  writeGlobal,
  writeView,
  type GlobalState,
  type QueryParams,
} from '@/url/codec';
import { VIEW_PARAMS, viewKeys, type ParamSpec, type ViewState, type ViewWithParams } from '@/url/schema';
import { DEFAULT_DATASET } from '@/workspace/bundled';
import { useWorkspace } from '@/composables/runner';
import { useFiltersStore } from '@/stores/filters';

/**
 * The URL, read through the declared schema (`src/url/`). Everything a person would share lives
 * there; state flows one way — URL → stores → queries — and user actions write the URL.
 */
export function useAppUrl() {
  const route = useRoute();
  const router = useRouter();
  const view = computed(() => String(route.name ?? ''));
  const query = computed(() => migrateLegacy(flatQuery(route.query), view.value));
  const global = computed<GlobalState>(() => readGlobal(query.value));

  /** Replaces keys of the current URL (undefined removes one), written in canonical form. */
  function write(patch: QueryParams): void {
    const next: QueryParams = { ...query.value, ...patch };
    for (const k of Object.keys(patch)) if (patch[k] === undefined) delete next[k];
    void router.replace({ query: canonicalQuery(next, view.value) });
  }

  /** Changes global state (dataset, language, filters), keeping the view's own choices. */
  function setGlobal(patch: Partial<GlobalState>): void {
    const g = { ...global.value, ...patch };
    const own = Object.fromEntries(viewKeys(view.value).map((k) => [k, query.value[k]]));
    void router.replace({ query: canonicalQuery({ ...own, ...writeGlobal(g) }, view.value) });
  }

  const setFilters = (patch: Partial<Filters>) => setGlobal({ filters: { ...global.value.filters, ...patch } });

  /** A link to another view: the global keys, plus choices of that view if given. */
  function linkTo<V extends ViewWithParams>(name: string, choices?: Partial<ViewState<V>>): RouteLocationRaw {
    const q = globalQuery(query.value, view.value);
    return { name, query: choices ? { ...q, ...writeView(name as V, choices) } : q };
  }

  return { view, query, global, write, setGlobal, setFilters, linkTo };
}

type Setter<V extends ViewWithParams> = (patch: Partial<ViewState<V>>) => void;
/** Sets one choice from the text a control emits; the schema's codec checks it. */
type TextSetter<V extends ViewWithParams> = (name: keyof ViewState<V>, text: string) => void;

/** A view's choices from the URL, typed by the schema, and setters that write them back. */
export function useViewState<V extends ViewWithParams>(view: V): [ComputedRef<ViewState<V>>, Setter<V>, TextSetter<V>] {
  const url = useAppUrl();
  const state = computed(() => readView(view, url.query.value));
  const set: Setter<V> = (patch) => {
    const keys = Object.fromEntries(viewKeys(view).map((k) => [k, undefined]));
    url.write({ ...keys, ...writeView(view, { ...state.value, ...patch }) });
  };
  const setText: TextSetter<V> = (name, text) => {
    const spec = (VIEW_PARAMS[view] as unknown as Record<keyof ViewState<V>, ParamSpec<unknown>>)[name];
    set({ [name]: spec.parse(text) } as Partial<ViewState<V>>);
  };
  return [state, set, setText];
}

/**
 * Once, in App.vue: the URL drives the app. Each navigation is put in canonical form (links made
 * before the schema are upgraded in place), then the stores, the language and the workspace
 * follow what it says.
 */
export function useUrlSync(): void {
  const route = useRoute();
  const router = useRouter();
  const filters = useFiltersStore();
  const workspace = useWorkspace();
  const { locale } = useI18n();

  // Before the router has resolved the first navigation, route.query is empty: reading it then
  // would load the default dataset even when the link names another one.
  const ready = router.isReady();
  watch(
    () => [route.name, route.query] as const,
    async () => {
      await ready;
      const view = String(route.name ?? '');
      const raw = flatQuery(route.query);
      const canonical = canonicalQuery(raw, view);
      if (!sameQuery(raw, canonical)) {
        void router.replace({ query: canonical });
        return;
      }
      const g = readGlobal(canonical);
      if (!sameQuery(filtersToQuery(g.filters), filtersToQuery(filters.filters))) filters.set(g.filters);
      locale.value = g.lang;
      if (typeof document !== 'undefined') document.documentElement.lang = g.lang === 'en' ? 'en' : 'zh-CN';
      void workspace.select(g.dataset ?? DEFAULT_DATASET, g.also);
    },
    { immediate: true },
  );
}

/** One choice of a view: its value from the URL, and a setter taking the text a control emits. */
export function useViewChoice<V extends ViewWithParams, K extends keyof ViewState<V>>(
  view: V,
  name: K,
): [ComputedRef<ViewState<V>[K]>, (text: string) => void] {
  const [state, , setText] = useViewState(view);
  return [computed(() => state.value[name]), (text: string) => setText(name, text)];
}
