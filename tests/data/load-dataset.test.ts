import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { QueryRunner } from '@/data/query-runner';
import { sql } from '@/data/sql';
import { loadDataset } from '@/data/load/load-dataset';
import { DatasetLoadError, type LoadIssue } from '@/data/load/issues';
import { fixtureFile, fixturePath, freshRunner, textFile } from '../support/engine';
import { xlsxOf } from '../support/xlsx';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
});

const one = async (text: TemplateStringsArray, ...v: never[]) => (await runner.query(sql(text, ...v)))[0] ?? {};

async function issuesOf(promise: Promise<unknown>): Promise<LoadIssue[]> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DatasetLoadError) return [...e.issues];
    throw e;
  }
  throw new Error('expected the load to fail');
}

const wideCsv = readFileSync(fixturePath('data/wide.csv'), 'utf8');
const withRow = (row: number, change: (cells: string[]) => void) => {
  const lines = wideCsv.trim().split('\n');
  const cells = (lines[row - 1] as string).split(',');
  change(cells);
  lines[row - 1] = cells.join(',');
  return lines.join('\n');
};
const header = (wideCsv.split('\n')[0] as string).split(',');
const colIndex = (key: string) => header.indexOf(key);

describe('loading a wide CSV', () => {
  it('creates one canonical row per agency-year with every contract column', async () => {
    const summary = await loadDataset(runner, fixtureFile('data/wide.csv'));
    expect(summary).toMatchObject({
      shape: 'wide',
      format: 'csv',
      reports: 5,
      agencies: 3,
      firstYear: 2020,
      lastYear: 2023,
    });
    const cols = await runner.query(sql`SELECT count(*) AS n FROM (DESCRIBE reports)`);
    expect(cols[0]?.n).toBe(241);
    expect(await one`SELECT sum(t3_new_total) AS s FROM reports WHERE year = 2023`).toEqual({ s: 335 });
  });

  it('infers the template from the year when the file leaves it blank', async () => {
    await loadDataset(runner, fixtureFile('data/wide.csv'));
    expect(await one`SELECT template FROM reports WHERE agency_id = 'c-city' AND year = 2020`).toEqual({
      template: '2019',
    });
  });

  it('keeps blank and "/" as null, a printed 0 as 0, decimals and signed 2019 changes', async () => {
    await loadDataset(runner, fixtureFile('data/wide.csv'));
    expect(
      await one`SELECT t2_fees, t3_carried_in_total FROM reports WHERE agency_id = 'a-gov' AND year = 2023`,
    ).toEqual({
      t2_fees: null,
      t3_carried_in_total: null,
    });
    expect(await one`SELECT t2_fees, t3_new_total FROM reports WHERE agency_id = 'b-hrss'`).toEqual({
      t2_fees: 0,
      t3_new_total: 0,
    });
    expect(await one`SELECT t2_fees FROM reports WHERE agency_id = 'c-city' AND year = 2023`).toEqual({
      t2_fees: 1234.5678,
    });
    expect(await one`SELECT t2v19_licensing_change AS c FROM reports WHERE year = 2020`).toEqual({ c: -3 });
  });

  it('accepts the Chinese headers of the downloadable template', async () => {
    const zh = wideCsv
      .replace('agency_name', '机关名称')
      .replace('t3_new_total', '本年新收政府信息公开申请数量（总计）');
    await loadDataset(runner, textFile('zh.csv', zh));
    expect(await one`SELECT sum(t3_new_total) AS s FROM reports`).toEqual({ s: 335 + 12 + 292 });
  });
});

describe('loading the long shape and Parquet', () => {
  it('pivots a long CSV to the same figures as the wide one', async () => {
    const s = await loadDataset(runner, fixtureFile('data/long.csv'));
    expect(s).toMatchObject({ shape: 'long', reports: 2 });
    expect(
      await one`SELECT t3_new_total, t3_total_total, t4_review_total, template FROM reports WHERE agency_id = 'a-gov'`,
    ).toEqual({
      t3_new_total: 20,
      t3_total_total: 18,
      t4_review_total: 3,
      template: '2021',
    });
    expect(await one`SELECT t2_fees, t3_new_person FROM reports WHERE agency_id = 'c-city'`).toEqual({
      t2_fees: 1234.5678,
      t3_new_person: null,
    });
  });

  it('reads a Parquet file with a JS reader and loads the same rows as the CSV', async () => {
    const rows = wideCsv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const numeric = new Set(header.filter((h) => h.startsWith('t')).concat('year'));
    const buffer = parquetWriteBuffer({
      columnData: header.map((h, i) => ({
        name: h,
        data: rows.map((r) => {
          const v = r[i] ?? '';
          if (!numeric.has(h) || h === 'template') return v === '' ? null : v;
          return v === '' || v === '/' ? null : Number(v);
        }),
        type: numeric.has(h) && h !== 'template' ? 'DOUBLE' : 'STRING',
      })),
    });
    const s = await loadDataset(runner, { name: 'wide.parquet', bytes: new Uint8Array(buffer) });
    expect(s).toMatchObject({ format: 'parquet', reports: 5 });
    expect(await one`SELECT sum(t3_new_total) AS s, sum(t2_fees) AS f FROM reports WHERE year = 2023`).toEqual({
      s: 335,
      f: 1234.5678,
    });
  });
});

