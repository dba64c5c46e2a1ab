import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { emptyFlashes, openPage, screenshot, startHarness, waitForCharts, type Harness } from './harness';
import { RULES } from '@/domain/rules';
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

const kpi = async (page: Page, key: string) =>
  (await page.locator(`[data-testid="kpi-${key}"] [data-role="value"]`).innerText()).trim();

/** Headline figures computed by hand from the raw file: sums and a pooled disclosure rate. */
async function expected(q: typeof demo, where: string, params: (string | number)[]) {
  const [latest] = await q(`SELECT max(year) AS y FROM raw WHERE ${where}`, params);
  const y = Number(latest?.y);
  const [row] = await q(
    `SELECT sum(t3_new_total) AS new_total,
            sum(t3_granted_total + t3_partial_total) FILTER (WHERE t3_total_total IS NOT NULL) AS disclosed,
            sum(t3_total_total) FILTER (WHERE t3_granted_total + t3_partial_total IS NOT NULL) AS handled,
            sum(t4_review_total) AS reviews
     FROM raw WHERE year = ? AND ${where}`,
    [y, ...params],
  );
  return {
    year: y,
    newTotal: Number(row?.new_total),
    disclosure: Math.round((Number(row?.disclosed) / Number(row?.handled)) * 1000) / 10,
    reviews: Number(row?.reviews),
  };
}

