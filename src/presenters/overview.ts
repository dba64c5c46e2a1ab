import { OUTCOME_GROUPS, T3_APPLICANT_COLS, type OutcomeGroup } from '@/domain/catalogue';
import type { DataTable } from '@/domain/csv';
import { changeBetween, formatChange, formatValue, type Change } from '@/domain/format';
import { indicator, type IndicatorDef } from '@/domain/indicators';
import type { MatchedChangeResult } from '@/data/queries/matched';
import type { AgencyValue, ApplicantYear, IndicatorsByYear } from '@/data/queries/overview';
import { buildStackedYearsOption } from '@/charts/requests-by-year';
import { buildCompositionOption } from '@/charts/composition';
import { buildRankingOption } from '@/charts/ranking';
import type { Labels } from '@/presenters/labels';

/** An ECharts option, as the chart builders make it (presenters do not import echarts). */
type EChartsOption = ReturnType<typeof buildRankingOption>;
export type Tone = 'good' | 'bad' | 'neutral';

export interface OverviewKpi {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** The change against the previous year: like for like when the matched set is known. */
  readonly change: string;
  readonly tone: Tone;
  readonly note: string;
  readonly glossary: string;
  /** Lines under the change: the matched set, what it leaves out, the all-reports change. */
  readonly lines: readonly { readonly role: string; readonly text: string }[];
}

/** Good or bad by the indicator's direction; neutral without a change, for a change shown as 0, or a neutral indicator. */
export function changeTone(change: Change | null, def: IndicatorDef): Tone {
  // A change that shows as ±0.0 (one decimal of a point or of a percent) is no change to colour.
  const shown = change ? Math.round(Math.abs(change.value) * (change.kind === 'points' ? 10 : 1000)) : 0;
  if (!change || shown === 0 || def.direction === 'neutral') return 'neutral';
  return change.value > 0 === (def.direction === 'up_good') ? 'good' : 'bad';
}

/** Why reports of the two years are not in a figure's matched set; empty when none is left out. */
export function leftOutParts(m: MatchedChangeResult, key: string, labels: Labels): string[] {
  const { t } = labels;
  const blank = m.figures[key]?.blankAgencies ?? 0;
  const partner = m.partnerExcludedFrom + m.partnerExcludedTo;
  return [
    ...(m.unpairedFrom > 0 ? [t('overview.leftUnpaired', { n: m.unpairedFrom, year: m.fromYear })] : []),
    ...(m.unpairedTo > 0 ? [t('overview.leftUnpaired', { n: m.unpairedTo, year: m.toYear })] : []),
    ...(partner > 0 ? [t('overview.leftPartnerExcluded', { n: partner })] : []),
    ...(blank > 0 ? [t('overview.leftBlank', { n: blank })] : []),
  ];
}

/**
 * The headline figures of `year` (over all its reports), each with its change against the year
 * before. With `matched` (design/comparisons.md §1) the change is like for like, over the agencies
 * with the figure in both years; where that set differs from the year's reports, the lines say how
 * many reports are left out and why, and give the all-reports change as a labelled second line.
 */
export function headlineKpis(
  rows: readonly IndicatorsByYear[],
  keys: readonly string[],
  year: number | null,
  labels: Labels,
  matched: MatchedChangeResult | null = null,
): OverviewKpi[] {
  const { t, label, lang } = labels;
  const cur = rows.find((r) => r.year === year);
  const prev = year === null ? undefined : rows.find((r) => r.year === year - 1);
  const m = matched && matched.toYear === year ? matched : null;
  return keys.map((key) => {
    const def = indicator(key);
    const v = cur?.values[key] ?? null;
    const all = changeBetween(prev?.values[key] ?? null, v, def.unit);
    const allText = prev
      ? `${t('overview.vsPrev', { year: prev.year })} ${formatChange(all, lang)}`
      : t('overview.noPrev');
    const base = {
      key,
      label: label(def.name),
      value: formatValue(v, def.unit, lang),
      note: t('overview.basis', { n: cur?.counts[key] ?? 0 }),
      glossary: labels.glossary(key),
    };
    const fig = m?.figures[key];
    if (!m || !fig || !prev) return { ...base, change: allText, tone: changeTone(all, def), lines: [] };
    if (fig.matched === 0) {
      return { ...base, change: allText, tone: 'neutral', lines: [{ role: 'matched', text: t('overview.noMatched') }] };
    }
    const like = changeBetween(fig.matchedFrom, fig.matchedTo, def.unit);
    const values = t('overview.matchedValues', {
      from: formatValue(fig.matchedFrom, def.unit, lang),
      to: formatValue(fig.matchedTo, def.unit, lang),
    });
    const left = leftOutParts(m, key, labels);
    return {
      ...base,
      change: `${t('overview.vsPrev', { year: m.fromYear })} ${formatChange(like, lang)}`,
      tone: changeTone(like, def),
      lines: [
        {
          role: 'matched',
          text: `${t('overview.matched', { n: fig.matched })}${lang === 'zh' ? '，' : ', '}${values}`,
        },
        ...(left.length
          ? [
              { role: 'left-out', text: t('overview.leftOut', { parts: labels.joinParts(left) }) },
              { role: 'all-reports', text: t('overview.allReports', { change: allText }) },
            ]
          : []),
      ],
    };
  });
}

export interface ChartModel {
  readonly option: EChartsOption | null;
  readonly table: DataTable;
}

/** New requests by applicant type over every year, the filter's years highlighted. */
export function requestsChart(
  rows: readonly ApplicantYear[],
  highlight: { from: number | null; to: number | null },
  labels: Labels,
): ChartModel {
  const { t, lang } = labels;
  const series = T3_APPLICANT_COLS.map((c) => ({
    key: c,
    name: t(`applicant.${c}`),
    values: rows.map((r) => r.values[c] ?? null),
  }));
  return {
    option: rows.length ? buildStackedYearsOption({ years: rows.map((r) => r.year), series, lang, highlight }) : null,
    table: {
      columns: [t('filters.year'), ...series.map((s) => s.name)],
      rows: rows.map((r) => [r.year, ...T3_APPLICANT_COLS.map((c) => r.values[c] ?? null)]),
    },
  };
}

/** How requests were answered, pooled over the filter. */
export function outcomesChart(values: Record<OutcomeGroup, number | null> | null, labels: Labels): ChartModel {
  const parts = OUTCOME_GROUPS.map((g) => ({
    key: g.key,
    name: labels.label(g.label),
    value: values?.[g.key] ?? null,
  }));
  return {
    option: parts.some((p) => p.value) ? buildCompositionOption({ parts, lang: labels.lang }) : null,
    table: { columns: ['', labels.t('chart.unitCount')], rows: parts.map((p) => [p.name, p.value]) },
  };
}

/** The agencies with the most new requests in the year. */
export function topChart(items: readonly AgencyValue[], labels: Labels): ChartModel {
  return {
    option: items.length
      ? buildRankingOption({
          items: items.map((i) => ({ id: i.agencyId, name: i.agencyName, value: i.value })),
          unit: 'count',
          valueName: labels.label(indicator('new_requests').name),
          lang: labels.lang,
        })
      : null,
    table: {
      columns: ['agency_id', '', labels.t('chart.unitCount')],
      rows: items.map((i) => [i.agencyId, i.agencyName, i.value]),
    },
  };
}
