import type { CompareSort, PeerStats } from '@/domain/compare';
import type { Filters } from '@/domain/filters';
import { indicator } from '@/domain/indicators';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type Fragment, type SqlQuery } from '@/data/sql';
import { filtersWhere, type WhereOptions } from '@/data/queries/filters';
import { indicatorRowSql } from '@/data/queries/terms';
import { num, requireColumns, str } from '@/data/queries/decode';

export interface CompareRequest {
  readonly filters: Filters;
  readonly keys: readonly string[];
  readonly from: number;
  readonly to: number;
  /** `picked`: the agencies of the global pick; `all`: every agency matching the other filters. */
  readonly scope: 'picked' | 'all';
  readonly sort: CompareSort;
  readonly limit: number;
  readonly offset: number;
  readonly where?: WhereOptions;
}

export interface CompareValues {
  readonly start: number | null;
  readonly end: number | null;
  readonly delta: number | null;
  readonly pct: number | null;
}

export interface CompareRow {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly level: string;
  readonly kind: string;
  readonly values: Record<string, CompareValues>;
}

export interface ComparePage {
  readonly rows: CompareRow[];
  /** Agencies in the whole ranking, not just this page. */
  readonly total: number;
}

const FIELD_PREFIX = { start: 's', end: 'e', delta: 'd', pct: 'p' } as const;
const alias = (field: keyof typeof FIELD_PREFIX, key: string) => name(`${FIELD_PREFIX[field]}_${key}`);

function scopeWhere(r: CompareRequest): Fragment {
  return filtersWhere(r.filters, { ...r.where, ignoreYears: true, ignoreAgencies: r.scope === 'all' });
}

/**
 * One row per agency with a report in the start or end year: each indicator at the start and the
 * end of the range, Δ (end − start) and Δ% (Δ ÷ start, undefined when the start is 0), sorted and
 * paged in SQL so a national dataset stays a page of rows.
 */
export function compareTableQuery(r: CompareRequest): SqlQuery | null {
  if (r.keys.length === 0 || (r.scope === 'picked' && r.filters.agencies.length === 0)) return null;
  const defs = r.keys.map(indicator);
  const yearCols = defs.flatMap((d) => [
    sql`max(${indicatorRowSql(d)}) FILTER (WHERE ${col('year')} = ${r.from}) AS ${alias('start', d.key)}`,
    sql`max(${indicatorRowSql(d)}) FILTER (WHERE ${col('year')} = ${r.to}) AS ${alias('end', d.key)}`,
  ]);
  const changeCols = defs.flatMap((d) => [
    sql`${alias('end', d.key)} - ${alias('start', d.key)} AS ${alias('delta', d.key)}`,
    sql`(${alias('end', d.key)} - ${alias('start', d.key)}) / NULLIF(${alias('start', d.key)}, 0) AS ${alias('pct', d.key)}`,
  ]);
  const sortCol = r.sort.key === 'name' ? name('agency_name') : alias(r.sort.field, indicator(r.sort.key).key);
  const dir = r.sort.dir === 'asc' ? sql`ASC` : sql`DESC`;
  return sql`WITH base AS (
      SELECT agency_id, arg_max(agency_name, year) AS agency_name, any_value(level) AS level, any_value(kind) AS kind,
        ${join(yearCols)}
      FROM reports WHERE ${scopeWhere(r)} AND ${col('year')} IN (${[r.from, r.to]})
      GROUP BY agency_id
    )
    SELECT *, ${join(changeCols)}, count(*) OVER () AS total_rows
    FROM base ORDER BY ${sortCol} ${dir} NULLS LAST, agency_id LIMIT ${r.limit} OFFSET ${r.offset}`;
}

