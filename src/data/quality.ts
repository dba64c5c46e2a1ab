import type { QueryRunner } from '@/data/query-runner';
import { name, sql } from '@/data/sql';
import { FAILING_REPORTS_TABLE } from '@/data/queries/filters';
import { flaggedReportsQuery, ruleCountsTableSql, RULE_COUNTS_TABLE } from '@/data/queries/rule-results';
import { groupsTableSql } from '@/data/queries/groups';

/**
 * Remakes what is derived from `reports` once per change of the data:
 * - per-report rule counts into `rule_counts` (which the quality view reads through
 *   RuleQueryOptions.countsTable) and the reports failing an error-level rule into
 *   `failing_reports` (agency_id, year, error_failures), so that the exclude toggle and the flag on
 *   every view are a cheap join rather than a rule evaluation per query;
 * - the per-group sums `reports_groups` (queries/groups.ts) that group-level figures read.
 */
export async function refreshDerivedTables(runner: QueryRunner): Promise<void> {
  await runner.query(groupsTableSql());
  await runner.query(ruleCountsTableSql(RULE_COUNTS_TABLE));
  const flagged = flaggedReportsQuery({ countsTable: RULE_COUNTS_TABLE });
  const table = name(FAILING_REPORTS_TABLE);
  if (!flagged) {
    await runner.query(sql`CREATE OR REPLACE TABLE ${table} (agency_id VARCHAR, year INTEGER, error_failures INTEGER)`);
    return;
  }
  await runner.query(sql`CREATE OR REPLACE TABLE ${table} AS ${flagged}`);
}
