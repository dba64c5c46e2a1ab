import type { EChartsOption } from 'echarts';
import { formatCount, formatPercent, formatValue, type Lang } from '@/domain/format';
import type { IndicatorUnit } from '@/domain/indicators';
import { AXIS_LABEL, BASE_OPTION, PALETTE, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';
import { axisTick, shorten } from '@/charts/axis';
import { notReportedBarSeries, notReportedLabel, unreportedCategories } from '@/charts/missing';

export interface StackedSeries {
  readonly key: string;
  readonly name: string;
  /** Aligned with `categories`; null = not reported (a gap, never 0). */
  readonly values: readonly (number | null)[];
}

export interface StackedBarsInput {
  /** Category labels (years, agencies, levels …); plain text, may come from data. */
  readonly categories: readonly string[];
  readonly series: readonly StackedSeries[];
  /** `count`: the values; `share`: each value ÷ the sum of its category (100% stacked). */
  readonly mode: 'count' | 'share';
  readonly lang: Lang;
  readonly colors?: Record<string, string>;
  /** Bars along the y axis (long category names such as agencies). */
  readonly horizontal?: boolean;
  /** Side-by-side bars instead of a stack (count mode only). */
  readonly grouped?: boolean;
  /** Unit of the values in count mode (default: count). */
  readonly unit?: IndicatorUnit;
  /** A note for the tooltip footer (e.g. why a category is not comparable). */
  readonly footnote?: (categoryIndex: number) => string | null;
  /** Legend and bar label of a category with no part reported (default 未报告 / Not reported). */
  readonly notReported?: string;
}

/** Sum of the reported parts of each category; null when no part is reported. */
export function categoryTotals(series: readonly StackedSeries[], n: number): (number | null)[] {
  return Array.from({ length: n }, (_, i) => {
    const parts = series.map((s) => s.values[i] ?? null).filter((v): v is number => v !== null);
    return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  });
}

/** Shares of each category's total; a category whose total is 0 or unreported has no shares (null). */
export function shareValues(series: readonly StackedSeries[], n: number): (number | null)[][] {
  const totals = categoryTotals(series, n);
  return series.map((s) =>
    Array.from({ length: n }, (_, i) => {
      const v = s.values[i] ?? null;
      const t = totals[i] ?? null;
      return v === null || t === null || t === 0 ? null : v / t;
    }),
  );
}

const paren = (a: string, b: string, lang: Lang) => (lang === 'zh' ? `${a}（${b}）` : `${a} (${b})`);

/** Stacked (or grouped) bars of parts per category, as counts or as 100% shares. */
export function buildStackedBarsOption(input: StackedBarsInput): EChartsOption {
  const { categories, series, mode, lang } = input;
  const n = categories.length;
  const unit: IndicatorUnit = mode === 'share' ? 'percent' : (input.unit ?? 'count');
  const colorOf = (key: string, i: number) => input.colors?.[key] ?? PALETTE[i % PALETTE.length] ?? '#999';
  const shares = shareValues(series, n);
  const totals = categoryTotals(series, n);
  const shown = mode === 'share' ? shares : series.map((s) => [...s.values]);
  // Horizontal bars list the first category on top.
  const order = input.horizontal ? [...categories.keys()].reverse() : [...categories.keys()];
  const valueAxis = {
    type: 'value' as const,
    max: mode === 'share' ? 1 : undefined,
    axisLabel: { ...AXIS_LABEL, formatter: (v: number) => axisTick(v, unit, lang) },
    splitLine: SPLIT_LINE,
  };
  const categoryAxis = {
    type: 'category' as const,
    data: order.map((i) => (input.horizontal ? shorten(categories[i] ?? '', 18) : (categories[i] ?? ''))),
    axisLabel: input.horizontal
      ? { ...AXIS_LABEL, width: 240, overflow: 'truncate' as const }
      : { ...AXIS_LABEL, interval: n <= 12 ? 0 : ('auto' as const) },
    axisTick: { show: false },
  };
  // A category in which no part is reported gets a hatched 未报告 bar, never an empty slot that reads as 0.
  const missing = unreportedCategories(series, n);
  const stacked = !(input.grouped && mode === 'count');
  const highest = Math.max(
    0,
    ...(stacked ? totals : series.flatMap((s) => [...s.values])).filter((v): v is number => v !== null),
  );
  const fill = mode === 'share' ? 1 : highest > 0 ? highest : 1;
  const notReported = input.notReported ?? notReportedLabel(lang);
  const missingSeries = notReportedBarSeries(
    order.map((i) => missing[i] ?? false),
    fill,
    lang,
    stacked ? 'parts' : 'g0',
    notReported,
  );
  const count = (v: number | null) =>
    input.unit && input.unit !== 'count' ? formatValue(v, input.unit, lang) : formatCount(v, lang);
  return {
    ...BASE_OPTION,
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: 'scroll', itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (params as { dataIndex: number }[])[0];
        const i = order[first?.dataIndex ?? 0] ?? 0;
        const lines = series.map((s, k) => ({
          marker: marker(colorOf(s.key, k)),
          name: s.name,
          value:
            mode === 'share'
              ? paren(formatPercent(shares[k]?.[i] ?? null, lang), count(s.values[i] ?? null), lang)
              : count(s.values[i] ?? null),
        }));
        const total = missing[i] ? notReported : `${lang === 'zh' ? '合计' : 'Total'} ${count(totals[i] ?? null)}`;
        const note = input.footnote?.(i);
        return tooltipHtml(categories[i] ?? '', lines, note ? `${total}｜${note}` : total);
      },
    },
    xAxis: input.horizontal ? valueAxis : categoryAxis,
    yAxis: input.horizontal ? categoryAxis : valueAxis,
    series: [
      ...series.map((s, k) => ({
        type: 'bar' as const,
        name: s.name,
        stack: stacked ? 'parts' : k === 0 && missingSeries ? 'g0' : undefined,
        barMaxWidth: input.grouped ? 18 : 40,
        itemStyle: { color: colorOf(s.key, k) },
        emphasis: { focus: 'series' as const },
        data: order.map((i) => shown[k]?.[i] ?? null),
      })),
      ...(missingSeries ? [missingSeries] : []),
    ],
  };
}
