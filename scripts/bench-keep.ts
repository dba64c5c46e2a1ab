/**
 * Own data in the browser, measured end to end in headless Chromium on the built app:
 *   - the review queue: documents per second from dropping N report documents on the Import view
 *     until every row is read, against the same documents parsed in Node (the bare parser) in this
 *     process;
 *   - a kept dataset of 10^5 reports (the demo's 5,393 reports copied under new agency ids, so
 *     generated data): the first load of the file, then a reload restoring it from the browser's
 *     store, each from navigation to the engine holding the data and to the first headline figure.
 * Prints a table and writes bench-results/keep-<time>.json (git-ignored).
 * Usage: tsx scripts/bench-keep.ts [--docs 200] [--reports 100000] [--no-build]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startHarness } from '../tests/e2e/harness';
import { createNodeRunner } from '@/data/engine-node';
import { loadDataset } from '@/data/load/load-dataset';
import { reportsToParquet } from '@/data/parquet-export';
import { sql } from '@/data/sql';
import { parseReport } from '@/ingest';
import { nodePdfOptions } from './lib/ingest-files';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const DOCS = Number(arg('docs', '200'));
const REPORTS = Number(arg('reports', '100000'));
const DIST = process.env.E2E_DIST ?? 'dist-bench';

if (!process.argv.includes('--no-build')) {
  console.log(`building into ${DIST}/ …`);
  execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
}
process.env.E2E_DIST = DIST;

// --- inputs ----------------------------------------------------------------------------------------

/** N report documents in the real format: one fixture report under N/2 agency names × 2 years. */
function documents(n: number): { name: string; mimeType: string; buffer: Buffer }[] {
  const html = readFileSync(join(root, 'tests/fixtures/ingest/report-2021.html'), 'utf8');
  return Array.from({ length: n }, (_, i) => {
    const name = `示例县第${Math.floor(i / 2) + 1}局`;
    const year = 2022 + (i % 2);
    const text = html.replaceAll('示例县市场监督管理局', name).replaceAll('2023', String(year));
    return { name: `${name}-${year}.html`, mimeType: 'text/html', buffer: Buffer.from(text) };
  });
}

/** The demo's reports copied under new agency ids until there are `n`, as a Parquet file. */
async function bigDataset(n: number): Promise<Uint8Array> {
  const runner = await createNodeRunner();
  await loadDataset(runner, { name: 'demo.csv', bytes: new Uint8Array(readFileSync(join(root, 'datasets/demo.csv'))) });
  const [row] = await runner.query(sql`SELECT count(*)::INTEGER AS n FROM reports`);
  const copies = Math.ceil(n / Number(row?.n));
  await runner.query(sql`
    CREATE TABLE copies AS
      SELECT * REPLACE (agency_id || '-c' || k AS agency_id, agency_name || '（' || k || '）' AS agency_name)
      FROM reports, range(CAST(${copies} AS BIGINT)) t(k)
      QUALIFY row_number() OVER () <= ${n}`);
  await runner.query(sql`DELETE FROM reports`);
  await runner.query(sql`INSERT INTO reports SELECT * EXCLUDE (k) FROM copies`);
  return reportsToParquet(runner);
}

// --- the browser -------------------------------------------------------------------------------------

const since = (page: Page, mark: string) =>
  page.evaluate((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN, mark);

async function firstFigure(page: Page): Promise<number> {
  return (await (
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="kpi-new_requests"] [data-role="value"]');
        return el && /\d/.test(el.textContent ?? '') ? performance.now() : null;
      },
      undefined,
      { timeout: 300_000, polling: 'raf' },
    )
  ).jsonValue()) as number;
}

