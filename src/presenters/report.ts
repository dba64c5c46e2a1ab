import { cell } from '@/domain/catalogue';
import { formatCellValue, reportLayout, usesSingleOther, type TableLayout } from '@/domain/report-layout';
import {
  checkDef,
  describeCheck,
  evaluatePair,
  evaluateReport,
  reportTemplate,
  rule as ruleDef,
  type CheckResult,
  type ReportRow,
  type ResultCell,
} from '@/domain/rules';
import type { AgencyYear } from '@/data/queries/report';
import type { Labels } from '@/presenters/labels';

/**
 * The one-report view: the year shown, the rule checks of the report (and of it against the year
 * before), how its cells are marked, and the words around them.
 */

/** A figure with its sign ("+3", "−2", "0"); blank when there is none. */
export function signedCellValue(v: number | null): string {
  if (v === null) return '';
  return v > 0 ? `+${formatCellValue(v)}` : v < 0 ? `−${formatCellValue(-v)}` : '0';
}

/** The year shown: the one asked for when the agency has it, else its latest; `missing` when asked for and absent. */
export function pickReportYear(
  years: readonly AgencyYear[] | null,
  wanted: number | null,
): { year: number | null; missing: boolean } {
  const list = years ?? [];
  const year = list.some((y) => y.year === wanted) ? wanted : (list.at(-1)?.year ?? null);
  return { year, missing: wanted !== null && years !== null && year !== wanted };
}

export interface ReportChecks {
  /** The year of the report checked. */
  readonly year: number;
  readonly results: readonly CheckResult[];
  readonly failing: readonly CheckResult[];
  readonly notAssessable: readonly CheckResult[];
  /** The check named in the URL, when the report has it. */
  readonly focus: CheckResult | null;
}

/** Every check of the report, and its cross-year checks against `prev` (the year before, or null). */
export function reportChecks(
  cur: ReportRow,
  prev: ReportRow | null,
  opts: { blankAsZero: boolean; focus: string | null },
): ReportChecks {
  const o = { blankAsZero: opts.blankAsZero };
  const results = [...evaluateReport(cur, o), ...evaluatePair(prev, cur, o)];
  return {
    year: Number(cur.year),
    results,
    failing: results.filter((r) => r.status === 'fail'),
    notAssessable: results.filter((r) => r.status === 'not_assessable'),
    focus: results.find((r) => r.check === opts.focus) ?? null,
  };
}

/** "R4 名称 · 核对项" */
export function checkName(r: CheckResult, labels: Labels): string {
  return `${r.rule} ${labels.label(ruleDef(r.rule).name)} · ${labels.label(checkDef(r.check).label)}`;
}

/** How a value cell is marked (the shape ReportTable takes). */
export interface ReportCellMark {
  readonly fail: boolean;
  readonly focus: boolean;
  readonly prevFail: boolean;
  readonly prevFocus: boolean;
  /** The failing checks on the cell, for its tooltip. */
  readonly titles: readonly string[];
}

/**
 * Marks per cell key: `fail` on this year's cells of a failed check (and on this year's cells of a
 * failed cross-year check, so it shows without last year's figures), `prevFail` on last year's;
 * `focus`/`prevFocus` on the cells of the check in focus, whatever its status.
 */
export function cellMarks(checks: ReportChecks, labels: Labels): Record<string, ReportCellMark> {
  const y = checks.year;
  const out: Record<
    string,
    { fail: boolean; focus: boolean; prevFail: boolean; prevFocus: boolean; titles: string[] }
  > = {};
  const at = (key: string) =>
    (out[key] ??= { fail: false, focus: false, prevFail: false, prevFocus: false, titles: [] });
  for (const r of checks.failing)
    for (const c of r.cells) {
      const m = at(c.key);
      if (c.year === y) m.fail = true;
      else m.prevFail = true;
      m.titles.push(checkName(r, labels));
    }
  for (const c of checks.focus?.cells ?? []) {
    const m = at(c.key);
    if (c.year === y) m.focus = true;
    else m.prevFocus = true;
  }
  return out;
}

/** The failed check a click on a cell of this year opens, or null. */
export function checkAtCell(checks: ReportChecks, key: string): string | null {
  return checks.failing.find((x) => x.cells.some((c) => c.key === key && c.year === checks.year))?.check ?? null;
}

function cellText(c: ResultCell, year: number, labels: Labels): string {
  return `${labels.label(cell(c.key).label)}${c.year !== year ? labels.t('report.lastYear', { year: c.year }) : ''}`;
}

/** One failed check as the list explains it (the shape CheckList takes). */
export interface ReportCheckItem {
  readonly id: string;
  readonly rule: string;
  readonly ruleName: string;
  readonly severity: 'error' | 'warning';
  readonly severityLabel: string;
  readonly label: string;
  readonly formula: string;
  readonly explanation: string;
  readonly expected: string;
  readonly actual: string;
  readonly difference: string;
  readonly cells: string;
  readonly focus: boolean;
}

