/**
 * Writes a generated dataset as a DuckDB database file with native DuckDB (`@duckdb/node-api`, the
 * same engine version as the bundled DuckDB-WASM), and its manifest. The browser attaches the file
 * read-only over HTTP range requests (`?ds=db:<manifest-url>`), so the layout is chosen for lazy
 * reads: `reports` sorted by year and region (a filtered query skips whole row groups), the rule
 * tables the app would otherwise compute over every cell at load (`rule_counts`,
 * `failing_reports`), and the per-group sums group-level figures read (`reports_groups`). Format: datasets/README.md.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { DATASET_COLUMNS } from '@/domain/catalogue';
import { FAILING_REPORTS_TABLE } from '@/data/queries/filters';
import { flaggedReportsQuery, ruleCountsTableSql, RULE_COUNTS_TABLE } from '@/data/queries/rule-results';
import { groupsTableSql } from '@/data/queries/groups';
import type { SqlQuery } from '@/data/sql';
import { reportsTableDdl } from './reports-table';
import { formatCsv, projectRoot } from '../build-real-dataset';
import { HEADER } from './report-model';
import { generateScale } from './scale-model';

/** The rows of `reports` are in this order: a view filtered by year or region reads few row groups. */
export const SORT_ORDER = ['year', 'province', 'city', 'county', 'agency_id'] as const;
export const MANIFEST_FORMAT = 2;

export interface DatabaseManifest {
  readonly format: 'duckdb';
  readonly formatVersion: number;
  /** The dataset's name (also the file's, without extension). */
  readonly name: string;
  /** The database file, relative to the manifest. */
  readonly file: string;
  readonly bytes: number;
  /** `sha256:` and the hex digest of the file: links and embeds pin the data with it. */
  readonly contentHash: string;
  /** Generated data (演示数据（生成）), never real reports. */
  readonly generated: boolean;
  readonly seed: number | null;
  readonly rows: number;
  readonly agencies: number;
  readonly years: readonly number[];
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly sortedBy: readonly string[];
  readonly tables: Readonly<Record<string, number>>;
  /** The engine that wrote it, and the storage version number in the file's header. */
  readonly engine: string;
  readonly storageVersion: number;
}

async function run(conn: DuckDBConnection, q: SqlQuery | string): Promise<void> {
  if (typeof q === 'string') await conn.run(q);
  else await conn.run(q.text, q.params as DuckDBValue[]);
}

async function rows(conn: DuckDBConnection, text: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(text)).getRowObjectsJS();
}

const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The storage version number in a DuckDB file's main header (after checksum and "DUCK"). */
export function storageVersionOf(path: string): number {
  const head = readFileSync(path).subarray(0, 20);
  if (head.subarray(8, 12).toString('latin1') !== 'DUCK') throw new Error(`${path} is not a DuckDB database file`);
  return Number(head.readBigUInt64LE(12));
}

