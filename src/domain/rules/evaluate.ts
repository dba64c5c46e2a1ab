import { findCell, templateForYear, type Template } from '@/domain/catalogue';
import { assessedRules } from '@/domain/rules/definitions';
import type {
  CellRef,
  CheckDef,
  CheckResult,
  CheckStatus,
  EvaluateOptions,
  ResultCell,
  RuleDef,
  Term,
} from '@/domain/rules/types';

/** A report as a plain object: identity columns and cell keys; a blank cell is null or absent. */
export type ReportRow = Readonly<Record<string, unknown>>;

// ---------------------------------------------------------------------------------------------
// Which cells a check uses — shared by the TypeScript evaluator and the SQL result decoder
// ---------------------------------------------------------------------------------------------

/** Every cell a check can touch, in a fixed order (the bit order of the SQL blank mask). */
export function checkCells(check: CheckDef): CellRef[] {
  return [...check.actual, ...check.expected].flatMap((t) =>
    t.kind === 'cell' ? [t.cell] : t.alternatives.flatMap((alt) => alt.map((key) => ({ key }))),
  );
}

function fitsTemplate(keys: readonly string[], template: Template): boolean {
  return keys.every((k) => findCell(k)?.templates.includes(template) ?? false);
}

/**
 * The alternative of a derived group that gives its value: strictly, the first one fully
 * reported; with blank-as-0, the first one with anything reported. When none qualifies, the one
 * "closest" (most reported, then the report's own template) is named, so blanks can be listed.
 */
export function chooseAlternative(
  alternatives: readonly (readonly string[])[],
  isBlank: (key: string) => boolean,
  template: Template,
  blankAsZero: boolean,
): { keys: readonly string[]; usable: boolean } {
  const usable = alternatives.find((alt) =>
    blankAsZero ? alt.some((k) => !isBlank(k)) : alt.every((k) => !isBlank(k)),
  );
  if (usable) return { keys: usable, usable: true };
  const reported = (alt: readonly string[]) => alt.filter((k) => !isBlank(k)).length;
  const best = [...alternatives].sort(
    (a, b) => reported(b) - reported(a) || Number(fitsTemplate(b, template)) - Number(fitsTemplate(a, template)),
  )[0];
  return { keys: best ?? [], usable: blankAsZero };
}

export interface InvolvedCells {
  /** Cells used, with the alternative chosen for each derived group. */
  readonly cells: readonly CellRef[];
  readonly blankCells: readonly CellRef[];
}

/** `isBlank(i)` answers for the i-th cell of `checkCells(check)`. */
export function involvedCells(
  check: CheckDef,
  isBlank: (index: number) => boolean,
  template: Template,
  blankAsZero: boolean,
): InvolvedCells {
  const all = checkCells(check);
  const blankKey = new Set<string>();
  const blankPrev = new Set<string>();
  all.forEach((c, i) => {
    if (isBlank(i)) (c.prev ? blankPrev : blankKey).add(c.key);
  });
  const blank = (c: CellRef) => (c.prev ? blankPrev : blankKey).has(c.key);
  const cells = [...check.actual, ...check.expected].flatMap((t): CellRef[] =>
    t.kind === 'cell'
      ? [t.cell]
      : chooseAlternative(t.alternatives, (k) => blankKey.has(k), template, blankAsZero).keys.map((key) => ({ key })),
  );
  return { cells, blankCells: cells.filter(blank) };
}

// ---------------------------------------------------------------------------------------------
// The pure evaluator
// ---------------------------------------------------------------------------------------------

function cellValue(report: ReportRow | null, key: string): number | null {
  const v = report?.[key];
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  throw new Error(`Cell ${key} holds a ${typeof v}, not a number`);
}

export function reportTemplate(report: ReportRow): Template {
  const t = report.template;
  if (t === '2019' || t === '2021') return t;
  if (t !== null && t !== undefined && t !== '') throw new Error(`Unknown template: ${String(t)}`);
  return templateForYear(reportYear(report));
}

function reportYear(report: ReportRow): number {
  const y = Number(report.year);
  if (!Number.isInteger(y)) throw new Error(`Report without a valid year: ${String(report.year)}`);
  return y;
}

function compare(actual: number, expected: number, relation: CheckDef['relation']): boolean {
  if (relation === 'eq') return actual === expected;
  return relation === 'le' ? actual <= expected : actual >= expected;
}

