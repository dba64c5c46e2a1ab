import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page, Request } from 'playwright-core';
import { openHeld, openPage, screenshot, startHarness, waitForCharts, waitForLive, type Harness } from './harness';
import { rawDataset, shownNumber } from './support';
import { writeDatabaseAnswers, writeScaleDatabase, type DatabaseManifest } from '../../scripts/lib/scale-database';

// A generated 10^4-report database, served by the preview server at ./generated/ (vite.config.ts)
// with range requests, attached by the app over HTTP (`?ds=db:<manifest-url>`).
const OUT = fileURLToPath(new URL('../../datasets/generated', import.meta.url));
const REPORTS = 10_000;
const SEED = 1;

let h: Harness;
let manifest: DatabaseManifest;
let dbPath: string;

beforeAll(async () => {
  const written = async () => {
    const w = await writeScaleDatabase(REPORTS, SEED, OUT);
    // The answer book of its default views, recorded by the app's own query code (as generate:scale does).
    await writeDatabaseAnswers(w.manifestPath);
    return w;
  };
  [h, { manifest, path: dbPath }] = await Promise.all([startHarness(), written()]);
}, 240_000);
afterAll(async () => {
  await h?.close();
});

/** The Overview's headline figures, by hand with native DuckDB on the same file (not the app's SQL). */
async function expected(path: string) {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const [latest] = (await conn.runAndReadAll('SELECT max(year) AS y FROM reports')).getRowObjectsJS();
    const y = Number(latest?.y);
    const [row] = (
      await conn.runAndReadAll(
        `SELECT sum(t3_new_total) AS new_total,
                sum(t3_granted_total + t3_partial_total) FILTER (WHERE t3_total_total IS NOT NULL) AS disclosed,
                sum(t3_total_total) FILTER (WHERE t3_granted_total + t3_partial_total IS NOT NULL) AS handled,
                sum(t4_review_total) AS reviews
         FROM reports WHERE year = $1`,
        [y],
      )
    ).getRowObjectsJS();
    return {
      year: y,
      newTotal: Number(row?.new_total),
      disclosure: Math.round((Number(row?.disclosed) / Number(row?.handled)) * 1000) / 10,
      reviews: Number(row?.reviews),
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** How many bytes of the file the `Range` headers cover together (overlaps counted once). */
function distinctBytes(ranges: readonly string[], size: number): number {
  const spans = ranges
    .map((r) => /^bytes=(\d+)-(\d*)$/.exec(r))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -1;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end + 1) + 1;
    end = to;
  }
  return total;
}

const kpi = async (page: Page, key: string) =>
  (await page.locator(`[data-testid="kpi-${key}"] [data-role="value"]`).innerText()).trim();

