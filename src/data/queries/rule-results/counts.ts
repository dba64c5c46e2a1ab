import { join, name, sql, type Fragment } from '@/data/sql';
import type { RuleDef, RuleId } from '@/domain/rules';
import {
  baseQuery,
  cellBoundRules,
  cellsCol,
  IDS,
  intLiteral,
  plan,
  RULE_COUNTS_TABLE,
  statusCode,
  sumOf,
  usableCounts,
  type RuleQueryOptions,
} from '@/data/queries/rule-results/checks';

// ---------------------------------------------------------------------------------------------
// One scan: a status per check, counts per rule and report
// ---------------------------------------------------------------------------------------------

export const ruleCol = (rule: RuleId, what: 'pass' | 'fail' | 'na') => name(`${rule.toLowerCase()}_${what}`);

/**
 * One row per report with, for each rule, how many of its checks pass, fail and are not
 * assessable (`r1_pass`, `r1_fail`, `r1_na`, …) beside the report's identity columns.
 */
export function perReportRuleCounts(options: RuleQueryOptions): { query: Fragment; rules: readonly RuleDef[] } {
  const p = plan(options);
  const table = usableCounts(options);
  if (table) return { query: sql`SELECT * FROM ${name(table)}`, rules: p.rules };
  const base = baseQuery(p, options.blankAsZero ?? false, false);
  const statusCols = p.general.map(({ check }, k) => {
    const code = statusCode(check.relation, name(`a_${k}`), name(`e_${k}`));
    return sql`, CASE WHEN ${name(`x_${k}`)} THEN ${code} END AS ${name(`s_${k}`)}`;
  });
  const bound = new Set(cellBoundRules(p));
  const counts = p.rules.flatMap((rule) => {
    if (bound.has(rule.id)) {
      const list = cellsCol(rule.id);
      return [
        sql`len(list_filter(${list}, lambda v: v >= 0)) AS ${ruleCol(rule.id, 'pass')}`,
        sql`len(list_filter(${list}, lambda v: v < 0)) AS ${ruleCol(rule.id, 'fail')}`,
        sql`0 AS ${ruleCol(rule.id, 'na')}`,
      ];
    }
    const mine = p.general.flatMap((c, k) => (c.rule.id === rule.id ? [k] : []));
    const count = (code: number) =>
      sumOf(mine.map((k) => sql`CASE WHEN ${name(`s_${k}`)} = ${intLiteral(code)} THEN 1 ELSE 0 END`));
    return [
      sql`${count(1)} AS ${ruleCol(rule.id, 'pass')}`,
      sql`${count(2)} AS ${ruleCol(rule.id, 'fail')}`,
      sql`${count(0)} AS ${ruleCol(rule.id, 'na')}`,
    ];
  });
  const lists = cellBoundRules(p).map((r) => sql`, ${cellsCol(r)}`);
  const statuses = sql`SELECT ${IDS}${join(statusCols, sql``)}${join(lists, sql``)} FROM (${base})`;
  return {
    query: sql`SELECT ${IDS}, ${join(counts)} FROM (${statuses})`,
    rules: p.rules,
  };
}

/** (agency_id, year) of the reports whose counts show a failure and/or a not-assessable check. */
export function problemReports(
  table: string,
  rules: readonly RuleDef[],
  fails: boolean,
  notAssessable: boolean,
): Fragment {
  const conds = rules.flatMap((r) => [
    ...(fails ? [sql`${ruleCol(r.id, 'fail')} > 0`] : []),
    ...(notAssessable ? [sql`${ruleCol(r.id, 'na')} > 0`] : []),
  ]);
  const where = conds.length ? join(conds, sql` OR `) : sql`FALSE`;
  return sql`SELECT agency_id, year FROM ${name(table)} WHERE ${where}`;
}

/**
 * Materialises the per-report rule counts (default options) into `table`, for the quick reads of
 * RuleQueryOptions.countsTable. Run it after every change of `reports`.
 */
export function ruleCountsTableSql(table: string = RULE_COUNTS_TABLE): Fragment {
  return sql`CREATE OR REPLACE TABLE ${name(table)} AS ${perReportRuleCounts({}).query}`;
}
