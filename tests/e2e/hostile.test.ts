/**
 * The hostile-input corpus (scripts/lib/hostile-corpus.ts) through the built app in headless
 * Chromium, under the app's Content-Security-Policy: a good dataset is loaded first, then hostile
 * dataset files go through the Data view's file input, hostile report documents through the Import
 * view, and tampered links through the address. After each: the data loaded before is unchanged
 * (the headline figure equal), no dialog opened and no script ran (a flag the payloads' `alert`
 * would set, the dialog event, the console), no engine text reached the page, and the main thread
 * never stalled for 2 s (a `longtask` observer installed before the app, checked to be alive).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  committedPath,
  DATASET_CASES,
  DOCUMENT_CASES,
  URL_CASES,
  type DatasetCase,
  type DocumentCase,
} from '../../scripts/lib/hostile-corpus';
import { openPage, startHarness, waitForCharts, type Harness } from './harness';
import { projectPath } from '../support/engine';

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'hostile-e2e-'));
});
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The longest the main thread may be busy at once while the app handles hostile input. */
const MAX_STALL_MS = 2_000;
/** What only the engine or a reader library says: never for the user's eyes. */
const RAW_TEXT =
  /Binder Error|Parser Error|Conversion Error|Invalid Input Error|Out of Memory|Exception|InvalidPDF|node_modules|\[object |\bat \S+ \(/;
const headline = '[data-testid="kpi-new_requests"] [data-role="value"]';

/** Runs in the page before the app: long tasks, and a flag any `alert`/`confirm`/`prompt` sets. */
function instrument(): void {
  const w = window as unknown as { __longTasks: number[]; __scriptRan: string[] };
  w.__longTasks = [];
  w.__scriptRan = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  for (const k of ['alert', 'confirm', 'prompt', 'print'] as const) {
    (window as unknown as Record<string, unknown>)[k] = (...args: unknown[]) => {
      w.__scriptRan.push(`${k}(${args.map(String).join(',')})`);
      return null;
    };
  }
}

/** A file on disk for the file input (a path, so large files need not cross the protocol as one buffer). */
function fileOf(c: DatasetCase | DocumentCase): string {
  const path = join(dir, c.file);
  writeFileSync(path, c.committed ? readFileSync(projectPath(committedPath(c))) : c.make());
  return path;
}

interface Watch {
  page: Page;
  errors: string[];
  dialogs: string[];
}

async function open(path: string): Promise<Watch> {
  const dialogs: string[] = [];
  const { page, errors } = await openPage(h, path, undefined, async (p) => {
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await p.addInitScript(instrument);
  });
  return { page, errors, dialogs };
}

/** Long tasks seen since the last call (and clears them). */
const takeLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    return w.__longTasks.splice(0);
  });

/** The observer is there and reports: a 150 ms task of our own must show up. */
async function observerAlive(page: Page): Promise<boolean> {
  await takeLongTasks(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          const end = performance.now() + 150;
          while (performance.now() < end) {
            /* busy on purpose */
          }
          setTimeout(resolve, 50);
        }, 0),
      ),
  );
  await page.waitForTimeout(100);
  return (await takeLongTasks(page)).some((d) => d >= 140);
}

/** No script ran, no dialog, no console error, no engine text on the page; gives the longest task. */
async function checkClean(w: Watch, label: string): Promise<number> {
  const ran = await w.page.evaluate(() => (window as unknown as { __scriptRan: string[] }).__scriptRan.slice());
  expect(ran, label).toEqual([]);
  expect(w.dialogs, label).toEqual([]);
  expect(w.errors, label).toEqual([]);
  const text = await w.page.locator('body').innerText();
  expect(text, label).not.toMatch(RAW_TEXT);
  const tasks = await takeLongTasks(w.page);
  return Math.max(0, ...tasks);
}

