import { describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { CELLS, DATASET_COLUMNS, IDENTITY_COLUMNS } from '@/domain/catalogue';
import { datasetParquet } from '@/domain/parquet';
import { reportRowsParquet } from '@/ingest/parquet';

const toBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Physical type of every column of a written file. */
function columnTypes(bytes: Uint8Array): Record<string, string | undefined> {
  const schema = parquetSchema(parquetMetadata(toBuffer(bytes)));
  return Object.fromEntries(schema.children.map((c) => [c.element.name, c.element.type]));
}

/** What the contract asks, written out: `year` is a 32-bit integer, other identity text, every cell a double. */
const EXPECTED_TYPES = Object.fromEntries([
  ...IDENTITY_COLUMNS.map((c) => [c.key, c.key === 'year' ? 'INT32' : 'BYTE_ARRAY']),
  ...CELLS.map((c) => [c.key, 'DOUBLE']),
]);

/** A report in the importer's row shape (contract order), with the values that catch a wrong type. */
function row(values: Record<string, string | number | null>): (string | number | null)[] {
  return DATASET_COLUMNS.map((k) => (k in values ? (values[k] ?? null) : null));
}

const A = {
  agency_id: 'a-1',
  agency_name: '甲市人民政府',
  year: 2023,
  template: '2021',
  level: 'city',
  kind: 'government',
  t3_new_person: 3_000_000_000, // beyond INT32
  t3_new_total: 0,
  t2_fees: 12.34, // decimal cell
};
const B = {
  agency_id: 'b-2',
  agency_name: '乙县教育局',
  year: 2020,
  template: '2019',
  level: 'county',
  kind: 'department',
  province: '',
  t2v19_licensing_change: -7, // signed count
  t3_new_person: 5,
};

describe('the dataset Parquet writer', () => {
  it('types every contract column as the catalogue says, whichever caller writes', () => {
    expect(Object.keys(EXPECTED_TYPES)).toHaveLength(DATASET_COLUMNS.length);
    expect(columnTypes(reportRowsParquet([row(A), row(B)]))).toEqual(EXPECTED_TYPES);
    expect(columnTypes(datasetParquet(1, (_, k) => (A as Record<string, unknown>)[k]))).toEqual(EXPECTED_TYPES);
  });

  it('reads back the values written: large counts exact, decimals, negatives, blanks as null', async () => {
    const bytes = reportRowsParquet([row(A), row(B)]);
    const back = await parquetReadObjects({ file: toBuffer(bytes) });
    expect(back).toHaveLength(2);
    const [a, b] = back as Record<string, unknown>[];
    expect(a).toMatchObject({ ...A, province: null, t3_carried_in_total: null });
    expect(b).toMatchObject({ ...B, province: null, t3_new_total: null, t2_fees: null });
    // Every column is present in the file, blank ones as null (not 0, not '').
    expect(Object.keys(a ?? {})).toEqual([...DATASET_COLUMNS]);
    expect(Object.values(b ?? {}).filter((v) => v === null)).toHaveLength(DATASET_COLUMNS.length - 8);
  });

  it('refuses a value its column type cannot hold instead of writing something else', () => {
    expect(() => reportRowsParquet([row({ ...A, t3_new_person: 'many' })])).toThrow(/Not a number/);
    expect(() => reportRowsParquet([row({ ...A, year: 2023.5 })])).toThrow(/32-bit/);
  });
});
