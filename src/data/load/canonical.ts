import { CELLS, IDENTITY_COLUMNS, type CellDef } from '@/domain/catalogue';
import { join, name, sql, type Fragment } from '@/data/sql';
import type { ColumnMapping } from '@/data/load/schema';
import type { Staging } from '@/data/load/staging';
import { normalized } from '@/data/load/validate';

/** The canonical table every view reads: one row per agency and report year. */
export const REPORTS_TABLE = 'reports';

function cellType(c: CellDef): Fragment {
  return c.valueKind === 'decimal' ? sql`DOUBLE` : sql`BIGINT`;
}

/** Text → the contract's type; counts go through DOUBLE so that "12.0" is accepted as 12. */
function typed(key: string, v: Fragment): Fragment {
  if (key === 'year') return sql`CAST(${v} AS INTEGER)`;
  const c = CELLS.find((d) => d.key === key);
  if (!c) return sql`CAST(${v} AS VARCHAR)`;
  return c.valueKind === 'decimal' ? sql`CAST(${v} AS DOUBLE)` : sql`CAST(CAST(${v} AS DOUBLE) AS BIGINT)`;
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
    return staged ? typed(key, normalized(staged)) : null;
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
  const valueCol = normalized(mapping.byKey.get('value') as string);
  const id = (key: string): Fragment => {
    const staged = mapping.byKey.get(key);
    return staged ? typed(key, normalized(staged)) : nullOf(key);
  };
  const year = id('year');
  const cols = ALL_KEYS.map((key) => {
    if (key === 'agency_id' || key === 'year') return sql`${id(key)} AS ${name(key)}`;
    if (key === 'template') {
      const given = mapping.byKey.has('template') ? sql`any_value(${id('template')})` : null;
      return sql`${templateExpr(given, year)} AS ${name(key)}`;
    }
    const c = CELLS.find((d) => d.key === key);
    if (!c) return sql`any_value(${id(key)}) AS ${name(key)}`;
    return sql`${typed(key, sql`max(CASE WHEN ${cellCol} = ${key} THEN ${valueCol} END)`)} AS ${name(key)}`;
  });
  return sql`SELECT ${join(cols)} FROM ${name(staging.table)} GROUP BY ALL`;
}
