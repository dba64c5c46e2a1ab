import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { CONNECTION_SETUP, type QueryRunner } from '@/data/query-runner';
import { arrowRows, OPEN_CONFIG } from '@/data/engine-shared';

/**
 * DuckDB-WASM in a Web Worker, with its wasm and worker files served by the app itself (no CDN:
 * the dashboard works offline). Only `main.ts` calls this.
 */
export async function createBrowserRunner(): Promise<QueryRunner> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker as string);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  performance.mark('engine-instantiated');
  await db.open(OPEN_CONFIG);
  const conn = await db.connect();
  for (const s of CONNECTION_SETUP) await conn.query(s);

  // DuckDB-WASM runs one statement at a time per connection; queue them so that a slow query
  // never interleaves with a load.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  };

  return {
    query: (q) =>
      serial(async () => {
        if (q.params.length === 0) return arrowRows(await conn.query(q.text));
        const stmt = await conn.prepare(q.text);
        try {
          return arrowRows(await stmt.query(...q.params));
        } finally {
          await stmt.close();
        }
      }),
    registerFile: (name, bytes) => serial(() => db.registerFileBuffer(name, bytes)),
    dropFile: (name) => serial(async () => void (await db.dropFile(name))),
    insertArrowIPC: (table, ipc, create) => serial(() => conn.insertArrowFromIPCStream(ipc, { name: table, create })),
  };
}
