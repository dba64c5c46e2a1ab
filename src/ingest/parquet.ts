/**
 * Dataset rows (from `reportRow`, in the contract's column order) as a Parquet file, through the
 * one dataset writer (`@/domain/parquet`). Works in Node and in the browser.
 */
import { DATASET_COLUMNS } from '@/domain/catalogue';
import { datasetParquet } from '@/domain/parquet';
import type { CsvValue } from '@/ingest/csv';

const INDEX = new Map(DATASET_COLUMNS.map((key, i) => [key, i]));

export function reportRowsParquet(rows: readonly (readonly CsvValue[])[]): Uint8Array {
  return datasetParquet(rows.length, (r, key) => rows[r]?.[INDEX.get(key) ?? -1]);
}
