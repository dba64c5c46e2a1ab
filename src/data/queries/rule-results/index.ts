/**
 * Rule checks over the whole `reports` table, generated from the rule declarations of
 * `domain/rules`: one SELECT per check (UNION ALL) for the list of results (`results.ts`), and one
 * scan with a status column per check (`counts.ts`) for the summary, the per-agency score and the
 * flagged reports (`summary.ts`, `score.ts`, `flags.ts`). `checks.ts` holds the SQL they share.
 */

export { RULE_COUNTS_TABLE, sqlRules, type RuleQueryOptions } from '@/data/queries/rule-results/checks';
export {
  decodeRuleResultRow,
  ruleResultsQuery,
  type RuleResultRow,
  type RuleResultsOptions,
} from '@/data/queries/rule-results/results';
export { ruleCountsTableSql } from '@/data/queries/rule-results/counts';
export {
  decodeRuleSummaryRow,
  ruleSummaryQuery,
  type RuleSummaryOptions,
  type RuleSummaryRow,
  type SummaryDimension,
} from '@/data/queries/rule-results/summary';
export {
  agencyScoreQuery,
  decodeAgencyScoreRows,
  FAIR_RANK,
  RANKABLE,
  SCORE_RANK,
  type AgencyScoreRow,
} from '@/data/queries/rule-results/score';
export { decodeFlaggedReportRow, flaggedReportsQuery, type FlaggedReportRow } from '@/data/queries/rule-results/flags';
