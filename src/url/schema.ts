/**
 * The URL schema: every key the app reads or writes, declared once with its codec, default,
 * allowed values and scope. Global keys (dataset, language, filters) belong to every view and are
 * the only ones tab links carry; a view's keys are namespaced (`cmp.…`, `tr.…`) so that two views
 * can never read each other's choices. `v` names the schema's version: a link without it was made
 * before the schema and is read through `migrateLegacy`.
 */
import { FILTER_PARAMS } from '@/domain/filters';
import { isIndicatorKey } from '@/domain/indicators';
import { isRuleId } from '@/domain/rules';
import { DEFAULT_MIN_DENOMINATOR } from '@/domain/stats';
import { TREND_GROUPINGS } from '@/data/queries/trends';
import { COMPOSITION_BY, DRILL_GROUPS } from '@/data/queries/outcomes';

export const URL_VERSION = 1;

export const VIEW_NAMES = [
  'overview',
  'compare',
  'trends',
  'outcomes',
  'applicants',
  'litigation',
  'proactive',
  'report',
  'quality',
  'data',
  'import',
  'glossary',
  'briefing',
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** How one key is read from and written to the URL. Parsing never throws: anything odd is the default. */
export interface Codec<T> {
  parse(raw: string | undefined): T;
  /** undefined: the value is the default and is left out of the URL. (A method: specs of any T fit a list.) */
  format(value: T): string | undefined;
}

export interface ParamSpec<T> extends Codec<T> {
  /** The key as it appears in the URL. */
  readonly key: string;
  readonly default: T;
  /** The values a choice may take (documentation and tests); absent for free text and numbers. */
  readonly allowed?: readonly string[];
  readonly doc: string;
}

// --- codecs ---------------------------------------------------------------------------------------

function choice<T extends string>(key: string, allowed: readonly T[], fallback: T, doc: string): ParamSpec<T> {
  return {
    key,
    default: fallback,
    allowed,
    doc,
    parse: (raw) => allowed.find((a) => a === raw) ?? fallback,
    format: (v) => (v === fallback ? undefined : v),
  };
}

/** A choice with no default value: absent means "let the view decide" (e.g. from other choices). */
function optionalChoice<T extends string>(key: string, allowed: readonly T[], doc: string): ParamSpec<T | null> {
  return {
    key,
    default: null,
    allowed,
    doc,
    parse: (raw) => allowed.find((a) => a === raw) ?? null,
    format: (v) => v ?? undefined,
  };
}

function flag(key: string, doc: string): ParamSpec<boolean> {
  return { key, default: false, doc, parse: (raw) => raw === '1', format: (v) => (v ? '1' : undefined) };
}

/** A page number: a positive integer of at most six digits; page 1 is left out. */
function page(key: string, doc: string): ParamSpec<number> {
  return {
    key,
    default: 1,
    doc,
    parse: (raw) => (raw && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1),
    format: (v) => (v > 1 ? String(v) : undefined),
  };
}

/** Free text (an id), kept as written; empty is absent. */
function text(key: string, doc: string): ParamSpec<string | null> {
  return { key, default: null, doc, parse: (raw) => (raw ? raw : null), format: (v) => v ?? undefined };
}

/** A report year (four digits, 2000–2099); anything else is absent. */
function year(key: string, doc: string): ParamSpec<number | null> {
  return {
    key,
    default: null,
    doc,
    parse: (raw) => (raw && /^20\d\d$/.test(raw) ? Number(raw) : null),
    format: (v) => (v === null ? undefined : String(v)),
  };
}

/** A whole number of at most six digits; the default is left out. */
function wholeNumber(key: string, fallback: number, doc: string): ParamSpec<number> {
  return {
    key,
    default: fallback,
    doc,
    parse: (raw) => (raw && /^\d{1,6}$/.test(raw) ? Number(raw) : fallback),
    format: (v) => (v === fallback ? undefined : String(v)),
  };
}

/** A comma-separated list of keys that pass `valid`, in order, without repeats. */
function keyList(key: string, valid: (k: string) => boolean, doc: string): ParamSpec<readonly string[]> {
  return {
    key,
    default: [],
    doc,
    parse: (raw) => [...new Set((raw ?? '').split(',').filter(valid))],
    format: (v) => (v.length ? v.join(',') : undefined),
  };
}

/** Escapes the separator of an id list, so any id (a file name may hold a comma) survives. */
const escapeId = (id: string) => id.replace(/%/g, '%25').replace(/,/g, '%2C');
const unescapeId = (id: string) => id.replace(/%2C/gi, ',').replace(/%25/g, '%');

/** A comma-separated list of ids (free text), in order, without repeats or empties. */
function idList(key: string, doc: string): ParamSpec<readonly string[]> {
  return {
    key,
    default: [],
    doc,
    parse: (raw) => [...new Set((raw ?? '').split(',').filter(Boolean).map(unescapeId))],
    format: (v) => (v.length ? v.map(escapeId).join(',') : undefined),
  };
}

// --- global keys ----------------------------------------------------------------------------------

/** Keys that belong to every view. The filters' own codec lives in `domain/filters.ts`. */
export const GLOBAL_PARAMS = {
  version: {
    key: 'v',
    default: URL_VERSION,
    doc: 'version of this schema; absent on links made before it',
    parse: (raw: string | undefined) => (raw && /^\d{1,3}$/.test(raw) ? Number(raw) : 0),
    format: () => String(URL_VERSION),
  } satisfies ParamSpec<number>,
  dataset: text('ds', 'the dataset shown; absent is the default dataset'),
  also: idList('with', 'further datasets shown together with `ds` (their union; conflicts resolved in the Data view)'),
  lang: choice('lang', ['zh', 'en'] as const, 'zh', 'language of the page'),
  noAnimation: flag('noanim', 'draw charts without animation (tests, embeds, print)'),
  embed: text('embed', 'show only this chart card, without the app around it (an embed in another page)'),
  pin: text('h', 'content hash of the data an embed was made from; a different one is said'),
} as const;

/** Every global key, the filters' included: the only keys a link to another view carries. */
export const GLOBAL_KEYS: readonly string[] = [...Object.values(GLOBAL_PARAMS).map((p) => p.key), ...FILTER_PARAMS];

// --- view keys ------------------------------------------------------------------------------------

const COMPARE_SCOPES = ['picked', 'all'] as const;
const TREND_MODES = ['absolute', 'share', 'index'] as const;
const COUNT_MODES = ['count', 'share'] as const;
const QUALITY_BY = ['year', 'level', 'kind'] as const;
const SEVERITIES = ['error', 'warning'] as const;

/** Each view's keys, under the view's prefix. Views without choices have none. */
export const VIEW_PARAMS = {
  compare: {
    cols: keyList('cmp.cols', isIndicatorKey, 'indicator columns of the ranking, in order'),
    sort: text('cmp.sort', 'ranking order: indicator.field.dir (field start|end|delta|pct), or name.…'),
    page: page('cmp.page', 'page of the ranking'),
    scope: choice('cmp.scope', COMPARE_SCOPES, 'picked', 'with agencies picked: rank only them, or all'),
    minN: wholeNumber(
      'cmp.min',
      DEFAULT_MIN_DENOMINATOR,
      'minimum denominator of a ranked rate; agencies under it are listed apart (样本过小)',
    ),
    funnelGroup: text('cmp.fg', 'peer group of the funnel plot, level.kind (absent: the first drawn agency’s)'),
  },
  trends: {
    indicators: keyList('tr.ind', isIndicatorKey, 'indicators drawn'),
    by: optionalChoice('tr.by', TREND_GROUPINGS, 'one line per agency, or per group'),
    mode: choice('tr.mode', TREND_MODES, 'absolute', 'absolute values, share of the total, or index'),
    base: year('tr.base', 'base year of the index (100)'),
    balanced: flag('tr.same', 'only agencies with a report in every year (a balanced panel)'),
  },
  outcomes: {
    by: choice('out.by', COMPOSITION_BY, 'agency', 'composition bars per agency, level, kind or sector'),
    reason: choice('out.reason', DRILL_GROUPS, 'denied', 'the outcome group whose reasons are shown'),
    mode: choice('out.mode', COUNT_MODES, 'count', 'reasons as counts or shares'),
  },
  applicants: {
    mode: choice('app.mode', COUNT_MODES, 'count', 'applicant types as counts or shares'),
    by: choice('app.by', ['level', 'kind'] as const, 'level', 'groups of the applicant-type bars'),
  },
  litigation: {
    by: choice('lit.by', ['year', 'level', 'kind'] as const, 'year', 'cases by year, level or kind'),
  },
  quality: {
    rule: text('q.rule', 'one rule (R1…R6, S2…)'),
    severity: optionalChoice('q.sev', SEVERITIES, 'rules of one severity'),
    blankAsZero: flag('q.blank0', 'treat blank cells as 0 when checking'),
    by: choice('q.by', QUALITY_BY, 'year', 'pass rates by year, level or kind'),
    sort: choice('q.sort', ['best', 'worst'] as const, 'best', 'agency scores best or worst first'),
    failurePage: page('q.fp', 'page of the failure list'),
    scorePage: page('q.sp', 'page of the agency scores'),
  },
  report: {
    agency: text('rep.agency', 'the agency whose report is shown'),
    year: year('rep.year', 'the report year (absent: the latest)'),
    previous: flag('rep.prev', 'show the previous year beside it'),
    blankAsZero: flag('rep.blank0', 'treat blank cells as 0 when checking'),
    check: text('rep.check', 'the check whose cells are highlighted'),
  },
} as const satisfies Partial<Record<ViewName, Record<string, ParamSpec<unknown>>>>;

export type ViewWithParams = keyof typeof VIEW_PARAMS;
type SpecValue<S> = S extends ParamSpec<infer T> ? T : never;
/** The parsed choices of a view, e.g. `ViewState<'compare'>['page']` is a number. */
export type ViewState<V extends ViewWithParams> = {
  readonly [K in keyof (typeof VIEW_PARAMS)[V]]: SpecValue<(typeof VIEW_PARAMS)[V][K]>;
};

export function hasParams(view: string): view is ViewWithParams {
  return Object.hasOwn(VIEW_PARAMS, view);
}

/** Every key of a view's namespace. */
export function viewKeys(view: string): string[] {
  if (!hasParams(view)) return [];
  return Object.values(VIEW_PARAMS[view] as Record<string, ParamSpec<unknown>>).map((p) => p.key);
}

/** A rule id the quality view accepts (validated here so the codec stays a plain text). */
export const validRuleParam = (r: string | null): string | null => (r && isRuleId(r) ? r : null);

// --- links made before the schema (no `v`) -------------------------------------------------------

/**
 * Keys of links made before version 1, per view: the old key → the new one. Old tab links copied
 * every key into every view, so an old key is read only on the view that owned it.
 */
export const LEGACY_KEYS: Partial<Record<ViewName, Record<string, string>>> = {
  compare: { cols: 'cmp.cols', csort: 'cmp.sort', cpage: 'cmp.page', cscope: 'cmp.scope' },
  trends: { tind: 'tr.ind', tby: 'tr.by', tmode: 'tr.mode', tbase: 'tr.base' },
  outcomes: { by: 'out.by', reason: 'out.reason', mode: 'out.mode' },
  applicants: { mode: 'app.mode', by: 'app.by' },
  litigation: { by: 'lit.by' },
  quality: {
    rule: 'q.rule',
    sev: 'q.sev',
    blank0: 'q.blank0',
    by: 'q.by',
    sort: 'q.sort',
    fp: 'q.fp',
    sp: 'q.sp',
  },
  report: { agency: 'rep.agency', year: 'rep.year', prev: 'rep.prev', blank0: 'rep.blank0', check: 'rep.check' },
};
