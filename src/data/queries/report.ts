import { CELLS, IDENTITY_COLUMNS } from '@/domain/catalogue';
import type { ReportRow } from '@/domain/rules';
import type { Row } from '@/data/query-runner';
import { col, join, sql, type SqlQuery } from '@/data/sql';
import { requireColumns } from '@/data/queries/decode';

/** The report years of one agency (for the year picker), oldest first. */
export function agencyYearsQuery(agencyId: string | null): SqlQuery | null {
  if (!agencyId) return null;
  return sql`SELECT ${col('year')}, ${col('template')}, ${col('agency_name')} FROM reports
    WHERE ${col('agency_id')} = ${agencyId} ORDER BY ${col('year')}`;
}

export interface AgencyYear {
  readonly year: number;
  readonly template: string | null;
  readonly agencyName: string;
}

export function decodeAgencyYears(rows: readonly Row[]): AgencyYear[] {
  requireColumns(rows, ['year', 'template', 'agency_name'], 'agencyYears');
  return rows.map((r) => ({
    year: Number(r.year),
    template: r.template === null || r.template === undefined ? null : String(r.template),
    agencyName: String(r.agency_name),
  }));
}

const COLUMNS = [...IDENTITY_COLUMNS.map((c) => c.key), ...CELLS.map((c) => c.key)];

/** Whole rows (identity and every cell) of one agency for the given years. */
export function reportRowsQuery(agencyId: string | null, years: readonly number[]): SqlQuery | null {
  if (!agencyId || years.length === 0) return null;
  return sql`SELECT ${join(COLUMNS.map((k) => sql`${col(k)}`))} FROM reports
    WHERE ${col('agency_id')} = ${agencyId} AND ${col('year')} IN (${[...years]}) ORDER BY ${col('year')}`;
}

const TEXT_KEYS = new Set<string>(IDENTITY_COLUMNS.filter((c) => c.type === 'text').map((c) => c.key));

/** Rows as plain reports: cells as numbers or null (never 0 for blank), identity as text. */
export function decodeReportRows(rows: readonly Row[]): ReportRow[] {
  requireColumns(rows, COLUMNS, 'reportRows');
  return rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const k of COLUMNS) {
      const v = r[k];
      if (v === null || v === undefined) out[k] = null;
      else if (TEXT_KEYS.has(k)) out[k] = String(v);
      else out[k] = Number(v);
    }
    return out;
  });
}
