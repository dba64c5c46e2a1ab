import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import { sql, type SqlQuery } from '@/data/sql';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';
import { loadDataset } from '@/data/load/load-dataset';
import { decodeMatchedChange, decodePanelSummary, matchedChangeQuery, panelSummaryQuery } from '@/data/queries/matched';
import { decodeTrendLines, groupTrendsQuery, agencyTrendsQuery } from '@/data/queries/trends';
import { freshRunner, projectPath, textFile } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
});

const run = async (q: SqlQuery | null) => {
  if (!q) throw new Error('expected a query');
  return runner.query(q);
};
const filters = (patch: Partial<Filters> = {}): Filters => ({ ...EMPTY_FILTERS, ...patch });
const KEYS = ['new_requests', 'disclosure_rate'];

/*
 * Five county departments, 2021–2023 (new requests / handled / granted / partial):
 *   a1 2022: 10 / 10 / 5 / 0    2023: 20 / 20 / 15 / 0    2021: 1 / 1 / 1 / 0
 *   a2 2022: 30 / 30 / 10 / 0   2023: 50 / 40 / 20 / 0    2021: 2 / 2 / 1 / 0
 *   a3 2022: 100 / 100 / 100 / 0 (no 2023 report)          2021: 3 / 3 / 3 / 0
 *   a4 2023: 7 / 7 / 0 / 0 (no 2022 report)
 *   a5 2022: blank / 4 / 2 / 0  2023: 9 / 8 / 8 / 0         2021: 4 / 4 / 4 / 0
 */
const HEAD =
  'agency_id,agency_name,year,template,level,kind,sector,t3_new_total,t3_total_total,t3_granted_total,t3_partial_total';
const ROWS = [
  'a1,甲局,2021,2021,county,department,教育,1,1,1,0',
  'a1,甲局,2022,2021,county,department,教育,10,10,5,0',
  'a1,甲局,2023,2021,county,department,教育,20,20,15,0',
  'a2,乙局,2021,2021,county,department,教育,2,2,1,0',
  'a2,乙局,2022,2021,county,department,教育,30,30,10,0',
  'a2,乙局,2023,2021,county,department,教育,50,40,20,0',
  'a3,丙局,2021,2021,county,department,公安,3,3,3,0',
  'a3,丙局,2022,2021,county,department,公安,100,100,100,0',
  'a4,丁局,2023,2021,county,department,公安,7,7,0,0',
  'a5,戊局,2021,2021,county,department,公安,4,4,4,0',
  'a5,戊局,2022,2021,county,department,公安,,4,2,0',
  'a5,戊局,2023,2021,county,department,公安,9,8,8,0',
];

