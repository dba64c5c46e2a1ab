import { describe, expect, it } from 'vitest';
import { buildStackedBarsOption, categoryTotals, shareValues } from '@/charts/stacked-bars';
import { buildYearLinesOption, fillYears } from '@/charts/year-lines';
import { buildFlowStockOption } from '@/charts/flow-stock';
import { buildOutcomeFlowOption, outcomeFlowGraph, type OutcomeFlowFigures } from '@/charts/outcome-flow';
import { axisTick } from '@/charts/axis';
import { OUTCOME_COLORS } from '@/charts/theme';
import { derivedGroupValue } from '@/domain/catalogue';
import { formatValue } from '@/domain/format';
import { formulaText, indicator, indicatorValue } from '@/domain/indicators';

type Fn = (p: unknown) => string;
interface Series {
  name: string;
  data: (number | null)[];
  stack?: string;
  itemStyle: { color: string };
}
type AnyOption = Record<string, unknown> & {
  series: Series[];
  tooltip: { formatter: Fn };
  xAxis: { data?: string[]; max?: number };
  yAxis: { data?: string[]; max?: number };
};

describe('stacked bars', () => {
  const series = [
    { key: 'granted', name: '予以公开', values: [6, null, 0] },
    { key: 'denied', name: '<img src=x onerror=alert(1)>', values: [2, null, 0] },
  ];

  it('computes shares of each category total, and none for a zero or unreported total', () => {
    expect(categoryTotals(series, 3)).toEqual([8, null, 0]);
    expect(shareValues(series, 3)).toEqual([
      [0.75, null, null],
      [0.25, null, null],
    ]);
  });

  it('draws 100% stacked horizontal bars, first category on top, in the outcome colours', () => {
    const option = buildStackedBarsOption({
      categories: ['甲局', '乙局', '丙局'],
      series,
      mode: 'share',
      horizontal: true,
      colors: OUTCOME_COLORS,
      lang: 'zh',
    }) as unknown as AnyOption;
    expect(option.yAxis.data).toEqual(['丙局', '乙局', '甲局']);
    expect(option.xAxis.max).toBe(1);
    // 乙局 reported nothing: a full 未报告 mark in its slot (丙局's reported total of 0 has no shares).
    expect(option.series.map((s) => s.data)).toEqual([
      [null, null, 0.75],
      [null, null, 0.25],
      [null, 1, null],
    ]);
    expect(option.series.at(-1)?.name).toBe('未报告');
    expect(option.series.every((s) => s.stack === 'parts')).toBe(true);
    expect(option.series[0]?.itemStyle.color).toBe(OUTCOME_COLORS.granted);
  });

  it('shows counts with a gap for an unreported category, and escapes names in the tooltip', () => {
    const option = buildStackedBarsOption({
      categories: ['2021', '2022', '2023'],
      series,
      mode: 'count',
      lang: 'zh',
      footnote: (i) => (i === 0 ? '2019 模板' : null),
    }) as unknown as AnyOption;
    expect(option.series[0]?.data).toEqual([6, null, 0]);
    const html = option.tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toContain('<img');
    expect(html).toContain('合计 8｜2019 模板');
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toContain('未报告');
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).not.toContain('合计');
  });

  it('says share and count together in share mode', () => {
    const option = buildStackedBarsOption({
      categories: ['x'],
      series: [{ key: 'a', name: 'A', values: [3] }],
      mode: 'share',
      lang: 'en',
    }) as unknown as AnyOption;
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('100.0% (3)');
  });
});

describe('year lines', () => {
  it('fills missing years so a year nobody reported is a gap, never 0', () => {
    expect(fillYears([2023, 2019, 2021])).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(fillYears([])).toEqual([]);
    const option = buildYearLinesOption({
      years: [2019, 2021],
      series: [{ key: 'r', name: 'rate', values: [0.5, null], notes: ['n = 2', 'n = 0'] }],
      unit: 'percent',
      lang: 'zh',
    }) as unknown as AnyOption & { series: (Series & { connectNulls: boolean })[] };
    expect(option.xAxis.data).toEqual(['2019年', '2020年', '2021年']);
    expect(option.series[0]?.data).toEqual([0.5, null, null]);
    expect(option.series[0]?.connectNulls).toBe(false);
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('50.0%  n = 2');
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toContain('—');
  });

  it('labels axes in the indicator unit', () => {
    expect(axisTick(0.125, 'percent', 'zh')).toBe('12.5%');
    expect(axisTick(0.0594, 'per_100', 'en')).toBe('5.94');
    expect(axisTick(35000, 'count', 'zh')).toBe('3.5万');
  });
});

describe('documents issued, repealed and in force', () => {
  it('puts flows on the left axis as bars and the stock on the right as a line, with gaps', () => {
    const option = buildFlowStockOption({
      years: [2021, 2023],
      flows: [
        { key: 'issued', name: '本年制发件数', values: [3, 1] },
        { key: 'repealed', name: '本年废止件数', values: [1, null] },
      ],
      stock: { key: 'in_force', name: '现行有效件数', values: [20, 22] },
      colors: ['#1', '#2', '#3'],
      lang: 'zh',
    }) as unknown as { series: { type: string; yAxisIndex: number; data: (number | null)[] }[] };
    expect(option.series.map((s) => [s.type, s.yAxisIndex])).toEqual([
      ['bar', 0],
      ['bar', 0],
      ['line', 1],
    ]);
    expect(option.series[1]?.data).toEqual([1, null, null]);
    expect(option.series[2]?.data).toEqual([20, null, 22]);
  });
});

