import type { Filters } from '@/domain/filters';
import type { FilterOptions } from '@/data/queries/dimensions';
import type { Labels } from '@/presenters/labels';
import { formatCount } from '@/domain/format';

/** The URL key of the filter a value belongs to. */
export type FilterParam = 'y' | 'level' | 'kind' | 'prov' | 'city' | 'county' | 'sector' | 'ag';

/**
 * A filter value the loaded dataset does not have (a link made on another dataset, or a dataset
 * switched under the filters): the query still filters on it, so the bar shows it, marked, with a
 * one-click clear. It is never dropped silently, nor shown as 全部.
 */
export interface AbsentFilter {
  readonly param: FilterParam;
  readonly value: string;
  /** "地区：某省" / "Region: …": what the bar says before the mark. */
  readonly text: string;
  /** The change that clears just this value (a region clears what lies under it too). */
  readonly clear: Partial<Filters>;
}

/**
 * Every filter value the dataset lacks, in the bar's order. `absentAgencies`: picked agency ids the
 * dataset does not know. Nothing is reported while the options are unknown (still loading).
 */
export function absentFilters(
  f: Filters,
  options: FilterOptions | null,
  absentAgencies: readonly string[],
  l: Labels,
): AbsentFilter[] {
  if (!options) return [];
  const out: AbsentFilter[] = [];
  const add = (param: FilterParam, label: string, value: string, shown: string, clear: Partial<Filters>) =>
    out.push({ param, value, text: `${label}${l.lang === 'en' ? ': ' : '：'}${shown}`, clear });

  const years = new Set(options.years);
  const yearEnds = [...new Set([f.yearFrom, f.yearTo])].filter((y): y is number => y !== null);
  for (const y of yearEnds.filter((y) => !years.has(y)))
    add('y', l.t('filters.year'), String(y), String(y), { yearFrom: null, yearTo: null });
  for (const v of f.levels.filter((v) => !options.levels.includes(v)))
    add('level', l.t('filters.level'), v, l.t(`level.${v}`), { levels: f.levels.filter((x) => x !== v) });
  for (const v of f.kinds.filter((v) => !options.kinds.includes(v)))
    add('kind', l.t('filters.kind'), v, l.t(`kind.${v}`), { kinds: f.kinds.filter((x) => x !== v) });

  const region = l.t('filters.region');
  const inProvince = options.regions.filter((r) => r.province === f.province);
  if (f.province !== null && inProvince.length === 0) {
    const path = [f.province, f.city, f.county].filter((x): x is string => !!x).join(' / ');
    add('prov', region, f.province, path, { province: null, city: null, county: null });
  } else if (f.city !== null && !inProvince.some((r) => r.city === f.city)) {
    const path = [f.city, f.county].filter((x): x is string => !!x).join(' / ');
    add('city', region, f.city, path, { city: null, county: null });
  } else if (f.county !== null && !inProvince.some((r) => r.city === f.city && r.county === f.county)) {
    add('county', region, f.county, f.county, { county: null });
  }

  for (const v of f.sectors.filter((v) => !options.sectors.includes(v)))
    add('sector', l.t('filters.sector'), v, v, { sectors: f.sectors.filter((x) => x !== v) });
  // Sets and plain copies: a link may pick thousands of agencies (and `f` may be reactive, where
  // every element read is tracked), and a pass over them per absent id stalled the page for seconds.
  const unknown = new Set(absentAgencies);
  const picked = [...f.agencies];
  const gone = picked.filter((id) => unknown.has(id));
  const agency = l.t('feedback.agency');
  if (gone.length > MAX_LISTED_AGENCIES) {
    const first = gone.slice(0, MAX_LISTED_AGENCIES).join(l.lang === 'en' ? ', ' : '、');
    const shown = l.t('feedback.absentMore', { first, n: formatCount(gone.length - MAX_LISTED_AGENCIES, l.lang) });
    add('ag', agency, gone.join(','), shown, { agencies: picked.filter((id) => !unknown.has(id)) });
  } else {
    for (const id of gone) add('ag', agency, id, id, { agencies: picked.filter((x) => x !== id) });
  }
  return out;
}

/** Absent agencies named one by one up to this many; more are one entry ("a、b、c 等 n 个") with one clear. */
export const MAX_LISTED_AGENCIES = 3;

/** The filter groups the folded bar counts; a region is one group whatever its depth. */
type FilterGroup = 'year' | 'level' | 'kind' | 'region' | 'sector' | 'agency' | 'excludeFailing';
const GROUP_OF: Record<FilterParam, FilterGroup> = {
  y: 'year',
  level: 'level',
  kind: 'kind',
  prov: 'region',
  city: 'region',
  county: 'region',
  sector: 'sector',
  ag: 'agency',
};

/**
 * What the folded filter bar (phones) says: how many filter groups are set, and how many of them
 * hold a value the dataset lacks — counted from the same `absent` list the bar shows, so the button
 * and the marked values below it agree.
 */
export function filterCounts(f: Filters, absent: readonly AbsentFilter[]): { set: number; absent: number } {
  const set = new Set<FilterGroup>();
  if (f.yearFrom !== null || f.yearTo !== null) set.add('year');
  if (f.levels.length > 0) set.add('level');
  if (f.kinds.length > 0) set.add('kind');
  if (f.province !== null || f.city !== null || f.county !== null) set.add('region');
  if (f.sectors.length > 0) set.add('sector');
  if (f.agencies.length > 0) set.add('agency');
  if (f.excludeFailing) set.add('excludeFailing');
  const lacking = new Set(absent.map((a) => GROUP_OF[a.param]));
  // An absent value is a set filter, whichever field holds it.
  for (const g of lacking) set.add(g);
  return { set: set.size, absent: lacking.size };
}
