import type { EChartsOption, MarkLineComponentOption } from 'echarts';
import { formatDecimal, formatPercent, formatValue, type Lang } from '@/domain/format';
import type { IndicatorUnit } from '@/domain/indicators';
import { AXIS_LABEL, BASE_OPTION, PALETTE, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';
import { axisTick, shorten, yearLabel } from '@/charts/axis';

/** Absolute values, each line's share of the year's total, or an index with the base year = 100. */
export type TrendMode = 'absolute' | 'share' | 'index';

export interface TrendSeriesInput {
  readonly id: string;
  readonly name: string;
  /** Aligned with `years`; null = not reported or undefined (a gap in the line, never 0). */
  readonly values: readonly (number | null)[];
}

export interface TrendInput {
  readonly years: readonly number[];
  readonly series: readonly TrendSeriesInput[];
  readonly unit: IndicatorUnit;
  readonly mode: TrendMode;
  /** Year whose value is 100 in index mode. */
  readonly baseYear?: number | null;
  readonly lang: Lang;
  /** A dashed line where the report template changes, when the years span both templates. */
  readonly templateBreak?: { readonly year: number; readonly label: string } | null;
  /** More lines than this are drawn as small multiples, one panel per line. */
  readonly smallMultiplesAbove?: number;
}

export const SMALL_MULTIPLES_ABOVE = 6;
const PANEL_HEIGHT = 150;
const LEGEND_SPACE = 44;

/** Values as an index of the base year (= 100); null where either is missing or the base is 0. */
export function indexToBase(
  values: readonly (number | null)[],
  years: readonly number[],
  base: number,
): (number | null)[] {
  const b = values[years.indexOf(base)] ?? null;
  return values.map((v) => (v === null || b === null || b === 0 ? null : (v / b) * 100));
}

/** The values a chart draws for one line in a mode. */
export function trendValues(input: TrendInput, s: TrendSeriesInput): (number | null)[] {
  if (input.mode !== 'index') return [...s.values];
  return indexToBase(s.values, input.years, input.baseYear ?? input.years[0] ?? 0);
}

export function isSmallMultiples(n: number, above = SMALL_MULTIPLES_ABOVE): boolean {
  return n > above;
}

/** Panels per row and the chart height for n lines. */
export function trendLayout(
  n: number,
  above = SMALL_MULTIPLES_ABOVE,
): { columns: number; rows: number; height: number } {
  if (!isSmallMultiples(n, above)) return { columns: 1, rows: 1, height: 360 };
  const columns = n > 12 ? 4 : 3;
  const rows = Math.ceil(n / columns);
  return { columns, rows, height: rows * PANEL_HEIGHT + 16 };
}

/** A round upper bound (1, 2, 2.5, 5 × 10^k) so panels share a readable scale. */
export function niceCeil(v: number): number {
  if (v <= 0 || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * p >= v) ?? 10;
  return step * p;
}

function formatters(input: TrendInput) {
  const { mode, unit, lang } = input;
  const value = (v: number | null) =>
    mode === 'share'
      ? formatPercent(v, lang)
      : mode === 'index'
        ? formatDecimal(v, lang, 1)
        : formatValue(v, unit, lang);
  const axis = (v: number) =>
    mode === 'share'
      ? axisTick(v, 'percent', lang)
      : mode === 'index'
        ? String(Math.round(v))
        : axisTick(v, unit, lang);
  return { value, axis };
}

/** Dashed guides: the template change (labelled on a single chart) and 100 in index mode. */
function marks(input: TrendInput, labelled: boolean): MarkLineComponentOption | undefined {
  const data: NonNullable<MarkLineComponentOption['data']> = [];
  if (input.templateBreak && input.years.includes(input.templateBreak.year)) {
    data.push({
      // The category's index: a label like "2021" would be read as a number.
      xAxis: input.years.indexOf(input.templateBreak.year),
      label: labelled
        ? { formatter: input.templateBreak.label, position: 'end', color: '#6b7785', fontSize: 11 }
        : { show: false },
    });
  }
  if (input.mode === 'index') data.push({ yAxis: 100, label: { show: false } });
  if (data.length === 0) return undefined;
  return { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#9aa5b1', width: 1 }, data };
}

/** Lines of one indicator over the years, or small multiples when there are many lines. */
export function buildTrendOption(input: TrendInput): EChartsOption {
  const { years, series, lang } = input;
  const fmt = formatters(input);
  const values = series.map((s) => trendValues(input, s));
  const categories = years.map((y) => yearLabel(y, lang));
  const small = isSmallMultiples(series.length, input.smallMultiplesAbove);
  const tooltip = {
    trigger: 'axis' as const,
    formatter: (params: unknown) => {
      const ps = params as { seriesIndex: number; dataIndex: number }[];
      const i = ps[0]?.dataIndex ?? 0;
      const lines = ps.map((p) => ({
        marker: marker(small ? (PALETTE[0] as string) : (PALETTE[p.seriesIndex % PALETTE.length] as string)),
        name: series[p.seriesIndex]?.name ?? '',
        value: fmt.value(values[p.seriesIndex]?.[i] ?? null),
      }));
      return tooltipHtml(yearLabel(years[i] ?? 0, lang), lines);
    },
  };
  const line = (i: number, color: string) => ({
    type: 'line' as const,
    name: series[i]?.name ?? '',
    data: values[i] ?? [],
    connectNulls: false,
    showSymbol: true,
    symbolSize: 6,
    lineStyle: { width: 2, color },
    itemStyle: { color },
    emphasis: { focus: 'series' as const },
  });

  if (!small) {
    const mark = marks(input, true);
    return {
      ...BASE_OPTION,
      grid: { left: 8, right: 24, top: LEGEND_SPACE, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, type: 'scroll', itemWidth: 14, itemHeight: 8 },
      tooltip,
      xAxis: { type: 'category', data: categories, axisLabel: AXIS_LABEL, boundaryGap: false },
      yAxis: {
        type: 'value',
        scale: input.mode === 'index',
        axisLabel: { ...AXIS_LABEL, formatter: fmt.axis },
        splitLine: SPLIT_LINE,
      },
      series: series.map((_, i) => ({
        ...line(i, PALETTE[i % PALETTE.length] as string),
        ...(i === 0 && mark ? { markLine: mark } : {}),
      })),
    };
  }

  const { columns } = trendLayout(series.length, input.smallMultiplesAbove);
  const all = values.flat().filter((v): v is number => v !== null);
  const max = niceCeil(Math.max(0, ...all));
  const min = input.mode === 'index' ? Math.min(0, ...all) : 0;
  const width = 100 / columns;
  const mark = marks(input, false);
  return {
    ...BASE_OPTION,
    tooltip,
    grid: series.map((_, i) => ({
      left: `${(i % columns) * width + 1}%`,
      width: `${width - 3}%`,
      top: Math.floor(i / columns) * PANEL_HEIGHT + 30,
      height: PANEL_HEIGHT - 62,
      containLabel: true,
    })),
    xAxis: series.map((_, i) => ({
      type: 'category' as const,
      gridIndex: i,
      data: categories,
      boundaryGap: false,
      axisLabel: { ...AXIS_LABEL, fontSize: 10, formatter: (v: string) => v.replace(/^\d\d(\d\d).*$/, "'$1") },
    })),
    yAxis: series.map((s, i) => ({
      type: 'value' as const,
      gridIndex: i,
      min,
      max,
      splitNumber: 2,
      name: shorten(s.name, 18),
      nameLocation: 'end' as const,
      nameGap: 10,
      nameTextStyle: { align: 'left' as const, fontSize: 12, fontWeight: 600, color: '#2b3440' },
      axisLabel: { ...AXIS_LABEL, fontSize: 10, formatter: fmt.axis },
      splitLine: SPLIT_LINE,
    })),
    series: series.map((_, i) => ({
      ...line(i, PALETTE[0] as string),
      xAxisIndex: i,
      yAxisIndex: i,
      symbolSize: 4,
      ...(mark ? { markLine: mark } : {}),
    })),
  };
}
