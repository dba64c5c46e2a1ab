import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, startHarness, type Harness } from './harness';
import { hashOf, LEGACY_URLS } from '../url/legacy-urls';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The page's text once it has stopped changing: data loaded, every card answered. */
async function settledText(page: Page): Promise<string> {
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="loading"], [data-testid="load-progress"], .dim'),
    undefined,
    {
      timeout: 60_000,
    },
  );
  let last = '';
  let same = 0;
  for (let i = 0; i < 160 && same < 4; i++) {
    await page.waitForTimeout(300);
    const now = await page.locator('main').innerText();
    // A figure still on its way shows "…": not settled yet.
    const pending =
      /^…$/m.test(now) || (await page.locator('[data-testid="loading"], [data-testid="load-progress"]').count()) > 0;
    same = now === last && !pending ? same + 1 : 0;
    last = now;
  }
  expect(same).toBe(4);
  return last;
}

describe('links made before the URL schema', () => {
  it('are at least one per view with choices', () => {
    expect(LEGACY_URLS.length).toBeGreaterThanOrEqual(8);
  });

  it.each(LEGACY_URLS.map((u) => [hashOf(u.view, u.old), u] as const))(
    'open %s as the same picture as its canonical form, rewritten to it',
    async (_, { view, old, now }) => {
      const a = await openPage(h, hashOf(view, { ...old, noanim: '1' }));
      await a.page.waitForFunction(() => /[?&]v=1\b/.test(location.hash), undefined, { timeout: 30_000 });
      const oldText = await settledText(a.page);
      const rewritten = new URLSearchParams(a.page.url().split('?')[1]);
      expect(Object.fromEntries(rewritten)).toEqual({ ...now, noanim: '1' });
      const b = await openPage(h, hashOf(view, { ...now, noanim: '1' }));
      expect(await settledText(b.page)).toBe(oldText);
      expect([...a.errors, ...b.errors]).toEqual([]);
      await a.page.close();
      await b.page.close();
    },
  );
});

describe('one owner for the loaded data', () => {
  it('loads the default dataset again when it is chosen after an uploaded file', async () => {
    const { page, errors } = await openPage(h, '#/data?noanim=1');
    const summary = page.locator('[data-testid="loaded-summary"]');
    await summary.waitFor({ timeout: 60_000 });
    const demo = await summary.innerText();
    expect(demo).toContain('5,393');
    const csv = readFileSync(new URL('../fixtures/data/wide.csv', import.meta.url));
    await page
      .locator('[data-testid="file-input"]')
      .setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: csv });
    await page.locator('[data-testid="load-ok"]').waitFor();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('ds=file:wide.csv'));
    expect(await summary.innerText()).toContain('wide.csv');
    expect(await page.locator('[data-testid="dataset-provenance"]').innerText()).toContain('wide.csv');
    await page.locator('[data-testid="dataset"]').selectOption('demo');
    await page.waitForFunction(() => !location.hash.includes('ds='));
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="loaded-summary"]')?.textContent?.trim() === before,
      demo.trim(),
      { timeout: 60_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps an uploaded file across a reload, and forgets it on request', async () => {
    const { page, errors } = await openPage(h, '#/data?noanim=1');
    const summary = page.locator('[data-testid="loaded-summary"]');
    await summary.waitFor({ timeout: 60_000 });
    const csv = readFileSync(new URL('../fixtures/data/wide.csv', import.meta.url));
    await page
      .locator('[data-testid="file-input"]')
      .setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: csv });
    await page.locator('[data-testid="load-ok"]').waitFor();
    const loaded = await summary.innerText();
    expect(loaded).toContain('wide.csv');
    await page.locator('[data-kept="file:wide.csv"]').waitFor();
    expect(await page.locator('[data-testid="storage-used"]').innerText()).toMatch(/\d/);

    await page.reload();
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid="loaded-summary"]')?.textContent?.trim() === want,
      loaded.trim(),
      { timeout: 60_000 },
    );
    expect(decodeURIComponent(page.url())).toContain('ds=file:wide.csv');
    await screenshot(page, 'data-kept-zh');
    // Figures come from the kept file: the Overview says so, and shows no demo figures.
    await page.locator('[data-testid="tab-overview"]').click();
    await page.locator('[data-testid="kpis"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="generated-note"]').count()).toBe(0);

    await page.locator('[data-testid="tab-data"]').click();
    await page.locator('[data-kept="file:wide.csv"] [data-role="forget"]').click();
    await page.waitForFunction(() => !location.hash.includes('ds='));
    await expect.poll(() => summary.innerText(), { timeout: 60_000 }).toContain('5,393');
    expect(await page.locator('[data-kept="file:wide.csv"]').count()).toBe(0);
    await page.reload();
    await summary.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-kept]').count()).toBe(0);
    expect(await page.locator('[data-testid="dataset"] option[value="file:wide.csv"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says plainly when a link names a dataset this browser does not have, and shows no other figures', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1&ds=file%3Aelsewhere.csv');
    const banner = page.locator('[data-testid="dataset-missing"]');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.innerText()).toContain('file:elsewhere.csv');
    expect(await page.locator('[data-testid="kpis"], .chart-card').count()).toBe(0);
    expect(await page.locator('[data-testid="loading"], [data-testid="load-progress"]').count()).toBe(0);
    await screenshot(page, 'dataset-missing-zh');
    // The Data view still opens, to load a file.
    await page.locator('[data-testid="tab-data"]').click();
    await page.locator('[data-testid="file-input"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("carries only global keys across tabs, so one view's choices never reach another", async () => {
    const { page, errors } = await openPage(h, '#/outcomes?noanim=1&v=1&out.by=level&level=county');
    await settledText(page);
    await page.locator('[data-testid="tab-applicants"]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/applicants'));
    expect(page.url()).toContain('level=county');
    expect(page.url()).not.toContain('by=');
    await page.locator('[data-testid="tab-outcomes"]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/outcomes'));
    expect(page.url()).not.toContain('out.by');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the Overview for an unknown path instead of a blank page', async () => {
    const { page, errors } = await openPage(h, '#/no-such-view?noanim=1&ds=real');
    await page.waitForFunction(() => location.hash.startsWith('#/overview'));
    expect(page.url()).toContain('ds=real');
    await page.locator('[data-testid="kpis"]').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
