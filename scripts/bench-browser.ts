/**
 * The app's speed in headless Chromium, end to end: builds (unless --no-build), serves the build
 * with `vite preview`, and measures per dataset size
 *   - navigation → first figure, and → every Overview chart drawn from the live engine;
 *   - a filter change → every chart of the view redrawn (p50/p95 over ≥ 30 random changes), for
 *     Overview and Compare; the agency typeahead;
 *   - bytes transferred, JS heap; initial JS (gzip) besides the engine;
 * and, in Node on the same data: the rule pass over all reports, the engine's wasm memory, and one
 * aggregation in DuckDB-WASM against a typed-array loop and against native DuckDB.
 * Prints a table and writes bench-results/browser-<time>.json (git-ignored).
 * Usage: tsx scripts/bench-browser.ts [--sizes demo,1e4,1e5,1e6] [--changes 30] [--runs 3] [--no-build] [--verbose]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { startHarness } from '../tests/e2e/harness';
import { createNodeRunner } from '@/data/engine-node';
import { loadDataset } from '@/data/load/load-dataset';
import { sql } from '@/data/sql';
import { ruleCountsTableSql } from '@/data/queries/rule-results/counts';
import { KINDS, LEVELS } from '@/domain/catalogue';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const sizes = arg('sizes', 'demo,1e4,1e5,1e6').split(',');
const CHANGES = Math.max(30, Number(arg('changes', '30')));
const RUNS = Number(arg('runs', '3'));
const DIST = process.env.E2E_DIST ?? 'dist-bench';

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number;
}
/** p50 / p95 of the changes drawn, and how many were not drawn within two minutes. */
const filterCell = (f: { p50: number; p95: number; missed: number } | undefined) =>
  f ? `${ms(f.p50)} / ${ms(f.p95)}${f.missed ? ` (${f.missed} not drawn in 2 min)` : ''}` : '—';
const VERBOSE = process.argv.includes('--verbose');
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '—');
const mb = (x: number) => (Number.isFinite(x) ? `${(x / 1024 / 1024).toFixed(1)} MB` : '—');

if (!process.argv.includes('--no-build')) {
  console.log(`building into ${DIST}/ …`);
  execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
}
process.env.E2E_DIST = DIST;
const assets = join(root, DIST, 'assets');
const wasmFile = readdirSync(assets).find((f) => /^duckdb-eh-.*\.wasm$/.test(f));
if (!wasmFile) throw new Error('bench-browser: the engine wasm is missing from the build');

/** JS the first page needs besides the engine: the entry and what index.html preloads, gzipped. */
function initialJs(): { files: string[]; gzip: number } {
  const html = readFileSync(join(root, DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(join(root, DIST, f))).length, 0);
  return { files, gzip };
}

// --- what the browser does -------------------------------------------------------------------------

/**
 * Helpers installed in every page before the app (as text: the functions of this file are
 * rewritten by the TypeScript runner and would not run in the page as they are).
 * __drawn(): every chart card has drawn and none waits for an answer;
 * __live(): the dataset is loaded and every build-time answer shown was answered live since.
 */
const PAGE_HELPERS = `
window.__drawn = function () {
  var cards = Array.prototype.slice.call(document.querySelectorAll('.chart-card'));
  return cards.length > 0 && !document.querySelector('.chart-body.dim') && cards.every(function (c) {
    return c.querySelector('.echart[data-rendered="true"]') || c.querySelector('[data-empty]');
  });
};
window.__live = function () {
  function n(name) { return performance.getEntriesByName(name).length; }
  return n('dataset-loaded') > 0 && n('stored-answer-confirmed') + n('stored-answer-replaced') >= n('stored-answer-shown');
};
window.__frame = function () { return new Promise(function (r) { requestAnimationFrame(r); }); };
`;
interface PageHelpers {
  __drawn(): boolean;
  __live(): boolean;
  __frame(): Promise<void>;
}

interface StartUp {
  firstFigure: number;
  overviewLive: number;
  engineReady: number;
  datasetLoaded: number;
  storedFirst: boolean;
  bytes: number;
  /** Bytes of an attached database's range responses (the engine's worker, not in the page's timing). */
  dbBytes: number;
  heap: number;
  /** DuckDB-WASM's buffer-managed memory in the page's engine (duckdb_memory()), after the Overview. */
  engineMemory: number;
}