describe('matchedChangeQuery on a hand-built fixture', () => {
  beforeAll(async () => {
    await loadDataset(runner, textFile('matched.csv', [HEAD, ...ROWS].join('\n')));
  });
  const change = async (f: Filters = filters(), from = 2022, to = 2023) =>
    decodeMatchedChange(await run(matchedChangeQuery(f, KEYS, from, to)), KEYS, from, to);

  it('computes each figure over the agencies reporting it in both years, and over all reports apart', async () => {
    const c = await change();
    expect(c).toMatchObject({ reportsFrom: 4, reportsTo: 4, paired: 3, unpairedFrom: 1, unpairedTo: 1 });
    // New requests: a1, a2 both years; a5's 2022 cell is blank → left out. 2022: 10 + 30; 2023: 20 + 50.
    // All reports: 2022 10 + 30 + 100 (a5 blank) = 140 over 3 reports; 2023 20 + 50 + 7 + 9 = 86 over 4.
    expect(c.figures.new_requests).toEqual({
      matched: 2,
      matchedFrom: 40,
      matchedTo: 70,
      matchedParts: null,
      allFrom: 140,
      allTo: 86,
      allCountFrom: 3,
      allCountTo: 4,
      blankAgencies: 1,
    });
    // Disclosure rate: a1, a2, a5 (all inputs filled). 2022: (5 + 10 + 2) / (10 + 30 + 4) = 17/44;
    // 2023: (15 + 20 + 8) / (20 + 40 + 8) = 43/68. All reports: 2022 (5+10+100+2)/(10+30+100+4) = 117/144;
    // 2023 (15+20+0+8)/(20+40+7+8) = 43/75.
    const d = c.figures.disclosure_rate;
    expect(d?.matched).toBe(3);
    expect(d?.matchedFrom).toBeCloseTo(17 / 44, 12);
    expect(d?.matchedTo).toBeCloseTo(43 / 68, 12);
    expect(d?.matchedParts).toEqual({
      from: { numerator: 17, denominator: 44 },
      to: { numerator: 43, denominator: 68 },
    });
    expect(d?.allFrom).toBeCloseTo(117 / 144, 12);
    expect(d?.allTo).toBeCloseTo(43 / 75, 12);
    expect(d?.blankAgencies).toBe(0);
  });

  it('applies the other filters and the agency pick', async () => {
    const c = await change(filters({ sectors: ['公安'] }));
    // 公安: a3 (2022 only), a4 (2023 only), a5 (blank new requests in 2022).
    expect(c).toMatchObject({ paired: 1, unpairedFrom: 1, unpairedTo: 1 });
    expect(c.figures.new_requests).toMatchObject({ matched: 0, matchedFrom: null, matchedTo: null, blankAgencies: 1 });
    const picked = await change(filters({ agencies: ['a1'] }));
    expect(picked.figures.new_requests).toMatchObject({ matched: 1, matchedFrom: 10, matchedTo: 20 });
    expect(matchedChangeQuery(filters(), [], 2022, 2023)).toBeNull();
  });

  it('compares the start and end of a longer range the same way', async () => {
    // 2021 → 2023: a1, a2, a5 in both with new requests filled: 1 + 2 + 4 = 7 → 20 + 50 + 9 = 79.
    const c = await change(filters(), 2021, 2023);
    expect(c.figures.new_requests).toMatchObject({ matched: 3, matchedFrom: 7, matchedTo: 79, blankAgencies: 0 });
    expect(c).toMatchObject({ paired: 3, unpairedFrom: 1, unpairedTo: 1 });
  });

  it('keeps only agencies present in every year in a balanced panel', async () => {
    // 2021–2023: a1, a2, a5 report every year; a3 misses 2023, a4 misses 2021 and 2022.
    const summary = decodePanelSummary(await run(panelSummaryQuery(filters())));
    expect(summary).toEqual({ years: 3, agencies: 5, balanced: 3, reports: 12, balancedReports: 9 });
    const lines = decodeTrendLines(await run(groupTrendsQuery(filters(), KEYS, 'all', {}, { balanced: true })), KEYS);
    const points = lines[0]?.points ?? [];
    // New requests over a1, a2, a5: 2021 1+2+4 = 7; 2022 10+30 (a5 blank) = 40; 2023 20+50+9 = 79.
    expect(points.map((p) => p.values.new_requests)).toEqual([7, 40, 79]);
    const all = decodeTrendLines(await run(groupTrendsQuery(filters(), KEYS, 'all')), KEYS);
    // All reports: 2021 1+2+3+4 = 10; 2022 140; 2023 86.
    expect(all[0]?.points.map((p) => p.values.new_requests)).toEqual([10, 140, 86]);
    // The range narrows the panel: 2022–2023 keeps a1, a2, a5 as well (a3, a4 miss one year).
    const narrow = decodePanelSummary(await run(panelSummaryQuery(filters({ yearFrom: 2022, yearTo: 2023 }))));
    expect(narrow).toMatchObject({ years: 2, agencies: 5, balanced: 3 });
    // Agency lines in a balanced panel: the picked a3 (not in every year) has no line.
    const picked = decodeTrendLines(
      await run(agencyTrendsQuery(filters({ agencies: ['a1', 'a3'] }), KEYS, {}, { balanced: true })),
      KEYS,
    );
    expect(picked.map((l) => l.id)).toEqual(['a1']);
  });
});

