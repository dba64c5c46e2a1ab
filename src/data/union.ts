/**
 * Several datasets active at once: each is held in its own app-named table, and `reports` is
 * rebuilt as their union, so every query keeps reading `reports`. An agency-year present in two
 * of them is a conflict: it joins `reports` only from the dataset chosen for it, and is left out
 * while none is chosen. Agency links (机构改革: an old agency_id that is the same body as a new one)
 * are applied while the union is built. Every value from data or from the user is bound.
 */
import type { QueryRunner, Row } from '@/data/query-runner';
import { join, name, sql, type Fragment, type SqlValue } from '@/data/sql';
import { REPORTS_TABLE } from '@/data/load/canonical';
import { refreshDerivedTables } from '@/data/quality';

/** One active dataset and the table holding its rows. */
export interface UnionPart {
  readonly id: string;
  readonly table: string;
}

/** The headline figures of one dataset's report in a conflict. */
export interface ConflictSide {
  readonly datasetId: string;
  readonly agencyName: string;
  readonly newRequests: number | null;
  readonly granted: number | null;
  readonly total: number | null;
}

export interface DatasetConflict {
  readonly agencyId: string;
  readonly year: number;
  /** One per dataset holding this agency-year, in the order of the parts. */
  readonly sides: readonly ConflictSide[];
}

/** The dataset whose report of an agency-year is kept. */
export interface ConflictWinner {
  readonly agencyId: string;
  readonly year: number;
  readonly datasetId: string;
}

/** An old agency_id read as a new one (the same body under a changed name). */
export interface AgencyLink {
  readonly from: string;
  readonly to: string;
}

const SOURCE = 'ds_union_src';
const WINNERS = 'ds_union_winners';
const LINKS = 'ds_union_links';
const CHUNK = 300;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Inserts bound rows into an app-made table, a few hundred per statement. */
async function insertRows(runner: QueryRunner, table: string, rows: readonly (readonly SqlValue[])[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const tuples: Fragment[] = rows.slice(i, i + CHUNK).map((r) => sql`(${r})`);
    await runner.query(sql`INSERT INTO ${name(table)} VALUES ${join(tuples)}`);
  }
}

/** The links as a table (from_id, to_id); empty when there are none. */
async function writeLinks(runner: QueryRunner, links: readonly AgencyLink[]): Promise<void> {
  await runner.query(sql`CREATE OR REPLACE TEMP TABLE ${name(LINKS)} (from_id VARCHAR, to_id VARCHAR)`);
  const rows = links.filter((l) => l.from !== l.to).map((l) => [l.from, l.to]);
  await insertRows(runner, LINKS, rows);
}

/** Every part's rows in one table with the part's index in `_ds`, links applied to agency_id. */
async function writeSource(runner: QueryRunner, parts: readonly UnionPart[], links: readonly AgencyLink[]) {
  await writeLinks(runner, links);
  const src = name(SOURCE);
  const first = parts[0];
  if (!first) throw new Error('a union of no datasets');
  await runner.query(sql`CREATE OR REPLACE TEMP TABLE ${src} AS SELECT 0 AS _ds, * FROM ${name(first.table)} LIMIT 0`);
  for (const [i, p] of parts.entries()) {
    await runner.query(
      sql`INSERT INTO ${src} BY NAME
        SELECT ${i} AS _ds, t.* REPLACE (coalesce(l.to_id, t.agency_id) AS agency_id)
        FROM ${name(p.table)} t LEFT JOIN ${name(LINKS)} l ON l.from_id = t.agency_id`,
    );
  }
}

function decodeConflicts(rows: readonly Row[], parts: readonly UnionPart[]): DatasetConflict[] {
  const out: DatasetConflict[] = [];
  for (const r of rows) {
    const agencyId = String(r.agency_id);
    const year = Number(r.year);
    const side: ConflictSide = {
      datasetId: parts[Number(r._ds)]?.id ?? '',
      agencyName: String(r.agency_name ?? ''),
      newRequests: num(r.t3_new_total),
      granted: num(r.t3_granted_total),
      total: num(r.t3_total_total),
    };
    const last = out[out.length - 1];
    if (last && last.agencyId === agencyId && last.year === year) (last.sides as ConflictSide[]).push(side);
    else out.push({ agencyId, year, sides: [side] });
  }
  return out;
}

