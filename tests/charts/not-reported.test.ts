import { describe, expect, it } from 'vitest';
import { buildStackedBarsOption } from '@/charts/stacked-bars';
import { buildStackedYearsOption } from '@/charts/requests-by-year';
import { buildCompositionOption } from '@/charts/composition';
import { formatShare, formatValue } from '@/domain/format';
import { renderSvg } from '@/components/chart/echarts-setup';

type Series = { name: string; stack?: string; data: unknown[] };
type Opt = { series: Series[]; tooltip: { formatter: (p: unknown) => string } };

describe('a category nobody reported is marked, never drawn as 0', () => {
  const base = {
    categories: ['2019年', '2020年', '2021年'],
    series: [
      { key: 'a', name: '甲', values: [3, null, 0] },
      { key: 'b', name: '乙', values: [1, null, 2] },
    ],
    lang: 'zh' as const,
  };

  it('adds a hatched 未报告 bar filling the axis in the empty year, with its own legend entry', () => {
    const o = buildStackedBarsOption({ ...base, mode: 'count' }) as unknown as Opt;
    const last = o.series.at(-1);
    expect(o.series.map((s) => s.name)).toEqual(['甲', '乙', '未报告']);
    // Totals 4, —, 2: the mark reaches the highest total (4) in 2020 only.
    expect(last?.data).toEqual([null, 4, null]);
    expect(last?.stack).toBe('parts');
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toContain('未报告');
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).not.toContain('合计');
    // 2021 reported 0 and 2: a real zero stays a zero, with its total.
    expect(o.tooltip.formatter([{ dataIndex: 2 }])).toContain('合计 2');
    expect(renderSvg(o as never, 500, 300)).toContain('未报告');
  });

  it('fills a 100% chart to the top, and keeps the grouped bars in their slots', () => {
    const share = buildStackedBarsOption({ ...base, mode: 'share', lang: 'en' }) as unknown as Opt;
    expect(share.series.at(-1)).toMatchObject({ name: 'Not reported', data: [null, 1, null] });
    const grouped = buildStackedBarsOption({ ...base, mode: 'count', grouped: true }) as unknown as Opt;
    // Grouped: the highest single value (3); the mark shares the first series' slot.
    expect(grouped.series.map((s) => s.stack)).toEqual(['g0', undefined, 'g0']);
    expect(grouped.series.at(-1)?.data).toEqual([null, 3, null]);
  });

  it('follows the order of horizontal bars (first category on top)', () => {
    const o = buildStackedBarsOption({ ...base, mode: 'count', horizontal: true }) as unknown as Opt;
    expect(o.series.at(-1)?.data).toEqual([null, 4, null]);
    const two = buildStackedBarsOption({
      ...base,
      categories: ['甲县', '乙县'],
      series: [{ key: 'a', name: '甲', values: [null, 5] }],
      mode: 'count',
      horizontal: true,
    }) as unknown as Opt;
    // Reversed for the axis: 乙县 (reported) first, 甲县 (not reported) second.
    expect(two.series.at(-1)?.data).toEqual([null, 5]);
  });

  it('adds nothing when every category has a value', () => {
    const o = buildStackedBarsOption({
      ...base,
      series: [{ key: 'a', name: '甲', values: [1, 0, 2] }],
      mode: 'count',
    }) as unknown as Opt;
    expect(o.series.map((s) => s.name)).toEqual(['甲']);
  });

  it('marks a year without reports in the requests-by-year bars and gives it no total', () => {
    const o = buildStackedYearsOption({
      years: [2022, 2023, 2024],
      series: [
        { key: 'person', name: '自然人', values: [10, null, 0] },
        { key: 'business', name: '商业企业', values: [5, null, 0] },
      ],
      lang: 'zh',
    }) as unknown as Opt;
    expect(o.series.at(-1)).toMatchObject({ name: '未报告', data: [null, 15, null] });
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toContain('未报告');
    expect(o.tooltip.formatter([{ dataIndex: 2 }])).toContain('合计 0');
  });
});

describe('one rounding path for a share', () => {
  it('labels a donut slice with the same figure the headline shows', () => {
    // 4 of 21 = 0.190476…: the headline rounds it once to 19.0%. ECharts' percent (2 decimals, 19.05)
    // rounded again with toFixed(1) would print 19.1%.
    const headline = formatValue(4 / 21, 'percent', 'zh');
    expect(headline).toBe('19.0%');
    const o = buildCompositionOption({
      parts: [
        { key: 'denied', name: '不予公开', value: 4 },
        { key: 'granted', name: '予以公开', value: 17 },
      ],
      lang: 'zh',
    }) as unknown as { series: { label: { formatter: (p: unknown) => string } }[] } & Opt;
    expect(o.series[0]?.label.formatter({ dataIndex: 0, percent: 19.05 })).toBe(headline);
    expect(o.tooltip.formatter({ dataIndex: 0 })).toContain(headline);
    expect(formatShare(4, 21, 'en')).toBe('19.0%');
    expect(formatShare(4, 0, 'zh')).toBe('—');
    expect(formatShare(null, 21, 'zh')).toBe('—');
  });

  it('keeps a part of 0 in the legend without a slice label pointing at nothing', () => {
    const o = buildCompositionOption({
      parts: [
        { key: 'granted', name: '予以公开', value: 12 },
        { key: 'partial', name: '部分公开', value: 0 },
      ],
      lang: 'zh',
    }) as unknown as { series: { data: { name: string; label?: { show: boolean } }[] }[] };
    const data = o.series[0]?.data ?? [];
    expect(data.map((d) => d.name)).toEqual(['予以公开', '部分公开']);
    expect(data[0]?.label).toBeUndefined();
    expect(data[1]?.label).toEqual({ show: false });
  });
});
