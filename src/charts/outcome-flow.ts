import type { EChartsOption } from 'echarts';
import { formatCount, type Lang } from '@/domain/format';
import { BASE_OPTION, OUTCOME_COLORS } from '@/charts/theme';
import { marker, tooltipHtml } from '@/charts/tooltip';

type Num = number | null;

/** Summed figures of the reports in the flow; null = not reported by any of them. */
export interface OutcomeFlowFigures {
  readonly newRequests: Num;
  readonly carriedIn: Num;
  readonly handled: Num;
  readonly carriedOut: Num;
  readonly groups: readonly { key: string; value: Num }[];
  readonly review: Num;
  readonly suitDirect: Num;
  readonly suitAfterReview: Num;
}

export interface OutcomeFlowInput {
  readonly figures: OutcomeFlowFigures;
  /** Node names (from the catalogue and the view's messages), keyed as the figures. */
  readonly names: Record<string, string>;
  /** Said on the chart and on every onward link: cases are not a subset of this year's requests. */
  readonly onwardNote: string;
  readonly lang: Lang;
}

interface FlowNode {
  readonly id: string;
  readonly depth: number;
  readonly color: string;
}

interface FlowLink {
  readonly source: string;
  readonly target: string;
  readonly value: number;
  readonly onward: boolean;
}

const NEUTRAL = '#1f5fa8';
const ONWARD = '#5b6673';

/**
 * Nodes and links of the flow: requests (new + carried in) → handled / carried out → outcome
 * groups, then onward to administrative review and litigation. Links with no reported (or zero)
 * value are left out, and so are nodes left without a link.
 */
export function outcomeFlowGraph(f: OutcomeFlowFigures): { nodes: FlowNode[]; links: FlowLink[] } {
  const links: FlowLink[] = [];
  const add = (source: string, target: string, value: Num, onward = false) => {
    if (value !== null && value > 0) links.push({ source, target, value, onward });
  };
  add('new', 'received', f.newRequests);
  add('carried_in', 'received', f.carriedIn);
  add('received', 'handled', f.handled);
  add('received', 'carried_out', f.carriedOut);
  for (const g of f.groups) add('handled', g.key, g.value);
  add('handled', 'review', f.review, true);
  add('handled', 'suit_direct', f.suitDirect, true);
  // A lawsuit after review follows the review; without any review in the flow it starts from the
  // handled requests.
  const hasReview = links.some((l) => l.target === 'review');
  add(hasReview ? 'review' : 'handled', 'suit_after_review', f.suitAfterReview, true);

  const depth: Record<string, number> = {
    new: 0,
    carried_in: 0,
    received: 1,
    handled: 2,
    carried_out: 2,
    review: 3,
    suit_direct: 3,
    suit_after_review: 4,
  };
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const order = ['new', 'carried_in', 'received', 'handled', 'carried_out', ...f.groups.map((g) => g.key)];
  order.push('review', 'suit_direct', 'suit_after_review');
  const nodes = order
    .filter((id) => used.has(id))
    .map((id) => ({
      id,
      depth: depth[id] ?? 3,
      color: OUTCOME_COLORS[id] ?? (id.startsWith('suit') || id === 'review' ? ONWARD : NEUTRAL),
    }));
  return { nodes, links };
}

/** A Sankey of how the requests of the selection were answered, and the disputes that followed. */
export function buildOutcomeFlowOption(input: OutcomeFlowInput): EChartsOption | null {
  const { nodes, links } = outcomeFlowGraph(input.figures);
  if (!links.some((l) => !l.onward)) return null;
  const name = (id: string) => input.names[id] ?? id;
  const valueOf = (id: string) =>
    Math.max(
      links.filter((l) => l.target === id).reduce((a, l) => a + l.value, 0),
      links.filter((l) => l.source === id).reduce((a, l) => a + l.value, 0),
    );
  const column3 = nodes.filter((n) => n.depth === 3).reduce((a, n) => a + valueOf(n.id), 0);
  const bottomOf = (id: string) => Math.max(0, 0.97 - (column3 ? valueOf(id) / column3 : 0));
  const count = (v: number) => formatCount(v, input.lang);
  return {
    ...BASE_OPTION,
    title: {
      subtext: input.onwardNote,
      left: 0,
      bottom: 0,
      padding: 0,
      subtextStyle: { color: '#6b7785', fontSize: 11, width: 900, overflow: 'break' },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataType, dataIndex } = p as { dataType?: string; dataIndex: number };
        if (dataType === 'edge') {
          const l = links[dataIndex];
          if (!l) return '';
          return tooltipHtml(
            `${name(l.source)} → ${name(l.target)}`,
            [
              {
                marker: marker(nodes.find((n) => n.id === l.target)?.color ?? NEUTRAL),
                name: '',
                value: count(l.value),
              },
            ],
            l.onward ? input.onwardNote : undefined,
          );
        }
        const n = nodes[dataIndex];
        if (!n) return '';
        const inflow = links.filter((l) => l.target === n.id).reduce((a, l) => a + l.value, 0);
        const outflow = links.filter((l) => l.source === n.id).reduce((a, l) => a + l.value, 0);
        return tooltipHtml(name(n.id), [{ marker: marker(n.color), name: '', value: count(inflow || outflow) }]);
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 210,
        top: 12,
        bottom: 40,
        nodeWidth: 14,
        nodeGap: 10,
        layoutIterations: 0,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        label: {
          fontSize: 12,
          color: '#2b3440',
          formatter: (p: { dataIndex: number }) => {
            const n = nodes[p.dataIndex];
            if (!n) return '';
            const v = links.filter((l) => l.target === n.id).reduce((a, l) => a + l.value, 0);
            const out = links.filter((l) => l.source === n.id).reduce((a, l) => a + l.value, 0);
            return `${name(n.id)}  ${count(v || out)}`;
          },
        },
        data: nodes.map((n) => ({
          name: name(n.id),
          depth: n.depth,
          itemStyle: { color: n.color },
          // Alone in the last column, a lawsuit after review would sit at the top; keep it level
          // with the review it follows, at the bottom.
          ...(n.depth === 4 ? { localY: bottomOf(n.id) } : {}),
        })),
        links: links.map((l) => ({
          source: name(l.source),
          target: name(l.target),
          value: l.value,
          lineStyle: l.onward
            ? { color: ONWARD, opacity: 0.5, type: 'dashed' as const }
            : { color: 'target' as const, opacity: 0.35 },
        })),
      },
    ],
  };
}
