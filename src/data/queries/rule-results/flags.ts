import { sql, type Fragment } from '@/data/sql';
import type { Row } from '@/data/query-runner';
import { frag, need, sumOf, type RuleQueryOptions } from '@/data/queries/rule-results/checks';
import { perReportRuleCounts, ruleCol } from '@/data/queries/rule-results/counts';

/**
 * Reports that fail at least one error-level check (agency_id, year, error_failures): what the
 * "exclude reports with errors" toggle and the per-view flags need.
 */
export function flaggedReportsQuery(options: RuleQueryOptions = {}): Fragment | null {
  const { query, rules } = perReportRuleCounts(options);
  const errors = rules.filter((r) => r.severity === 'error');
  if (errors.length === 0) return null;
  const fails = sumOf(errors.map((r) => frag(ruleCol(r.id, 'fail'))));
  return sql`SELECT agency_id, year, ${fails} AS error_failures FROM (${query}) WHERE ${fails} > 0 ORDER BY agency_id, year`;
}

export interface FlaggedReportRow {
  readonly agencyId: string;
  readonly year: number;
  readonly errorFailures: number;
}

export function decodeFlaggedReportRow(row: Row): FlaggedReportRow {
  return {
    agencyId: String(need(row, 'agency_id')),
    year: Number(need(row, 'year')),
    errorFailures: Number(need(row, 'error_failures')),
  };
}