/**
 * Rebuilds `reports` as the union of `parts` (links applied), keeping a conflicted agency-year only
 * from its winner; returns every conflict (resolved or not). The rules are evaluated again.
 */
export async function buildUnion(
  runner: QueryRunner,
  parts: readonly UnionPart[],
  decide: (conflicts: readonly DatasetConflict[]) => readonly ConflictWinner[],
  links: readonly AgencyLink[] = [],
): Promise<DatasetConflict[]> {
  await writeSource(runner, parts, links);
  const src = name(SOURCE);
  const rows = await runner.query(
    sql`WITH twice AS (SELECT agency_id, year FROM ${src} GROUP BY agency_id, year HAVING count(*) > 1)
      SELECT s._ds, s.agency_id, s.year, s.agency_name, s.t3_new_total, s.t3_granted_total, s.t3_total_total
      FROM ${src} s JOIN twice USING (agency_id, year) ORDER BY s.agency_id, s.year, s._ds`,
  );
  const conflicts = decodeConflicts(rows, parts);
  const index = new Map(parts.map((p, i) => [p.id, i]));
  const winners = decide(conflicts).flatMap((w) => {
    const i = index.get(w.datasetId);
    return i === undefined ? [] : [[w.agencyId, w.year, i] as const];
  });
  await runner.query(sql`CREATE OR REPLACE TEMP TABLE ${name(WINNERS)} (agency_id VARCHAR, year INTEGER, _ds INTEGER)`);
  await insertRows(runner, WINNERS, winners);
  await runner.query(
    sql`CREATE OR REPLACE TABLE ${name(REPORTS_TABLE)} AS
      WITH counted AS (SELECT *, count(*) OVER (PARTITION BY agency_id, year) AS _n FROM ${src})
      SELECT c.* EXCLUDE (_ds, _n) FROM counted c
      LEFT JOIN ${name(WINNERS)} w ON w.agency_id = c.agency_id AND w.year = c.year
      WHERE c._n = 1 OR w._ds = c._ds
      ORDER BY c.agency_id, c.year`,
  );
  await runner.query(sql`DROP TABLE IF EXISTS ${src}`);
  await refreshDerivedTables(runner);
  return conflicts;
}

/** Per part: reports, agencies, years and the template mix of its own table. */
export interface PartStats {
  readonly reports: number;
  readonly agencies: number;
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  /** Reports per template ("2019", "2021"…), largest first. */
  readonly templates: readonly { readonly template: string; readonly reports: number }[];
  /** Reports of this table failing an error-level rule, as last evaluated over `reports`. */
  readonly failing: number;
}

export async function tableStats(runner: QueryRunner, table: string): Promise<PartStats> {
  const t = name(table);
  const [s] = await runner.query(
    sql`SELECT count(*) AS reports, count(DISTINCT agency_id) AS agencies, min(year) AS first, max(year) AS last FROM ${t}`,
  );
  const mix = await runner.query(
    sql`SELECT coalesce(CAST(template AS VARCHAR), '') AS template, count(*) AS n FROM ${t} GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  let failing = 0;
  try {
    const [f] = await runner.query(
      sql`SELECT count(*) AS n FROM ${t} x JOIN failing_reports f USING (agency_id, year)`,
    );
    failing = Number(f?.n ?? 0);
  } catch {
    failing = 0; // the rules were not evaluated yet
  }
  return {
    reports: Number(s?.reports ?? 0),
    agencies: Number(s?.agencies ?? 0),
    firstYear: s?.first == null ? null : Number(s.first),
    lastYear: s?.last == null ? null : Number(s.last),
    templates: mix.map((m) => ({ template: String(m.template), reports: Number(m.n) })),
    failing,
  };
}

/** Copies a table (e.g. `reports` into the first dataset's own table before a union). */
export async function copyTable(runner: QueryRunner, from: string, to: string): Promise<void> {
  await runner.query(sql`CREATE OR REPLACE TABLE ${name(to)} AS SELECT * FROM ${name(from)}`);
}

export async function dropTable(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(sql`DROP TABLE IF EXISTS ${name(table)}`);
}
