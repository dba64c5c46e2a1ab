import { T4_GROUPS, T4_RESULTS, type T4Group } from '@/domain/catalogue';
import type { DataTable } from '@/domain/csv';
import { indicator } from '@/domain/indicators';
import { formatCount, formatValue, yearSpan } from '@/domain/format';
import { buildYearLinesOption } from '@/charts/year-lines';
import { T4_GROUP_COLORS, T4_RESULT_COLORS } from '@/charts/theme';
import type { LitigationAgency, LitigationBy, LitigationRow } from '@/data/queries/litigation';
import type { IndicatorsByYear } from '@/data/queries/overview';
import {
  barsHeight,
  choiceOptions,
  glossaries,
  groupLabel,
  inCatalogueOrder,
  noneReported,
  stackedBars,
  trimRows,
  trimToData,
  yearSlots,
  type ChartOption,
  type ChoiceOption,
} from '@/presenters/analysis';
import type { Labels } from '@/presenters/labels';

/** Agencies shown when none is picked. */
export const LITIGATION_TOP = 15;
export const LITIGATION_KPIS = [
  'review_cases',
  'litigation_cases',
  'review_correction_rate',
  'litigation_correction_rate',
  'cases_per_100',
] as const;
export const LITIGATION_BY: readonly LitigationBy[] = ['year', 'level', 'kind'];
const RATES = ['review_correction_rate', 'litigation_correction_rate'] as const;
/** The indicators drawn over years. */
export const LITIGATION_YEAR_KEYS = [...RATES, 'cases_per_100'] as const;
const RESULTS = T4_RESULTS.filter((r) => r.key !== 'total');

export const litigationControls = (labels: Labels): ChoiceOption[] =>
  choiceOptions(LITIGATION_BY, 'litigation.byOption', labels);

/** How many reports of the selection filled section 四, and how many left it blank. */
export function litigationBasis(rows: readonly LitigationRow[], labels: Labels): string {
  const total = rows.reduce((a, r) => a + r.reports, 0);
  const n = rows.reduce((a, r) => a + r.reported, 0);
  return labels.t('litigation.basis', { n, total, left: formatCount(total - n, labels.lang) });
}

export interface CaseChart {
  readonly key: string;
  readonly title: string;
  readonly glossary: string;
  readonly option: ChartOption | null;
  readonly table: DataTable;
}

/**
 * Results of each kind of case (行政复议 and the two kinds of 行政诉讼) by year, level or kind:
 * by year every year of the span (one nobody reported is a hatched 未报告 bar), by level or kind
 * the groups with reports in the catalogue's order.
 */
export function presentCaseCharts(
  rows: readonly LitigationRow[],
  by: LitigationBy,
  range: string,
  labels: Labels,
): CaseChart[] {
  const filled = (r: LitigationRow, g: T4Group) => RESULTS.some((x) => r.cells[g][x.key] !== null);
  // By year each kind of case is drawn from the first to the last year it has figures in (named in
  // its title); a year inside nobody reported is a 未报告 mark. By level or kind: catalogue order.
  const shownFor = (g: T4Group): { name: string; row: LitigationRow | null }[] =>
    by === 'year'
      ? // Three charts side by side: plain years keep every label legible.
        trimToData(
          yearSlots(rows, (r) => Number(r.key)),
          (r) => filled(r, g),
        ).map((s) => ({ name: String(s.year), row: s.row }))
      : inCatalogueOrder(rows, by).map((r) => ({ name: groupLabel(by, r.key, labels), row: r }));
  return T4_GROUPS.map((g) => {
    const shown = shownFor(g.key);
    const names = shown.map((x) => x.name);
    return {
      key: g.key,
      title: labels.t('litigation.outcomesTitle', {
        group: labels.label(g.label),
        by: labels.t(`litigation.byWord.${by}`),
        range: by === 'year' ? yearSpan(shown.map((x) => Number(x.name))) || range : range,
      }),
      glossary: labels.glossary(g.key === 'review' ? 'review_correction_rate' : 'litigation_correction_rate'),
      option: stackedBars({
        categories: names,
        series: RESULTS.map((r) => ({
          key: r.key,
          name: labels.label(r.label),
          values: shown.map((x) => x.row?.cells[g.key][r.key] ?? null),
        })),
        mode: 'count',
        horizontal: by !== 'year',
        colors: T4_RESULT_COLORS,
        lang: labels.lang,
      }),
      table: {
        columns: ['', ...T4_RESULTS.map((r) => labels.label(r.label))],
        rows: shown.map((x) => [x.name, ...T4_RESULTS.map((r) => x.row?.cells[g.key][r.key] ?? null)]),
      },
    };
  });
}