describe('loading a spreadsheet', () => {
  const rows = wideCsv
    .trim()
    .split('\n')
    .map((l, i) =>
      l.split(',').map((v) => (i > 0 && v !== '' && /^-?[\d.]+$/.test(v) ? Number(v) : v === '' ? null : v)),
    );

  it('reads the first sheet of an XLSX workbook like the CSV', async () => {
    const s = await loadDataset(runner, { name: 'reports.xlsx', bytes: xlsxOf(rows) });
    expect(s).toMatchObject({ format: 'xlsx', reports: 5 });
    expect(await one`SELECT sum(t3_new_total) AS s, sum(t2_fees) AS f FROM reports WHERE year = 2023`).toEqual({
      s: 335,
      f: 1234.5678,
    });
  });

  it('locates a bad cell by its spreadsheet row', async () => {
    const bad = rows.map((r, i) => (i === 3 ? r.map((v, j) => (j === colIndex('t3_new_total') ? '很多' : v)) : r));
    const issues = await issuesOf(loadDataset(runner, { name: 'bad.xlsx', bytes: xlsxOf(bad) }));
    expect(issues).toEqual([{ code: 'not_a_number', file: 'bad.xlsx', row: 4, column: 't3_new_total', value: '很多' }]);
  });
});

describe('rejecting a wrong file', () => {
  it('names a missing identity column', async () => {
    const text = wideCsv.replace('level,', 'levle,');
    const issues = await issuesOf(loadDataset(runner, textFile('x.csv', text)));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown_column', file: 'x.csv', row: 1, column: 'levle' }),
        expect.objectContaining({ code: 'missing_column', column: 'level' }),
      ]),
    );
  });

  it('names file, row, column and value of a non-numeric cell', async () => {
    const text = withRow(3, (c) => (c[colIndex('t3_new_total')] = '二十'));
    const issues = await issuesOf(loadDataset(runner, textFile('bad.csv', text)));
    expect(issues).toEqual([{ code: 'not_a_number', file: 'bad.csv', row: 3, column: 't3_new_total', value: '二十' }]);
  });

  it('rejects a negative count but accepts a negative 2019 change', async () => {
    const text = withRow(4, (c) => (c[colIndex('t3_granted_total')] = '-1'));
    const issues = await issuesOf(loadDataset(runner, textFile('neg.csv', text)));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'negative', row: 4, column: 't3_granted_total', value: '-1' }),
    ]);
  });

  it('rejects a fractional count', async () => {
    const text = withRow(2, (c) => (c[colIndex('t4_review_total')] = '2.5'));
    const issues = await issuesOf(loadDataset(runner, textFile('frac.csv', text)));
    expect(issues).toEqual([expect.objectContaining({ code: 'not_integer', row: 2, column: 't4_review_total' })]);
  });

  it('names both rows of a duplicate agency-year', async () => {
    const text = `${wideCsv.trim()}\n${wideCsv.split('\n')[2]}`;
    const issues = await issuesOf(loadDataset(runner, textFile('dup.csv', text)));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'duplicate_report', row: 7, column: 'agency_id', value: 'a-gov', detail: '3' }),
    ]);
  });

  it('rejects bad year, level and kind values', async () => {
    const text = withRow(2, (c) => {
      c[colIndex('year')] = '22';
      c[colIndex('level')] = '区级';
      c[colIndex('kind')] = '';
    });
    const codes = (await issuesOf(loadDataset(runner, textFile('id.csv', text)))).map((i) => i.code);
    expect(codes).toEqual(['bad_year', 'bad_level', 'bad_kind']);
  });

  it('rejects unknown cells of a long file', async () => {
    const text = readFileSync(fixturePath('data/long.csv'), 'utf8').replace('t4_review_total', 't4_review_sum');
    const issues = await issuesOf(loadDataset(runner, textFile('long-bad.csv', text)));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unknown_cell', row: 6, column: 'cell', value: 't4_review_sum' }),
    ]);
  });

  it('rejects an XLSX-like zip or an unknown extension with an unsupported-format issue', async () => {
    const issues = await issuesOf(loadDataset(runner, { name: 'report.pdf', bytes: new Uint8Array([37, 80, 68, 70]) }));
    expect(issues[0]?.code).toBe('unsupported_format');
  });

  it('leaves the loaded data intact when a load fails', async () => {
    await loadDataset(runner, fixtureFile('data/wide.csv'));
    const before = await one`SELECT count(*) AS n, sum(t3_new_total) AS s FROM reports`;
    await issuesOf(
      loadDataset(
        runner,
        textFile(
          'bad.csv',
          withRow(2, (c) => (c[colIndex('year')] = 'x')),
        ),
      ),
    );
    await issuesOf(loadDataset(runner, textFile('empty.csv', header.join(','))));
    expect(await one`SELECT count(*) AS n, sum(t3_new_total) AS s FROM reports`).toEqual(before);
  });

  it('appends new reports but refuses one already loaded', async () => {
    await loadDataset(runner, fixtureFile('data/wide.csv'));
    const extra = `${header.join(',')}\n${withRow(2, (c) => (c[colIndex('year')] = '2024')).split('\n')[1]}`;
    await loadDataset(runner, textFile('extra.csv', extra), 'append');
    expect(await one`SELECT count(*) AS n FROM reports`).toEqual({ n: 6 });
    const issues = await issuesOf(loadDataset(runner, textFile('extra.csv', extra), 'append'));
    expect(issues[0]).toMatchObject({ code: 'already_loaded', value: 'a-gov', detail: '2024' });
    expect(await one`SELECT count(*) AS n FROM reports`).toEqual({ n: 6 });
  });
});
