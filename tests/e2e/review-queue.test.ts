import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, startHarness, type Harness } from './harness';
import { shownNumber } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url)));

/** 25 agencies × 2 years, made from one real-format report; one has a wrong figure printed. */
const SECTORS =
  '教育 公安 民政 司法 财政 人力资源和社会保障 自然资源 生态环境 住房和城乡建设 交通运输 水利 农业农村 商务 文化和旅游 卫生健康 应急管理 审计 统计 医疗保障 林业 体育 信访 粮食和物资储备 档案 气象'.split(
    ' ',
  );
const BROKEN = '示例县教育局-2022.html';
function queueFiles() {
  const html = fixture('report-2021.html').toString('utf8');
  const files = SECTORS.flatMap((s) =>
    [2022, 2023].map((year) => {
      const name = `示例县${s}局`;
      let text = html.replaceAll('示例县市场监督管理局', name).replaceAll('2023', String(year));
      // The broken one prints 44 requests from persons where the total of 50 says 41.
      if (`${name}-${year}.html` === BROKEN)
        text = text.replace('<td align="center"><p>41</p></td>', '<td align="center"><p>44</p></td>');
      return { name: `${name}-${year}.html`, mimeType: 'text/html', buffer: Buffer.from(text) };
    }),
  );
  return [...files, { name: 'report-2021.pdf', mimeType: 'application/pdf', buffer: fixture('report-2021.pdf') }];
}

const row = (page: Page, file: string) => page.locator(`[data-testid="queue-row"][data-file="${file}"]`);
const loadedReports = async (page: Page) =>
  shownNumber(((await page.locator('[data-testid="loaded-summary"]').innerText()).split('·')[1] ?? '').trim());

async function loaded(page: Page): Promise<number> {
  await page.locator('[data-testid="tab-data"]').click();
  await page.waitForSelector('[data-testid="loaded-summary"]');
  const n = await loadedReports(page);
  await page.locator('[data-testid="tab-import"]').click();
  await page.waitForSelector('[data-testid="report-drop"]');
  return n;
}

async function open(page: Page, file: string) {
  const detail = page.locator(`[data-testid="review-detail"][data-file="${file}"]`);
  if (!(await detail.count())) await row(page, file).locator('[data-testid="queue-open"]').click();
  await detail.waitFor();
  return detail;
}

