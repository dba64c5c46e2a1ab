import { readFileSync } from 'node:fs';
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

describe('when the analysis engine fails', () => {
  it('says so when its wasm cannot be fetched, keeps the Data view reachable, and starts on retry', async () => {
    // The reference figure, from a page whose engine started normally.
    const ok = await openPage(h, '#/overview?noanim=1');
    await waitForCharts(ok.page);
    const want = await ok.page.locator(headline).innerText();
    await ok.page.close();

    const page = await h.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let refused = 0;
    await page.route(/duckdb-(eh|mvp)[^/]*\.wasm$/, (route) => {
      refused += 1;
      return route.abort();
    });
    await page.goto(new URL('#/overview?noanim=1', h.baseUrl).toString());
    const banner = page.locator('[data-testid="engine-failed"]');
    await banner.waitFor({ timeout: 60_000 });
    expect(refused).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="loading"], [data-testid="load-progress"]').count()).toBe(0);
    await screenshot(page, 'engine-failed-zh');
    await page.locator('[data-testid="tab-data"]').click();
    await page.locator('[data-testid="file-input"]').waitFor();

    await page.unroute(/duckdb-(eh|mvp)[^/]*\.wasm$/);
    await page.locator('[data-testid="engine-retry"]').click();
    await page.locator('[data-testid="tab-overview"]').click();
    await waitForCharts(page);
    expect(await page.locator(headline).innerText()).toBe(want);
    expect(await banner.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts a new engine with the same data when the engine stops, and every query goes on working', async () => {
    const { page, errors } = await openPage(h, '#/data?noanim=1');
    await page.locator('[data-testid="loaded-summary"]').waitFor({ timeout: 60_000 });
    const csv = readFileSync(new URL('../fixtures/data/compare.csv', import.meta.url));
    await page
      .locator('[data-testid="file-input"]')
      .setInputFiles({ name: 'compare.csv', mimeType: 'text/csv', buffer: csv });
    await page.locator('[data-testid="load-ok"]').waitFor();
    await page.locator('[data-testid="tab-overview"]').click();
    await waitForCharts(page);
    await expect.poll(() => page.locator(headline).innerText(), { timeout: 30_000 }).toMatch(/\d/);
    const before = await page.locator(headline).innerText();

    await page.evaluate(() =>
      (window as unknown as { __dashboard: { stopEngine(): Promise<void> } }).__dashboard.stopEngine(),
    );
    await page.locator('[data-testid="engine-restarting"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="engine-restarting"]').waitFor({ state: 'detached', timeout: 60_000 });
    await waitForCharts(page);
    await expect.poll(() => page.locator(headline).innerText(), { timeout: 30_000 }).toBe(before);
    expect(decodeURIComponent(page.url())).toContain('ds=file:compare.csv');

    // A filter change after the restart is answered by the new engine.
    await page.locator('[data-testid="year-to"]').selectOption({ index: 1 });
    await page.waitForFunction(() => /[?&]y=/.test(location.hash));
    await waitForCharts(page);
    expect(await page.locator(headline).innerText()).toMatch(/\d/);
    expect(errors.filter((e) => !/analysis engine stopped/.test(e))).toEqual([]);
    await page.close();
  });
});
