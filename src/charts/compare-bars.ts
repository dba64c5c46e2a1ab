import type { EChartsOption } from 'echarts';
import { formatValue, type Lang } from '@/domain/format';
import type { IndicatorUnit } from '@/domain/indicators';
import { AXIS_LABEL, BASE_OPTION, PALETTE, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';
import { axisTick, shorten, yearLabel } from '@/charts/axis';

export interface CompareBarsInput {
  /** In ranking order (first on top); null = not reported that year. */
  readonly agencies: readonly { id: string; name: string; start: number | null; end: number | null }[];
  readonly from: number;
  readonly to: number;
  readonly unit: IndicatorUnit;
  readonly lang: Lang;
}

/** Horizontal bars per agency: the start and the end year of the range side by side. */
export function buildCompareBarsOption(input: CompareBarsInput): EChartsOption {
  const { lang, unit } = input;
  const items = [...input.agencies].reverse();
  const years = input.from === input.to ? [input.to] : [input.from, input.to];
  const colors = years.length === 1 ? [PALETTE[0] as string] : ['#9cb8dc', PALETTE[0] as string];
  const pick = (a: CompareBarsInput['agencies'][number], y: number) => (y === input.to ? a.end : a.start);
  return {
    ...BASE_OPTION,
    grid: { left: 8, right: 64, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const a = items[i];
        if (!a) return '';
        return tooltipHtml(
          a.name,
          years.map((y, k) => ({
            marker: marker(colors[k] as string),
            name: yearLabel(y, lang),
            value: formatValue(pick(a, y), unit, lang),
          })),
        );
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => axisTick(v, unit, lang) },
      splitLine: SPLIT_LINE,
    },
    yAxis: {
      type: 'category',
      data: items.map((a) => shorten(a.name, 16)),
      axisLabel: { ...AXIS_LABEL, width: 220, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: years.map((y, k) => ({
      type: 'bar' as const,
      name: yearLabel(y, lang),
      barMaxWidth: 14,
      barGap: '15%',
      itemStyle: { color: colors[k], borderRadius: [0, 3, 3, 0] },
      label: {
        show: k === years.length - 1,
        position: 'right' as const,
        formatter: (p: { value?: unknown }) => (p.value === null ? '' : formatValue(Number(p.value), unit, lang)),
        color: '#5b6673',
        fontSize: 11,
      },
      data: items.map((a) => pick(a, y)),
    })),
  };
}
