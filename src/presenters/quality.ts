import { KINDS, LEVELS, cell } from '@/domain/catalogue';
import { formatCount, formatPercent } from '@/domain/format';
import { formatCellValue } from '@/domain/report-layout';
import { checkDef, isRuleId, rule as ruleDef, type RuleDef, type RuleId, type Severity } from '@/domain/rules';
import { MIN_QUALITY_COVERAGE } from '@/domain/stats';
import type { FailureCounts, RuleShare, ScorePage } from '@/data/queries/quality';
import type { RuleResultRow } from '@/data/queries/rule-results';
import type { AgencyScoreRow } from '@/data/queries/rule-results/score';
import type { ViewState } from '@/url/schema';
import type { Labels } from '@/presenters/labels';
import { signedCellValue } from '@/presenters/report';

/** The data-quality view: its rule choice, KPIs, pass-rate table, failure list and agency scores. */

export const FAILURES_PER_PAGE = 25;
export const SCORES_PER_PAGE = 15;

export interface RuleChoice {
  /** The one rule chosen (when the engine evaluates it), or null for every rule. */
  readonly rule: RuleId | null;
  readonly severity: Severity | null;
  /** The rules shown: the chosen one, or every rule of the chosen severity, or all. */
  readonly picked: readonly RuleId[];
  /** The rules to ask for, or undefined for every rule (so the per-load counts serve the view). */
  readonly restrict: readonly RuleId[] | undefined;
}

/** The rule and severity of the URL, over the rules the SQL engine evaluates (`rules`). */
export function ruleChoice(
  choice: Pick<ViewState<'quality'>, 'rule' | 'severity'>,
  rules: readonly RuleDef[],
): RuleChoice {
  const r = choice.rule;
  const rule = r && isRuleId(r) && rules.some((x) => x.id === r) ? r : null;
  const severity = choice.severity;
  const picked = rules
    .filter((x) => (!rule || x.id === rule) && (!severity || x.severity === severity))
    .map((x) => x.id);
  return { rule, severity, picked, restrict: rule || severity ? picked : undefined };
}

export interface QualityKpi {
  readonly key: 'failures' | 'errors' | 'warnings' | 'reports';
  readonly label: string;
  readonly value: string;
  readonly note: string;
}

/** Failed checks (all, error-level, warning-level) and reports affected; "…" while the first answer is on its way. */
export function qualityKpis(counts: FailureCounts | null, labels: Labels): QualityKpi[] {
  const bySeverity = (sev: Severity) =>
    (counts?.perRule ?? []).filter((r) => ruleDef(r.rule).severity === sev).reduce((s, r) => s + r.failures, 0);
  const value = (n: number) => (counts ? formatCount(n, labels.lang) : '…');
  return [
    { key: 'failures', label: labels.t('quality.kpiFailures'), value: value(counts?.failures ?? 0), note: '' },
    { key: 'errors', label: labels.t('quality.kpiErrors'), value: value(bySeverity('error')), note: '' },
    { key: 'warnings', label: labels.t('quality.kpiWarnings'), value: value(bySeverity('warning')), note: '' },
    {
      key: 'reports',
      label: labels.t('quality.kpiReports'),
      value: value(counts?.reports ?? 0),
      note: '',
    },
  ];
}

export type QualityBy = ViewState<'quality'>['by'];

export interface SummaryColumn {
  readonly id: RuleId;
  readonly name: string;
}
export interface SummaryCell {
  readonly text: string;
  readonly share: number | null;
  readonly title: string;
}
export interface SummaryRow {
  readonly group: string;
  readonly cells: readonly SummaryCell[];
}

/** One column per rule shown, in the engine's order. */
export function summaryColumns(rules: readonly RuleDef[], picked: readonly RuleId[], labels: Labels): SummaryColumn[] {
  return rules.filter((r) => picked.includes(r.id)).map((r) => ({ id: r.id, name: labels.label(r.name) }));
}

function groupName(by: QualityBy, g: string, labels: Labels): string {
  const found =
    by === 'level' ? LEVELS.find((l) => l.key === g) : by === 'kind' ? KINDS.find((k) => k.key === g) : null;
  return found ? labels.label(found.label) : g;
}

function groupOrder(by: QualityBy, g: string): number {
  if (by === 'level') return LEVELS.findIndex((l) => l.key === g);
  if (by === 'kind') return KINDS.findIndex((k) => k.key === g);
  return 0;
}

/**
 * The pass-rate table: one row per group (years in order; levels and kinds in catalogue order),
 * one cell per column with the share of reports passing and its counts in the tooltip.
 */
export function summaryRows(
  pooled: readonly { group: string; rules: readonly RuleShare[] }[],
  by: QualityBy,
  columns: readonly SummaryColumn[],
  labels: Labels,
): SummaryRow[] {
  return [...pooled]
    .sort((a, b) => groupOrder(by, a.group) - groupOrder(by, b.group))
    .map((g) => {
      const group = groupName(by, g.group, labels);
      return {
        group,
        cells: columns.map((c) => {
          const s = g.rules.find((r) => r.rule === c.id);
          const share = s?.share ?? null;
          return {
            share,
            text: formatPercent(share, labels.lang),
            title: s ? `${c.id} · ${group}: ${s.passing} ✓ / ${s.failing} ✗ / ${s.notAssessable} ?` : '',
          };
        }),
      };
    });
}

