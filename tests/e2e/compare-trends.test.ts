import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { emptyFlashes, openPage, screenshot, startHarness, type Harness } from './harness';
import { rawDataset, shownNumber } from './support';

let h: Harness;
let demo: Awaited<ReturnType<typeof rawDataset>>;
let real: Awaited<ReturnType<typeof rawDataset>>;

beforeAll(async () => {
  [h, demo, real] = await Promise.all([startHarness(), rawDataset('demo.csv'), rawDataset('real.csv')]);
});
afterAll(async () => {
  await h?.close();
});

/** Waits until the view is on screen and each chart has rendered or said "no data". */
async function waitForView(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 60_000 });
  await page.waitForFunction(
    () => {
      const cards = [...document.querySelectorAll('.chart-card')];
      return (
        cards.length > 0 &&
        cards.every((c) => c.querySelector('.echart[data-rendered="true"]') || c.querySelector('[data-empty]')) &&
        !document.querySelector('.chart-body.dim, .dim')
      );
    },
    undefined,
    { timeout: 60_000 },
  );
}
/** A link with `ds=real` may show the default dataset first, while the router settles. */
async function waitForDataset(page: Page, id: string): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="dataset"]').inputValue(), { timeout: 60_000 }).toBe(id);
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="loading"], [data-testid="load-progress"]'),
    undefined,
    { timeout: 60_000 },
  );
}
const compareReady = (page: Page) =>
  waitForView(page, '[data-testid="ranking-table"] tbody tr, .ranking-card [data-empty]');
const trendsReady = (page: Page) => waitForView(page, '.trends .chart-card');

const cellText = (page: Page, row: number, cell: string) =>
  page.locator(`[data-testid="ranking-table"] tbody tr[data-id] >> nth=${row} >> [data-cell="${cell}"]`).innerText();

