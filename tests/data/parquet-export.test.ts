import { beforeAll, describe, expect, it } from 'vitest';
import { parquetReadObjects } from 'hyparquet';
import type { QueryRunner } from '@/data/query-runner';
import { sql } from '@/data/sql';
import { loadDataset } from '@/data/load/load-dataset';
import { reportsToParquet } from '@/data/parquet-export';
import { fixtureFile, freshRunner } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
});

describe('exporting the loaded reports as Parquet', () => {
  it('reads back with the values of the table, and loads back to the same table', async () => {
    await loadDataset(runner, fixtureFile('data/wide.csv'));
    const table = await runner.query(sql`SELECT * FROM reports ORDER BY agency_id, year`);
    expect(table).toHaveLength(5);
    const bytes = await reportsToParquet(runner);

    const back = await parquetReadObjects({ file: bytes.buffer.slice(0) as ArrayBuffer });
    expect(back).toHaveLength(table.length);
    // BIGINT counts may come from the engine as bigint; the file holds them as numbers.
    const plain = (r: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
    expect(back.map(plain)).toEqual(table.map(plain));

    await loadDataset(runner, { name: 'export.parquet', bytes });
    const again = await runner.query(sql`SELECT * FROM reports ORDER BY agency_id, year`);
    expect(again.map(plain)).toEqual(table.map(plain));
  });
});
