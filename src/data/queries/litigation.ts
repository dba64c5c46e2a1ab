import { T4_GROUPS, T4_RESULTS, t4Key, type T4Group, type T4Result } from '@/domain/catalogue';
import type { Filters } from '@/domain/filters';
import { indicator } from '@/domain/indicators';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type SqlQuery } from '@/data/sql';
import { filtersWhere } from '@/data/queries/filters';
import { indicatorAggregateSql } from '@/data/queries/terms';
import { num, requireColumns, str } from '@/data/queries/decode';

export type LitigationBy = 'year' | 'level' | 'kind';

/** Every cell of section 四 as an alias `<group>__<result>`. */
const alias = (g: T4Group, r: T4Result) => `${g}__${r}`;
const ALL = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => ({ g: g.key, r: r.key })));

export interface LitigationRow {
  readonly key: string;
  readonly reports: number;
  /** Reports with at least one cell of section 四 filled (the others are left out, never read as 0). */
  readonly reported: number;
  readonly cells: Record<T4Group, Record<T4Result, number | null>>;
}

const decodeCells = (r: Row) =>
  Object.fromEntries(
    T4_GROUPS.map((g) => [g.key, Object.fromEntries(T4_RESULTS.map((x) => [x.key, num(r[alias(g.key, x.key)])]))]),
  ) as Record<T4Group, Record<T4Result, number | null>>;

/** Section 四 summed per year, level or kind of the selection (each cell over the reports reporting it). */
export function litigationOutcomesQuery(f: Filters, by: LitigationBy): SqlQuery {
  const sums = ALL.map((c) => sql`SUM(${col(t4Key(c.g, c.r))}) AS ${name(alias(c.g, c.r))}`);
  const any = join(
    ALL.map((c) => sql`${col(t4Key(c.g, c.r))} IS NOT NULL`),
    sql` OR `,
  );
  return sql`SELECT CAST(${col(by)} AS VARCHAR) AS key, count(*) AS reports,
      count(*) FILTER (WHERE ${any}) AS reported, ${join(sums)}
    FROM reports WHERE ${filtersWhere(f)} GROUP BY ${col(by)} ORDER BY ${col(by)}`;
}

export function decodeLitigationRows(rows: readonly Row[]): LitigationRow[] {
  requireColumns(rows, ['key', 'reports', 'reported', ...ALL.map((c) => alias(c.g, c.r))], 'litigationOutcomes');
  return rows.map((r) => ({
    key: String(r.key),
    reports: Number(r.reports ?? 0),
    reported: Number(r.reported ?? 0),
    cells: decodeCells(r),
  }));
}

export interface LitigationAgency {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly totals: Record<T4Group, number | null>;
  readonly reviewCorrection: number | null;
  readonly litigationCorrection: number | null;
}

/** The agencies with the most review and litigation cases over the selection. */
export function litigationByAgencyQuery(f: Filters, limit: number): SqlQuery {
  const totals = T4_GROUPS.map((g) => sql`SUM(${col(t4Key(g.key, 'total'))}) AS ${name(g.key)}`);
  const size = join(
    T4_GROUPS.map((g) => sql`coalesce(SUM(${col(t4Key(g.key, 'total'))}), 0)`),
    sql` + `,
  );
  return sql`SELECT ${col('agency_id')} AS agency_id, arg_max(${col('agency_name')}, ${col('year')}) AS agency_name,
      ${join(totals)},
      ${indicatorAggregateSql(indicator('review_correction_rate'))} AS review_correction,
      ${indicatorAggregateSql(indicator('litigation_correction_rate'))} AS litigation_correction
    FROM reports WHERE ${filtersWhere(f)}
    GROUP BY 1 HAVING (${size}) > 0 ORDER BY (${size}) DESC, 1 LIMIT ${limit}`;
}

export function decodeLitigationAgencies(rows: readonly Row[]): LitigationAgency[] {
  requireColumns(
    rows,
    ['agency_id', 'agency_name', 'review_correction', 'litigation_correction', ...T4_GROUPS.map((g) => g.key)],
    'litigationByAgency',
  );
  return rows.map((r) => ({
    agencyId: String(r.agency_id),
    agencyName: str(r.agency_name) ?? String(r.agency_id),
    totals: Object.fromEntries(T4_GROUPS.map((g) => [g.key, num(r[g.key])])) as Record<T4Group, number | null>,
    reviewCorrection: num(r.review_correction),
    litigationCorrection: num(r.litigation_correction),
  }));
}
