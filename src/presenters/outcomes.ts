import { OUTCOME_GROUPS, T3_ROWS, T4_GROUPS, templateForYear } from '@/domain/catalogue';
import type { DataTable } from '@/domain/csv';
import { formatCount } from '@/domain/format';
import { buildOutcomeFlowOption } from '@/charts/outcome-flow';
import { OTHER_REASON_COLORS, OUTCOME_COLORS } from '@/charts/theme';
import { yearLabel } from '@/charts/axis';
import type { CompositionBy, CompositionRow, DrillGroup, OutcomeFlow, ReasonYear } from '@/data/queries/outcomes';
import {
  barsHeight,
  choiceOptions,
  glossaries,
  groupLabel,
  inCatalogueOrder,
  partsTable,
  shownYears,
  stackedBars,
  trimToData,
  yearSlots,
  type ChartOption,
  type ChoiceOption,
} from '@/presenters/analysis';
import type { Labels } from '@/presenters/labels';

/** Agencies shown in the composition when none is picked. */
export const OUTCOMES_TOP = 15;
export const OUTCOME_KPIS = [
  'handled',
  'disclosure_rate',
  'denial_rate',
  'unable_rate',
  'rejected_rate',
  'other_rate',
] as const;
/** The rate of each group whose reasons can be drilled into (its glossary entry). */
const GROUP_RATE: Record<DrillGroup, string> = {
  denied: 'denial_rate',
  unable: 'unable_rate',
  rejected: 'rejected_rate',
  other: 'other_rate',
};

const groupName = (key: string, labels: Labels) =>
  labels.label(OUTCOME_GROUPS.find((g) => g.key === key)?.label ?? { zh: key, en: key });

export interface OutcomeControls {
  readonly by: ChoiceOption[];
  readonly reason: ChoiceOption[];
  readonly mode: ChoiceOption[];
}

/** The options of the view's three segmented controls. */
export function outcomeControls(
  byKeys: readonly CompositionBy[],
  drillGroups: readonly DrillGroup[],
  labels: Labels,
): OutcomeControls {
  return {
    by: choiceOptions(byKeys, 'outcomes.byOption', labels),
    reason: drillGroups.map((g) => ({ key: g, label: groupName(g, labels) })),
    mode: choiceOptions(['count', 'share'], 'outcomes.modeOption', labels),
  };
}

export interface CompositionPresentation {
  readonly title: string;
  /** What the bars count and how many reports of the selection they leave out. */
  readonly note: string;
  readonly option: ChartOption | null;
  readonly table: DataTable;
  /** Reports counted in the bars (all six groups reported). */
  readonly reports: number;
  readonly height: number;
  readonly glossary: string;
}

/** The label of a composition bar: an agency's name, a level or kind in words, or a sector as named. */
function compositionName(row: CompositionRow, by: CompositionBy, labels: Labels): string {
  if (by === 'agency') return row.name;
  if (by === 'sector') return row.key || labels.t('outcomes.noSector');
  return groupLabel(by, row.key, labels);
}

/** 100% bars of the six outcome groups per agency, level or kind. */
export function presentComposition(
  rows: readonly CompositionRow[],
  by: CompositionBy,
  picked: number,
  selected: number,
  range: string,
  labels: Labels,
): CompositionPresentation {
  const ordered = by === 'agency' || by === 'sector' ? [...rows] : inCatalogueOrder(rows, by);
  const names = ordered.map((r) => compositionName(r, by, labels));
  const series = OUTCOME_GROUPS.map((g) => ({
    key: g.key,
    name: labels.label(g.label),
    values: ordered.map((r) => r.groups[g.key]),
  }));
  const titleKey = by === 'agency' ? (picked ? 'picked' : 'agency') : by;
  const reports = ordered.reduce((a, r) => a + r.reports, 0);
  return {
    // Before the count of selected reports arrives, the note does not claim fewer than the bars hold.
    note: labels.t('outcomes.compositionNote', {
      n: reports,
      total: Math.max(selected, reports),
      left: formatCount(Math.max(0, selected - reports), labels.lang),
    }),
    title: labels.t(`outcomes.compositionTitle.${titleKey}`, { n: ordered.length || OUTCOMES_TOP, range }),
    option: ordered.length
      ? stackedBars({
          categories: names,
          series,
          mode: 'share',
          horizontal: true,
          colors: OUTCOME_COLORS,
          lang: labels.lang,
        })
      : null,
    table: partsTable(
      '',
      labels.t('outcomes.reports'),
      names,
      series,
      ordered.map((r) => r.reports),
    ),
    reports,
    height: barsHeight(ordered.length),
    glossary: glossaries(['disclosure_rate', 'denial_rate', 'unable_rate', 'rejected_rate', 'other_rate'], labels),
  };
}

export interface ReasonsPresentation {
  readonly title: string;
  /** How many reports of the selection filled the group's reasons, and which years none did. */
  readonly note: string;
  readonly unit: string;
  readonly glossary: string;
  readonly option: ChartOption | null;
  readonly table: DataTable;
  /** For 其他处理: reports with the single row (of which on the 2021 template) and with the three rows. */
  readonly otherCounts: { single: number; single2021: number; split: number };
}

