import { OUTCOME_GROUPS, T3_ROWS, t3Key, type OutcomeGroup } from '@/domain/catalogue';
import type { Filters } from '@/domain/filters';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type Fragment, type SqlQuery } from '@/data/sql';
import { filtersWhere } from '@/data/queries/filters';
import { termsSql } from '@/data/queries/terms';
import { num, requireColumns, str } from '@/data/queries/decode';

/** What a composition bar stands for: one agency, or every agency of a level, a kind or a sector. */
export type CompositionBy = 'agency' | 'level' | 'kind' | 'sector';
export const COMPOSITION_BY: readonly CompositionBy[] = ['agency', 'level', 'kind', 'sector'];

const groupSql = (g: OutcomeGroup): Fragment => termsSql([{ group: g, col: 'total' }]);
/** A report counts in a composition only when all six outcome groups are reported. */
const allGroupsReported = join(
  OUTCOME_GROUPS.map((g) => sql`${groupSql(g.key)} IS NOT NULL`),
  sql` AND `,
);

export interface CompositionRow {
  readonly key: string;
  /** Agency name (latest in the range) or the level / kind / sector key ('' for reports naming no sector). */
  readonly name: string;
  readonly reports: number;
  readonly groups: Record<OutcomeGroup, number | null>;
}

/**
 * Outcome groups (总计 column) summed per agency, level, kind or sector over the selection, using
 * only reports with every group reported; agencies are the largest by requests handled. Reports
 * naming no sector form one bar of their own (key '').
 */
export function outcomeCompositionByQuery(f: Filters, by: CompositionBy, limit: number): SqlQuery {
  const key =
    by === 'agency'
      ? sql`${col('agency_id')}`
      : by === 'sector'
        ? sql`coalesce(${col('sector')}, '')`
        : sql`${col(by)}`;
  const label = by === 'agency' ? sql`arg_max(${col('agency_name')}, ${col('year')})` : sql`any_value(${key})`;
  const sums = OUTCOME_GROUPS.map((g) => sql`SUM(${groupSql(g.key)}) AS ${name(g.key)}`);
  const size = join(
    OUTCOME_GROUPS.map((g) => sql`coalesce(SUM(${groupSql(g.key)}), 0)`),
    sql` + `,
  );
  return sql`SELECT ${key} AS key, ${label} AS name, count(*) AS reports, ${join(sums)}
    FROM reports WHERE ${filtersWhere(f)} AND ${allGroupsReported}
    GROUP BY 1 ORDER BY (${size}) DESC, 1 LIMIT ${limit}`;
}

export function decodeCompositionRows(rows: readonly Row[]): CompositionRow[] {
  requireColumns(rows, ['key', 'name', 'reports', ...OUTCOME_GROUPS.map((g) => g.key)], 'outcomeCompositionBy');
  return rows.map((r) => ({
    key: String(r.key),
    name: str(r.name) ?? String(r.key),
    reports: Number(r.reports),
    groups: Object.fromEntries(OUTCOME_GROUPS.map((g) => [g.key, num(r[g.key])])) as Record<
      OutcomeGroup,
      number | null
    >,
  }));
}

/** Groups whose reasons can be drilled into. */
export type DrillGroup = 'denied' | 'unable' | 'rejected' | 'other';
export const DRILL_GROUPS: readonly DrillGroup[] = ['denied', 'unable', 'rejected', 'other'];

/** The reason rows of a group in printed order; for 其他处理 the 2019 single row comes first. */
export const reasonRows = (g: DrillGroup) => T3_ROWS.filter((r) => r.group === g);

export interface ReasonYear {
  readonly year: number;
  /** Reports of the year in the selection, and those with at least one reason row of the group filled. */
  readonly reports: number;
  readonly reported: number;
  /** Σ of each reason row (总计 column) over the reports that reported it. */
  readonly values: Record<string, number | null>;
  /** Reports with the single （六） row, and with the three 2021 rows (其他处理 only). */
  readonly singleRow: number;
  readonly splitRows: number;
}

