import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, openPage, startHarness, waitForCharts, type Harness } from './harness';
import { rawDataset } from './support';

/*
 * The written findings in the built app: every number of the paragraph is one shown on the page
 * (the KPI cards, the ranking table), and the main ones equal an independent query of the raw CSV.
 */

let h: Harness;
let demo: Awaited<ReturnType<typeof rawDataset>>;

beforeAll(async () => {
  [h, demo] = await Promise.all([startHarness(), rawDataset('demo.csv')]);
});
afterAll(async () => {
  await h?.close();
});

const LANGS = ['zh', 'en'] as const;
const locale = (lang: 'zh' | 'en') => (lang === 'zh' ? 'zh-CN' : 'en-US');
const count = (n: unknown, lang: 'zh' | 'en') => Number(n).toLocaleString(locale(lang));

/** The numbers of a text as written: "3,525" → 3525, "−10.4" → 10.4. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
}

/** The paragraph once its figures have arrived (the card shows "…" until then). */
async function findingsText(page: Page): Promise<string> {
  const p = page.locator('[data-testid="findings"] [data-role="findings-text"]');
  await p.and(page.locator(':not(.pending)')).waitFor({ timeout: 60_000 });
  return (await p.innerText()).trim();
}

async function shot(page: Page, name: string, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.locator('[data-testid="findings"]').screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/** The latest year, its reports, and the like-for-like change of new requests, from the raw file. */
async function overviewExpected() {
  const [latest] = await demo(`SELECT max(year) AS y FROM raw`);
  const y = Number(latest?.y);
  const [row] = await demo(
    `SELECT count(*) AS reports, sum(t3_new_total) AS new_total,
            sum(t3_granted_total + t3_partial_total) FILTER (WHERE t3_total_total IS NOT NULL) AS disclosed,
            sum(t3_total_total) FILTER (WHERE t3_granted_total + t3_partial_total IS NOT NULL) AS handled
     FROM raw WHERE year = ?`,
    [y],
  );
  const [like] = await demo(
    `SELECT count(*) AS agencies, sum(a.t3_new_total) AS prev, sum(b.t3_new_total) AS cur
     FROM raw a JOIN raw b ON a.agency_id = b.agency_id AND a.year = ? AND b.year = ?
     WHERE a.t3_new_total IS NOT NULL AND b.t3_new_total IS NOT NULL`,
    [y - 1, y],
  );
  const change = (Number(like?.cur) / Number(like?.prev) - 1) * 100;
  return {
    year: y,
    reports: Number(row?.reports),
    newTotal: Number(row?.new_total),
    disclosure: Math.round((Number(row?.disclosed) / Number(row?.handled)) * 1000) / 10,
    matched: Number(like?.agencies),
    change: Math.round(Math.abs(change) * 10) / 10,
    fell: change < 0,
  };
}

describe('Written findings', () => {
  for (const lang of LANGS) {
    it(`Overview: the paragraph's numbers are the KPI cards' and an independent query's (${lang})`, async () => {
      const { page, errors } = await openPage(h, `#/overview?noanim=1${lang === 'en' ? '&lang=en' : ''}`, {
        width: 1440,
        height: 900,
      });
      await waitForCharts(page);
      const text = await findingsText(page);
      const want = await overviewExpected();
      expect(text).not.toMatch(/NaN|Infinity|undefined|−0\.0|—/);

      // Every number in the paragraph is on a KPI card, or is the year and the reports it rests on.
      const cards = await page.locator('[data-testid="kpis"]').innerText();
      const allowed = new Set([...numbersIn(cards), want.year, want.reports]);
      const found = numbersIn(text);
      expect(found.length).toBeGreaterThan(6);
      for (const n of found) expect(allowed, `${n} in “${text}”`).toContain(n);

      // And the main ones equal the independent query.
      expect(text).toContain(`${want.year}`);
      expect(text).toContain(count(want.reports, lang));
      expect(text).toContain(count(want.newTotal, lang));
      expect(text).toContain(`${want.disclosure.toFixed(1)}%`);
      expect(text).toContain(count(want.matched, lang));
      const changeWord = lang === 'zh' ? (want.fell ? '下降' : '增长') : want.fell ? 'down' : 'up';
      expect(text).toContain(`${changeWord} ${want.change.toFixed(1)}%`);
      expect(text).toContain(lang === 'zh' ? '同口径' : 'like for like');

      // The source line under the paragraph names the dataset, as under the charts.
      const source = await page.locator('[data-testid="findings"] .findings-source').innerText();
      expect(source).toBe(await page.locator('.chart-source').first().innerText());

      // Copy: the paragraph and its source reach the clipboard, and the card says so.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
      await page.locator('[data-testid="findings"] [data-role="copy-findings"]').click();
      await expect
        .poll(() => page.locator('[data-testid="findings"] [role="status"]').innerText())
        .toBe(lang === 'zh' ? '已复制' : 'Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.split('\n').slice(0, 2)).toEqual([text, source]);
      await page.locator('[data-testid="findings"] [data-role="add-to-briefing"]').click();
      await expect
        .poll(() => page.locator('[data-testid="findings"] [role="status"]').innerText())
        .toBe(lang === 'zh' ? '已加入简报' : 'Added to briefing');

      await shot(page, `findings-overview-${lang}-1440`, 1440);
      await shot(page, `findings-overview-${lang}-390`, 390);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`Compare: the paragraph's numbers are the ranking table's and an independent query's (${lang})`, async () => {
      const { page, errors } = await openPage(h, `#/compare?noanim=1${lang === 'en' ? '&lang=en' : ''}`, {
        width: 1440,
        height: 900,
      });
      await page.waitForSelector('[data-testid="ranking-table"] tbody tr[data-id]', { timeout: 60_000 });
      const text = await findingsText(page);
      const [span] = await demo(`SELECT min(year) AS y0, max(year) AS y1 FROM raw`);
      const [y0, y1] = [Number(span?.y0), Number(span?.y1)];
      const [c] = await demo(
        `SELECT count(*) FILTER (WHERE a AND b) AS comparable, count(*) FILTER (WHERE NOT (a AND b)) AS missing
         FROM (SELECT agency_id, bool_or(year = ?) AS a, bool_or(year = ?) AS b FROM raw GROUP BY agency_id)`,
        [y0, y1],
      );
      const [top] = await demo(
        `SELECT agency_name, t3_new_total AS v FROM raw WHERE year = ?
           AND agency_id IN (SELECT agency_id FROM raw WHERE year = ?)
         ORDER BY t3_new_total DESC NULLS LAST, agency_id LIMIT 1`,
        [y1, y0],
      );
      expect(text).not.toMatch(/NaN|Infinity|undefined|−0\.0|—/);
      expect(text).toContain(count(c?.comparable, lang));
      if (Number(c?.missing) > 0) expect(text).toContain(count(c?.missing, lang));
      expect(text).toContain(String(top?.agency_name));
      expect(text).toContain(count(top?.v, lang));

      // Every number (the agency's name aside) is in the table's title or first row, or is a year.
      const firstRow = await page.locator('[data-testid="ranking-table"] tbody tr[data-id]').first().innerText();
      const title = await page.locator('.ranking-card .card-title').innerText();
      const minN = await page.locator(`[data-testid="compare-min-n"]`).inputValue();
      const allowed = new Set([...numbersIn(firstRow), ...numbersIn(title), y0, y1, Number(minN)]);
      const found = numbersIn(text.replace(String(top?.agency_name), ''));
      expect(found.length).toBeGreaterThan(5);
      for (const n of found) expect(allowed, `${n} in “${text}”`).toContain(n);

      await shot(page, `findings-compare-${lang}-1440`, 1440);
      await shot(page, `findings-compare-${lang}-390`, 390);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
