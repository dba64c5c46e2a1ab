import { MIN_PEERS, peerVerdict, sortFromParam, type CompareSort } from '@/domain/compare';
import { indicator, isIndicatorKey, type IndicatorUnit } from '@/domain/indicators';
import type { CompareRow, PeerPosition } from '@/data/queries/compare';
import { buildCompareBarsOption } from '@/charts/compare-bars';
import { buildPeerRangeOption, type PeerItem } from '@/charts/peer-range';
import type { DataTable } from '@/domain/csv';
import type { ViewState } from '@/url/schema';
import type { Labels } from '@/presenters/labels';

/** Rows of one page of the ranking. */

/** An ECharts option, as the chart builders make it (presenters do not import echarts). */
type EChartsOption = ReturnType<typeof buildCompareBarsOption>;
export const PAGE_SIZE = 20;
/** Agencies drawn when the ranking covers every agency (not a pick). */
export const TOP_N = 10;
export const DEFAULT_COLUMNS: readonly string[] = ['new_requests', 'disclosure_rate', 'denial_rate'];

/** The view's choices, read from its URL state and whether agencies are picked. */
export interface CompareChoices {
  readonly columns: readonly string[];
  readonly sort: CompareSort;
  readonly scope: 'picked' | 'all';
  /** The indicator of the charts: the one the table is sorted by, else the first column. */
  readonly chartKey: string;
}

export function compareChoices(choice: ViewState<'compare'>, picked: boolean): CompareChoices {
  const keys = choice.cols.filter(isIndicatorKey);
  const columns = keys.length ? keys : DEFAULT_COLUMNS;
  const fallback: CompareSort = { key: columns[0] as string, field: 'end', dir: 'desc' };
  const s = sortFromParam(choice.sort ?? '', fallback);
  const sort = s.key === 'name' || columns.includes(s.key) ? s : fallback;
  return {
    columns,
    sort,
    scope: picked && choice.scope !== 'all' ? 'picked' : 'all',
    chartKey: sort.key === 'name' ? (columns[0] as string) : sort.key,
  };
}

export interface RankingColumn {
  readonly key: string;
  readonly label: string;
  readonly unit: IndicatorUnit;
  readonly glossary: string;
}

export function rankingColumns(columns: readonly string[], labels: Labels): RankingColumn[] {
  return columns.map((k) => {
    const def = indicator(k);
    return { key: k, label: labels.label(def.name), unit: def.unit, glossary: labels.glossary(k) };
  });
}

/** Peer-group outliers of the chart's indicator, by agency id (a badge in that column's end cell). */
export function outlierMarks(
  peers: readonly PeerPosition[],
  key: string,
): { key: string; byAgency: Record<string, 'high' | 'low'> } {
  const byAgency: Record<string, 'high' | 'low'> = {};
  for (const p of peers) {
    const v = peerVerdict(p.value, p.stats);
    if (v === 'high' || v === 'low') byAgency[p.agencyId] = v;
  }
  return { key, byAgency };
}

export function rankingTitle(total: number | null, labels: Labels): string {
  return total === null ? labels.t('compare.tableTitlePending') : labels.t('compare.tableTitle', { n: total });
}

export interface ChartCardModel {
  readonly title: string;
  readonly unit: string;
  readonly option: EChartsOption | null;
  readonly table: DataTable;
}

/** Start and end bars of the chart's indicator for the drawn agencies (the pick, or the top of the order). */
export function compareBars(
  rows: readonly CompareRow[],
  key: string,
  span: { from: number | null; to: number | null },
  scope: 'picked' | 'all',
  labels: Labels,
): ChartCardModel {
  const { t, label, lang } = labels;
  const def = indicator(key);
  const { from, to } = span;
  const title =
    from === to
      ? t('compare.barsTitleOne', { indicator: label(def.name), year: to ?? '' })
      : t('compare.barsTitle', { indicator: label(def.name), from: from ?? '', to: to ?? '' });
  const subject = scope === 'picked' ? t('compare.barsPicked') : t('compare.barsTop', { n: TOP_N });
  const option =
    !rows.length || from === null || to === null
      ? null
      : buildCompareBarsOption({
          agencies: rows.map((r) => ({
            id: r.agencyId,
            name: r.agencyName,
            start: r.values[key]?.start ?? null,
            end: r.values[key]?.end ?? null,
          })),
          from,
          to,
          unit: def.unit,
          lang,
        });
  return {
    title: `${title} · ${subject}`,
    unit: t(`compare.units.${def.unit}`),
    option,
    table: {
      columns: ['agency_id', t('compare.agency'), String(from), String(to)],
      rows: rows.map((r) => [r.agencyId, r.agencyName, r.values[key]?.start ?? null, r.values[key]?.end ?? null]),
    },
  };
}

/** The level and kind of an agency in words ("县级·人民政府" / "County · Government"). */
export function groupName(level: string, kind: string, labels: Labels): string {
  return `${labels.t(`level.${level}`)}${labels.lang === 'zh' ? '·' : ' · '}${labels.t(`kind.${kind}`)}`;
}

/** The drawn agencies among their peers (same level and kind), in the order of the bars. */
export function peerItems(peers: readonly PeerPosition[], drawn: readonly CompareRow[], labels: Labels): PeerItem[] {
  const ids = new Set(drawn.map((r) => r.agencyId));
  return peers
    .filter((p) => ids.has(p.agencyId))
    .map((p) => ({
      id: p.agencyId,
      name: p.agencyName,
      group: groupName(p.level, p.kind, labels),
      value: p.value,
      stats: p.stats,
    }));
}

export function peerChart(
  items: readonly PeerItem[],
  key: string,
  year: number | null,
  labels: Labels,
): ChartCardModel {
  const { t, label, lang } = labels;
  const def = indicator(key);
  return {
    title: t('compare.peerTitle', { indicator: label(def.name), year: year ?? '' }),
    unit: t(`compare.units.${def.unit}`),
    option: items.length
      ? buildPeerRangeOption({
          items,
          unit: def.unit,
          lang,
          minPeers: MIN_PEERS,
          text: {
            value: t('compare.peerValue'),
            median: t('compare.peerMedian'),
            quartiles: t('compare.peerQuartiles'),
            whiskers: t('compare.peerWhiskers'),
            peers: t('compare.peerGroup'),
            high: t('compare.peerHigh'),
            low: t('compare.peerLow'),
            within: t('compare.peerWithin'),
            tooFew: t('compare.peerTooFew', { min: MIN_PEERS }),
          },
        })
      : null,
    table: {
      columns: ['agency_id', t('compare.agency'), t('compare.peerValue'), 'n', 'Q1', t('compare.peerMedian'), 'Q3'],
      rows: items.map((p) => [p.id, p.name, p.value, p.stats.n, p.stats.q1, p.stats.median, p.stats.q3]),
    },
  };
}

export function peerNote(hasSector: boolean, labels: Labels): string {
  return labels.t('compare.peerNote', {
    min: MIN_PEERS,
    sector: hasSector ? labels.t('compare.peerSector') : '',
  });
}