describe('matchedChangeQuery with failing reports left out', () => {
  /*
   * Three county governments, 2022–2023, new requests and section 四 reviews (total, upheld,
   * corrected, other, pending). f2's 2023 reviews do not add up (total 9, parts 1+1+1+1 = 4): R4, an
   * error-level rule, fails, so with "leave out failing reports" f2's 2023 report is dropped.
   *   f1 2022: 10, reviews 4 = 1+1+1+1   2023: 12, 4 = 1+1+1+1
   *   f2 2022: 20, reviews 4 = 1+1+1+1   2023: 30, 9 ≠ 1+1+1+1 (fails R4)
   *   f3 2023: 5 only
   */
  const head =
    'agency_id,agency_name,year,template,level,kind,t3_new_total,t4_review_total,t4_review_upheld,t4_review_corrected,t4_review_other,t4_review_pending';
  const rows = [
    'f1,一县人民政府,2022,2021,county,government,10,4,1,1,1,1',
    'f1,一县人民政府,2023,2021,county,government,12,4,1,1,1,1',
    'f2,二县人民政府,2022,2021,county,government,20,4,1,1,1,1',
    'f2,二县人民政府,2023,2021,county,government,30,9,1,1,1,1',
    'f3,三县人民政府,2023,2021,county,government,5,4,1,1,1,1',
  ];
  beforeAll(async () => {
    await loadDataset(runner, textFile('failing.csv', [head, ...rows].join('\n')));
  });

  it('counts the reports left out for failing a rule, and the partners they leave alone', async () => {
    const keys = ['new_requests'];
    const plain = decodeMatchedChange(await run(matchedChangeQuery(filters(), keys, 2022, 2023)), keys, 2022, 2023);
    // All kept: f1 and f2 both years → 10 + 20 = 30 → 12 + 30 = 42; f3 unpaired.
    expect(plain).toMatchObject({ paired: 2, unpairedFrom: 0, unpairedTo: 1, excludedFrom: 0, excludedTo: 0 });
    expect(plain.figures.new_requests).toMatchObject({ matched: 2, matchedFrom: 30, matchedTo: 42 });
    const strict = decodeMatchedChange(
      await run(matchedChangeQuery(filters({ excludeFailing: true }), keys, 2022, 2023)),
      keys,
      2022,
      2023,
    );
    // f2 2023 left out: only f1 is matched (10 → 12); f2 2022 is now unpaired because its partner
    // was excluded, not because it is missing.
    expect(strict).toMatchObject({
      reportsFrom: 2,
      reportsTo: 2,
      paired: 1,
      unpairedFrom: 1,
      partnerExcludedFrom: 1,
      unpairedTo: 1,
      partnerExcludedTo: 0,
      excludedFrom: 0,
      excludedTo: 1,
    });
    expect(strict.figures.new_requests).toMatchObject({ matched: 1, matchedFrom: 10, matchedTo: 12, allTo: 17 });
  });
});

describe('matchedChangeQuery on the real dataset', () => {
  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(projectPath('datasets/real.csv')));
    await loadDataset(runner, { name: 'real.csv', bytes });
  });

  it('gives the like-for-like change of new requests 2023 → 2024 (an increase)', async () => {
    // Independent: a self-join of the two years over agencies with the cell filled in both.
    const [expected] =
      await runner.query(sql`SELECT count(*) AS n, sum(a.t3_new_total) AS v23, sum(b.t3_new_total) AS v24
      FROM reports a JOIN reports b ON a.agency_id = b.agency_id AND a.year = 2023 AND b.year = 2024
      WHERE a.t3_new_total IS NOT NULL AND b.t3_new_total IS NOT NULL`);
    const [all] = await runner.query(sql`SELECT
      sum(t3_new_total) FILTER (WHERE year = 2023) AS v23, sum(t3_new_total) FILTER (WHERE year = 2024) AS v24,
      count(*) FILTER (WHERE year = 2023) AS r23, count(*) FILTER (WHERE year = 2024) AS r24 FROM reports`);
    const c = decodeMatchedChange(
      await run(matchedChangeQuery(filters(), ['new_requests'], 2023, 2024)),
      ['new_requests'],
      2023,
      2024,
    );
    const f = c.figures.new_requests;
    expect(f?.matched).toBe(Number(expected?.n));
    expect(f?.matchedFrom).toBe(Number(expected?.v23));
    expect(f?.matchedTo).toBe(Number(expected?.v24));
    expect(f?.allFrom).toBe(Number(all?.v23));
    expect(f?.allTo).toBe(Number(all?.v24));
    expect(c.reportsFrom).toBe(Number(all?.r23));
    expect(c.reportsTo).toBe(Number(all?.r24));
    // What the issue reports: all reports fall (3,675 → 3,620: −1.5%) while the matched set rises.
    expect((f?.allTo ?? 0) < (f?.allFrom ?? 0)).toBe(true);
    expect((f?.matchedTo ?? 0) > (f?.matchedFrom ?? 0)).toBe(true);
    expect(c.unpairedTo).toBe(0);
    expect(c.unpairedFrom).toBe(c.reportsFrom - c.paired);
    expect(c.unpairedFrom).toBeGreaterThan(0);
  });
});
