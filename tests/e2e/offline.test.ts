import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitForCharts, type Harness } from './harness';
import { VIEW_NAMES } from '@/url/schema';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('offline after the first visit', () => {
  it('opens every view with the network gone', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL('#/overview?noanim=1', h.baseUrl).toString());
    await waitForCharts(page);
    // The service worker controls the page and has kept the engine's wasm.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const cache = await caches.open('engine-and-readers');
            return (await cache.keys()).some((r) => r.url.endsWith('.wasm'));
          }),
        { timeout: 60_000 },
      )
      .toBe(true);

    await context.setOffline(true);
    await page.reload();
    await waitForCharts(page);
    let opened = 0;
    for (const view of VIEW_NAMES) {
      await page.locator(`[data-testid="tab-${view}"]`).click();
      await page.waitForFunction((v) => location.hash.startsWith(`#/${v}`), view);
      await page.waitForFunction(
        () =>
          !document.querySelector('[data-testid="loading"], [data-testid="load-progress"]') &&
          document.querySelector('main .view'),
        undefined,
        { timeout: 30_000 },
      );
      if (view === 'overview') {
        await waitForCharts(page);
        await expect
          .poll(() => page.locator('[data-testid="kpi-new_requests"] [data-role="value"]').innerText())
          .toMatch(/\d/);
      }
      expect(await page.locator('[data-testid="engine-failed"]').count()).toBe(0);
      opened += 1;
    }
    expect(opened).toBe(VIEW_NAMES.length);
    expect(errors).toEqual([]);
    await context.close();
  });
});
