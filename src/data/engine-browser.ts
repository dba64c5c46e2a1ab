import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { CONNECTION_SETUP, EngineLostError, type QueryRunner } from '@/data/query-runner';
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
  // The worker fetches the wasm itself and, when that fails, never answers: ask first (a HEAD
  // request, so nothing is downloaded twice) and fail at once with a reason. Under the service
  // worker (offline after a first visit) the files come from its cache, which answers GET only.
  if (!navigator.serviceWorker?.controller) {
    for (const url of [bundle.mainModule, bundle.mainWorker as string]) {
      const res = await fetch(url, { method: 'HEAD' }).catch((e: Error) => ({ ok: false, status: e.message }));
      if (!res.ok) throw new Error(`${url.split('/').pop()}: ${res.status}`);
    }
  }
  const worker = new Worker(bundle.mainWorker as string);
  // A worker that crashes (or is stopped) answers nothing ever again: every call races this.
  let markLost: (e: Error) => void = () => undefined;
  const lost = new Promise<Error>((resolve) => (markLost = resolve));
  let gone: Error | null = null;
  const lose = (reason: string) => {
    if (gone) return;
    gone = new EngineLostError(reason);
    markLost(gone);
  };
  worker.addEventListener('error', (e) => lose(e.message || 'worker error'));
  worker.addEventListener('messageerror', () => lose('worker message error'));
  const guard = <T>(p: Promise<T>): Promise<T> =>
    gone ? Promise.reject(gone) : Promise.race([p, lost.then((e) => Promise.reject(e))]);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await guard(db.instantiate(bundle.mainModule, bundle.pthreadWorker));
  performance.mark('engine-instantiated');
  // Files read over HTTP (an attached database) are read with range requests only. Measured with
  // DuckDB-WASM 1.32: unless `forceFullHTTPReads` is false here, every registered HTTP file is
  // downloaded whole (the file's info says forceFullHttpReads whatever registerFileURL's directIO
  // says); and without `allowFullHTTPReads: false` a server that cannot answer ranges would have
  // the whole file copied into memory. The engine asks with a HEAD and `Range: bytes=0-`, which
  // must answer 206 with Content-Length (README, "Serving large datasets").
  const filesystem = { forceFullHTTPReads: false, allowFullHTTPReads: false, reliableHeadRequests: true };
  await guard(db.open({ ...OPEN_CONFIG, filesystem }));
  const conn = await guard(db.connect());
  for (const s of CONNECTION_SETUP) await guard(conn.query(s));

  // DuckDB-WASM runs one statement at a time per connection; queue them so that a slow query
  // never interleaves with a load.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const guarded = () => guard(task());
    const next = chain.then(guarded, guarded);
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
    // Read lazily: the worker asks with a HEAD and `Range: bytes=0-` (206 and Content-Length
    // wanted), then GETs the byte ranges a query needs, with read-ahead.
    registerFileURL: (name, url) => serial(() => db.registerFileURL(name, url, duckdb.DuckDBDataProtocol.HTTP, true)),
    insertArrowIPC: (table, ipc, create) => serial(() => conn.insertArrowFromIPCStream(ipc, { name: table, create })),
    lost,
    assets: [bundle.mainModule, bundle.mainWorker as string],
    stop: () => {
      worker.terminate();
      lose('stopped');
    },
  };
}