describe('a generated database attached over HTTP', () => {
  it('shows the Overview with figures equal to native DuckDB on the file, reading less than the file', async () => {
    const { page, errors } = await openPage(h, 'about:blank');
    // Every response of the database file, the engine's worker included (context-wide events).
    const responses: { status: number; bytes: number; range: string | undefined }[] = [];
    const pending: Promise<void>[] = [];
    page.context().on('requestfinished', (r: Request) => {
      if (!r.url().endsWith(`/generated/${manifest.file}`)) return;
      pending.push(
        (async () => {
          const sizes = await r.sizes();
          const res = await r.response();
          responses.push({ status: res?.status() ?? 0, bytes: sizes.responseBodySize, range: r.headers().range });
        })(),
      );
    });
    const ds = encodeURIComponent(`db:generated/${manifest.name}.manifest.json`);
    await page.goto(new URL(`#/overview?noanim=1&ds=${ds}`, h.baseUrl).toString());
    await waitForCharts(page);
    // The live engine has answered every question (the answer book's figures come first).
    await waitForLive(page);
    const want = await expected(dbPath);

    expect(await page.locator('[data-testid="generated-badge"]').innerText()).toBe('演示数据（生成）');
    expect(await page.locator('.view-title').innerText()).toContain(String(want.year));
    expect(want.newTotal).toBeGreaterThan(0);
    expect(shownNumber(await kpi(page, 'new_requests'))).toBe(want.newTotal);
    expect(shownNumber(await kpi(page, 'disclosure_rate'))).toBe(want.disclosure);
    expect(shownNumber(await kpi(page, 'review_cases'))).toBe(want.reviews);
    expect(await page.locator('.chart-card canvas').count()).toBe(3);
    for (const src of await page.locator('.chart-source').allInnerTexts()) expect(src).toContain('演示数据（生成）');

    await Promise.all(pending);
    expect(responses.length).toBeGreaterThan(1);
    // Read in ranges only: never a whole-file answer.
    expect(responses.filter((r) => r.status !== 206 || !r.range)).toEqual([]);
    const fetched = responses.reduce((sum, r) => sum + r.bytes, 0);
    // HEAD requests (with `Range: bytes=0-`, no body) ask for the size only.
    const bodies = responses.filter((r) => r.bytes > 0);
    const distinct = distinctBytes(
      bodies.map((r) => r.range ?? ''),
      manifest.bytes,
    );
    console.log(
      `database ${manifest.bytes} bytes; fetched ${fetched} in ${responses.length} responses, ${distinct} distinct`,
    );
    // The bytes of the file the Overview needed are fewer than the file. (The sum of responses is
    // about the file's size at 10^4 reports: DuckDB-WASM's read-ahead fetches some ranges twice;
    // BENCHMARKS.md has the figures.)
    expect(distinct).toBeLessThan(manifest.bytes);
    await screenshot(page, 'overview-remote-database');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the first figures from the file's answer book before the engine is up; the live ones equal them", async () => {
    // The engine's wasm is held back: any figure shown before it is released came from the book.
    const ds = encodeURIComponent(`db:generated/${manifest.name}.manifest.json`);
    const { page, errors, release } = await openHeld(h, `#/overview?noanim=1&ds=${ds}`);
    await waitForCharts(page);
    const want = await expected(dbPath);
    expect(shownNumber(await kpi(page, 'new_requests'))).toBe(want.newTotal);
    expect(shownNumber(await kpi(page, 'disclosure_rate'))).toBe(want.disclosure);
    expect(await page.locator('[data-testid="generated-badge"]').innerText()).toBe('演示数据（生成）');
    const count = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);
    expect(await count('dataset-loaded')).toBe(0);
    const shown = await count('stored-answer-shown');
    expect(shown).toBeGreaterThan(0);
    const before = await page.locator('[data-testid="kpis"]').innerText();

    await release();
    await waitForLive(page);
    expect(await count('dataset-loaded')).toBe(1);
    expect(await count('stored-answer-replaced')).toBe(0);
    expect(await count('stored-answer-confirmed')).toBe(shown);
    expect(await page.locator('[data-testid="kpis"]').innerText()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores a book not recorded from this file: the figures wait for the engine', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let served = 0;
    // The book of another file (another hash) served under this file's name.
    await page.route(/\.answers\.json$/, async (r) => {
      const res = await r.fetch();
      const book = (await res.json()) as { contentHash: string };
      served += 1;
      await r.fulfill({ response: res, json: { ...book, contentHash: '000000000000' } });
    });
    const ds = encodeURIComponent(`db:generated/${manifest.name}.manifest.json`);
    await page.goto(new URL(`#/overview?noanim=1&ds=${ds}`, h.baseUrl).toString());
    await waitForCharts(page);
    await waitForLive(page);
    expect(served).toBe(1);
    const marks = await page.evaluate(() => performance.getEntriesByName('stored-answer-shown').length);
    expect(marks).toBe(0);
    expect(shownNumber(await kpi(page, 'new_requests'))).toBe((await expected(dbPath)).newTotal);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives way to a bundled dataset: its views are dropped and the demo loads as usual', async () => {
    const ds = encodeURIComponent(`db:generated/${manifest.name}.manifest.json`);
    const { page, errors } = await openPage(h, `#/overview?noanim=1&ds=${ds}`);
    await waitForCharts(page);
    const demo = await rawDataset('demo.csv');
    const [row] = await demo('SELECT sum(t3_new_total) AS n FROM raw WHERE year = (SELECT max(year) FROM raw)');
    await page.evaluate(() => (location.hash = '#/overview?noanim=1'));
    await page.waitForFunction(
      (want) => {
        const el = document.querySelector('[data-testid="kpi-new_requests"] [data-role="value"]');
        return el && el.textContent?.replace(/[^\d]/g, '') === want;
      },
      String(Number(row?.n)),
      { timeout: 60_000 },
    );
    // Loaded live (not only the build-time answers): the attach and then the demo marked their load.
    await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length >= 2, undefined, {
      timeout: 60_000,
    });
    await waitForCharts(page);
    expect(await page.locator('[data-testid="kpis"]').count()).toBe(1);
    expect(await page.locator('[data-testid="generated-badge"]').innerText()).toBe('演示数据（生成）');
    expect(errors).toEqual([]);
    await page.close();
  });
  it('used beside another dataset, its rows join the union (the real sample beside it)', async () => {
    const ds = encodeURIComponent(`db:generated/${manifest.name}.manifest.json`);
    const { page, errors } = await openPage(h, `#/overview?noanim=1&ds=${ds}&with=real`);
    await waitForCharts(page);
    // By hand: the file's reports and the real sample's, summed for the latest year of the two.
    const real = await rawDataset('real.csv');
    const realRows = await real('SELECT year, t3_new_total AS n FROM raw');
    expect(realRows.length).toBeGreaterThan(0);
    const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    const fileRows = (await conn.runAndReadAll('SELECT year, t3_new_total AS n FROM reports')).getRowObjectsJS();
    conn.closeSync();
    instance.closeSync();
    const all = [...realRows, ...fileRows].map((r) => ({ year: Number(r.year), n: r.n == null ? 0 : Number(r.n) }));
    const year = Math.max(...all.map((r) => r.year));
    const want = all.filter((r) => r.year === year).reduce((a, r) => a + r.n, 0);
    await page.waitForFunction(
      (w) => {
        const el = document.querySelector('[data-testid="kpi-new_requests"] [data-role="value"]');
        return el && el.textContent?.replace(/[^\d]/g, '') === w;
      },
      String(want),
      { timeout: 120_000 },
    );
    expect(await page.locator('.view-title').innerText()).toContain(String(year));
    expect(errors).toEqual([]);
    await page.close();
  });
});