/** The failed checks, the one in focus first. */
export function checkItems(checks: ReportChecks, focusId: string | null, labels: Labels): ReportCheckItem[] {
  return [...checks.failing]
    .sort((a, b) => Number(b.check === focusId) - Number(a.check === focusId))
    .map((r) => {
      const def = ruleDef(r.rule);
      return {
        id: r.check,
        rule: r.rule,
        ruleName: labels.label(def.name),
        severity: r.severity,
        severityLabel: labels.t(`report.severity.${r.severity}`),
        label: labels.label(checkDef(r.check).label),
        formula: describeCheck(checkDef(r.check), labels.lang),
        explanation: labels.label(def.explanation),
        expected: formatCellValue(r.expected),
        actual: formatCellValue(r.actual),
        difference: signedCellValue(r.difference),
        cells: labels.joinParts(r.cells.map((c) => cellText(c, checks.year, labels))),
        focus: r.check === focusId,
      };
    });
}

/** The checks that could not be assessed, each with why. */
export function notAssessableItems(checks: ReportChecks, labels: Labels): { check: string; text: string }[] {
  return checks.notAssessable.map((r) => ({
    check: r.check,
    text: `${checkName(r, labels)} — ${
      r.reason === 'no_previous_report'
        ? labels.t('report.noPrevReport')
        : labels.t('report.blankCells', {
            cells: labels.list(r.blankCells.map((c) => cellText(c, checks.year, labels))),
          })
    }`,
  }));
}

/** "共核对 N 项：…" */
export function checksSummary(checks: ReportChecks, labels: Labels): string {
  const fail = checks.failing.length;
  const na = checks.notAssessable.length;
  return labels.t('report.checksSummary', {
    total: checks.results.length,
    fail,
    pass: checks.results.length - fail - na,
    na,
  });
}

export interface ReportSection {
  readonly key: 's2' | 's3' | 's4';
  readonly title: string;
  readonly table: TableLayout;
  /** Last year's figures beside this section's, or null. */
  readonly prev: ReportRow | null;
}

export interface ReportPage {
  readonly template: '2019' | '2021';
  readonly singleOther: boolean;
  readonly prevTemplate: '2019' | '2021' | null;
  readonly sections: readonly ReportSection[];
}

/**
 * The three tables of the report in its template's layout. Last year's figures are shown beside
 * them when asked for; in section 二 only when both years use the same template (its cells differ).
 */
export function reportPage(cur: ReportRow, prev: ReportRow | null, showPrev: boolean, labels: Labels): ReportPage {
  const template = reportTemplate(cur);
  const layout = reportLayout(template, template === '2021' && usesSingleOther(cur));
  const prevTemplate = prev ? reportTemplate(prev) : null;
  const shownPrev = showPrev ? prev : null;
  return {
    template,
    singleOther: layout.singleOther,
    prevTemplate,
    sections: [
      {
        key: 's2',
        title: labels.t('report.section2'),
        table: layout.section2,
        prev: prevTemplate === template ? shownPrev : null,
      },
      { key: 's3', title: labels.t('report.section3'), table: layout.section3, prev: shownPrev },
      { key: 's4', title: labels.t('report.section4'), table: layout.section4, prev: shownPrev },
    ],
  };
}

/** The link to the report's source, only when it is an http(s) address. */
export function sourceLink(cur: ReportRow | null): string | null {
  const u = cur?.source_url;
  return typeof u === 'string' && /^https?:\/\//i.test(u.trim()) ? u.trim() : null;
}

/** The page title: the agency and year once a report is shown. */
export function reportTitle(agencyName: string, year: number | null, shown: boolean, labels: Labels): string {
  return shown ? labels.t('report.titleOf', { agency: agencyName, year: year ?? '' }) : labels.t('report.title');
}

/**
 * What the checks section says about the check named in the URL: that the report has no such
 * check, or that it passed or could not be assessed (a failure is shown in the list instead).
 */
export function focusNote(
  checks: ReportChecks,
  focusId: string | null,
  labels: Labels,
): { kind: 'unknown'; text: string } | { kind: 'status'; name: string; text: string } | null {
  if (!focusId) return null;
  const f = checks.focus;
  if (!f) return { kind: 'unknown', text: labels.t('report.focusUnknown', { id: focusId }) };
  if (f.status === 'fail') return null;
  return { kind: 'status', name: checkName(f, labels), text: labels.t(`report.focusStatus.${f.status}`) };
}

/**
 * The agency's earlier names (a body renamed in a reform and linked to one agency_id in the Data
 * view): "原名：…" with the years published under each, or null when it always had this name.
 */
export function formerNamesText(
  years: readonly { readonly year: number; readonly agencyName: string }[] | null | undefined,
  currentName: string,
  l: Labels,
): string | null {
  const earlier = (years ?? []).filter((y) => y.agencyName && y.agencyName !== currentName);
  if (!earlier.length) return null;
  const names = [...new Set(earlier.map((y) => y.agencyName))];
  const ys = earlier.map((y) => y.year);
  return l.t('report.formerName', { names: l.list(names), years: l.list(ys.map(String)) });
}