/** Pages of a list of `total` items, at least one. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** A few cells by name (the rest counted); every cell in the tooltip. */
const CELLS_SHOWN = 3;

export interface FailureRow {
  readonly key: string;
  readonly agencyName: string;
  readonly agencyId: string;
  readonly year: number;
  readonly rule: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly severityLabel: string;
  readonly check: string;
  readonly checkLabel: string;
  readonly expected: string;
  readonly actual: string;
  readonly difference: string;
  readonly cells: string;
  readonly cellsTitle: string;
  readonly blankAsZero: boolean;
}

export function failureRows(rows: readonly RuleResultRow[], labels: Labels): FailureRow[] {
  return rows.map((r) => {
    const names = r.cells.map((c) => `${labels.label(cell(c.key).label)}${c.year !== r.year ? ` (${c.year})` : ''}`);
    const more = names.length - CELLS_SHOWN;
    return {
      key: `${r.agencyId}|${r.year}|${r.check}`,
      agencyName: r.agencyName,
      agencyId: r.agencyId,
      year: r.year,
      rule: r.rule,
      ruleName: labels.label(ruleDef(r.rule).name),
      severity: r.severity,
      severityLabel: labels.t(`quality.sev.${r.severity}`),
      check: r.check,
      checkLabel: labels.label(checkDef(r.check).label),
      expected: formatCellValue(r.expected),
      actual: formatCellValue(r.actual),
      difference: signedCellValue(r.difference),
      cells:
        labels.joinParts(names.slice(0, CELLS_SHOWN)) +
        (more > 0 ? ` ${labels.t('quality.moreCells', { n: more })}` : ''),
      cellsTitle: names.join('\n'),
      blankAsZero: r.blankAsZero,
    };
  });
}

export interface ScoreRow {
  readonly agencyId: string;
  readonly agencyName: string;
  /** The rank by the lower bound; "—" for an agency listed apart. */
  readonly rank: string;
  /** The pass rate (passes ÷ checks assessed). */
  readonly score: string;
  /** 0–1 for the bar, null without a pass rate. */
  readonly share: number | null;
  /** Checks assessed ÷ all checks. */
  readonly coverage: string;
  /** Coverage under MIN_QUALITY_COVERAGE (or no checks): why the agency is not ranked. */
  readonly lowCoverage: boolean;
  /** The Wilson 95% lower bound of passes over all checks: what the ranking orders by. */
  readonly lower: string;
  readonly reports: number;
  readonly years: string;
  readonly checksPass: number;
  readonly checksFail: number;
  readonly checksNotAssessable: number;
  readonly errorFailures: number;
}

export interface ScoreTables {
  /** Agencies on this page whose coverage reaches the threshold, by lower bound. */
  readonly ranked: ScoreRow[];
  /** Agencies on this page whose checks could too rarely be assessed: shown, not ranked. */
  readonly apart: ScoreRow[];
  /** Agencies in the filter (every page). */
  readonly total: number;
  /** Of them, listed apart (every page). */
  readonly apartTotal: number;
  readonly title: string;
  /** How many agencies the ranking leaves out, and why. */
  readonly apartNote: string;
}

function scoreRow(s: AgencyScoreRow, labels: Labels): ScoreRow {
  return {
    agencyId: s.agencyId,
    agencyName: s.agencyName,
    rank: s.fairRank === null ? '—' : String(s.fairRank),
    score: formatPercent(s.score, labels.lang),
    share: s.score,
    coverage: formatPercent(s.coverage, labels.lang),
    lowCoverage: s.coverage === null || s.coverage < MIN_QUALITY_COVERAGE,
    lower: formatPercent(s.scoreLower, labels.lang),
    reports: s.reports,
    years: s.firstYear === s.lastYear ? String(s.firstYear) : `${s.firstYear}–${s.lastYear}`,
    checksPass: s.checksPass,
    checksFail: s.checksFail,
    checksNotAssessable: s.checksNotAssessable,
    errorFailures: s.errorFailures,
  };
}

/**
 * One page of agency scores, asked for by lower bound (`scoresQuery(…, { byLowerBound: true })`):
 * the agencies ranked, and apart from them those whose coverage is under MIN_QUALITY_COVERAGE,
 * which the query puts after every ranked one.
 */
export function scoreTables(page: ScorePage | null, labels: Labels): ScoreTables {
  const rows = page?.rows ?? [];
  const total = page?.total ?? 0;
  const apartTotal = page?.apart ?? 0;
  const threshold = formatPercent(MIN_QUALITY_COVERAGE, labels.lang, 0);
  return {
    ranked: rows.filter((r) => r.fairRank !== null).map((r) => scoreRow(r, labels)),
    apart: rows.filter((r) => r.fairRank === null).map((r) => scoreRow(r, labels)),
    total,
    apartTotal,
    title: labels.t('quality.scoresTitle', { n: total }),
    apartNote:
      apartTotal > 0
        ? labels.t('quality.apartNote', { n: apartTotal, total, threshold })
        : labels.t('quality.noneApart', { threshold }),
  };
}

/** The export's file name: dataset, what it holds. */
export function exportFileName(dataset: string, problemsOnly: boolean): string {
  return `${dataset}-rule-results${problemsOnly ? '-problems' : ''}.csv`;
}
