import { CELLS, IDENTITY_COLUMNS, type CellDef } from '@/domain/catalogue';
import { join, name, sql, type Fragment } from '@/data/sql';
import type { ColumnMapping } from '@/data/load/schema';
import type { Staging } from '@/data/load/staging';
import { normalized, textNormalized } from '@/data/load/validate';

/** The canonical table every view reads: one row per agency and report year. */
export const REPORTS_TABLE = 'reports';

function cellType(c: CellDef): Fragment {
  return c.valueKind === 'decimal' ? sql`DOUBLE` : sql`BIGINT`;
}

/**
 * Validated text → the contract's type. Numbers go through TRY_CAST to DOUBLE: validation has
 * already rejected every text that is neither a number nor a null marker, so what fails the cast
 * is a marker and becomes NULL; "12.0" is accepted as 12.
 */
function typed(key: string, staged: string): Fragment {
  const c = CELLS.find((d) => d.key === key);
  if (c) {
    const n = sql`TRY_CAST(${name(staged)} AS DOUBLE)`;
    return c.valueKind === 'decimal' ? n : sql`CAST(${n} AS BIGINT)`;
  }
  return key === 'year' ? sql`CAST(${normalized(staged)} AS INTEGER)` : sql`CAST(${textNormalized(staged)} AS VARCHAR)`;
}

/** The same conversion for a value that is already an expression (the long shape's pivot). */
function typedExpr(key: string, v: Fragment): Fragment {
  const c = CELLS.find((d) => d.key === key);
  if (!c) return sql`CAST(${v} AS VARCHAR)`;
  const n = sql`TRY_CAST(${v} AS DOUBLE)`;
  return c.valueKind === 'decimal' ? n : sql`CAST(${n} AS BIGINT)`;
}

function nullOf(key: string): Fragment {
  const c = CELLS.find((d) => d.key === key);
  if (c) return sql`CAST(NULL AS ${cellType(c)})`;
  return key === 'year' ? sql`CAST(NULL AS INTEGER)` : sql`CAST(NULL AS VARCHAR)`;
}

const ALL_KEYS: readonly string[] = [...IDENTITY_COLUMNS.map((c) => c.key), ...CELLS.map((c) => c.key)];

/** The template column: as given, else inferred from the year. */
function templateExpr(given: Fragment | null, year: Fragment): Fragment {
  const inferred = sql`CASE WHEN ${year} <= 2020 THEN '2019' ELSE '2021' END`;
  return given ? sql`COALESCE(${given}, ${inferred})` : inferred;
}

/** SELECT list + FROM that turns a validated wide staging table into canonical rows. */
export function wideProjection(staging: Staging, mapping: ColumnMapping): Fragment {
  const expr = (key: string): Fragment | null => {
    const staged = mapping.byKey.get(key);
    return staged ? typed(key, staged) : null;
  };
  const year = expr('year') ?? nullOf('year');
  const cols = ALL_KEYS.map((key) => {
    const e = key === 'template' ? templateExpr(expr('template'), year) : (expr(key) ?? nullOf(key));
    return sql`${e} AS ${name(key)}`;
  });
  return sql`SELECT ${join(cols)} FROM ${name(staging.table)}`;
}

/** SELECT list + FROM that pivots a validated long staging table (one row per cell) to wide. */
export function longProjection(staging: Staging, mapping: ColumnMapping): Fragment {
  const cellCol = normalized(mapping.byKey.get('cell') as string);
  const valueCol = name(mapping.byKey.get('value') as string);
  const id = (key: string): Fragment => {
    const staged = mapping.byKey.get(key);
    return staged ? typed(key, staged) : nullOf(key);
  };
  const year = id('year');
  const cols = ALL_KEYS.map((key) => {
    if (key === 'agency_id' || key === 'year') return sql`${id(key)} AS ${name(key)}`;
    if (key === 'template') {
      // Inside an aggregate the year is read through any_value too (it is grouped on, so it is the
      // row's year): GROUP BY ALL cannot mix an aggregate with the bare column.
      const given = mapping.byKey.has('template') ? sql`any_value(${id('template')})` : null;
      return sql`${templateExpr(given, given ? sql`any_value(${year})` : year)} AS ${name(key)}`;
    }
    const c = CELLS.find((d) => d.key === key);
    if (!c) return sql`any_value(${id(key)}) AS ${name(key)}`;
    return sql`${typedExpr(key, sql`max(CASE WHEN ${cellCol} = ${key} THEN ${valueCol} END)`)} AS ${name(key)}`;
  });
  return sql`SELECT ${join(cols)} FROM ${name(staging.table)} GROUP BY ALL`;
}

/** SELECT that turns an already typed table (from Parquet) into canonical rows. */
export function typedProjection(table: string, present: ReadonlySet<string>): Fragment {
  const has = (key: string) => present.has(key);
  const cols = ALL_KEYS.map((key) => {
    if (key === 'template') {
      const given = has('template') ? sql`${name('template')}` : null;
      return sql`${templateExpr(given, has('year') ? sql`${name('year')}` : nullOf('year'))} AS ${name(key)}`;
    }
    if (!has(key)) return sql`${nullOf(key)} AS ${name(key)}`;
    const c = CELLS.find((d) => d.key === key);
    const e = c && c.valueKind !== 'decimal' ? sql`CAST(${name(key)} AS BIGINT)` : sql`${name(key)}`;
    return sql`${e} AS ${name(key)}`;
  });
  return sql`SELECT ${join(cols)} FROM ${name(table)}`;
}