function evaluateCheck(
  rule: RuleDef,
  check: CheckDef,
  cur: ReportRow,
  prev: ReportRow | null,
  blankAsZero: boolean,
): CheckResult | null {
  const year = reportYear(cur);
  const template = reportTemplate(cur);
  const lookup = (c: CellRef) => cellValue(c.prev ? prev : cur, c.key);
  const all = checkCells(check);
  const allBlank = all.every((c) => lookup(c) === null);
  if (check.skipWhenAllBlank && allBlank) return null;

  const involved = involvedCells(check, (i) => lookup(all[i] as CellRef) === null, template, blankAsZero);
  const toResult = (c: CellRef): ResultCell => ({ key: c.key, year: c.prev ? year - 1 : year });
  const base = {
    agencyId: String(cur.agency_id),
    year,
    rule: rule.id,
    check: check.id,
    severity: rule.severity,
    cells: involved.cells.map(toResult),
    blankCells: involved.blankCells.map(toResult),
  };
  const notAssessable = (reason: CheckResult['reason']): CheckResult => ({
    ...base,
    status: 'not_assessable',
    expected: null,
    actual: null,
    difference: null,
    reason,
    blankAsZero: false,
  });
  if (rule.crossYear && !prev) return notAssessable('no_previous_report');
  if (!blankAsZero && involved.blankCells.length > 0) return notAssessable('blank_cells');

  const side = (terms: readonly Term[]) =>
    terms.reduce((sum, t) => {
      const keys: readonly CellRef[] =
        t.kind === 'cell'
          ? [t.cell]
          : chooseAlternative(t.alternatives, (k) => cellValue(cur, k) === null, template, blankAsZero).keys.map(
              (key) => ({ key }),
            );
      return sum + t.sign * keys.reduce((s, c) => s + (lookup(c) ?? 0), 0);
    }, 0);
  const actual = side(check.actual);
  const expected = side(check.expected);
  const status: CheckStatus = compare(actual, expected, check.relation) ? 'pass' : 'fail';
  return {
    ...base,
    status,
    expected,
    actual,
    difference: actual - expected,
    reason: null,
    blankAsZero: involved.blankCells.length > 0,
  };
}

function applies(rule: RuleDef, cur: ReportRow, prev: ReportRow | null): boolean {
  if (!rule.templates.includes(reportTemplate(cur))) return false;
  return !(rule.prevTemplates && prev && !rule.prevTemplates.includes(reportTemplate(prev)));
}

function run(rules: readonly RuleDef[], cur: ReportRow, prev: ReportRow | null, blankAsZero: boolean): CheckResult[] {
  return rules
    .filter((r) => applies(r, cur, prev))
    .flatMap((r) => r.checks.map((c) => evaluateCheck(r, c, cur, prev, blankAsZero)))
    .filter((r): r is CheckResult => r !== null);
}

/** Every within-year check of one report (R1–R4, S1, S2). */
export function evaluateReport(report: ReportRow, options: EvaluateOptions = {}): CheckResult[] {
  const rules = assessedRules(options.rules).filter((r) => !r.crossYear);
  return run(rules, report, null, options.blankAsZero ?? false);
}

/**
 * The cross-year checks (R5, R6) of `cur` against the same agency's report for the year before;
 * `prev` null means there is none, which makes the checks not assessable.
 */
export function evaluatePair(prev: ReportRow | null, cur: ReportRow, options: EvaluateOptions = {}): CheckResult[] {
  if (prev && (String(prev.agency_id) !== String(cur.agency_id) || reportYear(prev) !== reportYear(cur) - 1)) {
    throw new Error('evaluatePair needs the same agency’s report for the year before');
  }
  const rules = assessedRules(options.rules).filter((r) => r.crossYear);
  return run(rules, cur, prev, options.blankAsZero ?? false);
}

/** Every check of every report, pairing each with the agency's previous year where present. */
export function evaluateReports(reports: readonly ReportRow[], options: EvaluateOptions = {}): CheckResult[] {
  const byKey = new Map(reports.map((r) => [`${String(r.agency_id)}\u0000${reportYear(r)}`, r]));
  return reports.flatMap((r) => [
    ...evaluateReport(r, options),
    ...evaluatePair(byKey.get(`${String(r.agency_id)}\u0000${reportYear(r) - 1}`) ?? null, r, options),
  ]);
}
