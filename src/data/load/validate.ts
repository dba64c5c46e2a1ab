import { Int32, Table, Utf8, tableToIPC } from 'apache-arrow';
import { vectorOf } from '@/data/load/arrow-vector';
import { CELLS, LEVELS, KINDS, TEMPLATES } from '@/domain/catalogue';
import type { QueryRunner } from '@/data/query-runner';
import { join, name, sql, type Fragment } from '@/data/sql';
import { MAX_LISTED_ISSUES, type LoadIssue, type LoadIssueCode } from '@/data/load/issues';
import type { ColumnMapping } from '@/data/load/schema';
import type { Staging } from '@/data/load/staging';

/** Printed markers of "not reported": blank, slash, dashes, 无. Never 0. */
export const NULL_MARKERS: readonly string[] = ['', '/', '-', '—', '–', '－', '无'];

/** A staged number column, trimmed, thousands separators removed, null markers → NULL. */
export function normalized(stagingCol: string): Fragment {
  return sql`dd_norm(${name(stagingCol)})`;
}

/**
 * A staged text column (agency id and name, region, sector…) as written: trimmed, null markers →
 * NULL, and nothing else changed — "某局,某办" keeps its comma. The one exception is the apostrophe
 * a CSV export puts before text starting with = + - @ (so that a spreadsheet does not run it as a
 * formula): it belongs to the CSV file, not to the name, so `'-示例市统计局` is read as
 * `-示例市统计局`, and an exported CSV loads back as the data it came from.
 */
export function textNormalized(stagingCol: string): Fragment {
  return sql`dd_text(${name(stagingCol)})`;
}

const CATALOGUE_TABLE = 'dd_catalogue_cells';

/**
 * Static helpers the load queries share, created once per connection: the null-marker macro (its
 * text holds app constants only) and a table of catalogue cells with their value kinds. Keeping
 * them out of each statement keeps the statements small: thousands of bound constants made
 * DuckDB-WASM slow and, in the long shape, ran it out of memory.
 */
export async function ensureLoadHelpers(runner: QueryRunner): Promise<void> {
  const markers = NULL_MARKERS.map((m) => `'${m}'`).join(', ');
  await runner.query({
    text: `CREATE OR REPLACE TEMP MACRO dd_norm(x) AS (CASE WHEN trim(x) IN (${markers}) THEN NULL ELSE replace(trim(x), ',', '') END)`,
    params: [],
  });
  await runner.query({
    text: `CREATE OR REPLACE TEMP MACRO dd_text(x) AS (CASE WHEN trim(x) IN (${markers}) THEN NULL ELSE regexp_replace(trim(x), '^''([=+\\-@\\t\\r])', '\\1') END)`,
    params: [],
  });
  const exists = await runner.query(
    sql`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${CATALOGUE_TABLE}`,
  );
  if (Number(exists[0]?.n) > 0) return;
  const keys = vectorOf(
    CELLS.map((c) => c.key),
    new Utf8(),
  );
  const kinds = vectorOf(
    CELLS.map((c) => c.valueKind),
    new Utf8(),
  );
  await runner.insertArrowIPC(CATALOGUE_TABLE, tableToIPC(new Table({ key: keys, value_kind: kinds }), 'stream'), true);
}

/**
 * The checks every numeric value passes, as a code. `raw` is the staged text; TRY_CAST trims
 * spaces, so the common case (a plain number) costs one cast. Null markers are not problems.
 */
function valueProblems(raw: Fragment, kind: Fragment): Fragment {
  const n = sql`TRY_CAST(${raw} AS DOUBLE)`;
  return sql`CASE
    WHEN ${raw} IS NULL THEN NULL
    WHEN ${n} IS NULL THEN CASE WHEN dd_norm(${raw}) IS NULL THEN NULL ELSE 'not_a_number' END
    WHEN isnan(${n}) OR isinf(${n}) THEN 'not_finite'
    WHEN abs(${n}) >= 1e15 THEN 'too_large'
    WHEN ${kind} <> 'decimal' AND ${n} <> floor(${n}) THEN 'not_integer'
    WHEN ${kind} <> 'signed_count' AND ${n} < 0 THEN 'negative'
  END`;
}

/**
 * Checks of one identity column; `v` is its normalized text, `n` its text with thousands
 * separators removed. A year must be written as a whole number: "2021.6" is refused, not rounded.
 */
