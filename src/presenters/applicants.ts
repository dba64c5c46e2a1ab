import { T3_APPLICANT_COLS, T3_COLS, T3_ORG_COLS, type T3Col } from '@/domain/catalogue';
import type { DataTable } from '@/domain/csv';
import { indicator } from '@/domain/indicators';
import { formatCount, formatValue } from '@/domain/format';
import { buildYearLinesOption } from '@/charts/year-lines';
import { yearLabel } from '@/charts/axis';
import { APPLICANT_COLORS } from '@/charts/theme';
import type { ApplicantRow } from '@/data/queries/applicants';
import type { IndicatorTotals } from '@/data/queries/indicator-totals';
import type { IndicatorsByYear } from '@/data/queries/overview';
import {
  choiceOptions,
  groupLabel,
  inCatalogueOrder,
  partsTable,
  shownYears,
  stackedBars,
  trimToData,
  yearSlots,
  type CatalogueGroup,
  type ChartOption,
  type ChoiceOption,
  type KpiItem,
} from '@/presenters/analysis';
import type { Labels } from '@/presenters/labels';

export const APPLICANT_KPIS = ['new_requests', 'org_share'] as const;
export const APPLICANT_MODES = ['count', 'share'] as const;
export const APPLICANT_BY = ['level', 'kind'] as const;

const colLabel = (c: string, labels: Labels) =>
  labels.label(T3_COLS.find((x) => x.key === c)?.label ?? { zh: c, en: c });

/** Reports counted (all six applicant columns reported) and reports selected, over rows by year. */
export function applicantBasis(rows: readonly ApplicantRow[]): { complete: number; selected: number } {
  return {
    complete: rows.reduce((a, r) => a + r.reports, 0),
    selected: rows.reduce((a, r) => a + r.selected, 0),
  };
}

/** New requests, from persons, from organisations and the organisations' share, each with its basis. */
export function applicantKpis(
  totals: IndicatorTotals | null,
  byYear: readonly ApplicantRow[],
  labels: Labels,
): KpiItem[] {
  const fromIndicator = (key: string): KpiItem => {
    const def = indicator(key);
    return {
      key,
      label: labels.label(def.name),
      value: formatValue(totals?.values[key] ?? null, def.unit, labels.lang),
      note: labels.t('applicants.basis', { n: totals?.counts[key] ?? 0 }),
      basis: totals?.counts[key] ?? 0,
      glossary: labels.glossary(key),
    };
  };
  const { complete } = applicantBasis(byYear);
  const counted = (key: string, cols: readonly T3Col[]): KpiItem => ({
    key,
    label: labels.t(`applicants.${key}`),
    value: formatCount(
      byYear.length ? byYear.reduce((a, r) => a + cols.reduce((b, c) => b + (r.values[c] ?? 0), 0), 0) : null,
      labels.lang,
    ),
    note: labels.t('applicants.basis', { n: complete }),
  });
  return [
    fromIndicator('new_requests'),
    counted('persons', ['person']),
    counted('organisations', T3_ORG_COLS),
    fromIndicator('org_share'),
  ];
}

export interface ApplicantCharts {
  readonly controls: { mode: ChoiceOption[]; by: ChoiceOption[] };
  /** The years the charts show (first to last year with a complete report), for their titles. */
  readonly shownYears: string;
  readonly unit: string;
  /** Every year of the span; a year without a complete report is a hatched 未报告 bar. */
  readonly years: { option: ChartOption | null; table: DataTable };
  readonly orgs: { option: ChartOption | null; table: DataTable };
  readonly groups: { title: string; option: ChartOption | null; table: DataTable };
}

/** The stacked bars of applicant types by year, by level or kind, and of the five kinds of organisation. */
export function presentApplicantCharts(
  byYear: readonly ApplicantRow[],
  byGroup: readonly ApplicantRow[],
  mode: 'count' | 'share',
  by: CatalogueGroup,
  range: string,
  labels: Labels,
): ApplicantCharts {
  const seriesOf = (rows: readonly (ApplicantRow | null)[], cols: readonly T3Col[]) =>
    cols.map((c) => ({ key: c, name: colLabel(c, labels), values: rows.map((r) => r?.values[c] ?? null) }));
  const reportsHead = labels.t('applicants.reports');
  // Years at either end without a complete report are not drawn; years inside are 未报告 marks.
  const slots = trimToData(
    yearSlots(byYear, (r) => Number(r.key)),
    (r) => r.reports > 0,
  );
  const yearRows = slots.map((s) => s.row);
  const yearNames = slots.map((s) => String(s.year));
  const yearCategories = slots.map((s) => yearLabel(s.year, labels.lang));
  const yearReports = yearRows.map((r) => r?.reports ?? 0);
  const anyComplete = yearReports.some((n) => n > 0);
  const bars = (categories: string[], series: ReturnType<typeof seriesOf>, horizontal = false) =>
    stackedBars({ categories, series, mode, horizontal, colors: APPLICANT_COLORS, lang: labels.lang });
  const all = seriesOf(yearRows, T3_APPLICANT_COLS);
  const groups = inCatalogueOrder(
    byGroup.filter((r) => r.reports > 0),
    by,
  );
  const groupNames = groups.map((r) => groupLabel(by, r.key, labels));
  const groupSeries = seriesOf(groups, T3_APPLICANT_COLS);
  const table = partsTable('', reportsHead, yearNames, all, yearReports);
  const shown = shownYears(
    slots.map((s) => s.year),
    [{ values: yearReports.map((n) => (n > 0 ? n : null)) }],
    range,
  );
  return {
    shownYears: shown,
    controls: {
      mode: choiceOptions(APPLICANT_MODES, 'applicants.modeOption', labels),
      by: choiceOptions(APPLICANT_BY, 'applicants.byOption', labels),
    },
    unit: mode === 'share' ? labels.t('applicants.unitShare') : labels.t('chart.unitCount'),
    years: { option: anyComplete ? bars(yearCategories, all) : null, table },
    orgs: {
      option: anyComplete ? bars(yearCategories, seriesOf(yearRows, T3_ORG_COLS)) : null,
      table,
    },
    groups: {
      title: labels.t(`applicants.groupTitle.${by}`, { range: shown }),
      option: bars(groupNames, groupSeries, true),
      table: partsTable(
        '',
        reportsHead,
        groupNames,
        groupSeries,
        groups.map((r) => r.reports),
      ),
    },
  };
}

/** The organisations' share of new requests per year, with the reports each year rests on. */
export function presentOrgShare(rows: readonly IndicatorsByYear[], range: string, labels: Labels) {
  const name = labels.label(indicator('org_share').name);
  const values = rows.map((r) => r.values.org_share ?? null);
  return {
    title: labels.t('applicants.shareTitle', {
      range: shownYears(
        rows.map((r) => r.year),
        [{ values }],
        range,
      ),
    }),
    option: values.some((v) => v !== null)
      ? buildYearLinesOption({
          years: rows.map((r) => r.year),
          series: [{ key: 'org_share', name, values, notes: rows.map((r) => `n = ${r.counts.org_share ?? 0}`) }],
          unit: 'percent',
          lang: labels.lang,
        })
      : null,
    table: {
      columns: [labels.t('filters.year'), name, 'n'],
      rows: rows.map((r) => [r.year, r.values.org_share ?? null, r.counts.org_share ?? 0]),
    } satisfies DataTable,
  };
}
