import { DATASET_COLUMNS } from '@/domain/catalogue';
import type { DataTable } from '@/domain/csv';
import type { Row } from '@/data/query-runner';
import { col, join, sql, type SqlQuery } from '@/data/sql';

/** The loaded reports in contract column order (the public dataset format). */
export function allReportsQuery(): SqlQuery {
  return sql`SELECT ${join(DATASET_COLUMNS.map((k) => sql`${col(k)}`))} FROM reports ORDER BY agency_id, year`;
}

export function decodeReportsTable(rows: readonly Row[]): DataTable {
  return {
    columns: DATASET_COLUMNS,
    rows: rows.map((r) =>
      DATASET_COLUMNS.map((k) => {
        const v = r[k];
        if (v === null || v === undefined) return null;
        return typeof v === 'number' ? v : String(v);
      }),
    ),
  };
}