/** The manifest of a written database file, read back from the file itself. */
export async function buildManifest(
  path: string,
  options: { name: string; generated: boolean; seed: number | null },
): Promise<DatabaseManifest> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const [summary] = await rows(
      conn,
      'SELECT count(*) AS n, count(DISTINCT agency_id) AS agencies, list(DISTINCT year ORDER BY year) AS years FROM reports',
    );
    const columns = await rows(
      conn,
      "SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = 'reports' ORDER BY ordinal_position",
    );
    const tables: Record<string, number> = {};
    for (const t of await rows(
      conn,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
    )) {
      const [c] = await rows(conn, `SELECT count(*) AS n FROM ${quote(String(t.table_name))}`);
      tables[String(t.table_name)] = Number(c?.n);
    }
    const [v] = await rows(conn, 'SELECT version() AS v');
    return {
      format: 'duckdb',
      formatVersion: MANIFEST_FORMAT,
      name: options.name,
      file: basename(path),
      bytes: readFileSync(path).byteLength,
      contentHash: `sha256:${await sha256File(path)}`,
      generated: options.generated,
      seed: options.seed,
      rows: Number(summary?.n),
      agencies: Number(summary?.agencies),
      years: (summary?.years as number[]).map(Number),
      columns: columns.map((c) => ({ name: String(c.name), type: String(c.type) })),
      sortedBy: [...SORT_ORDER],
      tables,
      engine: `DuckDB ${String(v?.v)}`,
      storageVersion: storageVersionOf(path),
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export const datasetName = (reports: number, seed: number): string => `generated-${reports}-s${seed}`;

/**
 * Generates `reports` reports with `seed` into `<out>/<name>.duckdb`, lists the deliberate
 * violations in `<name>.violations.csv` and writes `<name>.manifest.json`. Returns the manifest.
 */
export async function writeScaleDatabase(
  reports: number,
  seed: number,
  out: string,
  log: (s: string) => void = () => undefined,
): Promise<{ manifest: DatabaseManifest; path: string; manifestPath: string }> {
  mkdirSync(out, { recursive: true });
  const name = datasetName(reports, seed);
  const path = join(out, `${name}.duckdb`);
  const stage = join(out, `${name}.stage.duckdb`);
  const chunkCsv = join(out, `${name}.chunk.csv`);
  for (const f of [path, `${path}.wal`, stage, `${stage}.wal`]) if (existsSync(f)) rmSync(f);

  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const violations = [['agency_id', 'year', 'rule', 'column_or_group', 'description']];
  try {
    await run(conn, `ATTACH ${literal(stage)} AS stage`);
    await run(conn, `ATTACH ${literal(path)} AS out`);
    await run(conn, 'USE stage');
    await run(conn, reportsTableDdl());
    for (const chunk of generateScale(reports, seed)) {
      writeFileSync(chunkCsv, formatCsv([[...HEADER], ...chunk.records]));
      await run(
        conn,
        `INSERT INTO reports BY NAME SELECT * FROM read_csv(${literal(chunkCsv)}, header = true, all_varchar = true)`,
      );
      violations.push(...chunk.findings);
      log(`province ${chunk.province + 1}: ${chunk.records.length} reports`);
    }
    rmSync(chunkCsv);
    await run(conn, 'USE out');
    const columns = DATASET_COLUMNS.map(quote).join(', ');
    await run(
      conn,
      `CREATE TABLE reports AS SELECT ${columns} FROM stage.reports ORDER BY ${SORT_ORDER.map(quote).join(', ')}`,
    );
    await run(conn, 'DETACH stage');
    rmSync(stage);
    // The app's own rule SQL, run once here instead of over every cell at each load in the browser.
    await run(conn, ruleCountsTableSql(RULE_COUNTS_TABLE));
    const flagged = flaggedReportsQuery({ countsTable: RULE_COUNTS_TABLE });
    await run(
      conn,
      flagged
        ? { text: `CREATE TABLE ${quote(FAILING_REPORTS_TABLE)} AS ${flagged.text}`, params: flagged.params }
        : `CREATE TABLE ${quote(FAILING_REPORTS_TABLE)} (agency_id VARCHAR, year INTEGER, error_failures INTEGER)`,
    );
    // The per-group sums group-level figures read (the app's own SQL, as the browser would make them).
    await run(conn, groupsTableSql());
    await run(conn, 'CHECKPOINT out');
    await run(conn, 'USE memory');
    await run(conn, 'DETACH out');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  writeFileSync(join(out, `${name}.violations.csv`), formatCsv(violations));
  const manifest = await buildManifest(path, { name, generated: true, seed });
  const manifestPath = join(out, `${name}.manifest.json`);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, path, manifestPath };
}

/**
 * Records the answer book of a written database's default views and names it in its manifest
 * (scripts/answers, ANSWERS_DATABASE): the app's own views and queries, mounted under Vitest (it
 * compiles the .vue files) on DuckDB-WASM's Node build with the file attached.
 */
export function writeDatabaseAnswers(manifestPath: string, log: (s: string) => void = () => undefined): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'vitest.answers.config.ts'], {
      cwd: projectRoot,
      env: { ...process.env, ANSWERS_DATABASE: manifestPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.includes('.answers.json:'));
      if (line) log(line.trim());
      if (code === 0) done();
      else
        fail(
          new Error(`recording the answers of ${basename(manifestPath)} failed (exit ${code}):\n${out.slice(-4000)}`),
        );
    });
  });
}
