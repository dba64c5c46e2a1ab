import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createNodeRunner } from '@/data/engine-node';
import type { QueryRunner } from '@/data/query-runner';
import { openPage, SCREENSHOT_DIR, startHarness, waitForCharts, type Harness } from './harness';
import { shownNumber } from './support';

let h: Harness;
let raw: QueryRunner;

const HEAD =
  'agency_id,agency_name,year,template,level,kind,province,city,county,sector,t3_new_person,t3_new_total,t3_carried_in_total,t3_granted_total,t3_partial_total,t3_total_total';
const row = (id: string, name: string, n: number) =>
  `${id},${name},2023,2021,county,department,示例省,甲市,甲县,教育,${n},${n},0,${Math.floor(n / 2)},0,${n}`;
/** Two datasets of one year; x1 is in both, with different figures: one conflict. */
const A = [HEAD, row('x1', '甲局', 12), row('x2', '乙局', 7)].join('\n') + '\n';
const B = [HEAD, row('x1', '甲局', 30), row('x3', '丙局', 5)].join('\n') + '\n';
const SHOTS = `${SCREENSHOT_DIR}/datasets`;

beforeAll(async () => {
  h = await startHarness();
  // The independent view: the same CSVs read by DuckDB's own reader, with hand-written SQL.
  raw = await createNodeRunner();
  await raw.registerFile('a.csv', new TextEncoder().encode(A));
  await raw.registerFile('b.csv', new TextEncoder().encode(B));
  await raw.query({ text: "CREATE TABLE a AS SELECT * FROM read_csv('a.csv', header = true)", params: [] });
  await raw.query({ text: "CREATE TABLE b AS SELECT * FROM read_csv('b.csv', header = true)", params: [] });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

/** New requests in 2023 over the union, the conflicted agency-year taken from `winner` (or left out). */
async function expected(winner: 'a' | 'b' | null): Promise<number> {
  const keep = winner ? 'OR src = ?' : '';
  const [r] = await raw.query({
    text: `WITH u AS (SELECT 'a' AS src, * FROM a UNION ALL SELECT 'b' AS src, * FROM b),
      n AS (SELECT agency_id, count(*) AS k FROM u GROUP BY agency_id)
      SELECT sum(t3_new_total) AS s FROM u JOIN n USING (agency_id) WHERE year = 2023 AND (k = 1 ${keep})`,
    params: winner ? [winner] : [],
  });
  return Number(r?.s);
}

const headline = '[data-testid="kpi-new_requests"] [data-role="value"]';

async function overviewFigure(page: Page): Promise<number> {
  await page.locator('[data-testid="tab-overview"]').click();
  await waitForCharts(page);
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="loading"], [data-testid="load-progress"]'),
    undefined,
    { timeout: 60_000 },
  );
  return shownNumber(await page.locator(headline).innerText());
}

async function toData(page: Page): Promise<void> {
  await page.locator('[data-testid="tab-data"]').click();
  await page.locator('[data-testid="datasets-manager"]').waitFor({ timeout: 60_000 });
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="loading"]') && !document.querySelector('[data-testid="load-progress"]'),
    undefined,
    { timeout: 60_000 },
  );
}

async function setLang(page: Page, lang: 'zh' | 'en'): Promise<void> {
  await page.evaluate((l) => {
    const [path, query = ''] = location.hash.slice(1).split('?');
    const q = new URLSearchParams(query);
    if (l === 'zh') q.delete('lang');
    else q.set('lang', l);
    location.hash = `${path}?${q.toString()}`;
  }, lang);
  await page
    .locator('[data-testid="datasets-manager"] h3', { hasText: lang === 'zh' ? '数据集管理' : 'Datasets' })
    .waitFor({ timeout: 30_000 });
}

async function loadFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .locator('[data-testid="file-input"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.locator(`[data-dataset="file:${name}"][data-state="primary"]`).waitFor({ timeout: 60_000 });
  await settled(page);
}

