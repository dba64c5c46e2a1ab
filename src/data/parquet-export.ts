import { datasetParquet } from '@/domain/parquet';
import type { QueryRunner } from '@/data/query-runner';
import { allReportsQuery } from '@/data/queries/export';

/** The loaded reports as a Parquet file, through the one dataset writer (`@/domain/parquet`). */
export async function reportsToParquet(runner: QueryRunner): Promise<Uint8Array> {
  const rows = await runner.query(allReportsQuery());
  return datasetParquet(rows.length, (r, key) => rows[r]?.[key]);
}
