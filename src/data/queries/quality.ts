import type { Filters } from '@/domain/filters';
import { isRuleId, type CheckStatus, type RuleId } from '@/domain/rules';
import type { Row } from '@/data/query-runner';
import { name, sql, type Fragment, type SqlQuery } from '@/data/sql';
import { filtersWhere } from '@/data/queries/filters';
import { requireColumns } from '@/data/queries/decode';
import {
  agencyScoreQuery,
  decodeAgencyScoreRows,
  FAIR_RANK,
  RANKABLE,
  SCORE_RANK,
  decodeRuleResultRow,
  decodeRuleSummaryRow,
  ruleResultsQuery,
  ruleSummaryQuery,
  type AgencyScoreRow,
  type RuleResultRow,
  type RuleSummaryOptions,
  type RuleSummaryRow,
  type SummaryDimension,
} from '@/data/queries/rule-results';

/**
 * The data-quality view's questions: the rule builders of `rule-results.ts`, used as they are,
 * restricted to the reports the global filters select (a report is in when its agency-year is).
 */

export interface QualityOptions {
  readonly blankAsZero?: boolean;
  /**
   * Only failures of these rules (the view's rule and severity choice); default every rule the
   * SQL evaluates (`sqlRules()`). Applied to the results, so the materialised counts stay usable.
   */
  readonly rules?: readonly RuleId[];
  /** The per-report rule counts made after each load (RULE_COUNTS_TABLE), when there is one. */
  readonly countsTable?: string;
}

/** The filters as they apply here: "exclude failing reports" would hide what this view is for. */
const scope = (f: Filters): Filters => ({ ...f, excludeFailing: false });

function isUnfiltered(f: Filters): boolean {
  return filtersWhere(scope(f)).text === 'TRUE';
}

/** `alias` rows (with agency_id and year) whose report the filters select. */
function inFilter(f: Filters, alias: string): Fragment {
  if (isUnfiltered(f)) return sql`TRUE`;
  const a = name(alias);
  return sql`EXISTS (SELECT 1 FROM reports WHERE ${filtersWhere(scope(f))} AND reports.agency_id = ${a}.agency_id AND reports.year = ${a}.year)`;
}

const resultOptions = (o: QualityOptions, statuses: readonly CheckStatus[]) => ({
  blankAsZero: o.blankAsZero ?? false,
  ...(o.countsTable ? { countsTable: o.countsTable } : {}),
  statuses,
});

/** The rule choice, on result rows (`res`). */
const ruleFilter = (o: QualityOptions): Fragment =>
  o.rules ? sql`res.rule IN (${o.rules.map((r) => r as string)})` : sql`TRUE`;

/** One page of failed checks of the filtered reports, in agency, year and rule order. */
export function failuresQuery(f: Filters, o: QualityOptions, limit: number, offset: number): SqlQuery | null {
  if (o.rules && o.rules.length === 0) return null;
  const inner = ruleResultsQuery(resultOptions(o, ['fail']));
  if (!inner) return null;
  return sql`SELECT * FROM (${inner}) res WHERE ${ruleFilter(o)} AND ${inFilter(f, 'res')}
    ORDER BY agency_id, year, check_no LIMIT CAST(${limit} AS BIGINT) OFFSET CAST(${offset} AS BIGINT)`;
}

export function decodeFailures(rows: readonly Row[], o: QualityOptions): RuleResultRow[] {
  return rows.map((r) => decodeRuleResultRow(r, { blankAsZero: o.blankAsZero ?? false }));
}

/** Failed checks per rule over the filtered reports, and how many reports they touch. */
export function failureCountsQuery(f: Filters, o: QualityOptions): SqlQuery | null {
  if (o.rules && o.rules.length === 0) return null;
  const inner = ruleResultsQuery(resultOptions(o, ['fail']));
  if (!inner) return null;
  // The () grouping set (rule NULL) counts distinct reports over every rule.
  return sql`SELECT rule, count(*) AS failures, count(DISTINCT agency_id || '|' || year) AS reports
    FROM (${inner}) res WHERE ${ruleFilter(o)} AND ${inFilter(f, 'res')} GROUP BY GROUPING SETS ((rule), ()) ORDER BY rule NULLS FIRST`;
}

export interface FailureCount {
  readonly rule: RuleId;
  readonly failures: number;
  readonly reports: number;
}

export interface FailureCounts {
  readonly perRule: readonly FailureCount[];
  /** Failed checks over every rule chosen. */
  readonly failures: number;
  /** Distinct reports with at least one failed check. */
  readonly reports: number;
}

export function decodeFailureCounts(rows: readonly Row[]): FailureCounts {
  requireColumns(rows, ['rule', 'failures', 'reports'], 'failureCounts');
  const all = rows.find((r) => r.rule === null || r.rule === undefined);
  const perRule = rows
    .filter((r) => r !== all)
    .map((r) => {
      const rule = String(r.rule);
      if (!isRuleId(rule)) throw new Error(`failureCounts: unknown rule ${rule}`);
      return { rule, failures: Number(r.failures), reports: Number(r.reports) };
    });
  return { perRule, failures: Number(all?.failures ?? 0), reports: Number(all?.reports ?? 0) };
}

/** Every result (or only failures and not-assessable ones) of the filtered reports, a page at a time. */
export function exportResultsQuery(
  f: Filters,
  o: QualityOptions,
  problemsOnly: boolean,
  limit: number,
  offset: number,
): SqlQuery | null {
  if (o.rules && o.rules.length === 0) return null;
  const statuses: CheckStatus[] = problemsOnly ? ['fail', 'not_assessable'] : ['pass', 'fail', 'not_assessable'];
  const inner = ruleResultsQuery(resultOptions(o, statuses));
  if (!inner) return null;
  return sql`SELECT * FROM (${inner}) res WHERE ${ruleFilter(o)} AND ${inFilter(f, 'res')}
    ORDER BY agency_id, year, check_no LIMIT CAST(${limit} AS BIGINT) OFFSET CAST(${offset} AS BIGINT)`;
}