describe('the datasets manager', () => {
  it('keeps a loaded file active across a reload, and shows two datasets with a conflict settled both ways', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1');
    await waitForCharts(page);
    await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
      timeout: 90_000,
    });
    await toData(page);
    await loadFile(page, 'a.csv', A);
    expect(decodeURIComponent(page.url())).toContain('ds=file:a.csv');

    // A reload: the file is still there and still active, before any other figures.
    await page.reload(); // still on the Data view
    await page.locator('[data-dataset="file:a.csv"][data-state="primary"]').waitFor({ timeout: 120_000 });
    const rowA = page.locator('[data-dataset="file:a.csv"]');
    expect(await rowA.locator('[data-role="origin"]').innerText()).toBe('您载入的文件');
    expect(await rowA.locator('[data-role="facts"]').innerText()).toContain('2 份年报');
    expect(await page.locator('[data-dataset="demo"] [data-role="origin"]').innerText()).toBe('程序生成的演示数据');
    const [onlyA] = await raw.query({ text: 'SELECT sum(t3_new_total) AS s FROM a', params: [] });
    expect(await overviewFigure(page)).toBe(Number(onlyA?.s));

    // A second file, then the first beside it: one conflict, left out until a choice is made.
    await toData(page);
    await loadFile(page, 'b.csv', B);
    await page.locator('[data-dataset="file:a.csv"] [data-role="use"]').click();
    await page.locator('[data-conflict="x1/2023"]').waitFor({ timeout: 60_000 });
    await settled(page);
    expect(decodeURIComponent(page.url())).toContain('with=file:a.csv');
    expect(await page.locator('[data-testid="conflicts-banner"]').innerText()).toContain('1 处冲突');
    // The header says a dataset is in use beside the chosen one, naming it on hover.
    const beside = page.locator('[data-testid="dataset-beside"]');
    expect(await beside.innerText()).toBe('+ 同时使用 1 个');
    expect(await beside.getAttribute('title')).toContain('a.csv');
    const figures = await page.locator('[data-conflict="x1/2023"] [data-role="figures"]').allInnerTexts();
    expect(figures).toHaveLength(2);
    expect(figures.join(' ')).toMatch(/新收申请 30[\s\S]*新收申请 12/);
    for (const lang of ['zh', 'en'] as const) {
      await setLang(page, lang);
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        await page
          .locator('[data-testid="datasets-manager"]')
          .screenshot({ path: `${SHOTS}/manager-${lang}-${width}.png` });
      }
    }
    await setLang(page, 'zh');
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(await overviewFigure(page)).toBe(await expected(null));
    await page.screenshot({ path: `${SHOTS}/overview-conflicts-banner-zh-1360.png` });

    // Settled for this conflict: file a.
    await toData(page);
    await page.locator('[data-conflict="x1/2023"] [data-side="file:a.csv"] [data-role="choose"]').click();
    await page.locator('[data-conflict="x1/2023"] [data-side="file:a.csv"] [data-role="clear"]').waitFor();
    await settled(page);
    expect(await page.locator('[data-testid="conflicts-banner"]').count()).toBe(0);
    expect(await overviewFigure(page)).toBe(await expected('a'));

    // Settled the other way, by preferring dataset b (the choice for the conflict withdrawn first).
    await toData(page);
    await page.locator('[data-conflict="x1/2023"] [data-side="file:a.csv"] [data-role="clear"]').click();
    await page.locator('[data-testid="conflicts-banner"]').waitFor();
    await page.locator('[data-dataset="file:b.csv"] [data-role="prefer"]').click();
    await page.locator('[data-conflict="x1/2023"] [data-side="file:b.csv"].chosen').waitFor();
    await settled(page);
    expect(await overviewFigure(page)).toBe(await expected('b'));
    expect(await expected('b')).not.toBe(await expected('a'));

    // The choice and both datasets survive a reload.
    await page.reload();
    await waitForCharts(page);
    await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
      timeout: 90_000,
    });
    await settled(page);
    expect(await overviewFigure(page)).toBe(await expected('b'));
    expect(await page.locator('[data-testid="conflicts-banner"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('links an agency across a change of name: one agency_id, kept across a reload, its former name on the report', async () => {
    const renamed =
      [HEAD, row('old1', '某县文化广电体育局', 9).replace('2023', '2022'), row('new1', '某县文化和旅游局', 11)].join(
        '\n',
      ) + '\n';
    const { page, errors } = await openPage(h, '#/data?noanim=1');
    await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
      timeout: 90_000,
    });
    await toData(page);
    await loadFile(page, 'renamed.csv', renamed);
    await page.locator('[data-role="link-from"]').fill('old1');
    await page.locator('[data-role="link-to"]').fill('new1');
    await page.locator('[data-role="link"]').click();
    await page.locator('[data-link="old1"]').waitFor({ timeout: 60_000 });
    await settled(page);
    await page.reload();
    await page.locator('[data-link="old1"]').waitFor({ timeout: 120_000 }); // the link came back
    await page.evaluate(() => (location.hash = '#/report?v=1&ds=file%3Arenamed.csv&rep.agency=new1&rep.year=2023'));
    const former = page.locator('[data-testid="report-former-name"]');
    await former.waitFor({ timeout: 90_000 });
    expect(await former.innerText()).toBe('原名：某县文化广电体育局（2022 年度的年报以原名发布）');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('says plainly when a link names, beside the dataset, one this browser does not have', async () => {
    const { page, errors } = await openPage(h, '#/overview?v=1&with=file%3Anowhere.csv&noanim=1');
    const banner = page.locator('[data-testid="dataset-missing"]');
    await banner.waitFor({ timeout: 90_000 });
    expect(await banner.innerText()).toContain('file:nowhere.csv');
    expect(await page.locator(headline).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