function identityProblems(key: string, v: Fragment, n: Fragment): Fragment | null {
  const year = sql`TRY_CAST(${n} AS DOUBLE)`;
  switch (key) {
    case 'agency_id':
    case 'agency_name':
      return sql`CASE WHEN ${v} IS NULL THEN 'empty_identity' END`;
    case 'year':
      return sql`CASE WHEN ${year} IS NULL OR NOT regexp_full_match(${n}, '[0-9]{4}([.]0*)?') OR ${year} NOT BETWEEN 2000 AND 2100 THEN 'bad_year' END`;
    case 'template':
      return sql`CASE WHEN ${v} IS NOT NULL AND ${v} NOT IN (${[...TEMPLATES]}) THEN 'bad_template' END`;
    case 'level':
      return sql`CASE WHEN ${v} IS NULL OR ${v} NOT IN (${LEVELS.map((l) => l.key)}) THEN 'bad_level' END`;
    case 'kind':
      return sql`CASE WHEN ${v} IS NULL OR ${v} NOT IN (${KINDS.map((k) => k.key)}) THEN 'bad_kind' END`;
    default:
      return null;
  }
}

/** One probe per identity column: a handful of columns, read directly. */
function identityProbes(staging: Staging, mapping: ColumnMapping): Fragment[] {
  const probes: Fragment[] = [];
  let ord = 0;
  for (const [key, staged] of mapping.byKey) {
    const problem = identityProblems(key, textNormalized(staged), normalized(staged));
    if (!problem) continue;
    probes.push(
      sql`SELECT __row AS at_row, ${ord++} AS ord, ${key} AS at_col, ${name(staged)} AS value, ${problem} AS code, NULL AS detail FROM ${name(staging.table)}`,
    );
  }
  return probes;
}

/** staging column → (order, cell key, value kind), as a table to join on. */
async function cellMappingTable(runner: QueryRunner, staging: Staging, mapping: ColumnMapping): Promise<string | null> {
  const entries = [...mapping.byKey].filter(([key]) => CELLS.some((c) => c.key === key));
  if (entries.length === 0) return null;
  const table = `${staging.table}_map`;
  const arrow = new Table({
    col: vectorOf(
      entries.map(([, staged]) => staged),
      new Utf8(),
    ),
    ord: vectorOf(
      entries.map((_, i) => 100 + i),
      new Int32(),
    ),
    key: vectorOf(
      entries.map(([key]) => key),
      new Utf8(),
    ),
    kind: vectorOf(
      entries.map(([key]) => CELLS.find((c) => c.key === key)?.valueKind ?? 'count'),
      new Utf8(),
    ),
  });
  await runner.insertArrowIPC(table, tableToIPC(arrow, 'stream'), true);
  return table;
}

/**
 * Every cell value checked in one scan: the staging table unpivoted to (row, column, text), blanks
 * dropped, joined to the column mapping. (One SELECT per column, UNION ALLed, ran DuckDB-WASM out
 * of memory on a few thousand rows.)
 */
function cellProbes(staging: Staging, map: string): Fragment {
  const cellCols = sql`COLUMNS(* EXCLUDE (__row))`;
  return sql`SELECT u.__row AS at_row, m.ord, m.key AS at_col, u.raw AS value, ${valueProblems(sql`u.raw`, sql`m.kind`)} AS code, NULL AS detail
    FROM ${name(staging.table)} UNPIVOT (raw FOR col IN (${cellCols})) u
    JOIN ${name(map)} m ON m.col = u.col`;
}

/** The long shape's cell and value columns: the value's kind follows the cell named in its row. */
function longProbes(staging: Staging, mapping: ColumnMapping): Fragment[] {
  const cellCol = mapping.byKey.get('cell');
  const valueCol = mapping.byKey.get('value');
  if (mapping.shape !== 'long' || !cellCol || !valueCol) return [];
  const cellKey = normalized(cellCol);
  const catalogue = name(CATALOGUE_TABLE);
  const t = name(staging.table);
  return [
    sql`SELECT __row AS at_row, 100000 AS ord, 'cell' AS at_col, ${name(cellCol)} AS value,
        CASE WHEN ${cellKey} IS NULL OR k.key IS NULL THEN 'unknown_cell' END AS code, NULL AS detail
      FROM ${t} LEFT JOIN ${catalogue} k ON k.key = ${cellKey}`,
    sql`SELECT __row AS at_row, 100001 AS ord, 'value' AS at_col, ${name(valueCol)} AS value,
        ${valueProblems(name(valueCol) as never, sql`coalesce(k.value_kind, 'decimal')`)} AS code, NULL AS detail
      FROM ${t} LEFT JOIN ${catalogue} k ON k.key = ${cellKey}`,
  ];
}

interface IssueRow {
  at_row: number;
  at_col: string;
  value: string | null;
  code: LoadIssueCode;
  total: number;
  detail: string | null;
}

