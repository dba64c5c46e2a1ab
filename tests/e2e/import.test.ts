import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, startHarness, waitForCharts, type Harness } from './harness';
import { rawDataset, shownNumber } from './support';
import { cjkPdf } from '../support/cjk-pdf';

let h: Harness;
let demo: Awaited<ReturnType<typeof rawDataset>>;

beforeAll(async () => {
  [h, demo] = await Promise.all([startHarness(), rawDataset('demo.csv')]);
});
afterAll(async () => {
  await h?.close();
});

const fixture = (name: string) => ({
  name,
  mimeType: name.endsWith('.pdf') ? 'application/pdf' : name.endsWith('.html') ? 'text/html' : 'text/plain',
  buffer: readFileSync(fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url))),
});

const row = (page: Page, file: string) => page.locator(`[data-testid="queue-row"][data-file="${file}"]`);
/** Opens a document of the review queue (one is open at a time) and gives its card. */
async function card(page: Page, file: string) {
  const detail = page.locator(`[data-testid="review-detail"][data-file="${file}"]`);
  if (!(await detail.count())) await row(page, file).locator('[data-testid="queue-open"]').click();
  await detail.waitFor();
  return page.locator(`[data-testid="import-item"][data-file="${file}"]`);
}
const loadedReports = async (page: Page) =>
  shownNumber(((await page.locator('[data-testid="loaded-summary"]').innerText()).split('·')[1] ?? '').trim());

async function openImport(path = '#/import?noanim=1') {
  const watched = await openPage(h, path);
  await watched.page.waitForSelector('[data-testid="report-drop"]', { timeout: 60_000 });
  return watched;
}

async function waitParsed(page: Page, files: string[]) {
  for (const f of files) {
    await expect
      .poll(async () => row(page, f).getAttribute('data-status'), {
        timeout: 60_000,
      })
      .not.toContain('parsing');
  }
}

