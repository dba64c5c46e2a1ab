import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, startHarness, waitForCharts, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A page of another site, served at a path the app does not use: the host of the embeds. */
async function hostPage(html: string, viewport: { width: number; height: number }) {
  const page = await h.browser.newPage({ viewport });
  const url = new URL('embed-host.html', h.baseUrl).toString();
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
  return page;
}

/** The iframe snippet the 嵌入 dialog of a chart card gives. */
async function snippetOf(card: string): Promise<string> {
  const { page, errors } = await openPage(h, '#/overview?noanim=1&y=2024');
  await waitForCharts(page);
  await page.locator(`[data-testid="${card}"] [data-role="embed"]`).click();
  const snippet = await page.locator(`[data-testid="${card}"] [data-testid="embed-snippet"]`).inputValue();
  expect(errors).toEqual([]);
  await page.close();
  return snippet;
}

describe('embeds', () => {
  it('shows one chart alone in another page, within its frame from 300 px, with title and source', async () => {
    const snippet = await snippetOf('chart-requests');
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#\/overview\?[^"]*embed=chart-requests/);
    expect(snippet).toMatch(/(\?|&amp;)h=[0-9a-f]{12}/);
    const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, '&') as string;
    const page = await hostPage(
      `<body style="margin:0"><iframe id="narrow" src="${src}&noanim=1" width="300" height="460" style="border:0"></iframe>` +
        `<iframe id="wide" src="${src}&noanim=1" width="640" height="480" style="border:0"></iframe></body>`,
      { width: 1000, height: 900 },
    );
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let checked = 0;
    for (const [id, width] of [
      ['narrow', 300],
      ['wide', 640],
    ] as const) {
      const frame = page.frameLocator(`#${id}`);
      await frame.locator('.embed-target .echart[data-rendered="true"]').waitFor({ timeout: 60_000 });
      expect(
        await frame.locator('.app-header, .filter-bar, [data-testid="kpis"]').filter({ visible: true }).count(),
      ).toBe(0);
      expect(await frame.locator('.chart-card:visible').count()).toBe(1);
      expect(await frame.locator('.embed-target .chart-title').innerText()).toContain('新收申请');
      // The filters in words and the source: the dataset, labelled as generated.
      const sourceLine = await frame.locator('.embed-target .chart-source').innerText();
      expect(sourceLine).toContain('演示数据（生成）');
      expect(sourceLine).toContain('2024');
      const scrollWidth = await frame.locator('html').evaluate((el) => el.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      checked += 1;
    }
    expect(checked).toBe(2);
    expect(await page.frameLocator('#narrow').locator('[data-testid="embed-stale"]').count()).toBe(0);
    await screenshot(page, 'embed-host-page');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when the data behind an embed changed since it was made, and shows the current figures', async () => {
    const snippet = await snippetOf('chart-requests');
    const src = (/src="([^"]+)"/.exec(snippet)?.[1] as string)
      .replace(/&amp;/g, '&')
      .replace(/h=[0-9a-f]{12}/, 'h=000000000000');
    const page = await hostPage(`<iframe src="${src}&noanim=1" width="640" height="560" style="border:0"></iframe>`, {
      width: 700,
      height: 700,
    });
    const frame = page.frameLocator('iframe');
    const stale = frame.locator('[data-testid="embed-stale"]');
    await stale.waitFor({ timeout: 60_000 });
    expect(await stale.innerText()).toContain('000000000000');
    await frame.locator('.embed-target .echart[data-rendered="true"]').waitFor({ timeout: 60_000 });
    await page.close();
  });
});
