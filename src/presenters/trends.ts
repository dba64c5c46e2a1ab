import { KINDS, LEVELS, templateForYear } from '@/domain/catalogue';
import { bridgesTemplates, comparableAcrossTemplates } from '@/domain/comparability';
import type { DataTable } from '@/domain/csv';
import { INDICATORS, indicator, type IndicatorDef } from '@/domain/indicators';
import { formatCount, yearSpan } from '@/domain/format';
import type { PanelSummary } from '@/data/queries/matched';
import type { TrendGroupBy, TrendLine } from '@/data/queries/trends';
import { buildTrendOption, isSmallMultiples, trendLayout, trendValues, type TrendMode } from '@/charts/trend';
import type { ViewState } from '@/url/schema';
import type { Labels } from '@/presenters/labels';

/** An ECharts option, as the chart builders make it (presenters do not import echarts). */
type EChartsOption = ReturnType<typeof buildTrendOption>;
export const DEFAULT_INDICATORS: readonly string[] = ['new_requests', 'disclosure_rate'];
export const MODES: readonly TrendMode[] = ['absolute', 'share', 'index'];
export const BY_LABEL: Record<TrendGroupBy, string> = {
  agency: 'trends.byAgency',
  all: 'trends.byAll',
  level: 'trends.byLevel',
  kind: 'trends.byKind',
  level_kind: 'trends.byLevelKind',
  sector: 'trends.bySector',
};

/** Only indicators whose cells both templates share run across the years. */
export const TRENDABLE: readonly IndicatorDef[] = INDICATORS.filter(comparableAcrossTemplates);
export const NOT_TRENDABLE: readonly IndicatorDef[] = INDICATORS.filter((d) => !comparableAcrossTemplates(d));

export interface TrendChoices {
  readonly keys: readonly string[];
  readonly by: TrendGroupBy;
  readonly mode: TrendMode;
  /** Only agencies with a report in every year (a balanced panel). */
  readonly balanced: boolean;
}

/** The view's choices: indicators that run across templates, a grouping that the pick allows. */
export function trendChoices(choice: ViewState<'trends'>, picked: boolean): TrendChoices {
  const ks = choice.indicators.filter((k) => TRENDABLE.some((d) => d.key === k));
  const p = choice.by;
  const by: TrendGroupBy = p && (p !== 'agency' || picked) ? p : picked ? 'agency' : 'level_kind';
  return { keys: ks.length ? ks : DEFAULT_INDICATORS, by, mode: choice.mode, balanced: choice.balanced };
}

/** Every year from the first to the last, loaded or not: a year nobody reported is a gap too. */
export function yearsBetween(from: number | null, to: number | null): number[] {
  if (from === null || to === null) return [];
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** The index's base year: the chosen one when it is shown, else the first year. */
export function baseYearOf(chosen: number | null, years: readonly number[]): number | null {
  return chosen !== null && years.includes(chosen) ? chosen : (years[0] ?? null);
}

/** The first year of the 2021 template when the years span both templates. */
export function templateBreakOf(years: readonly number[], labels: Labels): { year: number; label: string } | null {
  const first2021 = years.find((y) => templateForYear(y) === '2021');
  const spans = first2021 !== undefined && years.some((y) => templateForYear(y) === '2019');
  return spans ? { year: first2021, label: labels.t('trends.templateBreak') } : null;
}

export function lineName(l: TrendLine, by: TrendGroupBy, labels: Labels): string {
  const { t } = labels;
  if (by === 'agency') return l.agencyName ?? l.id;
  if (by === 'sector') return l.sector ?? t('trends.noSector');
  const parts = [l.level && t(`level.${l.level}`), l.kind && t(`kind.${l.kind}`)].filter(Boolean);
  return parts.length ? parts.join(labels.lang === 'zh' ? '·' : ' · ') : t('trends.all');
}

/** Agencies in the order picked; groups in the catalogue's order (province → county, government first). */
export function orderLines(lines: readonly TrendLine[], by: TrendGroupBy, picks: readonly string[]): TrendLine[] {
  const ls = [...lines];
  if (by === 'agency') return ls.sort((a, b) => picks.indexOf(a.id) - picks.indexOf(b.id));
  const rank = (l: TrendLine) => [
    LEVELS.findIndex((x) => x.key === l.level),
    KINDS.findIndex((x) => x.key === l.kind),
    l.sector === null ? 1 : 0,
  ];
  return ls.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    const i = ra.findIndex((v, k) => v !== rb[k]);
    return i === -1 ? (a.sector ?? '').localeCompare(b.sector ?? '', 'zh-CN') : (ra[i] as number) - (rb[i] as number);
  });
}

