import type { QueryRunner } from '@/data/query-runner';
import { name, sql } from '@/data/sql';
import { FAILING_REPORTS_TABLE } from '@/data/queries/filters';
import { flaggedReportsQuery } from '@/data/queries/rule-results';

/**
 * Recomputes which loaded reports fail an error-level rule into `failing_reports` (agency_id,
 * year, error_failures), once per change of the data, so that the "exclude" toggle and the flag on
 * every view are a cheap join rather than a rule evaluation per query.
 */
export async function refreshFailingReports(runner: QueryRunner): Promise<void> {
  const flagged = flaggedReportsQuery();
  const table = name(FAILING_REPORTS_TABLE);
  if (!flagged) {
    await runner.query(sql`CREATE OR REPLACE TABLE ${table} (agency_id VARCHAR, year INTEGER, error_failures INTEGER)`);
    return;
  }
  await runner.query(sql`CREATE OR REPLACE TABLE ${table} AS ${flagged}`);
}
