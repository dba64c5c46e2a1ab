import type { Row } from '@/data/query-runner';
import { sql, type SqlQuery } from '@/data/sql';
import { num, requireColumns, str } from '@/data/queries/decode';

/** What is loaded in total: the figures of the loaded-data summary after reports are appended. */
export function loadedTotalsQuery(): SqlQuery {
  return sql`SELECT count(*) AS reports, count(DISTINCT agency_id) AS agencies, min(year) AS first, max(year) AS last
    FROM reports`;
}

export interface LoadedTotals {
  readonly reports: number;
  readonly agencies: number;
  readonly firstYear: number | null;
  readonly lastYear: number | null;
}

export function decodeLoadedTotals(rows: readonly Row[]): LoadedTotals {
  requireColumns(rows, ['reports', 'agencies', 'first', 'last'], 'loadedTotals');
  const r = rows[0] ?? {};
  return {
    reports: Number(r.reports ?? 0),
    agencies: Number(r.agencies ?? 0),
    firstYear: num(r.first),
    lastYear: num(r.last),
  };
}

/**
 * Loaded agencies with one of these names or ids, with their identity columns and the years
 * already loaded: a parsed report of a known agency gets its id and metadata, and a year that is
 * already there is named before the append would refuse it.
 */
export function knownAgenciesQuery(names: readonly string[], ids: readonly string[]): SqlQuery | null {
  if (names.length === 0 && ids.length === 0) return null;
  const none = ['\u0000'];
  return sql`SELECT agency_id, any_value(agency_name) AS agency_name, any_value(level) AS level,
      any_value(kind) AS kind, any_value(province) AS province, any_value(city) AS city,
      any_value(county) AS county, any_value(region_code) AS region_code, any_value(sector) AS sector,
      list(year ORDER BY year) AS years
    FROM reports
    WHERE agency_name IN (${names.length ? names : none}) OR agency_id IN (${ids.length ? ids : none})
    GROUP BY agency_id ORDER BY agency_id`;
}

export interface KnownAgency {
  readonly id: string;
  readonly name: string;
  readonly level: string | null;
  readonly kind: string | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly county: string | null;
  readonly regionCode: string | null;
  readonly sector: string | null;
  readonly years: readonly number[];
}

/** A DuckDB list: an array in Node, an Arrow vector in the browser. */
const list = (v: unknown): unknown[] => {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  const vector = v as { toArray?: () => ArrayLike<unknown> };
  return typeof vector.toArray === 'function' ? Array.from(vector.toArray()) : [];
};

export function decodeKnownAgencies(rows: readonly Row[]): KnownAgency[] {
  requireColumns(
    rows,
    ['agency_id', 'agency_name', 'level', 'kind', 'province', 'city', 'county', 'region_code', 'sector', 'years'],
    'knownAgencies',
  );
  return rows.map((r) => ({
    id: String(r.agency_id),
    name: String(r.agency_name),
    level: str(r.level),
    kind: str(r.kind),
    province: str(r.province),
    city: str(r.city),
    county: str(r.county),
    regionCode: str(r.region_code),
    sector: str(r.sector),
    years: list(r.years).map(Number),
  }));
}