async function headlineOf(page: Page): Promise<string> {
  await page.locator('[data-testid="tab-overview"]').click();
  await waitForCharts(page);
  await expect.poll(() => page.locator(headline).innerText(), { timeout: 60_000 }).toMatch(/\d/);
  return page.locator(headline).innerText();
}

/** Loads a dataset file through the Data view; resolves once it was accepted or refused. */
async function loadFile(page: Page, path: string): Promise<'ok' | 'refused'> {
  await page.locator('[data-testid="tab-data"]').click();
  const input = page.locator('[data-testid="file-input"]');
  await input.waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="file-input"]') as HTMLInputElement | null)?.disabled,
    undefined,
    { timeout: 60_000 },
  );
  await input.setInputFiles(path);
  const name = path.split('/').pop() as string;
  await page.waitForFunction(
    (file) => {
      const busy = document.querySelector('[data-testid="load-progress"], [data-testid="loading"]');
      const failure = document.querySelector('[data-testid="load-failure"]')?.textContent ?? '';
      const ok = document.querySelector('[data-testid="load-ok"]')?.textContent ?? '';
      return !busy && (failure.includes(file) || ok.includes(file));
    },
    name,
    { timeout: 60_000 },
  );
  return (await page.locator('[data-testid="load-failure"]').count()) > 0 ? 'refused' : 'ok';
}

const GOOD = projectPath('tests/fixtures/data/wide.csv');
const refusedDatasets = DATASET_CASES.filter((c) => c.expect.outcome === 'refused');
/** Accepted files whose names carry markup, formulas or control characters: shown, never run. */
const SHOWN = new Set(['xss-names', 'formula-names', 'parquet-ok', 'xlsx-ok', 'control-chars', 'rtl-marks']);
const shownDatasets = DATASET_CASES.filter((c) => SHOWN.has(c.id));

