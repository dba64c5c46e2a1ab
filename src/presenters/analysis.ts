import { KINDS, LEVELS } from '@/domain/catalogue';
import type { DataTable } from '@/domain/csv';
import { formatValue, yearSpan } from '@/domain/format';
import { indicator } from '@/domain/indicators';
import type { IndicatorTotals } from '@/data/queries/indicator-totals';
import { buildStackedBarsOption, type StackedBarsInput, type StackedSeries } from '@/charts/stacked-bars';
import { fillYears } from '@/charts/year-lines';
import type { Labels } from '@/presenters/labels';

/** An option for the chart component, as the chart builders make it. */
export type ChartOption = ReturnType<typeof buildStackedBarsOption>;

/**
 * What the analysis views (outcomes, applicants, review & litigation, proactive disclosure) share:
 * groups of agencies in catalogue order, every year of a span with its missing years kept,
 * stacked bars that stay empty when nothing is reported, and titles naming the years shown.
 */

/** Agencies grouped by a catalogue dimension. */
export type CatalogueGroup = 'level' | 'kind';

/** A headline figure of a view (what `KpiRow` shows). */
export interface KpiItem {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly note: string;
  readonly glossary?: string;
  /** Reports the figure rests on (the number in the note), for the written findings. */
  readonly basis?: number;
}

/** A choice of a segmented control. */
export interface ChoiceOption {
  readonly key: string;
  readonly label: string;
}

/** The options of a segmented control whose labels are messages `<prefix>.<key>`. */
export function choiceOptions(keys: readonly string[], prefix: string, labels: Labels): ChoiceOption[] {
  return keys.map((key) => ({ key, label: labels.t(`${prefix}.${key}`) }));
}

/** The label of a level or kind key; an unknown key is shown as it is. */
export function groupLabel(by: CatalogueGroup, key: string, labels: Labels): string {
  const found = (by === 'level' ? LEVELS : KINDS).find((x) => x.key === key);
  return found ? labels.label(found.label) : key;
}

/** Rows of levels or kinds in the catalogue's order (province before city …); unknown keys last. */
export function inCatalogueOrder<T extends { readonly key: string }>(rows: readonly T[], by: CatalogueGroup): T[] {
  const order = (by === 'level' ? LEVELS : KINDS).map((x) => x.key as string);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...rows].sort((a, b) => rank(a.key) - rank(b.key));
}

/** One year of a span and its row; null when no report of that year came back. */
export interface YearSlot<T> {
  readonly year: number;
  readonly row: T | null;
}

/** Every year from the first to the last row: a year without a row stays in the span, empty (never 0). */
export function yearSlots<T>(rows: readonly T[], yearOf: (row: T) => number): YearSlot<T>[] {
  return fillYears(rows.map(yearOf)).map((year) => ({ year, row: rows.find((r) => yearOf(r) === year) ?? null }));
}

/**
 * The slots from the first to the last year with data: years nobody reported at either end are
 * not drawn (the title names the years shown), years inside stay as 未报告 marks.
 */
export function trimToData<T>(slots: readonly YearSlot<T>[], hasData: (row: T) => boolean): YearSlot<T>[] {
  const has = slots.map((s) => s.row !== null && hasData(s.row));
  const first = has.indexOf(true);
  return first < 0 ? [] : slots.slice(first, has.lastIndexOf(true) + 1);
}

/** Rows (one per year, in order) from the first to the last that has data: years at either end with none are left off. */
export function trimRows<T>(rows: readonly T[], hasData: (row: T) => boolean): T[] {
  const has = rows.map(hasData);
  const first = has.indexOf(true);
  return first < 0 ? [] : rows.slice(first, has.lastIndexOf(true) + 1);
}

/** Whether no series has a single reported value. */
export function noneReported(series: readonly { readonly values: readonly (number | null)[] }[]): boolean {
  return series.every((s) => s.values.every((v) => v === null));
}

/** The years (aligned with the series' values) at which at least one series has a value. */
export function yearsWithData(
  years: readonly number[],
  series: readonly { readonly values: readonly (number | null)[] }[],
): number[] {
  return years.filter((_, i) => series.some((s) => (s.values[i] ?? null) !== null));
}

/**
 * The years a chart over years actually shows, for its title: first to last year with a value
 * (`yearSpan`); the filter's range only when nothing is shown (the card then says so).
 */
export function shownYears(
  years: readonly number[],
  series: readonly { readonly values: readonly (number | null)[] }[],
  range: string,
): string {
  return yearSpan(yearsWithData(years, series)) || range;
}

/**
 * Stacked bars of parts per category, or null when nothing is reported (the card says "no data").
 * A category with no part reported is drawn as a hatched 未报告 bar with its legend entry.
 */
export function stackedBars(input: StackedBarsInput): ChartOption | null {
  return noneReported(input.series) ? null : buildStackedBarsOption(input);
}

/** The table behind stacked bars: one row per category, its report count, then each part. */
export function partsTable(
  head: string,
  reportsHead: string | null,
  categories: readonly string[],
  series: readonly StackedSeries[],
  reports?: readonly number[],
): DataTable {
  return {
    columns: [head, ...(reportsHead === null ? [] : [reportsHead]), ...series.map((s) => s.name)],
    rows: categories.map((c, i) => [
      c,
      ...(reportsHead === null ? [] : [reports?.[i] ?? 0]),
      ...series.map((s) => s.values[i] ?? null),
    ]),
  };
}

/** Height of a card of horizontal bars: room for each bar, never less than a small chart. */
export const barsHeight = (bars: number, perBar = 30, extra = 70): number => Math.max(200, bars * perBar + extra);

/** Several glossary entries in one tooltip, separated by a blank line. */
export const glossaries = (keys: readonly string[], labels: Labels): string => keys.map(labels.glossary).join('\n\n');

/**
 * Headline cards of indicators pooled over the selection, each with the reports it rests on;
 * "…" while the first answer is on its way (not yet known is not "—", not reported).
 */
export function indicatorKpis(
  totals: IndicatorTotals | null,
  keys: readonly string[],
  labels: Labels,
  loading = false,
): KpiItem[] {
  return keys.map((key) => {
    const def = indicator(key);
    const basis = totals?.counts[key] ?? 0;
    return {
      key,
      label: labels.label(def.name),
      value: loading && !totals ? '…' : formatValue(totals?.values[key] ?? null, def.unit, labels.lang),
      note: labels.t('overview.basis', { n: basis }),
      glossary: labels.glossary(key),
      basis,
    };
  });
}
