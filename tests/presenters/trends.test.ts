import { describe, expect, it } from 'vitest';
import type { TrendLine } from '@/data/queries/trends';
import {
  baseYearOf,
  lineName,
  panelNote,
  orderLines,
  templateBreakOf,
  trendCharts,
  trendChoices,
  yearsBetween,
} from '@/presenters/trends';
import type { ViewState } from '@/url/schema';
import { testLabels } from '../support/labels';

const zh = testLabels('zh');
const en = testLabels('en');

const choice = (patch: Partial<ViewState<'trends'>> = {}): ViewState<'trends'> => ({
  indicators: [],
  by: null,
  mode: 'absolute',
  base: null,
  balanced: false,
  ...patch,
});

const line = (
  id: string,
  patch: Partial<TrendLine>,
  points: [number, number | null, number | null][] = [],
): TrendLine => ({
  id,
  agencyName: null,
  level: null,
  kind: null,
  sector: null,
  ...patch,
  points: points.map(([year, v, share]) => ({
    year,
    values: { new_requests: v, disclosure_rate: v === null ? null : v / 100 },
    shares: { new_requests: share, disclosure_rate: null },
    counts: { new_requests: v === null ? 0 : 1, disclosure_rate: v === null ? 0 : 1 },
  })),
});

describe('trendChoices', () => {
  it('groups by level and kind without a pick, by agency with one, and keeps a chosen grouping', () => {
    expect(trendChoices(choice(), false)).toEqual({
      keys: ['new_requests', 'disclosure_rate'],
      by: 'level_kind',
      mode: 'absolute',
      balanced: false,
    });
    expect(trendChoices(choice({ balanced: true }), false).balanced).toBe(true);
    expect(trendChoices(choice(), true).by).toBe('agency');
    expect(trendChoices(choice({ by: 'agency' }), false).by).toBe('level_kind');
    expect(trendChoices(choice({ by: 'sector', indicators: ['review_cases'] }), true)).toMatchObject({
      by: 'sector',
      keys: ['review_cases'],
    });
  });
});

describe('years', () => {
  it('lists every year of the span, and picks the base year within it', () => {
    expect(yearsBetween(2019, 2022)).toEqual([2019, 2020, 2021, 2022]);
    expect(yearsBetween(null, 2022)).toEqual([]);
    expect(baseYearOf(2021, [2019, 2020, 2021])).toBe(2021);
    expect(baseYearOf(2018, [2019, 2020])).toBe(2019);
    expect(baseYearOf(null, [])).toBeNull();
  });

  it('marks the template change only when both templates are shown', () => {
    expect(templateBreakOf([2019, 2020, 2021, 2022], zh)).toEqual({ year: 2021, label: '2021 版模板' });
    expect(templateBreakOf([2021, 2022], zh)).toBeNull();
  });
});

describe('lines', () => {
  it('names agencies, groups and sectors', () => {
    expect(lineName(line('a', { agencyName: '甲局' }), 'agency', zh)).toBe('甲局');
    expect(lineName(line('g', { level: 'county', kind: 'government' }), 'level_kind', en)).toBe('County · Government');
    expect(lineName(line('s', {}), 'sector', zh)).toBe('未标注领域');
    expect(lineName(line('all', {}), 'all', zh)).toBe('全部机关');
  });

  it('orders agencies as picked, groups as the catalogue (province first)', () => {
    const ls = [line('b', {}), line('a', {})];
    expect(orderLines(ls, 'agency', ['a', 'b']).map((l) => l.id)).toEqual(['a', 'b']);
    const gs = [line('c', { level: 'county' }), line('p', { level: 'province' })];
    expect(orderLines(gs, 'level', []).map((l) => l.id)).toEqual(['p', 'c']);
  });
});

describe('trendCharts', () => {
  const lines = [
    line('a', { agencyName: '甲局' }, [
      [2020, 10, 0.5],
      [2022, 30, 0.25],
    ]),
  ];
  const input = {
    lines,
    choices: {
      keys: ['new_requests', 'disclosure_rate'],
      by: 'agency' as const,
      mode: 'index' as const,
      balanced: false,
    },
    picks: ['a'],
    years: [2020, 2021, 2022],
    baseYear: 2020,
    range: '2020–2022',
  };

  it('tabulates an index to the base year with a gap for the year not reported', () => {
    const [c] = trendCharts(input, zh);
    expect(c?.title).toBe('新收申请：已选机关，2020–2022');
    expect(c?.unit).toBe('单位：指数，2020 年 = 100');
    expect(c?.table).toEqual({ columns: ['', '2020', '2021', '2022'], rows: [['甲局', 100, null, 300]] });
    // 2020 is of the 2019 template, 2021 on of the 2021 one: the break is noted.
    expect(c?.notes).toEqual(['某年未填报的机关在该年断开，不按 0 计。', zh.t('trends.templateNote')]);
  });

  it('draws a rate in absolute values when shares are asked, and says so', () => {
    const charts = trendCharts({ ...input, choices: { ...input.choices, mode: 'share' } }, en);
    expect(charts[0]?.table.rows).toEqual([['甲局', 0.5, null, 0.25]]);
    expect(charts[1]?.unit).toBe('Unit: %');
    expect(charts[1]?.notes[0]).toBe(en.t('trends.shareRate'));
    expect(charts[1]?.table.rows).toEqual([['甲局', 0.1, null, 0.3]]);
  });
});

describe('years shown and the balanced panel', () => {
  it('titles a chart with the years it shows when data cover fewer than the filter', () => {
    const lines = [
      line('a', { agencyName: '甲局' }, [
        [2021, 10, null],
        [2022, 30, null],
      ]),
    ];
    const [c] = trendCharts(
      {
        lines,
        choices: { keys: ['new_requests'], by: 'agency', mode: 'absolute', balanced: false },
        picks: ['a'],
        years: [2019, 2020, 2021, 2022, 2023],
        baseYear: 2019,
        range: '2019–2023',
      },
      zh,
    );
    expect(c?.title).toBe('新收申请：已选机关，2021–2022');
    expect(c?.table.columns).toEqual(['', '2019', '2020', '2021', '2022', '2023']);
  });

  it('says what the same-agencies panel keeps and leaves out', () => {
    const s = { years: 7, agencies: 1200, balanced: 800, reports: 7000, balancedReports: 5600 };
    expect(panelNote(s, zh)).toBe(
      '各年相同机关：符合筛选的 1,200 个机关中，800 个在全部 7 个有年报的年度均有年报，只计这些机关；未计入其余机关的 1,400 份年报（共 7,000 份）。',
    );
    expect(panelNote({ ...s, balanced: 0, balancedReports: 0 }, en)).toBe(
      'No agency reported in all 7 years with reports: there is no same-agencies trend.',
    );
  });
});
