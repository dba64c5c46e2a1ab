import type { EChartsOption } from 'echarts';
import { MIN_PEERS, peerVerdict, type PeerStats } from '@/domain/compare';
import { formatValue, type Lang } from '@/domain/format';
import type { IndicatorUnit } from '@/domain/indicators';
import { AXIS_LABEL, BASE_OPTION, PALETTE, SPLIT_LINE } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';
import { axisTick, shorten } from '@/charts/axis';

export interface PeerRangeText {
  readonly value: string;
  readonly median: string;
  readonly quartiles: string;
  readonly whiskers: string;
  readonly peers: string;
  readonly high: string;
  readonly low: string;
  readonly within: string;
  readonly tooFew: string;
}

export interface PeerItem {
  readonly id: string;
  readonly name: string;
  /** The peer group in words (level · kind); agencies of one group share a panel and a scale. */
  readonly group: string;
  readonly value: number | null;
  readonly stats: PeerStats;
}

export interface PeerRangeInput {
  /** In ranking order (first on top). */
  readonly items: readonly PeerItem[];
  readonly unit: IndicatorUnit;
  readonly lang: Lang;
  readonly text: PeerRangeText;
  readonly minPeers?: number;
}

export const OUTLIER_COLOR = '#c44e52';
const ROW = 30;
const PANEL_CHROME = 58;

/** Items by peer group, groups in order of first appearance, items in ranking order. */
export function peerPanels(items: readonly PeerItem[]): { group: string; n: number; items: PeerItem[] }[] {
  const panels: { group: string; n: number; items: PeerItem[] }[] = [];
  for (const it of items) {
    const p = panels.find((x) => x.group === it.group);
    if (p) p.items.push(it);
    else panels.push({ group: it.group, n: it.stats.n, items: [it] });
  }
  return panels;
}

export function peerChartHeight(items: readonly PeerItem[]): number {
  return Math.max(
    160,
    peerPanels(items).reduce((h, p) => h + p.items.length * ROW + PANEL_CHROME, 0),
  );
}

/**
 * One panel per peer group (agencies of the same level and kind), each on its own scale: the box
 * and whiskers of the group (quartiles, 1.5 IQR) on every agency's row, and the agency as a dot —
 * a red diamond when it lies beyond the whiskers. Groups under `minPeers` get no box.
 */
export function buildPeerRangeOption(input: PeerRangeInput): EChartsOption {
  const { unit, lang, text } = input;
  const minPeers = input.minPeers ?? MIN_PEERS;
  const fmt = (v: number | null) => formatValue(v, unit, lang);
  const enough = (s: PeerStats) => s.n >= minPeers && s.q1 !== null && s.q3 !== null;
  const isOutlier = (it: PeerItem) => {
    const v = peerVerdict(it.value, it.stats, minPeers);
    return v === 'high' || v === 'low';
  };
  // Bottom-up rows inside each panel, so the first agency of the ranking is on top.
  const panels = peerPanels(input.items).map((p) => ({
    ...p,
    rows: [...p.items].reverse(),
    boxed: p.items.some((it) => enough(it.stats)),
  }));
  let top = 0;
  const tops = panels.map((p) => {
    const t = top;
    top += p.rows.length * ROW + PANEL_CHROME;
    return t;
  });
  const nLabel = (n: number) => (lang === 'zh' ? `（n=${n}）` : ` (n = ${n})`);

  function tooltip(it: PeerItem): string {
    const s = it.stats;
    const v = peerVerdict(it.value, s, minPeers);
    return tooltipHtml(
      it.name,
      [
        {
          marker: marker(isOutlier(it) ? OUTLIER_COLOR : (PALETTE[0] as string)),
          name: text.value,
          value: fmt(it.value),
        },
        { marker: '', name: text.peers, value: `${it.group} · n = ${s.n}` },
        ...(enough(s)
          ? [
              { marker: '', name: text.median, value: fmt(s.median) },
              { marker: '', name: text.quartiles, value: `${fmt(s.q1)} – ${fmt(s.q3)}` },
              { marker: '', name: text.whiskers, value: `${fmt(s.low)} – ${fmt(s.high)}` },
            ]
          : []),
      ],
      v === null ? text.tooFew : text[v],
    );
  }

  return {
    ...BASE_OPTION,
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number };
        const it = panels[Math.floor(seriesIndex / 2)]?.rows[dataIndex];
        return it ? tooltip(it) : '';
      },
    },
    grid: panels.map((p, k) => ({
      left: 8,
      right: 24,
      top: (tops[k] ?? 0) + 26,
      height: p.rows.length * ROW,
      containLabel: true,
    })),
    xAxis: panels.map((_, k) => ({
      type: 'value' as const,
      gridIndex: k,
      splitNumber: 4,
      axisLabel: { ...AXIS_LABEL, fontSize: 11, formatter: (v: number) => axisTick(v, unit, lang) },
      splitLine: SPLIT_LINE,
    })),
    yAxis: panels.map((p, k) => ({
      type: 'category' as const,
      gridIndex: k,
      data: p.rows.map((it) => shorten(it.name, 14)),
      name: `${p.group}${nLabel(p.n)}${p.boxed ? '' : ` · ${text.tooFew}`}`,
      nameLocation: 'end' as const,
      nameGap: 8,
      nameTextStyle: { align: 'left' as const, fontWeight: 600, color: '#2b3440', fontSize: 12 },
      axisLabel: { ...AXIS_LABEL, width: 200, overflow: 'truncate' as const },
      axisTick: { show: false },
    })),
    series: panels.flatMap((p, k) => [
      {
        type: 'boxplot' as const,
        name: text.peers,
        xAxisIndex: k,
        yAxisIndex: k,
        boxWidth: [6, 14],
        itemStyle: { color: '#e8f0fa', borderColor: '#7d9cc4' },
        data: p.rows.map((it) =>
          enough(it.stats)
            ? [it.stats.low, it.stats.q1, it.stats.median, it.stats.q3, it.stats.high].map((v) => v ?? 0)
            : [],
        ),
      },
      {
        type: 'scatter' as const,
        name: text.value,
        xAxisIndex: k,
        yAxisIndex: k,
        symbolSize: 10,
        z: 3,
        data: p.rows.map((it, i) => ({
          value: [it.value, i],
          symbol: isOutlier(it) ? 'diamond' : 'circle',
          itemStyle: {
            color: isOutlier(it) ? OUTLIER_COLOR : (PALETTE[0] as string),
            borderColor: '#fff',
            borderWidth: 1,
          },
        })),
      },
    ]),
  };
}
