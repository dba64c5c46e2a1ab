import { CELLS, IDENTITY_COLUMNS } from '@/domain/catalogue';
import type { DataTable } from '@/domain/csv';

/** An empty dataset with Chinese headers, for filling in by hand; the loader maps them back to keys. */
export function templateTable(): DataTable {
  return { columns: [...IDENTITY_COLUMNS.map((c) => c.label.zh), ...CELLS.map((c) => c.label.zh)], rows: [] };
}
