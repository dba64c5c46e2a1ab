import type { EChartsOption } from 'echarts';
import { formatCompact, formatCount, formatValue, type Lang } from '@/domain/format';
import type { IndicatorUnit } from '@/domain/indicators';
import { AXIS_LABEL, BASE_OPTION, PALETTE, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';

export interface RankingItem {
  readonly id: string;
  readonly name: string;
  readonly value: number;
  /** For a rate: the numerator and denominator it rests on (shown in the tooltip as x / n). */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  /** For a rate: its 95% Wilson interval (domain/stats), drawn as a whisker over the bar. */
  readonly interval?: { readonly low: number; readonly high: number } | null;
}

export interface RankingInput {
  readonly items: readonly RankingItem[];
  readonly unit: IndicatorUnit;
  readonly valueName: string;
  readonly lang: Lang;
  /** How a value is written when the unit's own format does not fit (e.g. per 10,000 residents). */
  readonly format?: (v: number) => string;
}

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal bars, largest on top. Axis labels are plain text (ECharts does not parse them as HTML). */
export function buildRankingOption(input: RankingInput): EChartsOption {
  const items = [...input.items].reverse();
  const fmt = input.format ?? ((v: number) => formatValue(v, input.unit, input.lang));
  const zh = input.lang === 'zh';
  const withInterval = items.some((i) => i.interval);
  const extra = (item: RankingItem) => [
    ...(item.numerator !== undefined && item.denominator !== undefined
      ? [
          {
            marker: '',
            name: zh ? '分子 / 分母' : 'Numerator / denominator',
            value: `${formatCount(item.numerator ?? null, input.lang)} / ${formatCount(item.denominator ?? null, input.lang)}`,
          },
        ]
      : []),
    ...(item.interval
      ? [
          {
            marker: '',
            name: zh ? '95% 区间' : '95% interval',
            value: `${fmt(item.interval.low)} – ${fmt(item.interval.high)}`,
          },
        ]
      : []),
  ];
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
          ...extra(item),
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
          // Readable where an interval's whisker runs behind the label.
          backgroundColor: 'rgba(255,255,255,0.85)',
          padding: [1, 2],
          color: '#5b6673',
          fontSize: 11,
        },
        data: items.map((i) => i.value),
      },
      // The interval as an error bar: whiskers from its low to its high end with caps, a tick at the rate.
      ...(withInterval
        ? [
            {
              type: 'boxplot' as const,
              name: zh ? '95% 区间' : '95% interval',
              boxWidth: [8, 10],
              z: 3,
              itemStyle: { color: '#2b3440', borderColor: '#2b3440', borderWidth: 1.5 },
              data: items.map((i) => (i.interval ? [i.interval.low, i.value, i.value, i.value, i.interval.high] : [])),
            },
          ]
        : []),
    ],
  };
}