export function decodeComparePage(rows: readonly Row[], keys: readonly string[]): ComparePage {
  requireColumns(
    rows,
    [
      'agency_id',
      'agency_name',
      'level',
      'kind',
      'total_rows',
      ...keys.flatMap((k) => ['s', 'e', 'd', 'p'].map((p) => `${p}_${k}`)),
    ],
    'compareTable',
  );
  return {
    total: Number(rows[0]?.total_rows ?? 0),
    rows: rows.map((r) => ({
      agencyId: String(r.agency_id),
      agencyName: str(r.agency_name) ?? '',
      level: String(r.level),
      kind: String(r.kind),
      values: Object.fromEntries(
        keys.map((k) => [
          k,
          { start: num(r[`s_${k}`]), end: num(r[`e_${k}`]), delta: num(r[`d_${k}`]), pct: num(r[`p_${k}`]) },
        ]),
      ),
    })),
  };
}

export interface PeerPosition {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly level: string;
  readonly kind: string;
  readonly value: number | null;
  readonly stats: PeerStats;
}

/**
 * For each given agency, its indicator value in `year` and the distribution of the same indicator
 * over its peers: the agencies of the same level and kind reporting that year within the other
 * filters (so within the chosen sector when one is set). Quartiles by linear interpolation
 * (quantile_cont); whiskers at the most extreme values within 1.5 IQR.
 */
export function peerPositionQuery(
  f: Filters,
  key: string,
  year: number,
  agencyIds: readonly string[],
  where: WhereOptions = {},
): SqlQuery | null {
  if (agencyIds.length === 0) return null;
  const v = indicatorRowSql(indicator(key));
  return sql`WITH vals AS (
      SELECT agency_id, level, kind, ${v} AS v FROM reports
      WHERE ${filtersWhere(f, { ...where, ignoreYears: true, ignoreAgencies: true })} AND ${col('year')} = ${year} AND ${v} IS NOT NULL
    ), stats AS (
      SELECT level, kind, count(*) AS n, quantile_cont(v, 0.25) AS q1, quantile_cont(v, 0.5) AS median,
        quantile_cont(v, 0.75) AS q3
      FROM vals GROUP BY level, kind
    ), fenced AS (
      SELECT s.level, s.kind, any_value(s.n) AS n, any_value(s.q1) AS q1, any_value(s.median) AS median, any_value(s.q3) AS q3,
        min(x.v) FILTER (WHERE x.v >= s.q1 - 1.5 * (s.q3 - s.q1)) AS low,
        max(x.v) FILTER (WHERE x.v <= s.q3 + 1.5 * (s.q3 - s.q1)) AS high
      FROM stats s JOIN vals x ON x.level = s.level AND x.kind = s.kind GROUP BY s.level, s.kind
    ), chosen AS (
      SELECT agency_id, agency_name, level, kind, ${v} AS value FROM reports
      WHERE ${col('agency_id')} IN (${agencyIds}) AND ${col('year')} = ${year}
    )
    SELECT c.agency_id, c.agency_name, c.level, c.kind, c.value, coalesce(f.n, 0) AS n, f.q1, f.median, f.q3, f.low, f.high
    FROM chosen c LEFT JOIN fenced f ON f.level = c.level AND f.kind = c.kind`;
}

export function decodePeerPositions(rows: readonly Row[], order: readonly string[]): PeerPosition[] {
  requireColumns(
    rows,
    ['agency_id', 'agency_name', 'level', 'kind', 'value', 'n', 'q1', 'median', 'q3', 'low', 'high'],
    'peerPosition',
  );
  const decoded = rows.map((r) => ({
    agencyId: String(r.agency_id),
    agencyName: str(r.agency_name) ?? '',
    level: String(r.level),
    kind: String(r.kind),
    value: num(r.value),
    stats: {
      n: Number(r.n),
      q1: num(r.q1),
      median: num(r.median),
      q3: num(r.q3),
      low: num(r.low),
      high: num(r.high),
    },
  }));
  // In the order of the ranking the agencies were taken from.
  return decoded.sort((a, b) => order.indexOf(a.agencyId) - order.indexOf(b.agencyId));
}
