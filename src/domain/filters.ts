import { LEVELS, KINDS, type AgencyKind, type Level } from '@/domain/catalogue';

/** What the user has narrowed the data to; shared by every view and kept in the URL. */
export interface Filters {
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  readonly levels: readonly Level[];
  readonly kinds: readonly AgencyKind[];
  readonly province: string | null;
  readonly city: string | null;
  readonly county: string | null;
  readonly sectors: readonly string[];
  /** Agencies picked by id (compare, trends). */
  readonly agencies: readonly string[];
  /** Leave out reports that fail an error-level rule. */
  readonly excludeFailing: boolean;
}

export const EMPTY_FILTERS: Filters = {
  yearFrom: null,
  yearTo: null,
  levels: [],
  kinds: [],
  province: null,
  city: null,
  county: null,
  sectors: [],
  agencies: [],
  excludeFailing: false,
};

export type QueryParams = Record<string, string | undefined>;

/** The URL parameters the filters own; every other parameter (dataset, language, view choices) is kept. */
export const FILTER_PARAMS: readonly string[] = ['y', 'level', 'kind', 'prov', 'city', 'county', 'sector', 'ag', 'xf'];

const LEVEL_KEYS = new Set<string>(LEVELS.map((l) => l.key));
const KIND_KEYS = new Set<string>(KINDS.map((k) => k.key));

const list = (s: string | undefined): string[] => (s ? s.split(',').filter((x) => x !== '') : []);
/** A report year: annual reports exist from 2008 on, so four digits of this century. */
const int = (s: string | undefined): number | null => (s && /^20\d\d$/.test(s) ? Number(s) : null);

/** URL query → filters; anything unknown or malformed is dropped, never trusted. */
export function filtersFromQuery(q: QueryParams): Filters {
  const [from, to] = (q.y ?? '').split('-');
  const yearFrom = int(from);
  // A range whose start is not a year is no range; an end before the start is the start.
  const end = to === undefined ? yearFrom : int(to);
  const yearTo = yearFrom === null ? null : end === null || end < yearFrom ? yearFrom : end;
  return {
    yearFrom,
    yearTo,
    levels: list(q.level).filter((l): l is Level => LEVEL_KEYS.has(l)),
    kinds: list(q.kind).filter((k): k is AgencyKind => KIND_KEYS.has(k)),
    province: q.prov || null,
    city: q.city || null,
    county: q.county || null,
    sectors: list(q.sector),
    agencies: list(q.ag),
    excludeFailing: q.xf === '1',
  };
}

/** Filters → the URL query; empty values are left out so links stay short. */
export function filtersToQuery(f: Filters): QueryParams {
  const q: QueryParams = {};
  if (f.yearFrom !== null)
    q.y = f.yearTo !== null && f.yearTo !== f.yearFrom ? `${f.yearFrom}-${f.yearTo}` : `${f.yearFrom}`;
  if (f.levels.length) q.level = f.levels.join(',');
  if (f.kinds.length) q.kind = f.kinds.join(',');
  if (f.province) q.prov = f.province;
  if (f.city) q.city = f.city;
  if (f.county) q.county = f.county;
  if (f.sectors.length) q.sector = f.sectors.join(',');
  if (f.agencies.length) q.ag = f.agencies.join(',');
  if (f.excludeFailing) q.xf = '1';
  return q;
}