async function startUp(browser: Browser, url: string): Promise<StartUp> {
  const context = await browser.newContext();
  await context.addInitScript({ content: PAGE_HELPERS });
  const page = await context.newPage();
  const dbSizes: Promise<number>[] = [];
  context.on('requestfinished', (r) => {
    if (/\/generated\/[^/]+\.duckdb$/.test(r.url())) dbSizes.push(r.sizes().then((x) => x.responseBodySize));
  });
  await page.goto(url);
  const firstFigure = (await (
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="kpi-new_requests"] [data-role="value"]');
        return el && /\d/.test(el.textContent ?? '') ? performance.now() : null;
      },
      undefined,
      { timeout: 120_000, polling: 'raf' },
    )
  ).jsonValue()) as number;
  const overviewLive = (await (
    await page.waitForFunction(
      () => {
        const h = window as unknown as PageHelpers;
        return h.__drawn() && h.__live() ? performance.now() : null;
      },
      undefined,
      { timeout: 120_000, polling: 'raf' },
    )
  ).jsonValue()) as number;
  const info = await page.evaluate(() => {
    const ready = performance.getEntriesByName('engine-ready')[0]?.startTime ?? NaN;
    const loaded = performance.getEntriesByName('dataset-loaded')[0]?.startTime ?? NaN;
    const shown = performance.getEntriesByName('stored-answer-shown')[0] as PerformanceMark | undefined;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      engineReady: ready,
      datasetLoaded: loaded,
      storedFirst: !!shown && !(shown.detail as { datasetLoaded: boolean }).datasetLoaded,
      bytes: resources.reduce((n, r) => n + (r.transferSize || r.encodedBodySize), nav?.transferSize ?? 0),
    };
  });
  const cdp = await context.newCDPSession(page);
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const engineMemory = await page.evaluate(() =>
    (window as unknown as { __dashboard: { engineMemory(): Promise<number> } }).__dashboard.engineMemory(),
  );
  const dbBytes = (await Promise.all(dbSizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { firstFigure, overviewLive, ...info, dbBytes, heap: usedSize, engineMemory };
}

async function bareCompile(browser: Browser, base: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}favicon.svg`);
  const t = await page.evaluate(async (u) => {
    const t0 = performance.now();
    await WebAssembly.compileStreaming(fetch(u));
    return performance.now() - t0;
  }, `${base}assets/${wasmFile}`);
  await context.close();
  return t;
}

/** A random filter state in the URL's own words (level, kind, a year range). */
function randomFilter(years: readonly number[], rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const parts: string[] = [];
  if (rnd() < 0.6) parts.push(`level=${pick(LEVELS).key}`);
  if (rnd() < 0.5) parts.push(`kind=${pick(KINDS).key}`);
  if (rnd() < 0.5 && years.length > 1) {
    const a = pick(years);
    const b = pick(years);
    parts.push(`y=${Math.min(a, b)}-${Math.max(a, b)}`);
  }
  return parts.join('&');
}

/** Milliseconds from a filter change (the URL) to every chart of the view redrawn. */
async function filterChanges(page: Page, view: string, years: readonly number[], keep = ''): Promise<number[]> {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: number[] = [];
  let last = '';
  while (out.length < CHANGES) {
    const f = randomFilter(years, rnd);
    if (f === last) continue;
    last = f;
    const t = await page.evaluate(
      async (hash) => {
        const h = window as unknown as PageHelpers;
        const t0 = performance.now();
        location.hash = hash;
        // The change has reached the charts once one of them waits, or after a few frames if the
        // answers came back within one frame.
        for (let i = 0; i < 5 && !document.querySelector('.chart-body.dim'); i++) await h.__frame();
        // A change never drawn within two minutes is recorded as missing (NaN), not waited on forever.
        while (!h.__drawn()) {
          if (performance.now() - t0 > 120_000) return NaN;
          await h.__frame();
        }
        return performance.now() - t0;
      },
      `#/${view}${[keep, f].some(Boolean) ? `?${[keep, f].filter(Boolean).join('&')}` : ''}`,
    );
    if (VERBOSE) console.log(`  ${view} ${f || '(no filter)'}: ${ms(t)}`);
    out.push(t);
    // Three changes in a row not drawn in two minutes: the view is not usable at this size; the rest
    // are counted as not drawn rather than waited for (each would take two minutes more).
    if (out.length >= 3 && out.slice(-3).every((x) => !Number.isFinite(x))) {
      while (out.length < CHANGES) out.push(NaN);
    }
  }
  return out;
}

