import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHeld as openHeldPage, startHarness, waitForLive, type Harness } from './harness';

let h: Harness;
const openHeld = (path: string) => openHeldPage(h, path);
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const VIEWS = ['overview', 'compare', 'trends', 'outcomes', 'applicants', 'litigation', 'proactive', 'quality'];

const marks = (page: Page, name: string) =>
  page.evaluate(
    (n) => performance.getEntriesByName(n).map((m) => (m as PerformanceMark).detail as { datasetLoaded: boolean }),
    name,
  );

/**
 * Every chart card of the page has drawn (none is loading); the Quality view, made of tables, has
 * its score and failure tables.
 */
const chartsDrawn = (page: Page) =>
  page.waitForFunction(
    () => {
      if (location.hash.startsWith('#/quality')) {
        return (
          !!document.querySelector('[data-testid="quality-scores"]') &&
          !!document.querySelector('[data-testid="quality-failures"], [data-testid="quality-no-failures"]')
        );
      }
      const cards = [...document.querySelectorAll('.chart-card')];
      return (
        cards.length > 0 &&
        cards.every((c) => c.querySelector('.echart[data-rendered="true"]') || c.querySelector('[data-empty]')) &&
        !document.querySelector('.chart-body.dim')
      );
    },
    undefined,
    { timeout: 60_000 },
  );

describe('the first figures of the bundled demo', () => {
  it.each(VIEWS)('the default %s view is drawn from build-time answers before the engine is up', async (view) => {
    const { page, errors, release } = await openHeld(`#/${view}`);
    await chartsDrawn(page);
    const shown = await marks(page, 'stored-answer-shown');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((m) => !m.datasetLoaded)).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByName('dataset-loaded').length)).toBe(0);
    await release();
    await page.close();
    expect(errors).toEqual([]);
  });

  it('the live answers equal the stored ones and replace them without redrawing the page', async () => {
    const { page, release } = await openHeld('#/overview');
    const kpi = page.locator('[data-testid="kpi-new_requests"] [data-role="value"]');
    await page.waitForFunction(
      () =>
        /\d/.test(document.querySelector('[data-testid="kpi-new_requests"] [data-role="value"]')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    await chartsDrawn(page);
    const before = await page.locator('[data-testid="kpis"]').innerText();
    expect(await kpi.innerText()).toMatch(/\d/);
    // The same element must still be there afterwards: the view was not built again.
    await page.evaluate(() => {
      (document.querySelector('[data-testid="kpis"]') as HTMLElement & { keep?: boolean }).keep = true;
    });
    await release();
    await waitForLive(page);
    expect(await marks(page, 'stored-answer-replaced')).toEqual([]);
    expect((await marks(page, 'stored-answer-confirmed')).length).toBe(
      (await marks(page, 'stored-answer-shown')).length,
    );
    expect(await page.locator('[data-testid="kpis"]').innerText()).toBe(before);
    expect(
      await page.evaluate(
        () => (document.querySelector('[data-testid="kpis"]') as HTMLElement & { keep?: boolean }).keep === true,
      ),
    ).toBe(true);
    await page.close();
  });

  it('a link with filters shows the page at once and its figures once the engine is up', async () => {
    const { page, release } = await openHeld('#/overview?level=province');
    await page.waitForSelector('[data-testid="kpis"] [data-role="value"]', { timeout: 60_000 });
    // The frame is there; its figures wait for the engine (only the unfiltered list of years, the
    // same for every filter, may come from the build-time answers).
    expect(await page.locator('[data-testid="kpi-new_requests"] [data-role="value"]').innerText()).not.toMatch(/\d/);
    expect(await page.evaluate(() => performance.getEntriesByName('dataset-loaded').length)).toBe(0);
    await release();
    await page.waitForFunction(
      () =>
        /\d/.test(document.querySelector('[data-testid="kpi-new_requests"] [data-role="value"]')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.evaluate(() => performance.getEntriesByName('dataset-loaded').length)).toBe(1);
    await page.close();
  });
});
