import { describe, expect, it } from 'vitest';
import type { T4Group, T4Result } from '@/domain/catalogue';
import type { LitigationAgency, LitigationRow } from '@/data/queries/litigation';
import type { IndicatorsByYear } from '@/data/queries/overview';
import {
  litigationBasis,
  litigationControls,
  presentAgencies,
  presentCaseCharts,
  presentYearCharts,
} from '@/presenters/litigation';
import { testLabels } from '../support/labels';
import { seriesOf } from './option';

const zh = testLabels('zh');
const en = testLabels('en');

type Cells = Record<T4Result, number | null>;
const cells = (
  upheld: number | null,
  corrected: number | null,
  other: number | null,
  pending: number | null,
): Cells => ({
  upheld,
  corrected,
  other,
  pending,
  total: upheld === null ? null : upheld + (corrected ?? 0) + (other ?? 0) + (pending ?? 0),
});
const none = cells(null, null, null, null);
const row = (key: string, review: Cells, direct: Cells = none, after: Cells = none): LitigationRow => ({
  key,
  reports: 1,
  reported: review.upheld === null ? 0 : 1,
  cells: { review, suit_direct: direct, suit_after_review: after } as Record<T4Group, Cells>,
});

describe('review & litigation presenter', () => {
  it('offers year, level and kind', () => {
    expect(litigationControls(en).map((o) => o.key)).toEqual(['year', 'level', 'kind']);
  });

  it('draws each kind of case over the years with figures, a year inside nobody reported hatched as 未报告', () => {
    const charts = presentCaseCharts(
      [row('2019', none), row('2021', cells(3, 1, 0, 1)), row('2023', cells(2, 2, 1, 0))],
      'year',
      '2019–2025',
      zh,
    );
    expect(charts.map((c) => c.key)).toEqual(['review', 'suit_direct', 'suit_after_review']);
    const review = charts[0]!;
    expect(review.title).toBe('行政复议结果（按年度，2021–2023）');
    expect(review.table.columns).toEqual(['', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(review.table.rows).toEqual([
      ['2021', 3, 1, 0, 1, 5],
      ['2022', null, null, null, null, null],
      ['2023', 2, 2, 1, 0, 5],
    ]);
    // Totals are not stacked on top of their parts; the empty year takes the highest total, 5.
    expect(seriesOf(review.option).map((s) => s.name)).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '未报告',
    ]);
    expect(seriesOf(review.option).at(-1)!.data).toEqual([null, 5, null]);
    // 2019 has a report but nothing in section 四: left off, as are the years after 2023.
    expect(charts[1]!.title).toBe('行政诉讼·未经复议直接起诉结果（按年度，2019–2025）');
    // Nobody reported a direct lawsuit: no chart, the card says so.
    expect(charts[1]!.option).toBeNull();
  });

  it('says how many reports filled section 四 and how many left it blank', () => {
    const rows = [row('2019', none), row('2021', cells(3, 1, 0, 1)), { ...row('2023', cells(2, 2, 1, 0)), reports: 3 }];
    // 5 selected (1 + 1 + 3), 2 filled section 四 (2021 and one of 2023).
    expect(litigationBasis(rows, zh)).toBe(
      '第四部分只计填报了其中数字的年报：本选择 5 份中有 2 份，其余 3 份未填报，不按 0 计。',
    );
    expect(litigationBasis([], en)).toBe(
      'Section 4 counts only the reports that filled some of it: 0 of the 0 selected; the other 0 left it blank, never read as 0.',
    );
  });

  it('draws each kind of case from its own first to last year with figures', () => {
    const charts = presentCaseCharts(
      [row('2021', cells(3, 1, 0, 1)), row('2023', cells(2, 2, 1, 0), cells(1, 0, 0, 0))],
      'year',
      '2019–2025',
      zh,
    );
    expect(charts[0]!.table.rows.map((r) => r[0])).toEqual(['2021', '2022', '2023']);
    // Direct lawsuits only in 2023: that chart shows 2023 alone and says so.
    expect(charts[1]!.table.rows).toEqual([['2023', 1, 0, 0, 0, 1]]);
    expect(charts[1]!.title).toBe('行政诉讼·未经复议直接起诉结果（按年度，2023）');
  });

  it('lists levels in catalogue order with their names', () => {
    const charts = presentCaseCharts(
      [row('county', cells(1, 0, 0, 0)), row('city', cells(2, 0, 0, 0))],
      'level',
      '2024',
      en,
    );
    expect(charts[0]!.title).toBe('Administrative review: results by level, 2024');
    expect(charts[0]!.table.rows.map((r) => r[0])).toEqual(['City', 'County']);
  });

  it('draws rates and cases per 100 requests only when some year has them, with n in the table', () => {
    const rows: IndicatorsByYear[] = [
      {
        year: 2023,
        reports: 4,
        values: { review_correction_rate: 0.25, litigation_correction_rate: null, cases_per_100: 0.031 },
        counts: { review_correction_rate: 3, litigation_correction_rate: 0, cases_per_100: 4 },
      },
    ];
    // A year with reports but no rate (2019) is not drawn at the start of the line.
    const p = presentYearCharts([{ year: 2019, reports: 1, values: {}, counts: {} }, ...rows], '2019–2025', zh);
    expect(p.rates).not.toBeNull();
    expect(p.per100).not.toBeNull();
    expect(p.table).toEqual({
      columns: [
        '年度',
        '复议纠错率',
        'n 复议纠错率',
        '诉讼纠错率',
        'n 诉讼纠错率',
        '每百件申请的复议诉讼案件',
        'n 每百件申请的复议诉讼案件',
      ],
      rows: [
        [2019, null, 0, null, 0, null, 0],
        [2023, 0.25, 3, null, 0, 0.031, 4],
      ],
    });
    expect(p.ratesYears).toBe('2023');
    expect(p.per100Years).toBe('2023');
    expect((p.rates as { xAxis: { data: string[] } }).xAxis.data).toEqual(['2023年']);
    const empty = presentYearCharts([{ year: 2023, reports: 1, values: {}, counts: {} }], '2019–2025', zh);
    expect(empty.ratesYears).toBe('2019–2025');
    expect(empty.rates).toBeNull();
    expect(empty.per100).toBeNull();
  });

  it('names the agencies with most cases, or the picked ones, with their correction rates in the table', () => {
    const agencies: LitigationAgency[] = [
      {
        agencyId: 'a1',
        agencyName: '甲局',
        totals: { review: 4, suit_direct: 2, suit_after_review: null },
        reviewCorrection: 0.5,
        litigationCorrection: null,
      },
    ];
    const top = presentAgencies(agencies, 0, '2019–2025', zh);
    expect(top.title).toBe('复议诉讼案件最多的 15 个机关（2019–2025）');
    expect(top.table.rows).toEqual([['a1', '甲局', 4, 2, null, 0.5, null]]);
    expect(top.height).toBe(200);
    expect(presentAgencies(agencies, 1, '2024', en).title).toBe(
      'Review and litigation cases of the picked agencies (2024)',
    );
    expect(presentAgencies([], 0, '2024', en).option).toBeNull();
  });
});
