import { T3_APPLICANT_COLS, OUTCOME_GROUPS, type OutcomeGroup, type T3Col } from '@/domain/catalogue';
import type { Filters } from '@/domain/filters';
import { indicator, type IndicatorDef } from '@/domain/indicators';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type SqlQuery } from '@/data/sql';
import { filtersWhere, type WhereOptions } from '@/data/queries/filters';
import {
  GROUPS_TABLE,
  groupsIndicatorCountSql,
  groupsIndicatorSql,
  groupsOutcomeSql,
  groupsServe,
  reportsCountSql,
} from '@/data/queries/groups';
import { REPORTS_TABLE } from '@/data/load/canonical';
import {
  countAlias,
  indicatorAggregateSql,
  indicatorAlias,
  indicatorCountSql,
  termsSql,
  countColumn,
  valueColumn,
} from '@/data/queries/terms';
import { num, requireColumns, str } from '@/data/queries/decode';

export const HEADLINE_INDICATORS = [
  'new_requests',
  'disclosure_rate',
  'completion_rate',
  'review_cases',
  'litigation_cases',
  'review_correction_rate',
] as const;

/** The table a figure reads: the groups when its filters allow (groups.ts), else every report. */
const source = (groups: boolean) => name(groups ? GROUPS_TABLE : REPORTS_TABLE);

export interface IndicatorsByYear {
  readonly year: number;
  readonly reports: number;
  readonly values: Record<string, number | null>;
  /** Reports that had every cell the indicator needs. */
  readonly counts: Record<string, number>;
}

/** Pooled indicators per year, for the given years (e.g. the end year and the one before). */
export function indicatorsByYearQuery(
  f: Filters,
  keys: readonly string[],
  years: readonly number[] | null,
  opts: WhereOptions = {},
): SqlQuery | null {
  if (years !== null && years.length === 0) return null;
  const defs = keys.map(indicator);
  const groups = groupsServe(f, opts);
  const cols = defs.flatMap((d) => [
    sql`${groups ? groupsIndicatorSql(d) : indicatorAggregateSql(d)} AS ${indicatorAlias(d.key)}`,
    sql`${groups ? groupsIndicatorCountSql(d) : indicatorCountSql(d)} AS ${countAlias(d.key)}`,
  ]);
  const yearFilter = years ? sql` AND ${col('year')} IN (${years})` : sql``;
  return sql`SELECT ${col('year')} AS year, ${reportsCountSql(groups)} AS reports, ${join(cols)}
    FROM ${source(groups)} WHERE ${filtersWhere(f, { ...opts, ignoreYears: years !== null })}${yearFilter}
    GROUP BY 1 ORDER BY 1`;
}

export function decodeIndicatorsByYear(rows: readonly Row[], keys: readonly string[]): IndicatorsByYear[] {
  requireColumns(rows, ['year', 'reports', ...keys.map((k) => valueColumn(k))], 'indicatorsByYear');
  return rows.map((r) => ({
    year: Number(r.year),
    reports: Number(r.reports),
    values: Object.fromEntries(keys.map((k) => [k, num(r[valueColumn(k)])])),
    counts: Object.fromEntries(keys.map((k) => [k, Number(r[countColumn(k)] ?? 0)])),
  }));
}

export interface ApplicantYear {
  readonly year: number;
  readonly values: Record<T3Col, number | null>;
}

/** New requests per year split by applicant type (the six columns that add up to 总计). */
export function requestsByApplicantQuery(f: Filters, opts: WhereOptions = {}): SqlQuery {
  const cols = T3_APPLICANT_COLS.map((c) => sql`SUM(${col(`t3_new_${c}`)}) AS ${name(c)}`);
  return sql`SELECT ${col('year')} AS year, ${join(cols)} FROM ${source(groupsServe(f, opts))}
    WHERE ${filtersWhere(f, opts)} GROUP BY 1 ORDER BY 1`;
}

export function decodeRequestsByApplicant(rows: readonly Row[]): ApplicantYear[] {
  requireColumns(rows, ['year', ...T3_APPLICANT_COLS], 'requestsByApplicant');
  return rows.map((r) => ({
    year: Number(r.year),
    values: Object.fromEntries(T3_APPLICANT_COLS.map((c) => [c, num(r[c])])) as Record<T3Col, number | null>,
  }));
}

/** Outcome groups of section 三 (总计 column), summed over the filtered reports. */
export function outcomeCompositionQuery(f: Filters, opts: WhereOptions = {}): SqlQuery {
  const groups = groupsServe(f, opts);
  const cols = OUTCOME_GROUPS.map(
    (g) =>
      sql`${groups ? groupsOutcomeSql(g.key) : sql`SUM(${termsSql([{ group: g.key, col: 'total' }])})`} AS ${name(g.key)}`,
  );
  return sql`SELECT ${join(cols)} FROM ${source(groups)} WHERE ${filtersWhere(f, opts)}`;
}

export function decodeOutcomeComposition(rows: readonly Row[]): Record<OutcomeGroup, number | null> {
  requireColumns(
    rows,
    OUTCOME_GROUPS.map((g) => g.key),
    'outcomeComposition',
  );
  const r = rows[0] ?? {};
  return Object.fromEntries(OUTCOME_GROUPS.map((g) => [g.key, num(r[g.key])])) as Record<OutcomeGroup, number | null>;
}

export interface AgencyValue {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly value: number;
}

/** The agencies with the highest value of an indicator in one year. */
export function topAgenciesQuery(
  f: Filters,
  def: IndicatorDef,
  year: number,
  limit: number,
  opts: WhereOptions = {},
): SqlQuery {
  return sql`SELECT agency_id, any_value(agency_name) AS agency_name, ${indicatorAggregateSql(def)} AS value
    FROM reports WHERE ${filtersWhere(f, { ...opts, ignoreYears: true })} AND ${col('year')} = ${year}
    GROUP BY agency_id HAVING value IS NOT NULL ORDER BY value DESC, agency_id LIMIT ${limit}`;
}

export function decodeAgencyValues(rows: readonly Row[]): AgencyValue[] {
  requireColumns(rows, ['agency_id', 'agency_name', 'value'], 'agencyValues');
  return rows.map((r) => ({
    agencyId: String(r.agency_id),
    agencyName: str(r.agency_name) ?? '',
    value: Number(r.value),
  }));
}
