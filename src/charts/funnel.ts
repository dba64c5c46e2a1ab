import type { EChartsOption } from 'echarts';
import { formatCount, formatValue, type Lang } from '@/domain/format';
import { denominatorName, indicator, numeratorName } from '@/domain/indicators';
import { verdictDirection, type FunnelData, type FunnelPoint, type FunnelVerdict } from '@/domain/stats';
import { AXIS_LABEL, BASE_OPTION, PALETTE, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';
import { axisTick } from '@/charts/axis';

/** Words of the chart, from the view's messages. */
export interface FunnelText {
  /** Legend: the pooled rate, the two pairs of limits, and the agencies by verdict. */
  readonly pooled: string;
  readonly limits95: string;
  readonly limits998: string;
  readonly inLine: string;
  readonly high: string;
  readonly low: string;
  /** Agencies plotted without a verdict (peer group too small for limits). */
  readonly noLimits: string;
  /** Tooltip lines: the verdict by band, and the limit values. */
  readonly verdicts: Record<FunnelVerdict, string>;
}

export interface FunnelChartInput {
  /** The indicator (a rate): its unit and the words of its numerator and denominator come from the catalogue. */
  readonly indicatorKey: string;
  readonly data: FunnelData;
  /** Agency names by id (text from data: escaped in tooltips). */
  readonly names: Readonly<Record<string, string>>;
  /** Agencies to mark (the pick): larger symbols. */
  readonly highlight?: readonly string[];
  readonly lang: Lang;
  readonly text: FunnelText;
}

export const FUNNEL_COLORS = { inLine: PALETTE[0] as string, high: '#c44e52', low: '#e0a339', none: '#8c8c8c' };
const LIMIT_COLOR = { l95: '#7d9cc4', l998: '#b3465a', pooled: '#2b3440' };

type Band = 'inLine' | 'high' | 'low' | 'none';

function band(p: FunnelPoint): Band {
  if (p.verdict === null) return 'none';
  return verdictDirection(p.verdict) ?? 'inLine';
}

/**
 * A funnel plot of one rate: each agency's rate against its denominator, with the pooled rate
 * and the 95% and 99.8% control limits as curves. Agencies are coloured by where they lie against
 * their limits; without limits (too few peers) they are plotted in grey, unjudged.
 */
export function buildFunnelOption(input: FunnelChartInput): EChartsOption {
  const { data, lang, text } = input;
  const def = indicator(input.indicatorKey);
  if (!def.denominator) throw new Error(`funnel plot of a count: ${def.key}`);
  const unit = def.unit;
  const fmt = (v: number | null) => formatValue(v, unit, lang);
  const numeratorLabel = numeratorName(def, lang);
  const denominatorLabel = denominatorName(def, lang) ?? '';
  const highlighted = new Set(input.highlight ?? []);
  const bands: { key: Band; name: string }[] = [
    { key: 'inLine', name: text.inLine },
    { key: 'high', name: text.high },
    { key: 'low', name: text.low },
    { key: 'none', name: text.noLimits },
  ];
  const groups = bands
    .map((b) => ({ ...b, points: data.points.filter((p) => band(p) === b.key) }))
    .filter((g) => g.points.length > 0);
  const ns = data.points.map((p) => p.n);
  const logScale = ns.length > 0 && Math.max(...ns) / Math.max(1, Math.min(...ns)) > 20;
  const curve = data.curve;
  const line = (name: string, color: string, type: 'solid' | 'dashed' | 'dotted', values: [number, number][]) => ({
    type: 'line' as const,
    name,
    data: values,
    symbol: 'none',
    silent: true,
    lineStyle: { color, width: 1.2, type },
    itemStyle: { color },
    z: 1,
  });
  const limitSeries =
    data.hasLimits && data.p0 !== null && curve.length > 0
      ? [
          line(text.pooled, LIMIT_COLOR.pooled, 'solid', [
            [curve[0]?.n ?? 1, data.p0],
            [curve.at(-1)?.n ?? 1, data.p0],
          ]),
          line(
            text.limits95,
            LIMIT_COLOR.l95,
            'dashed',
            curve.map((l) => [l.n, l.high95]),
          ),
          line(
            text.limits95,
            LIMIT_COLOR.l95,
            'dashed',
            curve.map((l) => [l.n, l.low95]),
          ),
          line(
            text.limits998,
            LIMIT_COLOR.l998,
            'dotted',
            curve.map((l) => [l.n, l.high998]),
          ),
          line(
            text.limits998,
            LIMIT_COLOR.l998,
            'dotted',
            curve.map((l) => [l.n, l.low998]),
          ),
        ]
      : [];

  function tooltip(p: FunnelPoint): string {
    const lines = [
      { marker: marker(FUNNEL_COLORS[band(p)]), name: def.name[lang], value: fmt(p.p) },
      { marker: '', name: numeratorLabel, value: formatCount(p.x, lang) },
      { marker: '', name: denominatorLabel, value: formatCount(p.n, lang) },
      ...(p.limits
        ? [
            { marker: '', name: text.limits95, value: `${fmt(p.limits.low95)} – ${fmt(p.limits.high95)}` },
            { marker: '', name: text.limits998, value: `${fmt(p.limits.low998)} – ${fmt(p.limits.high998)}` },
          ]
        : []),
      { marker: '', name: text.pooled, value: fmt(data.p0) },
    ];
    return tooltipHtml(input.names[p.id] ?? p.id, lines, p.verdict ? text.verdicts[p.verdict] : text.noLimits);
  }

  return {
    ...BASE_OPTION,
    grid: { left: 8, right: 24, top: 40, bottom: 28, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      type: 'scroll',
      itemWidth: 14,
      itemHeight: 10,
      data: [...groups.map((g) => g.name), ...(limitSeries.length ? [text.pooled, text.limits95, text.limits998] : [])],
    },
    tooltip: {
      trigger: 'item',
      formatter: (param: unknown) => {
        const { seriesIndex, dataIndex } = param as { seriesIndex: number; dataIndex: number };
        const p = groups[seriesIndex]?.points[dataIndex];
        return p ? tooltip(p) : '';
      },
    },
    xAxis: {
      type: logScale ? 'log' : 'value',
      name: denominatorLabel,
      nameLocation: 'middle',
      nameGap: 24,
      min: logScale ? undefined : 0,
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => axisTick(v, 'count', lang) },
      splitLine: SPLIT_LINE,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: unit === 'percent' ? 1 : undefined,
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => axisTick(v, unit, lang) },
      splitLine: SPLIT_LINE,
    },
    // Scatter series first: the tooltip finds a point by series index.
    series: [
      ...groups.map((g) => ({
        type: 'scatter' as const,
        name: g.name,
        z: 3,
        itemStyle: { color: FUNNEL_COLORS[g.key], borderColor: '#fff', borderWidth: 1 },
        data: g.points.map((p) => ({
          value: [p.n, p.p],
          symbolSize: highlighted.has(p.id) ? 14 : 8,
          symbol: g.key === 'high' || g.key === 'low' ? 'diamond' : 'circle',
        })),
      })),
      ...limitSeries,
    ],
  };
}
