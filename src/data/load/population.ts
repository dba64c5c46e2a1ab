import type { QueryRunner } from '@/data/query-runner';
import { join, name, sql, type SqlValue } from '@/data/sql';
import { DatasetLoadError, type LoadIssue } from '@/data/load/issues';
import type { DatasetFile } from '@/data/load/load-dataset';

/**
 * An optional population table for "per 10,000 residents" comparisons (datasets/README.md,
 * "Population table"): a CSV with `region_code` (6-digit 行政区划代码) or `agency_id`, `year`,
 * `population` (residents, a positive number) and optionally `source`. It is validated as a whole
 * like a dataset: any problem refuses the file, each located by row and column, and the table
 * already loaded stays as it was.
 */
export const POPULATION_TABLE = 'population';

export type PopulationKey = 'region_code' | 'agency_id';

export interface PopulationSummary {
  readonly rows: number;
  readonly keyedBy: PopulationKey;
  readonly years: readonly number[];
  /** Distinct `source` texts given in the file (shown beside per-resident figures). */
  readonly sources: readonly string[];
}

const MAX_ISSUES = 50;
const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

/** Records of a CSV text, honouring quotes (population files are small: parsed in TypeScript). */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      records.push(record);
      record = [];
    } else field += ch;
  }
  if (field !== '' || record.length) {
    endField();
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0]?.trim() === ''));
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface PopulationRow {
  readonly keyKind: PopulationKey;
  readonly key: string;
  readonly year: number;
  readonly population: number;
  readonly source: string | null;
}

/** Validates a population CSV; returns its rows or throws DatasetLoadError listing every problem. */
export function parsePopulation(file: DatasetFile): PopulationRow[] {
  const issues: LoadIssue[] = [];
  const fail = (issue: Omit<LoadIssue, 'file'>) => issues.push({ file: file.name, ...issue });
  if (file.bytes.length === 0) throw new DatasetLoadError(file.name, [{ code: 'empty', file: file.name }], 1);
  const [header = [], ...records] = parseCsvRecords(decodeText(file.bytes));
  const cols = header.map((h) => h.trim().toLowerCase());
  const known = new Set(['region_code', 'agency_id', 'year', 'population', 'source']);
  cols.forEach((c, i) => {
    if (!known.has(c)) fail({ code: 'unknown_column', row: 1, column: header[i] ?? c });
    else if (cols.indexOf(c) !== i) fail({ code: 'duplicate_column', row: 1, column: c });
  });
  const keyCols = (['region_code', 'agency_id'] as const).filter((k) => cols.includes(k));
  if (keyCols.length !== 1)
    fail({
      code: keyCols.length ? 'unknown_column' : 'missing_column',
      row: 1,
      column: 'region_code / agency_id',
      detail: 'exactly one of region_code and agency_id',
    });
  for (const c of ['year', 'population']) if (!cols.includes(c)) fail({ code: 'missing_column', row: 1, column: c });
  if (issues.length) throw new DatasetLoadError(file.name, issues.slice(0, MAX_ISSUES), issues.length);
  if (records.length === 0) throw new DatasetLoadError(file.name, [{ code: 'empty', file: file.name }], 1);

  const keyKind = keyCols[0] as PopulationKey;
  const at = (r: readonly string[], c: string) => (r[cols.indexOf(c)] ?? '').trim();
  const seen = new Map<string, number>();
  const rows: PopulationRow[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const key = at(r, keyKind);
    const yearText = at(r, 'year');
    const popText = at(r, 'population');
    let ok = true;
    if (!key) {
      fail({ code: 'empty_identity', row, column: keyKind });
      ok = false;
    } else if (keyKind === 'region_code' && !/^\d{6}$/.test(key)) {
      fail({ code: 'not_integer', row, column: keyKind, value: key, detail: '6 digits' });
      ok = false;
    }
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < MIN_YEAR || year > MAX_YEAR) {
      fail({ code: 'bad_year', row, column: 'year', value: yearText });
      ok = false;
    }
    const population = Number(popText);
    if (!/^\d+(\.\d+)?$/.test(popText) && !/^-\d+(\.\d+)?$/.test(popText)) {
      fail({ code: 'not_a_number', row, column: 'population', value: popText });
      ok = false;
    } else if (!(population > 0)) {
      fail({ code: 'negative', row, column: 'population', value: popText, detail: 'must be above 0' });
      ok = false;
    }
    if (!ok) return;
    const id = `${key}\u0000${year}`;
    const other = seen.get(id);
    if (other !== undefined) {
      fail({ code: 'duplicate_report', row, column: keyKind, value: `${key} ${year}`, detail: `row ${other}` });
      return;
    }
    seen.set(id, row);
    const source = cols.includes('source') ? at(r, 'source') || null : null;
    rows.push({ keyKind, key, year, population, source });
  });
  if (issues.length) throw new DatasetLoadError(file.name, issues.slice(0, MAX_ISSUES), issues.length);
  return rows;
}

/**
 * Loads a population file into the `population` table (replacing the one loaded before only
 * once the whole file is valid): key_kind, key, year, population, source.
 */
export async function loadPopulation(runner: QueryRunner, file: DatasetFile): Promise<PopulationSummary> {
  const rows = parsePopulation(file);
  const staging = name(`${POPULATION_TABLE}_next`);
  await runner.query(sql`DROP TABLE IF EXISTS ${staging}`);
  await runner.query(
    sql`CREATE TABLE ${staging} (key_kind VARCHAR, key VARCHAR, year INTEGER, population DOUBLE, source VARCHAR)`,
  );
  const BATCH = 500;
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r) => {
      const vals: SqlValue[] = [r.keyKind, r.key, r.year, r.population, r.source];
      return sql`(${vals})`;
    });
    await runner.query(sql`INSERT INTO ${staging} VALUES ${join(values)}`);
  }
  await runner.query(sql`DROP TABLE IF EXISTS ${name(POPULATION_TABLE)}`);
  await runner.query(sql`ALTER TABLE ${staging} RENAME TO ${name(POPULATION_TABLE)}`);
  return {
    rows: rows.length,
    keyedBy: rows[0]?.keyKind ?? 'region_code',
    years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
    sources: [...new Set(rows.map((r) => r.source).filter((s): s is string => s !== null))],
  };
}

/** Removes the population table (the user forgot it). */
export function dropPopulationQuery() {
  return sql`DROP TABLE IF EXISTS ${name(POPULATION_TABLE)}`;
}
