import type { Filters } from '@/domain/filters';
import { indicator, type IndicatorDef } from '@/domain/indicators';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type Fragment, type SqlQuery } from '@/data/sql';
import { filtersWhere, type WhereOptions } from '@/data/queries/filters';
import {
  countAlias,
  countColumn,
  indicatorAggregateSql,
  indicatorAlias,
  indicatorCountSql,
  indicatorRowSql,
  shareAlias,
  shareColumn,
  termsSql,
  valueColumn,
} from '@/data/queries/terms';
import { num, requireColumns, str } from '@/data/queries/decode';
import { balancedAgenciesSql } from '@/data/queries/matched';

/** Which reports a trend pools: all of them, or only agencies present in every year (a balanced panel). */
export interface TrendPanel {
  readonly balanced?: boolean;
}

/** `AND agency_id IN (…)` for a balanced panel over the same filters; nothing otherwise. */
function panelWhere(f: Filters, where: WhereOptions, panel: TrendPanel): Fragment {
  return panel.balanced ? sql` AND reports.agency_id IN ${balancedAgenciesSql(f, where)}` : sql``;
}

/** How reports are pooled into one line: each picked agency, or a group of agencies. */
export type TrendGroupBy = 'agency' | 'all' | 'level' | 'kind' | 'level_kind' | 'sector';
export const TREND_GROUPINGS: readonly TrendGroupBy[] = ['agency', 'all', 'level', 'kind', 'level_kind', 'sector'];

export interface TrendPoint {
  readonly year: number;
  /** Indicator value per key (null: not reported, or a zero denominator). */
  readonly values: Record<string, number | null>;
  /** Share of the year's total over every agency matching the filters (counts only). */
  readonly shares: Record<string, number | null>;
  /** Reports that had every cell an indicator needs. */
  readonly counts: Record<string, number>;
}

export interface TrendLine {
  /** Agency id, or the group's level, kind and sector joined by `|` (`county|government|`, `||` for all). */
  readonly id: string;
  readonly agencyName: string | null;
  readonly level: string | null;
  readonly kind: string | null;
  /** Sector of a sector group; null for agencies without one. */
  readonly sector: string | null;
  readonly points: TrendPoint[];
}

const GROUP_COLS: Record<Exclude<TrendGroupBy, 'agency'>, readonly ('level' | 'kind' | 'sector')[]> = {
  all: [],
  level: ['level'],
  kind: ['kind'],
  level_kind: ['level', 'kind'],
  sector: ['sector'],
};

/** Share of a count in the year's total; rates have no meaningful share (NULL). */
function shareSql(def: IndicatorDef, value: Fragment, total: Fragment): Fragment {
  return def.denominator ? sql`CAST(NULL AS DOUBLE)` : sql`${value} / NULLIF(${total}, 0)`;
}

/** Totals per year over every agency matching the filters but the agency pick (share denominators). */
function totalsCte(f: Filters, defs: readonly IndicatorDef[], where: WhereOptions, panel: TrendPanel): Fragment {
  const cols = defs.map((d) => sql`SUM(${termsSql(d.numerator)}) AS ${name(`t_${d.key}`)}`);
  const w = { ...where, ignoreAgencies: true };
  return sql`totals AS (SELECT ${col('year')} AS t_year, ${join(cols)} FROM reports
    WHERE ${filtersWhere(f, w)}${panelWhere(f, w, panel)} GROUP BY 1)`;
}

/**
 * Each picked agency's indicators per reported year (a year without a report has no row: a gap).
 * With a balanced panel, only picked agencies reporting in every year of the selection, and shares
 * of the panel's total.
 */
