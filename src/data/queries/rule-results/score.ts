import { sql, type Fragment } from '@/data/sql';
import type { Row } from '@/data/query-runner';
import type { RuleDef } from '@/domain/rules';
import { MIN_QUALITY_COVERAGE, Z95 } from '@/domain/stats';
import { frag, need, numOrNull, sumOf, type RuleQueryOptions } from '@/data/queries/rule-results/checks';
import { perReportRuleCounts, ruleCol } from '@/data/queries/rule-results/counts';

/** The Wilson 95% lower bound of `pass` successes out of `all` (NULL when `all` is 0). */
function wilsonLowerSql(pass: Fragment, all: Fragment): Fragment {
  const z = sql`CAST(${Z95} AS DOUBLE)`;
  const n = sql`CAST(NULLIF(${all}, 0) AS DOUBLE)`;
  const p = sql`(${pass} / ${n})`;
  return sql`greatest(0, (${p} + ${z} * ${z} / (2 * ${n}) - ${z} * sqrt(${p} * (1 - ${p}) / ${n} + ${z} * ${z} / (4 * ${n} * ${n})))
    / (1 + ${z} * ${z} / ${n}))`;
}

/**
 * Quality score per agency over all its reports: share of its assessable checks (rules counted
 * in the score) that pass, with a rank (1 = best; ties share a rank; no score ranks last).
 * Beside it (domain/stats `rankQuality`, the same method in SQL): `coverage` (checks assessed ÷
 * all checks), `score_lower` (Wilson 95% lower bound of passes over all checks, an unassessable
 * check counting as not passed) and `fair_rank`, the rank by that lower bound among the agencies
 * whose coverage reaches MIN_QUALITY_COVERAGE (NULL for the others, listed apart).
 */
export function agencyScoreQuery(options: RuleQueryOptions = {}): Fragment | null {
  const { query, rules } = perReportRuleCounts(options);
  const scored = rules.filter((r) => r.inScore);
  if (scored.length === 0) return null;
  const total = (what: 'pass' | 'fail' | 'na', list: readonly RuleDef[]) =>
    list.length ? sumOf(list.map((r) => frag(ruleCol(r.id, what)))) : sql`0`;
  const errors = rules.filter((r) => r.severity === 'error');
  const scores = sql`SELECT agency_id, arg_max(agency_name, year) AS agency_name, arg_max(level, year) AS level,
    arg_max(kind, year) AS kind, count(*) AS reports, min(year) AS first_year, max(year) AS last_year,
    sum(${total('pass', scored)}) AS checks_pass, sum(${total('fail', scored)}) AS checks_fail,
    sum(${total('na', scored)}) AS checks_na,
    sum(${total('fail', errors)}) AS error_failures,
    sum(${total('pass', scored)}) / NULLIF(sum(${total('pass', scored)}) + sum(${total('fail', scored)}), 0) AS score
    FROM (${query}) GROUP BY agency_id`;
  const withLower = sql`SELECT *,
      (checks_pass + checks_fail) / NULLIF(checks_pass + checks_fail + checks_na, 0) AS coverage,
      ${wilsonLowerSql(sql`checks_pass`, sql`(checks_pass + checks_fail + checks_na)`)} AS score_lower
    FROM (${scores})`;
  return sql`SELECT *, ${SCORE_RANK} AS rank, ${FAIR_RANK} AS fair_rank FROM (${withLower})
    ORDER BY score DESC NULLS LAST, agency_id`;
}

export interface AgencyScoreRow {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly level: string;
  readonly kind: string;
  readonly reports: number;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly checksPass: number;
  readonly checksFail: number;
  readonly checksNotAssessable: number;
  /** Failed checks of error-level rules (including rules not counted in the score). */
  readonly errorFailures: number;
  /** Share of assessable checks that pass; null when none was assessable. */
  readonly score: number | null;
  /** 1 = best; agencies with equal scores share a rank; null when there is no score. */
  readonly rank: number | null;
  /** Checks assessed ÷ all checks; null without any check. */
  readonly coverage: number | null;
  /** Wilson 95% lower bound of passes over all checks (unassessable = not passed). */
  readonly scoreLower: number | null;
  /** Rank by `scoreLower` among agencies with coverage ≥ MIN_QUALITY_COVERAGE; null for the others. */
  readonly fairRank: number | null;
}

/**
 * The rank of a score among the rows it is computed over: 1 = best, equal scores share a rank,
 * none without a score. A query that narrows the agencies down ranks them again with it.
 */
export const SCORE_RANK = sql`CASE WHEN score IS NOT NULL THEN rank() OVER (ORDER BY score DESC NULLS LAST) END`;

/** Whether an agency's checks could be assessed enough for it to be ranked by `fair_rank`. */
export const RANKABLE = sql`(coverage IS NOT NULL AND coverage >= CAST(${MIN_QUALITY_COVERAGE} AS DOUBLE))`;

/**
 * The rank by the Wilson lower bound among the rankable agencies of the rows it is computed over
 * (1 = best, equal bounds share a rank); NULL for agencies listed apart.
 */
export const FAIR_RANK = sql`CASE WHEN ${RANKABLE} THEN rank() OVER (PARTITION BY ${RANKABLE} ORDER BY score_lower DESC) END`;

/** Decodes the rows of `agencyScoreQuery` (or of a query narrowing it down), in their order. */
export function decodeAgencyScoreRows(rows: readonly Row[]): AgencyScoreRow[] {
  return rows.map((row) => {
    const score = numOrNull(need(row, 'score'));
    return {
      agencyId: String(need(row, 'agency_id')),
      agencyName: String(need(row, 'agency_name') ?? ''),
      level: String(need(row, 'level') ?? ''),
      kind: String(need(row, 'kind') ?? ''),
      reports: Number(need(row, 'reports')),
      firstYear: Number(need(row, 'first_year')),
      lastYear: Number(need(row, 'last_year')),
      checksPass: Number(need(row, 'checks_pass') ?? 0),
      checksFail: Number(need(row, 'checks_fail') ?? 0),
      checksNotAssessable: Number(need(row, 'checks_na') ?? 0),
      errorFailures: Number(need(row, 'error_failures') ?? 0),
      score,
      rank: numOrNull(need(row, 'rank')),
      coverage: numOrNull(need(row, 'coverage')),
      scoreLower: numOrNull(need(row, 'score_lower')),
      fairRank: numOrNull(need(row, 'fair_rank')),
    };
  });
}
