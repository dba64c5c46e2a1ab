import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, startHarness, waitForCharts, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const headline = '[data-testid="kpi-new_requests"] [data-role="value"]';
const notice = '[data-testid="filters-absent"]';

/** The text a select shows: its selected option's. */
const shown = (page: Page, testId: string) =>
  page
    .locator(`[data-testid="${testId}"]`)
    .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent?.trim());

describe('filter values the dataset does not have', () => {
  it('are shown in the bar, marked, when a link names them, and one click clears each', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1&v=1&prov=%E5%88%AB%E7%9C%81');
    await page.locator(notice).waitFor({ timeout: 60_000 });
    // The select shows the value the figures are filtered by, never 全部省份.
    expect(await shown(page, 'province')).toBe('别省（本数据集无此项）');
    const item = page.locator(`${notice} [data-param="prov"]`);
    expect(await item.innerText()).toContain('地区：别省');
    expect(await item.innerText()).toContain('本数据集无此项');
    // The bar folded on a phone counts it, and says it is one the dataset lacks.
    expect(await page.locator('[data-testid="filters-toggle"]').textContent()).toContain(
      '筛选（已设 1 项，其中 1 项本数据集无此项）',
    );
    await screenshot(page, 'filters-absent-zh');

    await item.locator('[data-role="clear"]').click();
    await page.waitForFunction(() => !location.hash.includes('prov='));
    await page.locator(notice).waitFor({ state: 'detached' });
    expect(await shown(page, 'province')).toBe('全部省份');
    await waitForCharts(page);
    await expect.poll(() => page.locator(headline).innerText(), { timeout: 30_000 }).toMatch(/\d/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('are listed for every kind of filter at once (en), each with its own clear', async () => {
    const link =
      '#/overview?noanim=1&v=1&lang=en&y=2010&kind=government&sector=%E4%B8%8D%E5%AD%98%E5%9C%A8&ag=no-such-agency';
    const { page, errors } = await openPage(h, link);
    await page.locator(`${notice} [data-param="ag"]`).waitFor({ timeout: 60_000 });
    const params = await page
      .locator(`${notice} [data-param]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-param')));
    expect(params).toEqual(['y', 'sector', 'ag']);
    expect(await page.locator(notice).innerText()).toContain('not in this dataset');
    expect(await shown(page, 'year-from')).toBe('2010（not in this dataset）');
    expect(await shown(page, 'sector')).toBe('不存在（not in this dataset）');
    await screenshot(page, 'filters-absent-en');
    await page.locator(`${notice} [data-param="sector"] [data-role="clear"]`).click();
    await page.waitForFunction(() => !location.hash.includes('sector='));
    // Only that value went: the others are still there, and still said.
    expect(decodeURIComponent(page.url())).toContain('ag=no-such-agency');
    expect(decodeURIComponent(page.url())).toContain('y=2010');
    await expect
      .poll(() =>
        page.locator(`${notice} [data-param]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-param'))),
      )
      .toEqual(['y', 'ag']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('are said when the dataset changes under a filter it lacks', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1&v=1&sector=%E6%A1%A3%E6%A1%88');
    await waitForCharts(page);
    expect(await shown(page, 'sector')).toBe('档案');
    expect(await page.locator(notice).count()).toBe(0);
    await page.locator('[data-testid="tab-data"]').click();
    const csv = readFileSync(new URL('../fixtures/data/compare.csv', import.meta.url));
    await page
      .locator('[data-testid="file-input"]')
      .setInputFiles({ name: 'compare.csv', mimeType: 'text/csv', buffer: csv });
    await page.locator('[data-testid="load-ok"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="tab-overview"]').click();
    await page.locator(`${notice} [data-param="sector"]`).waitFor({ timeout: 60_000 });
    expect(await shown(page, 'sector')).toBe('档案（本数据集无此项）');
    expect(decodeURIComponent(page.url())).toContain('sector=档案');
    await page.locator(`${notice} [data-param="sector"] [data-role="clear"]`).click();
    await page.waitForFunction(() => !location.hash.includes('sector='));
    expect(await shown(page, 'sector')).toBe('全部');
    expect(errors).toEqual([]);
    await page.close();
  });
});