export interface YearCharts {
  /** The years each chart has figures in, for its title. */
  readonly ratesYears: string;
  readonly per100Years: string;
  readonly rates: ChartOption | null;
  readonly per100: ChartOption | null;
  readonly table: DataTable;
  readonly ratesGlossary: string;
}

/** Correction rates and cases per 100 requests over years, each value with the reports it rests on. */
export function presentYearCharts(all: readonly IndicatorsByYear[], range: string, labels: Labels): YearCharts {
  const name = (key: string) => labels.label(indicator(key).name);
  // Each chart runs from the first to the last year with a value of its own: no empty years at the ends.
  const lines = (keys: readonly string[]) => {
    const rows = trimRows(all, (r) => keys.some((k) => (r.values[k] ?? null) !== null));
    return {
      years: rows.map((r) => r.year),
      series: keys.map((key) => ({
        key,
        name: name(key),
        values: rows.map((r) => r.values[key] ?? null),
        notes: rows.map((r) => `n = ${r.counts[key] ?? 0}`),
      })),
    };
  };
  const rates = lines(RATES);
  const per100 = lines(['cases_per_100']);
  return {
    ratesYears: yearSpan(rates.years) || range,
    per100Years: yearSpan(per100.years) || range,
    rates: noneReported(rates.series)
      ? null
      : buildYearLinesOption({
          ...rates,
          unit: 'percent',
          colors: {
            review_correction_rate: T4_GROUP_COLORS.review!,
            litigation_correction_rate: T4_GROUP_COLORS.suit_direct!,
          },
          lang: labels.lang,
        }),
    per100: noneReported(per100.series)
      ? null
      : buildYearLinesOption({ ...per100, unit: 'per_100', type: 'bar', lang: labels.lang }),
    table: {
      columns: [labels.t('filters.year'), ...LITIGATION_YEAR_KEYS.flatMap((k) => [name(k), `n ${name(k)}`])],
      rows: all.map((r) => [r.year, ...LITIGATION_YEAR_KEYS.flatMap((k) => [r.values[k] ?? null, r.counts[k] ?? 0])]),
    },
    ratesGlossary: glossaries(RATES, labels),
  };
}

export interface AgencyChart {
  readonly title: string;
  readonly option: ChartOption | null;
  readonly table: DataTable;
  readonly height: number;
}

/** The agencies with most cases (or the picked ones), their correction rates in the tooltip. */
export function presentAgencies(
  rows: readonly LitigationAgency[],
  picked: number,
  range: string,
  labels: Labels,
): AgencyChart {
  const rate = (key: string, v: number | null) =>
    `${labels.label(indicator(key).name)} ${formatValue(v, 'percent', labels.lang)}`;
  return {
    title: picked
      ? labels.t('litigation.agencyPicked', { range })
      : labels.t('litigation.agencyTitle', { n: LITIGATION_TOP, range }),
    option: stackedBars({
      categories: rows.map((r) => r.agencyName),
      series: T4_GROUPS.map((g) => ({
        key: g.key,
        name: labels.label(g.label),
        values: rows.map((r) => r.totals[g.key]),
      })),
      mode: 'count',
      horizontal: true,
      colors: T4_GROUP_COLORS,
      lang: labels.lang,
      footnote: (i) => {
        const r = rows[i];
        return r
          ? `${rate('review_correction_rate', r.reviewCorrection)}；${rate('litigation_correction_rate', r.litigationCorrection)}`
          : null;
      },
    }),
    table: {
      columns: [
        'agency_id',
        '',
        ...T4_GROUPS.map((g) => labels.label(g.label)),
        ...RATES.map((k) => labels.label(indicator(k).name)),
      ],
      rows: rows.map((r) => [
        r.agencyId,
        r.agencyName,
        ...T4_GROUPS.map((g) => r.totals[g.key]),
        r.reviewCorrection,
        r.litigationCorrection,
      ]),
    },
    height: barsHeight(rows.length, 28),
  };
}
