import type { Filters } from '@/domain/filters';
import type { Row } from '@/data/query-runner';
import { name, sql, type SqlQuery } from '@/data/sql';
import { FAILING_REPORTS_TABLE, filtersWhere } from '@/data/queries/filters';
import { requireColumns } from '@/data/queries/decode';

export interface QualityFlag {
  /** Reports selected by the filters (ignoring the exclude toggle) that fail an error-level rule. */
  readonly failing: number;
  /** Reports selected by the filters, same basis. */
  readonly reports: number;
}

/** How many of the reports a view's filters select fail an error-level rule. */
export function qualityFlagQuery(f: Filters): SqlQuery {
  const where = filtersWhere({ ...f, excludeFailing: false });
  const fails = sql`EXISTS (SELECT 1 FROM ${name(FAILING_REPORTS_TABLE)} fr WHERE fr.agency_id = reports.agency_id AND fr.year = reports.year)`;
  return sql`SELECT count(*) AS reports, count(*) FILTER (WHERE ${fails}) AS failing FROM reports WHERE ${where}`;
}

export function decodeQualityFlag(rows: readonly Row[]): QualityFlag {
  requireColumns(rows, ['reports', 'failing'], 'qualityFlag');
  return { reports: Number(rows[0]?.reports ?? 0), failing: Number(rows[0]?.failing ?? 0) };
}