async function typeahead(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (const text of ['示例', '公安', '教育', '卫生', '交通', '市场', '财政', '民政', '住房', '自然']) {
    await page.fill('[data-testid="agency-search"]', '');
    const t = await page.evaluate(async (txt) => {
      const input = document.querySelector('[data-testid="agency-search"]') as HTMLInputElement;
      const t0 = performance.now();
      input.value = txt;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (let i = 0; i < 600; i++) {
        if (document.querySelector('[role="listbox"] [role="option"]')) return performance.now() - t0;
        await (window as unknown as PageHelpers).__frame();
      }
      return NaN;
    }, text);
    out.push(t);
  }
  return out;
}

// --- the engine alone, in Node --------------------------------------------------------------------

interface EngineRatios {
  rulePass: number;
  wasmMemory: number;
  wasmAgg: number;
  typedAgg: number;
  nativeAgg: number;
}

const WHOLE_COPY_MAX = 200_000;

async function engineRatios(src: SizeSource): Promise<EngineRatios> {
  const runner = await createNodeRunner();
  if (src.kind === 'parquet') {
    await loadDataset(runner, { name: 'data.parquet', bytes: new Uint8Array(readFileSync(src.file)) });
  } else {
    // The database's reports copied into the engine's memory, as a loaded file would be.
    await runner.registerFile('data.duckdb', new Uint8Array(readFileSync(src.file)));
    await runner.query(sql`ATTACH 'data.duckdb' AS g (READ_ONLY)`);
    // Every column of 10^6 reports does not fit the engine's 32-bit memory: above WHOLE_COPY_MAX
    // only the aggregation's columns are copied, and the rule pass (precomputed in the file) and
    // the memory of a whole copy are not measured.
    if (src.reports <= WHOLE_COPY_MAX) await runner.query(sql`CREATE TABLE reports AS SELECT * FROM g.reports`);
    else await runner.query(sql`CREATE TABLE reports AS SELECT year, level, t3_new_total FROM g.reports`);
    await runner.query(sql`DETACH g`);
    await runner.dropFile('data.duckdb');
  }
  const whole = src.kind === 'parquet' || src.reports <= WHOLE_COPY_MAX;
  const time = async (f: () => Promise<unknown> | unknown, n = 15) => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await f();
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  const rulePass = whole ? await time(() => runner.query(ruleCountsTableSql('bench_rule_counts')), 3) : NaN;
  const mem = whole ? await runner.query(sql`SELECT sum(memory_usage_bytes) AS b FROM duckdb_memory()`) : [];
  // The same aggregation everywhere: new requests and reports per year and level.
  const AGG = `SELECT year, level, sum(t3_new_total) AS s, count(*) AS n FROM reports GROUP BY year, level`;
  const wasmAgg = await time(() => runner.query({ text: AGG, params: [] }));
  const cols = await runner.query({ text: 'SELECT year, level, t3_new_total AS v FROM reports', params: [] });
  const year = Int32Array.from(cols, (r) => Number(r.year));
  const levelNames = [...new Set(cols.map((r) => String(r.level)))];
  const level = Uint8Array.from(cols, (r) => levelNames.indexOf(String(r.level)));
  const v = Float64Array.from(cols, (r) => (r.v === null ? NaN : Number(r.v)));
  const typedAgg = await time(() => {
    const sums = new Map<number, [number, number]>();
    for (let i = 0; i < v.length; i++) {
      const k = (year[i] as number) * 16 + (level[i] as number);
      let e = sums.get(k);
      if (!e) sums.set(k, (e = [0, 0]));
      const x = v[i] as number;
      if (x === x) e[0] += x;
      e[1] += 1;
    }
    return sums;
  });
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const quoted = src.file.replaceAll("'", "''");
  if (src.kind === 'parquet') await conn.run(`CREATE TABLE reports AS SELECT * FROM read_parquet('${quoted}')`);
  else {
    await conn.run(`ATTACH '${quoted}' AS g (READ_ONLY)`);
    await conn.run('CREATE TABLE reports AS SELECT * FROM g.reports');
  }
  const nativeAgg = await time(async () => (await conn.runAndReadAll(AGG)).getRows());
  conn.closeSync();
  return { rulePass, wasmMemory: Number(mem[0]?.b ?? NaN), wasmAgg, typedAgg, nativeAgg };
}

