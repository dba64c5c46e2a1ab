import { describe, expect, it } from 'vitest';
import { buildRankingOption } from '@/charts/ranking';
import { wilsonInterval } from '@/domain/stats';
import { renderSvg } from '@/components/chart/echarts-setup';

type Series = { type: string; data: unknown[] };
type Opt = { series: Series[]; tooltip: { formatter: (p: unknown) => string } };

describe('ranking bars of a rate', () => {
  // 1 of 3 → Wilson [0.0615, 0.7923]; 40 of 50 → [0.6696, 0.8876].
  const items = [
    { id: 'b', name: '<b>乙局</b>', value: 0.8, numerator: 40, denominator: 50, interval: wilsonInterval(40, 50) },
    { id: 'a', name: '甲局', value: 1 / 3, numerator: 1, denominator: 3, interval: wilsonInterval(1, 3) },
  ];
  const o = buildRankingOption({ items, unit: 'percent', valueName: '公开率', lang: 'zh' }) as unknown as Opt;

  it('draws each 95% interval as a whisker over its bar, in the bar order', () => {
    expect(o.series.map((s) => s.type)).toEqual(['bar', 'boxplot']);
    // Reversed for the axis (largest on top): 甲局 first.
    const box = o.series[1]?.data as number[][];
    expect(box[0]?.[0]).toBeCloseTo(0.061492, 5);
    expect(box[0]?.[4]).toBeCloseTo(0.79234, 5);
    expect(box[0]?.slice(1, 4)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(box[1]?.[2]).toBe(0.8);
  });

  it('gives numerator, denominator and interval in the tooltip, escaping the name', () => {
    const html = o.tooltip.formatter({ dataIndex: 1 });
    expect(html).toContain('&#60;b&#62;乙局');
    expect(html).toContain('40 / 50');
    expect(html).toContain('67.0% – 88.8%');
    expect(o.tooltip.formatter({ dataIndex: 0 })).toContain('1 / 3');
    expect(renderSvg(o as never, 600, 200)).toContain('<svg');
  });

  it('stays a plain bar chart for counts', () => {
    const counts = buildRankingOption({
      items: [{ id: 'a', name: '甲', value: 5 }],
      unit: 'count',
      valueName: '新收申请',
      lang: 'en',
    }) as unknown as Opt;
    expect(counts.series.map((s) => s.type)).toEqual(['bar']);
    expect(counts.tooltip.formatter({ dataIndex: 0 })).not.toContain('interval');
  });
});
