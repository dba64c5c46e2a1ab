import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, startHarness, waitForCharts, waitForLive, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The SQL of the Overview's top-agencies card alone (the other cards ask nothing like it). */
const TOP_AGENCIES_SQL = String.raw`any_value\(agency_name\) AS agency_name`;
const failedCard = '[data-testid="chart-top"]';
const headline = '[data-testid="kpi-new_requests"] [data-role="value"]';

describe('a query that fails', () => {
  it('offers no fault hook on a page opened normally', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1');
    await waitForCharts(page);
    const hook = await page.evaluate(
      () => typeof (window as unknown as { __dashboard: Record<string, unknown> }).__dashboard.failNextQuery,
    );
    expect(hook).toBe('undefined');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['zh', 'en'] as const)(
    'is said in its own card only (%s), the other cards keep their figures, and retry recovers it',
    async (lang) => {
      const { page, errors } = await openPage(h, `?faults#/overview?noanim=1&lang=${lang}`);
      await waitForCharts(page);
      // The first figures may come from the build-time answers: wait until the engine has answered
      // them all, or the armed fault may hit the opening state's own top-agencies query instead.
      await waitForLive(page);
      await page.evaluate(
        (pattern) =>
          (window as unknown as { __dashboard: { failNextQuery(p: string): void } }).__dashboard.failNextQuery(pattern),
        TOP_AGENCIES_SQL,
      );
      // A new filter asks every card again; only the top-agencies question fails.
      await page.evaluate(() => (location.hash = location.hash + '&level=county'));
      const error = page.locator(`${failedCard} [data-role="query-error"]`);
      await error.waitFor({ timeout: 60_000 });
      const said = await error.innerText();
      expect(said).toContain(lang === 'zh' ? '此项数据未能算出' : 'could not be computed');
      // The engine's own words never reach the page.
      expect(said).not.toMatch(/injected|fault|SELECT|Error/);
      expect(await page.locator('[data-role="query-error"]').count()).toBe(1);
      await expect.poll(() => page.locator(headline).innerText(), { timeout: 30_000 }).toMatch(/\d/);
      for (const id of ['chart-requests', 'chart-outcomes']) {
        await page.locator(`[data-testid="${id}"] .echart[data-rendered="true"]`).waitFor({ timeout: 30_000 });
      }
      expect(await page.locator(`${failedCard} .echart`).count()).toBe(0);
      await screenshot(page, `query-error-${lang}`);

      await page.locator(`${failedCard} [data-role="retry"]`).click();
      await page.locator(`${failedCard} .echart[data-rendered="true"]`).waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-role="query-error"]').count()).toBe(0);
      // The card's figures are those of the filter now applied.
      expect(decodeURIComponent(page.url())).toContain('level=county');
      // The failure is logged as a warning for support, never as an error.
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