// --- sizes ---------------------------------------------------------------------------------------

interface SizeResult {
  size: string;
  reports: number | null;
  skipped?: string;
  baselineCompile?: number;
  startUp?: StartUp;
  filter?: Record<string, { p50: number; p95: number; n: number; missed: number }>;
  typeahead?: { p50: number; p95: number };
  engine?: EngineRatios;
  /** The attached database file's size (generated sizes). */
  dbFile?: number;
}

/** A dataset size: the bundled demo, or a generated database attached over HTTP (`?ds=db:`). */
interface SizeSource {
  url: string;
  /** The data for the Node-side measures: a Parquet file, or a DuckDB database file. */
  file: string;
  kind: 'parquet' | 'duckdb';
  reports: number;
}

/** Where the app opens a size; generated sizes are made by scripts/generate-scale.ts when missing. */
function sizeSource(size: string): SizeSource | string {
  if (size === 'demo') return { url: '', file: join(root, 'datasets/demo.parquet'), kind: 'parquet', reports: 5393 };
  const n = Number(size);
  if (!Number.isInteger(n) || n <= 0) return `unknown size ${size}`;
  const name = `generated-${n}-s1`;
  const db = join(root, `datasets/generated/${name}.duckdb`);
  const manifest = join(root, `datasets/generated/${name}.manifest.json`);
  if (!existsSync(db) || !existsSync(manifest)) {
    console.log(`generating ${n} reports …`);
    execFileSync('npx', ['tsx', 'scripts/generate-scale.ts', '--reports', String(n), '--seed', '1'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  return {
    url: `?ds=${encodeURIComponent(`db:generated/${name}.manifest.json`)}`,
    file: db,
    kind: 'duckdb',
    reports: n,
  };
}

const h = await startHarness();
const results: SizeResult[] = [];
try {
  for (const size of sizes) {
    const src = sizeSource(size);
    if (typeof src === 'string') {
      console.log(`skipping ${size}: ${src}`);
      results.push({ size, reports: null, skipped: src });
      continue;
    }
    console.log(`measuring ${size} …`);
    const base = h.baseUrl;
    const compile: number[] = [];
    const starts: StartUp[] = [];
    for (let i = 0; i < RUNS; i++) {
      compile.push(await bareCompile(h.browser, base));
      starts.push(await startUp(h.browser, `${base}#/overview${src.url}`));
    }
    const pick = (k: keyof StartUp) => median(starts.map((s) => Number(s[k])));
    const startUpMedian: StartUp = {
      firstFigure: pick('firstFigure'),
      overviewLive: pick('overviewLive'),
      engineReady: pick('engineReady'),
      datasetLoaded: pick('datasetLoaded'),
      storedFirst: starts.every((s) => s.storedFirst),
      bytes: pick('bytes'),
      dbBytes: pick('dbBytes'),
      heap: pick('heap'),
      engineMemory: pick('engineMemory'),
    };
    const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: PAGE_HELPERS });
    const page = await context.newPage();
    const filter: SizeResult['filter'] = {};
    const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
    // Filter changes are timed without ECharts' update transition (`noanim`): the time until every
    // chart shows the new answers, not the 300 ms the bars then take to glide to them.
    const keep = ['noanim=1', src.url.replace(/^\?/, '')].filter(Boolean).join('&');
    for (const view of ['overview', 'compare']) {
      await page.goto(`${base}#/${view}?${keep}`);
      await page.waitForFunction(
        () => (window as unknown as PageHelpers).__drawn() && (window as unknown as PageHelpers).__live(),
        undefined,
        { timeout: 120_000 },
      );
      await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
        timeout: 120_000,
      });
      const xs = await filterChanges(page, view, years, keep);
      const drawn = xs.filter(Number.isFinite);
      filter[view] = {
        p50: median(drawn),
        p95: quantile(drawn, 0.95),
        n: drawn.length,
        missed: xs.length - drawn.length,
      };
    }
    await page.goto(`${base}#/overview${src.url}`);
    await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
      timeout: 120_000,
    });
    const ta = (await typeahead(page)).filter(Number.isFinite);
    await context.close();
    results.push({
      size,
      reports: src.reports,
      baselineCompile: median(compile),
      startUp: startUpMedian,
      filter,
      typeahead: { p50: median(ta), p95: quantile(ta, 0.95) },
      engine: await engineRatios(src),
      ...(src.kind === 'duckdb' ? { dbFile: statSync(src.file).size } : {}),
    });
  }
} finally {
  await h.close();
}

