/**
 * Reading and writing the URL through the schema: a flat query and the view it is on → typed
 * state, and back to the one canonical query for that state. Pure: the Vue side lives in
 * `composables/use-url-state.ts`.
 */
import { filtersFromQuery, filtersToQuery, type Filters, type QueryParams } from '@/domain/filters';
import {
  GLOBAL_KEYS,
  GLOBAL_PARAMS,
  hasParams,
  LEGACY_KEYS,
  URL_VERSION,
  VIEW_PARAMS,
  viewKeys,
  type ParamSpec,
  type ViewName,
  type ViewState,
  type ViewWithParams,
} from '@/url/schema';

export interface GlobalState {
  /** The dataset asked for; null is the default dataset. */
  readonly dataset: string | null;
  /** Further datasets active together with `dataset` (the views see their union); empty by default. */
  readonly also: readonly string[];
  readonly lang: 'zh' | 'en';
  readonly noAnimation: boolean;
  /** Only this chart card is shown (an embed), and the data hash it was made from. */
  readonly embed: string | null;
  readonly pin: string | null;
  readonly filters: Filters;
}

export type { QueryParams };

/** A route's query as plain strings (the first of repeated keys). */
export function flatQuery(q: Record<string, unknown>): QueryParams {
  const out: QueryParams = {};
  for (const [k, v] of Object.entries(q)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string') out[k] = s;
  }
  return out;
}

/** A link made before the schema had a version: its view keys renamed into the view's namespace. */
export function migrateLegacy(q: QueryParams, view: string): QueryParams {
  if (GLOBAL_PARAMS.version.parse(q.v) >= 1) return q;
  const renames = LEGACY_KEYS[view as ViewName] ?? {};
  const out: QueryParams = {};
  for (const [k, v] of Object.entries(q)) {
    if (GLOBAL_KEYS.includes(k)) out[k] = v;
    else if (renames[k]) out[renames[k]] = v;
  }
  return out;
}

export function readGlobal(q: QueryParams): GlobalState {
  return {
    dataset: GLOBAL_PARAMS.dataset.parse(q.ds),
    also: GLOBAL_PARAMS.also.parse(q.with),
    lang: GLOBAL_PARAMS.lang.parse(q.lang),
    noAnimation: GLOBAL_PARAMS.noAnimation.parse(q.noanim),
    embed: GLOBAL_PARAMS.embed.parse(q.embed),
    pin: GLOBAL_PARAMS.pin.parse(q.h),
    filters: filtersFromQuery(q),
  };
}

export function writeGlobal(g: GlobalState): QueryParams {
  const out: QueryParams = { v: String(URL_VERSION) };
  const put = <T>(spec: ParamSpec<T>, value: T) => {
    const s = spec.format(value);
    if (s !== undefined) out[spec.key] = s;
  };
  put(GLOBAL_PARAMS.dataset, g.dataset);
  put(GLOBAL_PARAMS.also, g.also);
  put(GLOBAL_PARAMS.lang, g.lang);
  put(GLOBAL_PARAMS.noAnimation, g.noAnimation);
  put(GLOBAL_PARAMS.embed, g.embed);
  put(GLOBAL_PARAMS.pin, g.pin);
  return { ...out, ...filtersToQuery(g.filters) };
}

type Specs<V extends ViewWithParams> = Record<keyof ViewState<V>, ParamSpec<unknown>>;

export function readView<V extends ViewWithParams>(view: V, q: QueryParams): ViewState<V> {
  const specs = VIEW_PARAMS[view] as Specs<V>;
  return Object.fromEntries(
    Object.entries<ParamSpec<unknown>>(specs).map(([name, spec]) => [name, spec.parse(q[spec.key])]),
  ) as ViewState<V>;
}

export function writeView<V extends ViewWithParams>(view: V, state: Partial<ViewState<V>>): QueryParams {
  const specs = VIEW_PARAMS[view] as Specs<V>;
  const out: QueryParams = {};
  for (const [name, value] of Object.entries(state)) {
    const spec = specs[name as keyof ViewState<V>];
    const s = spec?.format(value);
    if (spec && s !== undefined) out[spec.key] = s;
  }
  return out;
}

/**
 * The one query that means what `q` means on `view`: legacy keys renamed, unknown keys and other
 * views' keys dropped, defaults left out, values in their written form, and the version stamped.
 */
export function canonicalQuery(q: QueryParams, view: string): QueryParams {
  const current = migrateLegacy(q, view);
  const out = writeGlobal(readGlobal(current));
  if (hasParams(view)) Object.assign(out, writeView(view, readView(view, current)));
  return out;
}

/** The query of a link to another view: only the global keys travel. */
export function globalQuery(q: QueryParams, view: string): QueryParams {
  return writeGlobal(readGlobal(migrateLegacy(q, view)));
}

/** Two queries that say the same thing (key order does not matter). */
export function sameQuery(a: QueryParams, b: QueryParams): boolean {
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

/** Keys of a view's namespace that `q` holds (used to keep one view's keys when writing another's). */
export function keysOfView(q: QueryParams, view: string): string[] {
  const own = new Set(viewKeys(view));
  return Object.keys(q).filter((k) => own.has(k));
}
