import { MIN_PEERS, peerVerdict, sortFromParam, type CompareSort } from '@/domain/compare';
import { formatCount } from '@/domain/format';
import { denominatorName, indicator, isIndicatorKey, type IndicatorUnit } from '@/domain/indicators';
import {
  MIN_FUNNEL_PEERS,
  funnelData,
  rateVerdict,
  verdictDirection,
  wilsonInterval,
  type FunnelVerdict,
} from '@/domain/stats';
import type {
  CompareDetailPage,
  CompareDetailRow,
  CompareRow,
  FunnelUnits,
  PeerPosition,
} from '@/data/queries/compare';
import { buildCompareBarsOption } from '@/charts/compare-bars';
import { buildFunnelOption } from '@/charts/funnel';
import { buildRankingOption } from '@/charts/ranking';
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

export const isRate = (key: string): boolean => indicator(key).denominator !== undefined;

export interface OutlierMarks {
  readonly key: string;
  /** `funnel`: a rate, judged by its peer group's funnel limits; `quartile`: a count, by 1.5 IQR fences. */
  readonly basis: 'funnel' | 'quartile';
  readonly byAgency: Record<string, 'high' | 'low'>;
}

/**
 * 偏高/偏低 badges of the chart's indicator, by agency id (in that column's end cell). A rate is
 * called out only outside the 95% funnel limits around its peer group's pooled rate (so a rate on
 * a handful of requests is not); a count keeps the quartile fences.
 */
export function outlierMarks(peers: readonly PeerPosition[], key: string): OutlierMarks {
  const byAgency: Record<string, 'high' | 'low'> = {};
  const rate = isRate(key);
  for (const p of peers) {
    if (rate) {
      const v = rateVerdict(p.numerator, p.denominator, p.pooled, p.stats.n);
      const d = v && verdictDirection(v);
      if (d) byAgency[p.agencyId] = d;
    } else {
      const v = peerVerdict(p.value, p.stats);
      if (v === 'high' || v === 'low') byAgency[p.agencyId] = v;
    }
  }
  return { key, basis: rate ? 'funnel' : 'quartile', byAgency };
}

/** The ranking's title: how many agencies, and, when some are not comparable, how many and why. */
export function rankingTitle(page: CompareDetailPage | null, labels: Labels): string {
  const { t, lang } = labels;
  if (!page) return t('compare.tableTitlePending');
  const title =
    page.missingYear === 0
      ? t('compare.tableTitle', { n: page.total })
      : t('compare.tableTitleSplit', {
          comparable: formatCount(page.comparable, lang),
          missing: formatCount(page.missingYear, lang),
        });
  return page.tooSmall > 0
    ? `${title}${t('compare.tableTitleSmall', { small: formatCount(page.tooSmall, lang) })}`
    : title;
}

export type RankingSection = 'ranked' | 'small' | 'missing';

export interface RankingLine {
  readonly row: CompareDetailRow;
  /** Place in the ranking; null for agencies listed apart. */
  readonly rank: number | null;
  readonly section: RankingSection;
  /** Words above the first row of a section listed apart (null otherwise). */
  readonly heading: string | null;
}

/**
 * The rows of one page with their rank: ranked agencies first (the query sorts them so), then
 * those under the minimum denominator of the sorted rate (样本过小), then those missing the start
 * or end year, each group under a heading saying why it is not ranked.
 */
export function rankingLines(
  page: CompareDetailPage,
  offset: number,
  ctx: { sortKey: string; minN: number; from: number; to: number },
  labels: Labels,
): RankingLine[] {
  const { t, label, lang } = labels;
  const heading = (section: RankingSection): string | null => {
    if (section === 'missing') return t('compare.sectionMissing', { from: ctx.from, to: ctx.to });
    if (section === 'ranked' || ctx.sortKey === 'name') return null;
    const def = indicator(ctx.sortKey);
    return t('compare.sectionSmall', {
      indicator: label(def.name),
      denominator: denominatorName(def, lang) ?? '',
      min: formatCount(ctx.minN, lang),
    });
  };
  let prev: RankingSection = 'ranked';
  return page.rows.map((row, i) => {
    const section: RankingSection = !(row.hasStart && row.hasEnd) ? 'missing' : row.smallN ? 'small' : 'ranked';
    const line = {
      row,
      rank: section === 'ranked' ? offset + i + 1 : null,
      section,
      heading: section !== prev || (i === 0 && section !== 'ranked') ? heading(section) : null,
    };
    prev = section;
    return line;
  });
}

export interface ChartCardModel {
  readonly title: string;
  readonly unit: string;
  readonly option: EChartsOption | null;
  readonly table: DataTable;
}

