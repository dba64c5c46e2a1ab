import { parquetWriteBuffer } from 'hyparquet-writer';
import { DATASET_COLUMNS, IDENTITY_COLUMNS } from '@/domain/catalogue';
import type { QueryRunner } from '@/data/query-runner';
import { allReportsQuery } from '@/data/queries/export';

const TEXT = new Set<string>(IDENTITY_COLUMNS.filter((c) => c.type === 'text').map((c) => c.key));

/**
 * The loaded reports as a Parquet file in the contract's columns: text as STRING, year INT32,
 * every cell DOUBLE (exact for counts, and the fees' decimals), null kept null.
 */
export async function reportsToParquet(runner: QueryRunner): Promise<Uint8Array> {
  const rows = await runner.query(allReportsQuery());
  const buffer = parquetWriteBuffer({
    columnData: DATASET_COLUMNS.map((key) => ({
      name: key,
      data: rows.map((r) => {
        const v = r[key];
        if (v === null || v === undefined) return null;
        return TEXT.has(key) ? String(v) : Number(v);
      }),
      type: TEXT.has(key) ? 'STRING' : key === 'year' ? 'INT32' : 'DOUBLE',
    })),
  });
  return new Uint8Array(buffer);
}
