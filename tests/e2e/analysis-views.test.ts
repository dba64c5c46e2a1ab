import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { emptyFlashes, openPage, screenshot, startHarness, waitForCharts, type Harness } from './harness';
import { rawDataset, shownNumber } from './support';
import glossaryMessages from '@/i18n/features/glossary';

let h: Harness;
let demo: Awaited<ReturnType<typeof rawDataset>>;
let real: Awaited<ReturnType<typeof rawDataset>>;

beforeAll(async () => {
  [h, demo, real] = await Promise.all([startHarness(), rawDataset('demo.csv'), rawDataset('real.csv')]);
});
afterAll(async () => {
  await h?.close();
});

const kpi = async (page: Page, key: string) =>
  shownNumber((await page.locator(`[data-testid="kpi-${key}"] [data-role="value"]`).innerText()).trim());
const one = async (q: typeof demo, text: string, params: (string | number)[] = []) =>
  Number(Object.values((await q(text, params))[0] ?? {})[0]);
const round1 = (v: number) => Math.round(v * 1000) / 10;

const DENIED = ['secret', 'law', 'safety', 'third_party', 'internal', 'process', 'enforcement', 'inquiry']
  .map((r) => `t3_denied_${r}_total`)
  .join(' + ');

/**
 * The view's title, KPI labels and chart titles are English; a Chinese term of art may follow its
 * translation in brackets, as in "Regulations (规章)".
 */
async function speaksEnglish(page: Page) {
  const texts = [
    await page.locator('.view-title').innerText(),
    ...(await page.locator('[data-testid^="kpi-"] .kpi-label, .chart-title').allInnerTexts()),
  ];
  expect(texts.length).toBeGreaterThan(2);
  for (const text of texts) expect(text.replace(/\([^)]*\)/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
}

/** Renders a view on a dataset, checks it is free of errors and saves a screenshot. */
async function show(path: string, shot: string) {
  const { page, errors } = await openPage(h, path);
  if (path.includes('ds=real')) {
    // The demo loads first; wait until the real sample has replaced it.
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="dataset"]') as HTMLSelectElement | null)?.value === 'real' &&
        !document.querySelector('[data-testid="generated-badge"]'),
      undefined,
      { timeout: 60_000 },
    );
  }
  await waitForCharts(page);
  expect(await emptyFlashes(page)).toEqual([]);
  await screenshot(page, shot);
  return { page, errors };
}