/**
 * The summary groups the reports the filters select by level, kind and year (and province when
 * one is chosen); every filter applies, to the reports before they are grouped.
 */
function summaryDims(f: Filters): SummaryDimension[] {
  return f.province ? ['level', 'kind', 'year', 'province'] : ['level', 'kind', 'year'];
}

export function summaryOptions(f: Filters, o: QualityOptions): RuleSummaryOptions {
  return {
    blankAsZero: o.blankAsZero ?? false,
    by: summaryDims(f),
    only: inFilter(f, 'rc'),
    ...(o.countsTable ? { countsTable: o.countsTable } : {}),
  };
}

export function summaryQuery(f: Filters, o: QualityOptions): SqlQuery | null {
  return ruleSummaryQuery(summaryOptions(f, o));
}

export function decodeSummary(rows: readonly Row[], options: RuleSummaryOptions): RuleSummaryRow[] {
  return rows.flatMap((r) => decodeRuleSummaryRow(r, options));
}

export interface ScorePageRequest {
  /** Worst first (lowest score first, agencies without a score still last); default best first. */
  readonly worstFirst?: boolean;
  /**
   * Order by `fair_rank` (Wilson lower bound of passes over all checks) instead of the plain
   * score: rankable agencies first, then those listed apart by coverage, highest first.
   */
  readonly byLowerBound?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/**
 * One page of the quality scores per agency (over all its reports, as the builder scores them)
 * of the agencies with at least one report the filters select. Ranks (1 = best, ties share one)
 * are among those agencies; `total` counts them. Paged in SQL: a national dataset has ~10^5.
 */
export function scoresQuery(f: Filters, o: QualityOptions, page: ScorePageRequest): SqlQuery | null {
  const inner = agencyScoreQuery({
    blankAsZero: o.blankAsZero ?? false,
    ...(o.countsTable ? { countsTable: o.countsTable } : {}),
  });
  if (!inner) return null;
  const keep = isUnfiltered(f)
    ? sql`TRUE`
    : sql`sc.agency_id IN (SELECT agency_id FROM reports WHERE ${filtersWhere(scope(f))})`;
  const order = page.byLowerBound
    ? page.worstFirst
      ? sql`fair_rank IS NULL, score_lower ASC, coverage ASC NULLS LAST, agency_id DESC`
      : sql`fair_rank IS NULL, score_lower DESC NULLS LAST, coverage DESC NULLS LAST, agency_id`
    : page.worstFirst
      ? sql`score IS NULL, score ASC, CASE WHEN score IS NULL THEN agency_id END ASC, agency_id DESC`
      : sql`score DESC NULLS LAST, agency_id`;
  // Ranked again among the agencies the filters keep.
  const ranked = sql`SELECT * EXCLUDE (rank, fair_rank), ${SCORE_RANK} AS rank FROM (${inner}) sc WHERE ${keep}`;
  // The counts over all pages in a one-row aggregate: FILTERed window counts OVER () took
  // quadratic time in DuckDB 1.4 (see compareTableQuery).
  return sql`WITH ranked AS (${ranked}),
    counts AS (SELECT count(*) AS total, count(*) FILTER (WHERE NOT ${RANKABLE}) AS apart FROM ranked)
    SELECT ranked.*, ${FAIR_RANK} AS fair_rank, counts.* FROM ranked CROSS JOIN counts ORDER BY ${order}
    LIMIT CAST(${page.limit} AS BIGINT) OFFSET CAST(${page.offset} AS BIGINT)`;
}

export interface ScorePage {
  readonly rows: AgencyScoreRow[];
  /** Agencies in the filter, over all pages. */
  readonly total: number;
  /** Of them, those whose coverage is under MIN_QUALITY_COVERAGE (no `fairRank`), over all pages. */
  readonly apart: number;
}

export function decodeScores(rows: readonly Row[]): ScorePage {
  return {
    rows: decodeAgencyScoreRows(rows),
    total: Number(rows[0]?.total ?? 0),
    apart: Number(rows[0]?.apart ?? 0),
  };
}

/** Share of reports passing, per rule, summed over the groups the view shows. */
export interface RuleShare {
  readonly rule: RuleId;
  readonly passing: number;
  readonly failing: number;
  readonly notAssessable: number;
  /** passing / (passing + failing); null when none was assessable. */
  readonly share: number | null;
}

/** Pools summary rows by one dimension: for each value (e.g. each year) the share per rule. */
export function poolSummary(
  rows: readonly RuleSummaryRow[],
  by: 'level' | 'kind' | 'year' | null,
): { group: string; rules: RuleShare[] }[] {
  const groups = new Map<string, Map<RuleId, { p: number; f: number; n: number }>>();
  for (const r of rows) {
    const g = by === null ? '' : String(r[by] ?? '');
    const rules = groups.get(g) ?? new Map<RuleId, { p: number; f: number; n: number }>();
    groups.set(g, rules);
    const acc = rules.get(r.rule) ?? { p: 0, f: 0, n: 0 };
    rules.set(r.rule, { p: acc.p + r.passing, f: acc.f + r.failing, n: acc.n + r.notAssessable });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, rules]) => ({
      group,
      rules: [...rules.entries()].map(([rule, x]) => ({
        rule,
        passing: x.p,
        failing: x.f,
        notAssessable: x.n,
        share: x.p + x.f === 0 ? null : x.p / (x.p + x.f),
      })),
    }));
}