const h = await startHarness();
const results: Record<string, number> = {};
try {
  // Documents through the queue.
  const docs = documents(DOCS);
  const t0 = performance.now();
  for (const d of docs) await parseReport({ name: d.name, bytes: new Uint8Array(d.buffer) }, nodePdfOptions());
  results.nodeDocsPerSecond = DOCS / ((performance.now() - t0) / 1000);

  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('#/import?noanim=1', h.baseUrl).toString());
  await page.waitForSelector('[data-testid="report-drop"]', { timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
    timeout: 120_000,
  });
  const q0 = Date.now();
  await page.locator('[data-testid="report-input"]').setInputFiles(docs);
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid="queue-row"]').length === n &&
      !document.querySelector('[data-testid="queue-row"][data-status="parsing"]') &&
      !document.querySelector('[data-testid="review-progress"]'),
    DOCS,
    { timeout: 600_000, polling: 100 },
  );
  results.queueDocsPerSecond = DOCS / ((Date.now() - q0) / 1000);
  await context.close();

  // A kept 10^5-report dataset: first load, then restored on reload.
  const parquet = await bigDataset(REPORTS);
  results.parquetBytes = parquet.length;
  const ctx = await h.browser.newContext();
  const p = await ctx.newPage();
  await p.goto(new URL('#/data?noanim=1', h.baseUrl).toString());
  await p.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
    timeout: 120_000,
  });
  results.bundledLoadedMs = await since(p, 'dataset-loaded');
  const l0 = Date.now();
  await p.locator('[data-testid="file-input"]').setInputFiles({
    name: 'bench-1e5.parquet',
    mimeType: 'application/vnd.apache.parquet',
    buffer: Buffer.from(parquet),
  });
  await p.waitForSelector('[data-testid="load-ok"]', { timeout: 600_000 });
  results.firstLoadMs = Date.now() - l0;
  const summary = await p.locator('[data-testid="loaded-summary"]').innerText();
  if (!summary.includes('bench-1e5.parquet')) throw new Error(`bench-keep: the file is not active: ${summary}`);
  await p.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), undefined, { timeout: 600_000 });
  // Reload on the Overview of the kept file: the store gives it back before the first figure.
  const url = p.url().replace('#/data', '#/overview');
  await p.goto('about:blank');
  await p.goto(url);
  results.restoreFirstFigureMs = await firstFigure(p);
  await p.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
    timeout: 600_000,
  });
  results.restoreLoadedMs = await since(p, 'dataset-loaded');
  await p.locator('[data-testid="tab-data"]').click();
  const shown = await p.locator('[data-testid="loaded-summary"]').innerText();
  if (!shown.includes('bench-1e5.parquet'))
    throw new Error(`bench-keep: the reload did not restore the file: ${shown}`);
  await ctx.close();

  const f = (x: number, unit: string, d = 0) => `${x.toFixed(d)} ${unit}`;
  const rows: [string, string][] = [
    [`review queue, ${DOCS} HTML documents`, f(results.queueDocsPerSecond, 'documents/s', 1)],
    ['  the same documents, bare parser in Node', f(results.nodeDocsPerSecond, 'documents/s', 1)],
    ['  ratio queue / bare parser', (results.queueDocsPerSecond / results.nodeDocsPerSecond).toFixed(2)],
    [`kept dataset: ${REPORTS.toLocaleString('en')} reports, Parquet`, f(results.parquetBytes / 1024 / 1024, 'MiB', 1)],
    ['  first load of the file (chosen → loaded)', f(results.firstLoadMs, 'ms')],
    ['  reload: navigation → data restored in the engine', f(results.restoreLoadedMs, 'ms')],
    ['  reload: navigation → first headline figure', f(results.restoreFirstFigureMs, 'ms')],
    ['  bundled demo in the same browser: navigation → loaded', f(results.bundledLoadedMs, 'ms')],
    ['  ratio restore / bundled demo', (results.restoreLoadedMs / results.bundledLoadedMs).toFixed(2)],
  ];
  console.log(
    `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; after the reload: ${shown.replace(/\s+/g, ' ')}`,
  );
  for (const [k, v] of rows) console.log(`${k.padEnd(58)} ${v}`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  const out = join(root, 'bench-results', `keep-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify({ docs: DOCS, reports: REPORTS, ...results }, null, 2));
  console.log(`\nwritten: ${out}`);
} finally {
  await h.close();
}