describe('Review queue', () => {
  it('works through 51 documents: progress, source beside the table, a hand edit, identity once per agency, accept, reload', async () => {
    const { page, errors } = await openPage(h, '#/import?noanim=1');
    await page.waitForSelector('[data-testid="report-drop"]', { timeout: 60_000 });
    const before = await loaded(page);
    const files = queueFiles();
    expect(files).toHaveLength(51);
    await page.locator('[data-testid="report-input"]').setInputFiles(files);
    // Every file has a row at once; the progress bar counts them as they are read.
    await expect.poll(() => page.locator('[data-testid="queue-row"]').count()).toBe(51);
    await expect
      .poll(() => page.locator('[data-testid="queue-row"][data-status="parsing"]').count(), { timeout: 120_000 })
      .toBe(0);
    await expect.poll(() => page.locator('[data-testid="review-progress"]').count()).toBe(0);

    // The broken one comes first (a failing check), with its failure counted in the row.
    const first = page.locator('[data-testid="queue-row"]').first();
    expect(await first.getAttribute('data-file')).toBe(BROKEN);
    expect(shownNumber(await first.locator('td').nth(4).innerText())).toBeGreaterThan(0);

    // Opened: the failing cell is listed, its source passage shows the printed 44.
    const detail = await open(page, BROKEN);
    const cell = detail.locator('[data-testid="review-cell"][data-key="t3_new_person"]');
    await cell.waitFor();
    expect(await cell.innerText()).toContain('规则未通过');
    await cell.locator('[data-testid="review-show"]').click();
    const source = detail.locator('[data-testid="review-source"][data-state="ready"]');
    await source.waitFor();
    expect(await source.locator('td.hit').innerText()).toBe('44');
    expect(await source.locator('[data-testid="review-where"]').innerText()).toMatch(/表 \d+ · 第 \d+ 行/);

    // A wrong value is refused in words; the right one is saved and logged.
    await cell.locator('[data-testid="review-edit"]').fill('4x');
    await cell.locator('[data-testid="review-save"]').click();
    expect(await cell.locator('[role="alert"]').innerText()).toContain('非负整数');
    await cell.locator('[data-testid="review-edit"]').fill('41');
    await cell.locator('[data-testid="review-save"]').click();
    await expect.poll(() => cell.locator('[data-testid="review-cell-value"]').innerText()).toBe('41');
    const log = detail.locator('[data-testid="review-edit-line"]');
    expect(await log.count()).toBe(1);
    expect(await log.first().innerText()).toMatch(/44\s+41/);
    await expect.poll(async () => shownNumber(await first.locator('td').nth(4).innerText())).toBe(0);

    // Identity confirmed once for the agency: both of its years carry it.
    await detail.locator('[data-testid="review-confirm"]').click();
    await detail.locator('[data-testid="review-confirmed"]').waitFor();
    const sibling = await open(page, '示例县教育局-2023.html');
    expect(await sibling.locator('[data-testid="review-confirmed"]').count()).toBe(1);

    // The PDF: a click on a figure in its table draws its page beside it, the figure marked.
    const pdf = await open(page, 'report-2021.pdf');
    await pdf.locator('td[data-key="t3_new_total"]').click();
    const pdfSource = pdf.locator('[data-testid="review-source"][data-state="ready"]');
    await pdfSource.waitFor();
    expect(await pdfSource.locator('td.hit').innerText()).toBe('50');
    expect(await pdfSource.locator('[data-testid="review-where"]').innerText()).toContain('第 1 页');
    await pdfSource.locator('[data-testid="review-page"] img').waitFor();
    await expect
      .poll(() =>
        pdfSource.locator('[data-testid="review-page"] img').evaluate((i: HTMLImageElement) => i.naturalWidth),
      )
      .toBeGreaterThan(500);
    expect(await pdfSource.locator('[data-testid="review-mark"]').count()).toBe(1);
    await screenshot(page, 'review-pdf-zh');
    // Left out: the fixture agency is not part of this batch.
    await pdf.locator('[data-testid="review-reject"]').click();
    await expect.poll(() => row(page, 'report-2021.pdf').getAttribute('data-status')).toBe('rejected');

    // Accept the 50 HTML reports.
    const accept = page.locator('[data-testid="import-accept"]');
    await expect.poll(() => accept.isDisabled()).toBe(false);
    expect(await accept.innerText()).toContain('50');
    await accept.click();
    await page.waitForSelector('[data-testid="import-ok"]');
    await expect.poll(() => page.locator('[data-testid="queue-row"][data-status="accepted"]').count()).toBe(50);
    expect(await loaded(page)).toBe(before + 50);
    await screenshot(page, 'review-queue-zh');

    // Reload: the queue, its statuses and the edit log are still there, and so are the reports.
    await page.reload();
    await page.waitForSelector('[data-testid="report-drop"]', { timeout: 60_000 });
    await expect.poll(() => page.locator('[data-testid="queue-row"]').count(), { timeout: 30_000 }).toBe(51);
    expect(await page.locator('[data-testid="queue-row"][data-status="accepted"]').count()).toBe(50);
    expect(await row(page, 'report-2021.pdf').getAttribute('data-status')).toBe('rejected');
    const again = await open(page, BROKEN);
    expect(await again.locator('[data-testid="review-edit-line"]').count()).toBe(1);
    expect(await again.locator('[data-testid="review-edit-line"]').first().innerText()).toMatch(/44\s+41/);
    expect(await loaded(page)).toBe(before + 50);
    expect(errors).toEqual([]);
    await page.close();
  });
});
