import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, startHarness, waitForCharts, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const headline = '[data-testid="kpi-new_requests"] [data-role="value"]';

/** A valid wide dataset of `n` reports, made at test time (large enough to take a while to load). */
function largeCsv(n: number): Buffer {
  const cells = ['t3_new_person', 't3_new_total', 't3_carried_in_total', 't3_granted_total', 't3_partial_total'];
  const lines = [`agency_id,agency_name,year,template,level,kind,province,city,county,sector,${cells.join(',')}`];
  for (let i = 0; i < n; i++) {
    const a = i % 97;
    lines.push(
      `g${Math.floor(i / 5)},某县第${Math.floor(i / 5)}局,${2019 + (i % 5)},2021,county,department,示例省,甲市,甲县,教育,${a},${a},${i % 7},${a % 13},${a % 5}`,
    );
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

describe('a dataset load that takes over a second', () => {
  it.each(['zh', 'en'] as const)(
    'shows its progress with a Cancel (%s); cancelling keeps the data shown before',
    async (lang) => {
      const { page, errors } = await openPage(h, `#/overview?noanim=1&lang=${lang}`);
      await waitForCharts(page);
      // The first figures may come from the build-time answers: a load offers Cancel only once the
      // engine holds data to go back to.
      await page.waitForFunction(() => performance.getEntriesByName('dataset-loaded').length > 0, undefined, {
        timeout: 90_000,
      });
      const before = await page.locator(headline).innerText();
      expect(before).toMatch(/\d/);
      await page.locator('[data-testid="tab-data"]').click();
      const summary = page.locator('[data-testid="loaded-summary"]');
      await summary.waitFor({ timeout: 60_000 });
      const summaryBefore = await summary.innerText();

      const rows = 100_000;
      await page
        .locator('[data-testid="file-input"]')
        .setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: largeCsv(rows) });
      const bar = page.locator('[data-testid="load-progress"]');
      await bar.waitFor({ timeout: 60_000 });
      expect(await bar.innerText()).toContain('large.csv');
      expect(await bar.locator('progress').count()).toBe(1);
      // One message for the load: the bar, not the bar and the plain "loading data…" banner too.
      expect(await page.locator('[data-testid="loading"]').count()).toBe(0);
      await screenshot(page, `load-progress-${lang}`);
      await page.locator('[data-testid="load-cancel"]').click();

      const note = page.locator('[data-testid="load-cancelled"]');
      await note.waitFor({ timeout: 60_000 });
      expect(await note.innerText()).toContain(lang === 'zh' ? '已取消载入 large.csv' : 'large.csv was cancelled');
      await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), undefined, {
        timeout: 60_000,
      });
      expect(await bar.count()).toBe(0);
      expect(await summary.innerText()).toBe(summaryBefore);
      expect(decodeURIComponent(page.url())).not.toContain('large.csv');
      expect(await page.locator('[data-testid="load-ok"]').count()).toBe(0);
      await screenshot(page, `load-cancelled-${lang}`);

      await page.locator('[data-testid="tab-overview"]').click();
      await waitForCharts(page);
      expect(await page.locator(headline).innerText()).toBe(before);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