/**
 * Every value problem and every duplicate report, as located issues: the first MAX_LISTED_ISSUES
 * in file order, and the total count.
 */
export async function findValueIssues(
  runner: QueryRunner,
  file: string,
  staging: Staging,
  mapping: ColumnMapping,
): Promise<{ issues: LoadIssue[]; total: number }> {
  const map = await cellMappingTable(runner, staging, mapping);
  try {
    const selects = [
      ...identityProbes(staging, mapping),
      ...(map ? [cellProbes(staging, map)] : []),
      ...longProbes(staging, mapping),
    ];
    const dup = duplicateSelect(staging, mapping);
    if (dup) selects.push(dup);
    if (selects.length === 0) return { issues: [], total: 0 };
    const rows = (await runner.query(sql`
      SELECT at_row, at_col, value, code, detail, count(*) OVER () AS total
      FROM (${join(selects, sql` UNION ALL `)})
      WHERE code IS NOT NULL
      ORDER BY at_row, ord
      LIMIT ${MAX_LISTED_ISSUES}`)) as unknown as IssueRow[];
    return {
      total: rows[0]?.total ?? 0,
      issues: rows.map((r) => ({
        code: r.code,
        file,
        row: r.at_row,
        column: r.at_col,
        ...(r.value !== null ? { value: r.value } : {}),
        ...(r.detail !== null ? { detail: r.detail } : {}),
      })),
    };
  } finally {
    if (map) await runner.query(sql`DROP TABLE IF EXISTS ${name(map)}`);
  }
}

/** Rows that repeat an (agency_id, year) — or, in the long shape, an (agency_id, year, cell). */
function duplicateSelect(staging: Staging, mapping: ColumnMapping): Fragment | null {
  const id = mapping.byKey.get('agency_id');
  const year = mapping.byKey.get('year');
  if (!id || !year) return null;
  const keyParts = [textNormalized(id), sql`TRY_CAST(${normalized(year)} AS INTEGER)`];
  const cellCol = mapping.byKey.get('cell');
  if (mapping.shape === 'long' && cellCol) keyParts.push(normalized(cellCol));
  const code = mapping.shape === 'long' ? 'duplicate_cell' : 'duplicate_report';
  return sql`SELECT at_row, 200000 AS ord, 'agency_id' AS at_col, value, ${code} AS code, CAST(first_row AS VARCHAR) AS detail FROM (
      SELECT __row AS at_row, ${textNormalized(id)} AS value,
        min(__row) OVER (PARTITION BY ${join(keyParts)}) AS first_row
      FROM ${name(staging.table)}
    ) WHERE at_row <> first_row`;
}

/** A column's letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetters(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : columnLetters(Math.floor(i / 26) - 1) + columnLetters(i % 26);
}

/**
 * Columns with a blank header that hold data: the loader cannot tell what they are, and reading
 * on without them would drop their values unsaid. A blank column with a blank header (a trailing
 * separator) is fine. Each is named by its letters and position, with the first row it has data.
 */
export async function blankHeaderIssues(
  runner: QueryRunner,
  file: string,
  staging: Staging,
): Promise<{ issues: LoadIssue[]; total: number }> {
  const blank = staging.header.flatMap((h, i) => (h === '' ? [i] : []));
  if (blank.length === 0) return { issues: [], total: 0 };
  // One UNPIVOT scan joined to a table of the blank columns: an aggregate per column ran
  // DuckDB-WASM out of memory on 5,000 columns.
  const table = `${staging.table}_blank`;
  const arrow = new Table({
    col: vectorOf(
      blank.map((i) => staging.columns[i] as string),
      new Utf8(),
    ),
    pos: vectorOf(blank, new Int32()),
  });
  await runner.insertArrowIPC(table, tableToIPC(arrow, 'stream'), true);
  let rows: Record<string, unknown>[];
  try {
    rows = await runner.query(sql`
      SELECT b.pos, min(u.__row) AS first_row
      FROM ${name(staging.table)} UNPIVOT (raw FOR col IN (COLUMNS(* EXCLUDE (__row)))) u
      JOIN ${name(table)} b ON b.col = u.col
      WHERE trim(u.raw) <> ''
      GROUP BY b.pos
      ORDER BY b.pos`);
  } finally {
    await runner.query(sql`DROP TABLE IF EXISTS ${name(table)}`);
  }
  const found: LoadIssue[] = rows.map((r) => ({
    code: 'blank_header',
    file,
    row: Number(r.first_row),
    column: columnLetters(Number(r.pos)),
    detail: String(Number(r.pos) + 1),
  }));
  return { issues: found.slice(0, MAX_LISTED_ISSUES), total: found.length };
}