export function agencyTrendsQuery(
  f: Filters,
  keys: readonly string[],
  where: WhereOptions = {},
  panel: TrendPanel = {},
): SqlQuery | null {
  if (keys.length === 0 || f.agencies.length === 0) return null;
  const defs = keys.map(indicator);
  const cols = defs.flatMap((d) => [
    sql`${indicatorRowSql(d)} AS ${indicatorAlias(d.key)}`,
    sql`${shareSql(d, indicatorRowSql(d), sql`totals.${name(`t_${d.key}`)}`)} AS ${shareAlias(d.key)}`,
    sql`CASE WHEN ${indicatorRowSql(d)} IS NULL THEN 0 ELSE 1 END AS ${countAlias(d.key)}`,
  ]);
  // `reports` keeps its name (no alias): the failing-reports clause of filtersWhere refers to it.
  return sql`WITH ${totalsCte(f, defs, where, panel)}
    SELECT reports.agency_id AS line_id,
      arg_max(reports.agency_name, reports.year) OVER (PARTITION BY reports.agency_id) AS agency_name,
      reports.level AS level, reports.kind AS kind, reports.sector AS sector, reports.year AS year, ${join(cols)}
    FROM reports LEFT JOIN totals ON totals.t_year = reports.year
    WHERE ${filtersWhere(f, where)}${panelWhere(f, { ...where, ignoreAgencies: true }, panel)}
    ORDER BY reports.agency_id, reports.year`;
}

/**
 * Pooled indicators per group and year: sums for counts, ratios of sums for rates. With a balanced
 * panel, only over the agencies reporting in every year of the selection.
 */
export function groupTrendsQuery(
  f: Filters,
  keys: readonly string[],
  by: Exclude<TrendGroupBy, 'agency'>,
  where: WhereOptions = {},
  panel: TrendPanel = {},
): SqlQuery | null {
  if (keys.length === 0) return null;
  const defs = keys.map(indicator);
  const groupCols = GROUP_COLS[by];
  const pick = (c: 'level' | 'kind' | 'sector') =>
    groupCols.includes(c) ? sql`${col(c)} AS ${name(c)}` : sql`CAST(NULL AS VARCHAR) AS ${name(c)}`;
  const cols = defs.flatMap((d) => [
    sql`${indicatorAggregateSql(d)} AS ${indicatorAlias(d.key)}`,
    sql`${shareSql(d, indicatorAggregateSql(d), sql`SUM(SUM(${termsSql(d.numerator)})) OVER (PARTITION BY ${col('year')})`)} AS ${shareAlias(d.key)}`,
    sql`${indicatorCountSql(d)} AS ${countAlias(d.key)}`,
  ]);
  const groupBy = join([...groupCols.map((c) => sql`${col(c)}`), sql`${col('year')}`]);
  return sql`SELECT CAST(NULL AS VARCHAR) AS line_id, CAST(NULL AS VARCHAR) AS agency_name,
      ${pick('level')}, ${pick('kind')}, ${pick('sector')}, ${col('year')} AS year, ${join(cols)}
    FROM reports WHERE ${filtersWhere(f, { ...where, ignoreAgencies: true })}${panelWhere(f, { ...where, ignoreAgencies: true }, panel)}
    GROUP BY ${groupBy} ORDER BY ${groupBy}`;
}

/** Rows of either trend query → one line per agency or group, points in year order. */
export function decodeTrendLines(rows: readonly Row[], keys: readonly string[]): TrendLine[] {
  requireColumns(
    rows,
    [
      'line_id',
      'agency_name',
      'level',
      'kind',
      'sector',
      'year',
      ...keys.flatMap((k) => [valueColumn(k), shareColumn(k), countColumn(k)]),
    ],
    'trendLines',
  );
  const lines = new Map<string, { line: Omit<TrendLine, 'points'>; points: TrendPoint[] }>();
  for (const r of rows) {
    const agencyId = str(r.line_id);
    const id = agencyId ?? [r.level, r.kind, r.sector].map((x) => str(x) ?? '').join('|');
    let entry = lines.get(id);
    if (!entry) {
      entry = {
        line: { id, agencyName: str(r.agency_name), level: str(r.level), kind: str(r.kind), sector: str(r.sector) },
        points: [],
      };
      lines.set(id, entry);
    }
    entry.points.push({
      year: Number(r.year),
      values: Object.fromEntries(keys.map((k) => [k, num(r[valueColumn(k)])])),
      shares: Object.fromEntries(keys.map((k) => [k, num(r[shareColumn(k)])])),
      counts: Object.fromEntries(keys.map((k) => [k, Number(r[countColumn(k)] ?? 0)])),
    });
  }
  return [...lines.values()].map((e) => ({ ...e.line, points: e.points.sort((a, b) => a.year - b.year) }));
}
