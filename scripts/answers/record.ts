/**
 * Records what the default state of every analytical view asks of a dataset, and the answers:
 * the app itself (App.vue, its router, stores and views) is mounted in a DOM without charts, on a
 * workspace whose engine is DuckDB-WASM's Node build, and every read the views make is kept. So
 * the stored answers come from exactly the query code the browser runs, and follow it when a view
 * changes. Runs under Vitest (it compiles the .vue files): see vitest.answers.config.ts.
 */
import { readFileSync } from 'node:fs';
import { createApp, type App as VueApp } from 'vue';
import { createPinia } from 'pinia';
import { createNodeRunner } from '@/data/engine-node';
import type { QueryRunner, Row } from '@/data/query-runner';
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

/**
 * Mounts the app on `dataset` (a bundled id, its Parquet file at `parquetPath`), opens each view
 * in its default state and returns every read asked once the data was loaded, with its rows.
 */
export async function recordAnswers(
  dataset: string,
  parquetPath: string,
): Promise<{ book: AnswerBook; queries: AnswerQueries }> {
  const bytes = new Uint8Array(readFileSync(parquetPath));
  const engine = await createNodeRunner();
  const answers: Record<string, Row[]> = {};
  const queries: Record<string, { sql: string; params: unknown[] }> = {};
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
        if (workspace && workspace.state.version > 0 && READ.test(q.text)) {
          const key = queryKey(q);
          answers[key] = plain(rows);
          queries[key] = { sql: q.text, params: [...q.params] };
        }
        return rows;
      } finally {
        inFlight -= 1;
        lastActivity = Date.now();
      }
    },
  };
  workspace = new Workspace(Promise.resolve(recording), async () => bytes);
  BUNDLED_DATASETS.forEach((d) => workspace?.register(d));

  /** Settled: nothing asked for a while after the data is loaded. */
  const settled = async () => {
    const start = Date.now();
    while (Date.now() - start < 120_000) {
      await sleep(50);
      const quiet = inFlight === 0 && Date.now() - lastActivity > 400;
      if (quiet && workspace?.state.version && workspace.state.status === 'ready') return;
    }
    throw new Error(`recording ${dataset}: the views never settled`);
  };

  const { router } = await import('@/router');
  const { i18n } = await import('@/i18n');
  const App = (await import('@/App.vue')).default;
  const ds = BUNDLED_DATASETS[0]?.id === dataset ? {} : { ds: dataset };
  let app: VueApp | null = null;
  try {
    for (const view of ANSWERED_VIEWS) {
      await router.push({ name: view, query: ds });
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
  const sorted = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return {
    book: { dataset, contentHash: await contentHash(bytes), answers: sorted(answers) },
    queries: sorted(queries),
  };
}
