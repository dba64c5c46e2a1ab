/**
 * Records what the default state of every analytical view asks of a dataset, and the answers:
 * the app itself (App.vue, its router, stores and views) is mounted in a DOM without charts, on a
 * workspace whose engine is DuckDB-WASM's Node build, and every read the views make is kept. So
 * the stored answers come from exactly the query code the browser runs, and follow it when a view
 * changes. Runs under Vitest (it compiles the .vue files): see vitest.answers.config.ts.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createApp, type App as VueApp } from 'vue';
import { createPinia } from 'pinia';
import { createNodeRunner } from '@/data/engine-node';
import type { QueryRunner, Row } from '@/data/query-runner';
import type { SqlQuery } from '@/data/sql';
import { manifestHash, parseManifest } from '@/data/load/attach-database';
import type { Fetcher } from '@/workspace/fetching';
import { contentHash, queryKey, type AnswerBook, type AnswerQueries } from '@/data/answers';
import { Workspace, WORKSPACE_KEY } from '@/workspace';
import { BUNDLED_DATASETS } from '@/workspace/bundled';

/** The views whose default state is answered from the book (their routes' names). */
export const ANSWERED_VIEWS = [
  'overview',
  'compare',
  'trends',
  'outcomes',
  'applicants',
  'litigation',
  'proactive',
  'quality',
] as const;

const READ = /^\s*(SELECT|WITH)\b/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Plain JSON rows, as stored (Arrow lists become arrays). */
const plain = (rows: readonly Row[]): Row[] => JSON.parse(JSON.stringify(rows)) as Row[];

/** How the recorded workspace gets its data, and the route query that opens it. */
interface Source {
  readonly fetch: Fetcher;
  readonly runner: (engine: QueryRunner) => QueryRunner;
  readonly query: Record<string, string>;
}

/**
 * Mounts the app on a workspace given its data by `source`, opens each view in its default state
 * and returns every read asked once the data was loaded, with its rows.
 */
async function record(label: string, source: Source): Promise<Record<string, { rows: Row[]; q: SqlQuery }>> {
  const engine = source.runner(await createNodeRunner());
  const asked: Record<string, { rows: Row[]; q: SqlQuery }> = {};
  let inFlight = 0;
  let lastActivity = Date.now();
  let workspace: Workspace | null = null;
  const recording: QueryRunner = {
    ...engine,
    async query(q) {
      inFlight += 1;
      lastActivity = Date.now();
      try {
        const rows = await engine.query(q);
        if (workspace && workspace.state.version > 0 && READ.test(q.text))
          asked[queryKey(q)] = { rows: plain(rows), q };
        return rows;
      } finally {
        inFlight -= 1;
        lastActivity = Date.now();
      }
    },
  };
  workspace = new Workspace(Promise.resolve(recording), source.fetch);
  BUNDLED_DATASETS.forEach((d) => workspace?.register(d));

  /** Settled: nothing asked for a while after the data is loaded. */
  const settled = async () => {
    const start = Date.now();
    while (Date.now() - start < 1_800_000) {
      await sleep(50);
      const quiet = inFlight === 0 && Date.now() - lastActivity > 400;
      if (quiet && workspace?.state.version && workspace.state.status === 'ready') return;
    }
    throw new Error(`recording ${label}: the views never settled`);
  };

  const { router } = await import('@/router');
  const { i18n } = await import('@/i18n');
  const App = (await import('@/App.vue')).default;
  let app: VueApp | null = null;
  try {
    for (const view of ANSWERED_VIEWS) {
      await router.push({ name: view, query: source.query });
      if (!app) {
        const el = document.createElement('div');
        document.body.appendChild(el);
        app = createApp(App).use(createPinia()).use(router).use(i18n).provide(WORKSPACE_KEY, workspace);
        app.config.warnHandler = () => undefined;
        app.mount(el);
      }
      await router.isReady();
      await settled();
    }
  } finally {
    app?.unmount();
  }
  return Object.fromEntries(Object.entries(asked).sort(([a], [b]) => a.localeCompare(b)));
}

function bookOf(
  dataset: string,
  hash: string,
  asked: Record<string, { rows: Row[]; q: SqlQuery }>,
): { book: AnswerBook; queries: AnswerQueries } {
  const entries = Object.entries(asked);
  return {
    book: { dataset, contentHash: hash, answers: Object.fromEntries(entries.map(([k, a]) => [k, a.rows])) },
    queries: Object.fromEntries(entries.map(([k, a]) => [k, { sql: a.q.text, params: [...a.q.params] }])),
  };
}

/** The answers of a bundled dataset (`dataset`, its Parquet file at `parquetPath`). */
export async function recordAnswers(
  dataset: string,
  parquetPath: string,
): Promise<{ book: AnswerBook; queries: AnswerQueries }> {
  const bytes = new Uint8Array(readFileSync(parquetPath));
  const asked = await record(dataset, {
    fetch: async () => bytes,
    runner: (engine) => engine,
    query: BUNDLED_DATASETS[0]?.id === dataset ? {} : { ds: dataset },
  });
  return bookOf(dataset, await contentHash(bytes), asked);
}

/**
 * The answers of a database file (`manifestPath`, scripts/lib/scale-database.ts), recorded on the
 * file attached exactly as the browser attaches it, but read from disk instead of over HTTP.
 */
export async function recordDatabaseAnswers(
  manifestPath: string,
): Promise<{ book: AnswerBook; queries: AnswerQueries }> {
  const dir = dirname(manifestPath);
  const manifest = parseManifest(basename(manifestPath), new Uint8Array(readFileSync(manifestPath)));
  // Every URL the workspace or the engine is given is resolved against the manifest's folder.
  const local = (url: string) => join(dir, basename(new URL(url).pathname));
  const asked = await record(manifest.name, {
    fetch: async (url) => new Uint8Array(readFileSync(local(url))),
    runner: (engine) => ({
      ...engine,
      registerFileURL: (name, url) => engine.registerFile(name, new Uint8Array(readFileSync(local(url)))),
    }),
    query: { ds: `db:${RECORDED_BASE}${basename(manifestPath)}` },
  });
  return bookOf(manifest.name, manifestHash(manifest), asked);
}

/** The made-up origin the recording resolves a database's URLs against (nothing is fetched from it). */
const RECORDED_BASE = 'http://recording.invalid/';
