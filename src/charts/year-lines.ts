import type { EChartsOption } from 'echarts';
import type { Lang } from '@/domain/format';
import type { IndicatorUnit } from '@/domain/indicators';
import { AXIS_LABEL, BASE_OPTION, PALETTE, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';
import { axisTick, shownValue, yearLabel } from '@/charts/axis';

export interface YearSeries {
  readonly key: string;
  readonly name: string;
  /** Aligned with `years`; null = not reported or undefined (a gap, never 0). */
  readonly values: readonly (number | null)[];
  /** Extra tooltip text per year (e.g. "n = 12 reports"). */
  readonly notes?: readonly (string | null)[];
}

export interface YearLinesInput {
  readonly years: readonly number[];
  readonly series: readonly YearSeries[];
  readonly unit: IndicatorUnit;
  readonly lang: Lang;
  readonly type?: 'line' | 'bar';
  readonly colors?: Record<string, string>;
}

/**
 * Every year from the first to the last: a year missing from the input is a gap, so a line never
 * bridges a year nobody reported.
 */
export function fillYears(years: readonly number[]): number[] {
  if (!years.length) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** One line (or bar) per series over consecutive years, in an indicator's unit. */
export function buildYearLinesOption(input: YearLinesInput): EChartsOption {
  const { lang, unit } = input;
  const years = fillYears(input.years);
  const at = (s: YearSeries, y: number) => {
    const i = input.years.indexOf(y);
    return i < 0 ? null : (s.values[i] ?? null);
  };
  const noteAt = (s: YearSeries, y: number) => {
    const i = input.years.indexOf(y);
    return i < 0 ? null : (s.notes?.[i] ?? null);
  };
  const colorOf = (key: string, k: number) => input.colors?.[key] ?? PALETTE[k % PALETTE.length] ?? '#999';
  const type = input.type ?? 'line';
  return {
    ...BASE_OPTION,
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: 'scroll', itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = (params as { dataIndex: number }[])[0];
        const y = years[first?.dataIndex ?? 0] ?? 0;
        const lines = input.series.map((s, k) => {
          const note = noteAt(s, y);
          const v = shownValue(at(s, y), unit, lang);
          return { marker: marker(colorOf(s.key, k)), name: s.name, value: note ? `${v}  ${note}` : v };
        });
        return tooltipHtml(yearLabel(y, lang), lines);
      },
    },
    xAxis: { type: 'category', data: years.map((y) => yearLabel(y, lang)), axisLabel: AXIS_LABEL },
    yAxis: {
      type: 'value',
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => axisTick(v, unit, lang) },
      splitLine: SPLIT_LINE,
    },
    series: input.series.map((s, k) => ({
      type,
      name: s.name,
      connectNulls: false,
      showSymbol: true,
      symbolSize: 7,
      barMaxWidth: 32,
      itemStyle: { color: colorOf(s.key, k) },
      lineStyle: { width: 2 },
      data: years.map((y) => at(s, y)),
    })),
  };
}
