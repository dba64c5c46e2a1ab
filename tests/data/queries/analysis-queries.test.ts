import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';
import {
  decodeCompositionRows,
  decodeOutcomeFlow,
  decodeReasonYears,
  outcomeCompositionByQuery,
  outcomeFlowQuery,
  outcomeReasonsQuery,
} from '@/data/queries/outcomes';
import { applicantsQuery, decodeApplicantRows } from '@/data/queries/applicants';
import {
  decodeLitigationAgencies,
  decodeLitigationRows,
  litigationByAgencyQuery,
  litigationOutcomesQuery,
} from '@/data/queries/litigation';
import { decodeProactiveYears, proactiveByYearQuery } from '@/data/queries/proactive';
import { decodeIndicatorTotals, indicatorTotalsQuery } from '@/data/queries/indicator-totals';
import { fixtureFile, freshRunner } from '../../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, fixtureFile('data/analysis.csv'));
});

const all: Filters = EMPTY_FILTERS;
const run = async <T>(q: Parameters<QueryRunner['query']>[0] | null, decode: (rows: never[]) => T): Promise<T> => {
  if (!q) throw new Error('no query');
  return decode((await runner.query(q)) as never[]);
};

describe('outcome composition', () => {
  it('sums the six groups per kind over reports with every group reported, largest first', async () => {
    const rows = await run(outcomeCompositionByQuery(all, 'kind', 10), decodeCompositionRows);
    expect(rows.map((r) => r.key)).toEqual(['government', 'department']);
    // 其他处理: 2019 single row (1), 2021 three rows (1 + 0 + 1), 2021 report with the single row (5).
    expect(rows[0]).toMatchObject({
      reports: 3,
      groups: { granted: 34, partial: 3, denied: 5, unable: 8, rejected: 2, other: 8 },
    });
    // 乙市公安局 left its outcome rows blank: it is not counted as zeros.
    expect(rows[1]).toMatchObject({
      reports: 1,
      groups: { granted: 3, partial: 2, denied: 1, unable: 2, rejected: 1, other: 1 },
    });
  });

  it('ranks agencies by requests handled and names them', async () => {
    const rows = await run(outcomeCompositionByQuery(all, 'agency', 1), decodeCompositionRows);
    expect(rows).toEqual([expect.objectContaining({ key: 'a-gov', name: '甲县人民政府', reports: 3 })]);
  });

  it('splits by sector, reports naming none in a bar of their own', async () => {
    const rows = await run(outcomeCompositionByQuery(all, 'sector', 10), decodeCompositionRows);
    // 甲县人民政府 names no sector; 乙市公安局 (公安) left its outcome rows blank and is not counted.
    expect(rows.map((r) => [r.key, r.reports])).toEqual([
      ['', 3],
      ['教育', 1],
    ]);
  });

  it('follows the global agency pick and the year range', async () => {
    const f = { ...all, agencies: ['b-edu'], yearFrom: 2021, yearTo: 2021 };
    const rows = await run(outcomeCompositionByQuery(f, 'agency', 15), decodeCompositionRows);
    expect(rows.map((r) => r.key)).toEqual(['b-edu']);
  });
});

describe('outcome reasons', () => {
  it('keeps the 2019 single 其他处理 row apart from the three 2021 rows, per year', async () => {
    const years = await run(outcomeReasonsQuery(all, 'other'), (r) => decodeReasonYears(r, 'other'));
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2023]);
    // 乙市公安局 (2021) left every 其他处理 row blank: a report of the year that reported none of them.
    expect(years.map((y) => [y.reports, y.reported])).toEqual([
      [1, 1],
      [3, 2],
      [1, 1],
    ]);
    expect(years[0]).toMatchObject({
      values: { other_single: 1, other_no_correction: null, other_unpaid_fee: null, other_misc: null },
      singleRow: 1,
      splitRows: 0,
    });
    expect(years[1]).toMatchObject({
      values: { other_single: null, other_no_correction: 1, other_unpaid_fee: 0, other_misc: 2 },
      singleRow: 0,
      splitRows: 2,
    });
    expect(years[2]).toMatchObject({ values: { other_single: 5, other_misc: null }, singleRow: 1, splitRows: 0 });
  });

  it('sums the eight reasons of 不予公开', async () => {
    const years = await run(outcomeReasonsQuery(all, 'denied'), (r) => decodeReasonYears(r, 'denied'));
    expect(Object.keys(years[0]?.values ?? {})).toHaveLength(8);
    expect(years[1]?.values).toMatchObject({ denied_secret: 1, denied_law: 1, denied_process: 2 });
  });
});

