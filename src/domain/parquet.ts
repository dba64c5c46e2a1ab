/**
 * The one Parquet writer of the dataset contract. Every file the app or a script writes (the
 * loaded data, documents read by the importer, the bundled datasets) goes through it, so its
 * column types are the same everywhere and follow the catalogue:
 *
 * - identity columns: `STRING`, and `INT32` for the one integer column (`year`);
 * - every cell: `DOUBLE`. The loader accepts counts up to 10^15, beyond INT32; a double holds
 *   every integer up to 2^53 exactly, and the decimal cells (fees, procurement) as they are.
 *
 * Blanks (null, undefined, empty text) are written as null, never as 0.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { CELLS, DATASET_COLUMNS, IDENTITY_COLUMNS } from '@/domain/catalogue';

export type ParquetColumnType = 'STRING' | 'INT32' | 'DOUBLE';

/** The Parquet type of every dataset column, in contract order. */
export const PARQUET_COLUMN_TYPES: ReadonlyMap<string, ParquetColumnType> = new Map<string, ParquetColumnType>([
  ...IDENTITY_COLUMNS.map((c): [string, ParquetColumnType] => [c.key, c.type === 'integer' ? 'INT32' : 'STRING']),
  ...CELLS.map((c): [string, ParquetColumnType] => [c.key, 'DOUBLE']),
]);

function written(v: unknown, type: ParquetColumnType): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'STRING') return String(v);
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`Not a number for a ${type} column: ${String(v)}`);
  if (type === 'INT32' && (!Number.isInteger(n) || Math.abs(n) > 2 ** 31 - 1)) {
    throw new Error(`Not a 32-bit integer: ${String(v)}`);
  }
  return n;
}

/**
 * Reports as a Parquet file in every column of the contract, in its order. `value(row, key)`
 * gives one report's value of one column (missing columns are blank).
 */
export function datasetParquet(rowCount: number, value: (row: number, key: string) => unknown): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: DATASET_COLUMNS.map((name) => {
      const type = PARQUET_COLUMN_TYPES.get(name) ?? 'STRING';
      const data = Array.from({ length: rowCount }, (_, r) => written(value(r, name), type));
      return { name, type, data };
    }),
  });
  return new Uint8Array(buffer);
}
