import type { EChartsOption } from 'echarts';
import { formatCompact, formatCount, type Lang } from '@/domain/format';
import { AXIS_LABEL, BASE_OPTION, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';
import { yearLabel } from '@/charts/axis';
import { fillYears, type YearSeries } from '@/charts/year-lines';

export interface FlowStockInput {
  readonly years: readonly number[];
  /** What happened during the year (issued, repealed): bars on the left axis. */
  readonly flows: readonly YearSeries[];
  /** What stands at the end of the year (in force): a line on the right axis. */
  readonly stock: YearSeries;
  readonly lang: Lang;
  readonly colors: readonly string[];
}

/** Documents issued and repealed per year as bars, those in force as a line on its own axis. */
export function buildFlowStockOption(input: FlowStockInput): EChartsOption {
  const { lang } = input;
  const years = fillYears(input.years);
  const at = (s: YearSeries, y: number) => {
    const i = input.years.indexOf(y);
    return i < 0 ? null : (s.values[i] ?? null);
  };
  const all = [...input.flows, input.stock];
  const color = (k: number) => input.colors[k % input.colors.length] ?? '#999';
  const axis = (position: 'left' | 'right') => ({
    type: 'value' as const,
    position,
    axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatCompact(v, lang) },
    splitLine: position === 'left' ? SPLIT_LINE : { show: false },
  });
  return {
    ...BASE_OPTION,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const y = years[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0] ?? 0;
        return tooltipHtml(
          yearLabel(y, lang),
          all.map((s, k) => ({ marker: marker(color(k)), name: s.name, value: formatCount(at(s, y), lang) })),
        );
      },
    },
    xAxis: { type: 'category', data: years.map((y) => yearLabel(y, lang)), axisLabel: AXIS_LABEL },
    yAxis: [axis('left'), axis('right')],
    series: [
      ...input.flows.map((s, k) => ({
        type: 'bar' as const,
        name: s.name,
        yAxisIndex: 0,
        barMaxWidth: 24,
        itemStyle: { color: color(k) },
        data: years.map((y) => at(s, y)),
      })),
      {
        type: 'line' as const,
        name: input.stock.name,
        yAxisIndex: 1,
        connectNulls: false,
        symbolSize: 7,
        itemStyle: { color: color(input.flows.length) },
        lineStyle: { width: 2 },
        data: years.map((y) => at(input.stock, y)),
      },
    ],
  };
}
