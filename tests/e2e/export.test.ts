import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, SCREENSHOT_DIR, startHarness, waitForCharts, type Harness } from './harness';
import { parseStrictXml } from '../support/xml';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Clicks an export button of a card and keeps the file under screenshots/ to be looked at. */
async function exported(page: Page, card: string, kind: string, keepAs: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="${card}"] [data-export="${kind}"]`).click(),
  ]);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${keepAs}`;
  copyFileSync((await download.path()) as string, path);
  return { name: download.suggestedFilename(), path, bytes: readFileSync(path) };
}

/** The title as the card shows it (without the glossary mark). */
const cardTitle = async (page: Page, card: string) =>
  page.locator(`[data-testid="${card}"] .chart-title`).evaluate((el) => (el.firstChild?.textContent ?? '').trim());

describe('exports that stand alone', () => {
  it('downloads an SVG of every Overview chart that opens by itself in Chromium with its words', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1');
    await waitForCharts(page);
    const cards = ['chart-requests', 'chart-outcomes', 'chart-top'];
    let opened = 0;
    for (const card of cards) {
      const title = await cardTitle(page, card);
      const unit = (await page.locator(`[data-testid="${card}"] .chart-unit`).innerText()).trim();
      const source = (await page.locator(`[data-testid="${card}"] .chart-source`).innerText()).trim();
      expect(source).toContain('演示数据（生成）');
      const file = await exported(page, card, 'svg', `export-${card}.svg`);
      // Title and date in the name; nothing a file system refuses.
      expect(file.name).toMatch(/_\d{4}-\d{2}-\d{2}\.svg$/);
      expect(file.name.startsWith(title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 10))).toBe(true);
      const svg = parseStrictXml(file.bytes.toString('utf8')).documentElement;
      const size = { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };

      // The file alone, from disk, in a page of its own: Chromium's XML parser is the judge.
      const alone = await h.browser.newPage({ viewport: size, deviceScaleFactor: 1 });
      await alone.goto(pathToFileURL(file.path).toString());
      expect(await alone.locator('parsererror').count()).toBe(0);
      expect(await alone.evaluate(() => document.documentElement.localName)).toBe('svg');
      const words = await alone.evaluate(() => [...document.querySelectorAll('text')].map((t) => t.textContent));
      expect(words).toContain(title);
      expect(words).toContain(unit);
      expect(words).toContain(source);
      // Playwright's own screenshot injects a <style> into the page, which an SVG document does
      // not take; the browser's capture is the picture as it is.
      const cdp = await alone.context().newCDPSession(alone);
      const shot = (await cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
      writeFileSync(`${SCREENSHOT_DIR}/export-${card}-svg-alone.png`, Buffer.from(shot.data, 'base64'));
      await alone.close();
      opened += 1;
    }
    expect(opened).toBe(cards.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads PNGs at 2× and 3× the card’s size, and a CSV with labelled headers', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1');
    await waitForCharts(page);
    const svg = (await exported(page, 'chart-outcomes', 'svg', 'export-outcomes.svg')).bytes.toString('utf8');
    const doc = parseStrictXml(svg);
    const w = Number(doc.documentElement.getAttribute('width'));
    const hgt = Number(doc.documentElement.getAttribute('height'));
    for (const scale of [2, 3]) {
      const png = await exported(page, 'chart-outcomes', `png${scale}`, `export-outcomes-${scale}x.png`);
      expect(png.name).toMatch(new RegExp(`_${scale}x\\.png$`));
      // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
      expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.bytes.readUInt32BE(16)).toBe(w * scale);
      expect(png.bytes.readUInt32BE(20)).toBe(hgt * scale);
    }
    const csv = (await exported(page, 'chart-outcomes', 'csv', 'export-outcomes.csv')).bytes.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const header = csv.slice(1).split('\r\n')[0]?.split(',') ?? [];
    expect(header).toEqual(['项目', '单位：件']);
    await screenshot(page, 'export-overview-zh');
    expect(errors).toEqual([]);
    await page.close();
  });
});
