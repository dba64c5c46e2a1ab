import { KINDS, LEVELS } from '@/domain/catalogue';
import type { Row } from '@/data/query-runner';
import { sql, type SqlQuery } from '@/data/sql';
import { requireColumns } from '@/data/queries/decode';

export interface RegionNode {
  readonly province: string;
  readonly city: string | null;
  readonly county: string | null;
}

export interface FilterOptions {
  readonly years: number[];
  readonly levels: string[];
  readonly kinds: string[];
  readonly sectors: string[];
  readonly regions: RegionNode[];
  readonly reports: number;
}

/** Everything the filter bar offers, from what is loaded. */
export function filterOptionsQuery(): SqlQuery {
  return sql`SELECT
      (SELECT list(DISTINCT year ORDER BY year) FROM reports) AS years,
      (SELECT list(DISTINCT level ORDER BY level) FROM reports) AS levels,
      (SELECT list(DISTINCT kind ORDER BY kind) FROM reports) AS kinds,
      (SELECT list(DISTINCT sector ORDER BY sector) FROM reports WHERE sector IS NOT NULL) AS sectors,
      (SELECT list(DISTINCT province || '|' || coalesce(city, '') || '|' || coalesce(county, '')) FROM reports WHERE province IS NOT NULL) AS regions,
      (SELECT count(*) FROM reports) AS reports`;
}

const arr = (v: unknown): unknown[] => {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  const maybe = v as { toArray?: () => unknown[] };
  return typeof maybe.toArray === 'function' ? Array.from(maybe.toArray()) : [];
};

/** Known values in the catalogue's order (national → township), unknown ones after. */
const inOrder = (values: string[], order: readonly string[]) =>
  [...values].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));

export function decodeFilterOptions(rows: readonly Row[]): FilterOptions {
  requireColumns(rows, ['years', 'levels', 'kinds', 'sectors', 'regions', 'reports'], 'filterOptions');
  const r = rows[0] ?? {};
  const regions = arr(r.regions)
    .map((s) => String(s).split('|'))
    .map(([province, city, county]) => ({ province: province ?? '', city: city || null, county: county || null }))
    .sort((a, b) =>
      `${a.province}|${a.city ?? ''}|${a.county ?? ''}`.localeCompare(
        `${b.province}|${b.city ?? ''}|${b.county ?? ''}`,
        'zh-CN',
      ),
    );
  return {
    years: arr(r.years).map(Number),
    levels: inOrder(
      arr(r.levels).map(String),
      LEVELS.map((l) => l.key),
    ),
    kinds: inOrder(
      arr(r.kinds).map(String),
      KINDS.map((k) => k.key),
    ),
    sectors: arr(r.sectors).map(String),
    regions,
    reports: Number(r.reports ?? 0),
  };
}

export interface AgencyOption {
  readonly id: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
}

/** Agencies whose name or id contains the search text (typeahead). */
export function agencySearchQuery(text: string, limit = 20): SqlQuery {
  const like = `%${text.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  return sql`SELECT agency_id, any_value(agency_name) AS agency_name, any_value(level) AS level, any_value(kind) AS kind
    FROM reports WHERE agency_name ILIKE ${like} ESCAPE '\\' OR agency_id ILIKE ${like} ESCAPE '\\'
    GROUP BY agency_id ORDER BY length(any_value(agency_name)), agency_id LIMIT ${limit}`;
}

/** Every loaded agency with its latest name (for the pinyin index of the typeahead). */
export function allAgenciesQuery(): SqlQuery {
  return sql`SELECT agency_id, arg_max(agency_name, year) AS agency_name, arg_max(level, year) AS level,
    arg_max(kind, year) AS kind FROM reports GROUP BY agency_id ORDER BY agency_id`;
}

/** Names of agencies picked by id (to label chips restored from a URL). */
export function agencyNamesQuery(ids: readonly string[]): SqlQuery | null {
  if (ids.length === 0) return null;
  return sql`SELECT agency_id, any_value(agency_name) AS agency_name, any_value(level) AS level, any_value(kind) AS kind
    FROM reports WHERE agency_id IN (${ids}) GROUP BY agency_id`;
}

export function decodeAgencyOptions(rows: readonly Row[]): AgencyOption[] {
  requireColumns(rows, ['agency_id', 'agency_name', 'level', 'kind'], 'agencyOptions');
  return rows.map((r) => ({
    id: String(r.agency_id),
    name: String(r.agency_name),
    level: String(r.level),
    kind: String(r.kind),
  }));
}