export interface TrendChart {
  readonly key: string;
  readonly title: string;
  readonly unit: string;
  readonly notes: string[];
  readonly height: number;
  readonly option: EChartsOption | null;
  readonly table: DataTable;
}

export interface TrendChartsInput {
  readonly lines: readonly TrendLine[];
  readonly choices: TrendChoices;
  readonly picks: readonly string[];
  readonly years: readonly number[];
  readonly baseYear: number | null;
  /** The filter's years in words (the title's range). */
  readonly range: string;
}

/** One chart per indicator: a line per agency or group, in the chosen mode, with its notes. */
export function trendCharts(input: TrendChartsInput, labels: Labels): TrendChart[] {
  const { t, label, lang } = labels;
  const { choices, years, baseYear } = input;
  const { by, mode } = choices;
  const ordered = orderLines(input.lines, by, input.picks);
  const templateBreak = templateBreakOf(years, labels);
  const what =
    by === 'agency'
      ? t('trends.whatAgencies')
      : by === 'all'
        ? t('trends.whatAll')
        : t('trends.whatGroups', { by: t(BY_LABEL[by]) });
  return choices.keys.map((key) => {
    const def = indicator(key);
    const chartMode: TrendMode = mode === 'share' && def.denominator ? 'absolute' : mode;
    const series = ordered.map((l) => ({
      id: l.id,
      name: lineName(l, by, labels),
      values: years.map((y) => {
        const p = l.points.find((x) => x.year === y);
        return (chartMode === 'share' ? p?.shares[key] : p?.values[key]) ?? null;
      }),
    }));
    const chartInput = { years, series, unit: def.unit, mode: chartMode, baseYear, lang, templateBreak };
    const unit =
      chartMode === 'share'
        ? t('trends.unitShare')
        : chartMode === 'index'
          ? t('trends.unitIndex', { year: baseYear ?? '' })
          : t(`compare.units.${def.unit}`);
    const notes = [
      ...(mode === 'share' && def.denominator ? [t('trends.shareRate')] : []),
      ...(isSmallMultiples(series.length) ? [t('trends.smallMultiples', { n: series.length })] : []),
      ...(by === 'agency' ? [t('trends.gapNote')] : []),
      ...(templateBreak ? [t(bridgesTemplates(def) ? 'trends.templateNoteOther' : 'trends.templateNote')] : []),
    ];
    // The title states the years the chart actually shows when data cover fewer than the filter.
    const shown = years.filter((_, i) => series.some((s) => s.values[i] !== null));
    const fewer = shown.length > 0 && (shown[0] !== years[0] || shown.at(-1) !== years.at(-1));
    return {
      key,
      title: t('trends.chartTitle', { indicator: label(def.name), what, range: fewer ? yearSpan(shown) : input.range }),
      unit,
      notes,
      height: trendLayout(series.length).height,
      option: series.length && years.length ? buildTrendOption(chartInput) : null,
      table: {
        columns: ['', ...years.map(String)],
        rows: series.map((s) => [s.name, ...trendValues(chartInput, s)]),
      },
    };
  });
}

/** What "same agencies in every year" keeps and leaves out, in words. */
export function panelNote(summary: PanelSummary, labels: Labels): string {
  const { t, lang } = labels;
  if (summary.balanced === 0) return t('trends.panelNoneNote', { years: summary.years });
  return t('trends.panelNote', {
    agencies: formatCount(summary.agencies, lang),
    balanced: formatCount(summary.balanced, lang),
    years: summary.years,
    left: formatCount(summary.reports - summary.balancedReports, lang),
    total: formatCount(summary.reports, lang),
  });
}
