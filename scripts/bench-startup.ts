/**
 * Start-up speed of the built app in headless Chromium: from navigation to the Overview's headline
 * figures on the bundled demo dataset, cold (fresh profile) and warm (a second visit, with the
 * browser's HTTP and compiled-wasm caches). The baseline, measured in the same browser, is the bare
 * `WebAssembly.compileStreaming` of DuckDB-WASM's engine: the part no app code can shorten, so the
 * ratio says how much the app adds on top of it. Run `npm run build` first.
 * Usage: tsx scripts/bench-startup.ts [runs]
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startHarness } from '../tests/e2e/harness';

const runs = Number(process.argv[2] ?? 5);
const assets = resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.E2E_DIST ?? 'dist', 'assets');
if (!existsSync(assets)) {
  console.error('bench-startup: no dist/ — run `npm run build` first.');
  process.exit(1);
}
const wasm = readdirSync(assets).find((f) => /^duckdb-eh-.*\.wasm$/.test(f));
if (!wasm) throw new Error('bench-startup: the engine wasm is missing from dist/assets');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Milliseconds from navigation start to each step, read from the page's own clock and marks. */
async function startUp(page: Page, url: string) {
  await page.goto(url);
  const kpis = await page
    .waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="kpi-new_requests"] [data-role="value"]');
        return el && /\d/.test(el.textContent ?? '') ? performance.now() : null;
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue() as Promise<number>);
  // The headline may come from the build-time answers before the data is in: wait for the load.
  await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
    timeout: 60_000,
  });
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  );
  const mark = (name: string) => marks[name] ?? NaN;
  return {
    kpis,
    instantiated: mark('engine-instantiated'),
    engine: mark('engine-ready'),
    loadStart: mark('dataset-load-start'),
    loaded: mark('dataset-loaded'),
  };
}

const h = await startHarness();
const app = `${h.baseUrl}#/overview?noanim=1`;
const rows: Record<string, number[]> = {
  'baseline: compile the engine wasm': [],
  'cold: dataset fetched, decoding': [],
  'cold: engine instantiated': [],
  'cold: engine ready': [],
  'cold: dataset loaded': [],
  'cold: headline figures shown': [],
  'warm: headline figures shown': [],
};
try {
  for (let i = 0; i < runs; i++) {
    const base = await h.browser.newContext();
    const blank = await base.newPage();
    await blank.goto(`${h.baseUrl}favicon.svg`);
    rows['baseline: compile the engine wasm']?.push(
      await blank.evaluate(async (u) => {
        const t0 = performance.now();
        await WebAssembly.compileStreaming(fetch(u));
        return performance.now() - t0;
      }, `${h.baseUrl}assets/${wasm}`),
    );
    await base.close();

    const context = await h.browser.newContext();
    const cold = await startUp(await context.newPage(), app);
    rows['cold: dataset fetched, decoding']?.push(cold.loadStart);
    rows['cold: engine instantiated']?.push(cold.instantiated);
    rows['cold: engine ready']?.push(cold.engine);
    rows['cold: dataset loaded']?.push(cold.loaded);
    rows['cold: headline figures shown']?.push(cold.kpis);
    const warm = await startUp(await context.newPage(), app);
    rows['warm: headline figures shown']?.push(warm.kpis);
    await context.close();
  }
} finally {
  await h.close();
}

const baseline = median(rows['baseline: compile the engine wasm'] ?? []);
console.log(`start-up in headless Chromium, median of ${runs} runs (ms from navigation start)`);
for (const [what, xs] of Object.entries(rows)) {
  const m = median(xs);
  console.log(`${what.padEnd(36)} ${m.toFixed(0).padStart(6)} ms  ${(m / baseline).toFixed(1).padStart(5)}× baseline`);
}
