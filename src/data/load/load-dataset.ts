import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { readSheet } from 'read-excel-file/universal';
import type { QueryRunner } from '@/data/query-runner';
import { name, sql } from '@/data/sql';
import { DatasetLoadError, LOAD_LIMITS, MAX_LISTED_ISSUES, type LoadIssue } from '@/data/load/issues';
import { keyForHeader, mapColumns } from '@/data/load/schema';
import { dropStaging, rowLimitIssue, stageCsv, stageRecords, type Staging } from '@/data/load/staging';
import { blankHeaderIssues, ensureLoadHelpers, findValueIssues } from '@/data/load/validate';
import { longProjection, REPORTS_TABLE, typedProjection, wideProjection } from '@/data/load/canonical';
import { isTypedWide, typedColumnsIpc, typedIssues } from '@/data/load/typed-columns';
import { refreshDerivedTables } from '@/data/quality';
import { detachDatabase } from '@/data/load/attach-database';
import { formulasWithoutValue } from '@/data/load/xlsx-formulas';
import { byteSize, checkZip } from '@/domain/zip';

/** 'duckdb': a database file attached over HTTP (attach-database.ts), never read whole. */
export type DatasetFormat = 'csv' | 'parquet' | 'xlsx' | 'duckdb';

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
  const lower = file.name.toLowerCase();
  const zip = b.length >= 2 && b[0] === 0x50 && b[1] === 0x4b;
  if (zip) return lower.endsWith('.xlsx') ? 'xlsx' : null; // other zips (DOCX…) are not datasets
  // Named .xlsx but not a ZIP: a damaged workbook (or an old .xls renamed), read and refused as such.
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return 'csv';
  return null;
}

interface ParquetColumns {
  readonly header: string[];
  readonly columns: unknown[][];
  readonly rowCount: number;
}

/** Parquet is read in JavaScript (DuckDB-WASM's reader is an extension fetched from the network). */
async function readParquet(file: DatasetFile): Promise<ParquetColumns> {
  try {
    const b = file.bytes;
    const buffer = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    const metadata = parquetMetadata(buffer);
    const header = parquetSchema(metadata).children.map((c) => c.element.name);
    const rowCount = Number(metadata.num_rows);
    const tooMany = rowLimitIssue(file.name, rowCount, header.includes('cell') && header.includes('value'));
    if (tooMany) throw new DatasetLoadError(file.name, [tooMany], 1);
    const columns = header.map(() => new Array<unknown>(rowCount).fill(null));
    const index = new Map(header.map((h, i) => [h, i]));
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      onChunk: (chunk) => {
        const target = columns[index.get(chunk.columnName) ?? -1];
        if (!target) return;
        const data = chunk.columnData as ArrayLike<unknown>;
        for (let i = 0; i < data.length; i++) target[chunk.rowStart + i] = data[i];
      },
    });
    return { header, columns, rowCount };
  } catch (e) {
    if (e instanceof DatasetLoadError) throw e;
    throw new DatasetLoadError(file.name, [{ code: 'unreadable', file: file.name, detail: (e as Error).message }], 1);
  }
}

function fail(file: string, issues: { issues: readonly LoadIssue[]; total: number }): never {
  throw new DatasetLoadError(file, issues.issues, issues.total);
}

/** A Parquet file decoded and checked in JavaScript, before the engine is needed. */
type PreparedParquet =
  | { readonly kind: 'typed'; readonly ipc: Uint8Array; readonly keys: ReadonlySet<string> }
  | { readonly kind: 'staged'; readonly pq: ParquetColumns };

/**
 * A wide Parquet file with numeric cells skips the text staging: its typed columns are checked in
 * a plain loop and become an Arrow stream, several times faster than casting text in SQL. None of
 * this needs the engine, so at start-up it overlaps with DuckDB-WASM's instantiation.
 */
async function prepareParquet(file: DatasetFile): Promise<PreparedParquet> {
  const pq = await readParquet(file);
  if (pq.rowCount === 0) fail(file.name, { issues: [{ code: 'empty', file: file.name }], total: 1 });
  const mapping = mapColumns(
    file.name,
    pq.header,
    pq.header.map((_, i) => `c${i}`),
  );
  if (mapping.issues.length > 0) fail(file.name, { issues: mapping.issues, total: mapping.issues.length });
  const byKey = new Map<string, unknown[]>();
  for (const [key, staged] of mapping.byKey) byKey.set(key, pq.columns[Number(staged.slice(1))] ?? []);
  if (mapping.shape !== 'wide' || !isTypedWide(byKey)) return { kind: 'staged', pq };
  const found = typedIssues(file.name, byKey, pq.rowCount);
  if (found.total > 0) fail(file.name, found);
  return { kind: 'typed', ipc: typedColumnsIpc(byKey), keys: new Set(byKey.keys()) };
}