/** Start and end bars of the chart's indicator for the drawn agencies (the pick, or the top of the order). */
export function compareBars(
  rows: readonly (CompareRow & Partial<Pick<CompareDetailRow, 'parts'>>)[],
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
  const rate = isRate(key);
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
      columns: [
        'agency_id',
        t('compare.agency'),
        String(from),
        String(to),
        // A rate's CSV carries what it rests on: numerator and denominator of each year.
        ...(rate ? [`${from} x`, `${from} n`, `${to} x`, `${to} n`] : []),
      ],
      rows: rows.map((r) => {
        const parts = r.parts?.[key];
        const xn = rate
          ? [
              parts?.start.numerator ?? null,
              parts?.start.denominator ?? null,
              parts?.end.numerator ?? null,
              parts?.end.denominator ?? null,
            ]
          : [];
        return [r.agencyId, r.agencyName, r.values[key]?.start ?? null, r.values[key]?.end ?? null, ...xn];
      }),
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

/**
 * The chart's rate at the end year for the drawn agencies with at least `minN` in its
 * denominator, each with its 95% Wilson interval; null for a count.
 */
export function intervalChart(
  rows: readonly CompareDetailRow[],
  key: string,
  year: number | null,
  minN: number,
  labels: Labels,
): ChartCardModel | null {
  if (!isRate(key)) return null;
  const { t, label, lang } = labels;
  const def = indicator(key);
  const items = rows.flatMap((r) => {
    const { numerator: x, denominator: n } = r.parts[key]?.end ?? { numerator: null, denominator: null };
    if (x === null || n === null || n < minN || !(n > 0)) return [];
    const interval = wilsonInterval(x, n);
    return [{ id: r.agencyId, name: r.agencyName, value: x / n, numerator: x, denominator: n, interval }];
  });
  return {
    title: t('compare.intervalTitle', { indicator: label(def.name), year: year ?? '' }),
    unit: t(`compare.units.${def.unit}`),
    option: items.length ? buildRankingOption({ items, unit: def.unit, valueName: label(def.name), lang }) : null,
    table: {
      columns: ['agency_id', t('compare.agency'), label(def.name), 'x', 'n', '95% −', '95% +'],
      rows: items.map((i) => [
        i.id,
        i.name,
        i.value,
        i.numerator,
        i.denominator,
        i.interval?.low ?? null,
        i.interval?.high ?? null,
      ]),
    },
  };
}

export interface GroupOption {
  /** `level.kind` */
  readonly key: string;
  readonly label: string;
  readonly level: string;
  readonly kind: string;
}

/** The peer groups of the drawn agencies, in the order they first appear. */
export function funnelGroups(rows: readonly CompareRow[], labels: Labels): GroupOption[] {
  const seen = new Map<string, GroupOption>();
  for (const r of rows) {
    const key = `${r.level}.${r.kind}`;
    if (!seen.has(key)) seen.set(key, { key, label: groupName(r.level, r.kind, labels), level: r.level, kind: r.kind });
  }
  return [...seen.values()];
}

/** The chosen group when it is among the options, else the first. */
export function chosenGroup(chosen: string | null, options: readonly GroupOption[]): GroupOption | null {
  return options.find((o) => o.key === chosen) ?? options[0] ?? null;
}

export interface FunnelCardModel extends ChartCardModel {
  readonly notes: string[];
}

const VERDICTS: readonly FunnelVerdict[] = ['in_line', 'high95', 'low95', 'high998', 'low998'];

/** The funnel plot of a rate over one peer group in one year, with what it leaves out. */
export function funnelChart(
  units: FunnelUnits | null,
  key: string,
  group: GroupOption | null,
  year: number | null,
  highlight: readonly string[],
  labels: Labels,
): FunnelCardModel {
  const { t, label, lang } = labels;
  const def = indicator(key);
  const agencies = units?.agencies ?? [];
  const data = funnelData(agencies.map((a) => ({ id: a.id, x: a.x, n: a.n })));
  const names = Object.fromEntries(agencies.map((a) => [a.id, a.agencyName]));
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, t(`compare.funnelVerdicts.${v}`)]));
  const text = {
    pooled: t('compare.funnelPooled'),
    limits95: t('compare.funnelLimits95'),
    limits998: t('compare.funnelLimits998'),
    inLine: t('compare.funnelInLine'),
    high: t('compare.funnelHigh'),
    low: t('compare.funnelLow'),
    noLimits: t('compare.funnelNoLimits', { min: MIN_FUNNEL_PEERS }),
    verdicts: verdicts as Record<FunnelVerdict, string>,
  };
  const left = [
    ...(units && units.unreported > 0 ? [t('compare.funnelUnreported', { n: units.unreported })] : []),
    ...(data.noDenominator.length ? [t('compare.funnelNoDenominator', { n: data.noDenominator.length })] : []),
  ];
  const od = data.overdispersion;
  return {
    title: t('compare.funnelTitle', { indicator: label(def.name), group: group?.label ?? '', year: year ?? '' }),
    unit: t(`compare.units.${def.unit}`),
    option: data.points.length ? buildFunnelOption({ indicatorKey: key, data, names, highlight, lang, text }) : null,
    table: {
      columns: [
        'agency_id',
        t('compare.agency'),
        'x',
        'n',
        label(def.name),
        '95% −',
        '95% +',
        '99.8% −',
        '99.8% +',
        '',
      ],
      rows: data.points.map((p) => [
        p.id,
        names[p.id] ?? p.id,
        p.x,
        p.n,
        p.p,
        p.limits?.low95 ?? null,
        p.limits?.high95 ?? null,
        p.limits?.low998 ?? null,
        p.limits?.high998 ?? null,
        p.verdict ? text.verdicts[p.verdict] : text.noLimits,
      ]),
    },
    notes: [
      t('compare.funnelNote'),
      ...(left.length ? [t('compare.funnelLeftOut', { parts: labels.list(left) })] : []),
      ...(od?.overdispersed
        ? [
            t('compare.funnelOverdispersed', {
              outside: formatCount(od.outside95, lang),
              expected: formatCount(Math.round(od.expected95), lang),
            }),
          ]
        : []),
    ],
  };
}
