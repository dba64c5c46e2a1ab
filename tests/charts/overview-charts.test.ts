import { describe, expect, it } from 'vitest';
import { buildStackedYearsOption } from '@/charts/requests-by-year';
import { buildCompositionOption } from '@/charts/composition';
import { buildRankingOption } from '@/charts/ranking';

type Fn = (p: unknown) => string;
type AnyOption = Record<string, unknown> & { series: Record<string, unknown>[]; tooltip: { formatter: Fn } };

describe('stacked years', () => {
  const option = buildStackedYearsOption({
    years: [2021, 2022, 2023],
    series: [
      { key: 'person', name: '自然人', values: [10, null, 12] },
      { key: 'business', name: '<b>商业企业</b>', values: [1, null, 2] },
    ],
    lang: 'zh',
    highlight: { from: 2022, to: 2023 },
  }) as unknown as AnyOption;

  it('leaves a gap for a year that was not reported and keeps series order', () => {
    const first = option.series[0] as { data: { value: number | null }[]; name: string };
    expect(first.name).toBe('自然人');
    expect(first.data.map((d) => d.value)).toEqual([10, null, 12]);
  });

  it('fades the years outside the chosen range', () => {
    const first = option.series[0] as { data: { itemStyle: { opacity: number } }[] };
    expect(first.data.map((d) => d.itemStyle.opacity)).toEqual([0.3, 1, 1]);
  });

  it('escapes names from data in the tooltip and totals the stack', () => {
    const html = option.tooltip.formatter([{ dataIndex: 2 }]);
    expect(html).toContain('&#60;b&#62;商业企业&#60;/b&#62;');
    expect(html).not.toContain('<b>商业企业');
    expect(html).toContain('合计 14');
  });
});

describe('composition ring', () => {
  it('leaves unreported parts out rather than drawing them as 0', () => {
    const option = buildCompositionOption({
      parts: [
        { key: 'granted', name: '予以公开', value: 30 },
        { key: 'denied', name: '不予公开', value: null },
        { key: 'unable', name: '无法提供', value: 10 },
      ],
      lang: 'zh',
    }) as unknown as AnyOption;
    const data = (option.series[0] as { data: { name: string; value: number }[] }).data;
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ['予以公开', 30],
      ['无法提供', 10],
    ]);
    expect(option.tooltip.formatter({ dataIndex: 0 })).toContain('75.0%');
  });
});

describe('ranking bars', () => {
  it('puts the largest on top and escapes agency names in the tooltip', () => {
    const option = buildRankingOption({
      items: [
        { id: 'a', name: '甲<script>', value: 50 },
        { id: 'b', name: '乙', value: 20 },
      ],
      unit: 'count',
      valueName: '新收申请',
      lang: 'zh',
    }) as unknown as AnyOption & { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['乙', '甲<script>']);
    expect(option.tooltip.formatter({ dataIndex: 1 })).toContain('甲&#60;script&#62;');
  });
});