describe('Overview', () => {
  it('shows the demo dataset in Chinese with headline figures equal to an independent query', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1');
    await waitForCharts(page);
    const want = await expected(demo, 'TRUE', []);
    expect(await page.locator('h1').innerText()).toBe('公开年报看板');
    expect(await page.locator('[data-testid="generated-badge"]').innerText()).toBe('演示数据（生成）');
    expect(await page.locator('.view-title').innerText()).toContain(String(want.year));
    expect(shownNumber(await kpi(page, 'new_requests'))).toBe(want.newTotal);
    expect(shownNumber(await kpi(page, 'disclosure_rate'))).toBe(want.disclosure);
    expect(shownNumber(await kpi(page, 'review_cases'))).toBe(want.reviews);
    expect(await page.locator('.chart-card canvas').count()).toBe(3);
    expect(await emptyFlashes(page)).toEqual([]);
    for (const src of await page.locator('.chart-source').allInnerTexts()) expect(src).toContain('演示数据（生成）');
    await screenshot(page, 'overview-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('updates figures and the URL on a filter change, and restores them on reload', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1');
    await waitForCharts(page);
    await page.locator('[data-testid="level"] [data-key="county"]').click();
    await page.waitForFunction(() => location.hash.includes('level=county'));
    await waitForCharts(page);
    const want = await expected(demo, "level = 'county'", []);
    await expect
      .poll(async () => shownNumber(await kpi(page, 'new_requests')), { timeout: 30_000 })
      .toBe(want.newTotal);
    expect(shownNumber(await kpi(page, 'disclosure_rate'))).toBe(want.disclosure);

    await page.locator('[data-testid="year-to"]').selectOption('2022');
    await page.waitForFunction(() => location.hash.includes('y=2019-2022') || location.hash.includes('y=2022'));
    await waitForCharts(page);
    const [row] = await demo(`SELECT sum(t3_new_total) AS n FROM raw WHERE level = 'county' AND year = 2022`);
    await expect
      .poll(async () => shownNumber(await kpi(page, 'new_requests')), { timeout: 30_000 })
      .toBe(Number(row?.n));

    await page.reload();
    await waitForCharts(page);
    expect(await page.locator('[data-testid="level"] [data-key="county"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-testid="year-to"]').inputValue()).toBe('2022');
    expect(shownNumber(await kpi(page, 'new_requests'))).toBe(Number(row?.n));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says how many reports fail an error-level rule and leaves them out on request', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1&y=2023');
    await waitForCharts(page);
    const flag = page.locator('[data-testid="quality-flag"]');
    await flag.waitFor();
    // Independent: the generator's own list of reports it broke on purpose, at error level.
    const errorRules = RULES.filter((r) => r.severity === 'error').map((r) => r.id as string);
    const broken = `SELECT DISTINCT agency_id, year FROM read_csv('violations.csv')
                    WHERE year = 2023 AND rule IN (${errorRules.map(() => '?').join(', ')})`;
    const [row] = await demo(`SELECT count(*) AS n FROM raw WHERE year = 2023`);
    const [failing] = await demo(`SELECT count(*) AS n FROM (${broken})`, errorRules);
    expect(Number(failing?.n)).toBeGreaterThan(0);
    const zh = (n: unknown) => Number(n).toLocaleString('zh-CN');
    expect(await flag.innerText()).toContain(`${zh(row?.n)} 份年报中，有 ${zh(failing?.n)} 份未通过`);
    await page.locator('[data-testid="exclude-failing"]').check();
    await page.waitForFunction(() => location.hash.includes('xf=1'));
    await waitForCharts(page);
    const [kept] = await demo(
      `SELECT sum(t3_new_total) AS n FROM raw WHERE year = 2023 AND (agency_id, year) NOT IN (${broken})`,
      errorRules,
    );
    await expect
      .poll(async () => shownNumber(await kpi(page, 'new_requests')), { timeout: 30_000 })
      .toBe(Number(kept?.n));
    expect(await flag.innerText()).toContain(`已排除 ${zh(failing?.n)} 份`);
    await screenshot(page, 'overview-excluded-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to the real dataset in one click and shows its figures', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1');
    await waitForCharts(page);
    await page.locator('[data-testid="dataset"]').selectOption('real');
    await page.waitForFunction(() => location.hash.includes('ds=real'));
    await expect.poll(async () => page.locator('[data-testid="generated-badge"]').count(), { timeout: 30_000 }).toBe(0);
    await waitForCharts(page);
    const want = await expected(real, 'TRUE', []);
    await expect
      .poll(async () => shownNumber(await kpi(page, 'new_requests')), { timeout: 30_000 })
      .toBe(want.newTotal);
    await screenshot(page, 'overview-real-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives the change vs the previous year like for like, over the agencies reporting both years', async () => {
    const { page, errors } = await openPage(h, '#/overview?ds=real&noanim=1');
    await waitForCharts(page);
    await expect
      .poll(() => page.locator('[data-testid="kpi-new_requests"] [data-role="matched"]').count(), { timeout: 30_000 })
      .toBe(1);
    // Independent: a self-join of the raw file on agency, the end year against the one before.
    const [span] = await real(`SELECT max(year) AS y FROM raw`);
    const y = Number(span?.y);
    const [pair] = await real(
      `SELECT count(*) AS n, sum(a.t3_new_total) AS before, sum(b.t3_new_total) AS after
       FROM raw a JOIN raw b ON a.agency_id = b.agency_id AND a.year = ? AND b.year = ?
       WHERE a.t3_new_total IS NOT NULL AND b.t3_new_total IS NOT NULL`,
      [y - 1, y],
    );
    const [alone] = await real(
      `SELECT count(*) AS n FROM raw a WHERE a.year = ? AND NOT EXISTS
         (SELECT 1 FROM raw b WHERE b.agency_id = a.agency_id AND b.year = ?)`,
      [y - 1, y],
    );
    // The case of issue 9: the two agencies reporting both years rose 3,532 → 3,620 while the
    // year's total fell, because other 2023 reports have no 2024 counterpart.
    expect([y, Number(pair?.n), Number(pair?.before), Number(pair?.after)]).toEqual([2024, 2, 3532, 3620]);
    expect(Number(alone?.n)).toBeGreaterThan(0);
    const zh = (n: unknown) => Number(n).toLocaleString('zh-CN');
    const card = page.locator('[data-testid="kpi-new_requests"]');
    const pct = ((Number(pair?.after) / Number(pair?.before) - 1) * 100).toFixed(1);
    expect(await card.locator('[data-role="change"]').innerText()).toBe(`较 ${y - 1} 年 +${pct}%`);
    expect(await card.locator('[data-role="matched"]').innerText()).toBe(
      `同口径：两年均有年报的 ${pair?.n} 个机关，${zh(pair?.before)} → ${zh(pair?.after)}`,
    );
    expect(await card.locator('[data-role="left-out"]').innerText()).toContain(
      `${y - 1} 年 ${alone?.n} 份年报的机关另一年无年报`,
    );
    // The all-reports change stays visible, labelled apart: a fall over different sets of agencies.
    const [all] = await real(
      `SELECT sum(t3_new_total) FILTER (WHERE year = ?) AS before, sum(t3_new_total) FILTER (WHERE year = ?) AS after FROM raw`,
      [y - 1, y],
    );
    const allPct = ((Number(all?.after) / Number(all?.before) - 1) * 100).toFixed(1).replace('-', '−');
    expect(await card.locator('[data-role="all-reports"]').innerText()).toBe(`全部年报：较 ${y - 1} 年 ${allPct}%`);
    await screenshot(page, 'overview-matched-real-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a shared link on the dataset it names, without loading the default one first', async () => {
    const page = await h.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(new URL('#/overview?ds=real&noanim=1', h.baseUrl).toString());
    await waitForCharts(page);
    const want = await expected(real, 'TRUE', []);
    expect(shownNumber(await kpi(page, 'new_requests'))).toBe(want.newTotal);
    expect(fetched.some((u) => /\/demo-[^/]*\.parquet/.test(u))).toBe(false);
    expect(fetched.some((u) => /\/real-[^/]*\.parquet/.test(u))).toBe(true);
    await page.close();
  });

  it('speaks English on the switch, with the choice in the URL', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1');
    await waitForCharts(page);
    await page.locator('[data-testid="language"]').click();
    await page.waitForFunction(() => location.hash.includes('lang=en'));
    expect(await page.locator('h1').innerText()).toBe('Disclosure Dashboard');
    await waitForCharts(page);
    await screenshot(page, 'overview-en');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Data view', () => {
  it('names file, row and column of a bad upload and keeps the loaded data', async () => {
    const { page, errors } = await openPage(h, '#/data?noanim=1');
    await page.waitForSelector('[data-testid="loaded-summary"]', { timeout: 60_000 });
    const before = await page.locator('[data-testid="loaded-summary"]').innerText();
    const csv = 'agency_id,agency_name,year,level,kind,t3_new_total\nx,某局,2023,county,department,十二\n';
    await page
      .locator('[data-testid="file-input"]')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const failure = page.locator('[data-testid="load-failure"]');
    await failure.waitFor();
    const text = await failure.innerText();
    expect(text).toContain('bad.csv');
    expect(text).toContain('第 2 行');
    expect(text).toContain('t3_new_total');
    expect(text).toContain('“十二”不是数字');
    expect(await page.locator('[data-testid="loaded-summary"]').innerText()).toBe(before);
    await screenshot(page, 'data-load-error-zh');
    expect(errors).toEqual([]);
    await page.close();
  });
});
