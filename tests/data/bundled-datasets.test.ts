import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { allReportsQuery } from '@/data/queries/export';
import { freshRunner, projectPath } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
});

const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(projectPath(`datasets/${name}`))) });

describe.each(['demo', 'real'])('the bundled %s dataset', (name) => {
  it('passes full validation as CSV and its Parquet holds exactly the same reports', async () => {
    await loadDataset(runner, file(`${name}.csv`));
    const fromCsv = await runner.query(allReportsQuery());
    const summary = await loadDataset(runner, file(`${name}.parquet`));
    const fromParquet = await runner.query(allReportsQuery());
    expect(summary.reports).toBe(fromCsv.length);
    expect(fromParquet).toEqual(fromCsv);
  });
});
