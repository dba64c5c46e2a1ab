/**
 * Dataset rows (from `reportRow`) as a Parquet file in the contract's columns: text as STRING,
 * year and counts INT32, decimal cells DOUBLE, blanks null. Works in Node and in the browser.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { CELLS, DATASET_COLUMNS, IDENTITY_COLUMNS } from '@/domain/catalogue';
import type { CsvValue } from '@/ingest/csv';

type ColumnType = 'STRING' | 'INT32' | 'DOUBLE';

const TYPES = new Map<string, ColumnType>([
  ...IDENTITY_COLUMNS.map((c): [string, ColumnType] => [c.key, c.type === 'integer' ? 'INT32' : 'STRING']),
  ...CELLS.map((c): [string, ColumnType] => [c.key, c.valueKind === 'decimal' ? 'DOUBLE' : 'INT32']),
]);

export function reportRowsParquet(rows: readonly (readonly CsvValue[])[]): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: DATASET_COLUMNS.map((name, ci) => {
      const type = TYPES.get(name) ?? 'STRING';
      const data = rows.map((r) => {
        const v = r[ci];
        if (v === null || v === undefined || v === '') return null;
        return type === 'STRING' ? String(v) : Number(v);
      });
      return { name, type, data, nullable: true };
    }),
  });
  return new Uint8Array(buffer);
}
