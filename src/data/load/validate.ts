import { Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { CELLS, LEVELS, KINDS, TEMPLATES, type CellDef } from '@/domain/catalogue';
import type { QueryRunner } from '@/data/query-runner';
import { join, name, sql, type Fragment } from '@/data/sql';
import { MAX_LISTED_ISSUES, type LoadIssue, type LoadIssueCode } from '@/data/load/issues';
import type { ColumnMapping } from '@/data/load/schema';
import type { Staging } from '@/data/load/staging';

/** Printed markers of "not reported": blank, slash, dashes, 无. Never 0. */
export const NULL_MARKERS: readonly string[] = ['', '/', '-', '—', '–', '－', '无'];

/** A staged text column, trimmed, thousands separators removed, null markers → NULL. */
export function normalized(stagingCol: string): Fragment {
  return sql`dd_norm(${name(stagingCol)})`;
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
  const exists = await runner.query(sql`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${CATALOGUE_TABLE}`);
  if (Number(exists[0]?.n) > 0) return;
  const keys = vectorFromArray(CELLS.map((c) => c.key), new Utf8());
  const kinds = vectorFromArray(CELLS.map((c) => c.valueKind), new Utf8());
  await runner.insertArrowIPC(CATALOGUE_TABLE, tableToIPC(new Table({ key: keys, value_kind: kinds }), 'stream'), true);
}

const number = (v: Fragment) => sql`TRY_CAST(${v} AS DOUBLE)`;

/** The checks every numeric value passes, as (code, condition) on its normalized text. */
function valueProblems(v: Fragment, kind: CellDef['valueKind'] | Fragment): Fragment {
  const n = number(v);
  const isDecimal = typeof kind === 'string' ? sql`${kind === 'decimal'}` : sql`(${kind} = 'decimal')`;
  const isSigned = typeof kind === 'string' ? sql`${kind === 'signed_count'}` : sql`(${kind} = 'signed_count')`;
  return sql`CASE
    WHEN ${v} IS NULL THEN NULL
    WHEN ${n} IS NULL THEN 'not_a_number'
    WHEN abs(${n}) >= 1e15 THEN 'too_large'
    WHEN NOT ${isDecimal} AND ${n} <> floor(${n}) THEN 'not_integer'
    WHEN NOT ${isSigned} AND ${n} < 0 THEN 'negative'
  END`;
}

function identityProblems(key: string, v: Fragment): Fragment | null {
  switch (key) {
    case 'agency_id':
    case 'agency_name':
      return sql`CASE WHEN ${v} IS NULL THEN 'empty_identity' END`;
    case 'year':
      return sql`CASE WHEN TRY_CAST(${v} AS INTEGER) IS NULL OR TRY_CAST(${v} AS INTEGER) NOT BETWEEN 2000 AND 2100 THEN 'bad_year' END`;
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

interface Probe {
  readonly column: string;
  readonly staged: string;
  readonly problem: Fragment;
}

function probesFor(mapping: ColumnMapping): Probe[] {
  const probes: Probe[] = [];
  for (const [key, staged] of mapping.byKey) {
    const v = normalized(staged);
    const identity = identityProblems(key, v);
    if (identity) probes.push({ column: key, staged, problem: identity });
    const cellDef = CELLS.find((c) => c.key === key);
    if (cellDef) probes.push({ column: key, staged, problem: valueProblems(v, cellDef.valueKind) });
  }
  const cellCol = mapping.byKey.get('cell');
  const valueCol = mapping.byKey.get('value');
  if (mapping.shape === 'long' && cellCol && valueCol) {
    const cellKey = normalized(cellCol);
    const catalogue = name(CATALOGUE_TABLE);
    probes.push({
      column: 'cell',
      staged: cellCol,
      problem: sql`CASE WHEN ${cellKey} IS NULL OR ${cellKey} NOT IN (SELECT key FROM ${catalogue}) THEN 'unknown_cell' END`,
    });
    const kindOfCell = sql`(SELECT value_kind FROM ${catalogue} WHERE key = ${cellKey})`;
    probes.push({ column: 'value', staged: valueCol, problem: valueProblems(normalized(valueCol), kindOfCell) });
  }
  return probes;
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
 * Every value problem and every duplicate report in one pass, as located issues. Returns the
 * first MAX_LISTED_ISSUES in file order and the total count.
 */
export async function findValueIssues(
  runner: QueryRunner,
  file: string,
  staging: Staging,
  mapping: ColumnMapping,
): Promise<{ issues: LoadIssue[]; total: number }> {
  const t = name(staging.table);
  const probes = probesFor(mapping);
  const selects = probes.map(
    (p, i) =>
      sql`SELECT __row AS at_row, ${i} AS ord, ${p.column} AS at_col, ${name(p.staged)} AS value, ${p.problem} AS code, NULL AS detail FROM ${t}`,
  );
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
}

/** Rows that repeat an (agency_id, year) — or, in the long shape, an (agency_id, year, cell). */
function duplicateSelect(staging: Staging, mapping: ColumnMapping): Fragment | null {
  const id = mapping.byKey.get('agency_id');
  const year = mapping.byKey.get('year');
  if (!id || !year) return null;
  const keyParts = [normalized(id), sql`TRY_CAST(${normalized(year)} AS INTEGER)`];
  const cellCol = mapping.byKey.get('cell');
  if (mapping.shape === 'long' && cellCol) keyParts.push(normalized(cellCol));
  const code = mapping.shape === 'long' ? 'duplicate_cell' : 'duplicate_report';
  return sql`SELECT at_row, 100000 AS ord, 'agency_id' AS at_col, value, ${code} AS code, CAST(first_row AS VARCHAR) AS detail FROM (
      SELECT __row AS at_row, ${normalized(id)} AS value,
        min(__row) OVER (PARTITION BY ${join(keyParts)}) AS first_row
      FROM ${name(staging.table)}
    ) WHERE at_row <> first_row`;
}
