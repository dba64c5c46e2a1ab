import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { CONNECTION_SETUP, type QueryRunner } from '@/data/query-runner';
import { arrowRows, OPEN_CONFIG } from '@/data/engine-shared';

/**
 * DuckDB-WASM's blocking Node build: the same engine and binding rules as the browser, for tests,
 * benchmarks and the command-line tools. Never imported by the browser bundle.
 */
export async function createNodeRunner(): Promise<QueryRunner> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open(OPEN_CONFIG);
  const conn = db.connect();
  for (const s of CONNECTION_SETUP) conn.query(s);

  return {
    async query(q) {
      if (q.params.length === 0) return arrowRows(conn.query(q.text));
      const stmt = conn.prepare(q.text);
      try {
        return arrowRows(stmt.query(...q.params));
      } finally {
        stmt.close();
      }
    },
    async registerFile(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async insertArrowIPC(table, ipc, create) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create });
    },
  };
}
