import { col, join, name, sql, type Fragment } from '@/data/sql';
import type { Row } from '@/data/query-runner';
import type { RuleId } from '@/domain/rules';
import { frag, need, sqlRules, type RuleQueryOptions } from '@/data/queries/rule-results/checks';
import { perReportRuleCounts, ruleCol } from '@/data/queries/rule-results/counts';

export type SummaryDimension = 'level' | 'kind' | 'year' | 'province';

export interface RuleSummaryOptions extends RuleQueryOptions {
  /** Dimensions to group by (default level, kind, year). */
  readonly by?: readonly SummaryDimension[];
  /**
   * Only the reports this condition keeps, over the per-report rows aliased `rc` (identity
   * columns: agency_id, agency_name, year, level, kind, province, template).
   */
  readonly only?: Fragment;
}

/** Per group: for each rule, reports it applies to and how many pass / fail / are not assessable. */
export function ruleSummaryQuery(options: RuleSummaryOptions = {}): Fragment | null {
  const { query, rules } = perReportRuleCounts(options);
  if (rules.length === 0) return null;
  const by = options.by ?? ['level', 'kind', 'year'];
  const aggs = rules.flatMap((rule) => {
    const [p, f, n] = [ruleCol(rule.id, 'pass'), ruleCol(rule.id, 'fail'), ruleCol(rule.id, 'na')];
    const id = rule.id.toLowerCase();
    return [
      sql`count(*) FILTER (WHERE ${p} + ${f} + ${n} > 0) AS ${name(`${id}_reports`)}`,
      sql`count(*) FILTER (WHERE ${f} = 0 AND ${p} > 0) AS ${name(`${id}_passing`)}`,
      sql`count(*) FILTER (WHERE ${f} > 0) AS ${name(`${id}_failing`)}`,
      sql`count(*) FILTER (WHERE ${f} = 0 AND ${p} = 0 AND ${n} > 0) AS ${name(`${id}_not_assessable`)}`,
      sql`sum(${p}) AS ${name(`${id}_checks_pass`)}`,
      sql`sum(${f}) AS ${name(`${id}_checks_fail`)}`,
      sql`sum(${n}) AS ${name(`${id}_checks_na`)}`,
    ];
  });
  const dims = by.map((d) => frag(col(d)));
  const select = dims.length ? sql`${join(dims)}, ` : sql``;
  const groupOrder = dims.length ? sql` GROUP BY ${join(dims)} ORDER BY ${join(dims)}` : sql``;
  const where = options.only ? sql` WHERE ${options.only}` : sql``;
  return sql`SELECT ${select}count(*) AS reports, ${join(aggs)} FROM (${query}) rc${where}${groupOrder}`;
}

export interface RuleSummaryRow {
  readonly rule: RuleId;
  readonly level: string | null;
  readonly kind: string | null;
  readonly year: number | null;
  readonly province: string | null;
  /** Reports the rule applies to (at least one check gave a result). */
  readonly reports: number;
  /** No check failed and at least one passed. */
  readonly passing: number;
  readonly failing: number;
  /** Every check of the rule was not assessable. */
  readonly notAssessable: number;
  /** passing / (passing + failing); null when no report was assessable. */
  readonly sharePassing: number | null;
  readonly checksPass: number;
  readonly checksFail: number;
  readonly checksNotAssessable: number;
}

/** Turns one row of `ruleSummaryQuery` (one group, all rules) into one row per rule. */
export function decodeRuleSummaryRow(row: Row, options: RuleSummaryOptions = {}): RuleSummaryRow[] {
  const by = new Set(options.by ?? ['level', 'kind', 'year']);
  const dim = (d: SummaryDimension) => {
    if (!by.has(d)) return null;
    const v = need(row, d);
    return v === null || v === undefined ? null : v;
  };
  return sqlRules(options).map((rule) => {
    const id = rule.id.toLowerCase();
    const n = (what: string) => Number(need(row, `${id}_${what}`) ?? 0);
    const passing = n('passing');
    const failing = n('failing');
    const year = dim('year');
    return {
      rule: rule.id,
      level: dim('level') === null ? null : String(dim('level')),
      kind: dim('kind') === null ? null : String(dim('kind')),
      province: dim('province') === null ? null : String(dim('province')),
      year: year === null ? null : Number(year),
      reports: n('reports'),
      passing,
      failing,
      notAssessable: n('not_assessable'),
      sharePassing: passing + failing === 0 ? null : passing / (passing + failing),
      checksPass: n('checks_pass'),
      checksFail: n('checks_fail'),
      checksNotAssessable: n('checks_na'),
    };
  });
}