async function preparedTable(
  runner: QueryRunner,
  file: string,
  prepared: PreparedParquet,
  table: string,
): Promise<'wide' | 'long'> {
  if (prepared.kind === 'staged') {
    const { pq } = prepared;
    const records = Array.from({ length: pq.rowCount }, (_, r) => pq.columns.map((c) => c[r]));
    return stagedTable(runner, file, await stageRecords(runner, pq.header, records, 1), table);
  }
  const raw = `${table}_typed`;
  await runner.insertArrowIPC(raw, prepared.ipc, true);
  try {
    await runner.query(sql`CREATE TEMP TABLE ${name(table)} AS ${typedProjection(raw, prepared.keys)}`);
  } finally {
    await runner.query(sql`DROP TABLE IF EXISTS ${name(raw)}`);
  }
  return 'wide';
}

/** Text staging, validation in SQL, and the canonical projection into `table`. */
async function stagedTable(
  runner: QueryRunner,
  file: string,
  staging: Staging,
  table: string,
): Promise<'wide' | 'long'> {
  try {
    if (staging.rowCount === 0) fail(file, { issues: [{ code: 'empty', file }], total: 1 });
    const mapping = mapColumns(file, staging.header, staging.columns);
    const blank = await blankHeaderIssues(runner, file, staging);
    if (mapping.issues.length > 0 || blank.total > 0) {
      const issues = [...mapping.issues, ...blank.issues];
      fail(file, { issues: issues.slice(0, MAX_LISTED_ISSUES), total: mapping.issues.length + blank.total });
    }
    const found = await findValueIssues(runner, file, staging, mapping);
    if (found.total > 0) fail(file, found);
    const projection = mapping.shape === 'long' ? longProjection(staging, mapping) : wideProjection(staging, mapping);
    await runner.query(sql`CREATE TEMP TABLE ${name(table)} AS ${projection}`);
    return mapping.shape;
  } finally {
    await dropStaging(runner, staging);
  }
}

/** The first sheet of a workbook: row 1 is the header, as a spreadsheet shows it. */
async function stageXlsx(runner: QueryRunner, file: DatasetFile): Promise<Staging> {
  // Before the reader inflates it: a small file whose sheet inflates to gigabytes would freeze the page.
  const zip = await checkZip(file.bytes);
  if (!zip.ok) {
    const issue: LoadIssue =
      zip.reason === 'too_large'
        ? { code: 'zip_too_large', file: file.name, value: byteSize(zip.bytes), detail: byteSize(zip.limit) }
        : { code: 'unreadable', file: file.name };
    throw new DatasetLoadError(file.name, [issue], 1);
  }
  let rows: unknown[][];
  try {
    const b = file.bytes;
    rows = (await readSheet(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer)) as unknown[][];
  } catch (e) {
    throw new DatasetLoadError(file.name, [{ code: 'unreadable', file: file.name, detail: (e as Error).message }], 1);
  }
  const [header = [], ...records] = rows;
  const formulas = await formulasWithoutValue(file.bytes);
  if (formulas.length > 0) {
    const issues: LoadIssue[] = formulas.map((ref) => {
      const [, letters = '', row = '0'] = /^([A-Z]+)(\d+)$/.exec(ref) ?? [];
      const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const h = header[col];
      return {
        code: 'formula_without_value',
        file: file.name,
        row: Number(row),
        column: h === null || h === undefined || String(h) === '' ? letters : String(h),
        value: ref,
      };
    });
    throw new DatasetLoadError(file.name, issues.slice(0, MAX_LISTED_ISSUES), issues.length);
  }
  const keys = new Set(header.map((h) => keyForHeader(String(h ?? ''))));
  const tooMany = rowLimitIssue(file.name, records.length, keys.has('cell') && keys.has('value'));
  if (tooMany) throw new DatasetLoadError(file.name, [tooMany], 1);
  return stageRecords(
    runner,
    header.map((h) => (h === null || h === undefined ? '' : String(h))),
    records,
    2,
  );
}

/** Builds the validated canonical rows of a CSV or XLSX file in a temp table; returns its shape. */
async function canonicalTable(
  runner: QueryRunner,
  file: DatasetFile,
  format: 'csv' | 'xlsx',
  table: string,
): Promise<'wide' | 'long'> {
  if (format === 'csv') return stagedTable(runner, file.name, await stageCsv(runner, file.name, file.bytes), table);
  return stagedTable(runner, file.name, await stageXlsx(runner, file), table);
}

const MIB = 1024 * 1024;

/**
 * The refusal of a file larger than `LOAD_LIMITS.maxBytes`, or null. Callers holding a `File` ask
 * with its size before reading it into memory; `loadDataset` asks again.
 */
