/**
 * Exporting a 10-item briefing from the built app in headless Chromium: as PDF (Chromium's print,
 * A4 from the page's @page rule) and as Word (the app's own .docx export, charts drawn to PNG for
 * 300 dpi). The items are real: charts and the ranking table added from the Overview and Compare
 * views, repeated to ten. Run `npm run build` first (or set E2E_DIST to another build).
 * Usage: tsx scripts/bench-briefing.ts [runs]
 */
import { readFileSync, statSync } from 'node:fs';
import { openPage, startHarness, waitForCharts } from '../tests/e2e/harness';

const runs = Number(process.argv[2] ?? 5);
const ITEMS = 10;
const KEY = 'disclosure-dashboard.briefing';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const h = await startHarness();
try {
  const { page } = await openPage(h, '#/overview?noanim=1', { width: 1360, height: 900 });
  await waitForCharts(page);
  const add = (card: string) => page.locator(`[data-testid="${card}"] [data-role="add-briefing"]`).first().click();
  for (const card of ['chart-requests', 'chart-outcomes', 'chart-top']) await add(card);
  await page.locator('[data-testid="tab-compare"]').click();
  await page.waitForSelector('[data-testid="chart-compare-bars"] .echart[data-rendered="true"]', { timeout: 60_000 });
  await add('ranking-add-briefing');
  await add('chart-compare-bars');
  // Ten items: the five above, again, each a separate item.
  await page.evaluate(
    ({ key, n }) => {
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}');
      const base = stored.items as { id: string }[];
      stored.items = Array.from({ length: n }, (_, i) => ({ ...base[i % base.length], id: `bench-${i}` }));
      localStorage.setItem(key, JSON.stringify(stored));
    },
    { key: KEY, n: ITEMS },
  );
  // A hash change keeps the page (and the briefing it holds in memory): reload to read the ten.
  await page.goto(new URL('#/briefing?noanim=1', h.baseUrl).toString());
  await page.reload();
  await page.waitForSelector('.briefing-view li[data-item]');
  const count = await page.locator('.briefing-view li[data-item]').count();
  if (count !== ITEMS) throw new Error(`bench-briefing: ${count} items instead of ${ITEMS}`);
  const kinds = await page
    .locator('.briefing-view li[data-item]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));

  const pdfMs: number[] = [];
  const docxMs: number[] = [];
  let pdfBytes = 0;
  let docxBytes = 0;
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    pdfMs.push(performance.now() - t0);
    pdfBytes = pdf.length;

    t0 = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="briefing-docx"]').click(),
    ]);
    const path = (await download.path()) as string;
    docxMs.push(performance.now() - t0);
    docxBytes = statSync(path).size;
    if (readFileSync(path).subarray(0, 2).toString() !== 'PK') throw new Error('bench-briefing: not a .docx');
  }
  const pages = (await page.pdf({ format: 'A4', preferCSSPageSize: true }))
    .toString('latin1')
    .match(/\/Type\s*\/Page\b/g)?.length;
  const fmt = (xs: number[]) =>
    `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  console.log(`Briefing export: ${ITEMS} items (${kinds.join(', ')}), ${runs} runs each`);
  console.log(`  PDF  (Chromium print, A4): ${fmt(pdfMs)}, ${(pdfBytes / 1024).toFixed(0)} KiB, ${pages ?? '?'} pages`);
  console.log(`  DOCX (charts as PNG for 300 dpi, 2–3×): ${fmt(docxMs)}, ${(docxBytes / 1024).toFixed(0)} KiB`);
  await page.close();
} finally {
  await h.close();
}