describe('the hostile corpus in the browser', () => {
  it('keeps the loaded data, runs no script and never stalls, for dataset files and report documents', async () => {
    expect(refusedDatasets.length).toBeGreaterThan(20);
    expect(shownDatasets.length).toBe(SHOWN.size);
    const w = await open('#/data?noanim=1');
    const { page } = w;
    expect(await observerAlive(page)).toBe(true);
    await page.locator('[data-testid="loaded-summary"]').waitFor({ timeout: 90_000 });
    expect(await loadFile(page, GOOD)).toBe('ok');
    const before = await headlineOf(page);
    const summary = async () => {
      await page.locator('[data-testid="tab-data"]').click();
      return page.locator('[data-testid="loaded-summary"]').innerText();
    };
    const summaryBefore = await summary();
    const startUp = await checkClean(w, 'start');

    const stalls: Record<string, number> = {};
    for (const c of refusedDatasets) {
      expect(await loadFile(page, fileOf(c)), c.id).toBe('refused');
      expect(await page.locator('[data-testid="load-failure"]').innerText(), c.id).toContain(c.file);
      expect(await summary(), c.id).toBe(summaryBefore);
      stalls[c.id] = await checkClean(w, c.id);
      if (process.env.HOSTILE_TRACE) console.log(c.id, Math.round(stalls[c.id] ?? 0));
    }
    expect(await headlineOf(page)).toBe(before);

    // Names carrying markup are loaded and drawn (the Overview's charts, Compare's ranking).
    for (const c of shownDatasets) {
      expect(await loadFile(page, fileOf(c)), c.id).toBe('ok');
      await page.locator('[data-testid="tab-compare"]').click();
      await page.locator('.compare-view, .view').first().waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () => !document.querySelector('[data-testid="loading"], [data-testid="load-progress"], .chart-body.dim'),
        undefined,
        {
          timeout: 60_000,
        },
      );
      await page.locator('[data-testid="tab-overview"]').click();
      await waitForCharts(page);
      stalls[c.id] = await checkClean(w, c.id);
    }
    expect(await loadFile(page, GOOD)).toBe('ok');
    expect(await headlineOf(page)).toBe(before);

    // Report documents: read or refused in the review queue, nothing added to the data.
    await page.locator('[data-testid="tab-import"]').click();
    await page.locator('[data-testid="report-drop"]').waitFor({ timeout: 60_000 });
    const documents = DOCUMENT_CASES;
    expect(documents.length).toBeGreaterThan(15);
    for (const c of documents) {
      await page.locator('[data-testid="report-input"]').setInputFiles(fileOf(c));
      const row = page.locator(`[data-testid="queue-row"][data-file="${c.file}"]`);
      await expect
        .poll(async () => (await row.count()) > 0 && (await row.first().getAttribute('data-status')), {
          timeout: 60_000,
        })
        .not.toMatch(/^(false|parsing)$/);
      stalls[c.id] = await checkClean(w, c.id);
      if (process.env.HOSTILE_TRACE) console.log(c.id, Math.round(stalls[c.id] ?? 0));
    }
    // A document of nothing but 200-wide spans is refused with its reason, not shown as a blank row.
    await page.locator('[data-testid="queue-row"][data-file="spans.html"] [data-testid="queue-open"]').click();
    const spans = page.locator('[data-testid="import-item"][data-file="spans.html"]');
    await spans.waitFor({ timeout: 30_000 });
    const said = await spans.innerText();
    expect(said).toContain('读不出数据');
    expect(said).toContain('spans.html：表格的合并单元格过多');
    expect(await summary()).toBe(summaryBefore);
    expect(await headlineOf(page)).toBe(before);

    expect(await observerAlive(page)).toBe(true);
    const worst = Object.entries(stalls).sort((a, b) => b[1] - a[1]);
    console.log(
      `start-up and first load: longest task ${Math.round(startUp)} ms`,
      `longest main-thread tasks: ${worst
        .slice(0, 5)
        .map(([k, v]) => `${k} ${Math.round(v)} ms`)
        .join(', ')}`,
    );
    expect(worst.length).toBe(refusedDatasets.length + shownDatasets.length + documents.length);
    for (const [id, ms] of worst) expect(ms, id).toBeLessThan(MAX_STALL_MS);
    await page.close();
  }, 420_000);

  it('opens every tampered link as a working page and comes back to the same figures', async () => {
    const w = await open('#/overview?noanim=1');
    const { page } = w;
    expect(await observerAlive(page)).toBe(true);
    await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
      timeout: 90_000,
    });
    const before = await headlineOf(page);
    await checkClean(w, 'start');
    const stalls: Record<string, number> = {};
    for (const c of URL_CASES) {
      const query = new URLSearchParams({ ...c.query, noanim: '1' }).toString();
      await page.evaluate((hash) => {
        location.hash = hash;
      }, `#${c.path}?${query}`);
      // A view or the page's own message (a dataset this browser does not have) is shown.
      await page.waitForFunction(
        () =>
          document.querySelector('.view, [data-testid="dataset-missing"]') &&
          !document.querySelector('[data-testid="loading"], [data-testid="load-progress"]'),
        undefined,
        { timeout: 60_000 },
      );
      if (c.missingDataset) {
        await page.locator('[data-testid="dataset-missing"]').waitFor({ timeout: 30_000 });
      }
      stalls[c.id] = await checkClean(w, c.id);
      // Back to a plain link: the same data, the same figure.
      await page.evaluate(() => {
        location.hash = '#/overview?v=1&noanim=1';
      });
      await waitForCharts(page);
      expect(await page.locator(headline).innerText(), c.id).toBe(before);
    }
    expect(Object.keys(stalls).length).toBe(URL_CASES.length);
    const worst = Object.entries(stalls).sort((a, b) => b[1] - a[1])[0];
    console.log(`links: longest main-thread task ${worst?.[0]} ${Math.round(worst?.[1] ?? 0)} ms`);
    for (const [id, ms] of Object.entries(stalls)) expect(ms, id).toBeLessThan(MAX_STALL_MS);
    expect(await observerAlive(page)).toBe(true);
    await page.close();
  }, 300_000);
});