/** The reasons of one outcome group per year; a year nobody reported is a hatched 未报告 bar, never 0. */
export function presentReasons(
  years: readonly ReasonYear[],
  group: DrillGroup,
  mode: 'count' | 'share',
  range: string,
  labels: Labels,
): ReasonsPresentation {
  // Years at either end nobody reported are not drawn; years inside are hatched 未报告 marks.
  const slots = trimToData(
    yearSlots(years, (y) => y.year),
    (y) => y.reported > 0,
  );
  const series = T3_ROWS.filter((r) => r.group === group).map((r) => ({
    key: r.key,
    name: r.key === 'other_single' ? labels.t('outcomes.singleRow') : `${r.number} ${labels.label(r.label)}`,
    values: slots.map((s) => s.row?.values[r.key] ?? null),
  }));
  const single = (ys: readonly ReasonYear[]) => ys.reduce((a, y) => a + y.singleRow, 0);
  const total = years.reduce((a, y) => a + y.reports, 0);
  const n = years.reduce((a, y) => a + y.reported, 0);
  const none = years.filter((y) => y.reported === 0).map((y) => String(y.year));
  const shown = slots.map((s) => s.year);
  return {
    title: labels.t('outcomes.reasonTitle', {
      group: groupName(group, labels),
      range: shownYears(shown, series, range),
    }),
    note: labels.joinParts([
      labels.t('outcomes.reasonNote', {
        group: groupName(group, labels),
        n,
        total,
        left: formatCount(total - n, labels.lang),
      }),
      ...(none.length ? [labels.t('outcomes.reasonNoYears', { years: labels.list(none) })] : []),
    ]),
    unit: mode === 'share' ? labels.t('outcomes.unitShare') : labels.t('chart.unitCount'),
    glossary: labels.glossary(GROUP_RATE[group]),
    option: stackedBars({
      categories: slots.map((s) => yearLabel(s.year, labels.lang)),
      series,
      mode,
      colors: group === 'other' ? OTHER_REASON_COLORS : undefined,
      lang: labels.lang,
    }),
    table: {
      columns: [labels.t('filters.year'), ...series.map((s) => s.name)],
      rows: slots.map((s, i) => [s.year, ...series.map((x) => x.values[i] ?? null)]),
    },
    otherCounts: {
      single: single(years),
      single2021: single(years.filter((y) => templateForYear(y.year) === '2021')),
      split: years.reduce((a, y) => a + y.splitRows, 0),
    },
  };
}

export interface FlowPresentation {
  readonly option: ChartOption | null;
  readonly table: DataTable | null;
  /** Which reports the flow rests on, before the source line. */
  readonly basis: string;
  readonly glossary: string;
}

/** Requests → outcomes → review and litigation, over the reports complete enough for it. */
export function presentFlow(flow: OutcomeFlow | null, labels: Labels): FlowPresentation {
  const names: Record<string, string> = {
    ...Object.fromEntries(
      ['new', 'carried_in', 'received', 'handled', 'carried_out'].map((k) => [k, labels.t(`outcomes.flowNode.${k}`)]),
    ),
    ...Object.fromEntries(OUTCOME_GROUPS.map((g) => [g.key, labels.label(g.label)])),
    ...Object.fromEntries(T4_GROUPS.map((g) => [g.key, labels.label(g.label)])),
  };
  const cases = (key: string, f: OutcomeFlow) =>
    key === 'review' ? f.review : key === 'suit_direct' ? f.suitDirect : f.suitAfterReview;
  const name = (key: string) => names[key] ?? key;
  return {
    option:
      flow && flow.reports > 0
        ? buildOutcomeFlowOption({
            figures: {
              newRequests: flow.newRequests,
              carriedIn: flow.carriedIn,
              handled: flow.handled,
              carriedOut: flow.carriedOut,
              groups: OUTCOME_GROUPS.map((g) => ({ key: g.key, value: flow.groups[g.key] })),
              review: flow.review,
              suitDirect: flow.suitDirect,
              suitAfterReview: flow.suitAfterReview,
            },
            names,
            onwardNote: labels.t('outcomes.flowNote'),
            lang: labels.lang,
          })
        : null,
    table: flow
      ? {
          columns: ['', labels.t('chart.unitCount')],
          rows: [
            [name('new'), flow.newRequests],
            [name('carried_in'), flow.carriedIn],
            [name('handled'), flow.handled],
            ...OUTCOME_GROUPS.map((g) => [name(g.key), flow.groups[g.key]]),
            [name('carried_out'), flow.carriedOut],
            ...T4_GROUPS.map((g) => [name(g.key), cases(g.key, flow)]),
          ],
        }
      : null,
    basis: labels.t('outcomes.flowBasis', { n: flow?.reports ?? 0, total: flow?.selected ?? 0 }),
    glossary: glossaries(['completion_rate', 'carryover_rate', 'dispute_rate'], labels),
  };
}
