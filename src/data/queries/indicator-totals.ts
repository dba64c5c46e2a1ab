import type { Filters } from '@/domain/filters';
import { indicator } from '@/domain/indicators';
import type { Row } from '@/data/query-runner';
import { join, sql, type SqlQuery } from '@/data/sql';
import { filtersWhere, type WhereOptions } from '@/data/queries/filters';
import {
  countAlias,
  indicatorAggregateSql,
  indicatorAlias,
  indicatorCountSql,
  countColumn,
  valueColumn,
} from '@/data/queries/terms';
import { num, requireColumns } from '@/data/queries/decode';

export interface IndicatorTotals {
  /** Reports in the selection. */
  readonly reports: number;
  /** Pooled value over the whole selection (every year of the range together). */
  readonly values: Record<string, number | null>;
  /** Reports that had every cell the indicator needs. */
  readonly counts: Record<string, number>;
}

/** Indicators pooled over every report of the selection (sums; rates as ratios of sums). */
export function indicatorTotalsQuery(f: Filters, keys: readonly string[], opts: WhereOptions = {}): SqlQuery | null {
  if (!keys.length) return null;
  const cols = keys
    .map(indicator)
    .flatMap((d) => [
      sql`${indicatorAggregateSql(d)} AS ${indicatorAlias(d.key)}`,
      sql`${indicatorCountSql(d)} AS ${countAlias(d.key)}`,
    ]);
  return sql`SELECT count(*) AS reports, ${join(cols)} FROM reports WHERE ${filtersWhere(f, opts)}`;
}

export function decodeIndicatorTotals(rows: readonly Row[], keys: readonly string[]): IndicatorTotals {
  requireColumns(rows, ['reports', ...keys.flatMap((k) => [valueColumn(k), countColumn(k)])], 'indicatorTotals');
  const r = rows[0] ?? {};
  return {
    reports: Number(r.reports ?? 0),
    values: Object.fromEntries(keys.map((k) => [k, num(r[valueColumn(k)])])),
    counts: Object.fromEntries(keys.map((k) => [k, Number(r[countColumn(k)] ?? 0)])),
  };
}