// --- report --------------------------------------------------------------------------------------

const chromium = execFileSync('sh', ['-c', 'chromium --version 2>/dev/null || true']).toString().trim();
const machine = {
  cores: cpus().length,
  memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  chromium,
  node: process.version,
  date: new Date().toISOString(),
};
const js = initialJs();
const lines: string[] = [
  `| measure | ${results.map((r) => r.size).join(' | ')} |`,
  `| --- | ${results.map(() => '---').join(' | ')} |`,
];
const row = (what: string, f: (r: SizeResult) => string) =>
  lines.push(`| ${what} | ${results.map((r) => (r.skipped ? 'skipped' : f(r))).join(' | ')} |`);
row('reports', (r) => String(r.reports ?? '—'));
row('bare compile of the engine wasm', (r) => ms(r.baselineCompile ?? NaN));
row(
  'navigation → first figure',
  (r) =>
    `${ms(r.startUp?.firstFigure ?? NaN)} (${((r.startUp?.firstFigure ?? NaN) / (r.baselineCompile ?? NaN)).toFixed(2)}× compile)`,
);
row('first figure from build-time answers', (r) => (r.startUp?.storedFirst ? 'yes' : 'no'));
row('navigation → engine ready', (r) => ms(r.startUp?.engineReady ?? NaN));
row('navigation → dataset loaded (rules evaluated)', (r) => ms(r.startUp?.datasetLoaded ?? NaN));
row('navigation → every Overview chart live', (r) => ms(r.startUp?.overviewLive ?? NaN));
row('filter → all Overview charts, p50 / p95', (r) => filterCell(r.filter?.overview));
row('filter → all Compare charts, p50 / p95', (r) => filterCell(r.filter?.compare));
row('agency typeahead, p50 / p95', (r) => `${ms(r.typeahead?.p50 ?? NaN)} / ${ms(r.typeahead?.p95 ?? NaN)}`);
row('bytes transferred (cold)', (r) => mb(r.startUp?.bytes ?? NaN));
row('of which database ranges / file size', (r) =>
  r.dbFile ? `${mb(r.startUp?.dbBytes ?? NaN)} / ${mb(r.dbFile)}` : '—',
);
row('JS heap of the page', (r) => mb(r.startUp?.heap ?? NaN));
row('engine memory in the page (DuckDB-WASM, after the Overview)', (r) => mb(r.startUp?.engineMemory ?? NaN));
row('engine memory (DuckDB-WASM, Node, same data)', (r) => mb(r.engine?.wasmMemory ?? NaN));
row('rule pass over all reports (DuckDB-WASM, Node)', (r) => ms(r.engine?.rulePass ?? NaN));
row(
  'aggregation: DuckDB-WASM / typed arrays / native',
  (r) =>
    `${(r.engine?.wasmAgg ?? NaN).toFixed(2)} / ${(r.engine?.typedAgg ?? NaN).toFixed(2)} / ${(r.engine?.nativeAgg ?? NaN).toFixed(2)} ms`,
);
row('DuckDB-WASM ÷ typed arrays', (r) => `${((r.engine?.wasmAgg ?? NaN) / (r.engine?.typedAgg ?? NaN)).toFixed(1)}×`);
row('DuckDB-WASM ÷ native DuckDB', (r) => `${((r.engine?.wasmAgg ?? NaN) / (r.engine?.nativeAgg ?? NaN)).toFixed(1)}×`);
lines.push('', `initial JS besides the engine: ${(js.gzip / 1024).toFixed(0)} KB gzip (${js.files.length} files)`);
for (const r of results.filter((x) => x.skipped)) lines.push(`skipped ${r.size}: ${r.skipped}`);

console.log(`\nmachine: ${machine.cores} cores, ${machine.memory}, ${machine.chromium}, Node ${machine.node}\n`);
console.log(lines.join('\n'));
mkdirSync(join(root, 'bench-results'), { recursive: true });
const out = join(root, 'bench-results', `browser-${machine.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(out, `${JSON.stringify({ machine, initialJs: js, results, table: lines }, null, 2)}\n`);
console.log(`\nwritten: ${out}`);
