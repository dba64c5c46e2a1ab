import { Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { QueryRunner } from '@/data/query-runner';
import { join, name, nameLiteral, sql } from '@/data/sql';
import { DatasetLoadError } from '@/data/load/issues';

/**
 * Every input format lands first in a staging table of text columns `c0…cN` plus `__row` (the row
 * number a person sees in the file), with the header kept apart. Column names in SQL are thus
 * always app-made; the file's own header is data, mapped to catalogue keys in TypeScript.
 */
export interface Staging {
  readonly table: string;
  readonly header: readonly string[];
  readonly columns: readonly string[];
  readonly rowCount: number;
  /** Parquet has no header row, so its first record is row 1; CSV's is row 2. */
  readonly firstDataRow: number;
}

let counter = 0;
const nextName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${(counter++).toString(36)}`;

export const stagingColumn = (i: number) => `c${i}`;

/** Bytes of a CSV as UTF-8: GB18030 files (common from Excel on Chinese Windows) are re-encoded. */
export function csvAsUtf8(bytes: Uint8Array): Uint8Array {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return new TextEncoder().encode(text);
}

/** The first record of a CSV text (the header), honouring quotes. */
export function firstCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  fields.push(field);
  return fields;
}

export async function stageCsv(runner: QueryRunner, file: string, bytes: Uint8Array): Promise<Staging> {
  const fileName = `${nextName('upload')}.csv`;
  const raw = nextName('raw');
  const table = nextName('staging');
  const utf8 = csvAsUtf8(bytes);
  const head = new TextDecoder().decode(utf8.subarray(0, 256 * 1024));
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  // A tab-separated file is read as such; everything else as comma-separated.
  const delim = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const header = delim === ',' ? firstCsvRecord(head) : firstLine.split('\t');
  await runner.registerFile(fileName, utf8);
  try {
    // The header row is read as data (header = false), so no name from the file becomes an
    // identifier; every column is text and named by the app. Given the columns, DuckDB skips its
    // sniffer, which took most of the load time on a wide file.
    const columns = sql`{${join(header.map((_, i) => sql`${nameLiteral(stagingColumn(i))}: 'VARCHAR'`))}}`;
    await runner.query(
      sql`CREATE TEMP TABLE ${name(raw)} AS SELECT * FROM read_csv(${fileName}, header = false, auto_detect = false, delim = ${delim}, quote = '"', escape = '"', null_padding = true, columns = ${columns})`,
    );
  } catch (e) {
    await runner.dropFile(fileName);
    throw new DatasetLoadError(file, [{ code: 'unreadable', file, detail: (e as Error).message }], 1);
  }
  await runner.dropFile(fileName);
  await runner.query(
    sql`CREATE TEMP TABLE ${name(table)} AS SELECT CAST(row_number() OVER () AS INTEGER) AS __row, * FROM ${name(raw)}`,
  );
  await runner.query(sql`DROP TABLE ${name(raw)}`);
  await runner.query(sql`DELETE FROM ${name(table)} WHERE __row = 1`);
  const count = await runner.query(sql`SELECT count(*) AS n FROM ${name(table)}`);
  return {
    table,
    header: header.map((h) => h.trim()),
    columns: header.map((_, i) => stagingColumn(i)),
    rowCount: Number(count[0]?.n ?? 0),
    firstDataRow: 2,
  };
}

/** Records (from Parquet or XLSX) → staging, every value as text, null kept null. */
export async function stageRecords(
  runner: QueryRunner,
  header: readonly string[],
  records: readonly (readonly unknown[])[],
  firstDataRow: number,
): Promise<Staging> {
  const table = nextName('staging');
  // Explicit Utf8 vectors: inferred string vectors would be dictionary-encoded.
  const vectors: Record<string, Vector> = {
    __row: vectorFromArray(
      records.map((_, i) => i + firstDataRow),
      new Int32(),
    ),
  };
  header.forEach((_, c) => {
    vectors[stagingColumn(c)] = vectorFromArray(
      records.map((r) => textOf(r[c])),
      new Utf8(),
    );
  });
  const arrow = new Table(vectors);
  await runner.insertArrowIPC(table, tableToIPC(arrow, 'stream'), true);
  return {
    table,
    header: header.map((h) => h.trim()),
    columns: header.map((_, i) => stagingColumn(i)),
    rowCount: records.length,
    firstDataRow,
  };
}

function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export async function dropStaging(runner: QueryRunner, s: Staging): Promise<void> {
  await runner.query(sql`DROP TABLE IF EXISTS ${name(s.table)}`);
}
