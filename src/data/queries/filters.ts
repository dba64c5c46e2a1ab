import type { Filters } from '@/domain/filters';
import { col, join, name, sql, type Fragment } from '@/data/sql';

/** Reports that fail an error-level rule; kept in step with `reports` by every load (data/quality.ts). */
export const FAILING_REPORTS_TABLE = 'failing_reports';

export interface WhereOptions {
  /** Leave the year range out (trends and headline comparisons pick their own years). */
  readonly ignoreYears?: boolean;
  /** Leave the agency pick out (rankings show all agencies matching the rest). */
  readonly ignoreAgencies?: boolean;
  /** `false`: read every report even where the per-group sums would do (queries/groups.ts). */
  readonly groups?: boolean;
}

/** WHERE clause (always valid, `TRUE` when nothing is chosen) for the canonical reports table. */
export function filtersWhere(f: Filters, opts: WhereOptions = {}): Fragment {
  const parts: Fragment[] = [sql`TRUE`];
  if (!opts.ignoreYears) {
    if (f.yearFrom !== null) parts.push(sql`${col('year')} >= ${f.yearFrom}`);
    if (f.yearTo !== null) parts.push(sql`${col('year')} <= ${f.yearTo}`);
  }
  if (f.levels.length) parts.push(sql`${col('level')} IN (${f.levels})`);
  if (f.kinds.length) parts.push(sql`${col('kind')} IN (${f.kinds})`);
  if (f.province) parts.push(sql`${col('province')} = ${f.province}`);
  if (f.city) parts.push(sql`${col('city')} = ${f.city}`);
  if (f.county) parts.push(sql`${col('county')} = ${f.county}`);
  if (f.sectors.length) parts.push(sql`${col('sector')} IN (${f.sectors})`);
  if (!opts.ignoreAgencies && f.agencies.length) parts.push(sql`${col('agency_id')} IN (${f.agencies})`);
  if (f.excludeFailing) {
    parts.push(
      sql`NOT EXISTS (SELECT 1 FROM ${name(FAILING_REPORTS_TABLE)} fr WHERE fr.agency_id = reports.agency_id AND fr.year = reports.year)`,
    );
  }
  return join(parts, sql` AND `);
}