describe('outcome flow', () => {
  it('sums requests, outcomes and carried out over complete reports, and cases over the same reports', async () => {
    const flow = await run(outcomeFlowQuery(all), decodeOutcomeFlow);
    expect(flow).toMatchObject({
      reports: 4,
      selected: 5,
      newRequests: 70,
      carriedIn: 6,
      handled: 70,
      carriedOut: 6,
      groups: { granted: 37, partial: 5, denied: 6, unable: 10, rejected: 3, other: 9 },
      review: 8,
      suitDirect: 2,
      suitAfterReview: 1,
    });
  });

  it('has nothing to show when the filter matches no report', async () => {
    const flow = await run(outcomeFlowQuery({ ...all, levels: ['national'] }), decodeOutcomeFlow);
    expect(flow).toMatchObject({ reports: 0, selected: 0, newRequests: null, review: null });
  });
});

describe('applicants', () => {
  it('counts only reports with all six applicant columns, and says how many were left out', async () => {
    const rows = await run(applicantsQuery(all, 'year'), decodeApplicantRows);
    expect(rows.map((r) => r.key)).toEqual(['2020', '2021', '2023']);
    expect(rows[1]).toEqual({
      key: '2021',
      reports: 2,
      selected: 3,
      values: { person: 20, business: 8, research: 1, nonprofit: 0, legal: 1, org_other: 0 },
    });
    expect(rows[2]).toMatchObject({ reports: 0, selected: 1, values: { person: null } });
  });

  it('groups by level', async () => {
    const rows = await run(applicantsQuery(all, 'level'), decodeApplicantRows);
    expect(rows.find((r) => r.key === 'city')?.values.business).toBe(5);
  });
});

describe('review and litigation', () => {
  it('sums section 四 per year, a blank report adding nothing', async () => {
    const rows = await run(litigationOutcomesQuery(all, 'year'), decodeLitigationRows);
    const y2021 = rows.find((r) => r.key === '2021');
    expect(y2021?.reports).toBe(3);
    // 乙市公安局 (2021) left section 四 blank: one report of the year filled none of it.
    expect(rows.map((r) => [r.key, r.reports, r.reported])).toEqual([
      ['2020', 1, 1],
      ['2021', 3, 2],
      ['2023', 1, 1],
    ]);
    expect(y2021?.cells.review).toEqual({ upheld: 2, corrected: 3, other: 0, pending: 1, total: 6 });
    expect(rows.find((r) => r.key === '2020')?.cells.suit_after_review.total).toBeNull();
  });

  it('ranks agencies by cases with pooled correction rates (a zero denominator gives none)', async () => {
    const rows = await run(litigationByAgencyQuery(all, 10), decodeLitigationAgencies);
    expect(rows.map((r) => r.agencyId)).toEqual(['a-gov', 'b-edu']);
    expect(rows[0]).toMatchObject({ totals: { review: 6, suit_direct: 2, suit_after_review: 1 } });
    expect(rows[0]?.reviewCorrection).toBeCloseTo(2 / 5);
    expect(rows[0]?.litigationCorrection).toBeCloseTo(1 / 2);
    expect(rows[1]).toMatchObject({ reviewCorrection: 1, litigationCorrection: null });
  });

  it('pools correction rates and cases per 100 requests over the selection', async () => {
    const keys = ['review_correction_rate', 'cases_per_100'];
    const totals = await run(indicatorTotalsQuery(all, keys), (r) => decodeIndicatorTotals(r, keys));
    expect(totals.reports).toBe(5);
    expect(totals.values.review_correction_rate).toBeCloseTo(4 / 7);
    expect(totals.values.cases_per_100).toBeCloseTo(8 / 64);
    expect(totals.counts.cases_per_100).toBe(3);
  });
});

describe('proactive disclosure', () => {
  it('sums 2021-template section 二 per year and never mixes in 2019-template reports', async () => {
    const years = await run(proactiveByYearQuery(all, '2021'), (r) => decodeProactiveYears(r, '2021'));
    expect(years.map((y) => y.year)).toEqual([2021, 2023]);
    expect(years[0]).toMatchObject({ reports: 3, values: { t2_licensing: 110, t2_fees: 13, t2_rules_in_force: 5 } });
    expect(years[1]?.values).toMatchObject({ t2_fees: 7.25, t2_penalty: null });
    expect(years[1]?.counts.t2_fees).toBe(1);
  });

  it('keeps 2019-template columns, leaving out amounts of unknown unit', async () => {
    const years = await run(proactiveByYearQuery(all, '2019'), (r) => decodeProactiveYears(r, '2019'));
    expect(years).toHaveLength(1);
    expect(years[0]?.values).toMatchObject({ t2v19_rules_made: 1, t2v19_licensing_decisions: 50 });
    expect(years[0]?.values).not.toHaveProperty('t2v19_procurement_amount');
  });
});