/** The reasons of one outcome group per year of the selection. */
export function outcomeReasonsQuery(f: Filters, group: DrillGroup): SqlQuery {
  const rows = reasonRows(group);
  const sums = rows.map((r) => sql`SUM(${col(t3Key(r.key, 'total'))}) AS ${name(r.key)}`);
  const split = join(
    rows.filter((r) => r.key !== 'other_single').map((r) => sql`${col(t3Key(r.key, 'total'))} IS NOT NULL`),
    sql` OR `,
  );
  const any = join(
    rows.map((r) => sql`${col(t3Key(r.key, 'total'))} IS NOT NULL`),
    sql` OR `,
  );
  return sql`SELECT ${col('year')} AS year, count(*) AS reports, count(*) FILTER (WHERE ${any}) AS reported,
      ${join(sums)},
      count(*) FILTER (WHERE ${col('t3_other_single_total')} IS NOT NULL) AS single_row,
      count(*) FILTER (WHERE ${split}) AS split_rows
    FROM reports WHERE ${filtersWhere(f)} GROUP BY 1 ORDER BY 1`;
}

export function decodeReasonYears(rows: readonly Row[], group: DrillGroup): ReasonYear[] {
  const keys = reasonRows(group).map((r) => r.key);
  requireColumns(rows, ['year', 'reports', 'reported', 'single_row', 'split_rows', ...keys], 'outcomeReasons');
  return rows.map((r) => ({
    year: Number(r.year),
    reports: Number(r.reports ?? 0),
    reported: Number(r.reported ?? 0),
    values: Object.fromEntries(keys.map((k) => [k, num(r[k])])),
    singleRow: Number(r.single_row ?? 0),
    splitRows: Number(r.split_rows ?? 0),
  }));
}

export interface OutcomeFlow {
  /** Reports whose section 三 is complete enough to be in the flow, and all reports selected. */
  readonly reports: number;
  readonly selected: number;
  readonly newRequests: number | null;
  readonly carriedIn: number | null;
  readonly handled: number | null;
  readonly carriedOut: number | null;
  readonly groups: Record<OutcomeGroup, number | null>;
  readonly review: number | null;
  readonly suitDirect: number | null;
  readonly suitAfterReview: number | null;
}

const FLOW_CELLS = {
  new_requests: 't3_new_total',
  carried_in: 't3_carried_in_total',
  handled: 't3_total_total',
  carried_out: 't3_carried_out_total',
  review: 't4_review_total',
  suit_direct: 't4_suit_direct_total',
  suit_after_review: 't4_suit_after_review_total',
} as const;

/**
 * Requests → outcomes → carried over, summed over the reports whose section 三 totals and outcome
 * groups are all reported; review and litigation cases summed over the same reports.
 */
export function outcomeFlowQuery(f: Filters): SqlQuery {
  const complete = join(
    [
      ...(['new_requests', 'carried_in', 'handled', 'carried_out'] as const).map(
        (k) => sql`${col(FLOW_CELLS[k])} IS NOT NULL`,
      ),
      allGroupsReported,
    ],
    sql` AND `,
  );
  const cells = Object.entries(FLOW_CELLS).map(
    ([alias, key]) => sql`SUM(${col(key)}) FILTER (WHERE ${complete}) AS ${name(alias)}`,
  );
  const groups = OUTCOME_GROUPS.map((g) => sql`SUM(${groupSql(g.key)}) FILTER (WHERE ${complete}) AS ${name(g.key)}`);
  return sql`SELECT count(*) FILTER (WHERE ${complete}) AS reports, count(*) AS selected, ${join(cells)}, ${join(groups)}
    FROM reports WHERE ${filtersWhere(f)}`;
}

export function decodeOutcomeFlow(rows: readonly Row[]): OutcomeFlow {
  requireColumns(
    rows,
    ['reports', 'selected', ...Object.keys(FLOW_CELLS), ...OUTCOME_GROUPS.map((g) => g.key)],
    'outcomeFlow',
  );
  const r = rows[0] ?? {};
  return {
    reports: Number(r.reports ?? 0),
    selected: Number(r.selected ?? 0),
    newRequests: num(r.new_requests),
    carriedIn: num(r.carried_in),
    handled: num(r.handled),
    carriedOut: num(r.carried_out),
    groups: Object.fromEntries(OUTCOME_GROUPS.map((g) => [g.key, num(r[g.key])])) as Record<
      OutcomeGroup,
      number | null
    >,
    review: num(r.review),
    suitDirect: num(r.suit_direct),
    suitAfterReview: num(r.suit_after_review),
  };
}
