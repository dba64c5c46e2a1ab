import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startHarness, type Harness } from './harness';
import { VIEW_NAMES } from '@/url/schema';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Waits until the data is loaded and the page has stopped changing. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="loading"], [data-testid="load-progress"], .dim') &&
      document.querySelector('main .view'),
    undefined,
    { timeout: 60_000 },
  );
  let last = -1;
  for (let i = 0, same = 0; i < 60 && same < 2; i++) {
    await page.waitForTimeout(300);
    const now = await page.evaluate(() => document.body.innerText.length);
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

async function seriousFindings(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

const COMBOS = [
  { ds: 'demo', lang: 'zh' },
  { ds: 'demo', lang: 'en' },
  { ds: 'real', lang: 'zh' },
  { ds: 'real', lang: 'en' },
] as const;

describe('every view on a phone and for everyone', () => {
  it.each(VIEW_NAMES)(
    '%s fits 390 px on both datasets in both languages, with no serious axe finding',
    async (view) => {
      const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      let checked = 0;
      for (const { ds, lang } of COMBOS) {
        const q = new URLSearchParams({
          v: '1',
          noanim: '1',
          ...(ds === 'real' ? { ds } : {}),
          ...(lang === 'en' ? { lang } : {}),
        });
        await page.goto(new URL(`#/${view}?${q}`, h.baseUrl).toString());
        await page.reload();
        await settle(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${view} ${ds} ${lang}`).toBeLessThanOrEqual(390);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'en' ? 'en' : 'zh-CN');
        if (ds === 'demo') await screenshot(page, `phone-${view}-${lang}`);
        if ((ds === 'demo' && lang === 'zh') || (ds === 'real' && lang === 'en')) {
          expect(await seriousFindings(page), `${view} ${ds} ${lang}`).toEqual([]);
        }
        checked += 1;
      }
      expect(checked).toBe(COMBOS.length);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('every view in a small window', () => {
  it('fits 768 px in both languages', async () => {
    const context = await h.browser.newContext({ viewport: { width: 768, height: 900 } });
    const page = await context.newPage();
    let checked = 0;
    for (const view of VIEW_NAMES) {
      for (const lang of ['zh', 'en'] as const) {
        await page.goto(new URL(`#/${view}?v=1&noanim=1${lang === 'en' ? '&lang=en' : ''}`, h.baseUrl).toString());
        await settle(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${view} ${lang}`).toBeLessThanOrEqual(
          768,
        );
        checked += 1;
      }
    }
    expect(checked).toBe(VIEW_NAMES.length * 2);
    await context.close();
  });
});
