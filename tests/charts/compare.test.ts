import { describe, expect, it } from 'vitest';
import { buildCompareBarsOption } from '@/charts/compare-bars';
import {
  buildPeerRangeOption,
  OUTLIER_COLOR,
  peerChartHeight,
  peerPanels,
  type PeerRangeText,
} from '@/charts/peer-range';
import { renderSvg } from '@/components/chart/echarts-setup';

const text: PeerRangeText = {
  value: '本机关',
  median: '中位数',
  quartiles: '四分位',
  whiskers: '须',
  peers: '同组',
  high: '偏高',
  low: '偏低',
  within: '范围内',
  tooFew: '同组不足',
};

describe('buildCompareBarsOption', () => {
  const input = {
    agencies: [
      { id: 'a', name: '甲局', start: 10, end: 20 },
      { id: 'b', name: '<i>乙局</i>', start: null, end: 5 },
    ],
    from: 2022,
    to: 2023,
    unit: 'count' as const,
    lang: 'zh' as const,
  };

  it('puts start and end years side by side, first agency on top, unreported years empty', () => {
    const o = buildCompareBarsOption(input);
    const s = o.series as { name: string; data: (number | null)[] }[];
    expect(s.map((x) => x.name)).toEqual(['2022年', '2023年']);
    expect(s[0]?.data).toEqual([null, 10]);
    expect(s[1]?.data).toEqual([5, 20]);
    expect((o.yAxis as { data: string[] }).data).toEqual(['<i>乙局</i>', '甲局']);
  });

  it('draws one bar per agency for a single year and escapes names in tooltips', () => {
    const o = buildCompareBarsOption({ ...input, from: 2023 });
    expect((o.series as object[]).length).toBe(1);
    const html = (o.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 0 }]);
    expect(html).toContain('&#60;i&#62;');
    expect(renderSvg(buildCompareBarsOption(input), 600, 300)).toContain('<svg');
  });
});

describe('buildPeerRangeOption', () => {
  const stats = { n: 9, q1: 30, median: 50, q3: 70, low: 10, high: 80 };
  const input = {
    items: [
      { id: 'd9', name: '甲县第9局', group: '县级·部门', value: 500, stats },
      {
        id: 'g1',
        name: '甲县人民政府',
        group: '县级·人民政府',
        value: 300,
        stats: { n: 2, q1: 150, median: 200, q3: 250, low: 100, high: 300 },
      },
      { id: 'd5', name: '甲县第5局', group: '县级·部门', value: 50, stats },
    ],
    unit: 'count' as const,
    lang: 'zh' as const,
    text,
  };
  type Series = { data: unknown[]; xAxisIndex: number };

  it('puts each peer group in its own panel, first agency on top, and shows n', () => {
    expect(peerPanels(input.items).map((p) => [p.group, p.items.map((i) => i.id)])).toEqual([
      ['县级·部门', ['d9', 'd5']],
      ['县级·人民政府', ['g1']],
    ]);
    const o = buildPeerRangeOption(input);
    const y = o.yAxis as { data: string[]; name: string }[];
    expect(y.map((a) => a.data)).toEqual([['甲县第5局', '甲县第9局'], ['甲县人民政府']]);
    expect(y.map((a) => a.name)).toEqual(['县级·部门（n=9）', '县级·人民政府（n=2） · 同组不足']);
    expect((o.grid as object[]).length).toBe(2);
    expect(peerChartHeight(input.items)).toBe(3 * 30 + 2 * 58);
  });

  it('draws the peer box only for groups with enough members', () => {
    const s = buildPeerRangeOption(input).series as Series[];
    expect(s[0]?.data).toEqual([
      [10, 30, 50, 70, 80],
      [10, 30, 50, 70, 80],
    ]);
    expect(s[2]?.data).toEqual([[]]);
    expect(s.map((x) => x.xAxisIndex)).toEqual([0, 0, 1, 1]);
  });

  it('marks a value beyond 1.5 IQR as an outlier, and says when the group is too small', () => {
    const o = buildPeerRangeOption(input);
    const dots = (o.series as { data: { value: (number | null)[]; itemStyle: { color: string } }[] }[])[1]?.data ?? [];
    expect(dots.map((d) => d.itemStyle.color === OUTLIER_COLOR)).toEqual([false, true]);
    expect(dots[1]?.value).toEqual([500, 1]);
    const fmt = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(fmt({ seriesIndex: 1, dataIndex: 1 })).toContain('偏高');
    expect(fmt({ seriesIndex: 1, dataIndex: 0 })).toContain('范围内');
    expect(fmt({ seriesIndex: 3, dataIndex: 0 })).toContain('同组不足');
    expect(fmt({ seriesIndex: 3, dataIndex: 0 })).not.toContain('中位数');
  });

  it('escapes agency names in tooltips and writes n the English way in English', () => {
    const o = buildPeerRangeOption({ ...input, lang: 'en', items: [{ ...input.items[0]!, name: '<img src=x>' }] });
    expect((o.tooltip as { formatter: (p: unknown) => string }).formatter({ seriesIndex: 0, dataIndex: 0 })).toContain(
      '&#60;img',
    );
    expect((o.yAxis as { name: string }[])[0]?.name).toBe('县级·部门 (n = 9)');
  });

  it('renders in ECharts without errors', () => {
    expect(renderSvg(buildPeerRangeOption(input), 700, 260)).toContain('<svg');
  });
});
