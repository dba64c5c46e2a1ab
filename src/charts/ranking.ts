import type { EChartsOption } from 'echarts';
import { formatCompact, formatValue, type Lang } from '@/domain/format';
import type { IndicatorUnit } from '@/domain/indicators';
import { AXIS_LABEL, BASE_OPTION, PALETTE, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';

export interface RankingInput {
  readonly items: readonly { id: string; name: string; value: number }[];
  readonly unit: IndicatorUnit;
  readonly valueName: string;
  readonly lang: Lang;
}

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal bars, largest on top. Axis labels are plain text (ECharts does not parse them as HTML). */
export function buildRankingOption(input: RankingInput): EChartsOption {
  const items = [...input.items].reverse();
  const fmt = (v: number) => formatValue(v, input.unit, input.lang);
  return {
    ...BASE_OPTION,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = items[(p as { dataIndex: number }).dataIndex];
        if (!item) return '';
        return tooltipHtml(item.name, [
          { marker: marker(PALETTE[0] as string), name: input.valueName, value: fmt(item.value) },
        ]);
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: {
        ...AXIS_LABEL,
        formatter: (v: number) => (input.unit === 'percent' ? `${Math.round(v * 100)}%` : formatCompact(v, input.lang)),
      },
      splitLine: SPLIT_LINE,
    },
    yAxis: {
      type: 'category',
      data: items.map((i) => shorten(i.name, 16)),
      axisLabel: { ...AXIS_LABEL, width: 220, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: input.valueName,
        barMaxWidth: 18,
        itemStyle: { color: PALETTE[0], borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value?: unknown }) => fmt(Number(p.value)),
          color: '#5b6673',
          fontSize: 11,
        },
        data: items.map((i) => i.value),
      },
    ],
  };
}