describe('outcome flow', () => {
  const figures: OutcomeFlowFigures = {
    newRequests: 70,
    carriedIn: 6,
    handled: 70,
    carriedOut: 6,
    groups: [
      { key: 'granted', value: 37 },
      { key: 'partial', value: 5 },
      { key: 'denied', value: 6 },
      { key: 'unable', value: 10 },
      { key: 'rejected', value: 3 },
      { key: 'other', value: 9 },
    ],
    review: 8,
    suitDirect: 2,
    suitAfterReview: 1,
  };
  const names = { new: '本年新收', received: '收到申请合计', handled: '本年办结', review: '行政复议' };

  it('links requests to outcomes, and review and litigation onward, marked as such', () => {
    const { nodes, links } = outcomeFlowGraph(figures);
    expect(links.filter((l) => !l.onward).map((l) => `${l.source}>${l.target}:${l.value}`)).toEqual([
      'new>received:70',
      'carried_in>received:6',
      'received>handled:70',
      'received>carried_out:6',
      'handled>granted:37',
      'handled>partial:5',
      'handled>denied:6',
      'handled>unable:10',
      'handled>rejected:3',
      'handled>other:9',
    ]);
    expect(links.filter((l) => l.onward).map((l) => `${l.source}>${l.target}:${l.value}`)).toEqual([
      'handled>review:8',
      'handled>suit_direct:2',
      'review>suit_after_review:1',
    ]);
    expect(nodes.find((n) => n.id === 'suit_after_review')?.depth).toBe(4);
    expect(nodes.find((n) => n.id === 'denied')?.color).toBe(OUTCOME_COLORS.denied);
  });

  it('leaves out what is not reported or zero, and starts a lawsuit after review at the handled node without a review', () => {
    const { nodes, links } = outcomeFlowGraph({
      ...figures,
      carriedIn: 0,
      review: null,
      suitDirect: null,
      groups: figures.groups.map((g) => (g.key === 'other' ? { ...g, value: null } : g)),
    });
    expect(nodes.map((n) => n.id)).not.toContain('carried_in');
    expect(nodes.map((n) => n.id)).not.toContain('other');
    expect(nodes.map((n) => n.id)).not.toContain('review');
    expect(links.find((l) => l.target === 'suit_after_review')?.source).toBe('handled');
  });

  it('says on the chart and on onward links that cases are not a subset of the requests', () => {
    const option = buildOutcomeFlowOption({
      figures,
      names,
      onwardNote: '复议诉讼并非本年申请的子集',
      lang: 'zh',
    }) as unknown as { title: { subtext: string }; tooltip: { formatter: Fn } };
    expect(option.title.subtext).toBe('复议诉讼并非本年申请的子集');
    const onwardIndex = outcomeFlowGraph(figures).links.findIndex((l) => l.target === 'review');
    const html = option.tooltip.formatter({ dataType: 'edge', dataIndex: onwardIndex });
    expect(html).toContain('本年办结 → 行政复议');
    expect(html).toContain('复议诉讼并非本年申请的子集');
  });

  it('has nothing to draw without requests', () => {
    const empty = { ...figures, newRequests: null, carriedIn: null, handled: null, carriedOut: null, groups: [] };
    expect(buildOutcomeFlowOption({ figures: empty, names, onwardNote: '', lang: 'zh' })).toBeNull();
  });
});

describe('indicators added for these views', () => {
  const report = (cells: Record<string, number | null>) => (k: string) => cells[k];

  it('counts cases per 100 requests, shown × 100, with a zero denominator undefined', () => {
    const def = indicator('cases_per_100');
    const v = indicatorValue(
      def,
      report({
        t4_review_total: 4,
        t4_suit_direct_total: 1,
        t4_suit_after_review_total: 1,
        t3_new_total: 20,
        t3_carried_in_total: 4,
      }),
    );
    expect(v).toBeCloseTo(0.25);
    expect(formatValue(v, 'per_100', 'zh')).toBe('25');
    expect(formatValue(0.0594, 'per_100', 'en')).toBe('5.94');
    const none = report({
      t4_review_total: 0,
      t4_suit_direct_total: 0,
      t4_suit_after_review_total: 0,
      t3_new_total: 0,
      t3_carried_in_total: 0,
    });
    expect(indicatorValue(def, none)).toBeNull();
    expect(formulaText(def, 'zh').endsWith('× 100')).toBe(true);
  });

  it('reads 其他处理 as the 2019 single row or the sum of the three 2021 rows', () => {
    const v2019 = report({ t3_other_single_total: 5 });
    const v2021 = report({ t3_other_no_correction_total: 1, t3_other_unpaid_fee_total: 0, t3_other_misc_total: 2 });
    const partial = report({ t3_other_no_correction_total: 1, t3_other_misc_total: 2 });
    expect(derivedGroupValue('other', 'total', v2019)).toBe(5);
    expect(derivedGroupValue('other', 'total', v2021)).toBe(3);
    expect(derivedGroupValue('other', 'total', partial)).toBeNull();
    const rate = indicator('other_rate');
    expect(indicatorValue(rate, report({ t3_other_single_total: 5, t3_total_total: 20 }))).toBe(0.25);
    expect(indicatorValue(rate, report({ t3_other_single_total: 5, t3_total_total: 0 }))).toBeNull();
  });
});
