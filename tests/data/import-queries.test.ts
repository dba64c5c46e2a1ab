import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASET_COLUMNS } from '@/domain/catalogue';
import { toCsv } from '@/domain/csv';
import { parseReport } from '@/ingest';
import { formRow, suggestMeta } from '@/ingest/meta';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { DatasetLoadError } from '@/data/load/issues';
import { decodeKnownAgencies, decodeLoadedTotals, knownAgenciesQuery, loadedTotalsQuery } from '@/data/queries/import';
import { fixtureFile, fixturePath, freshRunner } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, fixtureFile('data/wide.csv'));
});

const parsed = (name: string) =>
  parseReport({ name, bytes: new Uint8Array(readFileSync(join(fixturePath('ingest'), name))) });

/** What the import view does: form rows → CSV → append. */
async function append(names: string[]) {
  const reports = await Promise.all(names.map(parsed));
  const rows = reports.map((r) => formRow(r, suggestMeta(r).form) as (string | number | null)[]);
  const csv = toCsv({ columns: DATASET_COLUMNS, rows }, false);
  return loadDataset(runner, { name: 'imported-reports.csv', bytes: new TextEncoder().encode(csv) }, 'append');
}

describe('import queries', () => {
  it('counts the loaded data after parsed reports are appended', async () => {
    const before = decodeLoadedTotals(await runner.query(loadedTotalsQuery()));
    await append(['report-2021.pdf', 'v2019-2020.txt']);
    const after = decodeLoadedTotals(await runner.query(loadedTotalsQuery()));
    expect(after.reports).toBe(before.reports + 2);
    expect(after.agencies).toBe(before.agencies + 2);
  });

  it('finds loaded agencies by name or id with their years', async () => {
    const q = knownAgenciesQuery(['示例县市场监督管理局'], ['nobody']);
    const found = decodeKnownAgencies(await runner.query(q ?? loadedTotalsQuery()));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      name: '示例县市场监督管理局',
      level: 'county',
      kind: 'department',
      years: [2023],
    });
    expect(knownAgenciesQuery([], [])).toBeNull();
  });

  it('refuses the same report twice and leaves the data as it was', async () => {
    const before = decodeLoadedTotals(await runner.query(loadedTotalsQuery()));
    const error = await append(['report-2021.html']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetLoadError);
    expect((error as DatasetLoadError).issues[0]).toMatchObject({ code: 'already_loaded', detail: '2023' });
    expect(decodeLoadedTotals(await runner.query(loadedTotalsQuery()))).toEqual(before);
  });
});
