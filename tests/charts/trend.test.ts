import { describe, expect, it } from 'vitest';
import {
  buildTrendOption,
  indexToBase,
  isSmallMultiples,
  niceCeil,
  trendLayout,
  type TrendInput,
} from '@/charts/trend';
import { renderSvg } from '@/components/chart/echarts-setup';

type LineSeries = {
  type: string;
  name: string;
  data: (number | null)[];
  connectNulls: boolean;
  markLine?: { data: object[] };
};
const seriesOf = (o: ReturnType<typeof buildTrendOption>) => o.series as unknown as LineSeries[];

const base: TrendInput = {
  years: [2019, 2020, 2021, 2022],
  series: [
    { id: 'a', name: '甲县人民政府', values: [100, null, 150, 200] },
    { id: 'b', name: '<b>乙局</b>', values: [0, 10, 20, 40] },
  ],
  unit: 'count',
  mode: 'absolute',
  lang: 'zh',
};

describe('indexToBase', () => {
  it('divides by the base year value and multiplies by 100', () => {
    expect(indexToBase([50, 75, 100], [2019, 2020, 2021], 2019)).toEqual([100, 150, 200]);
    expect(indexToBase([50, 75, 100], [2019, 2020, 2021], 2021)).toEqual([50, 75, 100]);
  });

  it('is undefined everywhere when the base is 0 or missing, and keeps gaps', () => {
    expect(indexToBase([0, 10, 20], [2019, 2020, 2021], 2019)).toEqual([null, null, null]);
    expect(indexToBase([null, 10, 20], [2019, 2020, 2021], 2019)).toEqual([null, null, null]);
    expect(indexToBase([10, null, 20], [2019, 2020, 2021], 2019)).toEqual([100, null, 200]);
    expect(indexToBase([10, 20], [2019, 2020], 2030)).toEqual([null, null]);
  });
});

describe('buildTrendOption', () => {
  it('draws a year an agency did not report as a gap, never 0', () => {
    const s = seriesOf(buildTrendOption(base));
    expect(s[0]?.data).toEqual([100, null, 150, 200]);
    expect(s.every((x) => x.connectNulls === false)).toBe(true);
    expect(s.map((x) => x.name)).toEqual(['甲县人民政府', '<b>乙局</b>']);
  });

  it('indexes to the base year, with a zero base giving no line rather than infinity', () => {
    const s = seriesOf(buildTrendOption({ ...base, mode: 'index', baseYear: 2021 }));
    expect(s[0]?.data).toEqual([(100 / 150) * 100, null, 100, (200 / 150) * 100]);
    expect(s[1]?.data).toEqual([0, 50, 100, 200]);
    const zeroBase = seriesOf(buildTrendOption({ ...base, mode: 'index', baseYear: 2019 }));
    expect(zeroBase[1]?.data).toEqual([null, null, null, null]);
  });

  it('marks the template change when the years span both templates', () => {
    const s = seriesOf(buildTrendOption({ ...base, templateBreak: { year: 2021, label: '2021 版模板' } }));
    expect(s[0]?.markLine?.data).toEqual([expect.objectContaining({ xAxis: 2 })]);
    const none = seriesOf(
      buildTrendOption({
        ...base,
        years: [2021, 2022],
        series: [{ id: 'a', name: 'a', values: [1, 2] }],
        templateBreak: { year: 2023, label: 'x' },
      }),
    );
    expect(none[0]?.markLine).toBeUndefined();
  });

  it('escapes names from data in the tooltip', () => {
    const o = buildTrendOption(base);
    const fmt = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = fmt([
      { seriesIndex: 0, dataIndex: 1 },
      { seriesIndex: 1, dataIndex: 1 },
    ]);
    expect(html).toContain('&#60;b&#62;乙局&#60;/b&#62;');
    expect(html).not.toContain('<b>乙局');
    expect(html).toContain('—');
    expect(html).toContain('2020年');
  });

  it('switches to small multiples above six lines, one panel per line on a shared scale', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ id: `a${i}`, name: `机关${i}`, values: [i, i * 2, null, 13] }));
    expect(isSmallMultiples(6)).toBe(false);
    expect(isSmallMultiples(7)).toBe(true);
    const o = buildTrendOption({ ...base, series: many });
    expect((o.grid as object[]).length).toBe(7);
    const y = o.yAxis as { max: number; name: string }[];
    expect(new Set(y.map((a) => a.max))).toEqual(new Set([20]));
    expect(y[3]?.name).toBe('机关3');
    expect(trendLayout(7)).toEqual({ columns: 3, rows: 3, height: 3 * 150 + 16 });
    expect(trendLayout(13).columns).toBe(4);
  });

  it('rounds the shared scale up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeil(13)).toBe(20);
    expect(niceCeil(0.23)).toBe(0.25);
    expect(niceCeil(480)).toBe(500);
    expect(niceCeil(0)).toBe(1);
  });

  it('renders in ECharts without errors, single and small multiples', () => {
    expect(renderSvg(buildTrendOption(base), 600, 360)).toContain('<svg');
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `a${i}`, name: `机关${i}`, values: [i, null, i + 1, 3] }));
    expect(
      renderSvg(
        buildTrendOption({
          ...base,
          series: many,
          mode: 'index',
          baseYear: 2022,
          templateBreak: { year: 2021, label: 'x' },
        }),
        900,
        500,
      ),
    ).toContain('<svg');
  });
});