describe('Outcomes view', () => {
  it('shows the composition, reasons and flow with figures equal to an independent query', async () => {
    const { page, errors } = await show('#/outcomes?noanim=1', 'outcomes-zh');
    expect(await kpi(page, 'handled')).toBe(await one(demo, 'SELECT sum(t3_total_total) FROM raw'));
    const denial = await one(
      demo,
      `SELECT sum(${DENIED}) FILTER (WHERE t3_total_total IS NOT NULL)
            / sum(t3_total_total) FILTER (WHERE (${DENIED}) IS NOT NULL) FROM raw`,
    );
    expect(await kpi(page, 'denial_rate')).toBe(round1(denial));
    expect(await page.locator('.chart-card canvas').count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the breakdown and the drilled group in the URL and says where 其他处理 is not comparable', async () => {
    const { page, errors } = await show('#/outcomes?noanim=1', 'outcomes-tmp');
    await page.locator('[data-testid="outcomes-by"] [data-key="level"]').click();
    await page.waitForFunction(() => location.hash.includes('by=level'));
    await page.locator('[data-testid="outcomes-reason"] [data-key="other"]').click();
    await page.waitForFunction(() => location.hash.includes('reason=other'));
    await waitForCharts(page);
    await expect.poll(async () => page.locator('[data-testid="other-note"]').innerText()).toContain('不可比');
    await page.reload();
    await waitForCharts(page);
    expect(await page.locator('[data-testid="outcomes-by"] [data-key="level"]').getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(await page.locator('[data-testid="other-note"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="chart-composition"] .chart-title').innerText()).toContain('各层级');
    await screenshot(page, 'outcomes-other-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks English and renders the real dataset', async () => {
    const en = await show('#/outcomes?noanim=1&lang=en', 'outcomes-en');
    expect(await en.page.locator('.view-title').innerText()).toContain('Outcomes');
    expect(en.errors).toEqual([]);
    await en.page.close();
    const r = await show('#/outcomes?noanim=1&ds=real', 'outcomes-real-zh');
    expect(await kpi(r.page, 'handled')).toBe(await one(real, 'SELECT sum(t3_total_total) FROM raw'));
    expect(r.errors).toEqual([]);
    await r.page.close();
  });
});

/** The rows of a card's CSV download (BOM and header dropped), split on commas (no quoted commas here). */
async function csvRows(page: Page, card: string): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="${card}"] [data-export="csv"]`).click(),
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

describe('Outcomes view: missing is never drawn as zero', () => {
  it('draws the reasons of 不予公开 on the real dataset over the years that reported them, named in the title', async () => {
    const { page, errors } = await show('#/outcomes?noanim=1&ds=real', 'outcomes-reasons-real-zh');
    // Independently: the years in which some report filled a reason of 不予公开.
    const withData = (
      await real(
        `SELECT DISTINCT year FROM raw WHERE ${DENIED.split(' + ')
          .map((c) => `${c} IS NOT NULL`)
          .join(' OR ')} ORDER BY year`,
      )
    ).map((r) => Number(r.year));
    expect(withData.length).toBeGreaterThan(0);
    const lo = Math.min(...withData);
    const hi = Math.max(...withData);
    const span = lo === hi ? `${lo}` : `${lo}–${hi}`;
    const title = await page.locator('[data-testid="chart-reasons"] .chart-title').innerText();
    expect(title).toContain(`（按年度，${span}）`);
    // The chart's table covers exactly first to last year with data: no bar of 2019–2022 to read as 0.
    const rows = await csvRows(page, 'chart-reasons');
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
    // A year inside the span that nobody reported would be a hatched 未报告 bar: the legend says so.
    const blankInside = rows.filter((r) => r.slice(1).every((v) => v === ''));
    const legend = await page.locator('[data-testid="chart-reasons"]').innerText();
    expect(blankInside.length === 0 || legend.includes('未报告')).toBe(true);
    // The note says how many reports filled the reasons, of how many selected.
    const selected = await one(real, 'SELECT count(*) FROM raw');
    const reported = await one(
      real,
      `SELECT count(*) FROM raw WHERE ${DENIED.split(' + ')
        .map((c) => `${c} IS NOT NULL`)
        .join(' OR ')}`,
    );
    expect(await page.locator('[data-testid="reason-note"]').innerText()).toContain(
      `本选择 ${selected} 份中有 ${reported} 份，其余 ${selected - reported} 份未填报`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('splits the composition by sector and keeps it in the URL', async () => {
    const { page, errors } = await show('#/outcomes?noanim=1', 'outcomes-sector-tmp');
    await page.locator('[data-testid="outcomes-by"] [data-key="sector"]').click();
    await page.waitForFunction(() => location.hash.includes('out.by=sector'));
    await waitForCharts(page);
    expect(await page.locator('[data-testid="chart-composition"] .chart-title').innerText()).toContain('各领域');
    // Bars: the sectors of the demo (and one for reports naming none), at most 15.
    const sectors = await one(demo, `SELECT count(DISTINCT coalesce(sector, '')) FROM raw`);
    const rows = await csvRows(page, 'chart-composition');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(Math.min(15, sectors));
    await screenshot(page, 'outcomes-sector-zh');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Applicants view', () => {
  it('shows counts and shares of applicant types equal to an independent query', async () => {
    const { page, errors } = await show('#/applicants?noanim=1', 'applicants-zh');
    expect(await kpi(page, 'new_requests')).toBe(await one(demo, 'SELECT sum(t3_new_total) FROM raw'));
    const share = await one(
      demo,
      `SELECT sum(t3_new_total - t3_new_person) / sum(t3_new_total)
       FROM raw WHERE t3_new_total IS NOT NULL AND t3_new_person IS NOT NULL`,
    );
    expect(await kpi(page, 'org_share')).toBe(round1(share));
    expect(await page.locator('.chart-card canvas').count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps shares and grouping in the URL', async () => {
    const { page, errors } = await show('#/applicants?noanim=1', 'applicants-tmp');
    await page.locator('[data-testid="applicants-mode"] [data-key="share"]').click();
    await page.waitForFunction(() => location.hash.includes('mode=share'));
    await page.locator('[data-testid="applicants-by"] [data-key="kind"]').click();
    await page.waitForFunction(() => location.hash.includes('by=kind'));
    await page.reload();
    await waitForCharts(page);
    expect(await page.locator('[data-testid="applicants-mode"] [data-key="share"]').getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(await page.locator('[data-testid="chart-applicants-groups"] .chart-title').innerText()).toContain(
      '机关类型',
    );
    await screenshot(page, 'applicants-share-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks English and renders the real dataset', async () => {
    const en = await show('#/applicants?noanim=1&lang=en', 'applicants-en');
    await speaksEnglish(en.page);
    expect(await kpi(en.page, 'new_requests')).toBe(await one(demo, 'SELECT sum(t3_new_total) FROM raw'));
    // Counts inside sentences are grouped like the figures: "5,393 of the 5,393 selected".
    const cols = ['person', 'business', 'research', 'nonprofit', 'legal', 'org_other'];
    const complete = await one(
      demo,
      `SELECT count(*) FROM raw WHERE ${cols.map((c) => `t3_new_${c} IS NOT NULL`).join(' AND ')}`,
    );
    const selected = await one(demo, 'SELECT count(*) FROM raw');
    expect(selected).toBeGreaterThan(999);
    expect(await en.page.locator('[data-testid="applicants-note"]').innerText()).toContain(
      `${complete.toLocaleString('en-US')} of the ${selected.toLocaleString('en-US')} selected`,
    );
    expect(en.errors).toEqual([]);
    await en.page.close();
    const r = await show('#/applicants?noanim=1&ds=real', 'applicants-real-zh');
    expect(await kpi(r.page, 'new_requests')).toBe(await one(real, 'SELECT sum(t3_new_total) FROM raw'));
    expect(r.errors).toEqual([]);
    await r.page.close();
  });
});

describe('Review & litigation view', () => {
  it('shows cases, correction rates and cases per 100 requests equal to an independent query', async () => {
    const { page, errors } = await show('#/litigation?noanim=1', 'litigation-zh');
    expect(await kpi(page, 'review_cases')).toBe(await one(demo, 'SELECT sum(t4_review_total) FROM raw'));
    const rate = await one(
      demo,
      `SELECT sum(t4_review_corrected) / sum(t4_review_total - t4_review_pending) FROM raw
       WHERE t4_review_corrected IS NOT NULL AND t4_review_total IS NOT NULL AND t4_review_pending IS NOT NULL`,
    );
    expect(await kpi(page, 'review_correction_rate')).toBe(round1(rate));
    const per100 = await one(
      demo,
      `SELECT 100 * sum(t4_review_total + t4_suit_direct_total + t4_suit_after_review_total)
                  / sum(t3_new_total + t3_carried_in_total) FROM raw
       WHERE (t4_review_total + t4_suit_direct_total + t4_suit_after_review_total) IS NOT NULL
         AND (t3_new_total + t3_carried_in_total) IS NOT NULL`,
    );
    expect(await kpi(page, 'cases_per_100')).toBe(Math.round(per100 * 100) / 100);
    expect(await page.locator('.chart-card canvas').count()).toBe(6);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the grouping in the URL and follows the filters', async () => {
    const { page, errors } = await show('#/litigation?noanim=1&by=level&level=county', 'litigation-level-zh');
    expect(await page.locator('[data-testid="litigation-by"] [data-key="level"]').getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(await kpi(page, 'review_cases')).toBe(
      await one(demo, `SELECT sum(t4_review_total) FROM raw WHERE level = 'county'`),
    );
    await page.locator('[data-testid="litigation-by"] [data-key="year"]').click();
    await page.waitForFunction(() => !location.hash.includes('by=') && location.hash.includes('level=county'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says how many reports of the real dataset left section 四 blank', async () => {
    const { page, errors } = await show('#/litigation?noanim=1&ds=real', 'litigation-note-real-zh');
    const cells = ['review', 'suit_direct', 'suit_after_review'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((r) => `t4_${g}_${r} IS NOT NULL`),
    );
    const selected = await one(real, 'SELECT count(*) FROM raw');
    const filled = await one(real, `SELECT count(*) FROM raw WHERE ${cells.join(' OR ')}`);
    expect(await page.locator('[data-testid="litigation-note"]').innerText()).toContain(
      `本选择 ${selected} 份中有 ${filled} 份，其余 ${selected - filled} 份未填报`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks English and renders the real dataset', async () => {
    const en = await show('#/litigation?noanim=1&lang=en', 'litigation-en');
    await speaksEnglish(en.page);
    expect(await kpi(en.page, 'review_cases')).toBe(await one(demo, 'SELECT sum(t4_review_total) FROM raw'));
    expect(en.errors).toEqual([]);
    await en.page.close();
    const r = await show('#/litigation?noanim=1&ds=real', 'litigation-real-zh');
    expect(await kpi(r.page, 'review_cases')).toBe(await one(real, 'SELECT sum(t4_review_total) FROM raw'));
    expect(r.errors).toEqual([]);
    await r.page.close();
  });
});

describe('Proactive disclosure view', () => {
  it('shows 2021-template figures and the 2019 template in its own columns, equal to independent queries', async () => {
    const { page, errors } = await show('#/proactive?noanim=1', 'proactive-zh');
    const fees = await one(
      demo,
      `SELECT sum(t2_fees) FROM raw WHERE template = 2021 AND year = (SELECT max(year) FROM raw WHERE template = 2021)`,
    );
    expect(await kpi(page, 't2_fees')).toBe(Math.round(fees * 100) / 100);
    const lic2019 = await one(demo, 'SELECT sum(t2v19_licensing_decisions) FROM raw WHERE year = 2019');
    const cell = page.locator('[data-testid="v19-table"] tr[data-key="t2v19_licensing_decisions"] td.num').first();
    expect(shownNumber(await cell.innerText())).toBe(lic2019);
    expect(await page.locator('[data-testid="v19-note"]').innerText()).toContain('不并入');
    expect(await page.locator('.chart-card canvas').count()).toBe(5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores a filter from the URL and says when no 2019-template report is selected', async () => {
    const { page, errors } = await show('#/proactive?noanim=1&y=2023&level=county', 'proactive-tmp');
    const lic = await one(demo, `SELECT sum(t2_licensing) FROM raw WHERE year = 2023 AND level = 'county'`);
    expect(await kpi(page, 't2_licensing')).toBe(lic);
    expect(await page.locator('[data-testid="no-2019"]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks English and renders the real dataset', async () => {
    const en = await show('#/proactive?noanim=1&lang=en', 'proactive-en');
    await speaksEnglish(en.page);
    const demoFees = await one(
      demo,
      `SELECT sum(t2_fees) FROM raw WHERE template = 2021 AND year = (SELECT max(year) FROM raw WHERE template = 2021)`,
    );
    expect(await kpi(en.page, 't2_fees')).toBe(Math.round(demoFees * 100) / 100);
    expect(en.errors).toEqual([]);
    await en.page.close();
    const r = await show('#/proactive?noanim=1&ds=real', 'proactive-real-zh');
    const fees = await one(real, 'SELECT sum(t2_fees) FROM raw WHERE year = (SELECT max(year) FROM raw)');
    expect(await kpi(r.page, 't2_fees')).toBe(Math.round(fees * 100) / 100);
    expect(r.errors).toEqual([]);
    await r.page.close();
  });
});

describe('Glossary view', () => {
  it('lists every indicator with its formula and every rule, in Chinese and English', async () => {
    const { INDICATORS } = await import('@/domain/indicators');
    const { RULES } = await import('@/domain/rules');
    for (const [lang, shot] of [
      ['zh', 'glossary-zh'],
      ['en', 'glossary-en'],
    ] as const) {
      const { page, errors } = await openPage(h, `#/glossary?noanim=1${lang === 'en' ? '&lang=en' : ''}`);
      await page.waitForSelector('[data-testid="indicator-table"]', { timeout: 60_000 });
      expect(await page.locator('[data-testid="indicator-table"] tbody tr').count()).toBe(INDICATORS.length);
      expect(await page.locator('[data-testid="rule-table"] tbody tr').count()).toBe(RULES.length);
      const formula = page.locator('[data-testid="indicator-table"] tr[data-key="disclosure_rate"] .formula');
      // Written out by hand: the page must print the contract's formula, not just what the code says.
      expect(await formula.innerText()).toBe(
        lang === 'en' ? '(Granted + Partly granted) ÷ Total handled (Total)' : '（予以公开 + 部分公开） ÷ 总计（总计）',
      );
      expect(await page.locator('[data-testid="null-convention"] li').count()).toBe(4);
      // Each comparison method, by its name in the page's language, with its formula.
      const methods = glossaryMessages[lang].methods;
      const keys = Object.keys(methods) as (keyof typeof methods)[];
      expect(keys).toHaveLength(6);
      expect(await page.locator('[data-testid="methods"] [data-key]').count()).toBe(keys.length);
      for (const key of keys) {
        const item = page.locator(`[data-testid="methods"] [data-key="${key}"]`);
        expect(await item.locator('.name').innerText()).toBe(methods[key].name);
        expect((await item.locator('.formula').innerText()).length).toBeGreaterThan(10);
      }
      // Thresholds filled in: 10 requests, 50% coverage.
      const methodText = await page.locator('[data-testid="methods"]').innerText();
      expect(methodText).toContain('50%');
      expect(methodText).toContain('≥ 10');
      expect(methodText).not.toMatch(/[{}]/);
      await screenshot(page, shot);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
