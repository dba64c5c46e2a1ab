import { describe, expect, it } from 'vitest';
import { buildFunnelOption, FUNNEL_COLORS, type FunnelText } from '@/charts/funnel';
import { funnelData, type FunnelUnit } from '@/domain/stats';
import { renderSvg } from '@/components/chart/echarts-setup';

const text: FunnelText = {
  pooled: '合并比率',
  limits95: '95% 控制限',
  limits998: '99.8% 控制限',
  inLine: '与同组相符',
  high: '偏高',
  low: '偏低',
  noLimits: '同组不足，不作判断',
  verdicts: {
    in_line: '在 95% 控制限内',
    high95: '高于 95% 控制限',
    low95: '低于 95% 控制限',
    high998: '高于 99.8% 控制限',
    low998: '低于 99.8% 控制限',
  },
};

type Series = { type: string; name: string; data: unknown[]; itemStyle?: { color?: string } };
type Formatter = (p: unknown) => string;

/*
 * Eight agencies at 50 handled requests each with 5 granted (10%), one with 40 of 50 (80%), one with
 * 0 of 200: pooled p₀ = (8·5 + 40 + 0) / (8·50 + 50 + 200) = 80 / 650 = 0.1231. 40 of 50 lies far
 * above the limits, 0 of 200 far below (expected 24.6 of 200), the 5-of-50 ones inside.
 */
const units: FunnelUnit[] = [
  ...Array.from({ length: 8 }, (_, i) => ({ id: `a${i}`, x: 5, n: 50 })),
  { id: 'hi', x: 40, n: 50 },
  { id: 'lo', x: 0, n: 200 },
];
const names = { ...Object.fromEntries(units.map((u) => [u.id, `${u.id}局`])), hi: '<b>高</b>局' };

describe('buildFunnelOption', () => {
  const o = buildFunnelOption({
    indicatorKey: 'disclosure_rate',
    data: funnelData(units),
    names,
    highlight: ['hi'],
    lang: 'zh',
    text,
  });
  const series = o.series as Series[];

  it('plots agencies by verdict, then the pooled rate and both pairs of limits', () => {
    expect(series.map((s) => `${s.type}:${s.name}`)).toEqual([
      'scatter:与同组相符',
      'scatter:偏高',
      'scatter:偏低',
      'line:合并比率',
      'line:95% 控制限',
      'line:95% 控制限',
      'line:99.8% 控制限',
      'line:99.8% 控制限',
    ]);
    expect(series[0]?.data).toHaveLength(8);
    expect(series[1]?.itemStyle?.color).toBe(FUNNEL_COLORS.high);
    expect(series[1]?.data).toEqual([{ value: [50, 0.8], symbolSize: 14, symbol: 'diamond' }]);
    expect(series[2]?.data).toEqual([{ value: [200, 0], symbolSize: 8, symbol: 'diamond' }]);
    const pooled = series[3]?.data as [number, number][];
    expect(pooled[0]?.[1]).toBeCloseTo(80 / 650, 12);
    // The curve spans the plotted denominators.
    expect(pooled.map((p) => p[0])).toEqual([50, 200]);
  });

  it('names the axis and the tooltip lines from the catalogue, in the rate unit, escaping names', () => {
    expect((o.xAxis as { name: string }).name).toBe('办理总计');
    const tick = (o.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(tick(0.25)).toBe('25%');
    const html = (o.tooltip as { formatter: Formatter }).formatter({ seriesIndex: 1, dataIndex: 0 });
    expect(html).toContain('&#60;b&#62;高&#60;/b&#62;局');
    expect(html).not.toContain('<b>高');
    expect(html).toContain('公开率');
    expect(html).toContain('80.0%');
    expect(html).toContain('办理总计');
    expect(html).toContain('高于 99.8% 控制限');
    expect((o.tooltip as { formatter: Formatter }).formatter({ seriesIndex: 5, dataIndex: 0 })).toBe('');
    expect(renderSvg(o, 600, 400)).toContain('<svg');
  });

  it('shows the values without limits or verdicts for a small peer group', () => {
    const small = buildFunnelOption({
      indicatorKey: 'disclosure_rate',
      data: funnelData(units.slice(0, 3)),
      names,
      lang: 'en',
      text,
    });
    const s = small.series as Series[];
    expect(s.map((x) => `${x.type}:${x.name}`)).toEqual(['scatter:同组不足，不作判断']);
    expect(s[0]?.itemStyle?.color).toBe(FUNNEL_COLORS.none);
    expect((small.xAxis as { name: string }).name).toBe('Requests handled');
    const html = (small.tooltip as { formatter: Formatter }).formatter({ seriesIndex: 0, dataIndex: 0 });
    expect(html).toContain('同组不足');
    expect(() =>
      buildFunnelOption({ indicatorKey: 'new_requests', data: funnelData(units), names, lang: 'zh', text }),
    ).toThrow();
  });
});
