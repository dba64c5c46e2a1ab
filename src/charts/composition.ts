import type { EChartsOption } from 'echarts';
import { formatCount, formatShare, type Lang } from '@/domain/format';
import { BASE_OPTION, OUTCOME_COLORS } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';

export interface CompositionInput {
  readonly parts: readonly { key: string; name: string; value: number | null }[];
  readonly lang: Lang;
  readonly colors?: Record<string, string>;
}

/** A ring of parts of a whole with counts and shares; unreported parts are left out, not 0. */
export function buildCompositionOption(input: CompositionInput): EChartsOption {
  const colors = input.colors ?? OUTCOME_COLORS;
  const parts = input.parts.filter((p) => p.value !== null);
  const total = parts.reduce((a, p) => a + (p.value ?? 0), 0);
  return {
    ...BASE_OPTION,
    legend: { orient: 'vertical', right: 8, top: 'middle', itemWidth: 12, itemHeight: 12 },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataIndex } = p as { dataIndex: number };
        const part = parts[dataIndex];
        if (!part) return '';
        return tooltipHtml(part.name, [
          {
            marker: marker(colors[part.key] ?? '#999'),
            name: input.lang === 'zh' ? '件数' : 'Requests',
            value: formatCount(part.value, input.lang),
          },
          {
            marker: '',
            name: input.lang === 'zh' ? '占比' : 'Share',
            value: formatShare(part.value, total, input.lang),
          },
        ]);
      },
    },
    series: [
      {
        type: 'pie',
        radius: ['42%', '72%'],
        center: ['36%', '52%'],
        avoidLabelOverlap: true,
        // The share from the exact ratio, formatted once (not ECharts' rounded percent rounded again).
        label: {
          formatter: (p: { dataIndex: number }) => formatShare(parts[p.dataIndex]?.value ?? null, total, input.lang),
          fontSize: 12,
        },
        labelLine: { length: 8, length2: 6 },
        // A part of 0 keeps its legend entry but draws no slice label ("0.0%" pointing at nothing).
        data: parts.map((p) => ({
          name: p.name,
          value: p.value ?? 0,
          itemStyle: { color: colors[p.key] ?? '#999' },
          ...(p.value === 0 ? { label: { show: false }, labelLine: { show: false } } : {}),
        })),
      },
    ],
    // A narrow card (a phone, an embed): the legend goes below the ring instead of over it.
    media: [
      {
        query: { maxWidth: 460 },
        option: {
          legend: { orient: 'horizontal', left: 'center', right: 'auto', top: 'auto', bottom: 0 },
          series: [{ center: ['50%', '44%'], radius: ['34%', '58%'] }],
        },
      },
    ],
  };
}