export function fileSizeIssue(file: string, bytes: number): LoadIssue | null {
  if (bytes <= LOAD_LIMITS.maxBytes) return null;
  return {
    code: 'file_too_large',
    file,
    value: `${(bytes / MIB).toFixed(1)} MB`,
    detail: `${LOAD_LIMITS.maxBytes / MIB} MB`,
  };
}

/**
 * An error of the engine or a reader library, as a located issue: its own text is kept in
 * `detail` for the command line, never put in a message.
 */
function engineIssue(file: string, e: unknown): LoadIssue {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  // DuckDB: "Out of Memory Error: …"; V8: "Array buffer allocation failed", "Invalid string length".
  const memory = /out of memory|allocation failed|invalid (string|array|typed array) length/i.test(text);
  return { code: memory ? 'out_of_memory' : 'unreadable', file, detail: text };
}

/**
 * Loads a dataset file into the canonical `reports` table, validating it against the catalogue.
 * `replace` swaps the table only once the new rows are complete and valid; `append` adds rows to
 * what is loaded (e.g. parsed reports), refusing any (agency_id, year) already there. On any
 * problem it throws DatasetLoadError and the loaded data is untouched; a file over `LOAD_LIMITS`
 * is refused before it is read. `table` names another app-made table to write instead of `reports`
 * (a dataset active beside the first: the workspace unions them into `reports`); the rules are
 * evaluated only when `reports` itself changed.
 */
export async function loadDataset(
  engine: QueryRunner | Promise<QueryRunner>,
  file: DatasetFile,
  mode: 'replace' | 'append' = 'replace',
  table: string = REPORTS_TABLE,
): Promise<LoadSummary> {
  const format = detectFormat(file);
  if (!format) throw new DatasetLoadError(file.name, [{ code: 'unsupported_format', file: file.name }], 1);
  if (file.bytes.length === 0) throw new DatasetLoadError(file.name, [{ code: 'empty', file: file.name }], 1);
  const tooLarge = fileSizeIssue(file.name, file.bytes.length);
  if (tooLarge) throw new DatasetLoadError(file.name, [tooLarge], 1);

  // The engine may still be starting: Parquet is decoded and checked before it is awaited.
  let prepared: PreparedParquet | null = null;
  try {
    prepared = format === 'parquet' ? await prepareParquet(file) : null;
  } catch (e) {
    if (e instanceof DatasetLoadError) throw e;
    throw new DatasetLoadError(file.name, [engineIssue(file.name, e)], 1);
  }
  const runner = await engine;
  await ensureLoadHelpers(runner);
  const next = `next_${Date.now().toString(36)}_${(loads++).toString(36)}`;
  try {
    const shape = prepared
      ? await preparedTable(runner, file.name, prepared, next)
      : await canonicalTable(runner, file, format as 'csv' | 'xlsx', next);
    if (mode === 'append') await appendReports(runner, file.name, name(next), table);
    else {
      // An attached database's views give way when `reports` itself is replaced.
      if (table === REPORTS_TABLE) await detachDatabase(runner);
      await replaceReports(runner, name(next), table);
    }
    // Derived from the loaded data, so kept in step with it here, whoever loads.
    if (table === REPORTS_TABLE) await refreshDerivedTables(runner);
    return await summarize(runner, file.name, format, shape, name(next));
  } catch (e) {
    if (e instanceof DatasetLoadError) throw e;
    throw new DatasetLoadError(file.name, [engineIssue(file.name, e)], 1);
  } finally {
    await runner.query(sql`DROP TABLE IF EXISTS ${name(next)}`);
  }
}

let loads = 0;

async function replaceReports(runner: QueryRunner, next: ReturnType<typeof name>, table: string): Promise<void> {
  await runner.query(sql`CREATE OR REPLACE TABLE ${name(table)} AS SELECT * FROM ${next} ORDER BY agency_id, year`);
}

async function appendReports(
  runner: QueryRunner,
  file: string,
  next: ReturnType<typeof name>,
  table: string,
): Promise<void> {
  const reports = name(table);
  const exists = await runner.query(
    sql`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${table}`,
  );
  if (Number(exists[0]?.n ?? 0) === 0) return replaceReports(runner, next, table);
  const clashes = await runner.query(
    sql`SELECT n.agency_id, n.year FROM ${next} n JOIN ${reports} r USING (agency_id, year) ORDER BY 1, 2 LIMIT 50`,
  );
  if (clashes.length > 0) {
    const issues: LoadIssue[] = clashes.map((c) => ({
      code: 'already_loaded',
      file,
      column: 'agency_id',
      value: String(c.agency_id),
      detail: String(c.year),
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
