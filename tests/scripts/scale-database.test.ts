// @vitest-environment node
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_COLUMNS } from '@/domain/catalogue';
import { createNodeRunner } from '@/data/engine-node';
import { refreshDerivedTables } from '@/data/quality';
import type { QueryRunner } from '@/data/query-runner';
import { sql } from '@/data/sql';
import { writeScaleDatabase, type DatabaseManifest } from '../../scripts/lib/scale-database';

describe('generated DuckDB database and its manifest', () => {
  const out = mkdtempSync(join(tmpdir(), 'scale-db-'));
  let manifest: DatabaseManifest;
  let path: string;
  let manifestPath: string;
  let wasm: QueryRunner;

  beforeAll(async () => {
    ({ manifest, path, manifestPath } = await writeScaleDatabase(2500, 5, out));
    // The engine the browser runs (DuckDB-WASM, here its Node build) reads the file natively written.
    wasm = await createNodeRunner();
    await wasm.registerFile('g.duckdb', new Uint8Array(readFileSync(path)));
    await wasm.query(sql`ATTACH 'g.duckdb' AS g (READ_ONLY)`);
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('describes the file it sits beside: name, bytes, content hash, generated', () => {
    const bytes = readFileSync(path);
    expect(JSON.parse(readFileSync(manifestPath, 'utf8'))).toEqual(manifest);
    expect(manifest.name).toBe('generated-2500-s5');
    expect(manifest.file).toBe('generated-2500-s5.duckdb');
    expect(manifest.bytes).toBe(bytes.byteLength);
    expect(manifest.contentHash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    expect(manifest.generated).toBe(true);
    expect(manifest.seed).toBe(5);
    expect(manifest.format).toBe('duckdb');
  });

  it('gives the row count, years and columns the browser engine finds in the file', async () => {
    const [s] = await wasm.query(
      sql`SELECT count(*) AS n, count(DISTINCT agency_id) AS agencies, list(DISTINCT year ORDER BY year) AS years FROM g.reports`,
    );
    expect(manifest.rows).toBe(2500);
    expect(Number(s?.n)).toBe(manifest.rows);
    expect(Number(s?.agencies)).toBe(manifest.agencies);
    expect([...(s?.years as Iterable<number>)].map(Number)).toEqual(manifest.years);
    expect(manifest.columns.map((c) => c.name)).toEqual([...DATASET_COLUMNS]);
    const types = await wasm.query(
      sql`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_catalog = 'g' AND table_name = 'reports' ORDER BY ordinal_position`,
    );
    expect(types.map((t) => ({ name: t.name, type: t.type }))).toEqual(manifest.columns);
    expect(manifest.tables.reports).toBe(2500);
  });

  it('stores the reports sorted by year and region', async () => {
    const rows = await wasm.query(sql`SELECT year, province, city, county, agency_id FROM g.reports`);
    expect(rows).toHaveLength(2500);
    const key = (r: Record<string, unknown>) =>
      [r.year, r.province ?? '', r.city ?? '', r.county ?? '', r.agency_id].map(String);
    let checked = 0;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [key(rows[i - 1] as Record<string, unknown>), key(rows[i] as Record<string, unknown>)];
      const cmp = Number(a[0]) - Number(b[0]) || (a.slice(1).join('\u0000') < b.slice(1).join('\u0000') ? -1 : 0);
      expect(cmp).toBeLessThanOrEqual(0);
      checked++;
    }
    expect(checked).toBe(2499);
  });

  it('holds the rule tables and groups the app would compute at load, equal to the browser engine computing them', async () => {
    await wasm.query(sql`CREATE OR REPLACE TABLE reports AS SELECT * FROM g.reports`);
    await refreshDerivedTables(wasm);
    const diff = async (table: string) =>
      Number(
        (
          await wasm.query({
            text: `SELECT count(*) AS n FROM ((SELECT * FROM main.${table} EXCEPT ALL SELECT * FROM g.${table}) UNION ALL (SELECT * FROM g.${table} EXCEPT ALL SELECT * FROM main.${table}))`,
            params: [],
          })
        )[0]?.n,
      );
    expect(manifest.tables.failing_reports).toBeGreaterThan(0);
    expect(await diff('failing_reports')).toBe(0);
    expect(await diff('rule_counts')).toBe(0);
    expect(manifest.tables.reports_groups).toBeGreaterThan(0);
    expect(await diff('reports_groups')).toBe(0);
  });

  it('sums per year and region equal to the reports they sum', async () => {
    const [a] = await wasm.query(
      sql`SELECT sum(reports) AS n, sum(t3_new_person) AS person FROM g.reports_groups WHERE year = 2023`,
    );
    const [b] = await wasm.query(
      sql`SELECT count(*) AS n, sum(t3_new_person) AS person FROM g.reports WHERE year = 2023`,
    );
    expect(Number(a?.n)).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });
});
