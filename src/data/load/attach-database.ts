/**
 * A dataset too large to hold in one browser: a DuckDB database file served over HTTP with range
 * requests, described by a manifest (datasets/README.md, "Database manifest"). It is ATTACHed
 * read-only and `reports` (with the rule tables written beside it) becomes a view of it, so every
 * query of the app runs unchanged while the engine fetches only the blocks a query needs.
 */
import { DATASET_COLUMNS } from '@/domain/catalogue';
import { DatasetLoadError, type LoadIssue } from '@/data/load/issues';
import type { LoadSummary } from '@/data/load/load-dataset';
import { REPORTS_TABLE } from '@/data/load/canonical';
import { FAILING_REPORTS_TABLE } from '@/data/queries/filters';
import { RULE_COUNTS_TABLE } from '@/data/queries/rule-results';
import { GROUPS_TABLE } from '@/data/queries/groups';
import type { QueryRunner } from '@/data/query-runner';
import { name, nameLiteral, sql } from '@/data/sql';
import { refreshDerivedTables } from '@/data/quality';

/** The catalogue name the attached file gets. */
export const ATTACHED_DATABASE = 'remote_db';

/** The `ds` value of a database dataset: `db:` and its manifest's URL. */
export const DATABASE_PREFIX = 'db:';

/** The objects of `main` that show an attached database (views) or a loaded file (tables). */
const SHOWN_TABLES = [REPORTS_TABLE, RULE_COUNTS_TABLE, FAILING_REPORTS_TABLE, GROUPS_TABLE] as const;
/** What the generator writes beside `reports` (data/quality.ts derives the same from any data). */
const DERIVED_TABLES = [RULE_COUNTS_TABLE, FAILING_REPORTS_TABLE, GROUPS_TABLE] as const;

/** What the app reads from a manifest (scripts/lib/scale-database.ts writes it). */
export interface DatabaseManifest {
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
  readonly contentHash: string;
  readonly generated: boolean;
  readonly rows: number;
  readonly agencies: number;
  readonly years: readonly number[];
  readonly columns: readonly { readonly name: string }[];
  /**
   * The answer book of the file's default views (`<name>.answers.json`, relative to the manifest),
   * recorded by the same query code as the bundled datasets' books: first figures before the engine
   * has read a byte. Optional; a book whose hash is not this file's is ignored.
   */
  readonly answers?: string;
}

const refuse = (file: string, issue: Omit<LoadIssue, 'file'>): never => {
  throw new DatasetLoadError(file, [{ ...issue, file }], 1);
};

/** Checks a manifest's fields (the file it names is checked once attached). */
export function parseManifest(fileName: string, bytes: Uint8Array): DatabaseManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return refuse(fileName, { code: 'unreadable', detail: (e as Error).message });
  }
  const m = json as Partial<Record<keyof DatabaseManifest, unknown>> & { format?: unknown };
  const ok =
    typeof json === 'object' &&
    json !== null &&
    m.format === 'duckdb' &&
    typeof m.name === 'string' &&
    typeof m.file === 'string' &&
    /^[\w.-]+$/.test(m.file) &&
    typeof m.contentHash === 'string' &&
    /^sha256:[0-9a-f]{64}$/.test(m.contentHash) &&
    typeof m.generated === 'boolean' &&
    Number.isInteger(m.rows) &&
    Number.isInteger(m.agencies) &&
    Array.isArray(m.years) &&
    Array.isArray(m.columns) &&
    (m.answers === undefined || (typeof m.answers === 'string' && /^[\w.-]+$/.test(m.answers)));
  if (!ok) return refuse(fileName, { code: 'unreadable', detail: 'not a database manifest (datasets/README.md)' });
  return json as DatabaseManifest;
}

/** The short hash links and embeds pin: the first 12 hex digits of the manifest's SHA-256. */
export const manifestHash = (m: DatabaseManifest): string => m.contentHash.replace(/^sha256:/, '').slice(0, 12);

/**
 * Drops what shows an attached database (its views) and detaches it; a loaded file's tables are
 * left alone. Called before anything else is loaded, and before another database is attached.
 */
export async function detachDatabase(runner: QueryRunner): Promise<void> {
  const views = await runner.query(
    sql`SELECT table_name AS t FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'VIEW' AND table_name IN (${[...SHOWN_TABLES]})`,
  );
  for (const v of views) await runner.query(sql`DROP VIEW IF EXISTS ${name(String(v.t))}`);
  await runner.query(sql`DETACH DATABASE IF EXISTS ${name(ATTACHED_DATABASE)}`);
}

/**
 * Attaches the database file at `url` (absolute: the engine's worker resolves nothing) read-only
 * and shows it as `reports`, `rule_counts`, `failing_reports` and `reports_groups`. The file must hold the
 * catalogue's columns and the rows its manifest says; anything loaded before is replaced.
 */
export async function attachDatabase(
  runner: QueryRunner,
  manifest: DatabaseManifest,
  url: string,
): Promise<LoadSummary> {
  const file = manifest.file;
  if (!runner.registerFileURL) return refuse(file, { code: 'unsupported_format', detail: 'no HTTP reads here' });
  const db = name(ATTACHED_DATABASE);
  await detachDatabase(runner);
  // Registered under an app-made name carrying the content hash (another file is another name); a
  // path cannot be a bound parameter of ATTACH, so that name is the one literal.
  const registered = `${ATTACHED_DATABASE}_${manifestHash(manifest)}`;
  try {
    await runner.registerFileURL(registered, new URL(url).href);
    await runner.query(sql`ATTACH ${nameLiteral(registered)} AS ${db} (READ_ONLY)`);
  } catch (e) {
    return refuse(file, { code: 'fetch_failed', detail: (e as Error).message });
  }
  const columns = await runner.query(
    sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_catalog = ${ATTACHED_DATABASE} AND table_schema = 'main'`,
  );
  const present = new Set(columns.filter((c) => c.t === REPORTS_TABLE).map((c) => String(c.c)));
  const missing = DATASET_COLUMNS.filter((c) => !present.has(c));
  if (missing.length > 0) {
    await detachDatabase(runner);
    const issues: LoadIssue[] = missing.slice(0, 20).map((column) => ({ code: 'missing_column', file, column }));
    throw new DatasetLoadError(file, issues, missing.length);
  }
  const [count] = await runner.query(sql`SELECT count(*) AS n FROM ${db}.${name(REPORTS_TABLE)}`);
  if (Number(count?.n) !== manifest.rows) {
    await detachDatabase(runner);
    return refuse(file, { code: 'unreadable', detail: `${String(count?.n)} rows, the manifest says ${manifest.rows}` });
  }
  const tables = new Set(columns.map((c) => String(c.t)));
  const show = async (t: string) => {
    await runner.query(sql`DROP TABLE IF EXISTS ${name(t)}`);
    await runner.query(sql`CREATE VIEW ${name(t)} AS SELECT * FROM ${db}.${name(t)}`);
  };
  await show(REPORTS_TABLE);
  // The rule tables and groups the generator writes; a file without them has them computed here,
  // over every report.
  if (DERIVED_TABLES.every((t) => tables.has(t))) {
    for (const t of DERIVED_TABLES) await show(t);
  } else {
    await refreshDerivedTables(runner);
  }
  return {
    file,
    format: 'duckdb',
    shape: 'wide',
    reports: manifest.rows,
    agencies: manifest.agencies,
    firstYear: manifest.years.length ? Math.min(...manifest.years) : null,
    lastYear: manifest.years.length ? Math.max(...manifest.years) : null,
  };
}
