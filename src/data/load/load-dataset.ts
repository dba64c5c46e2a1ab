import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { QueryRunner } from '@/data/query-runner';
import { name, sql } from '@/data/sql';
import { DatasetLoadError, type LoadIssue } from '@/data/load/issues';
import { mapColumns } from '@/data/load/schema';
import { dropStaging, stageCsv, stageRecords, type Staging } from '@/data/load/staging';
import { ensureLoadHelpers, findValueIssues } from '@/data/load/validate';
import { longProjection, REPORTS_TABLE, wideProjection } from '@/data/load/canonical';

export type DatasetFormat = 'csv' | 'parquet';

export interface DatasetFile {
  /** File name as the user knows it; every message names it. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface LoadSummary {
  readonly file: string;
  readonly format: DatasetFormat;
  readonly shape: 'wide' | 'long';
  readonly reports: number;
  readonly agencies: number;
  readonly firstYear: number | null;
  readonly lastYear: number | null;
}

export function detectFormat(file: DatasetFile): DatasetFormat | null {
  const b = file.bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31) return 'parquet'; // PAR1
  if (b.length >= 2 && b[0] === 0x50 && b[1] === 0x4b) return null; // a zip: XLSX, DOCX…
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return 'csv';
  return null;
}

async function stage(runner: QueryRunner, file: DatasetFile, format: DatasetFormat): Promise<Staging> {
  if (format === 'csv') return stageCsv(runner, file.name, file.bytes);
  let header: string[];
  let records: unknown[][];
  try {
    const buffer = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
    const metadata = parquetMetadata(buffer);
    header = parquetSchema(metadata).children.map((c) => c.element.name);
    const objects = await parquetReadObjects({ file: buffer, metadata, compressors });
    records = objects.map((o) => header.map((h) => (o as Record<string, unknown>)[h]));
  } catch (e) {
    throw new DatasetLoadError(file.name, [{ code: 'unreadable', file: file.name, detail: (e as Error).message }], 1);
  }
  return stageRecords(runner, header, records, 1);
}

/**
 * Loads a dataset file into the canonical `reports` table, validating it against the catalogue.
 * `replace` swaps the table only once the new rows are complete and valid; `append` adds rows to
 * what is loaded (e.g. parsed reports), refusing any (agency_id, year) already there. On any
 * problem it throws DatasetLoadError and the loaded data is untouched.
 */
export async function loadDataset(
  runner: QueryRunner,
  file: DatasetFile,
  mode: 'replace' | 'append' = 'replace',
): Promise<LoadSummary> {
  const format = detectFormat(file);
  if (!format) throw new DatasetLoadError(file.name, [{ code: 'unsupported_format', file: file.name }], 1);
  if (file.bytes.length === 0) throw new DatasetLoadError(file.name, [{ code: 'empty', file: file.name }], 1);

  await ensureLoadHelpers(runner);
  const staging = await stage(runner, file, format);
  const next = name(`${staging.table}_canonical`);
  try {
    if (staging.rowCount === 0) throw new DatasetLoadError(file.name, [{ code: 'empty', file: file.name }], 1);
    const mapping = mapColumns(file.name, staging.header, staging.columns);
    if (mapping.issues.length > 0) throw new DatasetLoadError(file.name, mapping.issues, mapping.issues.length);
    const found = await findValueIssues(runner, file.name, staging, mapping);
    if (found.total > 0) throw new DatasetLoadError(file.name, found.issues, found.total);

    const projection = mapping.shape === 'long' ? longProjection(staging, mapping) : wideProjection(staging, mapping);
    await runner.query(sql`CREATE TEMP TABLE ${next} AS ${projection}`);
    if (mode === 'append') await appendReports(runner, file.name, next);
    else await replaceReports(runner, next);
    return await summarize(runner, file.name, format, mapping.shape, next);
  } finally {
    await runner.query(sql`DROP TABLE IF EXISTS ${next}`);
    await dropStaging(runner, staging);
  }
}

async function replaceReports(runner: QueryRunner, next: ReturnType<typeof name>): Promise<void> {
  await runner.query(sql`CREATE OR REPLACE TABLE ${name(REPORTS_TABLE)} AS SELECT * FROM ${next} ORDER BY agency_id, year`);
}

async function appendReports(runner: QueryRunner, file: string, next: ReturnType<typeof name>): Promise<void> {
  const reports = name(REPORTS_TABLE);
  const exists = await runner.query(
    sql`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${REPORTS_TABLE}`,
  );
  if (Number(exists[0]?.n ?? 0) === 0) return replaceReports(runner, next);
  const clashes = await runner.query(
    sql`SELECT n.agency_id, n.year FROM ${next} n JOIN ${reports} r USING (agency_id, year) ORDER BY 1, 2 LIMIT 50`,
  );
  if (clashes.length > 0) {
    const issues: LoadIssue[] = clashes.map((c) => ({
      code: 'duplicate_report',
      file,
      column: 'agency_id',
      value: String(c.agency_id),
      detail: `loaded:${String(c.year)}`,
    }));
    throw new DatasetLoadError(file, issues, issues.length);
  }
  await runner.query(sql`INSERT INTO ${reports} BY NAME SELECT * FROM ${next}`);
}

async function summarize(
  runner: QueryRunner,
  file: string,
  format: DatasetFormat,
  shape: 'wide' | 'long',
  table: ReturnType<typeof name>,
): Promise<LoadSummary> {
  const [s] = await runner.query(
    sql`SELECT count(*) AS reports, count(DISTINCT agency_id) AS agencies, min(year) AS first, max(year) AS last FROM ${table}`,
  );
  return {
    file,
    format,
    shape,
    reports: Number(s?.reports ?? 0),
    agencies: Number(s?.agencies ?? 0),
    firstYear: s?.first == null ? null : Number(s.first),
    lastYear: s?.last == null ? null : Number(s.last),
  };
}
