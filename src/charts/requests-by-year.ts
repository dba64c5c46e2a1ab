import type { EChartsOption } from 'echarts';
import { formatCompact, formatCount, type Lang } from '@/domain/format';
import { APPLICANT_COLORS, AXIS_LABEL, BASE_OPTION, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';
import { notReportedBarSeries, notReportedLabel, unreportedCategories } from '@/charts/missing';

export interface StackedYearsInput {
  readonly years: readonly number[];
  /** One series per stack member, values aligned with `years`; null = not reported (a gap). */
  readonly series: readonly { key: string; name: string; values: readonly (number | null)[] }[];
  readonly lang: Lang;
  readonly colors?: Record<string, string>;
  /** Years outside this range are drawn faded: context for a selection, not part of it. */
  readonly highlight?: { from: number | null; to: number | null };
}

/** Stacked bars of a count per year (e.g. new requests by applicant type). */
export function buildStackedYearsOption(input: StackedYearsInput): EChartsOption {
  const { years, series, lang } = input;
  const colors = input.colors ?? APPLICANT_COLORS;
  const yearLabel = (y: number) => (lang === 'zh' ? `${y}年` : String(y));
  const inRange = (y: number) =>
    !input.highlight || ((input.highlight.from ?? -Infinity) <= y && y <= (input.highlight.to ?? Infinity));
  // A year nobody reported: a hatched 未报告 bar and no total, never a 0.
  const missing = unreportedCategories(series, years.length);
  const totals = years.map((_, i) => (missing[i] ? null : series.reduce((acc, s) => acc + (s.values[i] ?? 0), 0)));
  const highest = Math.max(0, ...totals.filter((v): v is number => v !== null));
  const missingSeries = notReportedBarSeries(missing, highest > 0 ? highest : 1, lang, 'total');
  return {
    ...BASE_OPTION,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: 'scroll', itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const ps = params as { dataIndex: number }[];
        const i = ps[0]?.dataIndex ?? 0;
        const lines = series.map((s) => ({
          marker: marker(colors[s.key] ?? '#999'),
          name: s.name,
          value: formatCount(s.values[i] ?? null, lang),
        }));
        const total = totals[i] ?? null;
        return tooltipHtml(
          yearLabel(years[i] ?? 0),
          lines,
          total === null ? notReportedLabel(lang) : `${lang === 'zh' ? '合计' : 'Total'} ${formatCount(total, lang)}`,
        );
      },
    },
    xAxis: { type: 'category', data: years.map(yearLabel), axisLabel: AXIS_LABEL },
    yAxis: {
      type: 'value',
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatCompact(v, lang) },
      splitLine: SPLIT_LINE,
    },
    series: [
      ...series.map((s) => ({
        type: 'bar' as const,
        name: s.name,
        stack: 'total',
        barMaxWidth: 48,
        itemStyle: { color: colors[s.key] ?? '#999' },
        emphasis: { focus: 'series' as const },
        data: s.values.map((v, i) => ({ value: v, itemStyle: { opacity: inRange(years[i] ?? 0) ? 1 : 0.3 } })),
      })),
      ...(missingSeries ? [missingSeries] : []),
    ],
  };
}