/** The CSV behind a chart, through its download button: the figures the chart draws. */
async function chartCsv(page: Page, testId: string): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="${testId}"] .chart-actions button`).last().click(),
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
  return text
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
}

describe('Compare agencies', () => {
  it('ranks all demo agencies with figures equal to an independent query', async () => {
    const { page, errors } = await openPage(h, '#/compare?noanim=1');
    await compareReady(page);
    // Agencies with both end years are ranked first; the top one has both.
    const [top] = await demo(
      `SELECT agency_id, agency_name, t3_new_total AS v FROM raw WHERE year = 2025
         AND agency_id IN (SELECT agency_id FROM raw WHERE year = 2019)
       ORDER BY t3_new_total DESC NULLS LAST, agency_id LIMIT 1`,
    );
    const [start] = await demo(`SELECT t3_new_total AS v FROM raw WHERE year = 2019 AND agency_id = ?`, [
      String(top?.agency_id),
    ]);
    const [count] = await demo(
      `SELECT count(*) FILTER (WHERE y0 AND y1) AS comparable, count(*) FILTER (WHERE NOT (y0 AND y1)) AS missing
       FROM (SELECT agency_id, bool_or(year = 2019) AS y0, bool_or(year = 2025) AS y1 FROM raw
             WHERE year BETWEEN 2019 AND 2025 GROUP BY agency_id)`,
    );
    const zh = (n: unknown) => Number(n).toLocaleString('zh-CN');
    expect(await page.locator('.view-title').innerText()).toContain('2019–2025');
    expect(await page.locator('.ranking-card .card-title').innerText()).toBe(
      Number(count?.missing) > 0
        ? `排名表（${zh(count?.comparable)} 个机关可比，${zh(count?.missing)} 个缺年份）`
        : `排名表（${zh(count?.comparable)} 个机关）`,
    );
    const first = page.locator('[data-testid="ranking-table"] tbody tr[data-id]').first();
    expect(await first.getAttribute('data-id')).toBe(top?.agency_id);
    expect(shownNumber(await cellText(page, 0, 'new_requests.end'))).toBe(Number(top?.v));
    expect(shownNumber(await cellText(page, 0, 'new_requests.start'))).toBe(Number(start?.v));
    await expect
      .poll(() => page.locator('[data-testid="chart-compare-bars"] canvas').count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => page.locator('[data-testid="chart-compare-peers"] canvas').count(), { timeout: 30_000 })
      .toBe(1);
    // While the loaded years are still on their way the view waits; it never flashes "no data".
    expect(await emptyFlashes(page)).toEqual([]);
    await screenshot(page, 'compare-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds agencies by pinyin initials and by full pinyin', async () => {
    const { page, errors } = await openPage(h, '#/compare?noanim=1');
    await compareReady(page);
    const search = page.locator('[data-testid="agency-search"]');
    const options = () =>
      page.locator('[role="listbox"] [role="option"]').evaluateAll((os) => os.map((o) => o.getAttribute('data-id')));
    // 东川市公安局: initials d-c-s-g-a-j, full pinyin dong-chuan-shi-gong-an-ju.
    const [police] = await demo(`SELECT agency_id FROM raw WHERE agency_name = '东川市公安局' LIMIT 1`);
    await search.fill('dcsgaj');
    await expect.poll(options, { timeout: 30_000 }).toContain(String(police?.agency_id));
    await search.fill('dongchuanshigongan');
    await expect.poll(options, { timeout: 30_000 }).toContain(String(police?.agency_id));
    await search.press('Enter');
    await page.waitForFunction(() => location.hash.includes('ag='));
    expect(await page.locator('[data-testid="agency-picker"] .chip .name').allInnerTexts()).toEqual(['东川市公安局']);
    await expect
      .poll(() => page.locator('[data-testid="ranking-table"] tbody tr[data-id]').count(), { timeout: 30_000 })
      .toBe(1);
    await compareReady(page);
    await screenshot(page, 'compare-pinyin-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('picks agencies by typeahead and keeps picks, columns, sort and page in the URL', async () => {
    const { page, errors } = await openPage(h, '#/compare?noanim=1');
    await compareReady(page);
    const search = page.locator('[data-testid="agency-search"]');
    await search.fill('东川城区人民');
    await page.locator('[role="listbox"] [role="option"][data-id="demo-dongchuan-chengqu-gov"]').waitFor();
    await search.press('ArrowDown');
    await search.press('ArrowUp');
    await search.press('Enter');
    await page.waitForFunction(() => location.hash.includes('ag=demo-dongchuan-chengqu-gov'));
    await search.fill('dongchuan-police');
    await page.locator('[role="option"][data-id="demo-dongchuan-police"]').waitFor();
    await search.press('Enter');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('demo-dongchuan-police'));
    await compareReady(page);
    expect(await page.locator('[data-testid="agency-picker"] .chip').count()).toBe(2);
    expect(await page.locator('[data-testid="ranking-table"] tbody tr[data-id]').count()).toBe(2);

    await page.locator('[data-testid="compare-indicators"] [data-key="denial_rate"]').click();
    await page.waitForFunction(() => location.hash.includes('cols=') && !location.hash.includes('denial_rate'));
    await page.locator('[data-sort="disclosure_rate.pct"]').click();
    await page.waitForFunction(() => location.hash.includes('cmp.sort=disclosure_rate.pct.desc'));
    await compareReady(page);
    const order = await page
      .locator('[data-testid="ranking-table"] tbody tr[data-id]')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')));

    await page.reload();
    await compareReady(page);
    // Chips restored from the URL show ids until the names arrive from the engine.
    await expect
      .poll(() => page.locator('[data-testid="agency-picker"] .chip .name').allInnerTexts(), { timeout: 30_000 })
      .toEqual(['东川城区人民政府', '东川市公安局']);
    // The table re-queries once the restored picks are named: wait for its rows rather than race them.
    await expect
      .poll(
        () =>
          page
            .locator('[data-testid="ranking-table"] tbody tr[data-id]')
            .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id'))),
        { timeout: 30_000 },
      )
      .toEqual(order);
    expect(
      await page.locator('[data-testid="compare-indicators"] [data-key="denial_rate"]').getAttribute('aria-pressed'),
    ).toBe('false');
    // Backspace in the empty search box removes the last pick.
    await search.focus();
    await search.press('Backspace');
    await page.waitForFunction(() => !decodeURIComponent(location.hash).includes('demo-dongchuan-police'));

    await page.locator('[data-testid="compare-scope"] [data-key="all"]').click();
    await page.waitForFunction(() => location.hash.includes('cmp.scope=all'));
    await compareReady(page);
    await page.locator('[data-testid="page-next"]').click();
    await page.waitForFunction(() => location.hash.includes('cmp.page=2'));
    await compareReady(page);
    expect(await page.locator('[data-testid="ranking-table"] tbody tr td').first().innerText()).toBe('21');
    await page.reload();
    await compareReady(page);
    expect(await page.locator('[data-testid="ranking-table"] tbody tr td').first().innerText()).toBe('21');
    // A filter change goes back to page 1 and keeps the filter and the view's choices.
    await page.locator('[data-testid="level"] [data-key="county"]').click();
    await page.waitForFunction(() => location.hash.includes('level=county') && !location.hash.includes('cmp.page='));
    await compareReady(page);
    expect(await page.locator('[data-testid="ranking-table"] tbody tr td').first().innerText()).toBe('1');
    expect(page.url()).toContain('cmp.sort=disclosure_rate.pct.desc');
    expect(page.url()).toContain('level=county');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the real dataset and speaks English', async () => {
    const { page, errors } = await openPage(h, '#/compare?noanim=1&ds=real&lang=en');
    await waitForDataset(page, 'real');
    await compareReady(page);
    const [top] = await real(
      `SELECT agency_id, t3_new_total AS v FROM raw WHERE year = (SELECT max(year) FROM raw)
       ORDER BY agency_id IN (SELECT agency_id FROM raw WHERE year = (SELECT min(year) FROM raw)) DESC,
         t3_new_total DESC NULLS LAST, agency_id LIMIT 1`,
    );
    await expect
      .poll(() => page.locator('[data-testid="ranking-table"] tbody tr[data-id]').first().getAttribute('data-id'), {
        timeout: 30_000,
      })
      .toBe(top?.agency_id);
    await compareReady(page);
    expect(shownNumber(await cellText(page, 0, 'new_requests.end'))).toBe(Number(top?.v));
    expect(await page.locator('.view-title').innerText()).toMatch(/^Compare agencies/);
    await screenshot(page, 'compare-real-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists agencies lacking the start or end year last, with — and a count in the title (real dataset)', async () => {
    const { page, errors } = await openPage(h, '#/compare?noanim=1&ds=real');
    await waitForDataset(page, 'real');
    await compareReady(page);
    const per = await real(
      `SELECT agency_id, bool_or(year = (SELECT min(year) FROM raw)) AND bool_or(year = (SELECT max(year) FROM raw)) AS both
       FROM raw GROUP BY agency_id ORDER BY agency_id`,
    );
    const comparable = per.filter((r) => r.both === true).map((r) => String(r.agency_id));
    const missing = per.filter((r) => r.both !== true).map((r) => String(r.agency_id));
    // Issue 9: five agencies are loaded; the ranking used to list only those with an end-year report.
    expect(per).toHaveLength(5);
    expect(missing.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.ranking-card .card-title').innerText(), { timeout: 30_000 })
      .toBe(`排名表（${comparable.length} 个机关可比，${missing.length} 个缺年份）`);
    const rows = await page
      .locator('[data-testid="ranking-table"] tbody tr[data-id]')
      .evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-id'), r.getAttribute('data-section')]));
    expect(rows).toHaveLength(5);
    const k = comparable.length;
    const ids = (part: (string | null)[][]) => part.map(([id]) => String(id)).sort();
    expect(ids(rows.slice(0, k))).toEqual(comparable);
    expect(ids(rows.slice(k))).toEqual(missing);
    expect(rows.map(([, section]) => section)).toEqual([
      ...comparable.map(() => 'ranked'),
      ...missing.map(() => 'missing'),
    ]);
    // Each agency missing a year shows — in that year's cell and in Δ.
    for (const id of missing) {
      const [has] = await real(
        `SELECT bool_or(year = (SELECT min(year) FROM raw)) AS s, bool_or(year = (SELECT max(year) FROM raw)) AS e FROM raw WHERE agency_id = ?`,
        [id],
      );
      const row = page.locator(`[data-testid="ranking-table"] tbody tr[data-id="${id}"]`);
      const lacking = has?.s === true ? 'end' : 'start';
      expect((await row.locator(`[data-cell="new_requests.${lacking}"]`).innerText()).trim()).toBe('—');
      expect((await row.locator('[data-cell="new_requests.delta"]').innerText()).trim()).toBe('—');
    }
    expect(await page.locator('[data-section-heading="missing"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('holds small denominators apart and takes rate badges from funnel limits (demo)', async () => {
    const base = '#/compare?v=1&noanim=1&level=county&kind=department&cmp.cols=disclosure_rate';
    const { page, errors } = await openPage(h, `${base}&cmp.sort=disclosure_rate.end.asc`);
    await compareReady(page);
    // Independently: each county department's 2025 disclosure rate x / n (granted + partial over handled).
    const units = await demo(
      `SELECT agency_id, t3_granted_total + t3_partial_total AS x, t3_total_total AS n,
              agency_id IN (SELECT agency_id FROM raw WHERE year = 2019 AND level = 'county' AND kind = 'department') AS both
       FROM raw WHERE year = 2025 AND level = 'county' AND kind = 'department'`,
    );
    const small = units.filter((u) => u.both === true && u.n !== null && Number(u.n) < 10);
    expect(small.length).toBeGreaterThan(0);
    expect(await page.locator('.ranking-card .card-title').innerText()).toContain(`；${small.length} 个样本过小`);
    const rows = page.locator('[data-testid="ranking-table"] tbody tr[data-id]');
    const ranked = await rows.evaluateAll((rs) =>
      rs.map((r) => [
        r.getAttribute('data-id'),
        r.getAttribute('data-section'),
        r.querySelector('[data-outlier]')?.getAttribute('data-outlier') ?? null,
      ]),
    );
    const byId = new Map(units.map((u) => [String(u.agency_id), u]));
    expect(ranked.length).toBe(20);
    for (const [id, section] of ranked) {
      expect(section).toBe('ranked');
      expect(Number(byId.get(String(id))?.n)).toBeGreaterThanOrEqual(10);
    }
    // Funnel limits by hand (design/comparisons.md §3, exact binomial): pooled p0 over the group's rates.
    const rated = units.filter((u) => u.x !== null && u.n !== null && Number(u.n) > 0);
    expect(rated.length).toBeGreaterThanOrEqual(8);
    const p0 = rated.reduce((a, u) => a + Number(u.x), 0) / rated.reduce((a, u) => a + Number(u.n), 0);
    const limit = (q: number, n: number) => {
      // pmf by the recurrence in log space; r = the least count with P(X ≤ r) ≥ q.
      let logPmf = n * Math.log(1 - p0);
      let cdf = 0;
      for (let r = 0; r <= n; r++) {
        const pmf = Math.exp(logPmf);
        cdf += pmf;
        if (cdf >= q) return Math.min(1, Math.max(0, (r + 0.5 - (cdf - q) / pmf) / n));
        logPmf += Math.log((n - r) / (r + 1)) + Math.log(p0 / (1 - p0));
      }
      return 1;
    };
    const want = ranked.map(([id]) => {
      const u = byId.get(String(id));
      const [x, n] = [Number(u?.x), Number(u?.n)];
      const p = x / n;
      return [id, p < limit(0.025, n) ? 'low' : p > limit(0.975, n) ? 'high' : null];
    });
    expect(want.filter(([, v]) => v !== null).length).toBeGreaterThan(0);
    expect(ranked.map(([id, , badge]) => [id, badge])).toEqual(want);
    expect(await page.locator('[data-outlier][data-basis="funnel"]').count()).toBe(want.filter(([, v]) => v).length);
    // n beside every rate: the 2025 denominator of the first row.
    const firstN = await rows.first().locator('[data-cell="disclosure_rate.end"] [data-role="n"]').innerText();
    expect(shownNumber(firstN)).toBe(Number(byId.get(String(ranked[0]?.[0]))?.n));
    await expect
      .poll(() => page.locator('[data-testid="chart-compare-funnel"] canvas').count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => page.locator('[data-testid="chart-compare-interval"] canvas').count(), { timeout: 30_000 })
      .toBe(1);
    await screenshot(page, 'compare-funnel-zh');

    // The agencies under the minimum are on the page after the last ranked one, under their heading.
    const comparable = units.filter((u) => u.both === true).length;
    const rankedCount = comparable - small.length;
    await page.goto(
      new URL(
        `${base}&cmp.sort=disclosure_rate.end.asc&cmp.page=${Math.floor(rankedCount / 20) + 1}`,
        h.baseUrl,
      ).toString(),
    );
    await compareReady(page);
    const apart = await page
      .locator('[data-testid="ranking-table"] tbody tr[data-section="small"]')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')));
    expect(apart.length).toBeGreaterThan(0);
    const smallIds = new Set(small.map((u) => String(u.agency_id)));
    for (const id of apart) expect(smallIds.has(String(id))).toBe(true);
    expect(await page.locator('[data-section-heading="small"]').innerText()).toContain('样本过小');

    // A smaller minimum, kept in the URL, ranks them again.
    await page.locator('[data-testid="compare-min-n"]').fill('0');
    await page.locator('[data-testid="compare-min-n"]').dispatchEvent('change');
    await page.waitForFunction(() => location.hash.includes('cmp.min=0'));
    await compareReady(page);
    await expect.poll(() => page.locator('tr[data-section="small"]').count(), { timeout: 30_000 }).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the funnel plot in English', async () => {
    const { page, errors } = await openPage(
      h,
      '#/compare?v=1&noanim=1&lang=en&level=county&kind=department&cmp.cols=disclosure_rate&cmp.sort=disclosure_rate.end.asc',
    );
    await compareReady(page);
    await expect
      .poll(() => page.locator('[data-testid="chart-compare-funnel"] canvas').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.locator('[data-testid="chart-compare-funnel"]').innerText()).toContain('funnel plot');
    await screenshot(page, 'compare-funnel-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks peer-group outliers in English on the demo data', async () => {
    const { page, errors } = await openPage(h, '#/compare?noanim=1&lang=en&level=county&kind=government');
    await compareReady(page);
    // Outliers by an independent query: beyond 1.5 IQR of the group's quartiles (n ≥ 8).
    const outliers = await demo(
      `WITH g AS (SELECT agency_id, t3_new_total AS v FROM raw
                  WHERE year = 2025 AND level = 'county' AND kind = 'government' AND t3_new_total IS NOT NULL),
            q AS (SELECT quantile_cont(v, 0.25) AS q1, quantile_cont(v, 0.75) AS q3, count(*) AS n FROM g)
       SELECT agency_id, CASE WHEN v > q3 + 1.5 * (q3 - q1) THEN 'high' ELSE 'low' END AS side
       FROM g, q WHERE n >= 8 AND (v > q3 + 1.5 * (q3 - q1) OR v < q1 - 1.5 * (q3 - q1))`,
    );
    const rows = page.locator('[data-testid="ranking-table"] tbody tr[data-id]');
    const shown = await rows.evaluateAll((rs) =>
      rs.map((r) => [
        r.getAttribute('data-id'),
        r.querySelector('[data-outlier]')?.getAttribute('data-outlier') ?? null,
      ]),
    );
    const onPage = new Set(shown.map(([id]) => id));
    const want = outliers.filter((o) => onPage.has(String(o.agency_id))).map((o) => [o.agency_id, o.side]);
    expect(want.length).toBeGreaterThan(0);
    expect(shown.filter(([, side]) => side !== null).sort()).toEqual(want.sort());
    // English source lines: English separators, no full-width punctuation.
    expect(await page.locator('.ranking-card .source').innerText()).toBe(
      'Source: Demo data (generated); County; Government',
    );
    await screenshot(page, 'compare-en');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Trends', () => {
  it('draws groups by level and kind with figures equal to an independent query', async () => {
    const { page, errors } = await openPage(h, '#/trends?noanim=1');
    await trendsReady(page);
    const csv = await chartCsv(page, 'chart-trend-new_requests');
    const row = csv.find((r) => r[0] === '县级·人民政府');
    const want = await demo(
      `SELECT year, sum(t3_new_total) AS v FROM raw WHERE level = 'county' AND kind = 'government' GROUP BY year ORDER BY year`,
    );
    expect(csv[0]?.slice(1)).toEqual(want.map((w) => String(w.year)));
    expect(row?.slice(1).map(Number)).toEqual(want.map((w) => Number(w.v)));
    expect(await emptyFlashes(page)).toEqual([]);
    await screenshot(page, 'trends-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves a gap for a year an agency did not report, and round-trips its choices in the URL', async () => {
    const url =
      '#/trends?noanim=1&ag=demo-dongchuan-police,demo-dongchuan-chengqu-gov&tind=new_requests&tmode=index&tbase=2020';
    const { page, errors } = await openPage(h, url);
    await trendsReady(page);
    expect(await page.locator('[data-testid="trend-by"] [data-key="agency"]').getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(await page.locator('[data-testid="trend-base"]').inputValue()).toBe('2020');
    const csv = await chartCsv(page, 'chart-trend-new_requests');
    const police = csv.find((r) => r[0] === '东川市公安局');
    const want = await demo(
      `SELECT year, t3_new_total AS v FROM raw WHERE agency_id = 'demo-dongchuan-police' ORDER BY year`,
    );
    const base = Number(want.find((w) => w.year === 2020)?.v);
    // 2021 was not reported: an empty cell (a gap), not 0.
    expect(police?.slice(1)).toHaveLength(7);
    expect(police?.[3]).toBe('');
    for (const w of want) {
      const i = (csv[0] ?? []).indexOf(String(w.year));
      // The CSV keeps four decimals of an index (domain/export-table).
      expect(Number(police?.[i])).toBeCloseTo((Number(w.v) / base) * 100, 4);
    }
    await page.locator('[data-testid="trend-mode"] [data-key="share"]').click();
    await page.waitForFunction(() => location.hash.includes('tr.mode=share'));
    await page.reload();
    await trendsReady(page);
    expect(await page.locator('[data-testid="trend-mode"] [data-key="share"]').getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(await page.locator('[data-testid="agency-picker"] .chip').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folds a long pick behind one button: twelve chips shown, the rest counted', async () => {
    const ids = (await demo(`SELECT DISTINCT agency_id FROM raw ORDER BY 1 LIMIT 30`)).map((r) => String(r.agency_id));
    expect(ids).toHaveLength(30);
    const { page, errors } = await openPage(h, `#/trends?noanim=1&ag=${ids.join(',')}`, { width: 390, height: 844 });
    await trendsReady(page);
    // On a phone the filters are folded under one button.
    await page.locator('[data-testid="filters-toggle"]').click();
    const picker = page.locator('[data-testid="agency-picker"]');
    await expect.poll(() => picker.locator('.chip').count(), { timeout: 30_000 }).toBe(12);
    expect(await picker.getAttribute('data-picked')).toBe(ids.join(' '));
    const fold = page.locator('[data-testid="agency-fold"]');
    expect(await fold.innerText()).toBe('另 18 个…');
    await screenshot(page, 'trends-picker-folded-390');
    await fold.click();
    expect(await picker.locator('.chip').count()).toBe(30);
    expect(await fold.innerText()).toBe('收起');
    await fold.click();
    expect(await picker.locator('.chip').count()).toBe(12);
    // Nothing was unpicked by folding.
    expect(await picker.getAttribute('data-picked')).toBe(ids.join(' '));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws small multiples for many agencies', async () => {
    const ids = await demo(
      `SELECT DISTINCT agency_id FROM raw WHERE level = 'county' AND kind = 'government' ORDER BY 1 LIMIT 8`,
    );
    const { page, errors } = await openPage(
      h,
      `#/trends?noanim=1&lang=en&tind=new_requests,disclosure_rate&ag=${ids.map((r) => r.agency_id).join(',')}`,
    );
    await trendsReady(page);
    expect(await page.locator('.trends .note').allInnerTexts()).toContain(
      '8 lines, drawn as small multiples on the same scale.',
    );
    // The figures behind the panels, agency by agency and year by year, against the raw file.
    const csv = await chartCsv(page, 'chart-trend-new_requests');
    const years = (csv[0] ?? []).slice(1).map(Number);
    const raw = await demo(
      `SELECT agency_name, year, t3_new_total AS v FROM raw WHERE agency_id IN (${ids.map(() => '?').join(', ')})`,
      ids.map((r) => String(r.agency_id)),
    );
    const names = [...new Set(raw.map((r) => String(r.agency_name)))].sort();
    expect(
      csv
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(names);
    for (const row of csv.slice(1)) {
      const want = years.map((y) => {
        const hit = raw.find((r) => r.agency_name === row[0] && Number(r.year) === y);
        return hit?.v == null ? null : Number(hit.v);
      });
      expect(
        row.slice(1).map((c) => (c === '' ? null : Number(c))),
        row[0],
      ).toEqual(want);
    }
    await screenshot(page, 'trends-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the same agencies in every year on request, and says what that leaves out', async () => {
    const { page, errors } = await openPage(h, '#/trends?v=1&noanim=1&tr.by=all&tr.ind=new_requests&tr.same=1');
    await trendsReady(page);
    expect(await page.locator('[data-testid="trend-panel"] [data-key="balanced"]').getAttribute('aria-checked')).toBe(
      'true',
    );
    // Independently: agencies with a report in every year that has any report.
    const balanced = `SELECT agency_id FROM raw GROUP BY agency_id
                      HAVING count(DISTINCT year) = (SELECT count(DISTINCT year) FROM raw)`;
    const want = await demo(
      `SELECT year, sum(t3_new_total) AS v FROM raw WHERE agency_id IN (${balanced}) GROUP BY year ORDER BY year`,
    );
    const [counts] = await demo(
      `SELECT (SELECT count(DISTINCT agency_id) FROM raw) AS agencies, (SELECT count(*) FROM (${balanced})) AS balanced,
              (SELECT count(*) FROM raw) AS reports,
              (SELECT count(*) FROM raw WHERE agency_id IN (${balanced})) AS kept`,
    );
    expect(Number(counts?.balanced)).toBeGreaterThan(0);
    expect(Number(counts?.balanced)).toBeLessThan(Number(counts?.agencies));
    const csv = await chartCsv(page, 'chart-trend-new_requests');
    const row = csv.find((r) => r[0] === '全部机关');
    expect(csv[0]?.slice(1)).toEqual(want.map((w) => String(w.year)));
    expect(row?.slice(1).map(Number)).toEqual(want.map((w) => Number(w.v)));
    const zh = (n: unknown) => Number(n).toLocaleString('zh-CN');
    const note = await page.locator('[data-testid="panel-note"]').innerText();
    expect(note).toContain(`符合筛选的 ${zh(counts?.agencies)} 个机关中，${zh(counts?.balanced)} 个`);
    expect(note).toContain(
      `未计入其余机关的 ${zh(Number(counts?.reports) - Number(counts?.kept))} 份年报（共 ${zh(counts?.reports)} 份）`,
    );
    await page.locator('[data-testid="trend-panel"] [data-key="all"]').click();
    await page.waitForFunction(() => !location.hash.includes('tr.same'));
    await trendsReady(page);
    expect(await page.locator('[data-testid="panel-note"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the real dataset', async () => {
    const { page, errors } = await openPage(h, '#/trends?noanim=1&ds=real&ag=js-huaian-hongze-gov,js-suqian-gov');
    await waitForDataset(page, 'real');
    await trendsReady(page);
    const csv = await chartCsv(page, 'chart-trend-new_requests');
    const want = await real(`SELECT year, t3_new_total AS v FROM raw WHERE agency_id = 'js-suqian-gov' ORDER BY year`);
    const row = csv.find((r) => r[0] === '宿迁市人民政府');
    for (const w of want) expect(Number(row?.[(csv[0] ?? []).indexOf(String(w.year))])).toBe(Number(w.v));
    // No report 2020–2022: the axis still runs through those years, as gaps.
    expect(csv[0]?.slice(1)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(row?.slice(1, 5)).toEqual(['', '', '', '']);
    await screenshot(page, 'trends-real-zh');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Compare per 10,000 residents', () => {
  it('ranks 人民政府 on requests per 10,000 residents once a population table is loaded, leaving out the rest', async () => {
    const { page, errors } = await openPage(h, '#/data?noanim=1');
    await page.locator('[data-testid="loaded-summary"]').waitFor({ timeout: 60_000 });
    const csv = readFileSync(new URL('../../datasets/population-illustrative.csv', import.meta.url));
    await page
      .locator('[data-testid="population-input"]')
      .setInputFiles({ name: 'population-illustrative.csv', mimeType: 'text/csv', buffer: csv });
    await page.locator('[data-testid="population-summary"]').waitFor();
    expect(await page.locator('[data-testid="population-summary"]').innerText()).toContain(
      'population-illustrative.csv',
    );

    await page.goto(new URL('#/compare?v=1&noanim=1&kind=government&cmp.cols=new_requests', h.baseUrl).toString());
    const card = page.locator('[data-testid="chart-compare-per-residents"]');
    await card.waitFor({ timeout: 60_000 });
    await compareReady(page);
    // Independently: the last year's governments, those with a population row for their region and a count.
    const [y] = await demo(`SELECT max(year) AS y FROM raw`);
    const year = Number(y?.y);
    const pop = `read_csv('pop.csv', header = true, all_varchar = true)`;
    const [want] = await demo(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE p.population IS NOT NULL AND r.t3_new_total IS NOT NULL) AS n
       FROM raw r LEFT JOIN (SELECT region_code, CAST(year AS INTEGER) AS year, population FROM ${pop}) p
         ON p.region_code = CAST(r.region_code AS VARCHAR) AND p.year = r.year
       WHERE r.kind = 'government' AND r.year = ?`,
      [year],
    );
    expect(Number(want?.n)).toBeGreaterThan(0);
    const note = await page.locator('[data-testid="per-residents-note"]').innerText();
    expect(note).toContain(`${Number(want?.total)} 个人民政府中 ${Number(want?.n)} 个可比`);
    expect(await card.locator('.chart-title').innerText()).toContain(`每万人新收申请（${year} 年度，人民政府）`);
    await screenshot(page, 'compare-per-residents-zh');
    expect(errors).toEqual([]);
    await page.close();
  });
});
