import { Int32, Table, Utf8, tableToIPC, type Vector } from 'apache-arrow';
import { vectorOf } from '@/data/load/arrow-vector';
import type { QueryRunner } from '@/data/query-runner';
import { join, name, nameLiteral, sql } from '@/data/sql';
import { DatasetLoadError, LOAD_LIMITS, type LoadIssue } from '@/data/load/issues';
import { keyForHeader } from '@/data/load/schema';

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

/**
 * UTF-16 by its byte-order mark, or, without one, by the NUL bytes its ASCII characters carry in
 * every other byte (digits, commas and Latin headers are plentiful in any dataset).
 */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.2 && even <= odd * 0.25) return 'utf-16le';
  if (even >= pairs * 0.2 && odd <= even * 0.25) return 'utf-16be';
  return null;
}

/**
 * The text of a CSV: UTF-8, else UTF-16 (Excel's "Unicode text"), else GB18030 (Excel on Chinese
 * Windows); a byte-order mark is dropped.
 */
export function csvText(bytes: Uint8Array): string {
  const utf16 = utf16Of(bytes);
  let text: string;
  if (utf16) text = new TextDecoder(utf16).decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Bytes of a CSV as UTF-8, whatever it was written in (see `csvText`). */
export function csvAsUtf8(bytes: Uint8Array): Uint8Array {
  return new TextEncoder().encode(csvText(bytes));
}

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * The separator, from the header line: comma when it has one, else tab, else semicolon (Excel
 * writes ';' where the comma is the decimal mark).
 */
export function csvDelimiter(firstLine: string): CsvDelimiter {
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

/** The first record of a CSV text (the header), honouring quotes. */
export function firstCsvRecord(text: string, delim: CsvDelimiter = ','): string[] {
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
    else if (ch === delim) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Lines after the header: an upper bound of the data rows (a quoted field may span lines). */
function dataLines(utf8: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < utf8.length; i++) if (utf8[i] === 10) n++;
  if (utf8.length > 0 && utf8[utf8.length - 1] !== 10) n++;
  return Math.max(0, n - 1);
}

/** A refusal when a file has more data rows than `LOAD_LIMITS` allow for its shape. */
export function rowLimitIssue(file: string, rows: number, long: boolean): LoadIssue | null {
  const max = long ? LOAD_LIMITS.maxLongRows : LOAD_LIMITS.maxRows;
  return rows > max
    ? { code: 'too_many_rows', file, value: rows.toLocaleString('en-US'), detail: max.toLocaleString('en-US') }
    : null;
}

/**
 * DuckDB's CSV reader error → a located issue in the user's words. Its text (parser options and
 * "possible fixes" meant for a programmer) is never shown; the line it names is the file's line,
 * which is the row a spreadsheet shows.
 */
export function csvReadIssue(
  file: string,
  message: string,
  /** Finds the row (and column) the reader stumbled on, when its message does not say. */
  locate?: () => { row: number; column?: string } | null,
): LoadIssue {
  const line = /CSV Error on Line:\s*(\d+)/i.exec(message);
  const row = line ? { row: Number(line[1]) } : {};
  if (/unterminated quote/i.test(message)) return { code: 'csv_unterminated_quote', file, ...row };
  // "Found: n" is where the reader stopped counting, not the row's columns: only the header's count is said.
  const cols = /Expected Number of Columns:\s*(\d+)/i.exec(message);
  if (cols) return { code: 'csv_too_many_columns', file, ...row, detail: cols[1] as string };
  if (/out of memory/i.test(message)) return { code: 'out_of_memory', file };
  // "The CSV Parser state machine reached an invalid state" names no line: found by reading the text.
  const found = line ? null : (locate?.() ?? null);
  return { code: 'csv_malformed', file, ...row, ...(found ?? {}) };
}

/**
 * Where a CSV text first breaks the rules the engine's reader keeps (RFC 4180, one kind of line
 * end): a closing quote followed by anything but a separator or a line end, or a line ending other
 * than the first one's (a bare LF in a file whose first line ends with a bare CR, or the reverse).
 * `row` counts records as a spreadsheet shows them (the header is row 1); `column` is the header's
 * name of the field, when it has one. Null when nothing is found.
 */
export function locateCsvProblem(
  text: string,
  delim: CsvDelimiter,
  header: readonly string[],
): { row: number; column?: string } | null {
  const firstBreak = /\r\n|\r|\n/.exec(text);
  const style = firstBreak?.[0] ?? '\n';
  let row = 1;
  let field = 0;
  let quoted = false;
  let closed = false;
  const at = () => {
    const name = header[field]?.trim();
    return name ? { row, column: name } : { row };
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') {
        quoted = false;
        closed = true;
      }
      continue;
    }
    if (ch === delim) {
      field++;
      closed = false;
    } else if (ch === '\r' || ch === '\n') {
      const end = ch === '\r' && text[i + 1] === '\n' ? '\r\n' : ch;
      if (end !== style) return at();
      if (end === '\r\n') i++;
      row++;
      field = 0;
      closed = false;
    } else if (closed) return at();
    else if (ch === '"') quoted = true;
  }
  return null;
}

export async function stageCsv(runner: QueryRunner, file: string, bytes: Uint8Array): Promise<Staging> {
  const fileName = `${nextName('upload')}.csv`;
  const raw = nextName('raw');
  const table = nextName('staging');
  const utf8 = csvAsUtf8(bytes);
  const head = new TextDecoder().decode(utf8.subarray(0, 256 * 1024));
  const delim = csvDelimiter(head.split(/\r?\n/, 1)[0] ?? '');
  const header = firstCsvRecord(head, delim);
  const keys = new Set(header.map((h) => keyForHeader(h)));
  const tooMany = rowLimitIssue(file, dataLines(utf8), keys.has('cell') && keys.has('value'));
  if (tooMany) throw new DatasetLoadError(file, [tooMany], 1);
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
    const locate = () => locateCsvProblem(new TextDecoder().decode(utf8), delim, header);
    throw new DatasetLoadError(file, [csvReadIssue(file, (e as Error).message, locate)], 1);
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
    __row: vectorOf(
      records.map((_, i) => i + firstDataRow),
      new Int32(),
    ),
  };
  header.forEach((_, c) => {
    vectors[stagingColumn(c)] = vectorOf(
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