describe('Import reports', () => {
  it('parses an HTML and a PDF report in the browser, adds them to the data, and every view counts them', async () => {
    const { page, errors } = await openImport();
    await page.locator('[data-testid="tab-data"]').click();
    await page.waitForSelector('[data-testid="loaded-summary"]');
    const before = await loadedReports(page);
    await page.locator('[data-testid="tab-import"]').click();

    const files = ['single-other-2021.html', 'report-2021.pdf', 'scanned.pdf'];
    await page.locator('[data-testid="report-input"]').setInputFiles(files.map(fixture));
    await waitParsed(page, files);

    // HTML: identity, tables with catalogue labels and provenance, the note about the single （六） row.
    const html = await card(page, 'single-other-2021.html');
    expect(await html.locator('[data-testid="import-detected"]').innerText()).toContain(
      '示例区住房和城乡建设局 · 2021',
    );
    expect(await html.locator('[data-testid="import-state"]').innerText()).toBe('待接受');
    // The message, never the internal code (t3_single_other_row), which stays in the markup only.
    const htmlWarnings = await html.locator('[data-testid="import-warnings"]').innerText();
    expect(htmlWarnings).toContain('“（六）其他处理”只有一行');
    expect(htmlWarnings).not.toContain('t3_single_other_row');
    expect(await html.locator('[data-testid="import-warnings"] li[data-code="t3_single_other_row"]').count()).toBe(1);
    // A cell the warning is about says so in words in its tooltip.
    expect(await html.locator('td[data-key="t3_other_single_total"]').getAttribute('title')).toContain(
      '提示：按 2021 年格式填报',
    );
    expect(await html.locator('[data-testid="parsed-tables"] table').first().innerText()).toContain('本年制发件数');
    const newTotal = html.locator('td[data-key="t3_new_total"]');
    expect(await newTotal.getAttribute('title')).toMatch(/网页表 \d+ 第 \d+ 行第 \d+ 列/);
    await expect.poll(async () => html.locator('[data-testid="import-rules"]').innerText()).toContain('R1');
    // Printed with a single （六） row: that row is shown with its figures.
    expect((await html.locator('td[data-key="t3_other_single_total"]').innerText()).trim()).toBe('2');

    // PDF: read through pdf.js in the browser, with page and coordinates as provenance.
    const pdf = await card(page, 'report-2021.pdf');
    expect(await pdf.locator('[data-testid="import-detected"]').innerText()).toContain('示例县市场监督管理局 · 2023');
    expect((await pdf.locator('td[data-key="t3_new_total"]').innerText()).trim()).toBe('50');
    expect(await pdf.locator('td[data-key="t3_new_total"]').getAttribute('title')).toMatch(/第 1 页，坐标/);
    expect(await pdf.locator('td[data-key="t4_review_total"]').innerText()).toBe('4');
    const pdfWarnings = await pdf.locator('[data-testid="import-warnings"]').innerText();
    expect(pdfWarnings).toContain('第二部分未见以下行的数值');
    expect(pdfWarnings).not.toContain('t2_rows_missing');
    expect(await pdf.locator('[data-testid="import-rules"]').innerText()).toMatch(/R1 申请收支平衡 · 通过/);
    expect(await pdf.locator('select[data-field="level"]').inputValue()).toBe('county');
    expect(await pdf.locator('select[data-field="kind"]').inputValue()).toBe('department');

    // A scan is named as such and cannot be accepted.
    const scan = await card(page, 'scanned.pdf');
    expect(await scan.locator('[data-testid="import-state"]').innerText()).toBe('无法读取');
    expect(await scan.locator('[data-testid="import-warnings"]').innerText()).toContain('扫描版 PDF，没有文字层');
    expect(await scan.locator('[data-testid="import-include"]').count()).toBe(0);

    await screenshot(page, 'import-zh');

    const accept = page.locator('[data-testid="import-accept"]');
    expect(await accept.innerText()).toContain('2');
    await accept.click();
    await page.waitForSelector('[data-testid="import-ok"]');
    expect(await page.locator('[data-testid="import-ok"]').innerText()).toContain('共追加 2 份');
    await card(page, 'report-2021.pdf');
    expect(await pdf.locator('[data-testid="import-state"]').innerText()).toBe('已加入数据');
    await screenshot(page, 'import-accepted-zh');

    await page.locator('[data-testid="tab-data"]').click();
    await page.waitForSelector('[data-testid="loaded-summary"]');
    expect(await loadedReports(page)).toBe(before + 2);

    // The added figures are queryable: the 2023 headline includes the PDF report's 50 new requests.
    await page.locator('[data-testid="tab-overview"]').click();
    await page.locator('[data-testid="year-to"]').selectOption('2023');
    await page.waitForFunction(() => location.hash.includes('2023'));
    await waitForCharts(page);
    const [row] = await demo(`SELECT sum(t3_new_total) AS n FROM raw WHERE year = 2023`);
    await expect
      .poll(async () =>
        shownNumber(await page.locator('[data-testid="kpi-new_requests"] [data-role="value"]').innerText()),
      )
      .toBe(Number(row?.n) + 50);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a report already loaded, names the file, and keeps everything as it was', async () => {
    const { page, errors } = await openImport('#/import?noanim=1&lang=en');
    await page.locator('[data-testid="report-input"]').setInputFiles([fixture('report-2021.html')]);
    await waitParsed(page, ['report-2021.html']);
    const html = await card(page, 'report-2021.html');
    expect(await html.locator('[data-testid="import-state"]').innerText()).toBe('To accept');
    expect(await html.locator('[data-testid="import-warnings"]').count()).toBe(0);
    expect(await html.locator('.warnings').innerText()).toContain('No notes');
    // A demo agency's id with a year it already has: the loader refuses the append.
    const [taken] = await demo(`SELECT agency_id, year FROM raw WHERE year = 2023 ORDER BY agency_id LIMIT 1`);
    await html.locator('input[data-field="agency_id"]').fill(String(taken?.agency_id));
    await page.locator('[data-testid="tab-data"]').click();
    await page.waitForSelector('[data-testid="loaded-summary"]');
    const before = await loadedReports(page);
    await page.locator('[data-testid="tab-import"]').click();
    await page.locator('[data-testid="import-accept"]').click();
    const failure = page.locator('[data-testid="import-failure"]');
    await failure.waitFor();
    expect(await failure.innerText()).toContain('report-2021.html');
    expect(await failure.innerText()).toContain('is already loaded');
    expect(await html.locator('[data-testid="import-state"]').innerText()).toBe('To accept');
    expect(await html.locator('input[data-field="agency_id"]').inputValue()).toBe(String(taken?.agency_id));

    // Clearing the year shows the form's own check and blocks the accept.
    await html.locator('input[data-field="year"]').fill('');
    expect(await html.locator('.field.year .problem').innerText()).toBe('Required');
    expect(await page.locator('[data-testid="import-accept"]').isDisabled()).toBe(true);
    await html.locator('input[data-field="year"]').fill('2023');
    await html.locator('[data-testid="parsed-tables"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-en');

    await page.locator('[data-testid="tab-data"]').click();
    await page.waitForSelector('[data-testid="loaded-summary"]');
    expect(await loadedReports(page)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a PDF in a Chinese font that is not embedded, with the CMaps served by the app itself', async () => {
    const { page, errors } = await openImport();
    const bytes = cjkPdf(['示例县统计局2023年政府信息公开工作年度报告', '一、总体情况']);
    await page
      .locator('[data-testid="report-input"]')
      .setInputFiles([{ name: 'cjk.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) }]);
    await waitParsed(page, ['cjk.pdf']);
    const pdf = await card(page, 'cjk.pdf');
    expect(await pdf.locator('[data-testid="import-detected"]').innerText()).toContain('示例县统计局 · 2023');
    // It has no statistical tables, and says so (rather than "scanned").
    expect(await pdf.locator('[data-testid="import-warnings"]').innerText()).toContain('未找到统计表');
    expect(await pdf.locator('[data-testid="import-warnings"]').innerText()).not.toContain('no_tables');
    expect(await pdf.locator('[data-testid="import-state"]').innerText()).toBe('无法读取');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a Word (DOCX) report and a plain-text report in the browser', async () => {
    const { page, errors } = await openImport();
    await page.locator('[data-testid="report-input"]').setInputFiles([
      {
        ...fixture('report-2021.docx'),
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      fixture('v2019-2020.txt'),
    ]);
    await waitParsed(page, ['report-2021.docx', 'v2019-2020.txt']);
    const docx = await card(page, 'report-2021.docx');
    expect(await docx.locator('[data-testid="import-detected"]').innerText()).toContain('示例县市场监督管理局 · 2023');
    expect((await docx.locator('td[data-key="t3_new_total"]').innerText()).trim()).toBe('50');
    expect(await docx.locator('td[data-key="t3_new_total"]').getAttribute('title')).toMatch(/Word 表/);
    const txt = await card(page, 'v2019-2020.txt');
    expect(await txt.locator('[data-testid="import-detected"]').innerText()).toContain('2019 模板');
    // A .txt report is a text file to the user, not a web page.
    expect(await txt.locator('.title .sub').innerText()).toMatch(/^文本 · /);
    expect(await txt.locator('select[data-field="level"]').inputValue()).toBe('township');
    await card(page, 'report-2021.docx');
    expect(await docx.locator('.title .sub').innerText()).toMatch(/^Word · /);
    expect(errors).toEqual([]);
    await page.close();
  });
});
