import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, screenshot, SCREENSHOT_DIR, startHarness, waitForCharts, type Harness } from './harness';
import { readDocx } from '../support/docx';
import { messages } from '@/i18n';
import briefingMessages from '@/i18n/features/briefing';
import { BRIEFING_STORAGE_KEY } from '@/stores/briefing';
import { DEFAULT_TITLE } from '@/domain/briefing';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const zh = { ...messages.zh, briefing: briefingMessages.zh };
/**
 * Text compared without white space and in NFKC: PDF text extraction splits CJK runs its own way
 * and reads some glyphs as their Kangxi radical twins (⽉ for 月).
 */
/** Text of the page without white space. */
const flat = (s: string) => s.replace(/\s+/g, '');
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

async function addFrom(page: Page, card: string): Promise<string> {
  const button = page.locator(`[data-testid="${card}"] [data-role="add-briefing"]`).first();
  await button.click();
  const said = page.locator(`[data-testid="${card}"] [data-testid="briefing-added"]`).first();
  await said.waitFor();
  return (await said.innerText()).trim();
}

const itemKinds = (page: Page) =>
  page.locator('.briefing-view li[data-item]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));
const itemIds = (page: Page) =>
  page.locator('.briefing-view li[data-item]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item));

const PDFJS = fileURLToPath(new URL('../../node_modules/pdfjs-dist/legacy/build/', import.meta.url));

/** The page that renders a PDF: pdf.js (its legacy build) draws each page and reads its text. */
const RENDER_PAGE = `<!doctype html><meta charset="utf-8"><body><script type="module">
import * as pdfjs from '/__pdfjs/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/__pdfjs/pdf.worker.min.mjs';
window.renderPdf = async (b64) => {
  const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const viewport = p.getViewport({ scale: 1.4 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await p.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    const content = await p.getTextContent();
    pages.push({
      text: content.items.map((i) => i.str ?? '').join(' '),
      png: canvas.toDataURL('image/png'),
      width: viewport.width,
      height: viewport.height,
    });
  }
  return pages;
};
window.pdfReady = true;
</script></body>`;

/** Renders a PDF with pdf.js in a page of the app's origin: each page as PNG, and its text layer. */
async function renderPdf(browser: Browser, baseUrl: string, pdf: Buffer) {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await page.route('**/__pdfjs/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    if (name === 'render.html') return route.fulfill({ contentType: 'text/html', body: RENDER_PAGE });
    return route.fulfill({ contentType: 'text/javascript', body: readFileSync(`${PDFJS}${name}`) });
  });
  await page.goto(new URL('__pdfjs/render.html', baseUrl).toString());
  await page.waitForFunction(() => (window as unknown as { pdfReady?: boolean }).pdfReady === true);
  type Rendered = { text: string; png: string; width: number; height: number };
  const out = await page.evaluate(
    (b64: string) => (window as unknown as { renderPdf(b64: string): Promise<Rendered[]> }).renderPdf(b64),
    pdf.toString('base64'),
  );
  await page.close();
  return out;
}

describe('the briefing', () => {
  it('gathers charts and tables from several views, keeps them, prints them on A4 and writes them to Word', async () => {
    const { page, errors } = await openPage(h, '#/overview?noanim=1');
    page.on('dialog', (d) => void d.accept());
    await waitForCharts(page);

    // 1. Add from three views: two charts and two tables.
    expect(await addFrom(page, 'chart-requests')).toBe('已加入简报（1）');
    expect(flat(await page.locator('[data-testid="tab-briefing"]').innerText())).toBe('简报（1）');
    await page.locator('[data-testid="tab-compare"]').click();
    await page.waitForSelector('[data-testid="ranking-table"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="chart-compare-bars"] .echart[data-rendered="true"]', { timeout: 60_000 });
    expect(await addFrom(page, 'ranking-add-briefing')).toBe('已加入简报（2）');
    expect(await addFrom(page, 'chart-compare-bars')).toBe('已加入简报（3）');
    await page.locator('[data-testid="tab-quality"]').click();
    await page.waitForSelector('[data-testid="quality-scores"]', { timeout: 60_000 });
    expect(await addFrom(page, 'quality-scores-add-briefing')).toBe('已加入简报（4）');
    expect(flat(await page.locator('[data-testid="tab-briefing"]').innerText())).toBe('简报（4）');

    // A written finding, as the views' findings cards add it (kind 'text'), alongside.
    await page.evaluate((key) => {
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}');
      stored.items.push({
        kind: 'text',
        id: 'finding-1',
        caption: '',
        addedAt: new Date().toISOString(),
        title: '主要发现',
        text: '新收申请逐年增加。\n公开率保持稳定。',
        source: '来源：演示数据（生成）；全部机关',
      });
      localStorage.setItem(key, JSON.stringify(stored));
    }, BRIEFING_STORAGE_KEY);

    // 2. The briefing page, and again after a reload.
    await page.locator('[data-testid="tab-briefing"]').click();
    await page.waitForSelector('.briefing-view');
    await page.reload();
    await page.waitForSelector('.briefing-view li[data-item]');
    expect(await itemKinds(page)).toEqual(['chart', 'table', 'chart', 'table', 'text']);
    expect(flat(await page.locator('[data-testid="tab-briefing"]').innerText())).toBe('简报（5）');
    const sources = await page.locator('.briefing-view [data-role="source"]').allInnerTexts();
    expect(sources).toHaveLength(5);
    for (const s of sources) expect(s).toMatch(/^来源：/);
    // The chart pictures are drawn (an <img> of the framed SVG with a size).
    const drawn = await page
      .locator('.briefing-view img.chart-img')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(drawn).toHaveLength(2);
    for (const w of drawn) expect(w).toBeGreaterThan(100);

    // 3. Reorder with the mouse and with the keyboard (the focus stays on the moved item's button).
    const before = await itemIds(page);
    await page.locator(`li[data-item="${before[0]}"] [data-role="down"]`).click();
    expect(await itemIds(page)).toEqual([before[1], before[0], ...before.slice(2)]);
    await page.locator(`li[data-item="${before[4]}"] [data-role="up"]`).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const order = [before[1], before[0], before[4], before[2], before[3]];
    expect(await itemIds(page)).toEqual(order);
    expect(await page.evaluate(() => (document.activeElement?.closest('li') as HTMLElement | null)?.dataset.item)).toBe(
      before[4],
    );

    // 4. Captions, typed and kept.
    const captions = ['机构排名：前二十名', '总体申请量逐年上升', '文字结论'];
    for (const [i, caption] of captions.entries()) {
      const box = page.locator(`li[data-item="${order[i]}"] textarea[data-role="caption"]`);
      await box.fill(caption);
      await box.press('Tab');
    }
    await page.reload();
    await page.waitForSelector('.briefing-view li[data-item]');
    expect(await itemIds(page)).toEqual(order);
    const kept = await page
      .locator('.briefing-view textarea[data-role="caption"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(kept).toEqual([...captions, '', '']);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await screenshot(page, 'briefing-zh-1440');

    // 5. Word: the download, read with an independent unzip and XML parser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="briefing-docx"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^政府信息公开年报简报_\d{4}-\d{2}-\d{2}\.docx$/);
    const docxPath = `${SCREENSHOT_DIR}/briefing.docx`;
    copyFileSync((await download.path()) as string, docxPath);
    const docx = readDocx(new Uint8Array(readFileSync(docxPath)));
    const body = docx.paragraphs.join('\n');
    expect(docx.paragraphs[0]).toBe('政府信息公开年报简报');
    for (const c of captions) expect(body).toContain(c);
    for (const s of sources) expect(body).toContain(s.split('\n')[0]);
    expect(body).toContain('新收申请逐年增加。');
    expect(docx.media).toHaveLength(2);
    for (const m of docx.media) expect(m.png).toBe(true);
    expect(docx.cells.length).toBeGreaterThan(20);
    expect(docx.pageSizes).toEqual([{ w: 11906, h: 16838, orient: 'portrait' }]);
    expect(docx.eastAsiaFonts).toContain('SimSun');
    expect(docx.footerXml).toMatch(/NUMPAGES/);

    // 6. Print to PDF as Chromium does, then render the pages with pdf.js and read their text.
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${SCREENSHOT_DIR}/briefing.pdf`, pdf);
    const pages = await renderPdf(h.browser, h.baseUrl, pdf);
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((p, i) =>
      writeFileSync(
        `${SCREENSHOT_DIR}/briefing-pdf-page-${i + 1}.png`,
        Buffer.from(p.png.split(',')[1] ?? '', 'base64'),
      ),
    );
    // A4 portrait: 210 × 297 mm.
    for (const p of pages) expect(p.height / p.width).toBeCloseTo(297 / 210, 2);
    const text = squash(pages.map((p) => p.text).join(' '));
    expect(text).toContain(squash('政府信息公开年报简报'));
    for (const c of captions) expect(text).toContain(squash(c));
    for (const s of sources) expect(text).toContain(squash(s.split('\n')[0] ?? ''));
    pages.forEach((p, i) => expect(squash(p.text)).toContain(`${i + 1}/${pages.length}`));
    // No app chrome: header, tabs, buttons.
    for (const chrome of [
      zh.app.title,
      zh.nav.overview + zh.nav.compare,
      zh.nav.import,
      zh.nav.glossary,
      zh.briefing.add,
      zh.briefing.clear,
      zh.briefing.print,
      zh.briefing.moveUp,
    ])
      expect(text).not.toContain(squash(chrome));

    // 7. Clear all, after confirming.
    await page.locator('[data-testid="briefing-clear"]').click();
    await page.waitForSelector('[data-testid="briefing-empty"]');
    await page.reload();
    await page.waitForSelector('[data-testid="briefing-empty"]');
    expect(await page.locator('.briefing-view li[data-item]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens with no data loaded and fits 390 px and 1440 px in both languages', async () => {
    const { page, errors } = await openPage(h, '#/briefing?noanim=1', { width: 1440, height: 900 });
    // With nothing in it yet, before any data has loaded, it says how to fill it.
    await page.waitForSelector('[data-testid="briefing-empty"]');
    // Fill it from the Overview (the same items in both languages), then look at it.
    await page.locator('[data-testid="tab-overview"]').click();
    await waitForCharts(page);
    for (const card of ['chart-requests', 'chart-outcomes', 'chart-top']) await addFrom(page, card);
    let shots = 0;
    for (const lang of ['zh', 'en'] as const) {
      for (const width of [390, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(new URL(`#/briefing?noanim=1${lang === 'en' ? '&lang=en' : ''}`, h.baseUrl).toString());
        await page.waitForSelector('.briefing-view li[data-item]');
        expect(await page.locator('.briefing-view li[data-item]').count()).toBe(3);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await page.locator('[data-testid="briefing-sheet-title"]').innerText()).toBe(DEFAULT_TITLE[lang]);
        await screenshot(page, `briefing-${lang}-${width}`);
        shots += 1;
      }
    }
    expect(shots).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });
});
